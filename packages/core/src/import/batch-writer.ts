/**
 * The write side of every import: records queued as layers of fields, composed over what is
 * stored, validated, and committed in one atomic repository write per batch. An upsert that
 * changes nothing writes nothing (re-imports are idempotent); a record that fails its schema
 * is rejected with the lines that made it, and so is anything that points at it.
 */
import { parseRecord } from '../model/parse-record.ts';
import type { AnyRecord } from '../model/stores.ts';
import type { Repository, WriteOp } from '../ports/repository.ts';
import { layer, sameContent, type UpsertMode } from './upsert.ts';

export type TargetStore =
  | 'contacts'
  | 'accounts'
  | 'products'
  | 'orders'
  | 'opportunities'
  | 'cases'
  | 'touchpoints'
  | 'tasks';

export interface StoreCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface RejectedRow {
  line: number;
  reasons: string[];
}

interface Pending {
  store: TargetStore;
  id: string;
  layers: { fields: Record<string, unknown>; mode: UpsertMode }[];
  lines: number[];
  createdAt?: string | undefined;
  /** Ids of records this one points at that the same batch creates: if they fail, so does this. */
  dependsOn: string[];
}

/**
 * What a new record of each store starts from before the imported fields are laid over it: a fresh
 * value per field, made only for the fields the record lacks.
 */
const DEFAULTS: { [S in TargetStore]: Record<string, () => unknown> } = {
  contacts: {
    emails: () => [],
    phones: () => [],
    lifecycleStage: () => 'prospect',
    tags: () => [],
    customFields: () => ({}),
    consent: () => ({
      email: { status: 'unknown' },
      sms: { status: 'unknown' },
      phone: { status: 'unknown' },
      tracking: { status: 'unknown' },
    }),
    marketing: () => ({ doNotContact: false, topics: [] }),
    externalIds: () => ({}),
  },
  accounts: { domains: () => [], tags: () => [], customFields: () => ({}), externalIds: () => ({}) },
  products: { attributes: () => ({}), active: () => true, externalIds: () => ({}) },
  orders: { lineItems: () => [], discounts: () => [], externalIds: () => ({}) },
  opportunities: { externalIds: () => ({}) },
  cases: { externalIds: () => ({}) },
  touchpoints: { externalIds: () => ({}) },
  tasks: {},
};

export interface FlushResult {
  rejected: RejectedRow[];
  counts: Partial<Record<TargetStore, StoreCounts>>;
  /** Contacts that could not be stored (callers drop them from their lookups). */
  failedContacts: string[];
  /**
   * Settles when the batch's write has landed (or rejects with its error). Until then the counts are
   * the batch's, not yet stored ones: a caller may read on while IndexedDB commits, and the next flush
   * waits for this write before it reads or writes anything.
   */
  committed: Promise<void>;
}

