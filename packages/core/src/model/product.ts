import * as z from 'zod';
import { CustomFieldsSchema, ExternalIdsSchema, MoneySchema, recordMeta } from './common.ts';

export const ProductSchema = z.object({
  ...recordMeta,
  sku: z.string().min(1),
  name: z.string().min(1),
  category: z.string().min(1).optional(),
  price: MoneySchema.optional(),
  /** Colour, size, material…: what shoppers filter by and recommendations compare. */
  attributes: CustomFieldsSchema,
  active: z.boolean(),
  externalIds: ExternalIdsSchema,
});
export type Product = z.infer<typeof ProductSchema>;
