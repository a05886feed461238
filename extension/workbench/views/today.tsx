import type { CampaignResponse, Touchpoint } from '@cordial/core';
import { useMemo, useState } from 'preact/hooks';
import { followUps, newlyAtRisk, prioritiseLeads } from '../model/today';
import { Metrics, TaskButton, type ViewProps, ViewTitle } from './parts';

function groupBy<T extends { contactId?: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) if (item.contactId) map.set(item.contactId, [...(map.get(item.contactId) ?? []), item]);
  return map;
}

const OVERDUE_SHOWN = 8;

/** Who to talk to today: follow-ups due, customers who just became at risk, and the best open leads. */
export function TodayView({ workbench }: ViewProps) {
  const now = workbench.now();
  const fmt = workbench.format.value;
  const names = workbench.rowById.value;
  const due = followUps(workbench.tasks.value, now);
  const atRisk = useMemo(
    () => newlyAtRisk(workbench.rows.value, workbench.settings.value.atRiskBelow),
    [workbench.rows.value, workbench.settings.value.atRiskBelow],
  );
  const leads = useMemo(() => {
    const touches = groupBy<Touchpoint>(workbench.touchpoints.value);
    const responses = groupBy<CampaignResponse>(workbench.responses.value);
    const accounts = new Map(workbench.accounts.value.map((a) => [a.id, a]));
    const customers = new Set(workbench.rows.value.filter((r) => r.orders > 0).map((r) => r.id));
    return prioritiseLeads(
      workbench.contacts.value,
      (id) => {
        const accountId = workbench.contactById.value.get(id)?.accountId;
        return {
          touchpoints: touches.get(id) ?? [],
          responses: responses.get(id) ?? [],
          account: accountId ? accounts.get(accountId) : undefined,
        };
      },
      workbench.opportunities.value,
      customers,
      now.getTime(),
    ).slice(0, 15);
  }, [
    workbench.contacts.value,
    workbench.touchpoints.value,
    workbench.responses.value,
    workbench.opportunities.value,
    workbench.rows.value,
  ]);

  const [allOverdue, setAllOverdue] = useState(false);
  const overdueShown = allOverdue ? due.overdue : due.overdue.slice(0, OVERDUE_SHOWN);
  const taskLine = (t: (typeof due.overdue)[number]) => (
    <li key={t.id}>
      <span class="strong">{t.title}</span> —{' '}
      {t.contactId ? (names.get(t.contactId)?.name ?? 'unknown contact') : 'no contact'}, due {fmt.dateTime(t.dueAt)}{' '}
      <button type="button" onClick={() => workbench.completeTask(t)} aria-label={`Mark “${t.title}” done`}>
        Done
      </button>
    </li>
  );

  return (
    <>
      <ViewTitle>Today</ViewTitle>
      <Metrics
        items={[
          { label: 'Overdue follow-ups', value: fmt.integer(due.overdue.length) },
          { label: 'Due today', value: fmt.integer(due.dueToday.length) },
          { label: 'Newly at risk', value: fmt.integer(atRisk.length) },
          { label: 'Open leads', value: fmt.integer(leads.length) },
        ]}
      />
      <div class="dashboard">
        <section aria-labelledby="followups-title">
          <h3 id="followups-title">Follow-ups</h3>
          <h4>Overdue</h4>
          {due.overdue.length === 0 ? (
            <p>Nothing overdue.</p>
          ) : (
            <ul class="list" data-testid="overdue">
              {overdueShown.map(taskLine)}
            </ul>
          )}
          {due.overdue.length > OVERDUE_SHOWN && (
            <button type="button" class="link" onClick={() => setAllOverdue(!allOverdue)} aria-expanded={allOverdue}>
              {allOverdue ? 'Show the oldest only' : `Show all ${due.overdue.length} overdue`}
            </button>
          )}
          <h4>Due today</h4>
          {due.dueToday.length === 0 ? (
            <p>Nothing else due today.</p>
          ) : (
            <ul class="list" data-testid="due-today">
              {due.dueToday.map(taskLine)}
            </ul>
          )}
        </section>
        <section aria-labelledby="risk-title">
          <h3 id="risk-title">Newly at risk</h3>
          {atRisk.length === 0 ? (
            <p>No customer became at risk in the last month.</p>
          ) : (
            <table class="table" data-testid="at-risk">
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col">Segment</th>
                  <th scope="col">Why</th>
                  <th scope="col" class="num">
                    Value
                  </th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {atRisk.slice(0, 25).map(({ row, reason }) => (
                  <tr key={row.id}>
                    <th scope="row">{row.name}</th>
                    <td>{row.segment ?? '—'}</td>
                    <td>{reason}</td>
                    <td class="num">{fmt.money(row.clv ?? row.monetary)}</td>
                    <td>
                      <TaskButton workbench={workbench} contactId={row.id} title={`Win-back call: ${row.name}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="leads-title">
          <h3 id="leads-title">Open leads to prioritise</h3>
          <ol class="leads" data-testid="leads">
            {leads.map((lead) => (
              <li key={lead.contact.id}>
                <div class="lead-head">
                  <span class="score">
                    <span class="sr-only">Lead score </span>
                    {lead.score}
                    <span class="sr-only"> of 100</span>
                  </span>
                  <span class="strong">{names.get(lead.contact.id)?.name}</span>
                  {lead.contact.company && <span class="muted"> · {lead.contact.company}</span>}
                  {lead.opportunity && (
                    <span class="muted">
                      {' '}
                      · {lead.opportunity.name} ({lead.opportunity.stage})
                    </span>
                  )}
                </div>
                <ul class="factors">
                  {lead.factors.map((f) => (
                    <li key={f.factor}>
                      {f.factor} {f.points}/{f.max}: {f.why}
                    </li>
                  ))}
                </ul>
                <TaskButton
                  workbench={workbench}
                  contactId={lead.contact.id}
                  title={`Call lead: ${names.get(lead.contact.id)?.name ?? ''}`}
                />
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
