import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/index.js';
import '../src/components/custom-order/index.js';
import type { AipCustomOrder } from '../src/components/custom-order/custom-order.js';
import type { ContentRating, Persona } from '../src/api/schemas.js';
import { failOnce } from './faults.js';
import { storefrontMaxRating, storefrontTheme, storyOnly } from '../.storybook/argtypes.js';

interface Args {
  persona: string;
  api: string;
  'max-rating': string;
  theme: string;
  width: string;
  'heading-level'?: number;
}

interface Loaded {
  data?: Persona;
}

const form = (args: Args, data?: Persona) => html`
  <aip-storefront api=${args.api} max-rating=${args['max-rating']} theme=${args.theme}>
    <aip-custom-order
      style="max-width: ${args.width}"
      persona=${data ? nothing : args.persona || nothing}
      heading-level=${args['heading-level'] ?? nothing}
      .data=${data ?? null}
    ></aip-custom-order>
  </aip-storefront>
`;

/** Loads a persona from the marketplace on Storybook's origin, optionally claiming another rating. */
const loadPersona = (id: string, rating?: ContentRating) => async (): Promise<Loaded> => {
  const response = await fetch(`/v1/personas/${id}`);
  if (!response.ok) return {};
  const persona = (await response.json()) as Persona;
  return { data: rating ? { ...persona, contentRating: rating } : persona };
};

const withData: Pick<StoryObj<Args>, 'render'> = {
  render: (args, { loaded }) => form(args, (loaded as Loaded).data),
};

/** A local `YYYY-MM-DD`, `days` from today. */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');
}

/** The element once its form is on screen. */
async function ready(canvas: HTMLElement): Promise<AipCustomOrder> {
  const el = canvas.querySelector('aip-custom-order')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('[part="form"]'); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return el;
}

/** Fills the brief as a buyer would: typing fires `input`, leaving a field fires `blur`. */
async function fill(el: AipCustomOrder, rating: ContentRating = 'general'): Promise<void> {
  const root = el.shadowRoot!;
  const type = (id: string, value: string) => {
    const control = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    control.dispatchEvent(new Event('blur'));
  };
  root.querySelector<HTMLInputElement>('input[name="type"][value="seasonal_campaign"]')!.click();
  type('f-goal', 'A winter campaign for our hand-knitted scarves: cosy, warm light, a quiet city street at dusk.');
  type('f-channel', 'Instagram and our shop landing page');
  type('f-deliverableCount', '6');
  for (const ratio of ['4:5', '9:16']) root.querySelector<HTMLInputElement>(`input[value="${ratio}"]`)!.click();
  type('f-references', 'https://example.com/moodboard/winter\nhttps://example.com/products/scarf-ember');
  type('f-mustAvoid', 'Snow-covered mountains, other brands, fur.');
  type('f-deadline', day(30));
  // Digits alone: read the same way in every language the stories switch to (German reads 1,800 as 1.8).
  type('f-budget', '1800');
  root.querySelector<HTMLInputElement>(`input[name="rating"][value="${rating}"]`)?.click();
  type('f-buyer-name', 'Ada Lindgren');
  type('f-buyer-email', 'ada@example.com');
  await el.updateComplete;
}

const send = (el: AipCustomOrder) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();

/** A story's play: the buyer fills the brief (at `rating`) and sends it. */
async function fillAndSend(canvas: HTMLElement, rating?: ContentRating): Promise<AipCustomOrder> {
  const el = await ready(canvas);
  await fill(el, rating);
  send(el);
  return el;
}

// A buyer's brief for custom work on one persona, sent to the reference
// marketplace mounted in Storybook. The filled stories type into the real form;
// the sent ones really file a brief (the marketplace is in memory). (Not a doc
// comment: Storybook would show it in place of the element's description.)
const meta: Meta<Args> = {
  title: 'Elements/Custom order',
  component: 'aip-custom-order',
  args: { persona: 'noor-haddad', api: '', 'max-rating': 'general', theme: 'light', width: '760px' },
  argTypes: {
    'max-rating': storefrontMaxRating,
    theme: storefrontTheme,
    width: storyOnly('string', '`max-width` of the element in the story, to see the form in narrower columns.', {
      control: 'inline-radio',
      options: ['760px', '480px', '320px'],
    }),
  },
  render: (args) => form(args),
};
export default meta;
type Story = StoryObj<Args>;

/** The brief as a buyer first sees it. */
export const EmptyForm: Story = { name: 'Empty form' };

/** Every field filled in, ready to send. */
export const Filled: Story = {
  play: async ({ canvasElement }) => fill(await ready(canvasElement)),
};

/** "Send brief" on an empty form: a summary at the top, a message at each field, focus on the first. */
export const ValidationErrors: Story = {
  name: 'Validation errors',
  play: async ({ canvasElement }) => send(await ready(canvasElement)),
};

