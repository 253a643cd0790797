import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_radius: var(--aip-persona-card-radius, var(--_aip-radius-m));
    --_ratio: var(--aip-persona-card-media-ratio, 4 / 5);
  }
  article {
    position: relative;
    display: flex;
    flex-direction: column;
    height: 100%;
    border: 1px solid var(--_aip-color-border);
    border-radius: var(--_radius);
    background: var(--_aip-color-surface);
    color: var(--_aip-color-text);
    overflow: hidden;
    /* Names, creators and tags are the host's data, in any language: a word
       longer than the card (a German compound) breaks rather than overflows. */
    overflow-wrap: anywhere;
    hyphens: auto;
    transition: box-shadow var(--_aip-duration) ease;
  }
  article:hover,
  article:focus-within {
    box-shadow: var(--_aip-shadow-raised);
  }
  .media {
    position: relative;
    aspect-ratio: var(--_ratio);
    background: var(--_aip-color-surface-sunken);
    overflow: hidden;
  }
  .media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .cover {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: safe center;
    /* Large text in a small box (the horizontal layout): the cover scrolls rather than hide its Show button. */
    overflow: auto;
    gap: var(--_aip-space-1);
    text-align: center;
    padding: var(--_aip-space-3);
    background: linear-gradient(135deg, var(--_aip-color-surface-sunken), var(--_aip-color-badge-surface));
    color: var(--_aip-color-text-muted);
    font-size: var(--_aip-font-size-s);
  }
  .cover button {
    justify-self: center;
    margin-top: var(--_aip-space-1);
    background: var(--_aip-color-surface, transparent);
  }
  .cover strong {
    font-size: var(--_aip-font-size-l);
    color: var(--_aip-color-text);
  }
  .badge {
    position: absolute;
    inset-block-start: var(--_aip-space-2);
    inset-inline-start: var(--_aip-space-2);
    max-width: calc(100% - 2 * var(--_aip-space-2));
    padding: 2px var(--_aip-space-2);
    border-radius: 999px;
    background: var(--_aip-color-badge-surface);
    color: var(--_aip-color-badge-text);
    font-size: var(--_aip-font-size-s);
    font-weight: var(--_aip-font-weight-strong);
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: var(--_aip-space-1);
    padding: var(--_aip-space-3);
    flex: 1;
    /* Beside the image (horizontal, compact) it may shrink below its longest word. */
    min-width: 0;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    font-size: var(--_aip-font-size-l);
    line-height: 1.3;
  }
  .select {
    all: unset;
    cursor: pointer;
    border-radius: var(--_aip-radius-s);
  }
  /* The name's button stretches over the whole card, so a click anywhere
     opens the listing; every other control is lifted above that layer, or the
     click meant for it would land on the name. */
  .select::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  article :is(a[href], button, input, select, textarea, summary):not(.select) {
    position: relative;
    z-index: 1;
  }
  .select:focus-visible {
    outline: none;
  }
  article:has(.select:focus-visible) {
    outline: var(--_aip-focus-ring-width) solid var(--_aip-color-focus);
    outline-offset: 2px;
  }
  p {
    margin: 0;
  }
  .meta,
  .disclosure {
    color: var(--_aip-color-text-muted);
    font-size: var(--_aip-font-size-s);
  }
  .tags {
    margin-top: var(--_aip-space-1);
  }
  .price {
    margin-top: auto;
    padding-top: var(--_aip-space-2);
    font-weight: var(--_aip-font-weight-strong);
  }
  .unavailable {
    color: var(--_aip-color-text-muted);
    font-weight: normal;
  }
  .state {
    display: grid;
    gap: var(--_aip-space-2);
    align-content: center;
    justify-items: start;
  }
  .error {
    color: var(--_aip-color-danger);
  }
  /* Skeleton lines take the height of the lines they stand for (one line of
     each, a row of tags), so the card that replaces them is the same size. */
  .skeleton .line {
    box-sizing: content-box;
    height: calc(1lh - 4px);
    border-block: 2px solid transparent;
    border-radius: 6px;
    background-clip: content-box;
  }
  .skeleton .title {
    width: 70%;
    font-size: var(--_aip-font-size-l);
    line-height: 1.3;
  }
  .skeleton .meta {
    width: 55%;
  }
  .skeleton .tags {
    width: 75%;
    height: calc(1lh - 2px);
    font-size: var(--_aip-font-size-s);
    line-height: 1.7;
    border-radius: 999px;
  }
  .skeleton .price {
    width: 35%;
  }
  .skeleton .disclosure {
    width: 85%;
  }
  /* Horizontal: the image beside the text. */
  :host([layout='horizontal']) article {
    flex-direction: row;
  }
  :host([layout='horizontal']) .media {
    flex: 0 0 var(--aip-persona-card-media-width, 40%);
    align-self: flex-start;
  }
  /* The image is narrow here: the badge runs along its foot, where it hides
     the least of the portrait and has the image's whole width to wrap in. */
  :host([layout='horizontal']) .badge {
    inset: auto 0 0;
    max-width: none;
    padding: 2px var(--_aip-space-1);
    border-radius: 0;
    font-size: calc(0.75 * var(--_aip-font-size-m));
    line-height: 1.25;
    text-align: center;
  }
  /* Compact: a thumbnail row for lists and sidebars. */
  :host([layout='compact']) article {
    flex-direction: row;
    align-items: center;
  }
  :host([layout='compact']) .media {
    flex: 0 0 64px;
    margin: var(--_aip-space-2);
    border-radius: var(--_aip-radius-s);
  }
  :host([layout='compact']) .cover {
    padding: 0;
  }
  :host([layout='compact']) .cover span,
  :host([layout='compact']) .cover strong {
    display: none;
  }
  :host([layout='compact']) .cover button {
    margin: 0;
    padding: 0 var(--_aip-space-1);
    font-size: var(--_aip-font-size-s);
  }
  :host([layout='compact']) .body {
    padding: var(--_aip-space-2) var(--_aip-space-3) var(--_aip-space-2) 0;
    gap: 0;
  }
  :host([layout='compact']) h2,
  :host([layout='compact']) h3,
  :host([layout='compact']) h4 {
    font-size: var(--_aip-font-size-m);
  }
  /* One line per row: a name too long for it ends in an ellipsis (the button
     is what holds the text, so it is the box that truncates). */
  :host([layout='compact']) .select {
    display: block;
    max-width: 100%;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  :host([layout='compact']) .price {
    padding-top: 0;
  }
  :host([layout='compact']) .skeleton .tags {
    display: none;
  }
  :host([layout='compact']) .skeleton .title {
    font-size: var(--_aip-font-size-m);
  }
  :host([layout='compact']) .disclosure {
    font-size: calc(0.75 * var(--_aip-font-size-m));
  }
  article.has-fallback {
    border-bottom: 0;
    border-end-start-radius: 0;
    border-end-end-radius: 0;
  }
  .fallback {
    padding: 0 var(--_aip-space-3) var(--_aip-space-3);
    border: 1px solid var(--_aip-color-border);
    border-top: 0;
    border-end-start-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
    background: var(--_aip-color-surface);
    color: var(--_aip-color-text);
  }
`;
