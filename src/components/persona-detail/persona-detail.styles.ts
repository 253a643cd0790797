import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    /* The layout follows the element's own width, not the viewport's. */
    container-type: inline-size;
    --_radius: var(--aip-persona-detail-radius, var(--_aip-radius-m));
    --_ratio: var(--aip-persona-detail-gallery-ratio, 4 / 5);
    --_fit: var(--aip-persona-detail-media-fit, contain);
    --_thumb: var(--aip-persona-detail-thumbnail-size, 56px);
    --_gap: var(--aip-persona-detail-gap, var(--_aip-space-5));
  }

  /* The listing above, the ways to buy below. */
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  /* One column: header, gallery, text. Its own grid, so the sticky gallery stays beside the text. */
  .listing {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'header' 'gallery' 'info';
    gap: var(--_gap);
    align-items: start;
  }
  .header {
    grid-area: header;
  }
  .gallery-area {
    grid-area: gallery;
    min-width: 0;
  }
  .info {
    grid-area: info;
  }
  .status {
    grid-column: 1 / -1;
  }

  /* Two columns from 720px: the gallery beside the header and text, purchase below both. */
  @container (min-width: 720px) {
    .listing {
      grid-template-columns: var(--aip-persona-detail-columns, minmax(0, 1fr) minmax(0, 1fr));
      grid-template-rows: auto 1fr;
      grid-template-areas:
        'gallery header'
        'gallery info';
      column-gap: calc(var(--_gap) * 1.5);
    }
    .gallery-area {
      position: sticky;
      top: var(--_aip-space-4);
    }
  }
  /* On a short screen (a phone held sideways) a pinned gallery would hide its own thumbnails below the fold and
     slide under a host's sticky bar, such as the Close bar of the catalog's dialog: it scrolls with the text. */
  @media (max-height: 30rem) {
    .gallery-area {
      position: static;
    }
  }

  p {
    margin: 0;
  }
  h1,
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
  .muted,
  .meta,
  .disclosure {
    color: var(--_aip-color-text-muted);
    font-size: var(--_aip-font-size-s);
  }

  /* Header. */
  .header {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_aip-space-2);
  }
  [part='title'] {
    font-size: calc(var(--_aip-font-size-l) * 1.5);
  }
  .rating {
    font-weight: var(--_aip-font-weight-strong);
  }
  .badge {
    display: inline-block;
    padding: 2px var(--_aip-space-2);
    border-radius: 999px;
    background: var(--_aip-color-badge-surface);
    color: var(--_aip-color-badge-text);
    font-size: var(--_aip-font-size-s);
    font-weight: var(--_aip-font-weight-strong);
  }
  .price {
    font-size: var(--_aip-font-size-l);
    font-weight: var(--_aip-font-weight-strong);
  }
  .price-note {
    margin-inline-start: var(--_aip-space-1);
    color: var(--_aip-color-text-muted);
    font-size: var(--_aip-font-size-s);
    font-weight: normal;
  }

  /* Gallery: a scroll-snapped track, swiped natively on touch screens. */
  .viewport {
    position: relative;
  }
  .track {
    position: relative;
    display: flex;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scrollbar-width: none;
    border-radius: var(--_radius);
    background: var(--_aip-color-surface-sunken);
  }
  .track::-webkit-scrollbar {
    display: none;
  }
  @media (prefers-reduced-motion: no-preference) {
    .track {
      scroll-behavior: smooth;
    }
  }
  .slide {
    flex: 0 0 100%;
    aspect-ratio: var(--_ratio);
    /* A whole preview fits a short screen (a phone held sideways); the image is letterboxed in it. */
    max-height: 85dvh;
    scroll-snap-align: start;
    scroll-snap-stop: always;
  }
  .slide img,
  .slide video {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: var(--_fit);
  }
  .nav {
    position: absolute;
    top: 50%;
    translate: 0 -50%;
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    padding: 0;
    border-radius: 50%;
    border-color: var(--_aip-color-border);
    background: var(--_aip-color-surface-raised);
    color: var(--_aip-color-text);
    box-shadow: var(--_aip-shadow-raised);
  }
  /* Over a photo the ring alone could be any contrast: a halo of the button's own fill on both sides of it. */
  .nav:focus-visible {
    box-shadow: 0 0 0 calc(var(--aip-focus-ring-offset, 2px) + var(--_aip-focus-ring-width) + 2px)
      var(--_aip-color-surface-raised);
  }
  /* On paper, the shown preview takes half a page at most, and the arrows that only work on screen go. */
  @media print {
    .slide {
      max-height: 50vh;
    }
    .nav {
      display: none;
    }
  }
  .nav.prev {
    inset-inline-start: var(--_aip-space-2);
  }
  .nav.next {
    inset-inline-end: var(--_aip-space-2);
  }
  /* The arrow is dimmed, not the button: its focus ring keeps full contrast. */
  .nav[aria-disabled='true'] {
    opacity: 1;
    cursor: default;
  }
  .nav[aria-disabled='true'] svg {
    opacity: 0.45;
  }
  :host(:dir(rtl)) .nav svg {
    scale: -1 1;
  }
  .strip {
    display: flex;
    align-items: center;
    gap: var(--_aip-space-3);
    margin-top: var(--_aip-space-2);
  }
  .thumbnails {
    display: flex;
    flex: 1;
    gap: var(--_aip-space-2);
    /* Room for the focus ring inside the scroller. */
    padding: 4px;
    overflow-x: auto;
    scrollbar-width: thin;
  }
  .thumb {
    position: relative;
    flex: 0 0 var(--_thumb);
    width: var(--_thumb);
    height: var(--_thumb);
    padding: 0;
    border: 2px solid transparent;
    border-radius: var(--_aip-radius-s);
    background: var(--_aip-color-surface-sunken);
    overflow: hidden;
  }
  /* The current one is marked by its border alone: dimming the others would make them look disabled. */
  .thumb[aria-current='true'] {
    border-color: var(--_aip-color-accent);
  }
  /* Forced colours paint every border in one system colour, so the current
     thumbnail is told apart by the border's style and width as well. */
  @media (forced-colors: active) {
    .thumb {
      border-color: Canvas;
    }
    .thumb[aria-current='true'] {
      border: 4px double Highlight;
    }
  }
  .thumb img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  /* A play mark on video thumbnails. */
  .thumb.video::after {
    content: '';
    position: absolute;
    inset: 0;
    margin: auto;
    width: 0;
    height: 0;
    border-block: 8px solid transparent;
    border-inline-start: 13px solid #fff;
    filter: drop-shadow(0 0 2px rgb(0 0 0 / 0.6));
    /* Drawn with transparent borders, which forced colours would paint: keep it as drawn. */
    forced-color-adjust: none;
  }
  .position {
    flex: none;
    color: var(--_aip-color-text-muted);
    font-size: var(--_aip-font-size-s);
    font-variant-numeric: tabular-nums;
  }
  @media (prefers-reduced-motion: no-preference) {
    .thumb {
      transition:
        opacity var(--_aip-duration) ease,
        border-color var(--_aip-duration) ease;
    }
  }

  /* What stands in for rated media until the viewer confirms their age. */
  .cover {
    display: grid;
    place-content: center;
    justify-items: center;
    gap: var(--_aip-space-2);
    aspect-ratio: var(--_ratio);
    padding: var(--_aip-space-5);
    border-radius: var(--_radius);
    background: linear-gradient(135deg, var(--_aip-color-surface-sunken), var(--_aip-color-badge-surface));
    color: var(--_aip-color-text-muted);
    text-align: center;
  }
  .cover strong {
    font-size: calc(var(--_aip-font-size-l) * 1.5);
    color: var(--_aip-color-text);
  }
  .cover button {
    margin-top: var(--_aip-space-2);
    background: var(--_aip-color-surface, transparent);
  }

  /* Text column. */
  .info {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .info section {
    display: flex;
    flex-direction: column;
    gap: var(--_aip-space-2);
  }
  [part~='section-heading'] {
    font-size: var(--_aip-font-size-m);
  }
  .description p {
    line-height: 1.6;
  }
  .deliverables {
    margin: 0;
    padding-inline-start: 1.25em;
    line-height: 1.6;
  }

  /* Creator. */
  .creator {
    padding: var(--_aip-space-4);
    border: 1px solid var(--_aip-color-border);
    border-radius: var(--_radius);
    background: var(--_aip-color-surface);
    color: var(--_aip-color-text);
  }
  .creator-head {
    display: flex;
    align-items: center;
    gap: var(--_aip-space-3);
  }
  .avatar {
    flex: none;
    width: 48px;
    height: 48px;
    border-radius: 50%;
    object-fit: cover;
    background: var(--_aip-color-surface-sunken);
  }
  .creator-name {
    font-weight: var(--_aip-font-weight-strong);
  }
  .creator-bio {
    line-height: 1.6;
  }
  .creator a {
    display: inline-flex;
    align-items: center;
    min-height: 24px;
    color: var(--_aip-color-accent);
  }

  /* Purchase entry points. */
  .purchase {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  /* States. */
  .status {
    display: grid;
    gap: var(--_aip-space-2);
    justify-items: start;
    padding: var(--_aip-space-4);
    border: 1px solid var(--_aip-color-border);
    border-radius: var(--_radius);
  }
  .error {
    color: var(--_aip-color-danger);
  }
  .gallery.skeleton {
    position: relative;
  }
  .skeleton .slide.placeholder {
    border-radius: var(--_radius);
  }
  .skeleton .thumbnails {
    overflow: hidden;
  }
  .skeleton .thumb {
    border-radius: var(--_aip-radius-s);
    opacity: 1;
  }
  .skeleton.header,
  .skeleton.info {
    display: flex;
    flex-direction: column;
    gap: var(--_aip-space-3);
  }
  .skeleton .line {
    height: 0.9em;
    border-radius: 4px;
  }
  .skeleton .line.title {
    height: 1.6em;
    width: 70%;
  }
  .skeleton .line.short {
    width: 45%;
  }
  .avatar.placeholder {
    display: inline-block;
  }
`;
