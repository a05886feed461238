import type { OfferDecision, OfferRef } from '../../client';

/**
 * DOM events of `<cordial-offer>`: typed, bubbling and composed (they cross shadow roots),
 * registered in HTMLElementEventMap like @lit/context's ContextRequestEvent. The same
 * happenings reach `cordial.on('offer:shown', fn)` and friends.
 */
export type OfferAction = 'shown' | 'clicked' | 'dismissed' | 'converted';
type Details = { decision: OfferDecision } & Record<OfferAction, OfferRef & { orderId?: string }>;

export class OfferEvent<K extends keyof Details = OfferAction> extends CustomEvent<Details[K]> {
  constructor(action: K, detail: Details[K]) {
    super(`cordial-offer-${action}`, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'cordial-offer-decision': OfferEvent<'decision'>;
    'cordial-offer-shown': OfferEvent<'shown'>;
    'cordial-offer-clicked': OfferEvent<'clicked'>;
    'cordial-offer-dismissed': OfferEvent<'dismissed'>;
    'cordial-offer-converted': OfferEvent<'converted'>;
  }
}
