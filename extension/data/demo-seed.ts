import type { Repository, Task } from '@cordial/core';
import {
  type CustomerBundle,
  type Dataset,
  generateCustomers,
  generateDataset,
  generateWorld,
  storeDataset,
} from '@cordial/core/testing';
import * as z from 'zod';
import { announceDataChanged } from './data-changed';

/**
 * The demo inbox's senders (demo/mail/threads.json and the test fixtures), so the sidebar
 * shows real generated history for them. `someone.new@example.org` is left out on purpose:
 * it is the demo's unknown sender.
 */
export const DEMO_PEOPLE = [
  { email: 'ada.lovelace@analytical-engines.test', name: 'Ada Lovelace', company: 'Analytical Engines', rhythm: 'vip' },
  { email: 'grace@compilers.test', name: 'Grace Hopper', company: 'Compilers Inc', rhythm: 'regular' },
  { email: 'alan@bletchley.test', name: 'Alan Turing', company: 'Bletchley Park', rhythm: 'churned' },
  { email: 'katherine@orbits.test', name: 'Katherine Johnson', company: 'Orbits', rhythm: 'bursty' },
  {
    email: 'mallory@hostile.test',
    name: '<img src=x onerror=alert(1)>',
    company: '<b>Hostile</b> Ltd',
    rhythm: 'one-time',
  },
] as const;

/** Set once the seed is stored (the end-to-end tests wait for it). */
export const SEEDED_KEY = 'demo-seeded';

/** The Web Lock under which a context seeds: the background and a page opened while it works share it. */
const SEED_LOCK = 'cordial-demo-seed';

/**
 * Fills an empty database with a few hundred seeded customers (demo build only). The background
 * seeds on install and the workbench on open; whichever comes second waits for the first under
 * one lock and then finds the data whole, never contacts without their orders.
 */
export async function seedDemoData(repo: Repository, contacts = 300): Promise<void> {
  await navigator.locks.request(SEED_LOCK, async () => {
    if ((await repo.count('contacts')) > 0) return;
    const data = generateDataset({ seed: 7, contacts, now: new Date().toISOString(), people: DEMO_PEOPLE });
    // The generator files given people under one of its companies; the demo inbox shows the
    // company each sender writes from (and the hostile one's markup-like name) instead.
    for (const contact of data.contacts) {
      const given = DEMO_PEOPLE.find((p) => contact.emails.includes(p.email));
      if (given) contact.company = given.company;
    }
    bringFollowUpsForward(data.tasks, Date.now());
    await storeDataset(repo, data);
    await browser.storage.local.set({ [SEEDED_KEY]: true });
    announceDataChanged();
  });
}

/** How many of the next open follow-ups the demo brings forward to today. */
const DUE_TODAY = 5;

/**
 * The generated follow-ups fall due days apart, so on the day the demo is opened the workbench's
 * "Due today" list would be empty. The next open follow-ups after today are brought forward to
 * later today, spread over the hours left (deterministic: the same tasks in every demo).
 */
export function bringFollowUpsForward(tasks: readonly Task[], now: number): void {
  const endOfDay = new Date(now);
  endOfDay.setHours(23, 59, 0, 0);
  const upcoming = tasks
    .filter((t) => !t.done && t.dueAt !== undefined && Date.parse(t.dueAt) > endOfDay.getTime())
    .sort((a, b) => (a.dueAt as string).localeCompare(b.dueAt as string))
    .slice(0, DUE_TODAY);
  upcoming.forEach((task, i) => {
    task.dueAt = new Date(now + ((endOfDay.getTime() - now) * (i + 1)) / (upcoming.length + 1)).toISOString();
  });
}

/**
 * Demo build only: adds `contacts` more generated customers (with their orders, touchpoints
 * and the rest) in one chunk, so the benchmark can fill the database to 100,000 contacts
 * through the real extension. Chunks keep each background event short.
 */
export const SeedBulkMessageSchema = z.object({
  type: z.literal('demo:seed-bulk'),
  chunk: z.number().int().min(0).max(10_000),
  contacts: z.number().int().min(1).max(20_000),
});

export async function seedBulk(repo: Repository, chunk: number, contacts: number): Promise<number> {
  const now = new Date().toISOString();
  const world = generateWorld({ seed: 7, now });
  const data: { [S in Exclude<keyof CustomerBundle, 'rhythm' | 'contact'> | 'contacts']: unknown[] } = {
    contacts: [],
    orders: [],
    touchpoints: [],
    opportunities: [],
    cases: [],
    tasks: [],
    notes: [],
    campaignResponses: [],
    offerImpressions: [],
  };
  for (const bundle of generateCustomers(
    { seed: 1000 + chunk, contacts, now, idPrefix: `bulk${chunk}-`, touchpointsPerContact: 2 },
    world,
  )) {
    const { contact, rhythm, ...linked } = bundle;
    data.contacts.push(contact);
    for (const [store, records] of Object.entries(linked)) data[store as keyof typeof linked].push(...records);
  }
  await storeDataset(repo, data as Partial<Dataset>);
  return repo.count('contacts');
}
