import type { Repository } from '@cordial/core';
import * as z from 'zod';
import { announceDataChanged } from './data-changed';
import { type ContactSignals, ContactSignalsSchema, computeSignals } from './value-signals';

/**
 * The value signals of every contact, computed in the background from all orders (RFM is
 * relative to the whole customer base, so it cannot be computed per contact on demand)
 * and kept in extension storage, one key per contact, so the sidebar reads one small
 * record when it opens. Refreshed daily, after imports and after the demo seed.
 */
const META_KEY = 'signals-meta';
const keyOf = (contactId: string) => `signals:${contactId}`;
const CHUNK = 2000;

const MetaSchema = z.object({
  computedAt: z.string(),
  currency: z.string(),
  contacts: z.number(),
  modelNote: z.string().optional(),
});
export type SignalsMeta = z.infer<typeof MetaSchema>;

/** What the sidebar shows in the value section: the signals, or why there are none. */
export interface ValueSignals {
  signals?: ContactSignals;
  note?: string;
}

export async function readSignals(contactId: string): Promise<ValueSignals> {
  const stored = await browser.storage.local.get([META_KEY, keyOf(contactId)]);
  const meta = MetaSchema.safeParse(stored[META_KEY]);
  if (!meta.success) return { note: 'Value signals are being computed; they appear here when ready.' };
  const signals = ContactSignalsSchema.safeParse(stored[keyOf(contactId)]);
  // A record from an older run belongs to data that has changed since: not shown as current.
  if (!signals.success || signals.data.computedAt !== meta.data.computedAt) {
    return { note: 'No paid orders yet, so no RFM score, churn risk or lifetime value.' };
  }
  return { signals: signals.data, ...(meta.data.modelNote ? { note: meta.data.modelNote } : {}) };
}

let running: Promise<SignalsMeta> | undefined;

/** Recomputes every contact's signals (one run at a time; a second call joins the first). */
export function refreshSignals(repo: Repository, now = new Date()): Promise<SignalsMeta> {
  running ??= (async () => {
    const snapshot = computeSignals(await repo.orderFacts(), now);
    const entries = [...snapshot.byContact].map(([id, signals]) => [keyOf(id), signals] as const);
    for (let i = 0; i < entries.length; i += CHUNK) {
      await browser.storage.local.set(Object.fromEntries(entries.slice(i, i + CHUNK)));
    }
    const meta: SignalsMeta = {
      computedAt: snapshot.computedAt,
      currency: snapshot.currency,
      contacts: snapshot.byContact.size,
      ...(snapshot.modelNote ? { modelNote: snapshot.modelNote } : {}),
    };
    await browser.storage.local.set({ [META_KEY]: meta });
    announceDataChanged();
    return meta;
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** Whether the stored signals are missing or older than `maxAgeMs`. */
export async function signalsStale(now: Date, maxAgeMs: number): Promise<boolean> {
  const meta = MetaSchema.safeParse((await browser.storage.local.get(META_KEY))[META_KEY]);
  return !meta.success || now.getTime() - Date.parse(meta.data.computedAt) > maxAgeMs;
}
