import {
  type AccessExport,
  type DuplicateCandidate,
  erasePerson,
  exportBackup,
  exportPerson,
  findDuplicates,
  type ImportReport,
  type ImportStore,
  importCsv,
  type MergeRecord,
  mergeContacts,
  type RestoreReport,
  restoreBackup,
  type SegmentRule,
  SegmentRulesSchema,
  undoMerge,
} from '@cordial/core';
import { startImportWorker } from '@cordial/core/import-worker';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { listToCsv } from '../model/list-builder';
import { type WorkbenchSettings, WorkbenchSettingsSchema } from '../state/workbench-settings';
import { fieldErrors } from './form-errors';
import { download, type ViewProps, ViewTitle } from './parts';

/** core's backup (JSON Lines) and restore; restoring adds to the data already stored. */
function BackupSection({ workbench }: ViewProps) {
  const [report, setReport] = useState<{ result?: RestoreReport; error?: string } | null>(null);
  const restore = async (file: File) => {
    try {
      const result = await restoreBackup(await workbench.repository(), file.stream(), { merge: true });
      setReport({ result });
      if (Object.values(result.restored).some((n) => n > 0)) await workbench.reloadAll();
    } catch (e) {
      setReport({ error: `Nothing was restored: ${e instanceof Error ? e.message : String(e)}.` });
    }
  };
  const downloadBackup = async () => {
    const chunks: string[] = [];
    for await (const chunk of exportBackup(await workbench.repository(), { now: () => workbench.now().toISOString() }))
      chunks.push(chunk);
    download(
      `cordial-backup-${workbench.now().toISOString().slice(0, 10)}.jsonl`,
      chunks.join(''),
      'application/jsonl',
    );
  };
  const rejected = report?.result?.rejected ?? [];
  const written = Object.values(report?.result?.restored ?? {}).reduce((sum, n) => sum + n, 0);
  return (
    <section aria-labelledby="backup-title">
      <h3 id="backup-title">Export, backup and restore</h3>
      <div class="actions">
        <button
          type="button"
          onClick={() => download('cordial-contacts.csv', listToCsv(workbench.rows.value), 'text/csv')}
        >
          Export contacts as CSV
        </button>
        <button type="button" onClick={downloadBackup}>
          Download a full backup
        </button>
        <div class="field inline">
          <label for="restore-file">Restore or import a backup file</label>
          <input
            id="restore-file"
            type="file"
            accept="application/jsonl,.jsonl,.json,.ndjson"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void restore(file);
            }}
          />
        </div>
      </div>
      {report && (
        <div role="status" data-testid="restore-report">
          {report.error ? (
            <p class="error">{report.error}</p>
          ) : (
            <p>
              {written} records restored; {rejected.length} rejected.
            </p>
          )}
          {rejected.length > 0 && (
            <table class="table">
              <caption>Rejected records</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Store</th>
                  <th scope="col">Id</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {rejected.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.store ?? '—'}</td>
                    <td>{r.id ?? '—'}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

const IMPORT_STORES: readonly ImportStore[] = ['contacts', 'accounts', 'products', 'orders', 'opportunities', 'cases'];

/** core-import's CSV importer: mapping detected from the headers, every rejected row reported with its reasons. */
function ImportSection({ workbench }: ViewProps) {
  const [kind, setKind] = useState<ImportStore>('contacts');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (file: File) => {
    setBusy(true);
    setFailure('');
    try {
      // Streamed: a 200 MB export is read a chunk at a time, never held whole; a plain order file is read
      // by an import worker while this page links and stores its rows.
      const result = await importCsv(await workbench.repository(), file, { kind, worker: startImportWorker });
      setReport(result);
      // New data: reload and recompute the analytics (in the worker, with progress).
      if (result.accepted > 0) void workbench.reloadAll();
    } catch (e) {
      setReport(null);
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const stored = report
    ? Object.entries(report.stored)
        .map(([store, c]) => `${store}: ${c?.created ?? 0} created, ${c?.updated ?? 0} updated`)
        .join('; ')
    : '';
  return (
    <section aria-labelledby="import-title">
      <h3 id="import-title">Import a CSV file</h3>
      <div class="actions">
        <div class="field">
          <label for="import-kind">What the file holds</label>
          <select id="import-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ImportStore)}>
            {IMPORT_STORES.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="import-file">CSV file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void run(file);
            }}
          />
        </div>
      </div>
      {busy && <p role="status">Importing…</p>}
      {failure && (
        <p class="error" role="alert">
          Nothing was imported: {failure}
        </p>
      )}
      {report && (
        <div role="status" data-testid="import-report">
          <p>
            {report.rows} rows read, {report.accepted} imported, {report.rejected.length} rejected
            {report.merged.length > 0 && `, ${report.merged.length} merged into existing contacts`}
            {report.duplicates.length > 0 && `, ${report.duplicates.length} possible duplicates to review`}.
            {stored && ` Stored — ${stored}.`}
          </p>
          {report.failed && <p class="error">The import stopped: {report.failed}</p>}
          {[...report.warnings, ...report.issues.map((i) => `line ${i.line}: ${i.message}`)].map((w) => (
            <p key={w} class="muted">
              {w}
            </p>
          ))}
          {report.rejected.length > 0 && (
            <table class="table">
              <caption>Rejected rows</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.reasons.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

/** How many of the stored merges (newest first) the section offers to undo. */
const RECENT_MERGES = 20;

/** core's duplicate scoring, and its merge (`mergeContacts`, one atomic write) and undo (`undoMerge`). */
function DuplicatesSection({ workbench }: ViewProps) {
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  // core stores each merge with its record of what it changed (the sidebar's merges too), so undo
  // works after a reload; undo puts everything back in one write and deletes the record. Read again
  // whenever the contacts are (every merge and undo below reloads them).
  const [merges, setMerges] = useState<MergeRecord[]>([]);
  const contacts = workbench.contacts.value;
  useEffect(() => {
    void workbench
      .repository()
      .then((repo) => repo.listMerges())
      .then((read) => setMerges(read.records.slice(0, RECENT_MERGES)));
  }, [contacts, workbench]);
  const pairs = useMemo(
    () =>
      findDuplicates(
        contacts.map((c) => ({
          id: c.id,
          emails: c.emails,
          phones: c.phones,
          firstName: c.firstName,
          lastName: c.lastName,
          accountId: c.accountId,
        })),
      ),
    [contacts],
  );
  const byId = workbench.rowById.value;
  const label = (id: string) => `${byId.get(id)?.name ?? id} (${byId.get(id)?.email ?? 'no email'})`;
  const shown = pairs.filter((p: DuplicateCandidate) => !dismissed.has(`${p.a}|${p.b}`));
  const created = new Map(contacts.map((c) => [c.id, c.createdAt]));
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await work());
      await workbench.reloadAll();
    } catch (e) {
      setMessage(`Nothing was changed: ${e instanceof Error ? e.message : String(e)}.`);
    } finally {
      setBusy(false);
    }
  };
  const merge = (p: DuplicateCandidate) =>
    act(async () => {
      // The older contact survives, as core's automatic resolution does: its id is the one other systems know.
      const [survivor, duplicate] = (created.get(p.b) ?? '') < (created.get(p.a) ?? '') ? [p.b, p.a] : [p.a, p.b];
      const text = `Merged ${label(duplicate)} into ${label(survivor)}.`;
      await mergeContacts(await workbench.repository(), survivor, [duplicate], {
        now: () => workbench.now().toISOString(),
        reasons: p.signals.map((s) => s.explanation),
      });
      return text;
    });
  const undo = (record: MergeRecord) =>
    act(async () => {
      const result = await undoMerge(await workbench.repository(), record);
      if (!result.ok) throw new Error(`the merge cannot be undone: ${result.conflicts.join('; ')}`);
      const names = record.before.duplicates.map((c) => [c.firstName, c.lastName].filter(Boolean).join(' ') || c.id);
      return `Undid the merge: ${names.join(', ')} is a separate contact again.`;
    });
  return (
    <section aria-labelledby="dup-title">
      <h3 id="dup-title">Duplicates to review</h3>
      {message && <p role="status">{message}</p>}
      {merges.length > 0 && (
        <ul class="list" data-testid="merges" aria-label="Recent merges">
          {merges.map((m) => (
            <li key={m.id}>
              {m.before.duplicates.map((c) => c.emails[0] ?? c.id).join(', ')} merged into{' '}
              {m.before.survivor.emails[0] ?? m.survivorId}{' '}
              <button type="button" disabled={busy} onClick={() => undo(m)}>
                Undo merge
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown.length === 0 ? (
        <p>No likely duplicates.</p>
      ) : (
        <ul class="list" data-testid="duplicates">
          {shown.slice(0, 30).map((p) => (
            <li key={`${p.a}|${p.b}`}>
              <span class="strong">
                {label(p.a)} and {label(p.b)}
              </span>{' '}
              — {p.verdict}, {Math.round(p.score * 100)} %: {p.signals.map((s) => s.explanation).join('; ')}{' '}
              <button type="button" disabled={busy} onClick={() => merge(p)}>
                Merge
              </button>{' '}
              <button type="button" class="link" onClick={() => setDismissed(new Set([...dismissed, `${p.a}|${p.b}`]))}>
                Not the same person
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** core's right of access (`exportPerson`) and erasure (`erasePerson`, one atomic write). */
function PrivacySection({ workbench }: ViewProps) {
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<AccessExport | null>(null);
  const [message, setMessage] = useState('');
  const now = () => workbench.now().toISOString();
  const lookUp = async (e: Event) => {
    e.preventDefault();
    const repo = await workbench.repository();
    const matches = await repo.findContactsByEmail(email.trim());
    const contact = matches.records[0];
    if (!contact) {
      setFound(null);
      return setMessage(`Nobody with the address ${email.trim()} is stored.`);
    }
    setMessage('');
    setFound(await exportPerson(repo, contact.id, { now }));
  };
  const erase = async () => {
    if (!found) return;
    const report = await erasePerson(await workbench.repository(), found.contact.id, { now });
    const count = Object.values(report.deleted).reduce((sum, n) => sum + n, 0);
    setMessage(`Erased ${count} records about ${email.trim()}.`);
    setFound(null);
    await workbench.reloadAll();
  };
  return (
    <section aria-labelledby="privacy-title">
      <h3 id="privacy-title">Access and erasure requests</h3>
      <form class="field inline" onSubmit={lookUp}>
        <label for="privacy-email">Person's email address</label>
        <input id="privacy-email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <button type="submit">Find their data</button>
      </form>
      {message && <p role="status">{message}</p>}
      {found && (
        <div data-testid="privacy-result">
          <p>
            Stored about this person:{' '}
            {[
              '1 contacts',
              ...Object.entries(found.records).map(([store, list]) => `${list?.length ?? 0} ${store}`),
              ...(found.unreadable.length > 0 ? [`${found.unreadable.length} unreadable records`] : []),
            ].join(', ')}
            .
          </p>
          <div class="actions">
            <button
              type="button"
              onClick={() =>
                download(`access-request-${found.contact.id}.json`, JSON.stringify(found, null, 2), 'application/json')
              }
            >
              Download everything (access request)
            </button>
            <button type="button" class="danger" onClick={erase}>
              Erase everything (erasure request)
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function RuleRow({
  rule,
  index,
  onChange,
  onRemove,
  onMove,
}: {
  rule: SegmentRule;
  index: number;
  onChange: (r: SegmentRule) => void;
  onRemove: () => void;
  onMove: (d: -1 | 1) => void;
}) {
  const range = (key: 'recency' | 'frequency' | 'monetary', end: 0 | 1) => (
    <input
      type="number"
      min={1}
      max={5}
      aria-label={`${rule.name} ${key} ${end === 0 ? 'from' : 'to'}`}
      value={rule[key][end]}
      onInput={(e) => {
        const next: [number, number] = [...rule[key]] as [number, number];
        next[end] = Number(e.currentTarget.value);
        onChange({ ...rule, [key]: next });
      }}
    />
  );
  return (
    <tr>
      <td>{index + 1}</td>
      <td>
        <input
          aria-label={`Name of rule ${index + 1}`}
          value={rule.name}
          onInput={(e) => onChange({ ...rule, name: e.currentTarget.value })}
        />
      </td>
      <td>
        {range('recency', 0)}–{range('recency', 1)}
      </td>
      <td>
        {range('frequency', 0)}–{range('frequency', 1)}
      </td>
      <td>
        {range('monetary', 0)}–{range('monetary', 1)}
      </td>
      <td>
        <button type="button" aria-label={`Move ${rule.name} up`} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" aria-label={`Move ${rule.name} down`} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" aria-label={`Remove ${rule.name}`} onClick={onRemove}>
          Remove
        </button>
      </td>
    </tr>
  );
}

function SettingsSection({ workbench }: ViewProps) {
  const [draft, setDraft] = useState<WorkbenchSettings>(workbench.settings.value);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');
  const rules = draft.rules;
  const setRules = (next: SegmentRule[]) => setDraft({ ...draft, rules: next });
  const save = async (e: Event) => {
    e.preventDefault();
    const parsed = WorkbenchSettingsSchema.safeParse(draft);
    const rulesCheck = SegmentRulesSchema.safeParse(draft.rules);
    if (!parsed.success || !rulesCheck.success) {
      setErrors({
        ...(parsed.success ? {} : fieldErrors(parsed.error)),
        ...(rulesCheck.success
          ? {}
          : {
              rules: rulesCheck.error.issues.map((i) => `rule ${Number(i.path[0] ?? 0) + 1}: ${i.message}`).join('; '),
            }),
      });
      setSaved('');
      return;
    }
    setErrors({});
    await workbench.saveSettings(parsed.data);
    setSaved('Settings saved; the analysis is recomputed with them.');
  };
  return (
    <section aria-labelledby="settings-title">
      <h3 id="settings-title">Settings</h3>
      <p>
        Your own addresses, colleagues' domains and the exclude list are on the{' '}
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          options page
        </a>
        .
      </p>
      <form onSubmit={save} noValidate>
        <div class="forms">
          <div class="field">
            <label for="s-currency">Currency (ISO code; empty: the one most orders are in)</label>
            <input
              id="s-currency"
              value={draft.currency}
              maxLength={3}
              onInput={(e) => setDraft({ ...draft, currency: e.currentTarget.value.toUpperCase() as never })}
            />
            {errors.currency && (
              <span class="error" role="alert">
                {errors.currency}
              </span>
            )}
          </div>
          <div class="field">
            <label for="s-fiscal">Fiscal year starts in month</label>
            <input
              id="s-fiscal"
              type="number"
              min={1}
              max={12}
              value={draft.fiscalYearStart}
              onInput={(e) => setDraft({ ...draft, fiscalYearStart: Number(e.currentTarget.value) })}
            />
            {errors.fiscalYearStart && (
              <span class="error" role="alert">
                {errors.fiscalYearStart}
              </span>
            )}
          </div>
          <div class="field">
            <label for="s-rep">Your name (for call scripts)</label>
            <input
              id="s-rep"
              value={draft.repName}
              onInput={(e) => setDraft({ ...draft, repName: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="s-company">Your company</label>
            <input
              id="s-company"
              value={draft.ourCompany}
              onInput={(e) => setDraft({ ...draft, ourCompany: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="s-risk">At risk below this chance of being active (%)</label>
            <input
              id="s-risk"
              type="number"
              min={5}
              max={95}
              value={Math.round(draft.atRiskBelow * 100)}
              onInput={(e) => setDraft({ ...draft, atRiskBelow: Number(e.currentTarget.value) / 100 })}
            />
            {errors.atRiskBelow && (
              <span class="error" role="alert">
                {errors.atRiskBelow}
              </span>
            )}
          </div>
        </div>
        <table class="table rules" data-testid="rule-table">
          <caption>Segment rules: the first rule a customer's R, F and M scores (1–5) match names the segment</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Segment</th>
              <th scope="col">Recency</th>
              <th scope="col">Frequency</th>
              <th scope="col">Monetary</th>
              <th scope="col">Order</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, i) => (
              <RuleRow
                key={i}
                rule={rule}
                index={i}
                onChange={(r) => setRules(rules.map((x, j) => (j === i ? r : x)))}
                onRemove={() => setRules(rules.filter((_, j) => j !== i))}
                onMove={(d) => {
                  const j = i + d;
                  if (j < 0 || j >= rules.length) return;
                  const next = [...rules];
                  [next[i], next[j]] = [next[j] as SegmentRule, next[i] as SegmentRule];
                  setRules(next);
                }}
              />
            ))}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() =>
            setRules([
              ...rules,
              { name: `New segment ${rules.length + 1}`, recency: [1, 5], frequency: [1, 5], monetary: [1, 5] },
            ])
          }
        >
          Add a rule
        </button>
        {errors.rules && (
          <p class="error" role="alert">
            {errors.rules}
          </p>
        )}
        <button type="submit">Save settings</button>
        {saved && <p role="status">{saved}</p>}
      </form>
    </section>
  );
}

/** Import, export, backup and restore; duplicates; access and erasure requests; settings. */
export function DataManagementView({ workbench }: ViewProps) {
  return (
    <>
      <ViewTitle>Data</ViewTitle>
      <div class="actions">
        <button type="button" onClick={() => workbench.recompute()} disabled={workbench.progress.value !== null}>
          Recompute analytics
        </button>
      </div>
      <ImportSection workbench={workbench} />
      <BackupSection workbench={workbench} />
      <DuplicatesSection workbench={workbench} />
      <PrivacySection workbench={workbench} />
      <SettingsSection workbench={workbench} />
    </>
  );
}
