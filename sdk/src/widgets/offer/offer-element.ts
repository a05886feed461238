import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { type Offer, safeHref } from './config';
import type { Decision } from './decide';
import { offerStyles } from './offer.styles';
import type { OfferEvent } from './offer-events';
import type * as Overlay from './overlay';

/** What the element needs from the controller that owns the decisions. */
export interface OfferController {
  decide(element: CordialOffer): Decision | null;
  report(
    element: CordialOffer,
    action: 'shown' | 'clicked' | 'dismissed',
    chosen: NonNullable<Decision['chosen']>,
  ): void;
  /** Reports a failure (once on the console when nobody listens to on('error')). */
  fail(error: unknown): void;
  /** The offer's product list, rendered by the products module once it is loaded. */
  products(offer: Offer, onClick: () => void): TemplateResult | typeof nothing;
}

let controller: OfferController | null = null;
/** Banners, toasts, modals and entry triggers (overlay.ts), once a configuration that uses them loaded it. */
let overlay: typeof Overlay | null = null;
export const useOverlay = (module: typeof Overlay) => {
  overlay = module;
};
const elements = new Set<CordialOffer>();
let counter = 0;
/** Tokens must differ across page loads too: impressions are stored with them. */
export const PAGE = Math.random().toString(36).slice(2, 8);

/** Connects every `<cordial-offer>` to its controller and re-evaluates them all. */
export function setOfferController(next: OfferController): void {
  controller = next;
  refreshOffers();
}

export function refreshOffers(): void {
  for (const element of elements) element.refresh();
}

export function offerElements(): ReadonlySet<CordialOffer> {
  return elements;
}

/**
 * An offer slot: shows the offer decided for its `placement`, inline (in place, with its
 * space reserved by `--cordial-offer-min-height`), or as a banner, modal or toast when its
 * trigger fires (load, delay, scroll depth, exit intent). All text is rendered as text.
 * @fires cordial-offer-decision - a decision was made for this slot (detail: the explanation)
 * @fires cordial-offer-shown - an offer became visible
 * @fires cordial-offer-clicked - the visitor followed the call to action
 * @fires cordial-offer-dismissed - the visitor closed it (button or Escape)
 * @fires cordial-offer-converted - an order followed a click on this offer
 * @csspart card - the offer's box (also `banner`, `toast` or `modal`)
 * @csspart title @csspart body @csspart image @csspart products @csspart code
 * @csspart cta - the call-to-action link
 * @csspart dismiss - the close button
 * @cssprop --cordial-offer-min-height - space reserved in the layout for an inline slot
 * @cssprop --cordial-offer-accent, --cordial-offer-accent-text, --cordial-offer-background, --cordial-offer-color, --cordial-offer-border, --cordial-offer-radius, --cordial-offer-focus, --cordial-offer-backdrop, --cordial-offer-z
 */
export class CordialOffer extends LitElement {
  static override properties = {
    placement: { reflect: true },
    _decision: { state: true },
    _visible: { state: true },
  };

  placement = 'default';
  /** Tells this element's own impressions apart from others' (caps ignore them on refresh). */
  readonly token = `${PAGE}-${++counter}`;
  private _decision: Decision | null = null;
  private _visible = false;
  private _shown: string | null = null;
  private _disarm: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    elements.add(this);
    // After the current task: a page that inserts the slot and then tracks (Product Viewed)
    // gets a decision that already counts that event.
    setTimeout(() => this.isConnected && this.refresh(), 0);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    elements.delete(this);
    this._disarm?.();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('placement') && changed.get('placement') !== undefined) this.refresh();
  }

  // Not Lit's adoptStyles, which calls Array.prototype.map: a page that replaced it would break every slot.
  protected override createRenderRoot(): ShadowRoot {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [offerStyles.styleSheet as CSSStyleSheet];
    return root;
  }

  // Lit rethrows a failed render as an unhandled rejection; in someone else's page it is reported instead.
  protected override scheduleUpdate(): void {
    try {
      super.scheduleUpdate();
    } catch (error) {
      controller?.fail(error);
    }
  }

  /** Decides again (route change, consent, new configuration); keeps a visible offer that still qualifies. */
  refresh(): void {
    if (!controller) return;
    const next = controller.decide(this);
    const key = (d: Decision | null) => (d?.chosen ? `${d.chosen.offer.id}/${d.chosen.variant}` : null);
    if (key(next) !== key(this._decision)) {
      this._disarm?.();
      this._visible = false;
      this._shown = null;
    }
    this._decision = next;
    if (next?.chosen && !this._visible) this._arm(next.chosen.offer);
  }

  private _arm(offer: Offer): void {
    const trigger = offer.trigger;
    const show = () => {
      this._disarm?.();
      this._visible = true;
    };
    if (trigger && trigger.on !== 'load' && overlay) this._disarm = overlay.arm(trigger, show);
    else show();
  }

  protected override updated(): void {
    const chosen = this._decision?.chosen;
    if (!chosen || !this._visible) return;
    const key = `${chosen.offer.id}/${chosen.variant}`;
    if (this._shown === key) return;
    this._shown = key;
    overlay?.opened(this);
    controller?.report(this, 'shown', chosen);
  }

  private _onClick = () => {
    const chosen = this._decision?.chosen;
    if (chosen) controller?.report(this, 'clicked', chosen);
  };

  /** Closes the offer as the visitor's dismissal (its button, or Escape in a banner, toast or modal). */
  dismiss(event?: Event): void {
    event?.preventDefault();
    const chosen = this._decision?.chosen;
    if (!chosen) return;
    this._visible = false;
    this._decision = null;
    overlay?.closed(this);
    controller?.report(this, 'dismissed', chosen);
  }

  override render() {
    const chosen = this._decision?.chosen;
    if (!chosen || !this._visible) return nothing;
    const { offer, variant } = chosen;
    const content = { ...offer.content, ...offer.variants?.find((v) => v.id === variant) };
    const display = offer.display ?? 'inline';
    const href = content.cta ? safeHref(content.cta.url, location.href) : null;
    const image = content.image ? safeHref(content.image.src, location.href) : null;
    const titleId = `t-${this.token}`;
    const inner = html`<h2 part="title" id=${titleId}>${content.title}</h2>
      ${image && content.image ? html`<img part="image" src=${image} alt=${content.image.alt} />` : nothing}
      ${content.body ? html`<p part="body">${content.body}</p>` : nothing}
      ${controller?.products(offer, this._onClick)}
      ${content.code ? html`<p>Code: <code part="code">${content.code}</code></p>` : nothing}
      ${content.cta && href ? html`<a part="cta" href=${href} @click=${this._onClick}>${content.cta.label}</a>` : nothing}
      <button part="dismiss" type="button" aria-label="Dismiss offer: ${content.title}" @click=${() => this.dismiss()}>✕</button>`;
    return display !== 'inline' && overlay
      ? overlay.frame(this, display, titleId, inner)
      : html`<section part="card" aria-labelledby=${titleId}>${inner}</section>`;
  }
}

export type { OfferEvent };

declare global {
  interface HTMLElementTagNameMap {
    'cordial-offer': CordialOffer;
  }
}
