import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import './my-shop.js';

/**
 * Live examples for the Theming guide (`Theming.mdx`): the page's font, parts,
 * parts forwarded through nested elements, and the two brand examples. Each
 * story's source is the markup and CSS a host page would write; the listings
 * come from the reference marketplace mounted in Storybook.
 */
const meta: Meta = {
  title: 'Guides/Theming',
  // The guide is this file's docs page; no generated one.
  tags: ['!autodocs'],
  parameters: { docs: { canvas: { sourceState: 'shown' } } },
};
export default meta;
type Story = StoryObj;

/**
 * No tokens set: the elements take the page's font and text colour, so an embed
 * looks native. Here the host's own CSS sets a serif and a dark brown.
 */
export const HostFont: Story = {
  render: () => html`
    <style>
      .host-page {
        font-family: Georgia, 'Times New Roman', serif;
        color: #3b2a1e;
      }
      /* The same host page in dark (the toolbar's Dark theme): its own light text. */
      .aip-sb-dark .host-page {
        color: #ecd9c6;
      }
      .host-page aip-persona-card {
        max-width: 260px;
      }
    </style>
    <div class="host-page">
      <p>This paragraph is the host page's own text. The card below inherits its font and colour.</p>
      <aip-storefront>
        <aip-persona-card persona="noor-haddad"></aip-persona-card>
      </aip-storefront>
    </div>
  `,
};

/** Single regions restyled with `::part()`: title, badge, price and the card's frame. */
export const Parts: Story = {
  render: () => html`
    <style>
      .parts-demo {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 260px));
        gap: 16px;
      }
      /* Colours through the accent token, so a dark theme's lighter accent applies here too. */
      .parts-demo aip-persona-card::part(base) {
        border-width: 2px;
        border-color: var(--aip-color-accent, #4b36cc);
      }
      .parts-demo aip-persona-card::part(title) {
        font-size: 1.375rem;
        letter-spacing: -0.01em;
      }
      .parts-demo aip-persona-card::part(badge) {
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .parts-demo aip-persona-card::part(price) {
        color: var(--aip-color-accent, #4b36cc);
      }
    </style>
    <aip-storefront class="parts-demo">
      <aip-persona-card persona="noor-haddad"></aip-persona-card>
      <aip-persona-card persona="elio-marchetti"></aip-persona-card>
    </aip-storefront>
  `,
};

/**
 * A part inside a nested element is reachable from the page when each level
 * forwards it with `exportparts`. The catalog forwards its cards' parts as
 * `card-<part>`; the host's own element (`my-shop`, defined in `my-shop.js`)
 * forwards the catalog's parts once more under its own names.
 */
export const ForwardedParts: Story = {
  render: () => {
    return html`
      <style>
        aip-catalog.forwarded::part(card-title) {
          color: var(--aip-color-accent, #4b36cc);
        }
        aip-catalog.forwarded::part(card-base) {
          border-style: dashed;
        }
        my-shop::part(shop-card-title) {
          text-decoration: underline;
          text-decoration-thickness: 2px;
        }
      </style>
      <aip-storefront creator="nova-studio">
        <h3>The catalog's own forwarded parts</h3>
        <aip-catalog class="forwarded" page-size="3" filters="none"></aip-catalog>
        <h3>Forwarded again by the host's element</h3>
        <my-shop></my-shop>
      </aip-storefront>
    `;
  },
};

/** Space between the examples' elements (not part of the brand). */
const stack = html`<style>
  aip-storefront.stack > * + * {
    display: block;
    margin-block-start: 24px;
  }
</style>`;

/** A catalog and a license picker inside the `brand-<name>` class of `brands.css`. */
const branded = (name: 'forest' | 'ember') => html`
  ${stack}
  <div class="brand-${name}">
    <aip-storefront creator="nova-studio" class="stack">
      <aip-catalog page-size="3" filters="search sort"></aip-catalog>
      <aip-license-picker persona="noor-haddad" value="exclusive"></aip-license-picker>
    </aip-storefront>
  </div>
`;

/** The "Forest" brand of `brands.css`: deep green, nearly square corners, a serif. */
export const Forest: Story = { render: () => branded('forest') };

/** The "Ember" brand of `brands.css`: warm red, pill-shaped buttons, a humanist sans-serif. */
export const Ember: Story = { render: () => branded('ember') };

/**
 * Tokens set on the `<aip-storefront>` element itself win over its built-in
 * dark values (a page's rule beats the element's own `:host` rule), so a brand
 * colour survives `theme="dark"`.
 */
export const DarkWithBrandAccent: Story = {
  globals: { theme: 'dark' },
  render: () => html`
    <style>
      aip-storefront.dark-brand {
        --aip-color-accent: #7fd1a8;
        --aip-color-focus: #7fd1a8;
        --aip-color-on-accent: #0c2418;
      }
    </style>
    <aip-storefront class="dark-brand" theme="dark">
      <aip-license-picker persona="noor-haddad" value="commercial"></aip-license-picker>
    </aip-storefront>
  `,
};
