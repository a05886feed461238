import { css } from 'lit';

/** Themable through custom properties and ::part; no inline styles (strict CSP). */
export const offerStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--cordial-offer-color, inherit);
  }
  :host([hidden]),
  :host([data-empty]) {
    display: none;
  }
  [part='card'] {
    position: relative;
    border: 1px solid var(--cordial-offer-border, color-mix(in srgb, currentColor 25%, transparent));
    border-radius: var(--cordial-offer-radius, 8px);
    background: var(--cordial-offer-background, transparent);
    padding: 1rem 2.5rem 1rem 1rem;
    margin: 1rem 0;
  }
  [part='title'] {
    margin: 0 0 0.25rem;
    font-size: 1.1em;
  }
  [part='body'] {
    margin: 0 0 0.5rem;
  }
  [part='cta'] {
    color: var(--cordial-offer-accent, LinkText);
    font-weight: 600;
  }
  [part='dismiss'] {
    position: absolute;
    top: 0.5rem;
    right: 0.5rem;
    min-width: 2rem;
    min-height: 2rem;
    font: inherit;
    background: none;
    border: 0;
    color: inherit;
    cursor: pointer;
  }
  a:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--cordial-offer-accent, Highlight);
    outline-offset: 2px;
  }
`;
