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

  describe('toolbar', () => {
    const control = (el: AipCatalog, label: string) =>
      [...el.shadowRoot!.querySelectorAll('label.field')]
        .find((l) => l.querySelector('span')!.textContent === label)!
        .querySelector<HTMLInputElement & HTMLSelectElement>('input, select')!;
    const choose = async (el: AipCatalog, label: string, value: string) => {
      const select = control(el, label);
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => el.shadowRoot!.querySelector('[part="grid"][aria-busy="true"]') === null, 'reloaded');
      await loaded(el);
    };

    it('searches as the buyer types', async () => {
      const el = await inStorefront(html`<aip-storefront><aip-catalog></aip-catalog></aip-storefront>`);
      const expected = await catalogFromApi('q=gaming&limit=12');
      expect(expected.length).to.be.greaterThan(0);
      const search = el.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!;
      search.value = 'gaming';
      search.dispatchEvent(new Event('input'));
      await waitUntil(() => names(el).join() === expected.map((p) => p.name).join(), 'search results shown', {
        timeout: 3000,
      });
      await expect(el).to.be.accessible();
    });

    it('filters by use case and availability, and sorts', async () => {
      const el = await inStorefront(html`<aip-storefront><aip-catalog page-size="100"></aip-catalog></aip-storefront>`);
      await choose(el, 'Use case', 'social_media');
      expect(names(el)).to.deep.equal((await catalogFromApi('useCase=social_media&limit=100')).map((p) => p.name));
      await choose(el, 'Availability', 'open');
      await choose(el, 'Sort by', 'price_desc');
      const expected = await catalogFromApi('useCase=social_media&availability=open&sort=price_desc&limit=100');
      expect(names(el)).to.deep.equal(expected.map((p) => p.name));
    });

    it('offers a rating filter only up to the storefront limit', async () => {
      const plain = await inStorefront(
        html`<aip-storefront><aip-catalog filters="rating"></aip-catalog></aip-storefront>`,
      );
      expect(plain.shadowRoot!.querySelector('[part="toolbar"] select')).to.equal(null);
      const el = await inStorefront(
        html`<aip-storefront max-rating="erotic"
          ><aip-catalog filters="rating" page-size="100"></aip-catalog
        ></aip-storefront>`,
      );
      const options = [...control(el, 'Content rating').options].map((o) => o.value);
      expect(options).to.deep.equal(['general', 'suggestive', 'erotic']);
      await choose(el, 'Content rating', 'general');
      expect(names(el)).to.deep.equal((await catalogFromApi('rating=general&limit=100')).map((p) => p.name));
    });

    it('offers "Clear filters" when nothing matches', async () => {
      const el = await inStorefront(html`<aip-storefront><aip-catalog filters="tag"></aip-catalog></aip-storefront>`);
      const tag = control(el, 'Tag');
      tag.value = 'no-such-tag-anywhere';
      tag.dispatchEvent(new Event('change'));
      const status = await shadowQuery(el, '[part="status"]');
      expect(status.textContent).to.contain('No personas match this search');
      await expect(el).to.be.accessible();
      (el.shadowRoot!.querySelector('[part="clear"]') as HTMLButtonElement).click();
      await waitUntil(() => cards(el).length > 0, 'cards back');
      expect(control(el, 'Tag').value).to.equal('');
    });

    it('hides the toolbar with filters="none"', async () => {
      const el = await inStorefront(html`<aip-storefront><aip-catalog filters="none"></aip-catalog></aip-storefront>`);
      expect(el.shadowRoot!.querySelector('[part="toolbar"]')).to.equal(null);
    });
  });

  describe('sync-url', () => {
    afterEach(() => history.replaceState(null, '', location.pathname));

    it('starts from the URL and writes choices back to it', async () => {
      history.replaceState(null, '', `${location.pathname}?aip-use-case=ecommerce_visuals&aip-sort=name&keep=1`);
      const el = await inStorefront(
        html`<aip-storefront><aip-catalog sync-url page-size="100"></aip-catalog></aip-storefront>`,
      );
      const expected = await catalogFromApi('useCase=ecommerce_visuals&sort=name&limit=100');
      expect(names(el)).to.deep.equal(expected.map((p) => p.name));
      const availability = [...el.shadowRoot!.querySelectorAll('select')][1];
      availability.value = 'open';
      availability.dispatchEvent(new Event('change'));
      const params = new URLSearchParams(location.search);
      expect(params.get('aip-availability')).to.equal('open');
      expect(params.get('aip-use-case')).to.equal('ecommerce_visuals');
      expect(params.get('keep')).to.equal('1');
    });

    it('ignores URL values that are not valid choices', async () => {
      history.replaceState(null, '', `${location.pathname}?aip-use-case=%3Cscript%3E&aip-sort=cheapest`);
      const el = await inStorefront(html`<aip-storefront><aip-catalog sync-url></aip-catalog></aip-storefront>`);
      expect(names(el)).to.deep.equal((await catalogFromApi('limit=12')).map((p) => p.name));
    });

    it('leaves the URL alone without sync-url', async () => {
      const el = await inStorefront(html`<aip-storefront><aip-catalog></aip-catalog></aip-storefront>`);
      const select = [...el.shadowRoot!.querySelectorAll('select')][0];
      select.value = 'social_media';
      select.dispatchEvent(new Event('change'));
      expect(location.search).to.equal('');
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
