/**
 * The surviving contact of a merge, as a pure function: nothing a duplicate knew is lost.
 * Lists are united, gaps filled from the duplicates, and where they disagree the survivor
 * wins, except for what protects the person: an opt-out or a later denial of consent wins.
 */
import type { Consent, Contact, LifecycleStage } from '../model/contact.ts';

/** Later in the life cycle wins (a customer is not a prospect again because a stale copy says so). */
const STAGE_RANK: Record<LifecycleStage, number> = { prospect: 0, churned: 1, customer: 2, repeat: 3 };

const FILLED = [
  'firstName',
  'lastName',
  'fullName',
  'accountId',
  'company',
  'title',
  'address',
  'ownerId',
  'source',
] as const;

/** Consent for one purpose across copies: the latest dated answer, else a denial over a grant. */
function combineConsent(all: readonly Consent[]): Consent {
  const known = all.filter((c) => c.status !== 'unknown');
  if (known.length === 0) return all[0] ?? { status: 'unknown' };
  const dated = known
    .filter((c) => c.at !== undefined)
    .sort((a, b) => Date.parse(b.at as string) - Date.parse(a.at as string));
  if (dated[0]) return dated[0];
  return known.find((c) => c.status === 'denied') ?? (known[0] as Consent);
}

/** Keeps every external id: a second id from the same system goes under `system#2` (lookups ignore `#…`). */
function combineExternalIds(all: readonly Contact[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const contact of all) {
    for (const [system, value] of Object.entries(contact.externalIds)) {
      const base = system.replace(/#.*$/, '');
      if (Object.entries(out).some(([k, v]) => k.replace(/#.*$/, '') === base && v === value)) continue;
      let key = base;
      for (let n = 2; out[key] !== undefined; n++) key = `${base}#${n}`;
      out[key] = value;
    }
  }
  return out;
}

const union = <T>(lists: readonly (readonly T[])[]): T[] => [...new Set(lists.flat())];

export function combineContacts(survivor: Contact, duplicates: readonly Contact[], now: string): Contact {
  const all = [survivor, ...duplicates];
  const merged: Contact = {
    ...survivor,
    emails: union(all.map((c) => c.emails)),
    phones: union(all.map((c) => c.phones)),
    tags: union(all.map((c) => c.tags)),
    customFields: Object.assign({}, ...[...all].reverse().map((c) => c.customFields)),
    externalIds: combineExternalIds(all),
    lifecycleStage: all.reduce<LifecycleStage>(
      (best, c) => (STAGE_RANK[c.lifecycleStage] > STAGE_RANK[best] ? c.lifecycleStage : best),
      survivor.lifecycleStage,
    ),
    consent: {
      email: combineConsent(all.map((c) => c.consent.email)),
      sms: combineConsent(all.map((c) => c.consent.sms)),
      phone: combineConsent(all.map((c) => c.consent.phone)),
      tracking: combineConsent(all.map((c) => c.consent.tracking)),
    },
    marketing: {
      ...Object.assign({}, ...[...all].reverse().map((c) => c.marketing)),
      doNotContact: all.some((c) => c.marketing.doNotContact),
      topics: union(all.map((c) => c.marketing.topics)),
    },
    createdAt: all.map((c) => c.createdAt).sort()[0] as string,
    updatedAt: now,
    version: survivor.version + 1,
  };
  for (const field of FILLED) {
    if (merged[field] !== undefined) continue;
    const donor = duplicates.find((d) => d[field] !== undefined);
    if (donor) (merged as Record<string, unknown>)[field] = donor[field];
  }
  return merged;
}
