import type { Repository, Task } from '@cordial/core';

const PREFIX = 'task:';

/** The alarm that fires when a follow-up falls due (alarms survive the sidebar and the tab closing). */
export async function scheduleTaskAlarm(repo: Repository, taskId: string): Promise<void> {
  const read = await repo.get('tasks', taskId);
  if (!read.ok) return;
  const task = read.value;
  if (task.done || !task.dueAt) {
    await browser.alarms.clear(PREFIX + task.id);
    return;
  }
  // A due time already past still notifies, a moment from now.
  await browser.alarms.create(PREFIX + task.id, { when: Math.max(Date.parse(task.dueAt), Date.now() + 1000) });
}

/** The task an alarm is about, or undefined for other alarms. */
export function taskIdOf(alarmName: string): string | undefined {
  return alarmName.startsWith(PREFIX) ? alarmName.slice(PREFIX.length) : undefined;
}

/** The notification for a due task: the title and whom it is about, as plain text (notifications render text only). */
export function taskNotification(task: Task, contactName: string | undefined) {
  return {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `Follow-up due: ${task.title}`.slice(0, 200),
    message: contactName ? `With ${contactName}` : 'Open Cordial to see it.',
    priority: 2,
  };
}
