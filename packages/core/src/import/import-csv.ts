/**
 * CSV import: a stream of rows becomes stored records, committed in atomic batches through
 * the repository port. Every row is accounted for: committed, or rejected with its line
 * number and every reason. Re-importing a file changes nothing (records get ids derived from
 * their external id or natural key, and an upsert that changes nothing writes nothing).
 * Contacts are de-duplicated on the way: certain matches merge, doubtful ones are reported.
 * Cancelling (AbortSignal) keeps every batch committed so far and drops the one in flight.
 */
import {
  DEFAULT_THRESHOLDS,
  type DuplicateCandidate,
  type MatchSignal,
  type MatchThresholds,
} from '../identity/find-duplicates.ts';
import { normalizeEmail } from '../identity/normalize-email.ts';
import type { Repository } from '../ports/repository.ts';
import { addCounts, createBatchWriter, type RejectedRow, type StoreCounts, type TargetStore } from './batch-writer.ts';

export type { RejectedRow, StoreCounts };

import { applyOverride, type ColumnMapping, detectMapping, normalizeHeader } from './column-mapping.ts';
import { detectFormats, type FormatOptions } from './detect-formats.ts';
import { createFastOrderRows, emptyFastOrderRow, type FastOrderRow } from './fast-order-rows.ts';
import { contactFacts, type ImportLinks, loadLinks } from './import-links.ts';
import { IMPORT_KINDS } from './kinds/index.ts';
import type { CompanyRef, Draft, ImportKind, ImportStore, PersonRef } from './kinds/kind.ts';
import { tableKey } from './kinds/lookups.ts';
import { linesTotal } from './kinds/orders.ts';
import { type ColumnsTaken, createOrderColumnsBuilder } from './order-columns-builder.ts';
import { type RowsMessage, startWorkerRows } from './order-rows-worker.ts';
import { type CsvBatch, type CsvIssue, type CsvRow, type CsvSource, readCsv } from './read-csv.ts';
import { createRowDrafter, type Drafted, type DraftSetup, unmappedTarget } from './row-drafts.ts';
import type { ValueFormats } from './row-values.ts';
import { streamChunks } from './stream-chunks.ts';
import type { UpsertMode } from './upsert.ts';
import { yieldToLoop } from './yield-to-loop.ts';