export async function createBatchWriter(repo: Repository, now: () => string) {
  const stores = Object.keys(DEFAULTS) as TargetStore[];
  // Only a store that held records before (or an id this import wrote) can have the id already.
  const existedBefore = new Map<TargetStore, boolean>();
  for (const store of stores) existedBefore.set(store, (await repo.count(store)) > 0);
  const written = new Map<TargetStore, Set<string>>(stores.map((s) => [s, new Set()]));
  const pending = new Map<string, Pending>();
  let inFlight: Promise<void> = Promise.resolve();

  return {
    /** Lays `fields` over the record `store/id` in this batch (`replace`: they win; `fill`: they fill gaps). */
    queue(
      store: TargetStore,
      id: string,
      fields: Record<string, unknown>,
      mode: UpsertMode,
      lines: readonly number[],
      extra: { createdAt?: string | undefined; dependsOn?: readonly string[] } = {},
    ): void {
      const key = `${store}\u0000${id}`;
      let entry = pending.get(key);
      if (!entry) {
        entry = { store, id, layers: [], lines: [], createdAt: extra.createdAt, dependsOn: [] };
        pending.set(key, entry);
      }
      entry.layers.push({ fields, mode });
      entry.lines.push(...lines);
      entry.dependsOn.push(...(extra.dependsOn ?? []));
    },

    get size(): number {
      return pending.size;
    },

    /** Whether this import already queued or wrote the record. */
    seen(store: TargetStore, id: string): boolean {
      return pending.has(`${store}\u0000${id}`) || (written.get(store)?.has(id) ?? false);
    },

    /**
     * Starts committing the batch in one atomic write (see FlushResult.committed); on a failed write
     * nothing of it is stored and the error propagates, from `committed` and from the next flush.
     * `more` adds ops to the same write, told which queued records failed their schema.
     */
    async flush(more?: (failed: ReadonlySet<string>, stamp: string) => WriteOp[]): Promise<FlushResult> {
      await inFlight;
      const entries = [...pending.values()];
      pending.clear();
      // Read back only what may exist: a first import of a million orders reads nothing.
      const stored: (Awaited<ReturnType<Repository['get']>> | undefined)[] = new Array(entries.length);
      const reads: Promise<void>[] = [];
      for (const [i, e] of entries.entries())
        if (existedBefore.get(e.store) || written.get(e.store)?.has(e.id))
          reads.push(
            repo.get(e.store, e.id).then((result) => {
              stored[i] = result;
            }),
          );
      await Promise.all(reads);
      const stamp = now();
      const results: { entry: Pending; record?: AnyRecord; outcome: keyof StoreCounts; issues?: string }[] = [];
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i] as Pending;
        const previous = stored[i];
        const existing = previous?.ok ? (previous.value as unknown as Record<string, unknown>) : undefined;
        let record: Record<string, unknown>;
        if (existing) {
          record = existing;
          for (const l of entry.layers) record = layer(entry.store, record, l.fields, l.mode);
        } else {
          // The first layer is the record's content; later ones honour their mode. Defaults go
          // underneath afterwards, so they never count as values a `fill` layer must respect.
          // One layer (a million new orders) needs no layering.
          record = entry.layers.length === 1 ? (entry.layers[0]?.fields as Record<string, unknown>) : {};
          if (entry.layers.length > 1)
            for (const [i, l] of entry.layers.entries())
              record = layer(entry.store, record, l.fields, i === 0 ? 'replace' : l.mode);
          // The queued fields are the writer's own: defaults and bookkeeping are added in place.
          const defaults = DEFAULTS[entry.store];
          for (const key in defaults) if (record[key] === undefined) record[key] = defaults[key]?.();
          record.id = entry.id;
          record.createdAt = entry.createdAt ?? stamp;
          record.updatedAt = stamp;
          record.version = 1;
        }
        if (existing && sameContent(record as unknown as AnyRecord, existing as unknown as AnyRecord)) {
          results.push({ entry, outcome: 'unchanged' });
          continue;
        }
        if (existing) record = { ...record, updatedAt: stamp, version: (existing.version as number) + 1 };
        const parsed = parseRecord(entry.store, record);
        if (parsed.ok)
          results.push({ entry, record: parsed.value as AnyRecord, outcome: existing ? 'updated' : 'created' });
        else results.push({ entry, outcome: 'created', issues: parsed.issues });
      }
      const failed = new Set(results.filter((r) => r.issues).map((r) => r.entry.id));
      for (const r of results)
        if (!r.issues && r.entry.dependsOn.some((id) => failed.has(id)))
          r.issues = 'the contact or account it belongs to could not be stored';
      const ops: WriteOp[] = [];
      const rejected: RejectedRow[] = [];
      for (const r of results) {
        if (r.issues) for (const line of r.entry.lines) rejected.push({ line, reasons: [r.issues] });
        else if (r.record) ops.push({ type: 'put', store: r.entry.store, record: r.record } as WriteOp);
      }
      if (more) ops.push(...more(failed, stamp));
      const counts: FlushResult['counts'] = {};
      for (const r of results) {
        if (r.issues) continue;
        const c = counts[r.entry.store] ?? { created: 0, updated: 0, unchanged: 0 };
        c[r.outcome]++;
        counts[r.entry.store] = c;
      }
      const committed = (ops.length > 0 ? repo.write(ops) : Promise.resolve()).then(() => {
        for (const r of results) if (!r.issues) written.get(r.entry.store)?.add(r.entry.id);
      });
      inFlight = committed;
      // A caller that stops before awaiting it still hears of a failure from the next flush.
      committed.catch(() => undefined);
      const failedContacts = results.filter((r) => r.issues && r.entry.store === 'contacts').map((r) => r.entry.id);
      return { rejected, counts, failedContacts, committed };
    },
  };
}

/** Adds one flush's counts to a running total. */
export function addCounts(
  total: Partial<Record<TargetStore, StoreCounts>>,
  more: Partial<Record<TargetStore, StoreCounts>>,
): void {
  for (const [store, c] of Object.entries(more) as [TargetStore, StoreCounts][]) {
    const t = total[store] ?? { created: 0, updated: 0, unchanged: 0 };
    t.created += c.created;
    t.updated += c.updated;
    t.unchanged += c.unchanged;
    total[store] = t;
  }
}
