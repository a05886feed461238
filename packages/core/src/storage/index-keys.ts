import { emailDomain, normaliseDomain, normaliseEmail } from '../model/normalise.ts';
import {
  type ContactLinkedStore,
  isContactLinked,
  type RecordMap,
  recordTime,
  type StoreName,
} from '../model/stores.ts';

/** The values a record is looked up by; both adapters derive them from the record with this one function. */
export interface IndexKeys {
  contact?: string;
  /** Epoch ms of the record's time (see RECORD_TIME). */
  time?: number;
  account?: string;
  emails?: string[];
  phones?: string[];
  domains?: string[];
}

export function indexKeys<S extends StoreName>(store: S, record: RecordMap[S]): IndexKeys {
  if (store === 'contacts') {
    const contact = record as RecordMap['contacts'];
    const emails = unique(contact.emails.map(normaliseEmail));
    const keys: IndexKeys = {
      emails,
      phones: unique(contact.phones),
      domains: unique(emails.map(emailDomain).filter((d): d is string => d !== undefined)),
    };
    if (contact.accountId !== undefined) keys.account = contact.accountId;
    return keys;
  }
  if (store === 'accounts') return { domains: unique((record as RecordMap['accounts']).domains.map(normaliseDomain)) };
  if (isContactLinked(store)) {
    const linked = record as RecordMap[ContactLinkedStore] & { contactId?: string; accountId?: string };
    const keys: IndexKeys = { time: recordTime(store as ContactLinkedStore, linked) };
    if (linked.contactId !== undefined) keys.contact = linked.contactId;
    if (linked.accountId !== undefined) keys.account = linked.accountId;
    return keys;
  }
  return {};
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Index keys of a stored value that may not match its schema (written by another build): as many as
 * can be derived, so a damaged record still shows up, as corrupt, where its owner's data is listed.
 */
export function lenientIndexKeys(store: StoreName, value: unknown): IndexKeys {
  try {
    const keys = indexKeys(store, value as RecordMap[StoreName]);
    if (keys.time !== undefined && Number.isNaN(keys.time)) delete keys.time;
    return keys;
  } catch {
    // A value too damaged to derive keys from is still stored, and listed as corrupt by id.
    return {};
  }
}
