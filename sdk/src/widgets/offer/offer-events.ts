import type { Explanation, OfferRef } from '../../client';

/**
 * DOM events of `<cordial-offer>`: typed, bubbling and composed (they cross shadow roots),
 * registered in HTMLElementEventMap like @lit/context's ContextRequestEvent. The same
 * happenings reach `cordial.on('offer:shown', fn)` and friends.
 */
export type OfferAction = 'shown' | 'clicked' | 'dismissed' | 'converted';

export class OfferEvent extends CustomEvent<OfferRef & { orderId?: string }> {
  constructor(action: OfferAction, detail: OfferRef & { orderId?: string }) {
    super(`cordial-offer-${action}`, { detail, bubbles: true, composed: true });
  }
}

export class OfferDecisionEvent extends CustomEvent<Explanation> {
  constructor(detail: Explanation) {
    super('cordial-offer-decision', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'cordial-offer-decision': OfferDecisionEvent;
    'cordial-offer-shown': OfferEvent;
    'cordial-offer-clicked': OfferEvent;
    'cordial-offer-dismissed': OfferEvent;
    'cordial-offer-converted': OfferEvent;
  }
}
