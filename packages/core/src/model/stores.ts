import type * as z from 'zod';
import { type Account, AccountSchema } from './account.ts';
import { type Article, ArticleSchema } from './article.ts';
import { type Campaign, CampaignSchema } from './campaign.ts';
import { type CampaignResponse, CampaignResponseSchema } from './campaign-response.ts';
import { type Case, CaseSchema } from './case.ts';
import { type Contact, ContactSchema } from './contact.ts';
import { type Note, NoteSchema } from './note.ts';
import { type Offer, OfferSchema } from './offer.ts';
import { type OfferImpression, OfferImpressionSchema } from './offer-impression.ts';
import { type Opportunity, OpportunitySchema } from './opportunity.ts';
import { type Order, OrderSchema } from './order.ts';
import { type Product, ProductSchema } from './product.ts';
import { type Task, TaskSchema } from './task.ts';
import { type Touchpoint, TouchpointSchema } from './touchpoint.ts';

/** Every kind of stored record, by the name of its store. */
export interface RecordMap {
  contacts: Contact;
  accounts: Account;
  products: Product;
  orders: Order;
  touchpoints: Touchpoint;
  opportunities: Opportunity;
  cases: Case;
  tasks: Task;
  notes: Note;
  campaigns: Campaign;
  campaignResponses: CampaignResponse;
  offers: Offer;
  offerImpressions: OfferImpression;
  articles: Article;
}
export type StoreName = keyof RecordMap;
export type AnyRecord = RecordMap[StoreName];

export const RECORD_SCHEMAS: { readonly [S in StoreName]: z.ZodType<RecordMap[S]> } = {
  contacts: ContactSchema,
  accounts: AccountSchema,
  products: ProductSchema,
  orders: OrderSchema,
  touchpoints: TouchpointSchema,
  opportunities: OpportunitySchema,
  cases: CaseSchema,
  tasks: TaskSchema,
  notes: NoteSchema,
  campaigns: CampaignSchema,
  campaignResponses: CampaignResponseSchema,
  offers: OfferSchema,
  offerImpressions: OfferImpressionSchema,
  articles: ArticleSchema,
};

export const STORE_NAMES = Object.keys(RECORD_SCHEMAS) as StoreName[];

/** Stores whose records belong to a contact and have a time: queried "by contact" and "by time". */
export type ContactLinkedStore =
  | 'orders'
  | 'touchpoints'
  | 'opportunities'
  | 'cases'
  | 'tasks'
  | 'notes'
  | 'campaignResponses'
  | 'offerImpressions';

/**
 * The instant each contact-linked record is ordered by. Tasks without a due time sort by creation,
 * so "by time" never silently drops a record.
 */
export const RECORD_TIME: { readonly [S in ContactLinkedStore]: (record: RecordMap[S]) => string } = {
  orders: (r) => r.placedAt,
  touchpoints: (r) => r.occurredAt,
  opportunities: (r) => r.createdAt,
  cases: (r) => r.openedAt,
  tasks: (r) => r.dueAt ?? r.createdAt,
  notes: (r) => r.createdAt,
  campaignResponses: (r) => r.respondedAt,
  offerImpressions: (r) => r.shownAt,
};

export const CONTACT_LINKED_STORES = Object.keys(RECORD_TIME) as ContactLinkedStore[];

export function isContactLinked(store: StoreName): store is ContactLinkedStore {
  return store in RECORD_TIME;
}

/** The time of a contact-linked record as epoch milliseconds. */
export function recordTime<S extends ContactLinkedStore>(store: S, record: RecordMap[S]): number {
  return Date.parse((RECORD_TIME[store] as (r: RecordMap[S]) => string)(record));
}
