import { unsafeCSS } from 'lit';

/**
 * The design tokens: public `--aip-*` custom properties and their light
 * defaults. A host page sets any of them on any ancestor of an element.
 * Inside the elements every token is read through a private twin
 * (`--_aip-color-accent`) that falls back to the default, so the defaults are
 * written once, here.
 */
export const TOKENS = {
  /** Text colour: the host's by default. */
  '--aip-color-text': 'currentColor',
  /** Secondary text, and the edges of fields (3:1 against the surface). */
  '--aip-color-text-muted': '#55555f',
  /**
   * What `<aip-storefront>` paints behind everything inside it: nothing by
   * default (the page shows through), dark in the dark theme, so a dark
   * storefront stays readable on a light page.
   */
  '--aip-color-canvas': 'transparent',
  /** Background of cards and boxes: the page's by default. */
  '--aip-color-surface': 'transparent',
  /** Recessed areas: placeholders behind images, notices, the covered 18+ preview. */
  '--aip-color-surface-sunken': '#f3f2f7',
  /** Surfaces that float above the page: dialogs and the gallery's buttons. */
  '--aip-color-surface-raised': '#ffffff',
  /** Hairlines between and around boxes (not fields: those use the muted text colour). */
  '--aip-color-border': 'rgb(0 0 0 / 0.14)',
  /** Brand colour: primary buttons, links, the selected tier. */
  '--aip-color-accent': '#4b36cc',
  /** Text on the accent colour (primary buttons). */
  '--aip-color-on-accent': '#ffffff',
  /** Errors: messages, invalid fields, the failure boxes. */
  '--aip-color-danger': '#b3261e',
  /** Done: the certificate's frame, the sent brief's mark. */
  '--aip-color-success': '#1b6e3a',
  /** Background of availability badges ("Exclusively licensed until …"). */
  '--aip-color-badge-surface': '#ece8ff',
  /** Text of availability badges. */
  '--aip-color-badge-text': '#33236f',
  /** Loading placeholders. */
  '--aip-color-skeleton': 'rgb(0 0 0 / 0.07)',
  /** The focus ring. */
  '--aip-color-focus': '#4b36cc',
  /** Corner radius of fields, buttons and small boxes. */
  '--aip-radius-s': '6px',
  /** Corner radius of cards and dialogs. */
  '--aip-radius-m': '12px',
  /** Spacing, smallest step. */
  '--aip-space-1': '4px',
  /** Spacing, second step. */
  '--aip-space-2': '8px',
  /** Spacing, third step: gaps inside cards. */
  '--aip-space-3': '12px',
  /** Spacing, fourth step: padding of boxes. */
  '--aip-space-4': '16px',
  /** Spacing, largest step: padding of dialogs. */
  '--aip-space-5': '24px',
  /** Small text: meta lines, hints, tags. Grows with the reader's text size, never below 13 px. */
  '--aip-font-size-s': 'max(0.8125rem, 13px)',
  /** Body text and form fields (16 px keeps a phone from zooming into a field), never below it. */
  '--aip-font-size-m': 'max(1rem, 16px)',
  /** Headings inside the elements, never below 18 px. */
  '--aip-font-size-l': 'max(1.125rem, 18px)',
  /** Weight of names, prices and labels. */
  '--aip-font-weight-strong': '600',
  /** Shadow of raised surfaces: a card on hover, the gallery's buttons. */
  '--aip-shadow-raised': '0 1px 2px rgb(0 0 0 / 0.08), 0 4px 12px rgb(0 0 0 / 0.06)',
  /** Width of the focus ring. */
  '--aip-focus-ring-width': '2px',
  /** Length of transitions; none for readers who ask for reduced motion. */
  '--aip-duration': '160ms',
} as const;

export type TokenName = keyof typeof TOKENS;

/**
 * The dark values, set by `<aip-storefront theme="dark">` (or `auto` in a dark
 * scheme) together with `color-scheme: dark`, so the browser's own controls
 * (radios, checkboxes, selects, scrollbars) are dark too.
 */
export const DARK_TOKENS: Partial<Record<TokenName, string>> = {
  '--aip-color-text': '#ececf1',
  '--aip-color-text-muted': '#b4b4c2',
  '--aip-color-canvas': '#121217',
  '--aip-color-surface': '#1d1d24',
  '--aip-color-surface-sunken': '#2a2a33',
  '--aip-color-surface-raised': '#26262f',
  '--aip-color-border': 'rgb(255 255 255 / 0.18)',
  '--aip-color-accent': '#a99bff',
  '--aip-color-on-accent': '#16112e',
  '--aip-color-danger': '#ffb4ab',
  '--aip-color-success': '#8fd8a4',
  '--aip-color-badge-surface': '#3a3450',
  '--aip-color-badge-text': '#e7e0ff',
  '--aip-color-skeleton': 'rgb(255 255 255 / 0.08)',
  '--aip-color-focus': '#a99bff',
};

const declarations = (entries: [string, string][]) => entries.map(([k, v]) => `${k}: ${v};`).join('\n');

/**
 * `:host` rules declaring each private token from its public twin. Include in
 * every element's styles. A viewer who asks for more contrast gets borders in
 * the muted text colour, whatever border colour the page chose.
 */
export const tokenStyles = unsafeCSS(
  `:host {\n${declarations(
    Object.entries(TOKENS).map(([name, fallback]) => [`--_${name.slice(2)}`, `var(${name}, ${fallback})`]),
  )}\n}\n@media (prefers-contrast: more) { :host { --_aip-color-border: var(--_aip-color-text-muted); } }`,
);

/** The dark token values as declarations, for a `:host([theme=dark])` block. */
export const darkDeclarations = unsafeCSS(declarations(Object.entries(DARK_TOKENS) as [string, string][]));
