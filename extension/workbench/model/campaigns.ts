import {
  type Campaign,
  type CampaignResponse,
  CampaignResponseKindSchema,
  ChannelSchema,
  CurrencySchema,
  InstantSchema,
} from '@cordial/core';
import * as z from 'zod';

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
