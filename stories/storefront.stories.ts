import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { storyOnly } from '../.storybook/argtypes.js';

interface Args {
  creator: string;
  locale: string;
  theme: string;
  accent: string;
}

// The provider: everything inside shares its client, creator, locale and theme.
// (Not a doc comment: Storybook would show it in place of the element's
// description.)
const meta: Meta<Args> = {
  title: 'Elements/Storefront',
  component: 'aip-storefront',
  args: { creator: 'kite-and-kiln', locale: 'en-US', theme: 'light', accent: '#4b36cc' },
  argTypes: {
    accent: storyOnly(
      'string',
      '`--aip-color-accent` set on the storefront in the story (a CSS custom property, not an attribute).',
      {
        control: 'color',
      },
    ),
  },
  render: ({ creator, locale, theme, accent }) => html`
    <aip-storefront creator=${creator} locale=${locale} theme=${theme} style="--aip-color-accent: ${accent}">
      <aip-catalog page-size="4"></aip-catalog>
    </aip-storefront>
  `,
};
export default meta;
type Story = StoryObj<Args>;

/** Defaults: the host's font, light tokens. */
export const Default: Story = {};

/** German number and date formats. */
export const GermanLocale: Story = { args: { locale: 'de-DE', creator: 'lumen-foundry' } };

/** A brand colour set with one custom property: the filled "Show more" button takes it. */
export const BrandAccent: Story = {
  args: { accent: '#b8401f' },
  render: ({ creator, locale, theme, accent }) => html`
    <aip-storefront creator=${creator} locale=${locale} theme=${theme} style="--aip-color-accent: ${accent}">
      <aip-catalog page-size="2"></aip-catalog>
    </aip-storefront>
  `,
};

/** The dark token set, on a dark page. */
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' } };

/** Arabic: the page runs right to left and prices use Arabic digits. */
export const RightToLeft: Story = { args: { locale: 'ar-EG', creator: 'lumen-foundry' }, globals: { locale: 'ar-EG' } };

/** Unknown values warn once in the console and fall back (light theme, the page's locale); nothing breaks. */
export const InvalidSettings: Story = { args: { theme: 'neon', locale: 'not a locale' } };

/**
 * The storefront's `timeout` and `retries` apply to every element inside: here
 * the marketplace takes 30 s, the storefront gives up after 3 s without
 * retrying, and the catalog offers "Try again".
 */
export const Timeout: Story = {
  render: ({ creator }) => html`
    <aip-storefront api="/_fault/latency=30000" creator=${creator} timeout="3000" retries="0">
      <aip-catalog page-size="4"></aip-catalog>
    </aip-storefront>
  `,
};
