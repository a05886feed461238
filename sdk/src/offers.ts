import type { Client } from './client';
import type { OfferAction } from './events';
import { type Offer, parseOffers } from './offer-config';
import type { Store } from './storage';
import type { OfferHost } from './widgets/offer/offer';

/** Segment e-commerce v2 names for what happens to an offer (a promotion, in the spec's words). */
const PROMOTION_EVENT: Record<OfferAction, string> = {
  shown: 'Promotion Viewed',
  clicked: 'Promotion Clicked',
  dismissed: 'Promotion Dismissed',
};

/**
 * The offers a site owner configured and the choice per placement: the highest
 * priority offer for the placement that the visitor has not dismissed.
 */
export function createOffers(client: Client, store: Store, emit: (action: OfferAction, offer: Offer) => void) {
  let offers: Offer[] = [];
  const dismissed = new Set<string>((store.get('dismissedOffers') ?? '').split(',').filter(Boolean));

  const host: OfferHost = {
    decide(placement) {
      const eligible = offers.filter((o) => o.placement === placement && !dismissed.has(o.id));
      eligible.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
      return eligible[0] ?? null;
    },
    report(action, offer) {
      if (action === 'dismissed') {
        dismissed.add(offer.id);
        store.set('dismissedOffers', [...dismissed].join(','));
      }
      client.track(PROMOTION_EVENT[action], {
        promotion_id: offer.id,
        name: offer.title,
        creative: offer.type,
        position: offer.placement,
      });
      emit(action, offer);
    },
  };

  return {
    host,
    /** Replaces the configured offers; returns the validation error for the owner, if any. */
    set(input: unknown): string | null {
      const parsed = parseOffers(input);
      if (!parsed.ok) return parsed.error;
      offers = parsed.offers;
      return null;
    },
    list: () => offers.slice(),
  };
}
