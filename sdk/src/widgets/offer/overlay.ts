import { css, html, type TemplateResult } from 'lit';
import type { Offer } from './config';
import type { CordialOffer } from './offer-element';

/**
 * Offers shown over the page (banner, toast, modal) and their entry triggers (delay, scroll depth, exit
 * intent). A separate chunk, imported only with configurations that use them: most slots are inline offers
 * shown on load.
 */
export type Trigger = NonNullable<Offer['trigger']>;

const styles = css`
  [part~='banner'] {
    position: fixed;
    inset: auto 0 0 0;
    z-index: var(--cordial-offer-z, 2147483000);
    border-radius: 0;
    margin: 0;
  }
  [part~='toast'] {
    position: fixed;
    right: 1rem;
    bottom: 1rem;
    width: min(24rem, calc(100vw - 2rem));
    z-index: var(--cordial-offer-z, 2147483000);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 20%);
  }
  dialog[part~='card'] {
    width: min(32rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: var(--cordial-offer-backdrop, rgb(0 0 0 / 45%));
  }
`;

/** Shadow roots that have the styles above. */
const styled = new WeakSet<ShadowRoot>();
/** Where focus was before a modal opened, to return it there. */
const returnFocus = new WeakMap<CordialOffer, Element | null>();

/** Calls `show` when the trigger fires; returns how to stop waiting. */
export function arm(trigger: Exclude<Trigger, { on: 'load' }>, show: () => void): () => void {
  if (trigger.on === 'delay') {
    const timer = setTimeout(show, trigger.ms);
    return () => clearTimeout(timer);
  }
  if (trigger.on === 'scroll') {
    const check = () => {
      const root = document.documentElement;
      if (((scrollY + innerHeight) / Math.max(root.scrollHeight, 1)) * 100 >= trigger.percent) show();
    };
    addEventListener('scroll', check, { passive: true });
    check();
    return () => removeEventListener('scroll', check);
  }
  // Exit intent: the pointer leaves the window through its top edge (towards tabs and the address bar).
  const out = (event: MouseEvent) => {
    if (!event.relatedTarget && event.clientY <= 0) show();
  };
  document.addEventListener('mouseout', out);
  return () => document.removeEventListener('mouseout', out);
}

/** The card of a banner, toast or modal; adopts the styles above into the element's shadow root. */
export function frame(
  element: CordialOffer,
  display: 'banner' | 'toast' | 'modal',
  titleId: string,
  inner: TemplateResult,
): TemplateResult {
  const root = element.renderRoot as ShadowRoot;
  if (!styled.has(root)) {
    styled.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet as CSSStyleSheet];
  }
  const dismiss = (event: Event) => element.dismiss(event);
  return display === 'modal'
    ? html`<dialog part="card modal" aria-labelledby=${titleId} @cancel=${dismiss}>${inner}</dialog>`
    : html`<section part="card ${display}" aria-labelledby=${titleId} aria-live="polite" @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && dismiss(event)}>${inner}</section>`;
}

/** After the offer rendered: a modal opens with focus moved in (showModal), remembering where focus was. */
export function opened(element: CordialOffer): void {
  const dialog = element.renderRoot.querySelector('dialog');
  if (dialog && !dialog.open) {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    returnFocus.set(element, active);
    dialog.showModal();
  }
}

/** After a dismissal: a modal closes and focus goes back where it was. */
export function closed(element: CordialOffer): void {
  element.renderRoot.querySelector('dialog')?.close();
  const back = returnFocus.get(element);
  if (back instanceof HTMLElement) back.focus();
}
