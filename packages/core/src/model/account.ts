import * as z from 'zod';
import {
  AddressSchema,
  CustomFieldsSchema,
  ExternalIdsSchema,
  recordMeta,
  SourceSchema,
  TagsSchema,
} from './common.ts';

/** A lower-case host name without `www.` (`example.co.uk`). */
export const DomainSchema = z
  .string()
  .regex(/^(?!www\.)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected a lower-case domain such as example.com');

/** Headcount bands as most CRMs and enrichment sources report them. */
export const CompanySizeSchema = z.enum(['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+']);

/** A company. Its domains link people to it by their email addresses. */
export const AccountSchema = z.object({
  ...recordMeta,
  name: z.string().min(1),
  domains: z.array(DomainSchema),
  industry: z.string().optional(),
  size: CompanySizeSchema.optional(),
  ownerId: z.string().optional(),
  address: AddressSchema.optional(),
  tags: TagsSchema,
  customFields: CustomFieldsSchema,
  source: SourceSchema.optional(),
  externalIds: ExternalIdsSchema,
});
export type Account = z.infer<typeof AccountSchema>;
