import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { AipStorefront } from '../src/components/storefront/storefront.js';
import type { StorefrontSettings } from '../src/components/storefront/context.js';
import { captureWarnings, requestsMatching, requestsTo, settingsOf, shadowQuery, thrownIntoPage } from './helpers.js';

describe('<aip-storefront>', () => {
  describe('defaults', () => {
    it('renders its children and shares default settings', async () => {
      const el = await fixture<AipStorefront>(html`<aip-storefront><p>hello</p></aip-storefront>`);
      expect(el.textContent).to.contain('hello');
      const s = settingsOf(el);
      expect(s.creator).to.equal(null);
      expect(s.maxRating).to.equal('general');
      expect(s.currency).to.equal('USD');
      expect(s.allowsRating('general')).to.equal(true);
      expect(s.allowsRating('suggestive')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('takes its locale from the page when it has none', async () => {
      const wrapper = await fixture(html`<section lang="de"><aip-storefront></aip-storefront></section>`);
      expect(settingsOf(wrapper.querySelector('aip-storefront')!).locale).to.equal('de');
    });
  });

  describe('attributes', () => {
    it('shares creator, locale, currency and rating limit', async () => {
      const el = await fixture<AipStorefront>(
        html`<aip-storefront creator="nova-studio" locale="es-ES" currency="EUR" max-rating="erotic"></aip-storefront>`,
      );
      const s = settingsOf(el);
      expect([s.creator, s.locale, s.currency, s.maxRating]).to.deep.equal(['nova-studio', 'es-ES', 'EUR', 'erotic']);
      expect(s.allowsRating('erotic')).to.equal(true);
      expect(s.allowsRating('explicit')).to.equal(false);
      expect(s.formatMoney({ amount: 4900, currency: 'EUR' }).replace(/\s/g, ' ')).to.equal('49 €');
    });

    it('gives the elements under one storefront one client, and so one cache', async () => {
      const el = await fixture<AipStorefront>(html`<aip-storefront api="/"></aip-storefront>`);
      const other = await fixture<AipStorefront>(html`<aip-storefront api="/"></aip-storefront>`);
      expect(settingsOf(el).client).to.equal(settingsOf(other).client);
    });

    it("sets its client's timeout and retries, and keeps them for an element with its own api", async () => {
      const el = await fixture<AipStorefront>(
        html`<aip-storefront api="/" timeout="2500" retries="0"><aip-price api="/other"></aip-price></aip-storefront>`,
      );
      const { client } = settingsOf(el);
      expect([client.timeoutMs, client.retries]).to.deep.equal([2500, 0]);
      const defaults = settingsOf(await fixture(html`<aip-storefront api="/"></aip-storefront>`)).client;
      expect([defaults.timeoutMs, defaults.retries]).to.deep.equal([15_000, 2]);
      expect(defaults).not.to.equal(client);
      const price = el.querySelector('aip-price')!;
      await price.updateComplete;
      const own = (price as unknown as { store: { value: StorefrontSettings } }).store.value.client;
      expect([own.baseUrl, own.timeoutMs, own.retries]).to.deep.equal(['/other', 2500, 0]);
      el.retries = 1;
      await el.updateComplete;
      expect(settingsOf(el).client.retries).to.equal(1);
    });

    it('provides new settings when an attribute changes', async () => {
      const el = await fixture<AipStorefront>(html`<aip-storefront creator="nova-studio"></aip-storefront>`);
      const before = settingsOf(el);
      el.creator = 'kite-and-key';
      await el.updateComplete;
      expect(settingsOf(el).creator).to.equal('kite-and-key');
      expect(before.creator).to.equal('nova-studio');
    });

    it('reflects the theme, which switches the tokens to dark values', async () => {
      const el = await fixture<AipStorefront>(html`<aip-storefront theme="dark"></aip-storefront>`);
      expect(getComputedStyle(el).getPropertyValue('--aip-color-surface').trim()).to.equal('#1d1d24');
      el.theme = 'light';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('light');
      expect(getComputedStyle(el).getPropertyValue('--aip-color-surface').trim()).to.equal('');
    });
  });

  describe('elements inside', () => {
    const shown = (price: Element) => (price.shadowRoot!.textContent ?? '').replace(/\s/g, ' ').trim();

    it("an element's api set to undefined (a framework's unset prop) uses the storefront's, throwing nothing", async () => {
      const thrown = await thrownIntoPage(async () => {
        const storefront = await fixture<AipStorefront>(
          html`<aip-storefront api="/_fault/latency=1" locale="de-DE" currency="EUR"></aip-storefront>`,
        );
        // As a framework passes an optional prop nobody set.
        const unset = { api: undefined as unknown as null };
        const price = Object.assign(document.createElement('aip-price'), { amount: 123456, ...unset });
        const card = Object.assign(document.createElement('aip-persona-card'), { persona: 'hana-sato', ...unset });
        storefront.append(price, card);
        await price.updateComplete;
        expect(shown(price)).to.equal('1.234,56 €');
        await shadowQuery(card, '[part="title"]');
      });
      expect(thrown).to.deep.equal([]);
      expect(requestsMatching('/_fault/latency=1/v1/personas/hana-sato')).to.have.length.greaterThan(0);
    });

    it('an element taken out of its storefront goes back to its own defaults, and back in takes them again', async () => {
      const root = await fixture(
        html`<div lang="en-US">
          <aip-storefront locale="de-DE" currency="EUR"><aip-price amount="123456"></aip-price></aip-storefront>
          <div class="outside"></div>
        </div>`,
      );
      const price = root.querySelector('aip-price')!;
      await price.updateComplete;
      expect(shown(price)).to.equal('1.234,56 €');
      root.querySelector('.outside')!.append(price);
      await price.updateComplete;
      expect(shown(price)).to.equal('$1,234.56');
      root.querySelector('aip-storefront')!.append(price);
      await price.updateComplete;
      expect(shown(price)).to.equal('1.234,56 €');
    });
  });

  describe('an element removed while it loads', () => {
    it("asks nothing of the page's own origin when its answer lands after it left", async () => {
      // The storefront names another marketplace (here, the faulted one), slow to answer.
      const api = `/_fault/latency=${800 + (Date.now() % 100)},only=personas`;
      // The requests the page makes, watched (and passed on as they are): the card leaves once it has asked.
      const asked: string[] = [];
      const pageFetch = window.fetch;
      window.fetch = (input, init) => {
        asked.push(input instanceof Request ? input.url : String(input));
        return pageFetch(input, init);
      };
      let card;
      try {
        const root = await fixture(
          html`<aip-storefront api=${api} creator="nova-studio"
            ><aip-persona-card persona="mina-park"></aip-persona-card
          ></aip-storefront>`,
        );
        card = root.querySelector('aip-persona-card')!;
        await waitUntil(() => asked.some((url) => url.includes(`${api}/v1/personas/mina-park`)), 'the card asks');
      } finally {
        window.fetch = pageFetch;
      }
      card.remove();
      await waitUntil(() => requestsMatching(`${api}/v1/personas/mina-park`)[0]?.responseEnd, 'the answer', {
        timeout: 5000,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(requestsTo('/v1/personas/mina-park')).to.have.length(0);
    });
  });

  describe('warnings', () => {
    it('warns once per bad attribute and falls back to safe values', async () => {
      let el!: AipStorefront;
      const warnings = await captureWarnings(async () => {
        el = await fixture<AipStorefront>(
          html`<aip-storefront
            creator="Nova Studio!"
            locale="xx_invalid_"
            currency="dollars"
            max-rating="anything"
            theme="neon"
            timeout="soon"
            retries="-1"
          ></aip-storefront>`,
        );
        el.requestUpdate();
        await el.updateComplete;
      });
      const s = settingsOf(el);
      expect([s.creator, s.currency, s.maxRating]).to.deep.equal([null, 'USD', 'general']);
      expect([s.client.timeoutMs, s.client.retries]).to.deep.equal([15_000, 2]);
      expect(el.theme).to.equal('light');
      for (const attr of ['creator=', 'locale=', 'currency=', 'max-rating=', 'theme=', 'timeout=', 'retries=']) {
        expect(
          warnings.filter((w) => w.includes(attr)),
          attr,
        ).to.have.length(1);
      }
    });

    it('takes values of the wrong type from script with a warning, and never throws into the page', async () => {
      const errors: string[] = [];
      const onError = (e: ErrorEvent | PromiseRejectionEvent) =>
        errors.push(String('message' in e ? e.message : e.reason));
      addEventListener('error', onError);
      addEventListener('unhandledrejection', onError);
      let el!: AipStorefront;
      let warnings: string[];
      try {
        el = await fixture<AipStorefront>(
          html`<aip-storefront
            ><aip-catalog page-size="2"></aip-catalog><aip-persona-card persona="noor-haddad"></aip-persona-card
          ></aip-storefront>`,
        );
        warnings = await captureWarnings(async () => {
          const loose = el as unknown as Record<string, unknown>;
          Object.assign(loose, { currency: 5, creator: 42, api: 123, messages: 'Zur Kasse', locale: 7 });
          Object.assign(el.querySelector('aip-catalog') as unknown as Record<string, unknown>, {
            filters: ['search'],
            creator: 7,
          });
          Object.assign(el.querySelector('aip-persona-card') as unknown as Record<string, unknown>, { persona: 42 });
          await el.updateComplete;
          await new Promise((r) => setTimeout(r, 200));
        });
      } finally {
        removeEventListener('error', onError);
        removeEventListener('unhandledrejection', onError);
      }
      expect(errors).to.deep.equal([]);
      const s = settingsOf(el);
      expect([s.creator, s.currency, s.client.baseUrl]).to.deep.equal([null, 'USD', '']);
      for (const said of ['currency="5"', 'creator="42"', 'api was set to a number', 'messages must be an object']) {
        expect(
          warnings.some((w) => w.includes(said)),
          `${said} in ${warnings.join(' | ')}`,
        ).to.equal(true);
      }
      expect(warnings.some((w) => w.includes('<aip-catalog>: filters was set to an array'))).to.equal(true);
      expect(warnings.some((w) => w.includes('<aip-persona-card>: persona="42"'))).to.equal(true);
    });

    it('warns about an api that is not a URL, or that names the /v1 the client adds', async () => {
      const warnings = await captureWarnings(async () => {
        await fixture(html`<aip-storefront api="not a url"></aip-storefront>`);
        await fixture(html`<aip-storefront api="https://marketplace.example/v1/"></aip-storefront>`);
        await fixture(html`<aip-storefront api="https://marketplace.example"></aip-storefront>`);
        await fixture(html`<aip-storefront api="/_fault/latency=1"></aip-storefront>`);
      });
      expect(warnings).to.have.length(2);
      expect(warnings[0]).to.contain('api="not a url" is not an http(s) URL or a path');
      expect(warnings[1]).to.contain('ends in /v1');
    });

    it('does not call a listing gone when its api answers 404 without the marketplace error body', async () => {
      const el = await fixture(
        html`<aip-storefront api="/not-the-marketplace"
          ><aip-persona-card persona="noor-haddad"></aip-persona-card
        ></aip-storefront>`,
      );
      const card = el.querySelector('aip-persona-card')!;
      const text = () => card.shadowRoot!.textContent ?? '';
      await waitUntil(() => text().includes('could not be loaded'), `the card's error (${text()})`, { timeout: 5000 });
      expect(text()).to.not.contain('not listed');
    });

    it("reports the package's own version when two copies meet", async () => {
      const { VERSION } = await import('../src/internal/define.js');
      const { version } = (await import('../package.json')).default;
      expect(VERSION, 'src/internal/define.ts VERSION follows package.json').to.equal(version);
    });

    it('does not throw when its tag is defined twice', async () => {
      const { define } = await import('../src/internal/define.js');
      const { AipStorefront } = await import('../src/components/storefront/storefront.js');
      expect(() => define('aip-storefront', AipStorefront)).not.to.throw();
      customElements.define('aip-clash-test', class extends HTMLElement {});
      const warnings = await captureWarnings(() => define('aip-clash-test', class extends HTMLElement {}));
      expect(warnings.join()).to.match(/already defined by another script/);
    });
  });
});
