import { useMemo, useState } from 'preact/hooks';
import { chooseScript, fillScript, isOpenComplaint, SITUATIONS, type Situation } from '../../shared/call-scripts';
import { selectedCustomerId } from '../state/selection';
import { type ViewProps, ViewTitle } from './parts';

/** A call script for the chosen customer: the situation picked from their data, their fields filled in. */
export function CallScriptsView({ workbench }: ViewProps) {
  const rows = workbench.rows.value;
  const [search, setSearch] = useState('');
  const [override, setOverride] = useState<Situation | ''>('');
  const id = selectedCustomerId.value;
  const row = id ? workbench.rowById.value.get(id) : undefined;
  const matches = useMemo(() => {
    const text = search.trim().toLowerCase();
    if (!text) return [];
    return rows.filter((r) => `${r.name} ${r.email}`.toLowerCase().includes(text)).slice(0, 8);
  }, [rows, search]);
  const complaint = row ? workbench.cases.value.find((c) => c.contactId === row.id && isOpenComplaint(c)) : undefined;
  const chosen = row ? chooseScript(row, complaint) : undefined;
  const situation = override || chosen?.situation;
  const script =
    row && situation
      ? fillScript(
          situation,
          row,
          {
            rep: workbench.settings.value.repName,
            ourCompany: workbench.settings.value.ourCompany,
            ...(complaint ? { caseSubject: complaint.subject } : {}),
          },
          override ? 'chosen by you' : (chosen?.because ?? ''),
        )
      : undefined;

  return (
    <>
      <ViewTitle>Call scripts</ViewTitle>
      <div class="field">
        <label for="s-search">Find the customer you are calling</label>
        <input id="s-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </div>
      {matches.length > 0 && (
        <ul class="list" aria-label="Matching customers">
          {matches.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                class="link"
                onClick={() => {
                  selectedCustomerId.value = m.id;
                  setSearch('');
                  setOverride('');
                }}
              >
                {m.name} · {m.email}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!row && <p>Choose a customer here or in the Customers view to see the script for the call.</p>}
      {row && script && (
        <article class="script" aria-labelledby="script-title" data-testid="script">
          <h3 id="script-title">
            {script.title} — {row.name}
          </h3>
          <p class="muted">Why this script: {script.because}</p>
          <div class="field">
            <label for="s-situation">Situation</label>
            <select
              id="s-situation"
              value={situation}
              onChange={(e) => setOverride(e.currentTarget.value as Situation)}
            >
              {SITUATIONS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <ol>
            {script.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {!workbench.settings.value.repName && (
            <p class="muted">Add your name and company under Data → Settings to have them in the script.</p>
          )}
        </article>
      )}
    </>
  );
}
