/**
 * The opt-in GA4 bridge: what lands on dataLayer as a buyer browses and buys,
 * against the reference marketplace, and that nothing does without it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { connectGa4 } from '../src/analytics/ga4.js';
import '../src/index.js';
import { placeOrder } from './helpers.js';
import type { AipCheckout } from '../src/components/checkout/checkout.js';

type Pushed = { event?: string; ecommerce: Record<string, unknown> | null };

const events = (layer: unknown[]) => (layer as Pushed[]).filter((p) => p.event).map((p) => p.event);
const last = (layer: unknown[], name: string) =>
  (layer as Pushed[]).filter((p) => p.event === name).at(-1)?.ecommerce as Record<string, unknown> | undefined;

function inShadow(root: ParentNode, hostSelector: string, selector: string): HTMLElement | null {
  for (const host of root.querySelectorAll(hostSelector)) {
    const hit = host.shadowRoot?.querySelector<HTMLElement>(selector);
    if (hit) return hit;
  }
  return null;
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
      expect(list.items).to.deep.equal(
        api.items.map((p, index) => ({
          item_id: p.id,
          item_name: p.name,
          item_brand: p.creator.name,
          item_category: p.niche,
          price: p.commercialPrice.amount / 100,
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

  it('maps a checkout to begin_checkout and purchase, with the server’s price and no buyer data', async () => {
    const { id, base } = (await executeServerCommand('marketplace:create', {
      now: '2026-06-01T00:00:00.000Z',
      confirmations: 1,
      confirmationIntervalMs: 10,
    })) as { id: string; base: string };
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
});
