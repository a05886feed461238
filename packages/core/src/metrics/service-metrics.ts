import type { Case } from '../model/case.ts';
import type { Touchpoint } from '../model/touchpoint.ts';
import { type MetricsWindow, toSpan } from './metrics-window.ts';

export interface ServiceData {
  readonly cases: readonly Case[];
  readonly touchpoints: readonly Touchpoint[];
}

export interface ServiceMetrics {
  /** Cases opened in the window per agent ("unassigned" for cases without one). */
  readonly casesPerAgent: Record<string, number>;
  /** Service, complaint and billing touchpoints by phone in the window. */
  readonly serviceCalls: number;
  /** Cases opened in the window, per type, and per day of the window. */
  readonly requestsByType: Record<string, { readonly count: number; readonly perDay: number }>;
  /** Mean hours from opening to resolution of the cases resolved in the window; null when none was. */
  readonly averageHoursToResolution: number | null;
  readonly averageServiceCallsPerDay: number;
}

const SERVICE_PURPOSES = new Set(['service', 'complaint', 'billing']);
export const UNASSIGNED = 'unassigned';

/** The service metrics of CRM.md for a window, optionally for one agent (`agentId` / `ownerId`). */
export function computeServiceMetrics(data: ServiceData, window: MetricsWindow): ServiceMetrics {
  const span = toSpan(window);
  const owned = (id: string | undefined) => span.ownerId === undefined || id === span.ownerId;
  const cases = data.cases.filter((c) => owned(c.agentId));
  const casesPerAgent: Record<string, number> = {};
  const byType: Record<string, number> = {};
  for (const c of cases) {
    if (!span.contains(c.openedAt)) continue;
    const agent = c.agentId ?? UNASSIGNED;
    casesPerAgent[agent] = (casesPerAgent[agent] ?? 0) + 1;
    byType[c.type] = (byType[c.type] ?? 0) + 1;
  }
  const resolved = cases.filter((c) => span.contains(c.resolvedAt));
  const hours = resolved.map((c) => (Date.parse(c.resolvedAt as string) - Date.parse(c.openedAt)) / 3_600_000);
  const serviceCalls = data.touchpoints.filter(
    (t) => owned(t.ownerId) && t.channel === 'phone' && SERVICE_PURPOSES.has(t.purpose) && span.contains(t.occurredAt),
  ).length;
  return {
    casesPerAgent,
    serviceCalls,
    requestsByType: Object.fromEntries(
      Object.entries(byType).map(([type, count]) => [type, { count, perDay: count / span.days }]),
    ),
    averageHoursToResolution: hours.length === 0 ? null : hours.reduce((s, h) => s + h, 0) / hours.length,
    averageServiceCallsPerDay: serviceCalls / span.days,
  };
}
