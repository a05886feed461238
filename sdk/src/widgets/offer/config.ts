import type { checkSchema, JsonSchema } from '../../schema-check';
import schema from '../../schemas/offer-config.json';
import type { OfferConfig } from './config.schema';

export type { Audience, EventCondition, Offer, OfferConfig, OfferType, Variant } from './config.schema';

/** Parses the owner's configuration; each message names the offer (by id) and the field at fault. */
export function parseOfferConfig(
  input: unknown,
  check: typeof checkSchema,
): { ok: true; config: OfferConfig } | { ok: false; error: string } {
  const config = Array.isArray(input) ? { offers: input } : input;
  const offers = (config as { offers?: unknown[] } | null)?.offers;
  const named = (problem: string) =>
    problem.replace(/^offers\[(\d+)\]/, (whole, i: string) => {
      const id = (offers?.[Number(i)] as { id?: unknown } | undefined)?.id;
      return typeof id === 'string' ? `${whole} (offer "${id}")` : whole;
    });
  const problems: string[] = [];
  for (const problem of check(schema as unknown as JsonSchema, config)) problems.push(named(problem));
  const ids = new Set<string>();
  for (const offer of problems.length ? [] : ((config as OfferConfig).offers ?? [])) {
    if (ids.has(offer.id)) problems.push(`offers: two offers have the id "${offer.id}"`);
    ids.add(offer.id);
  }
  return problems.length
    ? { ok: false, error: `Cordial: invalid offer configuration.\n  ${problems.join('\n  ')}` }
    : { ok: true, config: config as OfferConfig };
}

/** Only http(s) links are followed; anything else (javascript:, data:) is refused. */
export function safeHref(url: string, base: string): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
