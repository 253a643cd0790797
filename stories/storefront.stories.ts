import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';

interface Args {
  creator: string;
  locale: string;
  theme: string;
  accent: string;
}

/** The provider: everything inside shares its client, creator, locale and theme. */
const meta: Meta<Args> = {
  title: 'Elements/Storefront',
  component: 'aip-storefront',
  args: { creator: 'kite-and-kiln', locale: 'en-US', theme: 'light', accent: '#4b36cc' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    accent: { control: 'color' },
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

/** A brand colour set with one custom property. */
export const BrandAccent: Story = { args: { accent: '#b8401f' } };
