import {
  type Case,
  CasePrioritySchema,
  CaseStatusSchema,
  CaseTypeSchema,
  type ServiceMetrics as CoreServiceMetrics,
  computeServiceMetrics,
  type Touchpoint,
} from '@cordial/core';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface Count {
  label: string;
  count: number;
}

function countBy<T>(items: readonly T[], key: (item: T) => string, order: readonly string[] = []): Count[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  const list = [...counts].map(([label, count]) => ({ label, count }));
  return order.length > 0 ? list : list.sort((a, b) => b.count - a.count);
}

export interface AgentLoad {
  agent: string;
  open: number;
  resolved: number;
  meanHoursToResolve: number | undefined;
}

/** core's service metrics over the last 30 days, plus the all-time case figures core does not compute. */
export interface ServiceMetrics extends CoreServiceMetrics {
  byStatus: Count[];
  byPriority: Count[];
  byType: Count[];
  /** Complaints only, by the channel they came in on. */
  complaintsByChannel: Count[];
  agents: AgentLoad[];
  open: number;
  meanHoursToResolve: number | undefined;
  medianHoursToResolve: number | undefined;
  meanHoursToFirstResponse: number | undefined;
  satisfaction: number | undefined;
}

const mean = (xs: readonly number[]) => (xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : undefined);
function median(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const isOpen = (c: Case) => c.status !== 'resolved' && c.status !== 'closed';
const hoursToResolve = (c: Case) =>
  c.resolvedAt ? (Date.parse(c.resolvedAt) - Date.parse(c.openedAt)) / HOUR : undefined;

/** The service metrics of CRM.md: cases by status, priority, type and agent; times; and core's 30-day figures. */
export function serviceMetrics(
  cases: readonly Case[],
  touchpoints: readonly Touchpoint[],
  now: number,
): ServiceMetrics {
  const resolveTimes = cases.map(hoursToResolve).filter((h): h is number => h !== undefined);
  const responseTimes = cases
    .filter((c) => c.firstResponseAt)
    .map((c) => (Date.parse(c.firstResponseAt as string) - Date.parse(c.openedAt)) / HOUR);
  const byAgent = new Map<string, Case[]>();
  for (const c of cases) {
    const agent = c.agentId ?? 'Unassigned';
    byAgent.set(agent, [...(byAgent.get(agent) ?? []), c]);
  }
  const rated = cases.map((c) => c.satisfaction).filter((s): s is number => s !== undefined);
  // The window ends just after `now` so that a call logged this very millisecond is counted.
  const window = { from: new Date(now - 30 * DAY).toISOString(), to: new Date(now + 1).toISOString() };
  return {
    ...computeServiceMetrics({ cases, touchpoints }, window),
    byStatus: countBy(cases, (c) => c.status, CaseStatusSchema.options),
    byPriority: countBy(cases, (c) => c.priority, CasePrioritySchema.options),
    byType: countBy(cases, (c) => c.type, CaseTypeSchema.options),
    complaintsByChannel: countBy(
      cases.filter((c) => c.type === 'complaint'),
      (c) => c.channel ?? 'unknown',
    ),
    agents: [...byAgent]
      .map(([agent, list]) => ({
        agent,
        open: list.filter(isOpen).length,
        resolved: list.filter((c) => !isOpen(c)).length,
        meanHoursToResolve: mean(list.map(hoursToResolve).filter((h): h is number => h !== undefined)),
      }))
      .sort((a, b) => b.open + b.resolved - (a.open + a.resolved)),
    open: cases.filter(isOpen).length,
    meanHoursToResolve: mean(resolveTimes),
    medianHoursToResolve: median(resolveTimes),
    meanHoursToFirstResponse: mean(responseTimes),
    satisfaction: mean(rated),
  };
}

/** Open cases, most urgent and oldest first: the queue an agent works through. */
export function caseQueue(cases: readonly Case[]): Case[] {
  const rank = CasePrioritySchema.options;
  return cases
    .filter(isOpen)
    .sort((a, b) => rank.indexOf(b.priority) - rank.indexOf(a.priority) || a.openedAt.localeCompare(b.openedAt));
}
