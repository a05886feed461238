import { css } from 'lit';

/**
 * The launcher's styles and the theme (the panel's are in panel.styles.ts, loaded with it).
 * Static styles only (no inline style attributes: strict-CSP safe). Logical properties
 * make the layout mirror itself in right-to-left languages; colours are custom
 * properties with a dark scheme from prefers-color-scheme.
 */
export const helpStyles = css`
  :host {
    --_accent: var(--cordial-help-accent, #0b57d0);
    --_on-accent: var(--cordial-help-on-accent, #fff);
    --_bg: var(--cordial-help-background, #fff);
    --_fg: var(--cordial-help-color, #1f1f1f);
    --_muted: var(--cordial-help-muted, #5f6368);
    --_border: var(--cordial-help-border, #c4c7c5);
    --_mark: var(--cordial-help-mark, #fde68a);
    --_error: var(--cordial-help-error, #b3261e);
    --_radius: var(--cordial-help-radius, 12px);
    font: var(--cordial-help-font, inherit);
    color: var(--_fg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--cordial-help-accent, #a8c7fa);
      --_on-accent: var(--cordial-help-on-accent, #062e6f);
      --_bg: var(--cordial-help-background, #1f1f1f);
      --_fg: var(--cordial-help-color, #e3e3e3);
      --_muted: var(--cordial-help-muted, #c4c7c5);
      --_border: var(--cordial-help-border, #5f6368);
      --_mark: var(--cordial-help-mark, #7c5e10);
      --_error: var(--cordial-help-error, #f2b8b5);
    }
  }
  * {
    box-sizing: border-box;
  }
  [part~='launcher'] {
    position: fixed;
    inset-block-end: 1rem;
    inset-inline-end: 1rem;
    z-index: 2147483000;
    border: 0;
    border-radius: 999px;
    padding: 0.75rem 1.25rem;
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
