import type { CustomerRow } from '../model/customers';
import { selectedCustomerId } from '../state/selection';
import { TaskButton, type ViewProps } from './parts';

/** The opened customer's figures with their explanations, and what the rep can do next. */
export function CustomerPanel({ workbench, row }: ViewProps & { row: CustomerRow }) {
  const fmt = workbench.format.value;
  return (
    <aside class="panel" aria-labelledby="panel-title" data-testid="customer-panel">
      <div class="panel-head">
        <h3 id="panel-title">{row.name}</h3>
        <button type="button" class="link" onClick={() => (selectedCustomerId.value = null)}>
          Close
        </button>
      </div>
      <p class="muted">
        {row.email}
        {row.company && ` · ${row.company}`}
        {row.owner && ` · owner ${row.owner}`}
      </p>
      <dl class="facts">
        <dt>Life-cycle stage</dt>
        <dd>{row.stage}</dd>
        <dt>Segment</dt>
        <dd>
          {row.segment ?? 'not scored (no orders)'}
          {row.segment &&
            row.segmentBefore !== row.segment &&
            ` (a month ago: ${row.segmentBefore ?? 'no orders yet'})`}
        </dd>
        <dt>RFM scores</dt>
        <dd>{row.orders > 0 ? `R${row.r} F${row.f} M${row.m}` : '—'}</dd>
        <dt>Orders, spend</dt>
        <dd>
          {fmt.integer(row.orders)}, {fmt.money(row.monetary)}
        </dd>
        <dt>Lifetime value (next year)</dt>
        <dd>{fmt.money(row.clv)}</dd>
        <dt>Chance still active</dt>
        <dd>{fmt.percent(row.pAlive)}</dd>
        <dt>Churn risk</dt>
        <dd>
          {row.risk ?? '—'}
          {row.riskReason && `: ${row.riskReason}`}
        </dd>
        <dt>Last touch</dt>
        <dd>{fmt.date(row.lastTouch)}</dd>
        <dt>Tags</dt>
        <dd>{row.tags.length > 0 ? row.tags.join(', ') : '—'}</dd>
      </dl>
      <div class="actions">
        <TaskButton workbench={workbench} contactId={row.id} title={`Call ${row.name}`} />
        <a href="#scripts">Open call script</a>
      </div>
    </aside>
  );
}
