import * as z from 'zod';
import {
  AddressSchema,
  ChannelSchema,
  CustomFieldsSchema,
  EmailSchema,
  ExternalIdsSchema,
  IdSchema,
  InstantSchema,
  PhoneSchema,
  recordMeta,
  SourceSchema,
  TagsSchema,
} from './common.ts';

/** The customer life cycle of CRM.md: prospect → customer → repeat customer, any of whom may churn. */
export const LifecycleStageSchema = z.enum(['prospect', 'customer', 'repeat', 'churned']);
export type LifecycleStage = z.infer<typeof LifecycleStageSchema>;

/** What a person agreed to for one purpose, when, and how we learned it (needed to prove consent later). */
export const ConsentSchema = z.object({
  status: z.enum(['granted', 'denied', 'unknown']),
  at: InstantSchema.optional(),
  source: z.string().optional(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const MarketingPreferencesSchema = z.object({
  /** Overrides every consent: never contact this person for marketing. */
  doNotContact: z.boolean(),
  preferredChannel: ChannelSchema.optional(),
  frequency: z.enum(['any', 'weekly', 'monthly', 'quarterly']).optional(),
  topics: z.array(z.string().min(1)),
});
export type MarketingPreferences = z.infer<typeof MarketingPreferencesSchema>;

/** A person. The first email and phone are the primary ones. */
export const ContactSchema = z.object({
  ...recordMeta,
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  /** The name as written when it can't be split reliably ("Dr. María José García-López"). */
  fullName: z.string().optional(),
  emails: z.array(EmailSchema),
  phones: z.array(PhoneSchema),
  accountId: IdSchema.optional(),
  /** The company as given, kept even when no Account record matches it. */
  company: z.string().optional(),
  title: z.string().optional(),
  address: AddressSchema.optional(),
  ownerId: z.string().optional(),
  lifecycleStage: LifecycleStageSchema,
  tags: TagsSchema,
  customFields: CustomFieldsSchema,
  consent: z.object({ email: ConsentSchema, sms: ConsentSchema, phone: ConsentSchema, tracking: ConsentSchema }),
  marketing: MarketingPreferencesSchema,
  source: SourceSchema.optional(),
  externalIds: ExternalIdsSchema,
});
export type Contact = z.infer<typeof ContactSchema>;
