import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { storyOnly } from '../.storybook/argtypes.js';

interface Args {
  amount: number;
  currency: string;
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Price',
  component: 'aip-price',
  args: { amount: 4900, currency: 'USD', locale: 'en-US' },
  argTypes: {
    locale: storyOnly('string', '`locale` of the `<aip-storefront>` around the element, whose formats the price uses.'),
  },
  render: ({ amount, currency, locale }) =>
    html`<aip-storefront locale=${locale}
      ><aip-price amount=${amount} currency=${currency}></aip-price
    ></aip-storefront>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A whole amount drops its cents. */
export const WholeDollars: Story = {};

/** An amount with cents. */
export const WithCents: Story = { args: { amount: 19_999 } };

/** German formatting of a US dollar price. */
export const German: Story = { args: { amount: 123_456, locale: 'de-DE' } };

/** Spanish formatting of a euro price. */
export const Spanish: Story = { args: { amount: 5_000_000, currency: 'EUR', locale: 'es-ES' } };

/** A currency without minor units. */
export const Yen: Story = { args: { amount: 4900, currency: 'JPY', locale: 'ja-JP' } };

/** Arabic (Egypt) formatting of a US dollar price, right to left. */
export const Arabic: Story = { args: { amount: 123_456, locale: 'ar-EG' }, globals: { locale: 'ar-EG' } };
