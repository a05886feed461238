import { signal } from '@preact/signals';
import { useMemo, useState } from 'preact/hooks';
import {
  type CustomerFilter,
  CustomerFilterSchema,
  type CustomerRow,
  customerValue,
  EMPTY_FILTER,
  filterChoices,
  queryCustomers,
  RISK_LEVELS,
  type Sort,
  type SortKey,
} from '../model/customers';
import { selectedCustomerId } from '../state/selection';
import { CustomerPanel } from './customer-panel';
import type { ViewProps } from './parts';
import { ViewTitle } from './parts';
import { type Column, VirtualTable } from './virtual-table';

/** Kept across view switches, so going to Analysis and back keeps the rep's filter. */
export const customerFilter = signal<CustomerFilter>(EMPTY_FILTER);
const customerSort = signal<Sort>({ key: 'value', descending: true });

const TOUCH_CHOICES = [
  { id: '', label: 'Any time' },
  { id: 'within:7', label: 'Within 7 days' },
  { id: 'within:30', label: 'Within 30 days' },
  { id: 'not:90', label: 'Not for 90 days or more' },
  { id: 'not:180', label: 'Not for 180 days or more' },
];

function touchChoice(f: CustomerFilter): string {
  if (f.touchedWithinDays) return `within:${f.touchedWithinDays}`;
  if (f.notTouchedForDays) return `not:${f.notTouchedForDays}`;
  return '';
}

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { id: string; label: string }[];
  onChange: (v: string) => void;
}) {
  const id = `f-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const any = (list: string[]) => [{ id: '', label: 'Any' }, ...list.map((s) => ({ id: s, label: s }))];

/** Every contact in a virtualised table with filters, sorting and saved views. */
export function CustomersView({ workbench }: ViewProps) {
  const fmt = workbench.format.value;
  const filter = customerFilter.value;
  const sort = customerSort.value;
  const rows = workbench.rows.value;
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const shown = useMemo(() => queryCustomers(rows, filter, sort, workbench.now().getTime()), [rows, filter, sort]);
  const [viewName, setViewName] = useState('');
  const [viewError, setViewError] = useState('');
  const set = (patch: Partial<CustomerFilter>) => {
    customerFilter.value = { ...customerFilter.value, ...patch };
  };
  const sortBy = (key: SortKey) => {
    customerSort.value = { key, descending: sort.key === key ? !sort.descending : key !== 'name' };
  };
  const sortState = (key: SortKey) => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');
  const selected = selectedCustomerId.value ? workbench.rowById.value.get(selectedCustomerId.value) : undefined;

  const columns: Column<CustomerRow>[] = [
    { key: 'name', label: 'Name', cell: (r) => r.name, sort: sortState('name'), onSort: () => sortBy('name') },
    { key: 'company', label: 'Company', cell: (r) => r.company || '—' },
    {
      key: 'segment',
      label: 'Segment',
      cell: (r) => r.segment ?? '—',
      sort: sortState('segment'),
      onSort: () => sortBy('segment'),
    },
    { key: 'stage', label: 'Stage', cell: (r) => r.stage, sort: sortState('stage'), onSort: () => sortBy('stage') },
    {
      key: 'risk',
      label: 'Churn risk',
      cell: (r) => r.risk ?? '—',
      sort: sortState('risk'),
      onSort: () => sortBy('risk'),
    },
    {
      key: 'orders',
      label: 'Orders',
      numeric: true,
      cell: (r) => fmt.integer(r.orders),
      sort: sortState('orders'),
      onSort: () => sortBy('orders'),
    },
    {
      key: 'value',
      label: 'Value',
      numeric: true,
      cell: (r) => fmt.money(customerValue(r)),
      sort: sortState('value'),
      onSort: () => sortBy('value'),
    },
    {
      key: 'lastTouch',
      label: 'Last touch',
      cell: (r) => fmt.date(r.lastTouch),
      sort: sortState('lastTouch'),
      onSort: () => sortBy('lastTouch'),
    },
    { key: 'owner', label: 'Owner', cell: (r) => r.owner || '—' },
  ];

  const saveView = async () => {
    const name = viewName.trim();
    if (!name) return setViewError('Give the view a name.');
    const others = workbench.views.value.filter((v) => v.name !== name);
    await workbench.saveViews([...others, { name, filter, sort }]);
    setViewName('');
    setViewError('');
  };

  return (
    <>
      <ViewTitle>Customers</ViewTitle>
      <form class="filters" aria-label="Filter customers" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="f-text">Search name, email, company</label>
          <input id="f-text" type="search" value={filter.text} onInput={(e) => set({ text: e.currentTarget.value })} />
        </div>
        <Select
          label="Segment"
          value={filter.segments[0] ?? ''}
          options={any(choices.segments)}
          onChange={(v) => set({ segments: v ? [v] : [] })}
        />
        <Select
          label="Stage"
          value={filter.stages[0] ?? ''}
          options={any([...workbench.lifecycleStages])}
          onChange={(v) => set({ stages: v ? [v] : [] })}
        />
        <Select label="Owner" value={filter.owner} options={any(choices.owners)} onChange={(v) => set({ owner: v })} />
        <Select label="Tag" value={filter.tag} options={any(choices.tags)} onChange={(v) => set({ tag: v })} />
        <Select
          label="Churn risk"
          value={filter.risks[0] ?? ''}
          options={any([...RISK_LEVELS])}
          onChange={(v) => set({ risks: v ? [v as never] : [] })}
        />
        <div class="field">
          <label for="f-min">Value at least ({fmt.currency})</label>
          <input
            id="f-min"
            type="number"
            min={0}
            value={filter.minValue ?? ''}
            onInput={(e) =>
              set({ minValue: e.currentTarget.value === '' ? null : Math.max(0, Number(e.currentTarget.value)) })
            }
          />
        </div>
        <Select
          label="Last touch"
          value={touchChoice(filter)}
          options={TOUCH_CHOICES}
          onChange={(v) => {
            const [kind, days] = v.split(':');
            set({
              touchedWithinDays: kind === 'within' ? Number(days) : null,
              notTouchedForDays: kind === 'not' ? Number(days) : null,
            });
          }}
        />
        {filter.rfm && (
          <p class="chip">
            RFM cell R{filter.rfm.r} F{filter.rfm.f}{' '}
            <button type="button" class="link" onClick={() => set({ rfm: null })}>
              Remove
            </button>
          </p>
        )}
        <button type="button" onClick={() => (customerFilter.value = EMPTY_FILTER)}>
          Clear filters
        </button>
      </form>
      <section class="saved-views" aria-labelledby="views-title">
        <h3 id="views-title">Saved views</h3>
        <ul class="inline-list">
          {workbench.views.value.map((v) => (
            <li key={v.name}>
              <button
                type="button"
                onClick={() => {
                  customerFilter.value = CustomerFilterSchema.parse(v.filter);
                  customerSort.value = v.sort;
                }}
              >
                {v.name}
              </button>
              <button
                type="button"
                class="link"
                aria-label={`Delete view ${v.name}`}
                onClick={() => workbench.saveViews(workbench.views.value.filter((x) => x.name !== v.name))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div class="field inline">
          <label for="view-name">Save these filters as</label>
          <input id="view-name" value={viewName} onInput={(e) => setViewName(e.currentTarget.value)} />
          <button type="button" onClick={saveView}>
            Save view
          </button>
          {viewError && (
            <span class="error" role="alert">
              {viewError}
            </span>
          )}
        </div>
      </section>
      <p role="status" data-testid="customer-count">
        {fmt.integer(shown.length)} of {fmt.integer(rows.length)} contacts
      </p>
      <div class="with-panel">
        <VirtualTable
          label="Customers"
          rows={shown}
          columns={columns}
          rowKey={(r) => r.id}
          rowLabel={(r) => `${r.name}, ${r.segment ?? r.stage}, value ${fmt.money(customerValue(r))}`}
          onOpen={(r) => (selectedCustomerId.value = r.id)}
        />
        {selected && <CustomerPanel workbench={workbench} row={selected} />}
      </div>
    </>
  );
}
