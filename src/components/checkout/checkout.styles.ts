import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-width: var(--aip-checkout-max-width, 36rem);
    --_dialog-width: var(--aip-checkout-dialog-width, 30rem);
  }
  .base {
    display: grid;
    gap: var(--_aip-space-3);
    padding: var(--_aip-space-4);
    border: 1px solid var(--_aip-color-border);
    border-radius: var(--_aip-radius-m);
    background: var(--_aip-color-surface);
  }
  :is(h1, h2, h3, h4, h5, h6) {
    margin: 0;
    font-size: var(--_aip-font-size-l);
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_aip-color-text-muted);
  }
  /* The heading takes focus only when the control that had it went away (read out, not operated). */
  [part~='title']:focus {
    outline: none;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_aip-space-2) var(--_aip-space-4);
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: step;
    font-size: var(--_aip-font-size-s);
    color: var(--_aip-color-text-muted);
  }
  .steps li {
    counter-increment: step;
  }
  .steps li::before {
    content: counter(step) '. ';
  }
  .steps li.current {
    color: var(--_aip-color-text);
    font-weight: var(--_aip-font-weight-strong);
  }
  /* Seen, not read out: which step is current is said by aria-current. */
  .steps li.done::after {
    content: ' ✓' / '';
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(8rem, 100%), 1fr));
    gap: var(--_aip-space-2) var(--_aip-space-4);
    margin: 0;
  }
  .summary dt {
    font-size: var(--_aip-font-size-s);
    color: var(--_aip-color-text-muted);
  }
  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .summary .amount {
    font-weight: var(--_aip-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .summary .wide {
    grid-column: 1 / -1;
  }
  .summary .id {
    font-family: ui-monospace, monospace;
    font-size: var(--_aip-font-size-s);
  }
  .form {
    display: grid;
    gap: var(--_aip-space-3);
  }
  .field {
    display: grid;
    gap: var(--_aip-space-1);
  }
  .field label {
    font-weight: var(--_aip-font-weight-strong);
  }
  /* A dated agreement version stays on one line rather than breaking at a hyphen. */
  .version {
    white-space: nowrap;
  }
  .agreement label {
    font-weight: normal;
  }
  .hint {
    font-size: var(--_aip-font-size-s);
    color: var(--_aip-color-text-muted);
  }
  /* 16 px by default, as the catalog's fields: a phone's browser zooms the page into a smaller field on focus.
     The column's width: a field's own width (20 characters) would outgrow a phone's column at large text. */
  input:not([type='checkbox']) {
    width: 100%;
    font: inherit;
    font-size: var(--_aip-font-size-m);
    min-height: 36px;
    padding: var(--_aip-space-1) var(--_aip-space-2);
    border: 1px solid var(--_aip-color-text-muted);
    border-radius: var(--_aip-radius-s);
    background: var(--_aip-color-surface);
    color: inherit;
  }
  /* A field in error is told by more than its colour: a doubled edge, and a bold message. */
  input[aria-invalid='true'] {
    border-color: var(--_aip-color-danger);
    box-shadow: inset 0 0 0 1px var(--_aip-color-danger);
  }
  @media (forced-colors: active) {
    input[aria-invalid='true'] {
      border: 3px double;
    }
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: var(--_aip-space-2);
  }
  input[type='checkbox'] {
    flex: none;
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--_aip-color-accent);
  }
  .field-error {
    color: var(--_aip-color-danger);
    font-size: var(--_aip-font-size-s);
    font-weight: var(--_aip-font-weight-strong);
  }
  .notice {
    padding: var(--_aip-space-2) var(--_aip-space-3);
    border-radius: var(--_aip-radius-s);
    background: var(--_aip-color-surface-sunken);
    font-size: var(--_aip-font-size-s);
  }
  .notice-box,
  .status,
  div.error,
  .certificate {
    display: grid;
    gap: var(--_aip-space-2);
  }
  .error > button,
  .status > button {
    justify-self: start;
  }
  /* The box, not the error text inside it (which also has the class). */
  div.error {
    padding: var(--_aip-space-3);
    border: 1px solid var(--_aip-color-danger);
    border-radius: var(--_aip-radius-s);
  }
  .error p {
    color: var(--_aip-color-danger);
  }
  .error:focus {
    outline: none;
  }
  .error:focus-visible {
    outline: var(--_aip-focus-ring-width) solid var(--_aip-color-focus);
  }
  .certificate {
    padding: var(--_aip-space-3);
    border: 1px solid var(--_aip-color-success);
    border-radius: var(--_aip-radius-s);
  }
  #certificate-title:focus {
    outline: none;
  }
  .rights {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_aip-space-2);
  }
  .button-link {
    display: inline-flex;
    align-items: center;
    min-height: 32px;
    padding: var(--_aip-space-1) var(--_aip-space-3);
    border: 1px solid var(--_aip-color-accent);
    border-radius: var(--_aip-radius-s);
    color: var(--_aip-color-accent);
    text-decoration: none;
  }
  a {
    color: var(--_aip-color-accent);
  }
  progress {
    width: 100%;
    height: 8px;
    accent-color: var(--_aip-color-accent);
  }
  .skeleton {
    min-height: 6rem;
    border-radius: var(--_aip-radius-s);
    background: var(--_aip-color-skeleton);
  }
  dialog {
    width: var(--_dialog-width);
    padding: var(--_aip-space-3);
  }
  .dialog-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_aip-space-2);
    margin-bottom: var(--_aip-space-2);
  }
  .dialog-head h2 {
    margin: 0;
  }
  /* The heading wraps first: "Close" keeps its word whole even where the page lets words break anywhere. */
  .dialog-head button {
    flex-shrink: 0;
  }
  iframe {
    display: block;
    width: 100%;
    /* Short screens (a phone held sideways): the frame leaves room for the dialog's heading, so only it scrolls. */
    height: var(--aip-checkout-frame-height, min(42rem, 80vh, calc(100dvh - 8rem)));
    border: 0;
    border-radius: var(--_aip-radius-s);
  }
  .loaded iframe {
    background: #fff;
  }
  /* Until the hosted page arrives (seconds on a slow connection), the empty frame shows that it is on its way. */
  .frame-box {
    position: relative;
  }
  .frame-loading {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: var(--_aip-space-2);
    margin: 0;
    padding: var(--_aip-space-4);
    text-align: center;
    color: var(--_aip-color-text-muted);
    /* Over the frame until its load event: a page already drawn takes clicks through it. */
    pointer-events: none;
  }
  .frame-loading a {
    pointer-events: auto;
  }
  .loaded .frame-loading {
    display: none;
  }
`;
