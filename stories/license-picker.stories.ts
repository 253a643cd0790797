import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { storyOnly } from '../.storybook/argtypes.js';

interface Args {
  persona: string;
  value: string;
  locale: string;
  api: string;
  required: boolean;
  disabled: boolean;
}

// The tiers of one persona from the reference marketplace. Its seed holds a
// persona in every licensing state, so each availability case is a story. (Not
// a doc comment: Storybook would show it in place of the element's
// description.)
const meta: Meta<Args> = {
  title: 'Elements/License picker',
  component: 'aip-license-picker',
  args: { persona: 'noor-haddad', value: '', locale: 'en-US', api: '', required: false, disabled: false },
  argTypes: {
    locale: storyOnly(
      'string',
      '`locale` of the `<aip-storefront>` around the element: the language and formats of prices and dates.',
      {
        control: 'select',
        options: ['en-US', 'en-GB', 'de-DE', 'es-ES', 'fr-FR', 'ja-JP', 'ar-EG'],
      },
    ),
  },
  render: (args) => html`
    <aip-storefront api=${args.api} locale=${args.locale}>
      <aip-license-picker
        persona=${args.persona}
        value=${args.value}
        ?required=${args.required}
        ?disabled=${args.disabled}
      ></aip-license-picker>
    </aip-storefront>
  `,
};
export default meta;
type Story = StoryObj<Args>;

/** Open: Commercial and Exclusive for sale; Ownership needs an active Exclusive. */
export const Open: Story = {};

/** A tier chosen. */
export const CommercialSelected: Story = { args: { value: 'commercial' } };

/** An Exclusive is running: nothing for sale, with the date it ends. */
export const ExclusiveActive: Story = { args: { persona: 'elio-marchetti' } };

/** Ownership was bought: the persona is off the market. */
export const Assigned: Story = { args: { persona: 'kai-nakamura' } };

/** The Exclusive expired without an Ownership sale: sales reopened. */
export const ExclusiveExpired: Story = { args: { persona: 'theo-brandt' } };

/** Commercial licenses are running: the Exclusive card discloses them. */
export const WithCommercialTail: Story = { args: { persona: 'mara-lindqvist' } };

/** Required in a form, not yet chosen. */
export const Required: Story = {
  args: { required: true },
  render: (args) => html`
    <form @submit=${(e: Event) => e.preventDefault()}>
      <aip-license-picker persona=${args.persona} required></aip-license-picker>
      <p><button>Continue</button></p>
    </form>
  `,
};

/** Required, and the form sent with no tier chosen: focus on the first tier, and the picker says what is missing. */
export const RequiredAfterSubmit: Story = {
  ...Required,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('aip-license-picker')!;
    for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('input'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    canvasElement.querySelector('form')!.requestSubmit();
  },
};

/** Disabled as a whole (e.g. while a checkout is in progress). */
export const Disabled: Story = { args: { disabled: true, value: 'exclusive' } };

/** German prices and dates. */
export const German: Story = { args: { locale: 'de-DE', persona: 'elio-marchetti' } };

/** Spanish prices. */
export const Spanish: Story = { args: { locale: 'es-ES' } };

/** Japanese formatting of US dollars. */
export const Japanese: Story = { args: { locale: 'ja-JP' } };

/** While the marketplace answers (held for 30 s, long enough to look at). */
export const Loading: Story = { args: { api: '/_fault/latency=30000' } };

/** The marketplace fails. */
export const ServerError: Story = { args: { api: '/_fault/status=500' } };

/**
 * Only the pricing policy fails: the tiers show the server's prices (what is
 * charged) unchecked, and the console says so.
 */
export const PolicyUnavailable: Story = { args: { api: '/_fault/status=503,only=pricing-policy' } };

/** The persona is gone. */
export const NotFound: Story = { args: { persona: 'no-such-persona' } };

/** The "Compare licenses" dialog, opened. */
export const CompareDialog: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('aip-license-picker')!;
    for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('[part="compare-button"]'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    el.shadowRoot?.querySelector<HTMLButtonElement>('[part="compare-button"]')?.click();
  },
};

/** The Exclusive tier chosen. */
export const ExclusiveSelected: Story = { args: { value: 'exclusive' } };

/** Arabic: right to left, Arabic digits and dates. */
export const RightToLeft: Story = { args: { locale: 'ar-EG' }, globals: { locale: 'ar-EG' } };

/** The marketplace sends a body that is not JSON. */
export const MalformedResponse: Story = { args: { api: '/_fault/body=malformed' } };
