import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { threadKey, threadReaderFor } from '../../hosts/read-thread';
import { WEBMAIL_MATCHES } from '../../hosts/webmail-hosts';
import type { Message, ThreadInView } from '../../messaging/protocol';
import { arrangePeople } from '../../state/arrange-people';
import { loadSettings, type Settings, watchSettings } from '../../state/settings';
import { pageTheme } from '../../state/theme';
import { mountLauncher } from './launcher';

/**
 * Reads who is in view (addresses, names and the subject, nothing else) and positions the
 * sidebar frame. Customer data only ever renders inside that extension-origin frame (or
 * the browser's side panel); this script never opens IndexedDB and never writes customer
 * data into the page. Every listener and observer hangs off `ctx.signal`, so an extension
 * update or reload leaves nothing behind in the long-lived webmail tab.
 */
const THROTTLE_MS = 50;

export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    let settings: Settings = await loadSettings();
    const readThread = threadReaderFor(location.hostname);
    let hidden = false;

    // The frame is created once, hidden, when the page loads: opening a conversation then only
    // shows it and sends the new thread, instead of loading an extension page each time.
    let wrapper: HTMLElement | undefined;
    const frame = createIframeUi(ctx, {
      page: '/sidebar.html',
      position: 'overlay',
      alignment: 'top-right',
      anchor: 'body',
      onMount(root, iframe) {
        wrapper = root;
        root.style.cssText = 'position:fixed;top:64px;right:0;z-index:2147483646;display:none;';
        iframe.title = 'Cordial contact sidebar';
        iframe.style.cssText =
          'width:360px;height:calc(100vh - 80px);border:0;border-radius:8px 0 0 8px;box-shadow:0 2px 12px rgb(0 0 0 / 25%);background:Canvas;color-scheme:normal;';
      },
    });
    frame.mount();

    const launcher = mountLauncher(ctx, {
      onToggle() {
        if (settings.display === 'side-panel') return send({ type: 'panel:open' });
        hidden = !hidden;
        last = '';
        publish();
      },
    });

    let last = '';
    function publish() {
      const read = readThread(document);
      const people = read ? arrangePeople(read.people, settings) : [];
      const thread: ThreadInView | null =
        read && people.length > 0 ? { ...read, people, key: threadKey(new URL(location.href), read) } : null;
      const theme = pageTheme(document, document.querySelector('[role="main"]'));
      const key = JSON.stringify([thread, theme, settings.display, hidden]);
      if (key === last) return;
      last = key;
      const showFrame = thread !== null && settings.display === 'frame' && !hidden;
      if (wrapper) wrapper.style.display = showFrame ? 'block' : 'none';
      launcher.update({ visible: thread !== null, expanded: showFrame, mode: settings.display });
      send({ type: 'thread:changed', thread, theme });
    }

    function send(message: Message) {
      browser.runtime.sendMessage(message).catch(() => {
        // The background restarts on extension update; the next change re-sends.
      });
    }

    // Webmail is a single-page app: watch the DOM and the URL instead of page loads. Reads are
    // throttled (the first change at once, then at most every THROTTLE_MS), not debounced: Gmail
    // mutates the DOM all the time, and a debounce would keep postponing the sidebar.
    let lastRun = Number.NEGATIVE_INFINITY;
    let trailing: number | undefined;
    const schedule = () => {
      const since = performance.now() - lastRun;
      if (since >= THROTTLE_MS) {
        lastRun = performance.now();
        publish();
      } else {
        if (trailing !== undefined) return;
        trailing = ctx.setTimeout(() => {
          trailing = undefined;
          lastRun = performance.now();
          publish();
        }, THROTTLE_MS - since);
      }
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.addEventListener(window, 'hashchange', schedule);
    ctx.addEventListener(window, 'popstate', schedule);
    ctx.addEventListener(window, 'wxt:locationchange', schedule);
    watchSettings((next) => {
      settings = next;
      last = '';
      publish();
    }, ctx.signal);
    publish();
  },
});
