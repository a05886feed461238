import {
  type Campaign,
  type CampaignResponse,
  CampaignResponseKindSchema,
  ChannelSchema,
  CurrencySchema,
  InstantSchema,
} from '@cordial/core';
import * as z from 'zod';

const DAY = 86_400_000;
/** A purchase within this many days of responding is credited to the campaign as a new customer's first. */
export const ACQUISITION_WINDOW_DAYS = 30;

export interface CampaignMetrics {
  campaign: Campaign;
  /** Contacts the campaign reached (a "sent" response, or any response). */
  reached: number;
  /** Contacts who opened, clicked, responded or converted. */
  responses: number;
  responseRate: number | undefined;
  purchases: number;
  revenue: number;
  /** Contacts whose first purchase came within the window after responding. */
  acquired: number;
  /** Of those, how many bought again: the new-customer retention rate. */
  retained: number;
  retentionRate: number | undefined;
}

export interface BuyerFacts {
  /** Epoch ms of the contact's first counted order. */
  firstOrderAt: number | undefined;
  orders: number;
}

const RESPONDED = new Set<CampaignResponse['response']>(['opened', 'clicked', 'responded', 'converted']);

/** Marketing metrics per campaign (CRM.md): responses, purchases, revenue, retention of acquired customers. */
export function campaignMetrics(
  campaigns: readonly Campaign[],
  responses: readonly CampaignResponse[],
  buyer: (contactId: string) => BuyerFacts,
  currency: string,
): CampaignMetrics[] {
  const byCampaign = new Map<string, CampaignResponse[]>();
  for (const r of responses) byCampaign.set(r.campaignId, [...(byCampaign.get(r.campaignId) ?? []), r]);
  return campaigns.map((campaign) => {
    const list = byCampaign.get(campaign.id) ?? [];
    const reached = new Set(list.map((r) => r.contactId));
    const responded = new Map<string, number>();
    for (const r of list) {
      if (!RESPONDED.has(r.response)) continue;
      const at = Date.parse(r.respondedAt);
      responded.set(r.contactId, Math.min(at, responded.get(r.contactId) ?? at));
    }
    const conversions = list.filter((r) => r.response === 'converted');
    let acquired = 0;
    let retained = 0;
    for (const [contactId, at] of responded) {
      const b = buyer(contactId);
      if (b.firstOrderAt === undefined || b.firstOrderAt < at || b.firstOrderAt > at + ACQUISITION_WINDOW_DAYS * DAY)
        continue;
      acquired++;
      if (b.orders >= 2) retained++;
    }
    return {
      campaign,
      reached: reached.size,
      responses: responded.size,
      responseRate: reached.size > 0 ? responded.size / reached.size : undefined,
      purchases: conversions.length,
      revenue: conversions
        .filter((r) => r.revenue?.currency === currency)
        .reduce((s, r) => s + (r.revenue?.amount ?? 0), 0),
      acquired,
      retained,
      retentionRate: acquired > 0 ? retained / acquired : undefined,
    };
  });
}

const localInstant = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const time = Date.parse(value);
    if (Number.isNaN(time)) {
      ctx.addIssue({ code: 'custom', message: 'not a date' });
      return z.NEVER;
    }
    return new Date(time).toISOString();
  })
  .pipe(InstantSchema);

export const CampaignFormSchema = z
  .object({
    name: z.string().trim().min(1, 'give the campaign a name').max(200),
    channel: ChannelSchema,
    audience: z.string().trim().max(500).default(''),
    offer: z.string().trim().max(500).default(''),
    startsAt: localInstant,
    endsAt: localInstant,
    budget: z.coerce.number().nonnegative().optional(),
    currency: CurrencySchema,
  })
  .refine((c) => c.endsAt >= c.startsAt, { message: 'the campaign ends before it starts', path: ['endsAt'] });

/** A new campaign record from the form (validated; throws a ZodError the form shows field by field). */
export function campaignFromForm(
  input: z.input<typeof CampaignFormSchema>,
  meta: { id: string; at: string },
): Campaign {
  const form = CampaignFormSchema.parse(input);
  const status = Date.parse(form.startsAt) > Date.parse(meta.at) ? 'planned' : 'active';
  return {
    id: meta.id,
    createdAt: meta.at,
    updatedAt: meta.at,
    version: 1,
    name: form.name,
    channel: form.channel,
    status,
    startsAt: form.startsAt,
    endsAt: form.endsAt,
    ...(form.budget !== undefined ? { budget: { amount: form.budget, currency: form.currency } } : {}),
    ...(form.offer ? { goal: form.offer } : {}),
    ...(form.audience ? { audience: form.audience } : {}),
  };
}

export const ResponseFormSchema = z.object({
  contactId: z.string().min(1, 'choose who responded'),
  response: CampaignResponseKindSchema,
  respondedAt: localInstant,
  revenue: z.coerce.number().nonnegative().optional(),
});

export function responseFromForm(
  campaignId: string,
  input: z.input<typeof ResponseFormSchema>,
  currency: string,
  meta: { id: string; at: string },
): CampaignResponse {
  const form = ResponseFormSchema.parse(input);
  return {
    id: meta.id,
    createdAt: meta.at,
    updatedAt: meta.at,
    version: 1,
    campaignId,
    contactId: form.contactId,
    respondedAt: form.respondedAt,
    response: form.response,
    ...(form.revenue !== undefined && form.revenue > 0 ? { revenue: { amount: form.revenue, currency } } : {}),
  };
}
