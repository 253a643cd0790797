import { css } from 'lit';
import { darkDeclarations } from '../../styles/tokens.js';

/*
 * The theme is decided here and painted here: the storefront sets the text
 * colour and paints the canvas for everything inside it, so no text of an
 * element (a toolbar label, a status line) sits on a surface of another
 * theme. In the light theme both are the page's own (`currentColor`, a
 * transparent canvas).
 */
export const styles = css`
  :host {
    display: block;
    background: var(--_aip-color-canvas);
    color: var(--_aip-color-text);
    /* It wraps the page's own content: that keeps the page's white-space (the elements inside reset their own). */
    white-space: inherit;
  }
  :host([theme='dark']) {
    ${darkDeclarations}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkDeclarations}
      color-scheme: dark;
    }
  }
`;
