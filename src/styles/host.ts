import { css } from 'lit';

/** Styles every element shares: sane box model, a working `hidden`, the host's font. */
export const hostStyles = css`
  :host {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
  }
  :host *,
  :host *::before,
  :host *::after {
    box-sizing: inherit;
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
