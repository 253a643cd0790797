import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_gap: var(--aip-custom-order-gap, var(--_aip-space-4));
    --_min: var(--aip-custom-order-field-min-width, 14rem);
    --_radius: var(--aip-custom-order-radius, var(--_aip-radius-s));
    --_control-border: var(--aip-custom-order-control-border-color, var(--_aip-color-text-muted));
    --_control-bg: var(--aip-custom-order-control-background, var(--_aip-color-surface));
  }
  p,
  :is(h1, h2, h3, h4, h5, h6),
  ul,
  ol,
  dl,
  dd {
    margin: 0;
  }
  [part~='title'] {
    font-size: calc(var(--_aip-font-size-l) * 1.25);
    line-height: 1.25;
  }
  .sub {
    font-size: var(--_aip-font-size-m);
  }
  [part~='title']:focus,
  [part='alert']:focus {
    outline: none;
  }
  .base,
  .form,
  .section,
  .header,
  .confirmation {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .header,
  .confirmation {
    gap: var(--_aip-space-2);
  }
  .section {
    padding-top: var(--_aip-space-3);
    border-top: 1px solid var(--_aip-color-border);
  }
  .section > .sub {
    font-size: var(--_aip-font-size-l);
  }
  .section > .sub + .hint {
    margin-top: calc(var(--_aip-space-3) - var(--_gap));
  }
  .confirmation > .sub {
    margin-top: var(--_aip-space-3);
  }
  .hint,
  .muted,
  .optional {
    color: var(--_aip-color-text-muted);
    font-size: var(--_aip-font-size-s);
    font-weight: normal;
  }

  /* Paired fields share a row where there is room. */
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(var(--_min), 100%), 1fr));
    gap: var(--_gap);
    align-items: start;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_aip-space-1);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  label[part~='label'],
  legend,
  .other {
    font-weight: var(--_aip-font-weight-strong);
  }
  legend {
    padding: 0;
    margin-bottom: var(--_aip-space-1);
  }
  .other {
    margin-top: var(--_aip-space-2);
  }
  [part~='control'] {
    width: 100%;
    min-height: 40px;
    padding: var(--_aip-space-2) var(--_aip-space-3);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_control-bg);
    color: inherit;
    font: inherit;
    /* 16 px by default, as the catalog's fields: a phone's browser zooms the page into a smaller field on focus. */
    font-size: var(--_aip-font-size-m);
  }
  textarea[part~='control'] {
    resize: vertical;
  }
  .count,
  input[type='date'] {
    max-width: 12rem;
  }
  .invalid [part~='control'] {
    border-color: var(--_aip-color-danger);
    box-shadow: inset 0 0 0 1px var(--_aip-color-danger);
  }
  /* Forced colours drop the shadow: the edge is doubled instead. */
  @media (forced-colors: active) {
    .invalid [part~='control'] {
      border: 3px double;
    }
  }
  .field-error {
    color: var(--_aip-color-danger);
    font-size: var(--_aip-font-size-s);
    font-weight: var(--_aip-font-weight-strong);
  }
  .money {
    position: relative;
  }
  .money [part~='control'] {
    padding-inline-start: 1.75em;
  }
  .currency {
    position: absolute;
    inset-block: 0;
    inset-inline-start: var(--_aip-space-3);
    display: grid;
    place-items: center;
    color: var(--_aip-color-text-muted);
  }
  /* Where the language writes the sign after the amount ("250,00 $"), so does the field. */
  .sign-after [part~='control'] {
    padding-inline: var(--_aip-space-3) 1.75em;
  }
  .sign-after .currency {
    inset-inline: auto var(--_aip-space-3);
  }
  .sign-long [part~='control'] {
    padding-inline-start: 2.75em;
  }
  .sign-long.sign-after [part~='control'] {
    padding-inline: var(--_aip-space-3) 2.75em;
  }

  /* Radios and checkboxes: whole-row targets. */
  .options {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(13rem, 100%), 1fr));
    gap: var(--_aip-space-2);
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--_aip-space-2);
    min-height: 40px;
    padding: var(--_aip-space-1) var(--_aip-space-3);
    border: 1px solid var(--_aip-color-border);
    border-radius: var(--_radius);
    background: var(--_control-bg);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_aip-color-accent);
    box-shadow: inset 0 0 0 1px var(--_aip-color-accent);
  }
  .invalid .option {
    border-color: var(--_aip-color-danger);
  }
  .option input {
    flex: none;
    width: 18px;
    height: 18px;
    margin: 0;
    accent-color: var(--_aip-color-accent);
  }

  .error-summary,
  .alert {
    display: grid;
    justify-items: start;
    gap: var(--_aip-space-2);
    padding: var(--_aip-space-4);
    border: 2px solid var(--_aip-color-danger);
    border-radius: var(--_radius);
  }
  .error-summary ul {
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: var(--_aip-color-danger);
    font-weight: var(--_aip-font-weight-strong);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_aip-space-3);
  }

  .confirmation .mark {
    color: var(--_aip-color-success);
  }
  .request-number {
    font-family: ui-monospace, monospace;
    font-size: var(--_aip-font-size-l);
  }
  .brief-summary {
    display: grid;
    gap: var(--_aip-space-1);
    padding: var(--_aip-space-3) var(--_aip-space-4);
    border-radius: var(--_radius);
    background: var(--_aip-color-surface-sunken);
  }
  /* Label beside value where there is room; below it where there is not (a phone, large text). */
  .brief-summary div {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(8rem, 100%), 1fr));
    gap: 0 var(--_aip-space-2);
  }
  .brief-summary dt {
    color: var(--_aip-color-text-muted);
  }
  .brief-summary dd {
    overflow-wrap: anywhere;
  }
  .next-steps {
    display: grid;
    gap: var(--_aip-space-2);
    padding-inline-start: 1.4em;
    line-height: 1.5;
  }
  .confirmation > button {
    justify-self: start;
    align-self: flex-start;
  }

  .status {
    display: grid;
    justify-items: start;
    gap: var(--_aip-space-2);
  }
  .error {
    color: var(--_aip-color-danger);
  }
  .skeleton {
    display: grid;
    gap: var(--_aip-space-2);
  }
  .skeleton > div {
    border-radius: var(--_radius);
  }
  .line {
    height: 1em;
    width: 60%;
  }
  .line.title {
    height: 1.6em;
    width: 45%;
  }
  .line.short {
    width: 80%;
    margin-bottom: var(--_aip-space-3);
  }
  .line.label {
    width: 25%;
    margin-top: var(--_aip-space-2);
  }
  .box {
    height: 40px;
  }
`;
