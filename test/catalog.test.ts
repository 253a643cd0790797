import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { AipCatalog } from '../src/components/catalog/catalog.js';
import { captureWarnings, catalogFromApi, requestsMatching, shadowQuery } from './helpers.js';

const cards = (el: AipCatalog) => [...el.shadowRoot!.querySelectorAll('aip-persona-card')];
const names = (el: AipCatalog) =>
  cards(el).map((c) => c.shadowRoot!.querySelector('[part="title"]')?.textContent?.trim() ?? '');

async function loaded(el: AipCatalog) {
  await waitUntil(
    () => el.shadowRoot!.querySelector('[part="grid"][aria-busy="false"], [part="status"]'),
    'catalog settled',
    {
      timeout: 5000,
    },
  );
  await Promise.all(cards(el).map((c) => c.updateComplete));
}

async function inStorefront(template: ReturnType<typeof html>): Promise<AipCatalog> {
  const root = await fixture(template);
  const el = root.localName === 'aip-catalog' ? (root as AipCatalog) : root.querySelector('aip-catalog')!;
  await loaded(el);
  return el;
}

describe('<aip-catalog>', () => {
  describe('defaults', () => {
    it("shows the storefront creator's published personas, newest first", async () => {
      const expected = await catalogFromApi('creator=nova-studio&limit=12');
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"><aip-catalog></aip-catalog></aip-storefront>`,
      );
      expect(names(el)).to.deep.equal(expected.map((p) => p.name));
      expect(el.shadowRoot!.querySelector('[part="grid"]')!.getAttribute('aria-label')).to.equal('Personas');
      await expect(el).to.be.accessible();
    });

    it('shows skeleton cards, marked busy, until the first page arrives', async () => {
      const root = await fixture(
        html`<aip-storefront api="/_fault/latency=400"><aip-catalog page-size="4"></aip-catalog></aip-storefront>`,
      );
      const el = root.querySelector('aip-catalog')!;
      await el.updateComplete;
      const grid = el.shadowRoot!.querySelector('[part="grid"]')!;
      expect(grid.getAttribute('aria-busy')).to.equal('true');
      expect(cards(el)).to.have.length(4);
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Loading personas');
      await expect(el).to.be.accessible();
      await loaded(el);
      expect(names(el).every((n) => n.length > 0)).to.equal(true);
    });

    it('shows only general content by default', async () => {
      const el = await inStorefront(html`<aip-storefront><aip-catalog page-size="100"></aip-catalog></aip-storefront>`);
      const expected = await catalogFromApi('limit=100');
      expect(names(el)).to.deep.equal(expected.map((p) => p.name));
      expect(expected.every((p) => p.contentRating === 'general')).to.equal(true);
    });
  });

  describe('attributes', () => {
    it('sorts by price and pages by page-size', async () => {
      const expected = await catalogFromApi('limit=5&sort=price_asc');
      const el = await inStorefront(
        html`<aip-storefront><aip-catalog page-size="5" sort="price_asc"></aip-catalog></aip-storefront>`,
      );
      expect(names(el)).to.deep.equal(expected.map((p) => p.name));
    });

    it('includes rated listings, covered, when the storefront allows them', async () => {
      const expected = await catalogFromApi('limit=100&rating=explicit');
      const el = await inStorefront(
        html`<aip-storefront max-rating="explicit"><aip-catalog page-size="100"></aip-catalog></aip-storefront>`,
      );
      expect(cards(el)).to.have.length(expected.length);
      expect(el.shadowRoot!.querySelectorAll('aip-persona-card').length).to.be.greaterThan(0);
      const covered = cards(el).filter((c) => c.shadowRoot!.querySelector('[part="rating-cover"]'));
      expect(covered).to.have.length(expected.filter((p) => p.contentRating !== 'general').length);
    });

    it('works standalone with its own api and creator', async () => {
      const expected = await catalogFromApi('creator=nova-studio&limit=3');
      const el = await inStorefront(html`<aip-catalog api="/" creator="nova-studio" page-size="3"></aip-catalog>`);
      expect(names(el)).to.deep.equal(expected.map((p) => p.name));
    });
  });

  describe('paging', () => {
    it('loads the next page with "Show more" until there is none', async () => {
      const all = await catalogFromApi('creator=nova-studio&limit=100');
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"><aip-catalog page-size="3"></aip-catalog></aip-storefront>`,
      );
      expect(cards(el)).to.have.length(3);
      let more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]');
      while (more) {
        const count = cards(el).length;
        more.click();
        await waitUntil(() => cards(el).length > count, 'next page appended');
        await loaded(el);
        more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]');
      }
      expect(names(el)).to.deep.equal(all.map((p) => p.name));
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.match(/more personas loaded/);
      await expect(el).to.be.accessible();
    });
  });

  describe('events', () => {
    it('lets aip-select from a card bubble out of the catalog', async () => {
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"><aip-catalog page-size="2"></aip-catalog></aip-storefront>`,
      );
      const chosen: string[] = [];
      document.addEventListener('aip-select', (e) => chosen.push(e.detail.persona.id), { once: true });
      cards(el)[1].shadowRoot!.querySelector<HTMLButtonElement>('button.select')!.click();
      const expected = await catalogFromApi('creator=nova-studio&limit=2');
      expect(chosen).to.deep.equal([expected[1].id]);
    });
  });

  describe('states', () => {
    it('says so when there is nothing to show', async () => {
      const el = await inStorefront(
        html`<aip-storefront creator="nobody-sells-here"><aip-catalog></aip-catalog></aip-storefront>`,
      );
      const status = await shadowQuery(el, '[part="status"]');
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent).to.contain('No personas to show from this creator yet');
      await expect(el).to.be.accessible();
    });

    it('shows an error with a retry when the marketplace fails', async () => {
      const el = await inStorefront(
        html`<aip-storefront api="/_fault/status=500"><aip-catalog></aip-catalog></aip-storefront>`,
      );
      const status = await shadowQuery(el, '[part="status"]');
      expect(status.getAttribute('role')).to.equal('alert');
      expect(status.textContent).to.contain('The catalog could not be loaded');
      expect(status.querySelector('button')!.textContent).to.contain('Try again');
      await expect(el).to.be.accessible();
    });

    it('asks the marketplace again on "Try again"', async () => {
      const el = await inStorefront(
        html`<aip-storefront api="/_fault/status=503,latency=1"><aip-catalog></aip-catalog></aip-storefront>`,
      );
      const sent = () => requestsMatching('/_fault/status=503,latency=1/v1/catalog').length;
      const before = sent();
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="status"] button')!.click();
      await waitUntil(() => sent() === before + 1, 'a second request');
      await loaded(el);
      expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('could not be loaded');
    });

    it('recovers when the storefront points at a working marketplace', async () => {
      const root = await fixture(
        html`<aip-storefront api="/_fault/status=503"><aip-catalog page-size="2"></aip-catalog></aip-storefront>`,
      );
      const el = root.querySelector('aip-catalog')!;
      await shadowQuery(el, '[part="status"]');
      root.setAttribute('api', '');
      await waitUntil(() => cards(el).length === 2, 'cards after recovery');
      await loaded(el);
      expect(names(el).every((n) => n.length > 0)).to.equal(true);
    });

    it('explains a network failure in words', async () => {
      const el = await inStorefront(html`<aip-catalog api="http://127.0.0.1:9"></aip-catalog>`);
      const status = await shadowQuery(el, '[part="status"]');
      expect(status.textContent).to.contain('Check your connection');
    });
  });

  describe('warnings', () => {
    it('warns once and falls back for a bad sort and page size', async () => {
      let el!: AipCatalog;
      const expected = await catalogFromApi('limit=12&sort=newest');
      const warnings = await captureWarnings(async () => {
        el = await inStorefront(
          html`<aip-storefront><aip-catalog sort="cheapest" page-size="1000"></aip-catalog></aip-storefront>`,
        );
      });
      expect(warnings.filter((w) => w.includes('sort="cheapest"'))).to.have.length(1);
      expect(warnings.filter((w) => w.includes('page-size="1000"'))).to.have.length(1);
      expect(names(el)).to.deep.equal(expected.map((p) => p.name));
    });
  });
});
