/**
 * An opt-in bridge from the elements' `aip-*` events to Google Analytics 4
 * e-commerce events on `dataLayer` (Google Tag Manager or gtag.js read it).
 * Nothing is sent unless a page calls `connectGa4()`; the elements themselves
 * never talk to any analytics service.
 *
 * ```js
 * import { connectGa4 } from 'aip-storefront/analytics';
 * const disconnect = connectGa4(); // window.dataLayer, every element on the page
 * ```
 *
 * | element event           | GA4 event          |
 * | ----------------------- | ------------------ |
 * | `aip-list-view`         | `view_item_list`   |
 * | `aip-select`            | `select_item`      |
 * | `aip-view`              | `view_item`        |
 * | `aip-checkout-start`    | `begin_checkout`   |
 * | `aip-checkout-complete` | `purchase`         |
 *
 * Items carry the listing id (`item_id`), name, creator (`item_brand`),
 * niche (`item_category`) and, where the event has one, the license tier
 * (`item_variant`) and price. Buyer names and emails are never included.
 */
import { minorUnitDigits } from '../api/money.js';
import type { License, Money, PersonaSummary } from '../api/schemas.js';

export interface Ga4Options {
  /** Where to listen; events bubble out of every element to the document. Default: `document`. */
  target?: EventTarget;
  /** The array to push to. Default: `window.dataLayer` (created when missing). */
  dataLayer?: unknown[];
  /** `item_list_name` for list impressions and selections. Default: `aip-storefront`. */
  listName?: string;
}

/** A GA4 e-commerce item. */
export interface Ga4Item {
  item_id: string;
  item_name?: string;
  item_brand?: string;
  item_category?: string;
  item_variant?: License;
  item_list_name?: string;
  index?: number;
  price?: number;
  quantity?: number;
}

/** Minor units to the decimal amount GA4 expects (29900 USD → 299). */
function amount(money: Money): number {
  return money.amount / 10 ** minorUnitDigits(money.currency);
}

function item(p: PersonaSummary, extra: Partial<Ga4Item> = {}): Ga4Item {
  return {
    item_id: p.id,
    item_name: p.name,
    item_brand: p.creator.name,
    item_category: p.niche,
    price: amount(p.commercialPrice),
    ...extra,
  };
}

/**
 * Starts forwarding; returns a function that stops it. Calling it twice on one
 * target forwards twice, so connect once per page.
 */
export function connectGa4(options: Ga4Options = {}): () => void {
  const target = options.target ?? document;
  const listName = options.listName ?? 'aip-storefront';
  const layer = () => {
    if (options.dataLayer) return options.dataLayer;
    const w = window as unknown as { dataLayer?: unknown[] };
    return (w.dataLayer ??= []);
  };
  const push = (event: string, ecommerce: Record<string, unknown>) => {
    // GA4 merges consecutive e-commerce objects unless the previous one is cleared first.
    layer().push({ ecommerce: null });
    layer().push({ event, ecommerce });
  };

  const handlers: Record<string, (e: Event) => void> = {
    'aip-list-view': (e) => {
      const { items } = (e as HTMLElementEventMap['aip-list-view']).detail;
      push('view_item_list', {
        item_list_name: listName,
        items: items.map((p, index) => item(p, { item_list_name: listName, index })),
      });
    },
    'aip-select': (e) => {
      const { persona } = (e as HTMLElementEventMap['aip-select']).detail;
      push('select_item', { item_list_name: listName, items: [item(persona, { item_list_name: listName })] });
    },
    'aip-view': (e) => {
      const { persona } = (e as HTMLElementEventMap['aip-view']).detail;
      push('view_item', {
        currency: persona.commercialPrice.currency,
        value: amount(persona.commercialPrice),
        items: [item(persona)],
      });
    },
    'aip-checkout-start': (e) => {
      const { persona, license, price } = (e as HTMLElementEventMap['aip-checkout-start']).detail;
      const line: Ga4Item = { item_id: persona, item_variant: license, quantity: 1 };
      if (price) line.price = amount(price);
      push('begin_checkout', {
        ...(price ? { currency: price.currency, value: amount(price) } : {}),
        items: [line],
      });
    },
    'aip-checkout-complete': (e) => {
      const { orderId, persona, license, price } = (e as HTMLElementEventMap['aip-checkout-complete']).detail;
      push('purchase', {
        transaction_id: orderId,
        currency: price.currency,
        value: amount(price),
        items: [{ item_id: persona, item_variant: license, price: amount(price), quantity: 1 }],
      });
    },
  };
  for (const [type, handler] of Object.entries(handlers)) target.addEventListener(type, handler);
  return () => {
    for (const [type, handler] of Object.entries(handlers)) target.removeEventListener(type, handler);
  };
}
