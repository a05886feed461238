/**
 * Duplicate detection with explanations. Each pair of contacts that shares an email key, a
 * phone number, or a similar name inside the same account or company domain is scored
 * from the signals that matched (a noisy-or of their weights, damped when the names
 * disagree), so every candidate says why it was proposed. Certain pairs are merged on
 * import without asking; doubtful ones are offered to the user.
 */

import { compareNormalizedNames, createNameNormalizer, type NormalizedName, type PersonName } from './match-names.ts';
import { memoize } from './memoize.ts';
import { type EmailKey, normalizeEmail } from './normalize-email.ts';
import { normalizePhone } from './normalize-phone.ts';

/** What identity resolution needs to know about a contact. */
export interface IdentityFacts {
  id: string;
  emails: readonly string[];
  phones: readonly string[];
  firstName?: string | undefined;
  lastName?: string | undefined;
  accountId?: string | undefined;
}

export type MatchSignal =
  | { kind: 'email'; key: string; explanation: string }
  | { kind: 'role-email'; key: string; explanation: string }
  | { kind: 'phone'; e164: string; explanation: string }
  | { kind: 'name'; similarity: number; nickname: boolean; within: string; explanation: string }
  | { kind: 'name-conflict'; similarity: number; explanation: string };

export type Verdict = 'certain' | 'doubtful';

export interface DuplicateCandidate {
  /** The two contact ids, in the order they were compared (a is the earlier one). */
  a: string;
  b: string;
  /** In [0, 1]. */
  score: number;
  verdict: Verdict;
  signals: MatchSignal[];
}

export interface MatchThresholds {
  /** At or above: merge automatically. */
  certain: number;
  /** At or above (and below certain): offer to the user. Below: not a candidate. */
  doubtful: number;
}

export const DEFAULT_THRESHOLDS: MatchThresholds = { certain: 0.9, doubtful: 0.6 };

/** Names at least this similar count as a match; below NAME_CONFLICT they count against. */
const NAME_MATCH = 0.88;
const NAME_CONFLICT = 0.75;

const WEIGHT = {
  email: 0.95,
  roleEmail: 0.3,
  phone: 0.7,
  sameName: 0.7,
  similarName: 0.6,
};
/** Same address or phone but clearly different names: a shared mailbox, a family landline. */
const CONFLICT_DAMPING = 0.7;

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Identity facts with what matching compares computed once. An index keeps one per contact for its
 * life (100,000 in a big import), so it holds no more than scoring needs: its keys are derived again
 * when needed (keysOf), and the strings many contacts share (a company's domain block) are kept once.
 */
interface Keyed {
  facts: IdentityFacts;
  emails: EmailKey[];
  phones: string[];
  name: NormalizedName | null;
  /** Where a fuzzy name comparison is allowed: "account:<id>" and "domain:<company domain>". */
  blocks: readonly string[];
}

const NO_BLOCKS: readonly string[] = [];

/** Its keys in the index: emails, phones, and name blocks. */
function keysOf({ emails, phones, name, blocks }: Keyed): string[] {
  const keys: string[] = [];
  for (const email of emails) keys.push(`e:${email.key}`);
  for (const phone of phones) keys.push(`p:${phone}`);
  // Names are compared inside a block only with contacts whose family name sounds alike
  // (Soundex) and whose given name starts alike (after nicknames): this keeps a big company
  // domain from becoming a quadratic scan while typos such as Smith/Smyth still meet.
  if (name) for (const block of blocks) keys.push(`n:${block}:${name.sound}:${name.canonical[0]}`);
  return keys;
}

function keyFacts(
  facts: IdentityFacts,
  normalizeName: (name: PersonName) => NormalizedName,
  blockOf: (block: string) => string,
  defaultCountry?: string,
): Keyed {
  const emails: EmailKey[] = [];
  for (const raw of facts.emails) {
    const key = normalizeEmail(raw);
    if (key && !emails.some((e) => e.key === key.key)) emails.push(key);
  }
  const phones: string[] = [];
  for (const raw of facts.phones) {
    // Stored numbers are already E.164 (the model requires it); only raw input needs parsing.
    const phone = E164.test(raw) ? { ok: true as const, e164: raw } : normalizePhone(raw, defaultCountry);
    if (phone.ok && !phones.includes(phone.e164)) phones.push(phone.e164);
  }
  let blocks = NO_BLOCKS;
  const addBlock = (block: string) => {
    if (blocks.includes(block)) return;
    blocks = [...blocks, blockOf(block)];
  };
  if (facts.accountId) addBlock(`account:${facts.accountId}`);
  for (const email of emails) if (!email.freeMail) addBlock(`domain:${email.domain}`);
  const normalized =
    facts.firstName && facts.lastName ? normalizeName({ first: facts.firstName, last: facts.lastName }) : null;
  const name = normalized && normalized.last !== '' && normalized.first !== '' ? normalized : null;
  return { facts, emails, phones, name, blocks };
}

/** Whether two sets of facts give the same keys and scores (their ids aside). */
function sameIdentity(a: IdentityFacts, b: IdentityFacts): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.firstName === b.firstName &&
    a.lastName === b.lastName &&
    a.accountId === b.accountId &&
    same(a.emails, b.emails) &&
    same(a.phones, b.phones)
  );
}

