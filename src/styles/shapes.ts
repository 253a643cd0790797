import { css } from 'lit';

/**
 * Shapes more than one element draws: `.chips` (a wrapping list of pill
 * labels, such as tags and use cases), `.pulse` (a loading placeholder
 * inside a `.skeleton`: it breathes, and holds still for viewers who ask for
 * reduced motion) and `.slow-note` (said over the placeholders when an
 * answer is slow to come; it floats, so nothing moves when it appears).
 */
export const shapeStyles = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_aip-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chips > li {
    max-width: 100%;
    overflow-wrap: anywhere;
    padding: 0 var(--_aip-space-2);
    border: 1px solid var(--_aip-color-border);
    /* Round ends of one line's height, so a chip that wraps stays a rounded box. */
    border-radius: calc(0.85em + 1px);
    font-size: var(--_aip-font-size-s);
    line-height: 1.7;
  }
  .skeleton .pulse {
    background: var(--_aip-color-skeleton);
  }
  /* Forced colours drop the fill: an outline keeps the placeholders in sight. */
  @media (forced-colors: active) {
    .skeleton .pulse {
      outline: 1px solid GrayText;
      outline-offset: -1px;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton .pulse {
      animation: aip-pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes aip-pulse {
    50% {
      opacity: 0.5;
    }
  }
  .slow-note {
    position: absolute;
    inset-block-start: var(--_aip-space-5);
    inset-inline: 0;
    width: fit-content;
    max-width: calc(100% - 2 * var(--_aip-space-3));
    margin: 0 auto;
    padding: var(--_aip-space-3) var(--_aip-space-4);
    border: 1px solid var(--_aip-color-border);
    border-radius: var(--_aip-radius-m);
    background: var(--_aip-color-surface-raised);
    box-shadow: var(--_aip-shadow-raised);
    text-align: center;
  }
`;
