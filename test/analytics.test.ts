/**
 * The opt-in GA4 bridge: what lands on dataLayer as a buyer browses and buys,
 * against the reference marketplace, and that nothing does without it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { connectGa4 } from '../src/analytics/ga4.js';
import '../src/index.js';
import { catalogFromApi, placeOrder, shadowQuery } from './helpers.js';
import type { PersonaSummary } from '../src/api/schemas.js';
import type { AipCheckout } from '../src/components/checkout/checkout.js';

type Pushed = { event?: string; ecommerce: Record<string, unknown> | null };
type Item = Record<string, unknown>;

const events = (layer: unknown[]) => (layer as Pushed[]).filter((p) => p.event).map((p) => p.event);
const all = (layer: unknown[], name: string) =>
  (layer as Pushed[]).filter((p) => p.event === name).map((p) => p.ecommerce as Record<string, unknown>);
const last = (layer: unknown[], name: string) => all(layer, name).at(-1);
const itemsOf = (ecommerce: Record<string, unknown> | undefined) => (ecommerce?.items ?? []) as Item[];
/** Lets a dispatch, and whatever the adapter does once it is over, finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

function inShadow(root: ParentNode, hostSelector: string, selector: string): HTMLElement | null {
  for (const host of root.querySelectorAll(hostSelector)) {
    const hit = host.shadowRoot?.querySelector<HTMLElement>(selector);
    if (hit) return hit;
  }
  return null;
}

/** A marketplace of its own, with payments confirmed at once, for a purchase. */
async function quickMarket(): Promise<{ id: string; base: string }> {
  return (await executeServerCommand('marketplace:create', {
    now: '2026-06-01T00:00:00.000Z',
    confirmations: 1,
    confirmationIntervalMs: 10,
  })) as { id: string; base: string };
}

