import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/index.js';
import { anotherBuyerBuys } from './another-buyer.js';
import { failOnce } from './faults.js';
import { storefrontTheme } from '../.storybook/argtypes.js';

interface Args {
  persona: string;
  license: string;
  mode: string;
  price: number | null;
  api: string;
  theme: string;
  'heading-level'?: number;
}

// The checkout against the reference marketplace mounted in Storybook. Each
// step a buyer meets is a story; the later steps get there by playing the
// earlier ones (filling the form as a buyer would). Stories that complete a
// purchase use the Commercial tier, which leaves the listing on sale; failure
// stories use the server's fault switches (`/_fault/<spec>`), scoped to one
// endpoint with `only=`. (Not a doc comment: Storybook would show it in place
// of the element's description.)
const meta: Meta<Args> = {
  title: 'Elements/Checkout',
  component: 'aip-checkout',
  args: { persona: 'juno-okafor', license: 'commercial', mode: 'overlay', price: null, api: '', theme: 'light' },
  argTypes: {
    theme: storefrontTheme,
  },
  render: (args) => html`
    <aip-storefront api=${args.api} theme=${args.theme}>
      <aip-checkout
        persona=${args.persona}
        license=${args.license}
        mode=${args.mode}
        price=${args.price ?? nothing}
        heading-level=${args['heading-level'] ?? nothing}
        poll-interval="1000"
      ></aip-checkout>
    </aip-storefront>
  `,
};
export default meta;
type Story = StoryObj<Args>;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for something in the checkout's shadow root. */
async function find<T extends Element>(root: HTMLElement, selector: string): Promise<T> {
  const checkout = root.querySelector('aip-checkout')!;
  for (let i = 0; i < 100; i++) {
    const found = checkout.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    await wait(50);
  }
  throw new Error(`no ${selector} in the checkout`);
}

/** Opens the form and fills it in like a buyer; `submit` sends it. */
async function fill(root: HTMLElement, { submit = false, valid = true } = {}) {
  (await find<HTMLButtonElement>(root, '[part~="start-button"]')).click();
  const name = await find<HTMLInputElement>(root, '#buyer-name');
  if (valid) {
    name.value = 'Robin Example';
    name.dispatchEvent(new Event('input'));
    const email = await find<HTMLInputElement>(root, '#buyer-email');
    email.value = `robin+${Date.now()}@example.com`;
    email.dispatchEvent(new Event('input'));
    (await find<HTMLInputElement>(root, '#agree')).click();
    await wait(0);
  }
  if (submit) (await find<HTMLButtonElement>(root, '[part~="submit-button"]')).click();
}

/** The first step: what is being bought, and a button to start. */
export const Ready: Story = {};

/** No tier chosen yet (e.g. before the buyer picks one in the license picker). */
export const NoLicenseChosen: Story = { args: { license: '' } };

/** The tier can't be bought: an Exclusive is running. */
export const TierUnavailable: Story = { args: { persona: 'elio-marchetti', license: 'commercial' } };

/** The buyer's details, the agreement and the "sales are final" notice. */
export const Details: Story = { play: async ({ canvasElement }) => fill(canvasElement, { valid: false }) };

/** Sent empty: every field says what it needs, focus on the first. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { valid: false });
    (await find<HTMLButtonElement>(canvasElement, '[part~="submit-button"]')).click();
  },
};

/** The page showed $1.00; the server's quote is the price, and the buyer confirms it. */
export const PriceChanged: Story = {
  args: { price: 100 },
  play: async ({ canvasElement }) => fill(canvasElement, { submit: true }),
};

/** The order exists; the platform's hosted checkout is open in an overlay. Press "Pay" there. */
export const PaymentOverlay: Story = { play: async ({ canvasElement }) => fill(canvasElement, { submit: true }) };

/**
 * The hosted checkout is slow to arrive (this story's marketplace, under `/_slow-page`, takes a minute to
 * answer for it): after a few seconds the overlay says so, and offers the same page in a tab of its own.
 */
