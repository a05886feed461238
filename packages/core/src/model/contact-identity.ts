/**
 * What linking needs of a stored contact (import/import-links.ts): its ids, addresses, names and
 * account, without the rest of the record. An import of orders reads it for every stored contact
 * before its first row, so the IndexedDB adapter keeps it beside each contact as JSON text of its own
 * (docs/storage.md), written from the validated record and read back with `isContactIdentity`.
 */
import type { Contact } from './contact.ts';
import { every, isId, isRecord } from './direct-checks.ts';

export type ContactIdentity = Pick<
  Contact,
  'id' | 'emails' | 'phones' | 'firstName' | 'lastName' | 'fullName' | 'accountId' | 'externalIds'
>;

/** The identity of a contact (only the fields it has). */
export function contactIdentity(contact: ContactIdentity): ContactIdentity {
  const { id, emails, phones, firstName, lastName, fullName, accountId, externalIds } = contact;
  return {
    id,
    emails,
    phones,
    ...(firstName !== undefined && { firstName }),
    ...(lastName !== undefined && { lastName }),
    ...(fullName !== undefined && { fullName }),
    ...(accountId !== undefined && { accountId }),
    externalIds,
  };
}

const isString = (value: unknown) => typeof value === 'string';
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** Whether a value read back has the shape of an identity (the strings' formats were checked on write). */
export function isContactIdentity(value: unknown): value is ContactIdentity {
  if (!isRecord(value) || !isId(value.id) || !every(value.emails, isString) || !every(value.phones, isString))
    return false;
  if (!optionalString(value.firstName) || !optionalString(value.lastName) || !optionalString(value.fullName))
    return false;
  if (value.accountId !== undefined && !isId(value.accountId)) return false;
  const { externalIds } = value;
  if (!isRecord(externalIds)) return false;
  for (const system in externalIds) if (!system || typeof externalIds[system] !== 'string') return false;
  return true;
}
