import * as z from 'zod';
import { InstantSchema } from '../model/common.ts';
import type { Order } from '../model/order.ts';

/** The window and owner every CRM metric is computed for: [from, to) and, optionally, one owner's records. */
export const MetricsWindowSchema = z
  .object({
    from: InstantSchema,
    to: InstantSchema,
    /** A rep or agent id: contacts, opportunities, touchpoints by `ownerId`, cases by `agentId`. */
    ownerId: z.string().min(1).optional(),
  })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: 'the window must end after it starts' });
export type MetricsWindow = z.infer<typeof MetricsWindowSchema>;

/** A window parsed into epoch milliseconds, with a membership test. */
export interface Span {
  readonly from: number;
  readonly to: number;
  readonly days: number;
  readonly ownerId: string | undefined;
  contains(instant: string | undefined): boolean;
}

export function toSpan(window: MetricsWindow): Span {
  const w = MetricsWindowSchema.parse(window);
  const from = Date.parse(w.from);
  const to = Date.parse(w.to);
  return {
    from,
    to,
    days: (to - from) / 86_400_000,
    ownerId: w.ownerId,
    contains: (instant) => {
      if (instant === undefined) return false;
      const t = Date.parse(instant);
      return t >= from && t < to;
    },
  };
}

/** Orders that are purchases: paid or fulfilled (pending may still fail; cancelled and refunded did not happen). */
export function isPurchase(order: Order): boolean {
  return order.status === 'paid' || order.status === 'fulfilled';
}

/** Amounts per currency, summed in cents so that 0.1 + 0.2 stays 0.3. */
export type Amounts = Record<string, number>;

export function addAmount(into: Amounts, currency: string, amount: number): void {
  into[currency] = Math.round(((into[currency] ?? 0) + amount) * 100) / 100;
}
