/**
 * An opt-in bridge from the elements' `aip-*` events to Google Analytics 4
 * e-commerce events on `dataLayer`, in the form Google Tag Manager reads (an `event` and its `ecommerce`
 * object; gtag.js alone does not read such pushes).
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
 * Items carry the listing id (`item_id`), name (`item_name`), creator
 * (`item_brand`), niche (`item_category`) and, where the event has one, the
 * license tier (`item_variant`) and price. The checkout's events name only the
 * listing's id: their items get the name, creator and niche the bridge saw for
 * that id in an earlier list, selection or detail view on the page (the
 * catalog's dialog and a detail view with its checkout always show it first).
 * Buyer names and emails are never included.
 *
 * **Lists:** `view_item_list` and `select_item` carry `item_list_id`,
 * `item_list_name` and each item's `index`, its position in the list counted
 * from 0 and running on across "Show more" pages. The id is `aip-catalog` for a
 * catalog of every creator, `aip-catalog:<creator handle>` for one creator's,
 * followed by `#<id>` for a catalog with an `id` attribute;
 * a search, filter or sort starts a new list under the same id. A card chosen
 * outside a catalog has the id `aip-persona-card` and no index.
 *
 * **Cancelled events:** each event is pushed once its dispatch is over, so every
 * listener on the page, wherever it listens, has had its say. A cancelled
 * `aip-checkout-start` (the host vetoed the checkout or took it over) is not a
 * `begin_checkout`. A cancelled `aip-select` still is a `select_item`:
 * cancelling only stops the element's own next step (the catalog's dialog, the
 * card's link) so the host can show the listing its own way; the buyer did
 * choose it.
 */
import { minorUnitDigits } from '../api/money.js';
import type { License, Money, PersonaSummary } from '../api/schemas.js';
import type { GA4_EVENTS, HeldEvent } from './events.js';

export interface Ga4Options {
  /** Where to listen; events bubble out of every element to the document. Default: `document`. */
  target?: EventTarget;
  /** The array to push to. Default: `window.dataLayer` (created when missing). */
  dataLayer?: unknown[];
  /** `item_list_name` for list impressions and selections. Default: `aip-storefront`. */
  listName?: string;
  /** Events heard before the bridge was connected, handled first (the script-tag loader holds them while it loads). */
  earlier?: readonly HeldEvent[];
}

/** A GA4 e-commerce item. */
export interface Ga4Item {
  item_id: string;
  item_name?: string;
  item_brand?: string;
  item_category?: string;
  item_variant?: License;
  item_list_id?: string;
  item_list_name?: string;
  index?: number;
  price?: number;
  quantity?: number;
}

/** What describes a listing in GA4, apart from its id. */
type Described = Pick<Ga4Item, 'item_name' | 'item_brand' | 'item_category'>;

/** A list a catalog shows: its GA4 id and where each listing in it stands. */
interface List {
  id: string;
  index: Map<string, number>;
}

/** Minor units to the decimal amount GA4 expects (29900 USD → 299). */
function amount(money: Money): number {
  return money.amount / 10 ** minorUnitDigits(money.currency);
}

function described(p: PersonaSummary): Described {
  return { item_name: p.name, item_brand: p.creator.name, item_category: p.niche };
}

function item(p: PersonaSummary, extra: Partial<Ga4Item> = {}): Ga4Item {
  return { item_id: p.id, ...described(p), price: amount(p.commercialPrice), ...extra };
}

/**
 * Starts forwarding; returns a function that stops it. Calling it twice on one
 * target forwards twice, so connect once per page.
 */
