export const VERSION = '0.1.0';

// --- Model and storage port (branch core-data) ---
export type { MemoryRepositoryOptions } from './adapters/memory/memory-repository.ts';
export { createMemoryRepository } from './adapters/memory/memory-repository.ts';
export type { Account } from './model/account.ts';
export { AccountSchema, CompanySizeSchema, DomainSchema } from './model/account.ts';
export type { Article } from './model/article.ts';
export { ArticleSchema } from './model/article.ts';
export type { Campaign } from './model/campaign.ts';
export { CampaignSchema } from './model/campaign.ts';
export type { CampaignResponse } from './model/campaign-response.ts';
export { CampaignResponseKindSchema, CampaignResponseSchema } from './model/campaign-response.ts';
export type { Case } from './model/case.ts';
export { CasePrioritySchema, CaseSchema, CaseStatusSchema, CaseTypeSchema } from './model/case.ts';
export type { Address, Channel, Money } from './model/common.ts';
export {
  AddressSchema,
  ChannelSchema,
  CurrencySchema,
  CustomFieldsSchema,
  DateSchema,
  EmailSchema,
  ExternalIdsSchema,
  IdSchema,
  InstantSchema,
  MoneySchema,
  PhoneSchema,
  TagsSchema,
} from './model/common.ts';
export type { Consent, Contact, LifecycleStage, MarketingPreferences } from './model/contact.ts';
export {
  ConsentSchema,
  ContactSchema,
  LifecycleStageSchema,
  MarketingPreferencesSchema,
} from './model/contact.ts';
export { emailDomain, normaliseDomain, normaliseEmail } from './model/normalise.ts';
export type { Note } from './model/note.ts';
export { NoteSchema } from './model/note.ts';
export type { Offer } from './model/offer.ts';
export { OfferSchema } from './model/offer.ts';
export type { OfferImpression } from './model/offer-impression.ts';
export { OfferImpressionSchema } from './model/offer-impression.ts';
export type { Opportunity, OpportunityStage } from './model/opportunity.ts';
export { OpportunitySchema, OpportunityStageSchema } from './model/opportunity.ts';
export type { Discount, LineItem, Order, OrderStatus } from './model/order.ts';
export { DiscountSchema, LineItemSchema, OrderSchema, OrderStatusSchema } from './model/order.ts';
export type { ParsedRecord } from './model/parse-record.ts';
export { parseRecord, wasParsed } from './model/parse-record.ts';
export type { Product } from './model/product.ts';
export { ProductSchema } from './model/product.ts';
export type { AnyRecord, ContactLinkedStore, RecordMap, StoreName } from './model/stores.ts';
export {
  CONTACT_LINKED_STORES,
  isContactLinked,
  RECORD_SCHEMAS,
  RECORD_TIME,
  recordTime,
  STORE_NAMES,
} from './model/stores.ts';
export type { Task } from './model/task.ts';
export { TaskSchema } from './model/task.ts';
export type { Touchpoint } from './model/touchpoint.ts';
export {
  EventPropertiesSchema,
  FollowUpSchema,
  TouchpointPurposeSchema,
  TouchpointSchema,
} from './model/touchpoint.ts';
export type { OrderFacts } from './ports/order-facts.ts';
export { ORDER_STATUSES } from './ports/order-facts.ts';
export type {
  CorruptRecord,
  DeleteOp,
  Page,
  PutOp,
  PutOptions,
  ReadMany,
  ReadResult,
  Repository,
  TimeRange,
  WriteOp,
} from './ports/repository.ts';
export type { RepositoryErrorCode } from './ports/repository-error.ts';
export { isRepositoryError, RepositoryError } from './ports/repository-error.ts';

// --- end core-data ---

export type { FeedTransport, PollResult } from './events/feed-poller.ts';
export { createFeedPoller } from './events/feed-poller.ts';
export type { MergeRecord } from './identity/merge-contacts.ts';
export { mergeContacts } from './identity/merge-contacts.ts';
// --- Used by the extension (branch extension-sidebar) until the owning branches export them in their blocks ---
export { assessChurnRisk } from './lifecycle/churn-risk.ts';
export { describeDuration } from './lifecycle/describe-duration.ts';
export type { CustomerSummary } from './models/calibration-summary.ts';
export { summarizeCalibration } from './models/calibration-summary.ts';
export { valueCohort } from './models/customer-value.ts';
export { dayNumberOf } from './rfm/day-number.ts';
export { scoreRfmColumns } from './rfm/score-rfm.ts';
// --- end extension-sidebar ---

// --- Analytics the workbench computes with (branch extension-workbench, beside extension-sidebar's block;
// both go when branch analytics publishes its own) ---
export type { DuplicateCandidate, IdentityFacts, MatchSignal } from './identity/find-duplicates.ts';
export { findDuplicates } from './identity/find-duplicates.ts';
export type { ChurnRisk, ChurnRiskTier } from './lifecycle/churn-risk.ts';
export { ChurnRiskTierSchema } from './lifecycle/churn-risk.ts';
export type { LifecycleStage as AnalyticsLifecycleStage } from './lifecycle/lifecycle-stage.ts';
export {
  classifyLifecycleStage,
  LifecycleStageSchema as AnalyticsLifecycleStageSchema,
} from './lifecycle/lifecycle-stage.ts';
export type { BgNbdParams } from './models/bg-nbd.ts';
export { bgNbdProbabilityAlive } from './models/bg-nbd.ts';
export type { Purchase } from './models/calibration-summary.ts';
export type { CohortValue, CustomerValue } from './models/customer-value.ts';
export { formatDayNumber } from './rfm/day-number.ts';
export type { OrderColumns, RfmColumns } from './rfm/score-rfm.ts';
export { NO_SEGMENT, NOT_SCORED } from './rfm/score-rfm.ts';
export type { SegmentRule, SegmentRules } from './segments/segment-rules.ts';
export { DEFAULT_SEGMENT_RULES, OTHERS_SEGMENT, SegmentRulesSchema } from './segments/segment-rules.ts';
// --- end analytics for the workbench ---
