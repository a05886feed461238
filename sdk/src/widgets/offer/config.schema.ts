import * as z from 'zod';

/**
 * The offer configuration a site owner writes as data (inline JSON in
 * `<script type="application/json" id="cordial-offers">`, a URL, or `cordial.offers.set()`).
 * The source of truth for validation: the offer widget checks the JSON Schema generated
 * from it (sdk/src/schema-check.ts). Objects are strict so that a misspelt field is reported.
 */
const text = (max: number) => z.string().min(1).max(max);
const range = z.strictObject({ min: z.optional(z.number()), max: z.optional(z.number()) });
const days = z.union([z.number().min(0), z.literal('never')]);

export const ProductSourceSchema = z.enum(['together', 'related', 'upsell', 'recently-viewed', 'trending', 'ids']);

const ContentSchema = z.strictObject({
  title: text(120),
  body: z.optional(text(600)),
  image: z.optional(z.strictObject({ src: z.string(), alt: z.string() })),
  cta: z.optional(z.strictObject({ label: text(60), url: z.string() })),
  /** A code the visitor can copy (shown as text). */
  code: z.optional(text(40)),
  /** Products shown inside the offer, from the recommendation table or the profile. */
  products: z.optional(
    z.strictObject({
      source: ProductSourceSchema,
      ids: z.optional(z.array(z.string())),
      limit: z.optional(z.int().min(1).max(8)),
    }),
  ),
});

export const EventConditionSchema = z.strictObject({
  /** Segment event name, e.g. 'Product Viewed' (or 'page'). */
  event: text(100),
  category: z.optional(z.string()),
  productId: z.optional(z.string()),
  /** At least this many times (default 1); 0 with `max: 0` means "never". */
  min: z.optional(z.int().min(0)),
  max: z.optional(z.int().min(0)),
  withinDays: z.optional(z.number().min(0)),
});
export type EventCondition = z.infer<typeof EventConditionSchema>;

export const AudienceSchema = z.strictObject({
  segments: z.optional(
    z.array(z.enum(['champions', 'loyal', 'potential', 'new', 'at-risk', 'lost', 'hibernating', 'prospect'])),
  ),
  stages: z.optional(z.array(z.enum(['prospect', 'customer', 'repeat', 'high-value', 'lapsed']))),
  churnRisk: z.optional(range),
  rfm: z.optional(z.strictObject({ r: z.optional(range), f: z.optional(range), m: z.optional(range) })),
  /** Trait equality (identify traits), e.g. { "plan": "pro" }. */
  traits: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  events: z.optional(z.array(EventConditionSchema)),
  /** Page path patterns, `*` matches anything: "/store/product/*". */
  urls: z.optional(z.array(z.string())),
  excludeUrls: z.optional(z.array(z.string())),
  devices: z.optional(z.array(z.enum(['mobile', 'tablet', 'desktop']))),
  visitor: z.optional(z.enum(['new', 'returning'])),
});
export type Audience = z.infer<typeof AudienceSchema>;

const CapsSchema = z.strictObject({
  perSession: z.optional(z.int().min(0)),
  perDay: z.optional(z.int().min(0)),
  /** Days to wait after the visitor dismissed it (default 7), or 'never' again. */
  afterDismissal: z.optional(days),
  /** Days to wait after the visitor converted (default 'never'). */
  afterConversion: z.optional(days),
});

const VariantSchema = ContentSchema.partial().extend({ id: text(60) });

export const OfferSchema = z.strictObject({
  id: text(60),
  type: z.enum(['cross-sell', 'up-sell', 'win-back', 'welcome', 'retention']),
  /** The `placement` attribute of the `<cordial-offer>` element that shows it. */
  placement: text(60),
  display: z.optional(z.enum(['inline', 'banner', 'modal', 'toast'])),
  trigger: z.optional(
    z.union([
      z.strictObject({ on: z.literal('load') }),
      z.strictObject({ on: z.literal('delay'), ms: z.number().min(0) }),
      z.strictObject({ on: z.literal('scroll'), percent: z.number().min(0).max(100) }),
      z.strictObject({ on: z.literal('exit') }),
    ]),
  ),
  /** 0..100, default 50. */
  priority: z.optional(z.number().min(0).max(100)),
  /** Category the offer is about: the visitor's interest in it raises the score. */
  category: z.optional(z.string()),
  content: ContentSchema,
  /** Two or more variants are tested against each other with a Thompson-sampling bandit. */
  variants: z.optional(z.array(VariantSchema).min(2)),
  audience: z.optional(AudienceSchema),
  schedule: z.optional(
    z.strictObject({
      start: z.optional(z.iso.datetime({ offset: true })),
      end: z.optional(z.iso.datetime({ offset: true })),
      /** 0 = Sunday */
      weekdays: z.optional(z.array(z.int().min(0).max(6))),
      /** Local hours [from, to), e.g. [9, 18]. */
      hours: z.optional(z.tuple([z.number().min(0).max(24), z.number().min(0).max(24)])),
    }),
  ),
  caps: z.optional(CapsSchema),
  /** Percentage of visitors who never see this offer (its control group). */
  holdout: z.optional(z.number().min(0).max(100)),
});
export type Offer = z.infer<typeof OfferSchema>;
export type OfferType = Offer['type'];
export type Variant = z.infer<typeof VariantSchema>;

export const OfferConfigSchema = z.strictObject({
  /** Percentage of visitors in the global control group: no offers at all. */
  holdout: z.optional(z.number().min(0).max(100)),
  /** Caps across all offers. */
  caps: z.optional(z.strictObject({ perSession: z.optional(z.int().min(0)), perDay: z.optional(z.int().min(0)) })),
  /** Product links inside offers: `{id}` is replaced by the product id. */
  productUrl: z.optional(z.string()),
  offers: z.array(OfferSchema),
});
export type OfferConfig = z.infer<typeof OfferConfigSchema>;
