import type { DataRequest, DataResponse } from '../messaging/data-protocol';
import { isListed, loadSettings } from '../state/settings';
import { displayName } from '../ui/format';
import { handleDataRequest } from './data-service';
import { watchMarkerPermission } from './marker-script';
import { openRepository } from './repository';
import { scheduleTaskAlarm, taskIdOf, taskNotification } from './task-alarms';

/** Runs one request from an extension page against the database (validated by the caller). */
export async function serveData(request: DataRequest): Promise<DataResponse> {
  // The exclude list holds in the background too: an excluded address is never looked up.
  if (request.op === 'view' && isListed(request.email, (await loadSettings()).exclude)) {
    return { ok: false, message: 'this address is on your exclude list' };
  }
  const repo = await openRepository();
  return handleDataRequest(
    {
      repo,
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
      onTask: (taskId) => scheduleTaskAlarm(repo, taskId),
    },
    request,
  );
}

/**
 * The background's data jobs: the requests of the extension pages, the notification when a follow-up falls due, and (demo
 * build only) the seeded customers. Each opens the customer database on the extension's
 * origin; nothing here ever reaches a web page.
 */
export function startBackgroundJobs(): void {
  watchMarkerPermission();
  browser.alarms.onAlarm.addListener((alarm) => {
    const taskId = taskIdOf(alarm.name);
    if (taskId) void notifyDueTask(taskId);
  });

  browser.notifications.onClicked.addListener((id) => {
    if (taskIdOf(id)) void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  });

  if (import.meta.env.CORDIAL_DEMO) {
    browser.runtime.onInstalled.addListener(async ({ reason }) => {
      if (reason !== 'install') return;
      const { seedDemoData } = await import('./demo-seed');
      await seedDemoData(await openRepository());
    });
  }
}

async function notifyDueTask(taskId: string): Promise<void> {
  const repo = await openRepository();
  const read = await repo.get('tasks', taskId);
  if (!read.ok || read.value.done) return;
  const contact = read.value.contactId ? await repo.get('contacts', read.value.contactId) : undefined;
  const name = contact?.ok ? displayName(contact.value) : undefined;
  await browser.notifications.create(`task:${taskId}`, taskNotification(read.value, name));
}
