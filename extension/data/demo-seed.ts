import { type Repository, STORE_NAMES } from '@cordial/core';
import { generateDataset } from '@cordial/core/testing';
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

/** Fills an empty database with a few hundred seeded customers (demo build only). */
export async function seedDemoData(repo: Repository, contacts = 300): Promise<void> {
  if ((await repo.count('contacts')) > 0) return;
  const data = generateDataset({ seed: 7, contacts, now: new Date().toISOString(), people: DEMO_PEOPLE });
  for (const store of STORE_NAMES) {
    const records = data[store];
    if (records.length > 0) await repo.putMany(store, records as never);
  }
  announceDataChanged();
}
