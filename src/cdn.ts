/**
 * The script-tag build (`dist/cdn/aip-storefront-<version>.js`, and
 * `aip-storefront.js`, which runs the latest of it).
 *
 * The browsing elements (storefront, catalog, card) are defined at
 * once: they are what most pages show first. The heavier ones are fetched the
 * first time the page uses their tag, so a page of cards never pays for them.
 * Elements that open others (the catalog's detail dialog, the detail's license
 * picker) import what they need themselves.
 */
import './components/storefront/index.js';
import './components/persona-card/index.js';
import './components/catalog/index.js';
import { GA4_EVENTS, type HeldEvent } from './analytics/events.js';
import type { Ga4Options } from './analytics/ga4.js';

export * from './events/index.js';
export { VERSION } from './internal/define.js';
export { forgetAgeConfirmation } from './internal/age-gate.js';

/**
 * The opt-in GA4 bridge (README, "Analytics") for script-tag pages: its code
 * is fetched on this first call, so pages without analytics never load it.
 * The elements' events from the moment of the call are held meanwhile and
 * handed to it. Resolves to the function that disconnects it.
 */
export async function connectGa4(options: Ga4Options = {}): Promise<() => void> {
  const target = options.target ?? document;
  const earlier: HeldEvent[] = [];
  const hold = (e: Event) => earlier.push([e, e.composedPath()[0]]);
  for (const type of GA4_EVENTS) target.addEventListener(type, hold);
  try {
    const { connectGa4: connect } = await import('./analytics/ga4.js');
    // Held events have been dispatched in full by now: their cancelled state is final.
    return connect({ ...options, earlier: [...(options.earlier ?? []), ...earlier] });
  } finally {
    for (const type of GA4_EVENTS) target.removeEventListener(type, hold);
  }
}

/** Tags defined on first use, with the chunk that defines each. */
const LAZY: Record<string, () => Promise<unknown>> = {
  'aip-price': () => import('./components/price/index.js'),
  'aip-license-picker': () => import('./components/license-picker/index.js'),
  'aip-persona-detail': () => import('./components/persona-detail/index.js'),
  'aip-checkout': () => import('./components/checkout/index.js'),
  'aip-custom-order': () => import('./components/custom-order/index.js'),
};

const pending = new Set(Object.keys(LAZY));

/** How many times a chunk that could not be fetched is tried again by itself, and the first pause. */
const RETRIES = 5;
const FIRST_PAUSE_MS = 2000;

/**
 * Defines `tag` with its chunk. One that can't be fetched (the connection
 * dropped, the CDN failed) is tried again after a growing pause (2, 4, 8,
 * 16, 30 s), or at once when the browser is back online: the element would
 * otherwise stay an empty box on the page for good.
 */
function define(tag: string, attempt = 0): void {
  LAZY[tag]!().catch((error: unknown) => {
    const last = attempt === RETRIES;
    if (!attempt || last) {
      console.warn(
        `aip-storefront: <${tag}> could not be loaded (${String(error)}); ${last ? 'gave up' : 'trying again'}.`,
      );
    }
    // Given up: a later use of the tag tries again. The host page itself carries on either way.
    if (last) return void pending.add(tag);
    const again = () => {
      clearTimeout(timer);
      removeEventListener('online', again);
      define(tag, attempt + 1);
    };
    const timer = setTimeout(again, Math.min(FIRST_PAUSE_MS * 2 ** attempt, 30_000));
    addEventListener('online', again);
  });
}

function loadUsed(root: ParentNode): void {
  if (pending.size === 0) return;
  // One query for all the tags still pending (a page adding a thousand cards
  // runs this a thousand times), then which of them is there.
  const selector = [...pending].join(',');
  const element = root instanceof Element ? root : null;
  if (!element?.matches(selector) && !(root.firstElementChild && root.querySelector(selector))) return;
  for (const tag of pending) {
    if (element?.localName !== tag && !root.querySelector(tag)) continue;
    pending.delete(tag);
    define(tag);
  }
}

const added = new MutationObserver((records) => {
  if (pending.size === 0) return;
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) loadUsed(node);
  }
});

/**
 * Fetches the lazily defined elements (price, detail, license picker,
 * checkout, custom order) used inside `root`, now and whenever they are added
 * later. The loader watches the page's own DOM by itself; a shadow root that
 * the page's components render our elements into is out of its sight, so pass
 * each one here:
 *
 * ```js
 * import { observeRoot } from 'https://cdn.example/aip-storefront-0.1.0.js';
 * observeRoot(this.shadowRoot);
 * ```
 */
export function observeRoot(root: Document | DocumentFragment | Element): void {
  loadUsed(root);
  added.observe(root instanceof Document ? root.documentElement : root, { childList: true, subtree: true });
}

observeRoot(document);
