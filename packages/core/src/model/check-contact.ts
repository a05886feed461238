/**
 * A contact checked without zod's object walk, for the two places that validate a hundred thousand
 * of them in a row: an import's commit and a full read of the contacts (which every import does
 * first). It proves what `ContactSchema` would accept and returns what zod would return (top-level
 * keys in the schema's order); anything it can't prove (an unknown key, an odd shape, a value that
 * fails) gets `undefined`, and the caller lets zod decide and explain. The string formats are zod's
 * own schemas, asked once per distinct value. `check-contact.test.ts` holds it to zod's answers.
 * Keep it in step with `ContactSchema` (contact.ts): a test fails when the schema gains a field.
 */
import { memoize } from '../identity/memoize.ts';
import { AddressSchema, ChannelSchema, EmailSchema, InstantSchema, PhoneSchema } from './common.ts';
import {
  ConsentSchema,
  type Contact,
  ContactSchema,
  LifecycleStageSchema,
  MarketingPreferencesSchema,
} from './contact.ts';
import { every, isId, isRecord, isText } from './direct-checks.ts';

/** Every field of the schema: a contact with any other key is left to zod (which drops it). */
const KNOWN = new Set(Object.keys(ContactSchema.shape));
const CONSENT_KEYS = Object.keys(ContactSchema.shape.consent.shape);
const CONSENT_FIELDS = Object.keys(ConsentSchema.shape);
const ADDRESS_KEYS = Object.keys(AddressSchema.shape);
const MARKETING_KEYS = Object.keys(MarketingPreferencesSchema.shape);
const STAGES = new Set<unknown>(LifecycleStageSchema.options);
const CONSENT_STATUSES = new Set<unknown>(ConsentSchema.shape.status.options);
const CHANNELS = new Set<unknown>(ChannelSchema.options);
const FREQUENCIES = new Set<unknown>(MarketingPreferencesSchema.shape.frequency.unwrap().options);

/** Bounded: times repeat (a batch's stamp, days of creation); phones repeat less, emails hardly. */
const LIMIT = 20_000;
const instant = memoize((text) => InstantSchema.safeParse(text).success, LIMIT);
const phone = memoize((text) => PhoneSchema.safeParse(text).success, LIMIT);
const country = memoize((text) => AddressSchema.shape.country.safeParse(text).success, 1000);

const optionalText = (value: unknown) => value === undefined || typeof value === 'string';

/** Own keys all known, each set (no `key: undefined`), in the order of `known` (zod rebuilds nested objects so). */
function ordered(value: Record<string, unknown>, known: readonly string[]): boolean {
  let at = -1;
  for (const key in value) {
    const index = known.indexOf(key);
    if (index <= at || value[key] === undefined) return false;
    at = index;
  }
  return true;
}

/** A record of non-empty keys whose values pass `test` (zod keeps its keys in their order). */
function recordOf(value: unknown, test: (item: unknown) => boolean): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) if (key === '' || !test(value[key])) return false;
  return Object.keys(value).length === Reflect.ownKeys(value).length;
}

const isScalar = (value: unknown) =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  value === null ||
  (typeof value === 'number' && Number.isFinite(value));

function isConsent(value: unknown): boolean {
  return (
    isRecord(value) &&
    ordered(value, CONSENT_FIELDS) &&
    CONSENT_STATUSES.has(value.status) &&
    (value.at === undefined || (isText(value.at) && instant(value.at))) &&
    optionalText(value.source)
  );
}

function isAddress(value: unknown): boolean {
  if (!isRecord(value) || !ordered(value, ADDRESS_KEYS)) return false;
  for (const key in value) if (typeof value[key] !== 'string') return false;
  return value.country === undefined || country(value.country as string);
}

function isMarketing(value: unknown): boolean {
  return (
    isRecord(value) &&
    ordered(value, MARKETING_KEYS) &&
    typeof value.doNotContact === 'boolean' &&
    (value.preferredChannel === undefined || CHANNELS.has(value.preferredChannel)) &&
    (value.frequency === undefined || FREQUENCIES.has(value.frequency)) &&
    every(value.topics, (topic) => isText(topic, 1))
  );
}

/** The contact as zod would return it, when it can be proven valid cheaply; otherwise undefined. */
export function checkContact(value: unknown): Contact | undefined {
  if (!isRecord(value)) return undefined;
  for (const key in value) if (value[key] === undefined || !KNOWN.has(key)) return undefined;
  const c = value as Partial<Record<keyof Contact, unknown>>;
  const valid =
    isId(c.id) &&
    isText(c.createdAt) &&
    instant(c.createdAt) &&
    isText(c.updatedAt) &&
    instant(c.updatedAt) &&
    Number.isSafeInteger(c.version) &&
    (c.version as number) >= 1 &&
    optionalText(c.firstName) &&
    optionalText(c.lastName) &&
    optionalText(c.fullName) &&
    every(c.emails, (email) => EmailSchema.safeParse(email).success) &&
    every(c.phones, (number) => isText(number) && phone(number)) &&
    (c.accountId === undefined || isId(c.accountId)) &&
    optionalText(c.company) &&
    optionalText(c.title) &&
    (c.address === undefined || isAddress(c.address)) &&
    optionalText(c.ownerId) &&
    STAGES.has(c.lifecycleStage) &&
    every(c.tags, (tag) => isText(tag, 1)) &&
    recordOf(c.customFields, isScalar) &&
    isRecord(c.consent) &&
    ordered(c.consent, CONSENT_KEYS) &&
    CONSENT_KEYS.every((purpose) => isConsent((c.consent as Record<string, unknown>)[purpose])) &&
    isMarketing(c.marketing) &&
    (c.source === undefined || isText(c.source, 1)) &&
    recordOf(c.externalIds, (id) => isText(id, 1));
  return valid ? inSchemaOrder(c) : undefined;
}

/**
 * A new object with the fields in the schema's order, as zod returns it. Written out field by field:
 * a loop over the keys (keyed stores) took most of the check's time. A test requires the order of a
 * contact with every field set to be the schema's, so a field added to the schema must be added here.
 */
function inSchemaOrder(c: Partial<Record<keyof Contact, unknown>>): Contact {
  const out: Record<string, unknown> = { id: c.id, createdAt: c.createdAt, updatedAt: c.updatedAt, version: c.version };
  if (c.firstName !== undefined) out.firstName = c.firstName;
  if (c.lastName !== undefined) out.lastName = c.lastName;
  if (c.fullName !== undefined) out.fullName = c.fullName;
  out.emails = c.emails;
  out.phones = c.phones;
  if (c.accountId !== undefined) out.accountId = c.accountId;
  if (c.company !== undefined) out.company = c.company;
  if (c.title !== undefined) out.title = c.title;
  if (c.address !== undefined) out.address = c.address;
  if (c.ownerId !== undefined) out.ownerId = c.ownerId;
  out.lifecycleStage = c.lifecycleStage;
  out.tags = c.tags;
  out.customFields = c.customFields;
  out.consent = c.consent;
  out.marketing = c.marketing;
  if (c.source !== undefined) out.source = c.source;
  out.externalIds = c.externalIds;
  return out as Contact;
}
