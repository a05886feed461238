import { effect } from '@preact/signals';
import { render } from 'preact';
import { onDataChanged } from '../../data/data-changed';
import { callData } from '../../data/data-client';
import { parseMessage, SIDEBAR_PORT, type SidebarHello, SidebarUpdateSchema } from '../../messaging/protocol';
import { createSidebarModel } from '../../state/sidebar-model';
import { Sidebar } from './app';

/**
 * The sidebar: an extension page shown in a frame beside the mail or in the browser's side
 * panel. It runs on the extension's origin, so nothing it shows is readable by the webmail
 * page; the customer data comes from the background, which owns the database.
 */
const model = createSidebarModel({ call: callData });

onDataChanged(() => void model.refreshAll());

effect(() => {
  document.documentElement.dataset.theme = model.theme.value;
});

const port = browser.runtime.connect({ name: SIDEBAR_PORT });
port.onMessage.addListener((raw) => {
  const update = parseMessage(SidebarUpdateSchema, raw, 'the background');
  if (update) void model.showThread(update.thread, update.theme);
});

// In the side panel there is no tab of our own: follow the active tab of this window.
if (location.pathname.endsWith('/sidepanel.html')) {
  const follow = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) port.postMessage({ type: 'hello', tabId: tab.id } satisfies SidebarHello);
  };
  browser.tabs.onActivated.addListener(follow);
  void follow();
}

const app = document.getElementById('app');
if (app) render(<Sidebar model={model} />, app);
