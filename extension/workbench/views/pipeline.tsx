import type { Opportunity } from '@cordial/core';
import { signal } from '@preact/signals';
import { useMemo, useRef } from 'preact/hooks';
import { Chart } from '../charts/chart';
import {
  byStage,
  fiscalQuarter,
  neighbourStage,
  OPEN_STAGES,
  pipelineForecast,
  STAGES,
  salesMetrics,
} from '../model/pipeline';
import { Metrics, type ViewProps, ViewTitle } from './parts';

const layout = signal<'board' | 'table'>('board');
const announcement = signal('');

/** Opportunities by stage (board or table), moved by drag and drop or the keyboard; forecast and sales metrics. */
export function PipelineView({ workbench }: ViewProps) {
  const fmt = workbench.format.value;
  const currency = workbench.currency.value;
  const opportunities = workbench.opportunities.value;
  const groups = useMemo(() => byStage(opportunities), [opportunities]);
  const fiscalYearStart = workbench.settings.value.fiscalYearStart;
  const quarter = fiscalQuarter(workbench.now(), fiscalYearStart);
  const forecast = useMemo(
    () => pipelineForecast(opportunities, currency, quarter),
    [opportunities, currency, quarter.closeFrom, quarter.closeTo],
  );
  const metrics = useMemo(
    () =>
      salesMetrics(
        {
          contacts: workbench.contacts.value,
          orders: workbench.orders.value,
          opportunities,
          touchpoints: workbench.touchpoints.value,
        },
        currency,
        workbench.now().getTime(),
      ),
    [workbench.contacts.value, workbench.orders.value, opportunities, workbench.touchpoints.value, currency],
  );
  const dragging = useRef<string | null>(null);
  const contactName = (o: Opportunity) => (o.contactId ? workbench.rowById.value.get(o.contactId)?.name : undefined);

  const move = async (o: Opportunity, stage: Opportunity['stage'] | undefined) => {
    if (!stage || stage === o.stage) return;
    await workbench.moveOpportunity(o, stage);
    announcement.value = `${o.name} moved to ${stage}.`;
    requestAnimationFrame(() => document.getElementById(`opp-${o.id}`)?.focus());
  };
  const money = (o: Opportunity) =>
    o.amount.currency === currency ? fmt.money(o.amount.amount) : `${o.amount.amount} ${o.amount.currency}`;

  return (
    <>
      <ViewTitle>Pipeline</ViewTitle>
      <Metrics
        items={[
          {
            label: 'Weighted forecast',
            value: fmt.money(forecast.weighted),
            hint: 'Σ amount × win probability of open opportunities',
          },
          {
            label: `Weighted forecast, ${quarter.label}`,
            value: fmt.money(forecast.quarterWeighted),
            hint: 'Open opportunities expected to close this fiscal quarter (fiscal year start: Data → Settings)',
          },
          { label: 'Open pipeline', value: fmt.money(forecast.pipeline) },
          { label: 'Open leads', value: fmt.integer(metrics.openLeads) },
          { label: 'Proposals given, last 30 days', value: fmt.integer(metrics.proposalsGiven) },
          {
            label: 'New customers, last 30 days',
            value: `${fmt.integer(metrics.newCustomers)} · ${fmt.money(metrics.newRevenue[currency] ?? 0)}`,
            hint: 'First purchase in the last 30 days, and the revenue from them',
          },
          {
            label: 'Returning customers, last 30 days',
            value: `${fmt.integer(metrics.retainedCustomers)} · ${fmt.money(metrics.recurringRevenue[currency] ?? 0)}`,
            hint: 'Bought before and again in the last 30 days, and the revenue from them',
          },
          { label: 'Prospective customers', value: fmt.integer(metrics.prospectiveCustomers) },
          {
            label: 'Won, last 30 days',
            value: `${fmt.integer(metrics.wonLast30)} · ${fmt.money(metrics.wonRevenueLast30)}`,
          },
          { label: 'Win rate', value: fmt.percent(metrics.winRate) },
          { label: 'Average deal', value: fmt.money(metrics.averageDeal) },
          { label: 'Sales calls, last 30 days', value: fmt.integer(metrics.salesCalls) },
        ]}
      />
      {Object.keys(forecast.otherCurrencies).length > 0 && (
        <p class="muted">
          Open opportunities in other currencies, not in the forecast:{' '}
          {Object.entries(forecast.otherCurrencies)
            .map(([code, amount]) => `${amount} ${code}`)
            .join(', ')}
          .
        </p>
      )}
      <fieldset class="toggle">
        <legend class="sr-only">Layout</legend>
        <button type="button" aria-pressed={layout.value === 'board'} onClick={() => (layout.value = 'board')}>
          Board
        </button>
        <button type="button" aria-pressed={layout.value === 'table'} onClick={() => (layout.value = 'table')}>
          Table
        </button>
      </fieldset>
      <p class="sr-only" role="status" aria-live="polite">
        {announcement.value}
      </p>
      {layout.value === 'board' ? (
        <div class="board" data-testid="board">
          <p class="muted">Drag a card to another stage, or focus it and press ← / → to move it one stage.</p>
          <div class="columns">
            {STAGES.map((stage) => (
              <section
                key={stage}
                class="column"
                aria-labelledby={`col-${stage}`}
                data-stage={stage}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  const id = dragging.current ?? e.dataTransfer?.getData('text/plain');
                  const o = opportunities.find((x) => x.id === id);
                  if (o) void move(o, stage);
                  dragging.current = null;
                }}
              >
                <h3 id={`col-${stage}`}>
                  {stage} <span class="muted">({groups[stage].length})</span>
                </h3>
                <ul class="cards">
                  {groups[stage].map((o) => (
                    <li
                      key={o.id}
                      id={`opp-${o.id}`}
                      class="card"
                      draggable
                      // biome-ignore lint/a11y/noNoninteractiveTabindex: a card takes focus so the arrow keys can move it between stages.
                      tabIndex={0}
                      aria-label={`${o.name}, ${money(o)}, stage ${o.stage}. Press left or right arrow to move.`}
                      onDragStart={(e) => {
                        dragging.current = o.id;
                        e.dataTransfer?.setData('text/plain', o.id);
                      }}
                      onKeyDown={(e) => {
                        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                          e.preventDefault();
                          void move(o, neighbourStage(o.stage, e.key === 'ArrowRight' ? 1 : -1));
                        }
                      }}
                    >
                      <span class="strong">{o.name}</span>
                      <span>{money(o)}</span>
                      <span class="muted">
                        {contactName(o) ?? ''} {o.expectedClose ? `· closes ${fmt.date(o.expectedClose)}` : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </div>
      ) : (
        <table class="table" data-testid="pipeline-table">
          <caption class="sr-only">Opportunities</caption>
          <thead>
            <tr>
              <th scope="col">Opportunity</th>
              <th scope="col">Contact</th>
              <th scope="col">Stage</th>
              <th scope="col" class="num">
                Amount
              </th>
              <th scope="col" class="num">
                Probability
              </th>
              <th scope="col">Expected close</th>
            </tr>
          </thead>
          <tbody>
            {STAGES.flatMap((stage) => groups[stage]).map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td>{contactName(o) ?? '—'}</td>
                <td>
                  <label class="sr-only" for={`stage-${o.id}`}>
                    Stage of {o.name}
                  </label>
                  <select
                    id={`stage-${o.id}`}
                    value={o.stage}
                    onChange={(e) => move(o, e.currentTarget.value as Opportunity['stage'])}
                  >
                    {STAGES.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </td>
                <td class="num">{money(o)}</td>
                <td class="num">{fmt.percent(o.probability)}</td>
                <td>{o.expectedClose ? fmt.date(o.expectedClose) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Chart
        kind="bars"
        horizontal
        title="Weighted forecast by expected close month"
        labels={forecast.months.map((m) => fmt.month(m.month))}
        series={[
          { name: 'Unweighted pipeline', tone: 'compare', values: forecast.months.map((m) => m.pipeline) },
          { name: 'Weighted', values: forecast.months.map((m) => m.weighted) },
        ]}
        format={fmt.money}
        axisFormat={fmt.moneyCompact}
        labelHeading="Expected close"
        summary={`${fmt.money(forecast.weighted)} expected from ${fmt.integer(OPEN_STAGES.reduce((s, st) => s + groups[st].length, 0))} open opportunities.`}
      />
    </>
  );
}
