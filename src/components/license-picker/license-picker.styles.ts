import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_min: var(--aip-license-picker-card-min-width, 200px);
    --_selected: var(--aip-license-picker-selected-color, var(--_aip-color-accent));
    --_dialog-width: 56rem;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: var(--_aip-space-3);
    font-weight: var(--_aip-font-weight-strong);
    font-size: var(--_aip-font-size-l);
  }
  .tiers {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(var(--_min), 100%), 1fr));
    gap: var(--_aip-space-3);
  }
  .tier {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--_aip-space-2);
    padding: var(--_aip-space-4);
    border: 1px solid var(--_aip-color-border);
    border-radius: var(--_aip-radius-m);
    background: var(--_aip-color-surface);
    cursor: pointer;
    transition:
      border-color var(--_aip-duration) ease,
      box-shadow var(--_aip-duration) ease;
  }
  .tier:hover:not(.disabled) {
    border-color: var(--_selected);
  }
  .tier.selected {
    border-color: var(--_selected);
    box-shadow: inset 0 0 0 1px var(--_selected);
  }
  .tier.disabled {
    cursor: not-allowed;
    background: var(--_aip-color-surface-sunken);
  }
  /* Forced colours drop the shadow and the fill: the chosen tier's edge is doubled, an unavailable one's dashed. */
  @media (forced-colors: active) {
    .tier.selected {
      padding: calc(var(--_aip-space-4) - 2px);
      border: 3px double Highlight;
    }
    .tier.disabled {
      border-style: dashed;
    }
  }
  .tier:has(input:focus-visible) {
    outline: var(--_aip-focus-ring-width) solid var(--_aip-color-focus);
    outline-offset: 2px;
  }
  .head {
    display: flex;
    align-items: center;
    gap: var(--_aip-space-2);
  }
  input {
    width: 20px;
    height: 20px;
    margin: 0;
    accent-color: var(--_selected);
    flex: none;
  }
  input:focus-visible {
    outline: none;
  }
  .title {
    font-weight: var(--_aip-font-weight-strong);
    cursor: inherit;
  }
  .details {
    display: grid;
    gap: var(--_aip-space-1);
  }
  .price {
    font-size: calc(1.5 * var(--_aip-font-size-m));
    font-weight: var(--_aip-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .disabled .price {
    color: var(--_aip-color-text-muted);
  }
  .term,
  .exclusivity,
  .tail {
    margin: 0;
    font-size: var(--_aip-font-size-s);
    color: var(--_aip-color-text-muted);
  }
  ul {
    margin: 0;
    padding-inline-start: 1.1em;
    font-size: var(--_aip-font-size-s);
  }
  li + li {
    margin-top: 2px;
  }
  .reason {
    margin: 0;
    font-size: var(--_aip-font-size-s);
    font-weight: var(--_aip-font-weight-strong);
    color: var(--_aip-color-danger);
  }
  /* A dated agreement version stays on one line rather than breaking at a hyphen. */
  .version {
    white-space: nowrap;
  }
  .agreement {
    margin-top: auto;
    font-size: var(--_aip-font-size-s);
    color: var(--_aip-color-accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_aip-space-3);
    margin-top: var(--_aip-space-3);
  }
  .invalid {
    margin: 0;
    color: var(--_aip-color-danger);
    font-size: var(--_aip-font-size-s);
  }
  .state {
    display: grid;
    justify-items: start;
    gap: var(--_aip-space-2);
  }
  .state p {
    margin: 0;
  }
  .error {
    color: var(--_aip-color-danger);
  }
  .skeleton {
    min-height: 220px;
    cursor: default;
    background: var(--_aip-color-skeleton);
    border-color: transparent;
  }
  /*
   * Too narrow for every tier (a phone), the table scrolls sideways; a shadow at
   * the edge with more to see says so. The covers scroll with the table and
   * hide the shadow once an edge is reached.
   */
  .table-wrap {
    overflow-x: auto;
    --_cover: var(--_aip-color-surface-raised);
    --_shade: rgb(0 0 0 / 0.25);
    background:
      linear-gradient(to right, var(--_cover) 40%, transparent) left / 2rem 100% no-repeat local,
      linear-gradient(to left, var(--_cover) 40%, transparent) right / 2rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, var(--_shade), transparent) left / 0.75rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, var(--_shade), transparent) right / 0.75rem 100% no-repeat scroll;
  }
  .table-wrap:focus-visible,
  dialog h2:focus-visible {
    outline: var(--_aip-focus-ring-width) solid var(--_aip-color-focus);
    outline-offset: 2px;
  }
  dialog h2:focus:not(:focus-visible) {
    outline: none;
  }
  /* Words stay whole, whatever the host page's wrapping: a table wider than a phone scrolls sideways instead. */
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--_aip-font-size-s);
    overflow-wrap: normal;
    word-break: normal;
  }
  /* Cells align with the page's direction (the host styles give each cell its
     text's own direction): English terms on a right-to-left page stay flush right. */
  th,
  td {
    text-align: match-parent;
    text-align: -webkit-match-parent;
    vertical-align: top;
    padding: var(--_aip-space-2);
    border-bottom: 1px solid var(--_aip-color-border);
  }
  thead th {
    font-size: var(--_aip-font-size-m);
  }
`;
