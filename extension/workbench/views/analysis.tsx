import { useMemo } from 'preact/hooks';
import { navigate } from '../app';
import { BarChart } from '../charts/bar-chart';
import { RfmGrid } from '../charts/rfm-grid';
import { churnDistribution, clvDistribution, lifecycleFunnel, rfmGrid, segmentMovement } from '../model/analysis-views';
import { EMPTY_FILTER } from '../model/customers';
import { customerFilter } from './customers';
import { Metrics, type ViewProps, ViewTitle } from './parts';

/** Pictures of the customer base, each with a caption and a data table as its text alternative. */
export function AnalysisView({ workbench }: ViewProps) {
  const fmt = workbench.format.value;
  const rows = workbench.rows.value;
  const analysis = workbench.analysis.value;
  const grid = useMemo(() => rfmGrid(rows), [rows]);
  const moves = useMemo(() => segmentMovement(rows, workbench.segmentOrder.value), [rows]);
  const funnel = useMemo(() => lifecycleFunnel(rows), [rows]);
  const churn = useMemo(() => churnDistribution(rows), [rows]);
  const clv = useMemo(() => clvDistribution(rows), [rows]);
  if (!analysis) return <ViewTitle>Analysis (waiting for the first computation…)</ViewTitle>;
  const months = analysis.months.slice(-24);
  const biggestMove = [...moves].sort((a, b) => Math.abs(b.now - b.lastMonth) - Math.abs(a.now - a.lastMonth))[0];
  const peak = [...months].sort((a, b) => b.revenue - a.revenue)[0];
  const highRisk = churn.slice(0, 3).reduce((s, b) => s + b.count, 0);

  return (
    <>
      <ViewTitle>Analysis</ViewTitle>
      <Metrics
        items={[
          { label: 'Customers with orders', value: fmt.integer(analysis.totals.customers) },
          { label: 'Orders analysed', value: fmt.integer(analysis.totals.orders) },
          { label: 'Revenue', value: fmt.money(analysis.totals.revenue) },
          {
            label: 'Customer equity (next year)',
            value:
              analysis.totals.customerEquity === null ? 'not available' : fmt.money(analysis.totals.customerEquity),
            hint: 'The sum of every customer’s expected lifetime value over the next 52 weeks (BG/NBD × Gamma-Gamma).',
          },
        ]}
      />
      {analysis.totals.modelNote && (
        <p class="notice">P(alive) and lifetime value are not shown: {analysis.totals.modelNote}</p>
      )}
      {(analysis.totals.ignoredOrders.otherCurrency > 0 || analysis.totals.ignoredOrders.notPaid > 0) && (
        <p class="muted">
          Analysed in {analysis.currency}; left out {fmt.integer(analysis.totals.ignoredOrders.notPaid)} pending,
          cancelled or refunded orders and {fmt.integer(analysis.totals.ignoredOrders.otherCurrency)} orders in other
          currencies.
        </p>
      )}
      <div class="charts">
        <RfmGrid
          grid={grid}
          format={fmt}
          onOpen={(r, f) => {
            customerFilter.value = { ...EMPTY_FILTER, rfm: { r, f } };
            navigate('customers');
          }}
        />
        <BarChart
          title="Segment sizes: now and a month ago"
          data={moves.map((m) => ({ label: m.segment, value: m.now, compare: m.lastMonth }))}
          format={fmt.integer}
          valueLabel="Customers now"
          compareLabel="A month ago"
          horizontal
          summary={
            biggestMove
              ? `Largest change: ${biggestMove.segment}, ${fmt.integer(biggestMove.lastMonth)} → ${fmt.integer(biggestMove.now)} (${fmt.integer(biggestMove.joined)} joined, ${fmt.integer(biggestMove.left)} left).`
              : 'No segments yet.'
          }
        />
        <BarChart
          title="Revenue per month"
          data={months.map((m) => ({ label: fmt.month(m.month), value: m.revenue }))}
          format={fmt.money}
          valueLabel="Revenue"
          summary={peak ? `Best month: ${fmt.month(peak.month)} with ${fmt.money(peak.revenue)}.` : 'No orders yet.'}
        />
        <BarChart
          title="Orders per month"
          data={months.map((m) => ({ label: fmt.month(m.month), value: m.orders }))}
          format={fmt.integer}
          valueLabel="Orders"
          summary={`${fmt.integer(months.reduce((s, m) => s + m.orders, 0))} orders in the last ${months.length} months; ${fmt.integer(months.reduce((s, m) => s + m.newCustomers, 0))} of them first orders.`}
        />
        <BarChart
          title="Customer life cycle"
          data={funnel.map((b) => ({ label: b.label, value: b.count }))}
          format={fmt.integer}
          valueLabel="Contacts"
          horizontal
          summary={funnel.map((b) => `${b.label} ${fmt.integer(b.count)}`).join(', ')}
        />
        <BarChart
          title="Churn risk: chance each customer is still active"
          data={churn.map((b) => ({ label: b.label, value: b.count }))}
          format={fmt.integer}
          valueLabel="Customers"
          summary={`${fmt.integer(highRisk)} customers are less than 30 % likely to still be active.`}
        />
        <BarChart
          title="Lifetime value distribution (next year)"
          data={clv.buckets.map((b) => ({
            label: Number.isFinite(b.to) ? `${fmt.money(b.from)}–${fmt.money(b.to)}` : `${fmt.money(b.from)} +`,
            value: b.count,
          }))}
          format={fmt.integer}
          valueLabel="Customers"
          horizontal
          summary={`Customer equity ${fmt.money(clv.equity)} over ${fmt.integer(clv.customers)} customers.`}
        />
      </div>
    </>
  );
}