/**
 * The score of a pair, in (0, 1], or 0 when nothing links them; with `signals`, what matched is
 * explained there. Most pairs an index meets score below the doubtful threshold (people who share
 * a family phone but not a name): they are scored without building a word of explanation.
 */
function pairScore(a: Keyed, b: Keyed, signals?: MatchSignal[]): number {
  let miss = 1;
  for (const email of a.emails) {
    if (!b.emails.some((e) => e.key === email.key)) continue;
    miss *= 1 - (email.role ? WEIGHT.roleEmail : WEIGHT.email);
    signals?.push(
      email.role
        ? { kind: 'role-email', key: email.key, explanation: `both use the shared mailbox ${email.key}` }
        : { kind: 'email', key: email.key, explanation: `same email address ${email.key}` },
    );
  }
  for (const phone of a.phones) {
    if (!b.phones.includes(phone)) continue;
    miss *= 1 - WEIGHT.phone;
    signals?.push({ kind: 'phone', e164: phone, explanation: `same phone number ${phone}` });
  }
  let conflict = false;
  if (a.name && b.name) {
    const names = compareNormalizedNames(a.name, b.name);
    if (names.score >= NAME_MATCH) {
      const within = a.blocks.find((block) => b.blocks.includes(block));
      // A similar name is evidence only inside one company; elsewhere it merely doesn't contradict.
      if (within) {
        // A nickname is the same given name written differently, as strong as an exact match.
        const same = names.score === 1;
        miss *= 1 - (same ? WEIGHT.sameName : WEIGHT.similarName);
        if (signals) {
          const where = within.startsWith('account:') ? 'the same account' : `the same domain ${within.slice(7)}`;
          const how = !same
            ? `similar names (${names.score.toFixed(2)})`
            : names.nickname
              ? 'same name (nickname)'
              : 'same name';
          signals.push({
            kind: 'name',
            similarity: names.score,
            nickname: names.nickname,
            within,
            explanation: `${how} within ${where}`,
          });
        }
      }
    } else if (names.score < NAME_CONFLICT) {
      conflict = true;
      signals?.push({
        kind: 'name-conflict',
        similarity: names.score,
        explanation: `different names (${a.facts.firstName} ${a.facts.lastName} / ${b.facts.firstName} ${b.facts.lastName})`,
      });
    }
  }
  return miss === 1 ? 0 : (1 - miss) * (conflict ? CONFLICT_DAMPING : 1);
}

/** Scores one pair and explains it; null when nothing links them or it scores below doubtful. */
function scoreKeyed(a: Keyed, b: Keyed, thresholds: MatchThresholds): DuplicateCandidate | null {
  const score = pairScore(a, b);
  if (score === 0 || score < thresholds.doubtful) return null;
  const signals: MatchSignal[] = [];
  pairScore(a, b, signals);
  return {
    a: a.facts.id,
    b: b.facts.id,
    score,
    verdict: score >= thresholds.certain ? 'certain' : 'doubtful',
    signals,
  };
}

/**
 * Contact ids by index key. Nearly every key (an email, a phone) belongs to one contact: it maps to
 * that id alone, and only a shared key to a list (in the order the contacts came). A Set per key was
 * a quarter of a 100,000-contact index's memory and much of its build time (garbage collection).
 */
type KeyIds = Map<string, string | string[]>;

function idsAt(byKey: KeyIds, key: string): readonly string[] {
  const ids = byKey.get(key);
  return ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;
}

function addId(byKey: KeyIds, key: string, id: string): void {
  const ids = byKey.get(key);
  if (ids === undefined) byKey.set(key, id);
  else if (typeof ids === 'string') {
    if (ids !== id) byKey.set(key, [ids, id]);
  } else if (!ids.includes(id)) ids.push(id);
}

function removeId(byKey: KeyIds, key: string, id: string): void {
  const ids = byKey.get(key);
  if (ids === id) byKey.delete(key);
  else if (Array.isArray(ids) && ids.includes(id)) ids.splice(ids.indexOf(id), 1);
}

