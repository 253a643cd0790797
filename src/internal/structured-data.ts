import { minorUnitDigits } from '../api/money.js';
import type { Money, PersonaSummary } from '../api/schemas.js';
import type { CoreMessageId } from '../locales/ids.js';
import type { Translate } from './i18n.js';

/** schema.org prices are decimal strings in major units: 4900 USD cents is "49.00". */
export function decimalPrice(money: Money): string {
  const digits = minorUnitDigits(money.currency);
  return (money.amount / 10 ** digits).toFixed(digits);
}

/**
 * schema.org data for a listing, built from the same summary the card shows.
 * Only for general-audience listings: rated content is never described to
 * crawlers. Returns null when there is nothing to publish. The words are in
 * the storefront's language, like the page around them.
 */
export function productJsonLd(p: PersonaSummary, t: Translate<CoreMessageId>): Record<string, unknown> | null {
  if (p.contentRating !== 'general') return null;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: t('jsonld.description', { creator: p.creator.name }),
    image: p.titleImage.url,
    sku: p.id,
    brand: { '@type': 'Brand', name: p.creator.name },
    category: p.niche,
    keywords: p.tags.join(', '),
    ...(p.availability === 'open'
      ? {
          offers: {
            '@type': 'Offer',
            name: t('license.commercial'),
            price: decimalPrice(p.commercialPrice),
            priceCurrency: p.commercialPrice.currency,
            availability: 'https://schema.org/InStock',
          },
        }
      : {}),
  };
}

/**
 * schema.org `ItemList` of the general-audience listings among `items`, each
 * a `Product` as a card describes it, at its position in the list. Null when
 * there are none.
 */
export function itemListJsonLd(
  items: readonly PersonaSummary[],
  t: Translate<CoreMessageId>,
): Record<string, unknown> | null {
  const elements = items.flatMap((p, i) => {
    const product = productJsonLd(p, t);
    if (!product) return [];
    delete product['@context'];
    return [{ '@type': 'ListItem', position: i + 1, item: product }];
  });
  return elements.length ? { '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: elements } : null;
}

/**
 * JSON that stays one data block wherever the page's HTML is serialized and
 * parsed again (server-side rendering, a crawler's snapshot): `<`, `>` and `&`
 * are written as JSON escapes, so a name holding `</script>` can't close the
 * element early. JSON.parse reads the same value back.
 */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

type ScriptPolicy = { createScript(text: string): unknown };
// One per page, shared by every copy of the library on it (a second policy of the same name may be refused).
const POLICY = Symbol.for('aip-storefront.script-policy');
const page = globalThis as {
  [POLICY]?: ScriptPolicy | null;
  trustedTypes?: { createPolicy(name: string, rules: { createScript(text: string): string }): ScriptPolicy };
};

/**
 * Sets a script element's text; on a page that enforces Trusted Types, through
 * the `aip-storefront` policy (our JSON, escaped by `scriptSafeJson`). False
 * when the page refused it.
 */
function setScriptText(script: HTMLScriptElement, text: string): boolean {
  if (page[POLICY] === undefined) {
    try {
      page[POLICY] = page.trustedTypes?.createPolicy('aip-storefront', { createScript: (t) => t }) ?? null;
    } catch {
      // The page allows other policy names only: without enforcement, plain text still works.
      page[POLICY] = null;
    }
  }
  try {
    script.textContent = (page[POLICY]?.createScript(text) ?? text) as string;
    return true;
  } catch {
    return false;
  }
}

let refused = false;

/**
 * Puts (or replaces, or removes) a JSON-LD block in `host`'s light DOM, where
 * crawlers read it. It is a data block, never executed, so strict CSPs allow it.
 * A page that enforces Trusted Types without allowing our policy gets none, and
 * the console says so once.
 */
export function writeJsonLd(host: HTMLElement, data: Record<string, unknown> | null): void {
  const old = host.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"][data-aip]');
  // Refused once, it is not tried again: each try is a violation the page may report.
  const text = data && !refused ? scriptSafeJson(data) : null;
  if (!text) return void old?.remove();
  if (old?.textContent === text) return;
  let script = old;
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.aip = '';
  }
  if (setScriptText(script, text)) {
    if (!old) host.append(script);
    return;
  }
  old?.remove();
  refused = true;
  console.warn('aip-storefront: no JSON-LD: Trusted Types refused the policy aip-storefront.');
}

type JsonLd = Record<string, unknown> | null;

/** Hosts whose JSON-LD is due, with what to write, computed when written. */
const due = new Map<HTMLElement, () => JsonLd>();
let flushed: Promise<void> | null = null;

/**
 * Writes `host`'s JSON-LD (see {@link writeJsonLd}) once the page is idle, at
 * most half a second from now. Crawlers read it after the page settles, and
 * nobody sees it, so it never holds up a frame: building and serialising it
 * for a grid of cards would otherwise add to the time before they paint.
 * `data` runs when the block is written, so the latest state wins however
 * often a host asks meanwhile.
 */
export function scheduleJsonLd(host: HTMLElement, data: () => JsonLd): void {
  due.set(host, data);
  flushed ??= new Promise((resolve) => {
    const flush = () => {
      flushed = null;
      for (const [el, produce] of due) {
        due.delete(el);
        // One block the page refuses must not cost the others theirs.
        try {
          writeJsonLd(el, produce());
        } catch {
          // Nothing to add: the listing itself shows either way.
        }
      }
      resolve();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 500 });
    else setTimeout(flush, 50);
  });
}

/** Resolves once every scheduled JSON-LD block is written. */
export function structuredDataWritten(): Promise<void> {
  return flushed ?? Promise.resolve();
}
