import type { Store } from './storage';

/**
 * What the visitor agreed to. `analytics`: events may be stored and sent; `personalization`:
 * the profile may be kept and used for offers. Without personalization, offers fall back
 * to non-personalized ones.
 */
export type ConsentCategory = 'analytics' | 'personalization';
export const CATEGORIES: ConsentCategory[] = ['analytics', 'personalization'];

export interface ConsentState {
  analytics: boolean;
  personalization: boolean;
  /** Why the default applies: the owner requires consent, or the browser sends GPC/DNT. */
  reason: 'granted' | 'revoked' | 'required' | 'gpc' | 'dnt' | 'implied';
}

/** A browser privacy signal, if any: Global Privacy Control first, then Do Not Track. */
export function privacySignal(nav: Navigator | undefined): 'gpc' | 'dnt' | null {
  if (!nav) return null;
  if ((nav as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true) return 'gpc';
  return nav.doNotTrack === '1' || (globalThis as { doNotTrack?: string }).doNotTrack === '1' ? 'dnt' : null;
}

/**
 * The consent state: an explicit choice of the visitor (stored) wins; otherwise a privacy
 * signal means no; otherwise 'required' means no until granted, and 'implied' means yes.
 */
export function readConsent(store: Store, required: boolean, signal: 'gpc' | 'dnt' | null): ConsentState {
  const stored = store.get('consent');
  if (stored !== null) {
    // String.prototype.includes: pages that replace Array.prototype methods rarely touch strings'.
    const granted = (category: ConsentCategory) => `,${stored},`.includes(`,${category},`);
    return {
      analytics: granted('analytics'),
      personalization: granted('personalization'),
      reason: stored ? 'granted' : 'revoked',
    };
  }
  const reason = signal ?? (required ? 'required' : 'implied');
  const yes = reason === 'implied';
  return { analytics: yes, personalization: yes, reason };
}
