import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_min: var(--aip-catalog-card-min-width, 220px);
    --_gap: var(--aip-catalog-gap, var(--_aip-space-4));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_aip-space-3);
    margin-bottom: var(--_aip-space-4);
  }
  /* Never wider than the catalog, at any text size: a large font wraps the toolbar instead of widening the page. */
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
    max-width: 100%;
    gap: var(--_aip-space-1);
    font-size: var(--_aip-font-size-s);
    color: var(--_aip-color-text-muted);
  }
  .field.search {
    flex: 1 1 14rem;
  }
  .field input,
  .field select {
    max-width: 100%;
    font: inherit;
    font-size: var(--_aip-font-size-m);
    min-height: 36px;
    padding: var(--_aip-space-1) var(--_aip-space-2);
    /* A field's edge needs 3:1 against the page; the border token is for dividers. */
    border: 1px solid var(--_aip-color-text-muted);
    border-radius: var(--_aip-radius-s);
    background: var(--_aip-color-surface);
    color: var(--_aip-color-text);
  }
  .field.search input {
    width: 100%;
  }
  /* A select's field is as wide as the select, at most 14rem (a percentage cap on the select alone would leave
     the field as wide as the longest option), and grows into a row's spare room up to that. */
  .field:not(.search) {
    flex: 1 1 auto;
    max-width: min(14rem, 100%);
  }
  .field select {
    width: 100%;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--_min), 100%), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* Cards in a row share the tallest one's height. */
  [role='listitem'] {
    display: flex;
  }
  [role='listitem'] > aip-persona-card {
    flex: 1;
  }
  /* The windowed grid of a long list: rows of --_columns cards; padding stands in for the rows not rendered. */
  .windowed {
    display: block;
    box-sizing: border-box;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(var(--_columns, 1), minmax(0, 1fr));
    gap: var(--_gap);
    padding-bottom: var(--_gap);
  }
  /* The browser keeps what is in view in place as the page above it changes (scroll anchoring): never by what
     follows the cards, which a growing list carries down, and the view with it, to the list's new end. */
  .more,
  p[role='status'] {
    overflow-anchor: none;
  }
  /* Never laid out: its computed width and height give --aip-catalog-card-min-width and the gap in pixels. */
  .probe {
    display: none;
    width: var(--_min);
    height: var(--_gap);
  }
  dialog.detail {
    --_dialog-width: 64rem;
    width: 100%;
    max-height: calc(100dvh - 2rem);
    /* What focus or a link scrolls to stops below the sticky Close bar, not under it. */
    scroll-padding-block-start: 4.5rem;
    padding: var(--_aip-space-3) var(--_aip-space-5) var(--_aip-space-5);
    overflow: auto;
    overscroll-behavior: contain;
  }
  /* Stuck to the dialog's top edge (over its padding, from side to side) on
     the dialog's own surface, so the listing scrolls out of sight beneath it. */
  .detail-bar {
    position: sticky;
    top: calc(-1 * var(--_aip-space-3));
    z-index: 1;
    display: flex;
    justify-content: flex-end;
    margin: calc(-1 * var(--_aip-space-3)) calc(-1 * var(--_aip-space-5)) 0;
    padding: var(--_aip-space-3) var(--_aip-space-5) var(--_aip-space-2);
    background: var(--_aip-color-surface-raised);
  }
  /* The dialog focused itself (a dialog that scrolls is a Tab stop) draws its ring inside its 1 px border,
     where the bar lies over it: the bar draws the rest of the ring along its top and sides (a border, so
     forced colours keep it), and gives up as much padding, so Close and the listing keep their places. */
  dialog.detail:focus-visible .detail-bar {
    --_ring-inset: calc(var(--_aip-focus-ring-width) - 1px);
    border: var(--_ring-inset) solid var(--_aip-color-focus);
    border-bottom: 0;
    padding: calc(var(--_aip-space-3) - var(--_ring-inset)) calc(var(--_aip-space-5) - var(--_ring-inset))
      var(--_aip-space-2);
  }
  /* Printed, the open listing flows over as many pages as it needs, once. */
  @media print {
    dialog.detail {
      position: absolute;
      inset-block: 0 auto;
      margin-block: 0;
      max-height: none;
      overflow: visible;
    }
    .detail-bar {
      display: none;
    }
  }
  .state {
    display: grid;
    justify-items: center;
    gap: var(--_aip-space-2);
    padding: var(--_aip-space-5) var(--_aip-space-3);
    border: 1px dashed var(--_aip-color-border);
    border-radius: var(--_aip-radius-m);
    text-align: center;
  }
  .state p {
    margin: 0;
  }
  .state .hint {
    color: var(--_aip-color-text-muted);
    font-size: var(--_aip-font-size-s);
  }
  /* Said over the placeholders, so nothing moves when it appears. */
  .loading {
    position: relative;
  }
  /* Chosen, its code still on the way (a slow connection). */
  aip-persona-card[aria-busy='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  /* Kept in view while the buyer is further down the list, where the persona was chosen. */
  .open-error {
    position: sticky;
    top: var(--aip-catalog-sticky-top, var(--_aip-space-2));
    z-index: 1;
    margin: 0 0 var(--_aip-space-3);
    padding: var(--_aip-space-2) var(--_aip-space-3);
    border: 1px solid var(--_aip-color-danger);
    border-radius: var(--_aip-radius-s);
    background: var(--_aip-color-surface-raised);
    color: var(--_aip-color-danger);
    box-shadow: var(--_aip-shadow-raised);
  }
  .error .title {
    color: var(--_aip-color-danger);
    font-weight: var(--_aip-font-weight-strong);
  }
  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_aip-space-2);
    margin-top: var(--_aip-space-4);
  }
  .more .error {
    color: var(--_aip-color-danger);
    margin: 0;
  }
`;
