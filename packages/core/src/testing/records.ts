// Records for tests and browser harnesses, valid and minimal (no test framework here, so pages can bundle it).
import type { Account } from '../model/account.ts';
import type { Contact } from '../model/contact.ts';
import type { MergeRecord } from '../model/merge-record.ts';
import type { Order } from '../model/order.ts';
import type { Touchpoint } from '../model/touchpoint.ts';
import type { NewOrderColumns } from '../ports/order-columns.ts';

const T0 = '2026-01-01T00:00:00.000Z';

export function contact(id: string, fields: Partial<Contact> = {}): Contact {
  return {
    id,
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    emails: [],
    phones: [],
    lifecycleStage: 'prospect',
    tags: [],
    customFields: {},
    consent: {
      email: { status: 'unknown' },
      sms: { status: 'unknown' },
      phone: { status: 'unknown' },
      tracking: { status: 'unknown' },
    },
    marketing: { doNotContact: false, topics: [] },
    externalIds: {},
    ...fields,
  };
}

export function account(id: string, name: string, domains: string[]): Account {
  return { id, createdAt: T0, updatedAt: T0, version: 1, name, domains, tags: [], customFields: {}, externalIds: {} };
}

export function order(
  id: string,
  contactId: string,
  placedAt: string,
  amount = 10,
  fields: Partial<Order> = {},
): Order {
  return {
    id,
    createdAt: placedAt,
    updatedAt: placedAt,
    version: 1,
    contactId,
    placedAt,
    status: 'paid',
    currency: 'EUR',
    lineItems: [{ sku: 'MUG', name: 'Mug', category: 'Cups', quantity: 1, unitPrice: { amount, currency: 'EUR' } }],
    discounts: [],
    total: { amount, currency: 'EUR' },
    externalIds: {},
    ...fields,
  };
}

export function touchpoint(id: string, contactId: string, occurredAt: string): Touchpoint {
  return {
    id,
    createdAt: occurredAt,
    updatedAt: occurredAt,
    version: 1,
    contactId,
    channel: 'email',
    direction: 'inbound',
    occurredAt,
    purpose: 'service',
    externalIds: {},
  };
}

/** The record of merging `mergedIds` into `survivorId` (before-images only: the contract stores it as it is). */
export function mergeRecord(id: string, survivorId: string, mergedIds: string[], mergedAt = T0): MergeRecord {
  return {
    id,
    mergedAt,
    survivorId,
    mergedIds,
    reasons: ['same email address'],
    before: {
      survivor: contact(survivorId),
      duplicates: mergedIds.map((m) => contact(m)),
      moved: [{ store: 'touchpoints', record: touchpoint(`t-${id}`, mergedIds[0] as string, T0) }],
    },
    after: { survivorVersion: 2 },
  };
}

/** New orders as columns: `o1` and `o2` of c1 (o2 with an external id), `o3` of c2. */
export function orderColumns(prefix = 'o'): NewOrderColumns {
  return {
    createdAt: T0,
    source: 'import:shop',
    system: 'shop',
    ids: [`${prefix}1`, `${prefix}2`, `${prefix}3`],
    contactIds: ['c1', 'c1', 'c2'],
    numbers: ['#1', undefined, '#3'],
    externalIds: [undefined, '1002', undefined],
    placedAt: Float64Array.from(
      ['2026-01-05T10:00:00.000Z', '2026-02-01T07:00:00.000Z', '2026-01-10T00:00:00.000Z'],
      Date.parse,
    ),
    status: new Uint8Array([1, 4, 0]),
    currencies: ['EUR', 'EUR', 'GBP'],
    total: new Float64Array([25, 19.99, 7.5]),
  };
}
