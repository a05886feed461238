import { useMemo } from 'preact/hooks';
import { navigate } from '../app';
import { Chart } from '../charts/chart';
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
  const monthLabels = months.map((m) => fmt.month(m.month));
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
        <Chart
          kind="bars"
          horizontal
          title="Segment sizes: now and a month ago"
          labels={moves.map((m) => m.segment)}
          series={[
            { name: 'A month ago', tone: 'compare', values: moves.map((m) => m.lastMonth) },
            { name: 'Customers now', values: moves.map((m) => m.now) },
            { name: 'Joined', tone: 'table', values: moves.map((m) => m.joined) },
            { name: 'Left', tone: 'table', values: moves.map((m) => m.left) },
          ]}
          format={fmt.integer}
          axisFormat={fmt.compact}
          labelHeading="Segment"
          summary={
            biggestMove
              ? `Largest change: ${biggestMove.segment}, ${fmt.integer(biggestMove.lastMonth)} → ${fmt.integer(biggestMove.now)} (${fmt.integer(biggestMove.joined)} joined, ${fmt.integer(biggestMove.left)} left).`
              : 'No segments yet.'
          }
        />
        <Chart
          kind="line"
          title="Revenue per month"
          labels={monthLabels}
          series={[{ name: 'Revenue', values: months.map((m) => m.revenue) }]}
          format={fmt.money}
          axisFormat={fmt.moneyCompact}
          labelHeading="Month"
          summary={peak ? `Best month: ${fmt.month(peak.month)} with ${fmt.money(peak.revenue)}.` : 'No orders yet.'}
        />
        <Chart
          kind="line"
          title="Orders per month"
          labels={monthLabels}
          series={[
            { name: 'Orders', values: months.map((m) => m.orders) },
            { name: 'First orders', tone: 'compare', values: months.map((m) => m.newCustomers) },
          ]}
          format={fmt.integer}
          axisFormat={fmt.compact}
          labelHeading="Month"
          summary={`${fmt.integer(months.reduce((s, m) => s + m.orders, 0))} orders in the last ${months.length} months; ${fmt.integer(months.reduce((s, m) => s + m.newCustomers, 0))} of them first orders.`}
        />
        <Chart
          kind="bars"
          horizontal
          title="Customer life cycle"
          labels={funnel.map((b) => b.label)}
          series={[{ name: 'Contacts', values: funnel.map((b) => b.count) }]}
          format={fmt.integer}
          axisFormat={fmt.compact}
          labelHeading="Stage"
          summary={funnel.map((b) => `${b.label} ${fmt.integer(b.count)}`).join(', ')}
        />
        <Chart
          kind="bars"
          title="Churn risk: chance each customer is still active"
          labels={churn.map((b) => b.label)}
          series={[{ name: 'Customers', values: churn.map((b) => b.count) }]}
          format={fmt.integer}
          axisFormat={fmt.compact}
          labelHeading="P(alive)"
          summary={`${fmt.integer(highRisk)} customers are less than 30 % likely to still be active.`}
        />
        <Chart
          kind="bars"
          horizontal
          title="Lifetime value distribution (next year)"
          labels={clv.buckets.map((b) =>
            Number.isFinite(b.to) ? `${fmt.money(b.from)}–${fmt.money(b.to)}` : `${fmt.money(b.from)} +`,
          )}
          series={[{ name: 'Customers', values: clv.buckets.map((b) => b.count) }]}
          format={fmt.integer}
          axisFormat={fmt.compact}
          labelHeading="Lifetime value"
          summary={`Customer equity ${fmt.money(clv.equity)} over ${fmt.integer(clv.customers)} customers.`}
        />
      </div>
    </>
  );
}