export function connectGa4(options: Ga4Options = {}): () => void {
  const target = options.target ?? document;
  const listName = options.listName ?? 'aip-storefront';
  /** Name, creator and niche of every listing seen so far, by id: the checkout's events carry only the id. */
  const known = new Map<string, Described>();
  /** The list each catalog shows now, by the catalog that fired its `aip-list-view`. */
  const lists = new WeakMap<EventTarget, List>();
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
  const learn = (p: PersonaSummary) => known.set(p.id, described(p));
  /** A checkout line: the listing's id, tier and price, and what is known of the listing. */
  const line = (persona: string, license: License, price: Money | null): Ga4Item => ({
    item_id: persona,
    ...known.get(persona),
    item_variant: license,
    ...(price ? { price: amount(price) } : {}),
    quantity: 1,
  });

  // `source` is the element that fired the event (the catalog, a card), read while the event is dispatched.
  const handlers: Record<(typeof GA4_EVENTS)[number], (e: Event, source: EventTarget | undefined) => void> = {
    'aip-list-view': (e, source) => {
      const { items, offset = 0, creator } = (e as HTMLElementEventMap['aip-list-view']).detail;
      // A catalog's own `id` tells apart two catalogs of the same listings on one page.
      const own = source instanceof Element && source.id ? `#${source.id}` : '';
      const id = `${creator ? `aip-catalog:${creator}` : 'aip-catalog'}${own}`;
      // A first page starts a new list; a further page goes on with the one its catalog shows.
      const list = (offset > 0 && source && lists.get(source)) || { id, index: new Map<string, number>() };
      if (source) lists.set(source, list);
      for (const [i, p] of items.entries()) {
        learn(p);
        list.index.set(p.id, offset + i);
      }
      // A search that found nothing showed no items: an impression of none is no impression.
      if (!items.length) return;
      const names = { item_list_id: id, item_list_name: listName };
      push('view_item_list', {
        ...names,
        items: items.map((p, i) => item(p, { ...names, index: offset + i })),
      });
    },
    'aip-select': (e, source) => {
      // Pushed even when cancelled: the host took over showing the listing, the buyer did choose it.
      const { persona } = (e as HTMLElementEventMap['aip-select']).detail;
      learn(persona);
      const list = source && lists.get(source);
      const names = { item_list_id: list?.id ?? 'aip-persona-card', item_list_name: listName };
      const index = list?.index.get(persona.id);
      push('select_item', {
        ...names,
        items: [item(persona, { ...names, ...(index === undefined ? {} : { index }) })],
      });
    },
    'aip-view': (e) => {
      const { persona } = (e as HTMLElementEventMap['aip-view']).detail;
      learn(persona);
      push('view_item', {
        currency: persona.commercialPrice.currency,
        value: amount(persona.commercialPrice),
        items: [item(persona)],
      });
    },
    'aip-checkout-start': (e) => {
      // Vetoed, or taken over by the host: no checkout began here.
      if (e.defaultPrevented) return;
      const { persona, license, price } = (e as HTMLElementEventMap['aip-checkout-start']).detail;
      push('begin_checkout', {
        ...(price ? { currency: price.currency, value: amount(price) } : {}),
        items: [line(persona, license, price)],
      });
    },
    'aip-checkout-complete': (e) => {
      const { orderId, persona, license, price } = (e as HTMLElementEventMap['aip-checkout-complete']).detail;
      push('purchase', {
        transaction_id: orderId,
        currency: price.currency,
        value: amount(price),
        items: [line(persona, license, price)],
      });
    },
  };
  const listeners = Object.entries(handlers).map(([type, handle]) => {
    const listener = (e: Event) => {
      const source = e.composedPath()[0];
      // The elements dispatch from script, so a microtask runs once the dispatch is over: after every other
      // listener, including the host's on the element, the document or the window, and its preventDefault().
      queueMicrotask(() => handle(e, source));
    };
    return [type, listener] as const;
  });
  for (const [type, listener] of listeners) target.addEventListener(type, listener);
  for (const [e, source] of options.earlier ?? []) handlers[e.type as keyof typeof handlers]?.(e, source);
  return () => {
    for (const [type, listener] of listeners) target.removeEventListener(type, listener);
  };
}