export interface CsvImportOptions extends FormatOptions {
  kind: ImportStore;
  /** Overrides of the detected mapping: field → column index, or null to skip a field. */
  mapping?: ColumnMapping;
  /** The system the file came from (`shopify`, `stripe`, `hubspot`, `salesforce`); detected from the headers. */
  source?: string;
  delimiter?: string;
  /**
   * Rows per transaction: default 5,000, and 100,000 for orders that go straight into columns (each
   * batch adds up to 256 stored blocks, so fewer, larger batches store and read faster).
   */
  batchSize?: number;
  /**
   * Rows of the first transaction: default a quarter of the default batch size, or `batchSize` when
   * that is given. Rows are read while the previous batch is written, but nothing is written while the
   * first is read: in Chromium a first order batch of 25,000 instead of 100,000 took 1,000,000 orders
   * in 4.8 to 5.1 s instead of 5.8 s (two of three alternating runs; the third was even).
   */
  firstBatchSize?: number;
  signal?: AbortSignal;
  /** The current instant as ISO (a clock port; tests pin it). */
  now?: () => string;
  thresholds?: MatchThresholds;
  /**
   * Store the orders of a one-row-per-order file straight as columns when the repository holds no
   * orders yet (default true): same validation, report and result, far fewer objects. False forces one
   * object per order.
   */
  columnar?: boolean;
  /** Keep columns no field claims as custom fields (contacts, accounts) or attributes (products). Default true. */
  keepUnmapped?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * A Web Worker of `startImportWorker` (@cordial/core/import-worker): when the source is a Blob (a File) of
   * orders one row per order, the worker reads and parses the file while this thread links and stores
   * the rows. Same rows, report and result; the worker ends with the import. Until its first rows
   * arrive this thread reads on itself, and should the worker fail, this thread reads the rest (the
   * report's warnings say so).
   */
  worker?: () => Worker;
}

export interface ImportProgress {
  rows: number;
  /** Bytes (or characters) of the source read so far. */
  consumed: number;
  committedThroughLine: number;
}

export interface AutoMerge {
  line: number;
  /** The stored contact the row was merged into. */
  into: string;
  score: number;
  signals: MatchSignal[];
}

export interface DoubtfulDuplicate extends DuplicateCandidate {
  line: number;
}

export interface ImportReport {
  kind: ImportStore;
  source: string;
  headers: string[];
  /** field → column used. */
  mapping: Record<string, { column: number; header: string }>;
  /** Columns nothing imported (kept as custom fields when the kind has them). */
  unmapped: { column: number; header: string; keptAs?: string }[];
  formats: ValueFormats;
  /** Data rows read (the header excluded). */
  rows: number;
  /** Rows whose data is stored. */
  accepted: number;
  rejected: RejectedRow[];
  /** Per store: records created, updated, and found already up to date. */
  stored: Partial<Record<TargetStore, StoreCounts>>;
  /** Rows merged into a contact that was already there (certain duplicates). */
  merged: AutoMerge[];
  /** Possible duplicates left for the user to decide. */
  duplicates: DoubtfulDuplicate[];
  /** Encoding damage and malformed quoting, with line numbers. */
  issues: CsvIssue[];
  warnings: string[];
  bom: boolean;
  cancelled: boolean;
  /** Set when a write failed (quota, closed database): the batches before it are committed. */
  failed?: string;
  /** Every row up to this line is either committed or rejected. */
  committedThroughLine: number;
}

/** The file can't be imported at all (bad mapping override, no header): nothing was written. */
export class ImportSetupError extends Error {
  override name = 'ImportSetupError';
}

const SAMPLE_ROWS = 200;
/** Order fields that make line items or discounts: a file mapping any of them takes the full path. */
const PER_LINE_FIELDS = [
  'lineName',
  'lineQuantity',
  'linePrice',
  'lineSku',
  'lineProductId',
  'lineCategory',
  'lineDiscount',
  'discountAmount',
  'discountCode',
];
const DEFAULT_BATCH = 5000;
const DEFAULT_COLUMNS_BATCH = 100_000;
/** How long the row loop works between turns of the event loop while a write is in flight. */
const YIELD_EVERY_MS = 4;

/** The file's batches of rows, read with the import's delimiter and cancellation. */
const readRows = (source: CsvSource, options: CsvImportOptions): AsyncIterator<CsvBatch> =>
  readCsv(source, {
    ...(options.delimiter && { delimiter: options.delimiter }),
    ...(options.signal && { signal: options.signal }),
  })[Symbol.asyncIterator]();

/** Header and sample of a CSV, mapping and formats decided: the common start of a preview and an import. */
async function openCsv(source: CsvSource, options: CsvImportOptions) {
  const kind = IMPORT_KINDS[options.kind] as ImportKind<ImportStore>;
  const iterator = readRows(source, options);
  const buffered: CsvRow[] = [];
  const issues: CsvIssue[] = [];
  let consumed = 0;
  let bom = false;
  let done = false;
  while (buffered.length <= SAMPLE_ROWS && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else {
      buffered.push(...next.value.rows);
      issues.push(...next.value.issues);
      consumed = next.value.consumed;
      bom ||= next.value.bom;
    }
  }
  const header = buffered.shift();
  if (!header) throw new ImportSetupError('the file is empty: it has no header row');
  const headers = header.cells.map((h) => h.trim());
  const detected = detectMapping(headers, kind.fields);
  for (const [field, column] of Object.entries(options.mapping ?? {})) {
    if (!(field in kind.fields))
      throw new ImportSetupError(
        `"${field}" is not a field of ${options.kind} (fields: ${Object.keys(kind.fields).join(', ')})`,
      );
    if (column !== null && column >= headers.length)
      throw new ImportSetupError(
        `column ${column} for "${field}" does not exist: the file has ${headers.length} columns`,
      );
  }
  const fields = applyOverride(detected.fields, options.mapping);
  const normalized = new Set(headers.map(normalizeHeader));
  const system =
    options.source ??
    // Two of a system's characteristic headers (or its only one) name it; one alone is too common.
    kind.signatures?.find(
      (s) => s.headers.filter((h) => normalized.has(normalizeHeader(h))).length >= Math.min(2, s.headers.length),
    )?.source ??
    'csv';
  const used = new Set(Object.values(fields));
  const unmapped = headers.flatMap((h, column) => (used.has(column) || h === '' ? [] : [{ column, header: h }]));
  const { formats, warnings } = detectFormats(
    buffered.map((r) => r.cells),
    fields,
    kind.fields,
    options,
  );
  if (fields.email === undefined && fields.externalId === undefined && options.kind === 'contacts')
    warnings.push('no email or id column was found: contacts are matched by phone or name only');
  return {
    kind,
    headers,
    headerLine: header.line,
    fields,
    unmapped,
    system,
    formats,
    warnings,
    buffered,
    issues,
    iterator,
    done,
    consumed,
    bom,
  };
}

/** What drafting a row of the file needs (createRowDrafter): the same for the preview and the import. */
function draftSetup(setup: Awaited<ReturnType<typeof openCsv>>, options: CsvImportOptions): DraftSetup {
  const { headers, fields, formats, system, unmapped } = setup;
  return { kind: options.kind, headers, fields, formats, system, unmapped, keepUnmapped: options.keepUnmapped ?? true };
}

export interface PreviewRow {
  line: number;
  /** The fields the row sets, or why it would be rejected. */
  fields?: Record<string, unknown>;
  reasons?: string[];
}

export interface CsvPreview {
  kind: ImportStore;
  source: string;
  headers: string[];
  mapping: ImportReport['mapping'];
  unmapped: { column: number; header: string }[];
  /** Every field of the kind, so a UI can offer them for unmapped columns. */
  fields: { field: string; label: string; type: string }[];
  formats: ValueFormats;
  warnings: string[];
  issues: CsvIssue[];
  rows: PreviewRow[];
}

/** The first rows mapped as they would be imported, with the detected mapping and formats. Writes nothing. */
export async function previewCsv(
  source: CsvSource,
  options: CsvImportOptions & { rows?: number },
): Promise<CsvPreview> {
  const setup = await openCsv(source, options);
  await setup.iterator.return?.(undefined);
  const draftRow = createRowDrafter(draftSetup(setup, options));
  const rows = setup.buffered.slice(0, options.rows ?? 20).map((row): PreviewRow => {
    const drafted = draftRow(row);
    return 'reasons' in drafted
      ? { line: row.line, reasons: drafted.reasons }
      : { line: row.line, fields: drafted.draft.fields };
  });
  return {
    kind: options.kind,
    source: setup.system,
    headers: setup.headers,
    mapping: mappingOf(setup.fields, setup.headers),
    unmapped: setup.unmapped,
    fields: Object.entries(setup.kind.fields).map(([field, spec]) => ({ field, label: spec.label, type: spec.type })),
    formats: setup.formats,
    warnings: setup.warnings,
    issues: setup.issues.filter((i) => i.line <= (rows.at(-1)?.line ?? setup.headerLine)),
    rows,
  };
}

function mappingOf(fields: Record<string, number>, headers: readonly string[]): ImportReport['mapping'] {
  return Object.fromEntries(
    Object.entries(fields).map(([f, column]) => [f, { column, header: headers[column] ?? '' }]),
  );
}

/** Rows of one order (line-item exports) collected until the order id changes. */
interface OrderGroup {
  key: string;
  lines: number[];
  head?: Draft<'orders'>;
  items: NonNullable<Draft<'orders'>['lineItem']>[];
  person?: PersonRef | undefined;
  /**
   * A group whose first row the fast reader read (fast-order-rows.ts): the order is that row, its
   * customer `customer` (the worker's number for it, or -1); rows that join it add only their lines.
   */
  fast?: { order: FastOrderRow; customer: number };
}

/**
 * Imports a CSV into the repository.
 *
 * @example
 * const report = await importCsv(repo, file.stream(), { kind: 'contacts', defaultCountry: 'DE' });
 * for (const { line, reasons } of report.rejected) show(line, reasons);
 */
export async function importCsv(
  repo: Repository,
  source: CsvSource | Blob,
  options: CsvImportOptions,
): Promise<ImportReport> {
  const now = options.now ?? (() => new Date().toISOString());
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const file = source instanceof Blob ? source : undefined;
  const setup = await openCsv(file ? streamChunks(file.stream()) : (source as CsvSource), options);
  const { kind, headers, fields, system, formats } = setup;
  const writer = await createBatchWriter(repo, now);
  // The fast path for orders (order-columns-builder.ts): only for orders without line items or
  // discounts, and only into an empty order store, so every order is new (re-imports take the full path).
  const columnar =
    kind.store === 'orders' &&
    options.columnar !== false &&
    !PER_LINE_FIELDS.some((field) => field in fields) &&
    (await repo.count('orders')) === 0
      ? createOrderColumnsBuilder(system, `import:${system}`, expectedRows(file, setup))
      : undefined;
  /**
   * Rows of a plain order file go straight into the columns when they can (fast-order-rows.ts): a row
   * the fast reader reads opens a group as the full path's rows do, but one that holds the row as read
   * (no draft), and a finished one is appended as columns. Every other row takes the full path below.
   */
  const fastRows = columnar && createFastOrderRows(fields, formats, headers.length);
  // A file's rows after those read so far go to the import worker, started now so that it reads while
  // the links load (order-rows-worker.ts).
  const fromWorker =
    !setup.done && fastRows && file && options.worker
      ? startWorkerRows(options.worker(), {
          file,
          delimiter: options.delimiter,
          fields,
          formats,
          width: headers.length,
          after: setup.buffered.at(-1)?.line ?? setup.headerLine,
        })
      : undefined;
  let links: ImportLinks;
  try {
    links = await loadLinks(repo, {
      thresholds,
      ...(options.defaultCountry && { defaultCountry: options.defaultCountry }),
    });
  } catch (error) {
    fromWorker?.close();
    throw error;
  }
  const keptAs = (options.keepUnmapped ?? true) && unmappedTarget(kind.store);

  const report: ImportReport = {
    kind: options.kind,
    source: system,
    headers,
    mapping: mappingOf(fields, headers),
    unmapped: setup.unmapped.map((u) => (keptAs ? { ...u, keptAs: `${keptAs}.${u.header}` } : u)),
    formats,
    rows: 0,
    accepted: 0,
    rejected: [],
    stored: {},
    merged: [],
    duplicates: [],
    issues: [...setup.issues],
    warnings: setup.warnings,
    bom: setup.bom,
    cancelled: false,
    committedThroughLine: setup.headerLine,
  };

  const batchSize = options.batchSize ?? (columnar ? DEFAULT_COLUMNS_BATCH : DEFAULT_BATCH);
  /** The rows the batch being read commits at: fewer for the first (firstBatchSize). */
  let batchDue = options.firstBatchSize ?? options.batchSize ?? Math.ceil(batchSize / 4);
  const naturalKeys = new Map<string, number>();
  let batchRows = 0;
  let committedRows = 0;
  let lastLine = setup.headerLine;
  let group: OrderGroup | undefined;

  const reject = (lines: readonly number[], reasons: string[]) => {
    for (const line of lines) report.rejected.push({ line, reasons });
  };

  const queue = writer.queue;

  const externalIds = (draft: Draft<ImportStore>): Record<string, string> =>
    draft.external ? { [system]: draft.key } : {};

  /** The contact a record belongs to, created when the row names a person nobody has stored yet. */
  const resolvePerson = (person: PersonRef | undefined, asCustomer: boolean): string | undefined => {
    if (!person) return undefined;
    const email = person.email && normalizeEmail(person.email) ? person.email : undefined;
    const found =
      (person.externalId &&
        (links.external.contacts.get(`${system}:${person.externalId}`) ??
          (links.identity.facts(`${system}:${person.externalId}`) ? `${system}:${person.externalId}` : undefined))) ||
      (email && links.identity.findByEmail(email)[0]) ||
      (person.phone && links.identity.findByPhone(person.phone)[0]) ||
      undefined;
    if (found) return found;
    if (!person.externalId && !email) return undefined;
    const id = person.externalId ? `${system}:${person.externalId}` : `email:${normalizeEmail(email as string)?.key}`;
    const contact = {
      emails: email ? [email] : [],
      phones: person.phone ? [person.phone] : [],
      ...(person.firstName && { firstName: person.firstName }),
      ...(person.lastName && { lastName: person.lastName }),
      ...(person.fullName && { fullName: person.fullName }),
      ...(person.company && { company: person.company }),
      ...(asCustomer && { lifecycleStage: 'customer' }),
      externalIds: person.externalId ? { [system]: person.externalId } : {},
      source: `import:${system}`,
    };
    queue('contacts', id, contact, 'fill', [], {});
    links.addContact({
      id,
      emails: contact.emails,
      phones: contact.phones,
      firstName: person.firstName,
      lastName: person.lastName,
      fullName: person.fullName,
      externalIds: contact.externalIds,
    });
    return id;
  };

  /** The account a record belongs to; opportunities and cases create the account they name. */
  const resolveCompany = (company: CompanyRef | undefined, create: boolean): string | undefined => {
    if (!company) return undefined;
    const found = links.findAccount(company, system);
    if (found || !create || !company.name) return found;
    const id = company.externalId ? `${system}:${company.externalId}` : `name:${tableKey(company.name)}`;
    const externalIdsOf = company.externalId ? { [system]: company.externalId } : {};
    queue('accounts', id, { name: company.name, externalIds: externalIdsOf, source: `import:${system}` }, 'fill', []);
    links.addAccount({ id, name: company.name, domains: [], externalIds: externalIdsOf });
    return id;
  };

  const finishOrder = (g: OrderGroup) => {
    if (g.fast) return finishFast(g.fast.order, g.fast.customer, g.lines);
    const head = g.head;
    if (!head) return reject(g.lines, ['the order has line items but no row with its date and total']);
    const currency = head.fields.currency as string;
    // Lines of rows that named no currency are in the order's.
    const items = g.items.some((item) => item.unitPrice.currency === '')
      ? g.items.map((item) =>
          item.unitPrice.currency === ''
            ? {
                ...item,
                unitPrice: { ...item.unitPrice, currency },
                ...(item.discount && { discount: { ...item.discount, currency } }),
              }
            : item,
        )
      : g.items;
    // The head row's fields are this order's own object: completed in place rather than copied.
    const order = head.fields as Record<string, unknown>;
    order.lineItems = items;
    if (items.some((item) => item.unitPrice.currency !== currency))
      return reject(g.lines, [`a line item's currency differs from the order currency ${currency}`]);
    if (order.total === undefined) {
      if (items.length === 0) return reject(g.lines, ['the order has no total and no line items to add up']);
      const discounts = (order.discounts as { amount: { amount: number } }[]).reduce((s, d) => s + d.amount.amount, 0);
      order.total = { amount: linesTotal(items) - discounts, currency };
    }
    const contactId = resolvePerson(g.person, true);
    if (!contactId) return reject(g.lines, ['the order names no customer: map a customer id or email column']);
    let key = head.key;
    if (!head.external) {
      // No order id: the natural key is who, when and how much, counted so two identical orders stay two.
      const natural = `${contactId}|${order.placedAt}|${(order.total as { amount: number }).amount}`;
      const seen = (naturalKeys.get(natural) ?? 0) + 1;
      naturalKeys.set(natural, seen);
      key = `order:${natural}#${seen}`;
    }
    const id = head.external ? `${system}:${key}` : key;
    // Rows of one order must be together; a second group would replace the first one's lines.
    if (head.external && (columnar ? columnar.seen(id) : writer.seen('orders', id)))
      return reject(g.lines, [repeatedOrder(head.key)]);
    if (columnar) return columnar.add(id, order, g.lines, contactId, head.external ? head.key : undefined);
    order.contactId = contactId;
    order.externalIds = externalIds(head);
    queue('orders', id, order, 'replace', g.lines, { dependsOn: [contactId] });
  };

  /** Customer id as written → contact id, for the fast rows (cleared when a contact is forgotten). */
  const customers = new Map<string, string>();
  const personOf = (customer: string): PersonRef => ({
    externalId: customer,
    email: undefined,
    phone: undefined,
    firstName: undefined,
    lastName: undefined,
    fullName: undefined,
  });
  /** The contact of a fast row's customer: found, or created as the full path creates a customer it does not know. */
  const contactOf = (customer: string): string => {
    let contactId = customers.get(customer);
    if (contactId === undefined) {
      contactId = resolvePerson(personOf(customer), true) as string;
      customers.set(customer, contactId);
    }
    return contactId;
  };
  /** The worker's customers by number (their names, and their contacts once looked up). */
  const workerCustomers: string[] = [];
  let workerContacts: (string | undefined)[] = [];
  /** What finishOrder does with a group of fast rows: the order of its first row, with all its lines. */
  const finishFast = (order: FastOrderRow, customer: number, lines: number[]) => {
    let contactId = customer < 0 ? undefined : workerContacts[customer];
    if (contactId === undefined) {
      contactId = contactOf(order.customer);
      if (customer >= 0) workerContacts[customer] = contactId;
    }
    const id = `${system}:${order.key}`;
    if (!columnar?.addRow(id, order, lines[0] as number, contactId, lines.length > 1 ? [...lines] : undefined))
      reject(lines, [repeatedOrder(order.key)]);
  };
  /**
   * The one group of fast rows there is at a time, reused (a million orders, a million groups): it is
   * finished before another group is opened, and finishFast keeps none of it.
   */
  const fastGroup: OrderGroup & Required<Pick<OrderGroup, 'fast'>> = {
    key: '',
    lines: [],
    items: [],
    fast: { order: emptyFastOrderRow(), customer: -1 },
  };
  /** A row the fast reader read (`customer`: the worker's number for its customer, or -1). */
  const takeFast = (order: FastOrderRow, line: number, customer = -1) => {
    countRow(line);
    // A row of the order being collected joins it, as the full path's rows do.
    if (group?.key === order.key) {
      group.lines.push(line);
      if (!group.fast) group.person ??= personOf(order.customer);
      return;
    }
    if (group) finishOrder(group);
    Object.assign(fastGroup.fast.order, order);
    fastGroup.fast.customer = customer;
    fastGroup.key = order.key;
    fastGroup.lines.length = 0;
    fastGroup.lines.push(line);
    group = fastGroup;
  };
  const fastOrder = (row: CsvRow): boolean => {
    const order = fastRows ? fastRows.read(row.cells) : undefined;
    if (order) takeFast(order, row.line);
    return order !== undefined;
  };

  const countRow = (line: number) => {
    report.rows++;
    batchRows++;
    lastLine = line;
  };

  const draftRow = createRowDrafter(draftSetup(setup, options));
  const processRow = (row: CsvRow) => {
    if (!fastOrder(row)) full(row.line, draftRow(row));
  };
  /** A row through the full path, drafted (here or by the worker): grouped (orders), linked, queued. */
  const full = (line: number, drafted: Drafted) => {
    countRow(line);
    if ('reasons' in drafted) return reject([line], drafted.reasons);
    const { draft } = drafted;
    switch (kind.store) {
      case 'orders': {
        const d = draft as Draft<'orders'>;
        if (group && (d.key === '' || group.key !== d.key)) {
          finishOrder(group);
          group = undefined;
        }
        group ??= { key: d.key, lines: [], items: [] };
        group.lines.push(line);
        if (d.fields.placedAt && !group.head && !group.fast) group.head = d;
        if (d.lineItem) group.items.push(d.lineItem);
        if (d.person && !group.person && !group.fast) group.person = d.person;
        if (d.key === '') {
          finishOrder(group);
          group = undefined;
        }
        return;
      }
      case 'contacts':
        return importContact(draft as Draft<'contacts'>, line);
      case 'accounts': {
        const d = draft as Draft<'accounts'>;
        const domain = d.fields.domains?.[0];
        const id =
          links.findAccount({ externalId: d.external ? d.key : undefined, domain, name: d.fields.name }, system) ??
          (d.external ? `${system}:${d.key}` : d.key);
        queue('accounts', id, { ...d.fields, externalIds: externalIds(d) }, 'replace', [line], {
          createdAt: d.createdAt,
        });
        links.addAccount({
          id,
          name: d.fields.name as string,
          domains: d.fields.domains ?? [],
          externalIds: externalIds(d),
        });
        return;
      }
      default: {
        const d = draft as Draft<'products' | 'opportunities' | 'cases'>;
        const contactId = resolvePerson(d.person, false);
        const accountId = resolveCompany(d.company, true);
        const links_ = { ...(contactId && { contactId }), ...(accountId && { accountId }) };
        const id = d.external ? `${system}:${d.key}` : d.key;
        queue(kind.store, id, { ...d.fields, ...links_, externalIds: externalIds(d) }, 'replace', [line], {
          createdAt: d.createdAt,
          dependsOn: [contactId, accountId].filter((x): x is string => x !== undefined),
        });
      }
    }
  };

  const importContact = (draft: Draft<'contacts'>, line: number) => {
    const ownId = draft.external ? `${system}:${draft.key}` : draft.key;
    const accountId = resolveCompany(draft.company, false);
    const ownExternalIds = externalIds(draft);
    // The draft's fields are this row's own: completed in place rather than copied.
    const fieldsToSet: Record<string, unknown> = draft.fields;
    if (accountId) fieldsToSet.accountId = accountId;
    fieldsToSet.externalIds = ownExternalIds;
    const emails = draft.fields.emails ?? [];
    const phones = draft.fields.phones ?? [];
    const facts = contactFacts({
      id: ownId,
      emails,
      phones,
      firstName: draft.fields.firstName,
      lastName: draft.fields.lastName,
      fullName: draft.fields.fullName,
      accountId,
    });
    let target =
      (draft.external && links.external.contacts.get(ownId)) || (links.identity.facts(ownId) ? ownId : undefined);
    let mode: UpsertMode = 'replace';
    if (!target) {
      const candidates = links.identity.candidatesFor(facts);
      const best = candidates[0];
      if (best?.verdict === 'certain') {
        target = best.a;
        mode = 'fill';
        report.merged.push({ line, into: best.a, score: best.score, signals: best.signals });
      } else if (best) report.duplicates.push({ ...best, b: ownId, line });
      for (const other of candidates.slice(1))
        if (other.verdict === 'doubtful' || target) report.duplicates.push({ ...other, b: target ?? ownId, line });
    }
    const id = target ?? ownId;
    queue('contacts', id, fieldsToSet, mode, [line], { createdAt: draft.createdAt });
    const known = links.identity.facts(id);
    // A new contact's lists are the draft's, already without repeats (kinds/contacts.ts).
    links.addContact({
      id,
      emails: known ? [...new Set([...known.emails, ...emails])] : emails,
      phones: known ? [...new Set([...known.phones, ...phones])] : phones,
      firstName: known?.firstName ?? facts.firstName,
      lastName: known?.lastName ?? facts.lastName,
      accountId: known?.accountId ?? accountId,
      externalIds: ownExternalIds,
    });
  };

  /**
   * The batch whose write is in flight, settling once its report is applied: the next batch is read
   * and checked while IndexedDB commits this one (the writer waits for it before the next write).
   */
  let landing: Promise<void> = Promise.resolve();
  /**
   * Whether a batch's write is in flight. Its steps wait on IndexedDB replies, which run only when the
   * row loop lets the event loop turn: a chunk of rows is hundreds of milliseconds of work, so an
   * unattended write took several times as long as IndexedDB needed (a contact batch 0.8 s instead of
   * under 0.3 s). While one is in flight the loop yields every few milliseconds (YIELD_EVERY_MS).
   */
  let writing = false;

  const flush = async () => {
    let taken: ColumnsTaken | undefined;
    const result = await writer.flush(
      columnar &&
        ((failed, stamp) => {
          taken = columnar.take(failed, stamp);
          return taken.ops;
        }),
    );
    if (taken) {
      result.rejected.push(...taken.rejected);
      if (taken.created > 0) addCounts(result.counts, { orders: { created: taken.created, updated: 0, unchanged: 0 } });
    }
    report.rejected.push(...result.rejected);
    for (const id of result.failedContacts) links.forgetContact(id);
    if (result.failedContacts.length > 0) {
      customers.clear();
      workerContacts = [];
    }
    // The rows of an order still being collected are not part of this commit.
    const rows = report.rows - (group?.lines.length ?? 0);
    const through = group ? (group.lines[0] as number) - 1 : lastLine;
    const consumed = setup.consumed;
    batchRows = 0;
    writing = true;
    result.committed.then(
      () => {
        writing = false;
      },
      () => {
        writing = false;
      },
    );
    landing = result.committed.then(() => {
      addCounts(report.stored, result.counts);
      committedRows = rows;
      report.committedThroughLine = through;
      const rejectedLines = new Set(report.rejected.flatMap((r) => (r.line <= through ? [r.line] : [])));
      report.accepted = committedRows - rejectedLines.size;
      options.onProgress?.({ rows, consumed, committedThroughLine: through });
    });
    landing.catch(() => undefined);
  };

  try {
    let yielded = performance.now();
    /**
     * Whether row i is where to commit a full batch or to let IndexedDB's replies in (a write in flight).
     * Checked before awaiting `afterRow`: an await per row (a million for a million orders) cost a
     * promise and a turn of the microtask queue each.
     */
    const flushDue = () => batchRows >= batchDue;
    const yieldDue = (i: number) => writing && (i & 63) === 0 && performance.now() - yielded > YIELD_EVERY_MS;
    const pauseDue = (i: number) => flushDue() || yieldDue(i);
    const afterRow = async (i: number) => {
      if (flushDue()) {
        await flush();
        batchDue = batchSize;
      }
      if (yieldDue(i)) {
        await yieldToLoop();
        yielded = performance.now();
      }
    };
    const processRows = async (rows: readonly CsvRow[]) => {
      for (let i = 0; i < rows.length; i++) {
        options.signal?.throwIfAborted();
        processRow(rows[i] as CsvRow);
        if (pauseDue(i)) await afterRow(i);
      }
    };
    /**
     * Takes the worker's rows after line `skipThrough` (the rows before it were taken here) until it is
     * done, and says why it stopped if it failed.
     */
    const takeWorkerRows = async (
      batches: AsyncIterable<RowsMessage>,
      skipThrough: number,
    ): Promise<Error | undefined> => {
      const order = emptyFastOrderRow();
      const iterator = batches[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<RowsMessage>;
        try {
          next = await iterator.next();
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
        if (next.done) return undefined;
        const batch = next.value;
        setup.consumed = batch.consumed;
        for (const issue of batch.issues) if (issue.line > skipThrough) report.issues.push(issue);
        batch.newCustomers.forEach((name, i) => {
          workerCustomers[batch.firstCustomer + i] = name;
        });
        let fast = 0;
        let slow = 0;
        for (let i = 0; i < batch.lines.length; i++) {
          options.signal?.throwIfAborted();
          const line = batch.lines[i] as number;
          if (batch.fast[i] === 1) {
            if (line > skipThrough) {
              const customer = batch.customer[fast] as number;
              order.key = batch.keys[fast] as string;
              order.customer = workerCustomers[customer] as string;
              order.placedAt = batch.placedAt[fast] as number;
              order.total = batch.total[fast] as number;
              order.status = batch.status[fast] as number;
              order.currency = batch.codes[batch.currency[fast] as number] as string;
              order.totalCurrency = batch.codes[batch.totalCurrency[fast] as number] as string;
              takeFast(order, line, customer);
            }
            fast++;
          } else {
            const cells = batch.slow[slow++] as string[];
            if (line > skipThrough) full(line, draftRow({ line, cells }));
          }
          if (pauseDue(i)) await afterRow(i);
        }
      }
    };

    await processRows(setup.buffered);
    // The rest of the file: read here until the worker's first rows arrive (it starts, and reads the file
    // from its top, meanwhile), then the worker's rows after the last one taken here. Should the worker
    // fail, this thread reads on from there itself.
    let worker = fromWorker;
    let own: AsyncIterator<CsvBatch> | undefined = setup.done ? undefined : setup.iterator;
    /** Lines this thread skips when it reads the file again after the worker failed. */
    let skipThrough = 0;
    for (;;) {
      const waiting = worker?.waiting();
      if (worker && waiting) {
        // A worker that failed before it sent a row (it did not load) leaves this thread reading on as it was.
        const failedAtOnce = waiting === 'error';
        if (!failedAtOnce) await own?.return?.(undefined);
        const failure = await takeWorkerRows(worker.rows, lastLine);
        worker = undefined;
        if (!failure) break;
        report.warnings.push(workerFailed(failure));
        if (!failedAtOnce) {
          // Read again from the top; the rows up to the last one taken are skipped.
          skipThrough = lastLine;
          own = readRows(streamChunks((file as Blob).stream()), options);
        }
      }
      if (!own) break;
      const next = await own.next();
      if (next.done) break;
      setup.consumed = next.value.consumed;
      // Every issue and row once, in file order.
      for (const issue of next.value.issues) if (issue.line > skipThrough) report.issues.push(issue);
      const rows = next.value.rows;
      await processRows(rows[0] && rows[0].line <= skipThrough ? rows.filter((row) => row.line > skipThrough) : rows);
    }
    if (group) finishOrder(group);
    group = undefined;
    options.signal?.throwIfAborted();
    await flush();
    await landing;
  } catch (error) {
    // A batch may still be landing: wait for it, so that the report says whether it did.
    const lastWrite: unknown = await landing.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    const failure = [error, lastWrite].find((e): e is Error => e instanceof Error && e.name === 'RepositoryError');
    if (options.signal?.aborted && isAbort(error)) report.cancelled = true;
    else if (!failure) throw error;
    if (failure) report.failed = failure.message;
    // Rows read after the last commit are neither stored nor rejected: the report says where to resume.
    report.rejected = report.rejected.filter((r) => r.line <= report.committedThroughLine);
    report.rows = committedRows;
    report.accepted = committedRows - new Set(report.rejected.map((r) => r.line)).size;
  } finally {
    fromWorker?.close();
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

/** About how many rows a file has, from the size of its rows read so far (0 when its size is unknown). */
function expectedRows(file: Blob | undefined, setup: { buffered: readonly CsvRow[]; consumed: number }): number {
  if (!file || setup.consumed === 0) return 0;
  return Math.ceil((file.size * setup.buffered.length) / setup.consumed);
}

function repeatedOrder(key: string): string {
  return `order ${key} already appeared earlier in the file: keep the rows of an order together (sort by order id)`;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error ? error.name === 'AbortError' || error.name === 'TimeoutError' : true;
}

const workerFailed = (error: Error) =>
  `the import worker failed (${error.message}): the rest of the file was read on the page's own thread`;
