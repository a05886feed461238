import { html, LitElement, nothing } from 'lit';
import { OfferEvent } from '../../events';
import { type Offer, safeHref } from '../../offer-config';
import { offerStyles } from './offer.styles';

/** What the element needs from its surroundings: the decision and where to report. */
export interface OfferHost {
  decide(placement: string): Offer | null;
  report(action: OfferEvent['action'], offer: Offer): void;
}

let host: OfferHost | null = null;
const elements = new Set<CordialOffer>();

/** Connects every `<cordial-offer>` to a host (the client) and re-renders them. */
export function setOfferHost(next: OfferHost): void {
  host = next;
  for (const element of elements) element.refresh();
}

/**
 * An offer slot. Shows the offer the host decides for its `placement`, or nothing.
 * @fires cordial-offer-shown - an offer was rendered
 * @fires cordial-offer-clicked - the visitor followed the call to action
 * @fires cordial-offer-dismissed - the visitor closed it
 * @csspart card - the offer's box
 * @csspart title
 * @csspart body
 * @csspart cta - the call-to-action link
 * @csspart dismiss - the close button
 * @cssprop --cordial-offer-accent, --cordial-offer-border, --cordial-offer-background, --cordial-offer-radius, --cordial-offer-color
 */
export class CordialOffer extends LitElement {
  static override styles = offerStyles;
  static override properties = {
    placement: { type: String, reflect: true },
    _offer: { state: true },
  };

  placement = 'default';
  private _offer: Offer | null = null;
  private _shownId: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    elements.add(this);
    this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    elements.delete(this);
  }

  /** Asks the host again (after a route change, new events, new offers). */
  refresh(): void {
    this._offer = host?.decide(this.placement) ?? null;
    this.toggleAttribute('data-empty', this._offer === null);
  }

  protected override updated(): void {
    const offer = this._offer;
    if (offer && this._shownId !== offer.id) {
      this._shownId = offer.id;
      this._emit('shown', offer);
    }
  }

  private _emit(action: OfferEvent['action'], offer: Offer) {
    this.dispatchEvent(new OfferEvent(action, offer));
    host?.report(action, offer);
  }

  private _onClick = () => {
    if (this._offer) this._emit('clicked', this._offer);
  };

  private _onDismiss = () => {
    const offer = this._offer;
    if (!offer) return;
    this._offer = null;
    this.toggleAttribute('data-empty', true);
    this._emit('dismissed', offer);
  };

  override render() {
    const offer = this._offer;
    if (!offer) return nothing;
    const href = offer.cta ? safeHref(offer.cta.url, location.href) : null;
    return html`<aside part="card" aria-labelledby="title">
      <h2 part="title" id="title">${offer.title}</h2>
      ${offer.body ? html`<p part="body">${offer.body}</p>` : nothing}
      ${offer.cta && href ? html`<a part="cta" href=${href} @click=${this._onClick}>${offer.cta.label}</a>` : nothing}
      <button part="dismiss" type="button" aria-label="Dismiss offer" @click=${this._onDismiss}>✕</button>
    </aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cordial-offer': CordialOffer;
  }
}