export const PaymentPageSlow: Story = {
  args: { api: '/_slow-page' },
  play: async ({ canvasElement }) => fill(canvasElement, { submit: true }),
};

/** The overlay was closed before paying: the order waits, and can be reopened. */
export const WaitingForPayment: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { submit: true });
    (await find<HTMLButtonElement>(canvasElement, 'dialog[open] .dialog-head button')).click();
  },
};

/** Paid through the sandbox: confirmations arrive, then the License Certificate. */
export const Certificate: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { submit: true });
    (await find<HTMLButtonElement>(canvasElement, 'dialog[open] .dialog-head button')).click();
    const checkout = canvasElement.querySelector('aip-checkout') as unknown as { order: { id: string } | null };
    for (let i = 0; i < 100 && !checkout.order; i++) await wait(50);
    if (checkout.order) await fetch(`/v1/sandbox/orders/${checkout.order.id}/pay`, { method: 'POST' });
  },
};

/**
 * Paid on the hosted page (here by its own pay endpoint, with the overlay
 * closed): the confirmations come in one by one. This story's marketplace,
 * under `/_slow-confirmations`, takes a minute between two, so the step holds
 * long enough to look at; the certificate follows the last one.
 */
export const Confirming: Story = {
  args: { api: '/_slow-confirmations' },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { submit: true });
    (await find<HTMLButtonElement>(canvasElement, 'dialog[open] .dialog-head button')).click();
    const checkout = canvasElement.querySelector('aip-checkout') as unknown as { order: { id: string } | null };
    for (let i = 0; i < 100 && !checkout.order; i++) await wait(50);
    if (checkout.order) await fetch(`/_slow-confirmations/checkout/${checkout.order.id}/pay`, { method: 'POST' });
  },
};

/**
 * The buyer lingered on the new price past the quote's expiry (this story's
 * marketplace, under `/_expiring`, holds quotes for 8 seconds): the price is
 * no longer offered as held, and the button gets a new one.
 */
export const PriceHoldEnded: Story = {
  args: { api: '/_expiring', price: 100 },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { submit: true });
    await find(canvasElement, '[part~="price-change"] button.primary');
    await wait(8_500);
  },
};

/**
 * The buyer never paid and the order ran out (orders under `/_expiring` are
 * held for 8 seconds): nothing was charged, and the buyer can start again.
 */
export const OrderExpired: Story = {
  args: { api: '/_expiring' },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { submit: true });
    (await find<HTMLButtonElement>(canvasElement, 'dialog[open] .dialog-head button')).click();
  },
};

/** Popup mode: the hosted checkout opens in its own window (a link if the browser blocks it). */
export const Popup: Story = { args: { mode: 'popup' } };

/** Someone else just bought the Exclusive (here: the server answers 409 to the quote). */
export const TierJustSold: Story = {
  args: { api: '/_fault/status=409,only=quotes', license: 'exclusive' },
  play: async ({ canvasElement }) => fill(canvasElement, { submit: true }),
};

/** The order request failed (503): trying again sends the same Idempotency-Key, so no second order. */
export const OrderFailedRetry: Story = {
  args: { api: '/_fault/status=503,only=orders' },
  play: async ({ canvasElement }) => fill(canvasElement, { submit: true }),
};

/** Too many requests: the server's Retry-After is passed on. */
export const RateLimited: Story = {
  args: { api: '/_fault/status=429,retry-after=30,only=quotes' },
  play: async ({ canvasElement }) => fill(canvasElement, { submit: true }),
};

/** A long Retry-After (600 s) is said as "10 min", and "Try again" waits until it is over. */
export const RateLimitedLong: Story = {
  args: { api: '/_fault/status=429,retry-after=600,only=orders' },
  play: async ({ canvasElement }) => fill(canvasElement, { submit: true }),
};

/**
 * The quote comes back in the wrong shape: the buyer reads that the answer could not be read, with "Get a new
 * price"; what was wrong with it is in the console.
 */
