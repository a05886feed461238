import type { PersonInView } from '../messaging/protocol';
import { isListed, type Settings } from './settings';

const ROLE_ORDER: Record<PersonInView['role'], number> = { from: 0, to: 1, cc: 2, page: 3 };

/**
 * The people the sidebar shows for a conversation: excluded addresses dropped (never
 * looked up, never logged), the rep's own addresses and colleagues set aside, the rest
 * external first in the order sender, recipients, copies.
 */
export function arrangePeople(
  people: readonly PersonInView[],
  settings: Pick<Settings, 'ownAddresses' | 'exclude'>,
): PersonInView[] {
  return people
    .filter((p) => !isListed(p.email, settings.exclude) && !isListed(p.email, settings.ownAddresses))
    .map((p, index) => ({ p, index }))
    .sort((a, b) => ROLE_ORDER[a.p.role] - ROLE_ORDER[b.p.role] || a.index - b.index)
    .map(({ p }) => p);
}
