import { signal } from '@preact/signals';
import { useMemo, useState } from 'preact/hooks';
import { customerValue, RISK_LEVELS } from '../model/customers';
import { describeQuery, type ListQuery, ListQuerySchema, listToCsv, runListQuery } from '../model/list-builder';
import { download, MultiSelect, type ViewProps, ViewTitle } from './parts';

const query = signal<ListQuery>(ListQuerySchema.parse({}));

/** Build a segmented list across stores (analytics × orders × consent), preview it, export it or save it. */
export function ListsView({ workbench }: ViewProps) {
  const fmt = workbench.format.value;
  const q = query.value;
  const categories = workbench.categories.value;
  const allCategories = useMemo(
    () => [...new Set([...categories.values()].flatMap((s) => [...s]))].sort(),
    [categories],
  );
  const result = useMemo(
    () => runListQuery(workbench.rows.value, q, categories),
    [workbench.rows.value, q, categories],
  );
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const set = (patch: Partial<ListQuery>) => {
    query.value = { ...query.value, ...patch };
  };
  const description = describeQuery(q);

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setMessage('Give the audience a name first.');
    const others = workbench.audiences.value.filter((a) => a.name !== trimmed);
    await workbench.saveAudiences([
      ...others,
      {
        id: workbench.newId(),
        name: trimmed,
        description,
        query: q,
        contactIds: result.map((r) => r.id),
        createdAt: workbench.now().toISOString(),
      },
    ]);
    setMessage(`Saved “${trimmed}” with ${result.length} people; choose it as the audience of a campaign.`);
    setName('');
  };

  return (
    <>
      <ViewTitle>List generator</ViewTitle>
      <form class="filters" aria-label="List query" onSubmit={(e) => e.preventDefault()}>
        <MultiSelect
          label="Segments"
          options={workbench.segmentOrder.value}
          value={q.segments}
          onChange={(segments) => set({ segments })}
        />
        <MultiSelect
          label="Life-cycle stages"
          options={workbench.lifecycleStages}
          value={q.stages}
          onChange={(stages) => set({ stages })}
        />
        <MultiSelect
          label="Churn risk"
          options={RISK_LEVELS}
          value={q.risks}
          onChange={(risks) => set({ risks: risks as never })}
        />
        <MultiSelect
          label="Bought any of"
          options={allCategories}
          value={q.boughtAny}
          onChange={(boughtAny) => set({ boughtAny })}
        />
        <MultiSelect
          label="But never bought"
          options={allCategories}
          value={q.neverBought}
          onChange={(neverBought) => set({ neverBought })}
        />
        <div class="field">
          <label for="l-min">Value at least ({fmt.currency})</label>
          <input
            id="l-min"
            type="number"
            min={0}
            value={q.minValue ?? ''}
            onInput={(e) =>
              set({ minValue: e.currentTarget.value === '' ? null : Math.max(0, Number(e.currentTarget.value)) })
            }
          />
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={q.marketableOnly}
            onChange={(e) => set({ marketableOnly: e.currentTarget.checked })}
          />
          Only people who agreed to marketing email (leaves out do-not-contact)
        </label>
      </form>
      <p role="status" data-testid="list-size">
        <span class="strong">{fmt.integer(result.length)}</span> people: {description}.
      </p>
      <div class="actions">
        <button
          type="button"
          disabled={result.length === 0}
          onClick={() => download('cordial-list.csv', listToCsv(result), 'text/csv')}
        >
          Export CSV
        </button>
        <div class="field inline">
          <label for="aud-name">Save as campaign audience named</label>
          <input id="aud-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          <button type="button" onClick={save} disabled={result.length === 0}>
            Save audience
          </button>
        </div>
      </div>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      <table class="table" data-testid="list-preview">
        <caption>Preview (first 50)</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Segment</th>
            <th scope="col">Bought</th>
            <th scope="col" class="num">
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {result.slice(0, 50).map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td>{r.email}</td>
              <td>{r.segment ?? '—'}</td>
              <td>{[...(categories.get(r.id) ?? [])].join(', ') || '—'}</td>
              <td class="num">{fmt.money(customerValue(r))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {workbench.audiences.value.length > 0 && (
        <section aria-labelledby="aud-title">
          <h3 id="aud-title">Saved audiences</h3>
          <ul class="list">
            {workbench.audiences.value.map((a) => (
              <li key={a.id}>
                <span class="strong">{a.name}</span> — {fmt.integer(a.contactIds.length)} people: {a.description} (saved{' '}
                {fmt.date(a.createdAt)}){' '}
                <button type="button" class="link" onClick={() => (query.value = a.query)}>
                  Load query
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
