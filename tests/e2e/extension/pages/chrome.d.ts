// Callbacks passed to `serviceWorker.evaluate` and `page.evaluate` on extension pages run
// where `chrome` exists; this gives them its types (WXT's generated browser typings).
declare const chrome: typeof import('@wxt-dev/browser').Browser;
