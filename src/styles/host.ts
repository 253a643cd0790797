import { css } from 'lit';

/** Styles every element shares: sane box model, a working `hidden`, the host's font. */
export const hostStyles = css`
  :host {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    /* Inherited from a page's own layout tricks, it would run every text off the card. */
    white-space: normal;
  }
  :host *,
  :host *::before,
  :host *::after {
    box-sizing: inherit;
  }
  /* Each paragraph takes its direction from its own text, not from the page:
     English text on a right-to-left page keeps its word order ("About Noor
     Haddad", "1 of 2"), and a host's own right-to-left wording stays
     right-to-left. Alignment and layout still follow the page's direction:
     match-parent resolves "start" against the parent, not the text (Chromium
     and WebKit know it only by its prefixed name). */
  :is(p, h1, h2, h3, h4, h5, h6, li, dt, dd, label, legend, caption, figcaption, summary, .hint, .field-error) {
    unicode-bidi: plaintext;
    text-align: match-parent;
    text-align: -webkit-match-parent;
  }
  /* Cells, buttons and fields keep the alignment their own styles give them. */
  :is(th, td, button, input, textarea) {
    unicode-bidi: plaintext;
  }
  [hidden],
  :host([hidden]) {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* The browser's own grey is too faint on a dark field. */
  ::placeholder {
    color: var(--_aip-color-text-muted);
    opacity: 1;
  }
  :focus-visible {
    outline: var(--_aip-focus-ring-width) solid var(--_aip-color-focus);
    outline-offset: var(--aip-focus-ring-offset, 2px);
  }
  @media (prefers-reduced-motion: reduce) {
    :host *,
    :host *::before,
    :host *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
