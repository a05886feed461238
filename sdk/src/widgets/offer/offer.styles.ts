import { css } from 'lit';

/**
 * Adopted stylesheets (no inline styles: fine under a strict CSP). Themable through
 * custom properties and ::part; inherits the page's font and colours by default.
 */
export const offerStyles = css`
  :host {
    display: block;
    min-height: var(--cordial-offer-min-height, auto);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='card'] {
    box-sizing: border-box;
    position: relative;
    border: 1px solid var(--cordial-offer-border, color-mix(in srgb, currentColor 30%, transparent));
    border-radius: var(--cordial-offer-radius, 8px);
    background: var(--cordial-offer-background, Canvas);
    color: var(--cordial-offer-color, CanvasText);
    padding: 1rem 3rem 1rem 1rem;
    max-width: 100%;
  }
  [part='title'] {
    margin: 0 0 0.25rem;
    font-size: 1.15em;
  }
  [part='body'] {
    margin: 0 0 0.75rem;
  }
  [part='image'] {
    max-width: 100%;
    height: auto;
  }
  [part='products'] {
    margin: 0 0 0.75rem;
    padding-left: 1.25rem;
  }
  [part='code'] {
    font-family: ui-monospace, monospace;
    font-weight: 700;
  }
  [part='cta'] {
    display: inline-block;
    padding: 0.5rem 1rem;
    border-radius: var(--cordial-offer-radius, 8px);
    background: var(--cordial-offer-accent, #1d4ed8);
    color: var(--cordial-offer-accent-text, #fff);
    font-weight: 600;
    text-decoration: none;
  }
  [part='dismiss'] {
    position: absolute;
    top: 0.5rem;
    right: 0.5rem;
    min-width: 2.25rem;
    min-height: 2.25rem;
    font: inherit;
    font-size: 1.25em;
    line-height: 1;
    background: none;
    border: 0;
    border-radius: 4px;
    color: inherit;
    cursor: pointer;
  }
  a:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--cordial-offer-focus, #f59e0b);
    outline-offset: 2px;
  }
`;