export interface IdentityIndexOptions {
  /** ISO country for phone numbers written without a country code. */
  defaultCountry?: string;
  thresholds?: MatchThresholds;
}

/**
 * An in-memory index of contacts by email key, phone and name block, used to find the
 * candidates for one contact without comparing it with everyone (blocking).
 */
export function createIdentityIndex(options: IdentityIndexOptions = {}) {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  /** A contact's facts, and their keys once the key index exists. */
  const byId = new Map<string, { facts: IdentityFacts; keyed?: Keyed }>();
  /**
   * Made on the first lookup by key, from every contact added so far (in the order they came, as if
   * each had been indexed on arrival). Until then adding a contact costs one entry: the orders
   * import links 1,000,000 orders by customer id and never asks, a contacts import asks at once.
   */
  let byKey: KeyIds | undefined;
  const normalizeName = createNameNormalizer();
  // A company's block is one string for all its people, however many contacts name it.
  const blockOf = memoize((block: string) => block);
  const prepare = (facts: IdentityFacts) => keyFacts(facts, normalizeName, blockOf, options.defaultCountry);
  // An import asks for a contact's candidates and then adds it: the keys of the last probe are reused.
  let probed: Keyed | undefined;

  const index = (id: string, entry: { facts: IdentityFacts; keyed?: Keyed }, keys: KeyIds): Keyed => {
    entry.keyed ??= prepare(entry.facts);
    for (const key of keysOf(entry.keyed)) addId(keys, key, id);
    return entry.keyed;
  };
  const keyIndex = (): KeyIds => {
    if (byKey) return byKey;
    const keys: KeyIds = new Map();
    for (const [id, entry] of byId) index(id, entry, keys);
    byKey = keys;
    return keys;
  };

  const remove = (id: string): void => {
    const entry = byId.get(id);
    if (!entry) return;
    if (byKey && entry.keyed) for (const key of keysOf(entry.keyed)) removeId(byKey, key, id);
    byId.delete(id);
  };

  return {
    /** Adds or replaces a contact's facts. */
    add(facts: IdentityFacts): void {
      remove(facts.id);
      const entry: { facts: IdentityFacts; keyed?: Keyed } = { facts };
      // The probe's keys are its own (made by candidatesFor): taken over rather than copied.
      if (probed && sameIdentity(probed.facts, facts)) {
        probed.facts = facts;
        entry.keyed = probed;
      }
      probed = undefined;
      byId.set(facts.id, entry);
      if (byKey) index(facts.id, entry, byKey);
    },
    remove,
    /** The facts last added for a contact. */
    facts(id: string): IdentityFacts | undefined {
      return byId.get(id)?.facts;
    },
    /** Contacts with this email address (by its match key), for linking a record to its person exactly. */
    findByEmail(email: string): string[] {
      const key = normalizeEmail(email);
      return key ? [...idsAt(keyIndex(), `e:${key.key}`)] : [];
    },
    /** Contacts with this E.164 number. */
    findByPhone(e164: string): string[] {
      return [...idsAt(keyIndex(), `p:${e164}`)];
    },
    /** Candidate duplicates of `facts` among the indexed contacts, best first. */
    candidatesFor(facts: IdentityFacts): DuplicateCandidate[] {
      const keys = keyIndex();
      const keyed = prepare(facts);
      probed = keyed;
      const found: DuplicateCandidate[] = [];
      // Most contacts have no candidate: nothing is allocated for them beyond their keys.
      let seen: Set<string> | undefined;
      for (const key of keysOf(keyed)) {
        for (const id of idsAt(keys, key)) {
          if (id === facts.id || seen?.has(id)) continue;
          seen ??= new Set();
          seen.add(id);
          // Every indexed contact has its keys: the index was made from them.
          const other = byId.get(id)?.keyed;
          const candidate = other && scoreKeyed(other, keyed, thresholds);
          if (candidate) found.push(candidate);
        }
      }
      return found.sort((x, y) => y.score - x.score);
    },
    get size(): number {
      return byId.size;
    },
  };
}

export type IdentityIndex = ReturnType<typeof createIdentityIndex>;

/** Every candidate duplicate pair in a list of contacts, best first. */
export function findDuplicates(
  contacts: readonly IdentityFacts[],
  options: IdentityIndexOptions = {},
): DuplicateCandidate[] {
  const index = createIdentityIndex(options);
  const found: DuplicateCandidate[] = [];
  for (const facts of contacts) {
    found.push(...index.candidatesFor(facts));
    index.add(facts);
  }
  return found.sort((x, y) => y.score - x.score);
}