/**
 * On its way: the marketplace takes 30 s to answer the brief (the fault
 * applies to custom orders only), so the button stays busy and further clicks
 * send nothing.
 */
export const Submitting: Story = {
  args: { api: '/_fault/latency=30000,only=custom-orders' },
  play: async ({ canvasElement }) => void (await fillAndSend(canvasElement)),
};

/** Filed: the request number, a summary of the brief and what happens next. */
export const Submitted: Story = {
  name: 'Submitted (confirmation)',
  play: async ({ canvasElement }) => void (await fillAndSend(canvasElement)),
};

/**
 * The page's copy of the listing claims a higher rating than the persona has
 * (stale data), so the form offers "Suggestive"; the marketplace refuses the
 * rating and its message appears at that field, with the rest of the brief intact.
 */
export const ServerRejectedField: Story = {
  name: 'Server rejected a field (400)',
  args: { 'max-rating': 'suggestive' },
  loaders: [loadPersona('noor-haddad', 'suggestive')],
  ...withData,
  play: async ({ canvasElement }) => void (await fillAndSend(canvasElement, 'suggestive')),
};

/**
 * The marketplace can't be reached (the browser refuses port 9, as it would
 * a dropped connection): the message says so and "Try again" resends the
 * brief with the same key.
 */
export const NetworkError: Story = {
  name: 'Network error with retry',
  args: { api: 'http://127.0.0.1:9' },
  loaders: [loadPersona('noor-haddad')],
  ...withData,
  play: async ({ canvasElement }) => void (await fillAndSend(canvasElement)),
};

/** The marketplace answers 503: the brief may not be filed; "Try again" resends it with the same key. */
export const ServerError: Story = {
  name: 'Server error with retry',
  args: { api: '/_fault/status=503,only=custom-orders' },
  play: async ({ canvasElement }) => void (await fillAndSend(canvasElement)),
};

/** Too many requests (429, Retry-After 20 s): the buyer is told how long to wait. */
export const RateLimited: Story = {
  args: { api: '/_fault/status=429,retry-after=20,only=custom-orders' },
  play: async ({ canvasElement }) => void (await fillAndSend(canvasElement)),
};

/** The persona isn't listed (any more). */
export const PersonaNotFound: Story = { name: 'Persona not found', args: { persona: 'no-such-persona' } };

/** While the persona loads (the marketplace takes 30 s): a placeholder of the form. */
export const Loading: Story = { args: { api: '/_fault/latency=30000' } };

/** The persona can't be loaded (503): a message and "Try again". */
export const LoadError: Story = { args: { api: '/_fault/status=503' } };

/** An explicit-rated persona on a storefront that allows it: every rating up to Explicit is offered. */
export const RatedPersona: Story = {
  name: 'Rated persona (rating options)',
  args: { persona: 'scarlett-vane', 'max-rating': 'explicit' },
};

/**
 * The dark token set, on a dark page. The page declares `color-scheme: dark`,
 * as dark sites do, so the browser draws the native radios, checkboxes and
 * date picker dark too.
 */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  // The Theme toolbar's dark setting: dark page colours around the story, theme="dark" on the storefront.
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => send(await ready(canvasElement)),
};

/** A 320 px column, e.g. a phone: paired fields stack. */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { width: '320px' },
  play: async ({ canvasElement }) => fill(await ready(canvasElement)),
};

/** The first send fails (503); "Try again" resends the brief with the same key and it is filed once. */
export const FailsOnceThenFiled: Story = {
  name: 'Server error, then filed on retry',
  render: (args) => form({ ...args, api: failOnce('status=503,only=custom-orders,times=1') }),
  play: async ({ canvasElement }) => void (await fillAndSend(canvasElement)),
};

/**
 * The first send was filed, but its answer was lost on the way back (the
 * marketplace's `fail=lost` switch); the buyer then changed the goal and sent
 * again. The brief keeps its key, so the marketplace files nothing twice: the
 * brief it filed is confirmed with its number, with a note that the changes
 * are not in it; "Send another brief" starts from them.
 */
export const FiledBeforeChanges: Story = {
  name: 'Answer lost, brief changed, filed as first sent',
  render: (args) => form({ ...args, api: failOnce('fail=lost,only=custom-orders,times=1') }),
  play: async ({ canvasElement }) => {
    const el = await fillAndSend(canvasElement);
    const root = el.shadowRoot!;
    for (let i = 0; i < 100 && !root.querySelector('[part="retry-button"]'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const goal = root.querySelector<HTMLTextAreaElement>('#f-goal')!;
    goal.value = `${goal.value} Snowfall welcome.`;
    goal.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    send(el);
  },
};
