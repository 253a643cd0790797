import { css } from 'lit';

/**
 * The one modal look, for every native <dialog> the elements open. Its width
 * is `--_dialog-width`, capped by the viewport: 28rem unless the element sets
 * its own. Each element declares it on its host, so a dialog inside another
 * element's dialog (the 18+ check in the catalog's detail view) does not
 * inherit the outer dialog's width.
 */
export const dialogStyles = css`
  :host {
    --_dialog-width: 28rem;
  }
  dialog {
    max-width: min(var(--_dialog-width), calc(100vw - 2rem));
    padding: var(--_aip-space-5);
    border: 1px solid var(--_aip-color-border);
    border-radius: var(--_aip-radius-m);
    background: var(--_aip-color-surface-raised);
    color: var(--_aip-color-text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  /* A dialog that scrolls is a Tab stop of its own: its ring goes inside, on its surface, not on the backdrop. */
  dialog:focus-visible {
    outline-offset: calc(-1 * var(--_aip-focus-ring-width));
  }
  dialog h2 {
    margin: 0 0 var(--_aip-space-3);
    font-size: var(--_aip-font-size-l);
  }
  /* At the foot of a dialog that scrolls (a phone, large text), the actions stay in view: Close is never a
     scroll away. The bar covers what scrolls under it, out to the dialog's edge. */
  .dialog-actions {
    position: sticky;
    bottom: calc(-1 * var(--_aip-space-5));
    display: flex;
    justify-content: flex-end;
    gap: var(--_aip-space-2);
    margin: var(--_aip-space-1) 0 calc(-1 * var(--_aip-space-5));
    padding: var(--_aip-space-3) 0 var(--_aip-space-5);
    background: var(--_aip-color-surface-raised);
  }
`;
