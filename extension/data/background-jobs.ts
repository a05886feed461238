import type { DataRequest, DataResponse } from '../messaging/data-protocol';
import { parseMessage } from '../messaging/protocol';
import { isListed, loadSettings, watchSettings } from '../state/settings';
import { displayName } from '../ui/format';
import { handleDataRequest } from './data-service';
import { FEED_ALARM, pollFeed, scheduleFeed } from './feed-job';
import { watchMarkerPermission } from './marker-script';
import { openRepository } from './repository';
import { readSignals, refreshSignals, signalsStale } from './signals-store';
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
      signalsOf: readSignals,
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
    if (alarm.name === SIGNALS_ALARM) void recomputeSignals();
    if (alarm.name === FEED_ALARM) void importFeed();
  });
  void loadSettings().then((s) => scheduleFeed(s.feed));
  watchSettings((s) => void scheduleFeed(s.feed));
  void browser.alarms.create(SIGNALS_ALARM, { periodInMinutes: 24 * 60 });
  void signalsStale(new Date(), DAY_MS).then((stale) => (stale ? recomputeSignals() : undefined));

  browser.notifications.onClicked.addListener((id) => {
    if (taskIdOf(id)) void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  });

  if (import.meta.env.CORDIAL_DEMO) {
    browser.runtime.onInstalled.addListener(async ({ reason }) => {
      if (reason !== 'install') return;
      const { seedDemoData } = await import('./demo-seed');
      await seedDemoData(await openRepository());
      await recomputeSignals();
    });
  }
}

/** Demo build only (the benchmark): more generated customers, in one chunk. */
export async function seedBulkFromMessage(raw: unknown): Promise<{ ok: true; contacts: number } | { ok: false }> {
  const { SeedBulkMessageSchema, seedBulk } = await import('./demo-seed');
  const message = parseMessage(SeedBulkMessageSchema, raw, 'the benchmark');
  if (!message) return { ok: false };
  return { ok: true, contacts: await seedBulk(await openRepository(), message.chunk, message.contacts) };
}

/** One poll of the rep's feed; new events change orders, so the value signals follow. */
async function importFeed(): Promise<void> {
  const { feed } = await loadSettings();
  if (!feed) return;
  const { imported } = await pollFeed(await openRepository(), feed.url);
  if (imported) await recomputeSignals();
}

const SIGNALS_ALARM = 'signals';
const DAY_MS = 86_400_000;

/** Recomputes RFM, churn risk and CLV for everyone (daily, after imports and the demo seed). */
export async function recomputeSignals(): Promise<void> {
  try {
    await refreshSignals(await openRepository());
  } catch (error) {
    console.warn('[cordial] value signals not computed', error);
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
