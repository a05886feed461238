import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { readGmailThread } from '../../hosts/gmail';
import { WEBMAIL_MATCHES } from '../../hosts/webmail-hosts';
import type { Message, Thread } from '../../messaging/protocol';
import { isOwnAddress, loadSettings } from '../../state/settings';

/**
 * Reads who is in view (addresses and the subject, nothing else) and positions the
 * sidebar frame. Customer data only ever renders inside that extension-origin frame;
 * this script never opens IndexedDB and never writes customer data into the page.
 */
export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const { ownAddresses } = await loadSettings();
    const ui = createIframeUi(ctx, {
      page: '/sidebar.html',
      position: 'overlay',
      alignment: 'top-right',
      anchor: 'body',
      onMount(wrapper, iframe) {
        wrapper.style.cssText = 'position:fixed;top:64px;right:0;z-index:2147483646;';
        iframe.title = 'Cordial contact sidebar';
        iframe.style.cssText =
          'width:360px;height:calc(100vh - 80px);border:0;border-radius:8px 0 0 8px;box-shadow:0 2px 12px rgb(0 0 0 / 25%);background:Canvas;';
      },
    });

    let last = '';
    const publish = () => {
      const read = readGmailThread(document);
      const people = read?.people.filter((p) => !isOwnAddress(p.email, ownAddresses)) ?? [];
      const thread: Thread | null = read && people.length > 0 ? { ...read, people } : null;
      const key = JSON.stringify(thread);
      if (key === last) return;
      last = key;
      if (thread && !ui.mounted) ui.mount();
      if (!thread && ui.mounted) ui.remove();
      const message: Message = { type: 'thread:changed', thread };
      browser.runtime.sendMessage(message).catch(() => {
        // The background restarts on extension update; the next change re-sends.
      });
    };

    // Webmail is a single-page app: watch the DOM (debounced) instead of navigation events.
    let timer: number | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = ctx.setTimeout(publish, 150);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    publish();
  },
});
