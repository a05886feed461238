import * as z from 'zod/mini';

/** One offer as the site owner configures it (inline JSON or `cordial.offers.set([...])`). */
export const OfferSchema = z.object({
  id: z.string().check(z.minLength(1)),
  type: z.enum(['cross-sell', 'up-sell', 'win-back', 'welcome', 'retention']),
  placement: z.string().check(z.minLength(1)),
  priority: z.optional(z.number()),
  title: z.string().check(z.minLength(1), z.maxLength(120)),
  body: z.optional(z.string().check(z.maxLength(600))),
  cta: z.optional(z.object({ label: z.string().check(z.minLength(1)), url: z.string() })),
});
export type Offer = z.infer<typeof OfferSchema>;

export const OffersSchema = z.array(OfferSchema);

/** Parses the owner's offers; the error names the offer and field at fault. */
export function parseOffers(input: unknown): { ok: true; offers: Offer[] } | { ok: false; error: string } {
  const result = z.safeParse(OffersSchema, input);
  return result.success
    ? { ok: true, offers: result.data }
    : { ok: false, error: `Cordial: invalid offers. ${z.prettifyError(result.error)}` };
}

/** Only http(s) and same-page links are followed; anything else (javascript:, data:) is refused. */
export function safeHref(url: string, base: string): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
