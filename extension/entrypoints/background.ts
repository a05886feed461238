import type { Browser } from 'wxt/browser';
import { seedBulkFromMessage, serveData, startBackgroundJobs } from '../data/background-jobs';
import { DataMessageSchema } from '../messaging/data-protocol';

const typeOf = (raw: unknown) =>
  typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
const isDataMessage = (raw: unknown) => typeOf(raw) === 'data';
const isSeedMessage = (raw: unknown) => typeOf(raw) === 'demo:seed-bulk';

import {
  type Message,
  MessageSchema,
  parseMessage,
  type Result,
  SIDEBAR_PORT,
  SidebarHelloSchema,
  type SidebarUpdate,
} from '../messaging/protocol';

/**
 * Wiring only: validates every message, keeps what is in view per tab, and tells that
 * tab's sidebars (the frame in the page and/or the browser side panel). The jobs that
 * need the customer data (due-task notifications, the feed import, the demo seed) live
 * in data/background-jobs.ts.
 */
export default defineBackground(() => {
  const inView = new Map<number, Omit<SidebarUpdate, 'type'>>();
  const sidebars = new Map<number, Set<Browser.runtime.Port>>();

  const push = (tabId: number) => {
    const state = inView.get(tabId) ?? { thread: null, theme: 'light' as const };
    const update: SidebarUpdate = { type: 'thread', ...state };
    for (const port of sidebars.get(tabId) ?? []) port.postMessage(update);
  };

  const attach = (tabId: number, port: Browser.runtime.Port) => {
    const set = sidebars.get(tabId) ?? new Set();
    set.add(port);
    sidebars.set(tabId, set);
    port.onDisconnect.addListener(() => set.delete(port));
    push(tabId);
  };

  browser.tabs.onRemoved.addListener((tabId) => {
    inView.delete(tabId);
    sidebars.delete(tabId);
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SIDEBAR_PORT || port.sender?.id !== browser.runtime.id) return port.disconnect();
    // The frame runs inside the webmail tab; the side panel page follows the active tab and says which one.
    // Told apart by page, not by whether the sender has a tab: the side panel page may also be open in a tab.
    const frameTab = port.sender?.tab?.id;
    if (frameTab !== undefined && port.sender?.url?.startsWith(browser.runtime.getURL('/sidebar.html'))) {
      return attach(frameTab, port);
    }
    const onHello = (raw: unknown) => {
      const hello = parseMessage(SidebarHelloSchema, raw, 'side panel');
      if (!hello) return;
      for (const [tabId, set] of sidebars) if (set.delete(port) && tabId !== hello.tabId) push(tabId);
      attach(hello.tabId, port);
    };
    port.onMessage.addListener(onHello);
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Only our own content scripts and pages talk to us; anything else is dropped unread.
    if (sender.id !== browser.runtime.id) return undefined;
    // Customer data is served to extension pages only (the frame, the side panel, the popup),
    // never to a content script, which lives in the webmail page.
    if (isDataMessage(raw)) {
      if (!sender.url?.startsWith(browser.runtime.getURL('/'))) {
        console.warn('[cordial] refused a data request from outside the extension pages');
        return Promise.resolve({ ok: false, message: 'not allowed' });
      }
      const message = parseMessage(DataMessageSchema, raw, 'an extension page');
      return message ? serveData(message.request) : Promise.resolve({ ok: false, message: 'invalid request' });
    }
    if (import.meta.env.CORDIAL_DEMO && isSeedMessage(raw) && sender.url?.startsWith(browser.runtime.getURL('/'))) {
      return seedBulkFromMessage(raw);
    }
    const message = parseMessage(MessageSchema, raw, sender.tab ? 'a content script' : 'an extension page');
    if (!message) return Promise.resolve({ ok: false, reason: 'invalid' } satisfies Result<never>);
    const tabId = sender.tab?.id;
    if (tabId === undefined) return Promise.resolve({ ok: false, reason: 'no-tab' } satisfies Result<never>);
    return Promise.resolve(handle(message, tabId));
  });

  function handle(message: Message, tabId: number): Result<null> {
    switch (message.type) {
      case 'thread:changed':
        inView.set(tabId, { thread: message.thread, theme: message.theme });
        push(tabId);
        return { ok: true, value: null };
      case 'panel:open':
        // Chrome's side panel (Firefox has a sidebar the rep opens from its toolbar instead).
        if (!browser.sidePanel) return { ok: false, reason: 'unavailable' };
        browser.sidePanel.open({ tabId }).catch((error: unknown) => console.warn('[cordial] side panel', error));
        return { ok: true, value: null };
    }
  }

  startBackgroundJobs();
});