export const UnreadableQuote: Story = {
  render: (args, context) => meta.render!({ ...args, api: failOnce('body=schema,only=quotes,times=1') }, context),
  play: async ({ canvasElement }) => fill(canvasElement, { submit: true }),
};

/** The listing is loading. */
export const Loading: Story = { args: { api: '/_fault/latency=30000' } };

/** The listing could not be loaded. */
export const LoadError: Story = { args: { api: '/_fault/status=500' } };

/** The listing is gone. */
export const NotFound: Story = { args: { persona: 'no-such-persona' } };

/** The dark token set. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  // The Theme toolbar's dark setting: dark page colours around the story, theme="dark" on the storefront.
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => fill(canvasElement, { valid: false }),
};

/** 320 px wide. */
export const Narrow: Story = {
  decorators: [(story) => html`<div style="max-width: 320px">${story()}</div>`],
  play: async ({ canvasElement }) => fill(canvasElement, { valid: false }),
};

/** The Exclusive tier: twelve months, one buyer. */
export const ExclusiveTier: Story = { args: { license: 'exclusive' } };

/** An Exclusive's details: the Commercial license sold earlier that keeps running, which the buyer accepts. */
export const ExclusiveWithTail: Story = {
  args: { persona: 'felix-hartmann', license: 'exclusive' },
  play: async ({ canvasElement }) => fill(canvasElement, { valid: false }),
};

/**
 * While the buyer filled in the form, another buyer's Commercial license went through: the checkout shows the
 * Commercial licenses the Exclusive would now run beside and asks again before any order is made. (Under
 * `/_expiring`, a marketplace of its own, so the other stories' counts stay as seeded.)
 */
export const ExclusiveTailChanged: Story = {
  args: { api: '/_expiring', persona: 'felix-hartmann', license: 'exclusive' },
  play: async ({ canvasElement }) => {
    await fill(canvasElement);
    await anotherBuyerBuys('/_expiring', 'felix-hartmann', 'commercial');
    (await find<HTMLButtonElement>(canvasElement, '[part~="submit-button"]')).click();
  },
};

/**
 * The same sale lands after the order, before payment: Pay is refused with nothing charged, and "Start again"
 * returns to the form, which states the new Commercial licenses, to be agreed to again.
 */
export const ExclusiveTailGrewBeforePayment: Story = {
  args: { api: '/_expiring', persona: 'felix-hartmann', license: 'exclusive' },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { submit: true });
    const frame = await find<HTMLIFrameElement>(canvasElement, 'dialog[open] iframe');
    let pay: HTMLButtonElement | null = null;
    for (let i = 0; i < 100 && !pay; i++) {
      pay = frame.contentDocument?.querySelector<HTMLButtonElement>('#pay-button') ?? null;
      if (!pay) await wait(50);
    }
    await anotherBuyerBuys('/_expiring', 'felix-hartmann', 'commercial');
    pay?.click();
  },
};

/** Ownership with no Exclusive in force: nobody can buy it yet; the reason, and no way to start. */
export const OwnershipNeedsExclusive: Story = { args: { license: 'ownership' } };

/** Ownership while an Exclusive is in force: only its holder may buy it, so the buyer is told and may go on. */
export const OwnershipForTheHolder: Story = { args: { persona: 'marcus-bell', license: 'ownership' } };

/** The same, sent with an email that doesn't hold the Exclusive: the email field says so. */
export const OwnershipNotTheHolder: Story = {
  args: { persona: 'marcus-bell', license: 'ownership' },
  play: async ({ canvasElement }) => fill(canvasElement, { submit: true }),
};

/** The first order request fails (503); "Try again" sends the same Idempotency-Key and gets the order. */
export const OrderFailsOnceThenRetry: Story = {
  render: (args, context) => meta.render!({ ...args, api: failOnce('status=503,only=orders,times=1') }, context),
  play: async ({ canvasElement }) => fill(canvasElement, { submit: true }),
};
