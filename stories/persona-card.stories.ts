import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/index.js';
import { storefrontMaxRating, storefrontTheme, storyOnly } from '../.storybook/argtypes.js';

interface Args {
  persona: string;
  layout: string;
  fallback: boolean;
  api: string;
  'max-rating': string;
  'max-tags': number;
  theme: string;
}

// Cards load their listing from the reference marketplace by id. (Not a doc
// comment: Storybook would show it in place of the element's description.)
const meta: Meta<Args> = {
  title: 'Elements/Persona card',
  component: 'aip-persona-card',
  args: {
    persona: 'noor-haddad',
    layout: 'vertical',
    fallback: false,
    api: '',
    'max-rating': 'general',
    'max-tags': 3,
    theme: 'light',
  },
  argTypes: {
    fallback: storyOnly('boolean', 'Put a fallback link to the listing in the card (its default slot).'),
    'max-rating': storefrontMaxRating,
    theme: storefrontTheme,
  },
  render: (args) => html`
    <aip-storefront api=${args.api} max-rating=${args['max-rating']} theme=${args.theme}>
      <aip-persona-card
        style="max-width: ${args.layout === 'vertical' ? '280px' : '480px'}"
        persona=${args.persona || nothing}
        layout=${args.layout}
        max-tags=${args['max-tags']}
        >${
          args.fallback
            ? html`<a href="https://marketplace.example/p/${args.persona}"
                >${args.persona}: AI persona on the marketplace</a
              >`
            : nothing
        }</aip-persona-card
      >
    </aip-storefront>
  `,
};
export default meta;
type Story = StoryObj<Args>;

/** Open for Commercial and Exclusive licenses: the "from" price is the Commercial one. */
export const Open: Story = {};

/** Under an active Exclusive: a dated badge and no price. */
export const ExclusivelyLicensed: Story = { args: { persona: 'elio-marchetti' } };

/** Ownership was transferred: no longer for sale. */
export const Assigned: Story = { args: { persona: 'kai-nakamura' } };

/** Rated content on a storefront that allows it: covered, and its image never requested. */
export const RatedCovered: Story = { args: { persona: 'lena-voss', 'max-rating': 'suggestive' } };

/** Rated content above the storefront's limit is not shown at all. */
export const AboveRatingLimit: Story = { args: { persona: 'scarlett-vane' } };

/** Image beside the text. */
export const Horizontal: Story = { args: { layout: 'horizontal' } };

/** A thumbnail row for lists and sidebars. */
export const Compact: Story = { args: { layout: 'compact', persona: 'elio-marchetti' } };

/** The marketplace is down: the host's fallback link shows and works. */
export const FallbackLink: Story = { args: { api: '/_fault/status=503', fallback: true } };

/** The 18+ confirmation, opened from a covered card. */
export const AgeConfirmation: Story = {
  args: { persona: 'lena-voss', 'max-rating': 'suggestive' },
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('aip-persona-card')!;
    for (let i = 0; i < 50 && !card.shadowRoot?.querySelector('[part="reveal-button"]'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    card.shadowRoot?.querySelector<HTMLButtonElement>('[part="reveal-button"]')?.click();
  },
};

/** Placeholder of the final size, before any data. */
export const Loading: Story = { args: { persona: '' } };

/** The marketplace is slow (3 s): the placeholder holds the space. */
export const SlowMarketplace: Story = { args: { api: '/_fault/latency=3000' } };

/** The listing no longer exists. */
export const NotFound: Story = { args: { persona: 'no-such-persona' } };

/** The host gave something that is no listing id: the card says it can't show it and shows the host's link (the console says why). */
export const NotAnId: Story = { args: { persona: 'mina park', fallback: true } };

/** The marketplace fails: a message and a retry. */
export const ServerError: Story = { args: { api: '/_fault/status=503' } };

/** Many tags, capped with "+N more". */
export const FewTags: Story = { args: { persona: 'mara-lindqvist', 'max-tags': 2 } };

/** The dark token set. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  // The Theme toolbar's dark setting: dark page colours around the story, theme="dark" on the storefront.
  globals: { theme: 'dark' },
};

/** The marketplace answers with JSON of the wrong shape: the client refuses it, and the card says so. */
export const MalformedResponse: Story = { args: { api: '/_fault/body=schema' } };

/** Inside an Arabic storefront: right to left, Arabic number formats. */
export const RightToLeft: Story = { globals: { locale: 'ar-EG' } };
