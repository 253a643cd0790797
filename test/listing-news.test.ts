// What every element showing a listing learns when one load of it brings news:
// the listing after a failed load, a newer version of it, the connection back.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/index.js';
import { AipClient, type ListingChangeEvent } from '../src/api/client.js';
import type { AipCatalog } from '../src/components/catalog/catalog.js';
import type { AipPersonaCard } from '../src/components/persona-card/persona-card.js';
import { requestsMatching, settingsOf } from './helpers.js';

const NOW = '2026-06-01T00:00:00.000Z';
/** Long after the seeded Exclusive on marcus-bell has run out. */
const LATER = '2026-09-01T00:00:00.000Z';
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ');
/** Whether the element says its listing could not be loaded (its words, in English). */
const failed = (el: Element) => text(el).includes('could not be loaded');
/**
 * Whether a persona page shows Tove Lindgren's listing in all three elements
 * (once they stop saying they failed, they are loading it again: not yet this).
 */
const shown = (detail: Element, checkout: Element, customOrder: Element) =>
  text(detail).includes('Tove Lindgren') &&
  text(checkout).includes('Choose a license') &&
  text(customOrder).includes('A brief for Tove Lindgren');

describe('listing news', function () {
  this.timeout(20_000);

  describe('after a failed load', () => {
    /** A persona page whose first request for the listing fails (503), not tried again by the client. */
    async function personaPage(fault: string) {
      const root = await fixture<HTMLElement>(
        html`<aip-storefront api=${fault} retries="0">
          <aip-persona-detail persona="tove-lindgren">
            <aip-checkout slot="checkout" persona="tove-lindgren"></aip-checkout>
            <aip-custom-order slot="custom-order" persona="tove-lindgren"></aip-custom-order>
          </aip-persona-detail>
        </aip-storefront>`,
      );
      const elements = ['aip-persona-detail', 'aip-checkout', 'aip-custom-order'].map((n) => root.querySelector(n)!);
      await waitUntil(() => elements.every(failed), 'all three say the listing could not be loaded');
      // They asked once, together.
      expect(requestsMatching(`${fault}/v1/personas/tove-lindgren`)).to.have.length(1);
      return elements;
    }

    it('"Try again" in one element brings back every element showing the listing', async () => {
      const [detail, checkout, customOrder] = await personaPage('/_fault/status=503,only=personas,times=1,latency=11');
      const retry = [...detail!.shadowRoot!.querySelectorAll('[role="alert"] button')].find(
        (b) => b.textContent!.trim() === 'Try again',
      ) as HTMLElement;
      retry.click();
      await waitUntil(() => shown(detail!, checkout!, customOrder!), 'all three show the listing', { timeout: 5000 });
      expect([detail!, checkout!, customOrder!].filter(failed), 'none still says it failed').to.deep.equal([]);
    });

    it('the browser coming back online brings them back without a click', async () => {
      const fault = '/_fault/status=503,only=personas,times=1,latency=12';
      const [detail, checkout, customOrder] = await personaPage(fault);
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => shown(detail!, checkout!, customOrder!), 'all three show the listing', { timeout: 5000 });
      expect(requestsMatching(`${fault}/v1/personas/tove-lindgren`), 'one more request').to.have.length(2);
    });

    it('a recovery is no reason to forget the catalog pages: they are served from the cache as before', async () => {
      const fault = '/_fault/status=503,only=personas,times=1,latency=13';
      const client = new AipClient({ baseUrl: fault, retries: 0 });
      await client.catalog({ limit: 5, sort: 'name' });
      let failedOnce = false;
      await client.persona('tove-lindgren').catch(() => (failedOnce = true));
      expect(failedOnce, 'the first load failed').to.equal(true);
      await client.persona('tove-lindgren');
      await client.catalog({ limit: 5, sort: 'name' });
      expect(requestsMatching(`${fault}/v1/catalog?limit=5&sort=name`)).to.have.length(1);
    });
  });

  describe('a newer version of a listing', () => {
    let market: { id: string; base: string };
    const setClock = (now: string) => executeServerCommand('marketplace:set-clock', { id: market.id, now });
    beforeEach(async () => {
      market = (await executeServerCommand('marketplace:create', { now: NOW })) as typeof market;
    });
    afterEach(() => executeServerCommand('marketplace:dispose', { id: market.id }));

    it('the client announces it; an unchanged answer (304) is no news', async () => {
      const client = new AipClient({ baseUrl: market.base, cacheTtlMs: 0 });
      const news: string[] = [];
      client.addEventListener('listing-change', (e) => news.push((e as ListingChangeEvent).personaId));
      expect((await client.persona('marcus-bell')).availability).to.equal('exclusive_active');
      await client.persona('marcus-bell');
      expect(news, 'revalidated, unchanged').to.deep.equal([]);
      await setClock(LATER);
      expect((await client.persona('marcus-bell')).availability).to.equal('open');
      await waitUntil(() => news.length > 0, 'news of the change');
      expect(news).to.deep.equal(['marcus-bell']);
    });

    it('a detail already showing the listing shows the new version when any element loads it', async () => {
      const root = await fixture<HTMLElement>(
        html`<aip-storefront api=${market.base}
          ><aip-persona-detail persona="marcus-bell"></aip-persona-detail
        ></aip-storefront>`,
      );
      const detail = root.querySelector('aip-persona-detail')!;
      await waitUntil(() => text(detail).includes('Exclusively licensed until'), 'shown under its Exclusive');
      await setClock(LATER);
      // Another element (or the host's code) asks for it afresh.
      await settingsOf(root).client.persona('marcus-bell', { fresh: true });
      await waitUntil(() => !text(detail).includes('Exclusively licensed until'), 'shown as it is now');
      expect(text(detail)).to.contain('Marcus Bell');
    });

    it("a catalog card follows what the listing's detail shows when it opens", async () => {
      const root = await fixture<HTMLElement>(
        html`<aip-storefront api=${market.base}><aip-catalog page-size="40"></aip-catalog></aip-storefront>`,
      );
      const catalog = root.querySelector<AipCatalog>('aip-catalog')!;
      const cardOf = () =>
        [...catalog.shadowRoot!.querySelectorAll<AipPersonaCard>('aip-persona-card')].find(
          (c) => c.data?.id === 'marcus-bell',
        );
      await waitUntil(() => cardOf() && text(cardOf()!).includes('Exclusively licensed until'), 'its card, exclusive');
      await setClock(LATER); // the Exclusive runs out while the page is open
      cardOf()!.shadowRoot!.querySelector<HTMLElement>('.select')!.click();
      const dialog = catalog.shadowRoot!.querySelector('dialog')!;
      const detail = () => dialog.querySelector('aip-persona-detail');
      await waitUntil(() => detail()?.shadowRoot?.textContent?.includes('Marcus Bell'), 'the detail, loaded');
      expect(text(detail()!)).to.not.contain('Exclusively licensed until');
      catalog.closeDetail();
      await waitUntil(() => !text(cardOf()!).includes('Exclusively licensed until'), 'the card, as the detail showed');
    });
  });
});
