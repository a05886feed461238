import { createIframeUi, type IframeContentScriptUi } from 'wxt/utils/content-script-ui/iframe';
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
export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    let settings: Settings = await loadSettings();
    const readThread = threadReaderFor(location.hostname);
    let frame: IframeContentScriptUi<void> | undefined;
    let hidden = false;

    const createFrame = () =>
      createIframeUi(ctx, {
        page: '/sidebar.html',
        position: 'overlay',
        alignment: 'top-right',
        anchor: 'body',
        onMount(wrapper, iframe) {
          wrapper.style.cssText = 'position:fixed;top:64px;right:0;z-index:2147483646;';
          iframe.title = 'Cordial contact sidebar';
          iframe.style.cssText =
            'width:360px;height:calc(100vh - 80px);border:0;border-radius:8px 0 0 8px;box-shadow:0 2px 12px rgb(0 0 0 / 25%);background:Canvas;color-scheme:normal;';
        },
      });

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
      if (showFrame && !frame) {
        frame = createFrame();
        frame.mount();
      } else if (!showFrame && frame) {
        frame.remove();
        frame = undefined;
      }
      launcher.update({ visible: thread !== null, expanded: showFrame, mode: settings.display });
      send({ type: 'thread:changed', thread, theme });
    }

    function send(message: Message) {
      browser.runtime.sendMessage(message).catch(() => {
        // The background restarts on extension update; the next change re-sends.
      });
    }

    // Webmail is a single-page app: watch the DOM (debounced) and the URL instead of page loads.
    let timer: number | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = ctx.setTimeout(publish, 120);
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
