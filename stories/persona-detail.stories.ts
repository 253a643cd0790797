import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import '../src/index.js';
import '../src/components/persona-detail/index.js';
import type { Persona } from '../src/api/schemas.js';
import { storefrontMaxRating, storefrontTheme, storyOnly } from '../.storybook/argtypes.js';

interface Args {
  persona: string;
  api: string;
  'max-rating': string;
  'heading-level': number;
  theme: string;
  width: string;
}

interface Loaded {
  data?: Persona;
}

/** What goes into the element besides its attributes: a `data` persona, slotted content. */
type Extra = { data?: Persona; content?: TemplateResult };

const detail = (args: Args, { data, content }: Extra = {}) => html`
  <aip-storefront api=${args.api} max-rating=${args['max-rating']} theme=${args.theme}>
    <aip-persona-detail
      style="max-width: ${args.width}"
      persona=${data ? nothing : args.persona || nothing}
      .data=${data ?? null}
      heading-level=${args['heading-level']}
      >${content ?? nothing}</aip-persona-detail
    >
  </aip-storefront>
`;

// The full listing, loaded from the reference marketplace by id. The element
// switches to two columns (gallery | text) from 720px of its own width; set
// `width` below that to see the one-column layout. (Not a doc comment:
// Storybook would show it in place of the element's description.)
const meta: Meta<Args> = {
  title: 'Elements/Persona detail',
  component: 'aip-persona-detail',
  args: {
    persona: 'noor-haddad',
    api: '',
    'max-rating': 'general',
    'heading-level': 2,
    theme: 'light',
    width: '1100px',
  },
  argTypes: {
    'max-rating': storefrontMaxRating,
    'heading-level': { control: 'inline-radio', options: [1, 2, 3] },
    theme: storefrontTheme,
    width: storyOnly('string', '`max-width` of the element in the story: two columns from 720px, one below.', {
      control: 'inline-radio',
      options: ['1100px', '720px', '375px'],
    }),
  },
  render: (args) => detail(args),
};
export default meta;
type Story = StoryObj<Args>;

/** Open for Commercial and Exclusive licenses: the "From" price, the picker with two tiers to choose. */
export const Open: Story = {};

/** Under an active Exclusive, with Commercial licenses sold earlier still running: a dated badge, every tier closed. */
export const ExclusivelyLicensed: Story = { args: { persona: 'elio-marchetti' } };

/** Ownership was transferred: no longer for sale. */
export const Assigned: Story = { args: { persona: 'kai-nakamura' } };

/**
 * Rated content on a storefront that allows it: the gallery is covered, and no
 * image of the persona is requested until the viewer confirms being 18 or older.
 */
export const Gated: Story = { args: { persona: 'lena-voss', 'max-rating': 'suggestive' } };

/** Rated content above the storefront's limit is not shown at all. */
export const AboveRatingLimit: Story = { args: { persona: 'scarlett-vane' } };

/** The marketplace takes 30 s to answer: the placeholder holds the final layout, and after 4 s a note says the marketplace is slow. */
export const Loading: Story = { args: { api: '/_fault/latency=30000' } };

/** The marketplace fails: a plain message and "Try again". */
export const ServerError: Story = { name: 'Error', args: { api: '/_fault/status=503' } };

/** The listing no longer exists. */
export const NotFound: Story = { args: { persona: 'no-such-persona' } };

/** The one-column layout of a narrow container, e.g. a phone. */
export const Narrow: Story = { args: { width: '375px' } };

/**
 * A listing whose last preview is a short vertical clip (Kai Nakamura's, on
 * the reference marketplace), shown here. It shows its poster and controls,
 * never plays by itself and loads nothing until played; moving to another
 * slide pauses it.
 */
export const WithVideo: Story = {
  args: { persona: 'kai-nakamura' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('aip-persona-detail')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('video'); i++) await new Promise((r) => setTimeout(r, 50));
    [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="thumbnail"]') ?? [])].at(-1)?.click();
  },
};

/**
 * Purchase entry points filled by the host: its own license chooser replaces
 * the built-in picker, and a checkout button and a custom-order link go into
 * their slots.
 */
export const CustomSlots: Story = {
  render: (args) =>
    detail(args, {
      content: html`
        <div slot="license" style="padding: 16px; border: 1px dashed currentColor; border-radius: 12px">
          The host's own license chooser goes here.
        </div>
        <button slot="checkout" type="button">Continue to checkout</button>
        <a slot="custom-order" href="#custom-order">Ask the creator for custom work</a>
      `,
    }),
};

/**
 * The listing is at hand (`data`) but the creator's profile can't be loaded
 * (the marketplace answers 503): the view stays, with the creator's name and a
 * note in place of the profile; the license picker still shows every tier
 * from the listing's own offers (the pricing policy it cannot load only
 * cross-checks their prices).
 */
export const CreatorProfileUnavailable: Story = {
  args: { api: '/_fault/status=503' },
  loaders: [
    async (): Promise<Loaded> => {
      const response = await fetch('/v1/personas/noor-haddad');
      return response.ok ? { data: (await response.json()) as Persona } : {};
    },
  ],
  render: (args, { loaded }) => detail(args, { data: (loaded as Loaded).data }),
};

/** The dark token set. */
export const DarkTheme: Story = {
  args: { theme: 'dark', persona: 'elio-marchetti' },
  // The Theme toolbar's dark setting: dark page colours around the story, theme="dark" on the storefront.
  globals: { theme: 'dark' },
};

/**
 * The embed as a buyer meets it: the license picker, the checkout in the
 * `checkout` slot (it follows the tier picked above it) and the custom-order
 * form in the `custom-order` slot.
 */
export const WithCheckoutAndCustomOrder: Story = {
  render: (args) =>
    detail(args, {
      content: html`
        <aip-checkout slot="checkout"></aip-checkout>
        <aip-custom-order slot="custom-order" persona=${args.persona}></aip-custom-order>
      `,
    }),
};

/** The Exclusive ran out without an Ownership sale: open again. */
export const ExclusiveExpired: Story = { args: { persona: 'theo-brandt' } };

/** The marketplace answers with JSON of the wrong shape: refused, with "Try again". */
export const MalformedResponse: Story = { args: { api: '/_fault/body=schema' } };
