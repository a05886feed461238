import { type Repository, STORE_NAMES } from '@cordial/core';
import { type Dataset, generateDataset } from '@cordial/core/testing';
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

/** Fills an empty database with a few hundred seeded customers (demo build only). */
export async function seedDemoData(repo: Repository, contacts = 300): Promise<void> {
  if ((await repo.count('contacts')) > 0) return;
  const data = generateDataset({ seed: 7, contacts, now: new Date().toISOString(), people: DEMO_PEOPLE });
  // The generator files given people under one of its companies; the demo inbox shows the
  // company each sender writes from (and the hostile one's markup-like name) instead.
  for (const contact of data.contacts) {
    const given = DEMO_PEOPLE.find((p) => contact.emails.includes(p.email));
    if (given) contact.company = given.company;
  }
  await putDataset(repo, data);
  await browser.storage.local.set({ [SEEDED_KEY]: true });
  announceDataChanged();
}

/** Writes a generated data set, one atomic batch per store. */
export async function putDataset(repo: Repository, data: Dataset): Promise<void> {
  for (const store of STORE_NAMES) {
    const records = data[store];
    // `data[store]` and `store` vary together, which TypeScript cannot follow through the loop.
    if (records.length > 0) await repo.putMany(store, records as never);
  }
}