describe('GA4 adapter (opt-in)', function () {
  this.timeout(20_000);

  it('is off by default: browsing pushes nothing to window.dataLayer', async () => {
    const page = await fixture<HTMLElement>(
      html`<aip-storefront><aip-catalog page-size="4"></aip-catalog></aip-storefront>`,
    );
    const catalog = page.querySelector('aip-catalog')!;
    await waitUntil(() => catalog.shadowRoot?.querySelector('aip-persona-card'), 'no cards', { timeout: 8000 });
    expect((window as unknown as { dataLayer?: unknown }).dataLayer).to.equal(undefined);
  });

  it('maps list impressions, a selection and the detail view to view_item_list, select_item and view_item', async () => {
    const layer: unknown[] = [];
    const disconnect = connectGa4({ dataLayer: layer, listName: 'Partner picks' });
    try {
      const page = await fixture<HTMLElement>(
        html`<aip-storefront><aip-catalog page-size="4" sort="price_asc"></aip-catalog></aip-storefront>`,
      );
      const catalog = page.querySelector('aip-catalog')!;
      await waitUntil(() => last(layer, 'view_item_list'), 'no view_item_list', { timeout: 8000 });
      const list = last(layer, 'view_item_list')!;
      const api = (await (await fetch('/v1/catalog?limit=4&sort=price_asc')).json()) as {
        items: {
          id: string;
          name: string;
          creator: { name: string };
          niche: string;
          commercialPrice: { amount: number };
        }[];
      };
      expect(list.item_list_name).to.equal('Partner picks');
      expect(list.item_list_id).to.equal('aip-catalog');
      expect(list.items).to.deep.equal(
        api.items.map((p, index) => ({
          item_id: p.id,
          item_name: p.name,
          item_brand: p.creator.name,
          item_category: p.niche,
          price: p.commercialPrice.amount / 100,
          item_list_id: 'aip-catalog',
          item_list_name: 'Partner picks',
          index,
        })),
      );
      // Each e-commerce push is preceded by a clearing one, as GA4 asks.
      const at = (layer as Pushed[]).findIndex((p) => p.event === 'view_item_list');
      expect(layer[at - 1]).to.deep.equal({ ecommerce: null });

      await waitUntil(() => inShadow(catalog.shadowRoot!, 'aip-persona-card', 'button.select'), 'no card button');
      const first = catalog.shadowRoot!.querySelector('aip-persona-card')!;
      first.shadowRoot!.querySelector<HTMLElement>('button.select')!.click();
      await waitUntil(() => last(layer, 'view_item'), 'no view_item', { timeout: 8000 });
      expect((last(layer, 'select_item')!.items as { item_id: string }[])[0].item_id).to.equal(api.items[0].id);
      const viewed = last(layer, 'view_item')!;
      expect(viewed.currency).to.equal('USD');
      expect(viewed.value).to.equal(api.items[0].commercialPrice.amount / 100);
      expect(events(layer)).to.deep.equal(['view_item_list', 'select_item', 'view_item']);
      catalog.shadowRoot!.querySelector('dialog')?.close();
    } finally {
      disconnect();
    }
  });

  it('pushes no view_item_list for a search that found nothing', async () => {
    const layer: unknown[] = [];
    const disconnect = connectGa4({ dataLayer: layer });
    try {
      const page = await fixture<HTMLElement>(
        html`<aip-storefront><aip-catalog page-size="4"></aip-catalog></aip-storefront>`,
      );
      const catalog = page.querySelector('aip-catalog')!;
      await waitUntil(() => last(layer, 'view_item_list'), 'no view_item_list', { timeout: 8000 });
      const search = catalog.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
      search.value = 'no listing is called this';
      search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await waitUntil(() => /No personas match/.test(catalog.shadowRoot!.textContent!), 'no empty state', {
        timeout: 8000,
      });
      await settle();
      expect(events(layer)).to.deep.equal(['view_item_list']);
    } finally {
      disconnect();
    }
  });

  it('maps a checkout to begin_checkout and purchase, with the server’s price and no buyer data', async () => {
    const { id, base } = await quickMarket();
    const layer: unknown[] = [];
    const disconnect = connectGa4({ dataLayer: layer });
    try {
      const el = await fixture<AipCheckout>(
        html`<aip-checkout api=${base} persona="juno-okafor" license="commercial" poll-interval="250"></aip-checkout>`,
      );
      const order = await placeOrder(el, { name: 'Gale Analytics', email: 'gale@example.com' });
      await fetch(`${base}/v1/sandbox/orders/${order.id}/pay`, { method: 'POST' });
      await waitUntil(() => last(layer, 'purchase'), 'no purchase', { timeout: 8000 });
      expect(last(layer, 'begin_checkout')).to.deep.equal({
        currency: 'USD',
        value: 99,
        items: [{ item_id: 'juno-okafor', item_variant: 'commercial', quantity: 1, price: 99 }],
      });
      expect(last(layer, 'purchase')).to.deep.equal({
        transaction_id: order.id,
        currency: 'USD',
        value: 99,
        items: [{ item_id: 'juno-okafor', item_variant: 'commercial', price: 99, quantity: 1 }],
      });
      expect(JSON.stringify(layer)).not.to.match(/gale|Gale/);
    } finally {
      disconnect();
      sessionStorage.clear();
      await executeServerCommand('marketplace:dispose', { id });
    }
  });

  it('numbers items across "Show more" pages, and names the list on view_item_list and select_item', async () => {
    const layer: unknown[] = [];
    const disconnect = connectGa4({ dataLayer: layer, listName: 'Nova picks' });
    // The host shows a chosen listing itself (a router): it cancels aip-select, on the window.
    const route = (e: Event) => e.preventDefault();
    window.addEventListener('aip-select', route);
    try {
      const page = await fixture<HTMLElement>(
        html`<aip-storefront creator="nova-studio">
          <aip-catalog page-size="2" sort="name"></aip-catalog>
        </aip-storefront>`,
      );
      const catalog = page.querySelector('aip-catalog')!;
      const api = await catalogFromApi('creator=nova-studio&sort=name&limit=4');
      expect(api).to.have.length(4);
      await waitUntil(() => all(layer, 'view_item_list').length === 1, 'no view_item_list', { timeout: 8000 });
      (await shadowQuery<HTMLElement>(catalog, '[part="more"]', 8000)).click();
      await waitUntil(() => all(layer, 'view_item_list').length === 2, 'no view_item_list for "Show more"', {
        timeout: 8000,
      });

      const list = { item_list_id: 'aip-catalog:nova-studio', item_list_name: 'Nova picks' };
      const pages = all(layer, 'view_item_list');
      // Each item's position in the list, counted on across pages, not from 0 again on the second.
      const listed = pages.flatMap((shown) => itemsOf(shown));
      expect(listed.map(({ item_id, index }) => ({ item_id, index }))).to.deep.equal(
        api.map((p, index) => ({ item_id: p.id, index })),
      );
      // The list, named on each page and on each item.
      for (const shown of pages) expect(shown).to.include(list);
      for (const shown of listed) expect(shown).to.include(list);

      // The fourth card: the selection names the same list and the card's position in it.
      await waitUntil(() => catalog.shadowRoot!.querySelectorAll('aip-persona-card').length === 4, 'no fourth card');
      const fourth = catalog.shadowRoot!.querySelectorAll('aip-persona-card')[3];
      await waitUntil(() => fourth.shadowRoot?.querySelector('button.select'), 'no card button');
      fourth.shadowRoot!.querySelector<HTMLElement>('button.select')!.click();
      await waitUntil(() => last(layer, 'select_item'), 'no select_item', { timeout: 8000 });
      const chosen = api[3];
      // Cancelled by the host, and still a selection: the buyer did choose the listing.
      expect(last(layer, 'select_item')).to.deep.equal({
        ...list,
        items: [
          {
            item_id: chosen.id,
            item_name: chosen.name,
            item_brand: chosen.creator.name,
            item_category: chosen.niche,
            price: chosen.commercialPrice.amount / 100,
            ...list,
            index: 3,
          },
        ],
      });
      await settle();
      expect(catalog.shadowRoot!.querySelector('dialog[open]'), 'the host’s cancel is heeded').to.equal(null);
    } finally {
      window.removeEventListener('aip-select', route);
      disconnect();
    }
  });

  it('tells apart two catalogs of the same creator by their ids, in their lists and their selections', async () => {
    const layer: unknown[] = [];
    const disconnect = connectGa4({ dataLayer: layer });
    try {
      const page = await fixture<HTMLElement>(
        html`<aip-storefront creator="nova-studio">
          <aip-catalog id="featured" page-size="2" sort="price_desc"></aip-catalog>
          <aip-catalog id="everything" page-size="2" sort="name"></aip-catalog>
        </aip-storefront>`,
      );
      await waitUntil(() => all(layer, 'view_item_list').length === 2, 'a list from each', { timeout: 8000 });
      expect(
        all(layer, 'view_item_list')
          .map((e) => e.item_list_id)
          .sort(),
      ).to.deep.equal(['aip-catalog:nova-studio#everything', 'aip-catalog:nova-studio#featured']);
      const second = page.querySelector('#everything')!;
      (await shadowQuery<HTMLElement>(second, 'aip-persona-card', 8000))
        .shadowRoot!.querySelector<HTMLElement>('button.select')!
        .click();
      await waitUntil(() => last(layer, 'select_item'), 'no select_item', { timeout: 8000 });
      expect(last(layer, 'select_item')!.item_list_id).to.equal('aip-catalog:nova-studio#everything');
      expect(itemsOf(last(layer, 'select_item'))[0]).to.include({
        item_list_id: 'aip-catalog:nova-studio#everything',
        index: 0,
      });
    } finally {
      disconnect();
    }
  });

  it('pushes no begin_checkout for a checkout the host vetoed, wherever the host listens', async () => {
    const layer: unknown[] = [];
    const disconnect = connectGa4({ dataLayer: layer });
    const veto = (e: Event) => e.preventDefault();
    try {
      const el = await fixture<AipCheckout>(
        html`<aip-checkout persona="juno-okafor" license="commercial"></aip-checkout>`,
      );
      const start = await shadowQuery<HTMLElement>(el, '[part~="start-button"]', 8000);
      // Vetoed by listeners the host added after connecting the bridge: on the document, then on the window.
      for (const host of [document, window]) {
        host.addEventListener('aip-checkout-start', veto);
        try {
          start.click();
          await el.updateComplete;
          await settle();
        } finally {
          host.removeEventListener('aip-checkout-start', veto);
        }
        expect(el.shadowRoot!.querySelector('form'), 'the checkout heeds the veto').to.equal(null);
        expect(events(layer)).not.to.include('begin_checkout');
      }
      // Not vetoed: it began.
      start.click();
      await waitUntil(() => last(layer, 'begin_checkout'), 'no begin_checkout', { timeout: 8000 });
      expect(all(layer, 'begin_checkout')).to.have.length(1);
    } finally {
      disconnect();
    }
  });

  it('names the listing, its creator and niche in begin_checkout and purchase items', async () => {
    const { id, base } = await quickMarket();
    const layer: unknown[] = [];
    const disconnect = connectGa4({ dataLayer: layer });
    try {
      // A listing's page: the detail view, its tiers, and the checkout in its slot.
      const page = await fixture<HTMLElement>(
        html`<aip-storefront api=${base}>
          <aip-persona-detail persona="juno-okafor">
            <aip-checkout slot="checkout" poll-interval="250"></aip-checkout>
          </aip-persona-detail>
        </aip-storefront>`,
      );
      const detail = page.querySelector('aip-persona-detail')!;
      const el = page.querySelector<AipCheckout>('aip-checkout')!;
      const persona = (await (await fetch(`${base}/v1/personas/juno-okafor`)).json()) as PersonaSummary;
      await waitUntil(
        () => inShadow(detail.shadowRoot!, 'aip-license-picker', 'input[value="commercial"]'),
        'no tiers',
        {
          timeout: 8000,
        },
      );
      inShadow(detail.shadowRoot!, 'aip-license-picker', 'input[value="commercial"]')!.click();
      await waitUntil(() => el.license === 'commercial', 'the checkout did not take the tier', { timeout: 5000 });
      const order = await placeOrder(el, { name: 'Gale Analytics', email: 'gale@example.com' });
      await fetch(`${base}/v1/sandbox/orders/${order.id}/pay`, { method: 'POST' });
      await waitUntil(() => last(layer, 'purchase'), 'no purchase', { timeout: 8000 });

      const line = {
        item_id: 'juno-okafor',
        item_name: persona.name,
        item_brand: persona.creator.name,
        item_category: persona.niche,
        item_variant: 'commercial',
        price: 99,
        quantity: 1,
      };
      expect(last(layer, 'begin_checkout')).to.deep.equal({ currency: 'USD', value: 99, items: [line] });
      expect(last(layer, 'purchase')).to.deep.equal({
        transaction_id: order.id,
        currency: 'USD',
        value: 99,
        items: [line],
      });
      expect(JSON.stringify(layer)).not.to.match(/gale|Gale/);
    } finally {
      disconnect();
      sessionStorage.clear();
      await executeServerCommand('marketplace:dispose', { id });
    }
  });
});
