import type { Browser } from 'wxt/browser';
import { parseMessage, type Result, SIDEBAR_PORT, type SidebarUpdate, type Thread } from '../messaging/protocol';

/** Wiring only: validates every message, keeps what is in view per tab, and tells that tab's sidebar. */
export default defineBackground(() => {
  const threads = new Map<number, Thread | null>();
  const sidebars = new Map<number, Browser.runtime.Port>();

  const push = (tabId: number) => {
    const update: SidebarUpdate = { type: 'thread', thread: threads.get(tabId) ?? null };
    sidebars.get(tabId)?.postMessage(update);
  };

  browser.tabs.onRemoved.addListener((tabId) => {
    threads.delete(tabId);
    sidebars.delete(tabId);
  });

  browser.runtime.onConnect.addListener((port) => {
    const tabId = port.sender?.tab?.id;
    if (port.name !== SIDEBAR_PORT || tabId === undefined) return port.disconnect();
    sidebars.set(tabId, port);
    port.onDisconnect.addListener(() => {
      if (sidebars.get(tabId) === port) sidebars.delete(tabId);
    });
    push(tabId);
  });

  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = parseMessage(raw);
    if (!message) {
      console.warn('[cordial] rejected a malformed message');
      return Promise.resolve({ ok: false, reason: 'invalid' } satisfies Result<never>);
    }
    const tabId = sender.tab?.id;
    if (tabId === undefined) return Promise.resolve({ ok: false, reason: 'no-tab' } satisfies Result<never>);
    threads.set(tabId, message.thread);
    push(tabId);
    return Promise.resolve({ ok: true, value: null } satisfies Result<null>);
  });
});
