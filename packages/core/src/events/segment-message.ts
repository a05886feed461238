/**
 * Segment-spec messages as the website side sends them (the SDK, or any Segment source):
 * the common fields, and the properties of the e-commerce and self-service events that
 * become records. Validated here, at the boundary, before anything is stored.
 */
import * as z from 'zod';

const Instant = z.iso.datetime({ offset: true });
const Json = z.record(z.string(), z.unknown());

const common = {
  messageId: z.string().min(1).max(256),
  anonymousId: z.string().min(1).max(256).optional(),
  userId: z.string().min(1).max(256).nullish(),
  timestamp: Instant,
  context: Json.optional(),
};

export const SegmentMessageSchema = z
  .discriminatedUnion('type', [
    z.object({ ...common, type: z.literal('identify'), traits: Json.default({}) }),
    z.object({ ...common, type: z.literal('track'), event: z.string().min(1).max(200), properties: Json.default({}) }),
    z.object({ ...common, type: z.literal('page'), name: z.string().optional(), properties: Json.default({}) }),
    z.object({ ...common, type: z.literal('group'), groupId: z.string().min(1), traits: Json.default({}) }),
    z.object({ ...common, type: z.literal('alias'), previousId: z.string().min(1) }),
  ])
  .refine((m) => m.anonymousId !== undefined || (m.userId !== undefined && m.userId !== null), {
    message: 'a message needs an anonymousId or a userId',
  });
export type SegmentMessage = z.infer<typeof SegmentMessageSchema>;

const Currency = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, 'expected an ISO 4217 currency code')
  .transform((c) => c.toUpperCase());
const Id = z.union([z.string().min(1), z.number()]).transform(String);

export const OrderCompletedSchema = z
  .object({
    order_id: Id.optional(),
    total: z.number().finite().optional(),
    revenue: z.number().finite().optional(),
    discount: z.number().finite().nonnegative().optional(),
    coupon: z.string().optional(),
    currency: Currency.optional(),
    products: z
      .array(
        z
          .object({
            product_id: Id.optional(),
            sku: z.string().min(1).optional(),
            name: z.string().min(1).optional(),
            category: z.string().min(1).optional(),
            price: z.number().finite(),
            quantity: z.number().positive().finite().default(1),
          })
          .refine((p) => p.name ?? p.sku ?? p.product_id, { message: 'a product needs a name, sku or product_id' }),
      )
      .default([]),
  })
  .refine((o) => o.total !== undefined || o.revenue !== undefined || o.products.length > 0, {
    message: 'an order needs total, revenue or products',
  });

export const CaseOpenedSchema = z.object({
  case_id: Id,
  subject: z.string().min(1),
  description: z.string().optional(),
  type: z.enum(['question', 'problem', 'complaint', 'feedback']).default('question'),
  email: z.email().optional(),
  name: z.string().optional(),
  page_url: z.string().optional(),
  search_terms: z.array(z.string()).optional(),
});

export const CaseRatedSchema = z.object({ case_id: Id, satisfaction: z.number().int().min(1).max(5) });

export const CallbackRequestedSchema = z
  .object({
    callback_id: Id,
    phone: z.string().min(3),
    window_start: Instant,
    window_end: Instant,
    topic: z.string().optional(),
    email: z.email().optional(),
    name: z.string().optional(),
  })
  .refine((c) => Date.parse(c.window_end) >= Date.parse(c.window_start), {
    message: 'window_end is before window_start',
  });
