import * as z from 'zod';

/** A stable record id: opaque, chosen by whoever creates the record (a UUID, or `shopify:1234` from an import). */
export const IdSchema = z.string().min(1).max(256);

/** A point in time, as an ISO 8601 string with a UTC offset (`2026-03-01T09:30:00.000Z`). */
export const InstantSchema = z.iso.datetime({ offset: true });

/** A calendar date without a time (`2026-03-31`), for things like an expected close date. */
export const DateSchema = z.iso.date();

/** ISO 4217 currency code, upper case. */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as EUR');

/** An amount in decimal major units (19.99) that never loses its currency. */
export const MoneySchema = z.object({ amount: z.number().finite(), currency: CurrencySchema });
export type Money = z.infer<typeof MoneySchema>;

/** A phone number in E.164 form (`+4915123456789`); importers normalise with libphonenumber-js first. */
export const PhoneSchema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 phone number such as +4915123456789');

export const EmailSchema = z.email();

/** Ids of the same record in other systems, by system name: `{ shopify: '4512', hubspot: '901' }`. */
export const ExternalIdsSchema = z.record(z.string().min(1), z.string().min(1));

/** User-defined fields: flat, JSON-safe scalar values. */
export const CustomFieldsSchema = z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const TagsSchema = z.array(z.string().min(1));

export const AddressSchema = z.object({
  street: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  /** ISO 3166-1 alpha-2. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
export type Address = z.infer<typeof AddressSchema>;

/**
 * Fields every stored record carries. `version` starts at 1 and goes up by one on every change,
 * so two writers that both read version 3 can't both write version 4 unnoticed (see `expectVersion`).
 */
export const recordMeta = {
  id: IdSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  version: z.number().int().min(1),
};

/** Where a record came from: `manual`, `import:shopify`, `event:web`, … */
export const SourceSchema = z.string().min(1);

/** The ways a customer and the organisation meet (CRM.md: touchpoints). */
export const ChannelSchema = z.enum([
  'email',
  'web',
  'chat',
  'phone',
  'meeting',
  'letter',
  'in-person',
  'self-service',
]);
export type Channel = z.infer<typeof ChannelSchema>;
