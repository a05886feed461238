import { css } from 'lit';

/** The panel's styles, adopted next to the launcher's (help.styles.ts) when the panel chunk loads. */
export const panelStyles = css`
  [part~='panel'] {
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: flex;
    flex-direction: column;
    overflow: hidden;
  }
  [part~='panel'].floating {
    position: fixed;
    inset-block-end: 1rem;
    inset-inline-end: 1rem;
    z-index: 2147483001;
    inline-size: min(26rem, calc(100vw - 2rem));
    max-block-size: min(40rem, calc(100vh - 2rem));
    box-shadow: 0 8px 32px #0004;
  }
  .head {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
    border-block-end: 1px solid var(--_border);
  }
  .head h2 {
    flex: 1;
    margin: 0;
    font-size: 1.1em;
  }
  .body {
    padding: 1rem;
    overflow-y: auto;
  }
  h3 {
    font-size: 1em;
    margin: 1rem 0 0.5rem;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_border);
    background: transparent;
    border-radius: 8px;
    padding: 0.4rem 0.8rem;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  input,
  select,
  textarea {
    inline-size: 100%;
    padding: 0.5rem;
    border: 1px solid var(--_muted);
    border-radius: 8px;
    background: var(--_bg);
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  ul.list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.list li + li {
    border-block-start: 1px solid var(--_border);
  }
  .link {
    display: block;
    inline-size: 100%;
    text-align: start;
    border: 0;
    border-radius: 0;
    padding: 0.6rem 0.25rem;
  }
  .link strong {
    color: var(--_accent);
  }
  .snippet {
    display: block;
  }
  mark {
    background: var(--_mark);
    color: inherit;
  }
  .field {
    margin-block-end: 0.75rem;
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  .error {
    color: var(--_error);
    font-size: 0.9em;
    margin: 0.25rem 0 0;
  }
  .hint,
  .meta,
  .snippet {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 1rem;
  }
  .notice {
    padding: 0.75rem;
    border-radius: 8px;
    border: 1px solid var(--_border);
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
  }
  .stars {
    display: flex;
    gap: 0.25rem;
  }
  .stars input {
    inline-size: auto;
  }
  .article pre {
    overflow-x: auto;
  }
`;
