import { css } from 'lit';

/** The one button look, shared by every element: outlined, or `.primary` filled with the accent. */
export const buttonStyles = css`
  button {
    font: inherit;
    min-height: 32px;
    min-width: 24px;
    padding: var(--_aip-space-1) var(--_aip-space-3);
    border: 1px solid var(--_aip-color-accent);
    border-radius: var(--aip-button-radius, var(--_aip-radius-s));
    background: transparent;
    color: var(--_aip-color-accent);
    cursor: pointer;
  }
  button.primary {
    min-height: 36px;
    padding: var(--_aip-space-2) var(--_aip-space-4);
    background: var(--_aip-color-accent);
    color: var(--_aip-color-on-accent);
    font-weight: var(--_aip-font-weight-strong);
  }
  /* Printers drop backgrounds: a filled button keeps its fill, or its light text would vanish. */
  @media print {
    button.primary {
      print-color-adjust: exact;
    }
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
`;
