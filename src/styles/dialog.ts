import { css } from 'lit';

/**
 * The one modal look, for every native <dialog> the elements open. Its width
 * is `--_dialog-width` (set per element), capped by the viewport.
 */
export const dialogStyles = css`
  dialog {
    max-width: min(var(--_dialog-width, 28rem), calc(100vw - 2rem));
    padding: var(--_aip-space-5);
    border: 1px solid var(--_aip-color-border);
    border-radius: var(--_aip-radius-m);
    background: var(--_aip-color-surface-raised);
    color: var(--_aip-color-text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog h2 {
    margin: 0 0 var(--_aip-space-3);
    font-size: var(--_aip-font-size-l);
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_aip-space-2);
    margin-top: var(--_aip-space-4);
  }
`;
