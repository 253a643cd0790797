import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/index.js';
import { failOnce } from './faults.js';
import { storefrontMaxRating, storefrontTheme } from '../.storybook/argtypes.js';

interface Args {
  creator: string;
  'page-size': number;
  sort: string;
  api: string;
  'max-rating': string;
  theme: string;
  filters: string;
  paging: string;
}

// Every story talks to the reference marketplace mounted on Storybook's own
// origin. Failure states point `api` at its fault switches (`/_fault/…`). (Not
// a doc comment: Storybook would show it in place of the element's
// description.)
const meta: Meta<Args> = {
  title: 'Elements/Catalog',
  component: 'aip-catalog',
  args: {
    creator: 'nova-studio',
    'page-size': 8,
    sort: 'newest',
    api: '',
    'max-rating': 'general',
    theme: 'light',
    filters: 'search use-case availability sort',
    paging: 'more',
  },
  argTypes: {
    'max-rating': storefrontMaxRating,
    theme: storefrontTheme,
  },
  render: (args) => html`
    <aip-storefront
      api=${args.api}
      creator=${args.creator || nothing}
      max-rating=${args['max-rating']}
      theme=${args.theme}
    >
      <aip-catalog
        page-size=${args['page-size']}
        sort=${args.sort}
        filters=${args.filters}
        paging=${args.paging}
      ></aip-catalog>
    </aip-storefront>
  `,
};
export default meta;
type Story = StoryObj<Args>;

/** A creator's own catalog, as on their personal site. */
export const CreatorCatalog: Story = {};

/** Every creator's listings, cheapest first, as a partner site shows them. */
export const PartnerCatalog: Story = { args: { creator: '', sort: 'price_asc', 'page-size': 12 } };

/** Placeholders of the final size while the marketplace answers (held for 30 s, long enough to look at). */
export const Loading: Story = { args: { api: '/_fault/latency=30000' } };

/** The marketplace takes more than 4 s: a note over the placeholders says it is still loading. */
export const SlowToAnswer: Story = { args: { api: '/_fault/latency=12000' } };

/** A creator with nothing published yet. */
export const Empty: Story = { args: { creator: 'nobody-sells-here' } };

/** The marketplace answers 500: a message and a retry. */
export const ServerError: Story = { args: { api: '/_fault/status=500' } };

/** The marketplace sends a body that is not JSON. */
export const MalformedResponse: Story = { args: { api: '/_fault/body=malformed' } };

/** Paging: "Show more" appears while there is a next page. */
export const Paged: Story = { args: { creator: '', 'page-size': 4 } };

/**
 * The reference server's generated marketplace of 10 000 listings, with
 * infinite paging: pages load as you scroll, and past a few pages only the
 * rows near the screen are rendered. Try the arrow keys, Home and End.
 */
export const TenThousandListings: Story = {
  args: { api: '/_scale', creator: '', 'page-size': 48, paging: 'infinite' },
};

/**
 * Choosing a card opens the persona's detail in a modal dialog (the default
 * when the host doesn't cancel `aip-select`). Click a name, or Tab to the
 * grid and press Enter.
 */
export const OpensDetail: Story = {
  args: { 'page-size': 4 },
  play: async ({ canvasElement }) => {
    // Opens the first persona, as a buyer would by clicking its name.
    const catalog = canvasElement.querySelector('aip-catalog');
    for (let tries = 0; tries < 100; tries++) {
      const card = catalog?.shadowRoot?.querySelector('aip-persona-card');
      const title = card?.shadowRoot?.querySelector<HTMLButtonElement>('button.select');
      if (title) return title.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  },
};

/** The host allows rated content: it appears covered, its images never requested. */
export const RatedContentCovered: Story = {
  args: { creator: '', 'max-rating': 'explicit', sort: 'name', 'page-size': 24 },
};

/** The dark token set. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  // The Theme toolbar's dark setting: dark page colours around the story, theme="dark" on the storefront.
  globals: { theme: 'dark' },
};

/** Every toolbar control, including the rating filter (the storefront allows rated content). */
export const AllFilters: Story = {
  args: { creator: '', 'max-rating': 'explicit', filters: 'search use-case tag availability rating sort' },
};

/** No toolbar: a plain grid. */
export const NoToolbar: Story = { args: { filters: 'none' } };

/** A search that matches nothing: the way back is "Clear filters". */
export const NoMatches: Story = {
  args: { creator: '', filters: 'search tag' },
  play: async ({ canvasElement }) => {
    const catalog = canvasElement.querySelector('aip-catalog')!;
    for (let i = 0; i < 50 && !catalog.shadowRoot?.querySelector('[part="search"]'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const search = catalog.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!;
    search.value = 'nothing like this';
    search.dispatchEvent(new Event('input'));
  },
};

/**
 * The marketplace fails three times in a row (the first try and the client's
 * two automatic retries), so the error shows; "Try again" then gets through.
 */
export const ErrorThenRetry: Story = {
  render: (args, context) => meta.render!({ ...args, api: failOnce('status=503,only=catalog,times=3') }, context),
};

/** Filtered by availability to listings under an active Exclusive: dated badges, no price. */
export const SoldListings: Story = {
  args: { creator: '', filters: 'availability sort' },
  play: async ({ canvasElement }) => {
    const catalog = canvasElement.querySelector('aip-catalog')!;
    for (let i = 0; i < 50 && !catalog.shadowRoot?.querySelector('select'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const select = [...(catalog.shadowRoot?.querySelectorAll('select') ?? [])].find((s) =>
      [...s.options].some((o) => o.value === 'exclusive_active'),
    );
    if (!select) return;
    select.value = 'exclusive_active';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  },
};

/**
 * The next page fails: the first page stays, a message says the rest could not be loaded, and "Show more"
 * becomes "Try again". The marketplace fails three times in a row (the try and the client's two automatic
 * retries), so the retry then gets through.
 */
export const ShowMoreFailed: Story = {
  args: { creator: '', 'page-size': 4 },
  render: (args, context) =>
    meta.render!({ ...args, api: failOnce('status=503,only=catalog,after=1,times=3') }, context),
  play: async ({ canvasElement }) => {
    const catalog = canvasElement.querySelector('aip-catalog')!;
    for (let i = 0; i < 100 && !catalog.shadowRoot?.querySelector('[part="more"]'); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    catalog.shadowRoot?.querySelector<HTMLButtonElement>('[part="more"]')?.click();
  },
};
