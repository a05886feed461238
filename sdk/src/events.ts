import type { Offer } from './offer-config';

/**
 * DOM events of the widgets: typed, bubbling and composed (they cross shadow roots),
 * registered in HTMLElementEventMap like @lit/context's ContextRequestEvent.
 */
export type OfferAction = 'shown' | 'clicked' | 'dismissed';

export class OfferEvent extends Event {
  constructor(
    readonly action: OfferAction,
    readonly offer: Offer,
  ) {
    super(`cordial-offer-${action}`, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'cordial-offer-shown': OfferEvent;
    'cordial-offer-clicked': OfferEvent;
    'cordial-offer-dismissed': OfferEvent;
  }
}
