import { useMemo } from 'preact/hooks';
import { Chart } from '../charts/chart';
import { caseQueue, serviceMetrics } from '../model/service';
import { Metrics, type ViewProps, ViewTitle } from './parts';

/** Cases by status, priority, type and agent; time to resolution; calls per day; complaints. */
export function ServiceView({ workbench }: ViewProps) {
  const fmt = workbench.format.value;
  const cases = workbench.cases.value;
  const m = useMemo(
    () => serviceMetrics(cases, workbench.touchpoints.value, workbench.now().getTime()),
    [cases, workbench.touchpoints.value],
  );
  const queue = useMemo(() => caseQueue(cases), [cases]);
  const hours = (h: number | undefined) =>
    h === undefined ? '—' : h >= 48 ? `${fmt.decimal(h / 24)} days` : `${fmt.decimal(h)} hours`;
  const complaints = m.byType.find((t) => t.label === 'complaint')?.count ?? 0;
  return (
    <>
      <ViewTitle>Service</ViewTitle>
      <Metrics
        items={[
          { label: 'Open cases', value: fmt.integer(m.open) },
          { label: 'Mean time to resolution', value: hours(m.meanHoursToResolve) },
          { label: 'Median time to resolution', value: hours(m.medianHoursToResolve) },
          { label: 'Mean time to first response', value: hours(m.meanHoursToFirstResponse) },
          {
            label: 'Service calls per day (30 days)',
            value: fmt.decimal(m.averageServiceCallsPerDay),
            hint: 'Phone calls about service, complaints or billing',
          },
          { label: 'Satisfaction (1–5)', value: fmt.decimal(m.satisfaction) },
        ]}
      />
      <div class="charts">
        <CountChart title="Cases by status" counts={m.byStatus} valueLabel="Cases" fmt={fmt} />
        <CountChart title="Cases by priority" counts={m.byPriority} valueLabel="Cases" fmt={fmt} />
        <CountChart
          title="Cases by type"
          counts={m.byType}
          valueLabel="Cases"
          fmt={fmt}
          summary={`${fmt.integer(complaints)} complaints among ${fmt.integer(cases.length)} cases.`}
        />
        <CountChart
          title="Complaints by channel"
          counts={m.complaintsByChannel}
          valueLabel="Complaints"
          fmt={fmt}
          empty="No complaints."
        />
      </div>
      <h3>Cases per agent</h3>
      <table class="table" data-testid="agents">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col" class="num">
              Open
            </th>
            <th scope="col" class="num">
              Resolved
            </th>
            <th scope="col" class="num">
              Mean time to resolution
            </th>
          </tr>
        </thead>
        <tbody>
          {m.agents.map((a) => (
            <tr key={a.agent}>
              <th scope="row">{a.agent}</th>
              <td class="num">{fmt.integer(a.open)}</td>
              <td class="num">{fmt.integer(a.resolved)}</td>
              <td class="num">{hours(a.meanHoursToResolve)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Queue: open cases, most urgent first</h3>
      <table class="table" data-testid="queue">
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Customer</th>
            <th scope="col">Type</th>
            <th scope="col">Priority</th>
            <th scope="col">Status</th>
            <th scope="col">Opened</th>
            <th scope="col">Agent</th>
          </tr>
        </thead>
        <tbody>
          {queue.slice(0, 50).map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.subject}</th>
              <td>{c.contactId ? (workbench.rowById.value.get(c.contactId)?.name ?? '—') : '—'}</td>
              <td>{c.type}</td>
              <td>{c.priority}</td>
              <td>{c.status}</td>
              <td>{fmt.date(c.openedAt)}</td>
              <td>{c.agentId ?? 'Unassigned'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A horizontal bar chart of labelled counts; its text alternative lists each count unless a summary is given. */
function CountChart(props: {
  title: string;
  counts: { label: string; count: number }[];
  valueLabel: string;
  fmt: { integer: (n: number) => string };
  summary?: string;
  empty?: string;
}) {
  const { fmt } = props;
  const listed = props.counts.map((c) => `${c.label} ${fmt.integer(c.count)}`).join(', ');
  return (
    <Chart
      kind="bars"
      horizontal
      title={props.title}
      labels={props.counts.map((c) => c.label)}
      series={[{ name: props.valueLabel, values: props.counts.map((c) => c.count) }]}
      format={fmt.integer}
      labelHeading="Group"
      summary={props.summary ?? (listed || props.empty || '')}
    />
  );
}
