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
export type { NewOrderColumns } from './ports/order-columns.ts';
export type { OrderFacts } from './ports/order-facts.ts';
export { ORDER_STATUSES } from './ports/order-facts.ts';
export type {
  AppendOrdersOp,
  CorruptRecord,
  DeleteMergeOp,
  DeleteOp,
  Page,
  PutMergeOp,
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

// --- end analytics ---
export type { FeedPollerOptions, FeedTransport, PollResult } from './events/feed-poller.ts';
export { createFeedPoller, feedUrl } from './events/feed-poller.ts';
// --- Import, export, identity and privacy (branch core-import) ---
export type { EventImportOptions, EventImportReport } from './events/import-events.ts';
export { emptyEventReport, importEvents } from './events/import-events.ts';
export type { SegmentMessage } from './events/segment-message.ts';
export { SegmentMessageSchema } from './events/segment-message.ts';
export type { BackupOptions, RestoreOptions, RestoreReport } from './export/backup.ts';
export { BACKUP_FORMAT, exportBackup, RestoreError, restoreBackup } from './export/backup.ts';
export { csvCell, csvLine, quoteCsv } from './export/csv-cell.ts';
export { exportStoreCsv, storeColumns } from './export/store-csv.ts';
export { combineContacts } from './identity/combine-contacts.ts';
export type {
  DuplicateCandidate,
  IdentityFacts,
  IdentityIndex,
  IdentityIndexOptions,
  MatchSignal,
  MatchThresholds,
  Verdict,
} from './identity/find-duplicates.ts';
export { createIdentityIndex, DEFAULT_THRESHOLDS, findDuplicates } from './identity/find-duplicates.ts';
export type { NameComparison, PersonName } from './identity/match-names.ts';
export { canonicalGivenName, compareNames, jaroWinkler, normalizeName } from './identity/match-names.ts';
export type { MergeOptions, MergeRecord, UndoResult } from './identity/merge-contacts.ts';
export { MergeError, MergeRecordSchema, mergeContacts, undoMerge } from './identity/merge-contacts.ts';
export type { EmailKey } from './identity/normalize-email.ts';
export { normalizeEmail } from './identity/normalize-email.ts';
export type { PhoneResult } from './identity/normalize-phone.ts';
export { normalizePhone } from './identity/normalize-phone.ts';
export type { ResolveResult } from './identity/resolve-duplicates.ts';
export { resolveDuplicates } from './identity/resolve-duplicates.ts';
export type { StoreCounts, TargetStore } from './import/batch-writer.ts';
export type { ColumnMapping, FieldSpec, FieldType } from './import/column-mapping.ts';
export { ColumnMappingSchema, normalizeHeader } from './import/column-mapping.ts';
export type { FormatOptions } from './import/detect-formats.ts';
export type {
  AutoMerge,
  CsvImportOptions,
  CsvPreview,
  DoubtfulDuplicate,
  ImportProgress,
  ImportReport,
  PreviewRow,
  RejectedRow,
} from './import/import-csv.ts';
export { ImportSetupError, importCsv, previewCsv } from './import/import-csv.ts';
export { IMPORT_KINDS } from './import/kinds/index.ts';
export type { ImportKind, ImportStore } from './import/kinds/kind.ts';
export type { Amount, DateOrder, DecimalMark, Parsed } from './import/parse-values.ts';
export {
  detectDateOrder,
  detectDecimalMark,
  parseAmount,
  parseBoolean,
  parseDate,
  parseDecimal,
} from './import/parse-values.ts';
export type { CsvBatch, CsvIssue, CsvRow, CsvSource, ReadCsvOptions } from './import/read-csv.ts';
export { CsvFormatError, readCsv } from './import/read-csv.ts';
export type { ValueFormats } from './import/row-values.ts';
export { streamChunks } from './import/stream-chunks.ts';
// --- Analytics: RFM, segments, customer-base models, churn, life cycle (branch analytics) ---
export type { ChurnRisk, ChurnRiskInput, ChurnRiskOptions, ChurnRiskTier } from './lifecycle/churn-risk.ts';
export { assessChurnRisk, ChurnRiskTierSchema } from './lifecycle/churn-risk.ts';
export type { ContactStage, ContactStageOptions } from './lifecycle/contact-stages.ts';
export { classifyContacts } from './lifecycle/contact-stages.ts';
export { describeDuration } from './lifecycle/describe-duration.ts';
export type { CustomerStage, LifecycleInput, LifecycleOptions } from './lifecycle/lifecycle-stage.ts';
export { CustomerStageSchema, classifyCustomerStage, toStoredLifecycleStage } from './lifecycle/lifecycle-stage.ts';
// --- Per-campaign metrics over a campaign's life (branch ext-workbench2) ---
export type {
  CampaignPerformance,
  CampaignPerformanceData,
  CampaignPerformanceOptions,
  PurchaseHistory,
  ResponseOutcome,
} from './metrics/campaign-metrics.ts';
export { computeCampaignPerformance, purchaseHistories, responseOutcome } from './metrics/campaign-metrics.ts';
// --- Analytics (branch analytics, continued): CRM metrics per time window ---
export type { CampaignResult, MarketingData, MarketingMetrics } from './metrics/marketing-metrics.ts';
export { computeMarketingMetrics } from './metrics/marketing-metrics.ts';
export type { Amounts, MetricsWindow } from './metrics/metrics-window.ts';
export { isPurchase, MetricsWindowSchema } from './metrics/metrics-window.ts';
export type {
  ForecastPoint,
  PipelineFilter,
  TrendForecast,
  TrendForecastOptions,
  WeightedPipeline,
} from './metrics/sales-forecast.ts';
export {
  forecastRevenueTrend,
  PipelineFilterSchema,
  TrendForecastOptionsSchema,
  weightedPipeline,
} from './metrics/sales-forecast.ts';
export type { SalesData, SalesMetrics } from './metrics/sales-metrics.ts';
export { computeSalesMetrics } from './metrics/sales-metrics.ts';
export type { ServiceData, ServiceMetrics } from './metrics/service-metrics.ts';
export { computeServiceMetrics } from './metrics/service-metrics.ts';
export type { BgNbdParams } from './models/bg-nbd.ts';
export {
  BgNbdParamsSchema,
  bgNbdCohortForecast,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  fitBgNbd,
} from './models/bg-nbd.ts';
export type { CalibrationOptions, CustomerSummary, Purchase } from './models/calibration-summary.ts';
export {
  CalibrationOptionsSchema,
  CustomerSummarySchema,
  PurchaseSchema,
  summarizeCalibration,
} from './models/calibration-summary.ts';
export type { CustomerHistory, PreparedCohort } from './models/customer-history.ts';
export { CustomerHistorySchema, prepareCohort } from './models/customer-history.ts';
export type { ClvOptions, CohortValue, CustomerValue } from './models/customer-value.ts';
export { ClvOptionsSchema, customerLifetimeValue, valueCohort } from './models/customer-value.ts';
export type { FitFailure, FitFailureReason, FitResult, FitSuccess } from './models/fit-result.ts';
export { FitFailureReasonSchema } from './models/fit-result.ts';
export type { GammaGammaParams, SpendHistory } from './models/gamma-gamma.ts';
export {
  fitGammaGamma,
  GammaGammaParamsSchema,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  SpendHistorySchema,
} from './models/gamma-gamma.ts';
export type { ParetoNbdParams } from './models/pareto-nbd.ts';
export {
  fitParetoNbd,
  ParetoNbdParamsSchema,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
} from './models/pareto-nbd.ts';
export type { ErasureReport } from './privacy/erase-person.ts';
export { erasePerson } from './privacy/erase-person.ts';
export type { AccessExport } from './privacy/export-person.ts';
export { exportPerson } from './privacy/export-person.ts';
export type { PersonRecords } from './privacy/person-records.ts';
export { PersonNotFoundError } from './privacy/person-records.ts';
// --- end core-import ---
// Recommendations (sdk-events): co-occurrence tables from order history.
export {
  buildRecommendationTable,
  type OrderLine,
  OrderLineSchema,
  type RecommendationTable,
  RecommendationTableSchema,
  type RecommendOptions,
} from './recommend/index.ts';
export { dayNumberOf, formatDayNumber, parseDayNumber } from './rfm/day-number.ts';
export type { OrderFactsColumns } from './rfm/order-facts-columns.ts';
export { orderFactsToColumns } from './rfm/order-facts-columns.ts';
export { rfmThresholds, scoreAgainst } from './rfm/quantile-thresholds.ts';
export type {
  OrderColumns,
  RfmColumns,
  RfmOptions,
  RfmOrder,
  RfmResult,
  RfmRow,
  RfmThresholds,
  SegmentSummary,
} from './rfm/score-rfm.ts';
export {
  NO_SEGMENT,
  NOT_SCORED,
  OrderColumnsSchema,
  RfmOptionsSchema,
  RfmOrderSchema,
  scoreRfm,
  scoreRfmColumns,
  summarizeSegments,
} from './rfm/score-rfm.ts';
export { assignSegment, compileSegmentLookup, matchSegmentRule } from './segments/assign-segment.ts';
export type { SegmentRule, SegmentRules } from './segments/segment-rules.ts';
export {
  DEFAULT_SEGMENT_RULES,
  OTHERS_SEGMENT,
  SegmentRuleSchema,
  SegmentRulesSchema,
} from './segments/segment-rules.ts';
