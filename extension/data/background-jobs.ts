import { displayName } from '../ui/format';
import { openRepository } from './repository';
import { taskIdOf, taskNotification } from './task-alarms';

/**
 * The background's data jobs: the notification when a follow-up falls due, and (demo
 * build only) the seeded customers. Each opens the customer database on the extension's
 * origin; nothing here ever reaches a web page.
 */
export function startBackgroundJobs(): void {
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
