import { css } from 'lit';
import { darkDeclarations } from '../../styles/tokens.js';

export const styles = css`
  :host {
    display: block;
  }
  :host([theme='dark']) {
    ${darkDeclarations}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkDeclarations}
    }
  }
`;
