import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// forgetAgeConfirmation from the package's entry, as a host page's "hide adult content" control imports it.
import { forgetAgeConfirmation } from '../src/index.js';
import { CARD_PARTS, type AipPersonaCard } from '../src/components/persona-card/persona-card.js';
import type { PersonaSummary } from '../src/api/schemas.js';
import { clientFor } from '../src/components/storefront/context.js';
import { structuredDataWritten } from '../src/internal/structured-data.js';
import { captureWarnings, catalogFromApi, requestsMatching, shadowQuery, underFault } from './helpers.js';

const part = (el: AipPersonaCard, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

async function firstWith(query: string): Promise<PersonaSummary> {
  const [persona] = await catalogFromApi(query);
  if (!persona) throw new Error(`the seed has no persona for ${query}`);
  return persona;
}

describe('<aip-persona-card>', () => {
  beforeEach(() => forgetAgeConfirmation());
  describe('defaults', () => {
    it('shows a placeholder of its final size while it has nothing to show', async () => {
      const el = await fixture<AipPersonaCard>(html`<aip-persona-card style="width: 240px"></aip-persona-card>`);
      const base = part(el, 'base')!;
      expect(base.classList.contains('skeleton')).to.equal(true);
      expect(base.getAttribute('aria-hidden')).to.equal('true');
      // The image box keeps its 4:5 ratio before any data arrives.
      const media = part(el, 'media')!.getBoundingClientRect();
      expect(Math.round(media.height)).to.equal(Math.round((media.width * 5) / 4));
      await expect(el).to.be.accessible();
    });

    it('is as tall as the card that replaces it, in every layout', async () => {
      // A listing whose name, meta line and tags each take one line at this width.
      const summary = { ...(await firstWith('availability=open&limit=1')), name: 'Nova', tags: ['calm'] };
      const widths = { vertical: 300, horizontal: 560, compact: 420 };
      for (const [layout, width] of Object.entries(widths)) {
        const host = await fixture<HTMLElement>(
          html`<div style="display: grid; gap: 8px; width: ${width}px">
            <aip-persona-card layout=${layout}></aip-persona-card>
            <aip-persona-card layout=${layout} .data=${summary}></aip-persona-card>
          </div>`,
        );
        const [skeleton, card] = [...host.querySelectorAll<AipPersonaCard>('aip-persona-card')];
        await card!.updateComplete;
        const height = (el: AipPersonaCard) => Math.round(part(el, 'base')!.getBoundingClientRect().height);
        expect(part(skeleton!, 'base')!.classList.contains('skeleton'), layout).to.equal(true);
        expect(height(skeleton!), layout).to.equal(height(card!));
      }
    });
  });

  describe('attributes', () => {
    it('loads a listing by id from the marketplace and shows what a buyer needs', async () => {
      const summary = await firstWith('availability=open&creator=nova-studio&limit=1');
      const el = await fixture<AipPersonaCard>(html`<aip-persona-card persona=${summary.id}></aip-persona-card>`);
      const title = await shadowQuery(el, '[part="title"]');
      expect(title.textContent!.trim()).to.equal(summary.name);
      expect(part(el, 'meta')!.textContent).to.contain(summary.creator.name);
      const img = part(el, 'image') as HTMLImageElement;
      expect(img.getAttribute('width')).to.equal(String(summary.titleImage.width));
      expect(img.getAttribute('height')).to.equal(String(summary.titleImage.height));
      expect(img.loading).to.equal('lazy');
      expect(img.alt).to.not.equal('');
      expect(part(el, 'price')!.textContent).to.match(/From/);
      expect(part(el, 'disclosure')!.textContent).to.match(/AI-generated/);
      await expect(el).to.be.accessible();
    });

    it('renders from data without any request', async () => {
      const summary = await firstWith('availability=open&sort=price_desc&limit=1');
      const before = requestsMatching(`/v1/personas/${summary.id}`).length;
      const el = await fixture<AipPersonaCard>(html`<aip-persona-card .data=${summary}></aip-persona-card>`);
      expect(part(el, 'title')!.textContent!.trim()).to.equal(summary.name);
      expect(part(el, 'price-amount')!.textContent).to.match(/^\$[\d,]+(\.\d\d)?$/);
      expect(requestsMatching(`/v1/personas/${summary.id}`)).to.have.length(before);
    });

    it('shows at most max-tags tags and says how many more there are', async () => {
      const summary = { ...(await firstWith('limit=1')), tags: ['one', 'two', 'three', 'four', 'five'] };
      const el = await fixture<AipPersonaCard>(
        html`<aip-persona-card max-tags="2" .data=${summary}></aip-persona-card>`,
      );
      const tags = [...part(el, 'tags')!.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(tags).to.deep.equal(['one', 'two', '+3 more']);
    });

    it('uses the heading level it is given', async () => {
      const summary = await firstWith('limit=1');
      const el = await fixture<AipPersonaCard>(
        html`<aip-persona-card heading-level="2" .data=${summary}></aip-persona-card>`,
      );
      expect(part(el, 'title')!.localName).to.equal('h2');
      el.headingLevel = 4;
      await el.updateComplete;
      expect(part(el, 'title')!.localName).to.equal('h4');
      el.removeAttribute('heading-level');
      el.headingLevel = 3;
      await el.updateComplete;
      expect(part(el, 'title')!.localName).to.equal('h3');
      expect(part(el, 'title')!.querySelector('button.select')!.textContent).to.equal(summary.name);
    });
  });

  describe('events', () => {
    it('fires a cancelable, composed aip-select with the persona on click', async () => {
      const summary = await firstWith('limit=1');
      const el = await fixture<AipPersonaCard>(html`<aip-persona-card .data=${summary}></aip-persona-card>`);
      setTimeout(() => (el.shadowRoot!.querySelector('button.select') as HTMLButtonElement).click());
      const event = await oneEvent(el, 'aip-select');
      expect(event.detail.persona.id).to.equal(summary.id);
      expect(event.cancelable).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.bubbles).to.equal(true);
    });
  });

  describe('keyboard', () => {
    it('is one tab stop, and Enter chooses the persona', async () => {
      const summary = await firstWith('limit=1');
      const wrapper = await fixture(
        html`<div><button id="before">before</button><aip-persona-card .data=${summary}></aip-persona-card></div>`,
      );
      const el = wrapper.querySelector('aip-persona-card')!;
      (wrapper.querySelector('#before') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.classList.contains('select')).to.equal(true);
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const event = await oneEvent(el, 'aip-select');
      expect(event.detail.persona.id).to.equal(summary.id);
    });
  });

  describe('states', () => {
    it('shows "Exclusively licensed until <date>" and no price while an Exclusive runs', async () => {
      const summary = await firstWith('availability=exclusive_active&limit=1');
      const el = await fixture<AipPersonaCard>(html`<aip-persona-card persona=${summary.id}></aip-persona-card>`);
      const badge = await shadowQuery(el, '[part="badge"]');
      const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(summary.exclusiveUntil!));
      expect(badge.textContent).to.equal(`Exclusively licensed until ${date}`);
      expect(part(el, 'price')!.textContent).to.match(/Not available now/);
      expect(part(el, 'price-amount')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows an assigned listing as no longer for sale', async () => {
      const summary = await firstWith('availability=assigned&limit=1');
      const el = await fixture<AipPersonaCard>(html`<aip-persona-card .data=${summary}></aip-persona-card>`);
      expect(part(el, 'badge')!.textContent).to.equal('Assigned');
      expect(part(el, 'price')!.textContent).to.match(/No longer for sale/);
      await expect(el).to.be.accessible();
    });

    it('does not show a listing above the storefront rating limit at all', async () => {
      const summary = (await catalogFromApi('rating=explicit&limit=100')).find((p) => p.contentRating === 'explicit')!;
      const el = await fixture(
        html`<aip-storefront><aip-persona-card .data=${summary}></aip-persona-card></aip-storefront>`,
      );
      const card = el.querySelector('aip-persona-card')!;
      await card.updateComplete;
      expect(card.shadowRoot!.textContent).to.contain('not shown on this site');
      expect(card.shadowRoot!.textContent).not.to.contain(summary.name);
    });

    it('says a listing that does not exist is not listed', async () => {
      const el = await fixture<AipPersonaCard>(html`<aip-persona-card persona="no-such-persona"></aip-persona-card>`);
      const alert = await shadowQuery(el, '[role="alert"]');
      expect(alert.textContent).to.contain('This persona is not listed on the marketplace.');
      await expect(el).to.be.accessible();
    });

    it('offers a retry when the marketplace fails, and recovers', async () => {
      const summary = await firstWith('limit=1');
      const el = await fixture<AipPersonaCard>(
        html`<aip-persona-card api="/_fault/status=503" persona=${summary.id}></aip-persona-card>`,
      );
      const alert = await shadowQuery(el, '[role="alert"]');
      expect(alert.textContent).to.contain('could not be loaded');
      await expect(el).to.be.accessible();
      el.api = null; // the marketplace is back
      await waitUntil(() => part(el, 'title'), 'card rendered after recovery');
      expect(part(el, 'title')!.textContent!.trim()).to.equal(summary.name);
    });
  });

  describe('a dropped connection', () => {
    it('loads again an image that failed while the browser was offline, once it is back online', async () => {
      const summary = await firstWith('rating=general&limit=1');
      // The image's first request fails, as it would with the phone's connection gone; the next one works.
      const url = underFault(summary.titleImage.url, 'status=503,times=1,latency=1');
      const data = { ...summary, titleImage: { ...summary.titleImage, url, srcset: [] } };
      const el = await fixture<AipPersonaCard>(html`<aip-persona-card .data=${data}></aip-persona-card>`);
      const img = part(el, 'image') as HTMLImageElement;
      await waitUntil(() => img.complete, 'the image request did not end', { timeout: 5000 });
      expect(img.naturalWidth, 'the first request fails').to.equal(0);
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => img.naturalWidth > 0, 'the image was not asked for again', { timeout: 5000 });
      expect(requestsMatching(new URL(url).pathname).length).to.equal(2);
    });
  });

  describe('leaving the page', () => {
    // Its own api, so only this test's card uses the client and its requests can be counted.
    const api = '/_fault/latency=4';
    const fetched = () => requestsMatching(`${api}/v1/personas/noor-haddad`).length;

    it('a card removed before its first render stops listening: a later sale of its listing fetches nothing', async () => {
      const card = document.createElement('aip-persona-card');
      card.api = api;
      card.persona = 'noor-haddad';
      document.body.append(card);
      card.remove(); // before its update, as the catalog drops its placeholders when an answer comes from the cache
      await card.updateComplete;
      await waitUntil(() => fetched() === 1, 'the one request of its pending render', { timeout: 5000 });
      clientFor(api).listingChanged('noor-haddad'); // a sale on this page changed the listing
      await new Promise((done) => setTimeout(done, 500));
      expect(fetched(), 'requests for a card no longer on the page').to.equal(1);
    });

    it('a card rendered off the page shows its image once it is back', async () => {
      const data = await firstWith('limit=1');
      const card = document.createElement('aip-persona-card');
      card.data = data;
      document.body.append(card);
      card.remove();
      await card.updateComplete;
      expect(part(card, 'image') === null, 'no image made off the page').to.equal(true);
      document.body.append(card);
      try {
        await waitUntil(() => part(card, 'image'), 'the image is rendered on return');
        expect(part(card, 'image')!.getAttribute('src')).to.equal(data.titleImage.url);
      } finally {
        card.remove();
      }
    });
  });

  describe('layouts', () => {
    it('puts the image beside the text in the horizontal layout', async () => {
      const summary = await firstWith('limit=1');
      const el = await fixture<AipPersonaCard>(
        html`<aip-persona-card layout="horizontal" style="width: 480px" .data=${summary}></aip-persona-card>`,
      );
      const media = part(el, 'media')!.getBoundingClientRect();
      const body = part(el, 'body')!.getBoundingClientRect();
      expect(media.right).to.be.at.most(body.left + 1);
      expect(Math.round(media.width)).to.equal(Math.round(part(el, 'base')!.clientWidth * 0.4));
      await expect(el).to.be.accessible();
    });

    it('shows a thumbnail row without tags or badge in the compact layout', async () => {
      const summary = await firstWith('availability=exclusive_active&limit=1');
      const el = await fixture<AipPersonaCard>(
        html`<aip-persona-card layout="compact" .data=${summary}></aip-persona-card>`,
      );
      expect(Math.round(part(el, 'media')!.getBoundingClientRect().width)).to.equal(64);
      expect(part(el, 'tags')).to.equal(null);
      expect(part(el, 'badge')).to.equal(null);
      expect(part(el, 'price')!.textContent).to.contain('Not available now');
      await expect(el).to.be.accessible();
    });

    it('reflects a layout the host sets, and goes back to vertical when the attribute is removed', async () => {
      const summary = await firstWith('limit=1');
      const el = await fixture<AipPersonaCard>(html`<aip-persona-card .data=${summary}></aip-persona-card>`);
      const imageWidth = () => Math.round(part(el, 'media')!.getBoundingClientRect().width);
      expect(el.layout).to.equal('vertical');
      // The default is not written into every card of a grid.
      expect(el.hasAttribute('layout')).to.equal(false);
      const vertical = imageWidth();

      el.layout = 'compact';
      await el.updateComplete;
      expect(el.getAttribute('layout')).to.equal('compact');
      expect(imageWidth()).to.equal(64);

      el.removeAttribute('layout');
      await el.updateComplete;
      expect(el.layout).to.equal('vertical');
      expect(imageWidth()).to.equal(vertical);
    });
  });

  describe('link-first fallback', () => {
    it('hides the fallback link once the listing is shown', async () => {
      const summary = await firstWith('limit=1');
      const el = await fixture<AipPersonaCard>(
        html`<aip-persona-card persona=${summary.id}
          ><a href="/p/${summary.id}">${summary.name}: AI persona</a></aip-persona-card
        >`,
      );
      await shadowQuery(el, '[part="title"]');
      expect((part(el, 'fallback') as HTMLElement).hidden).to.equal(true);
      expect(el.querySelector('a')!.getBoundingClientRect().height).to.equal(0);
    });

    it('shows the fallback link when the marketplace is down', async () => {
      const summary = await firstWith('limit=1');
      const el = await fixture<AipPersonaCard>(
        html`<aip-persona-card api="/_fault/status=503" persona=${summary.id}
          ><a href="/p/${summary.id}">${summary.name}: AI persona</a></aip-persona-card
        >`,
      );
      await shadowQuery(el, '[role="alert"]');
      expect((part(el, 'fallback') as HTMLElement).hidden).to.equal(false);
      const link = el.querySelector('a')!;
      expect(link.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(el.shadowRoot!.textContent).to.contain('You can still open it on the marketplace');
      // Read in order: what went wrong, the retry, then the way round it, just above the link.
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.lastElementChild!.textContent).to.contain('You can still open it on the marketplace');
      await expect(el).to.be.accessible();
    });

    it('draws no empty fallback box when the host gave none', async () => {
      const summary = await firstWith('limit=1');
      const el = await fixture<AipPersonaCard>(
        html`<aip-persona-card api="/_fault/status=503" persona=${summary.id}></aip-persona-card>`,
      );
      await shadowQuery(el, '[role="alert"]');
      const box = part(el, 'fallback') as HTMLElement;
      expect(box.hidden).to.equal(true);
      expect(box.getBoundingClientRect().height).to.equal(0);
    });

    it('follows the fallback link when aip-select is not cancelled, and not when it is', async () => {
      const summary = await firstWith('limit=1');
      const el = await fixture<AipPersonaCard>(
        html`<aip-persona-card .data=${summary}><a href="#aip-${summary.id}">${summary.name}</a></aip-persona-card>`,
      );
      const select = el.shadowRoot!.querySelector<HTMLButtonElement>('button.select')!;
      const veto = (e: Event) => e.preventDefault();
      el.addEventListener('aip-select', veto, { once: true });
      select.click();
      expect(location.hash).to.not.equal(`#aip-${summary.id}`);
      select.click();
      expect(location.hash).to.equal(`#aip-${summary.id}`);
      history.replaceState(null, '', location.pathname + location.search);
    });
  });

  describe('content rating gate', () => {
    const rated = async () =>
      (await catalogFromApi('rating=explicit&limit=100')).filter((p) => p.contentRating !== 'general');

    it('covers rated content and never requests its image before the viewer confirms', async () => {
      const [summary] = await rated();
      const el = await fixture(
        html`<aip-storefront max-rating="explicit"
          ><aip-persona-card .data=${summary}></aip-persona-card
        ></aip-storefront>`,
      );
      const card = el.querySelector('aip-persona-card')!;
      await card.updateComplete;
      expect(part(card, 'rating-cover')!.textContent).to.match(/18\+/);
      expect(part(card, 'image')).to.equal(null);
      expect(card.shadowRoot!.innerHTML).not.to.contain(new URL(summary.titleImage.url).pathname);
      await new Promise((r) => setTimeout(r, 100));
      expect(requestsMatching(new URL(summary.titleImage.url).pathname)).to.have.length(0);
      await expect(card).to.be.accessible();
    });

    it('asks for 18+ confirmation in a dialog; Cancel keeps the cover and returns focus', async () => {
      const [, summary] = await rated();
      const el = await fixture(
        html`<aip-storefront max-rating="explicit"
          ><aip-persona-card .data=${summary}></aip-persona-card
        ></aip-storefront>`,
      );
      const card = el.querySelector('aip-persona-card')!;
      await card.updateComplete;
      const show = part(card, 'reveal-button') as HTMLButtonElement;
      // Said to open a dialog, as the detail's own "Show" button is, and named for what it shows: the
      // persona's name alone is the name of the button that opens the persona.
      expect(show.getAttribute('aria-haspopup')).to.equal('dialog');
      const title = part(card, 'title')!.textContent!.trim();
      expect(show.getAttribute('aria-label')).to.equal(`Show the image of ${title}`);
      expect(show.textContent!.trim()).to.equal('Show');
      show.click();
      const dialog = part(card, 'age-dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(dialog.textContent).to.contain('18 or older');
      await expect(card).to.be.accessible();
      [...dialog.querySelectorAll('button')].find((b) => b.textContent!.includes('Cancel'))!.click();
      expect(dialog.open).to.equal(false);
      expect(card.shadowRoot!.activeElement).to.equal(show);
      expect(part(card, 'image')).to.equal(null);
    });

    it('reveals every rated card once confirmed, for the browsing session', async () => {
      const [a, b] = await rated();
      const el = await fixture(
        html`<aip-storefront max-rating="explicit">
          <aip-persona-card .data=${a}></aip-persona-card><aip-persona-card .data=${b}></aip-persona-card>
        </aip-storefront>`,
      );
      const [first, second] = [...el.querySelectorAll('aip-persona-card')];
      await first.updateComplete;
      (part(first, 'reveal-button') as HTMLButtonElement).click();
      const dialog = part(first, 'age-dialog') as HTMLDialogElement;
      [...dialog.querySelectorAll('button')].find((btn) => btn.textContent!.includes('18 or older'))!.click();
      await first.updateComplete;
      await second.updateComplete;
      expect((part(first, 'image') as HTMLImageElement).src).to.equal(a.titleImage.url);
      expect((part(second, 'image') as HTMLImageElement).src).to.equal(b.titleImage.url);
      expect(sessionStorage.getItem('aip-storefront:age-confirmed')).to.equal('yes');
      expect(first.shadowRoot!.activeElement?.classList.contains('select')).to.equal(true);
    });

    it('covers the cards already on screen again when the confirmation is withdrawn', async () => {
      const [a, b] = await rated();
      const el = await fixture(
        html`<aip-storefront max-rating="explicit">
          <aip-persona-card .data=${a}></aip-persona-card><aip-persona-card .data=${b}></aip-persona-card>
        </aip-storefront>`,
      );
      const shown = [...el.querySelectorAll('aip-persona-card')];
      await shown[0].updateComplete;
      (part(shown[0], 'reveal-button') as HTMLButtonElement).click();
      const dialog = part(shown[0], 'age-dialog') as HTMLDialogElement;
      [...dialog.querySelectorAll('button')].find((btn) => btn.textContent!.includes('18 or older'))!.click();
      await Promise.all(shown.map((c) => c.updateComplete));
      expect(shown.map((c) => part(c, 'image') !== null)).to.deep.equal([true, true]);

      // A host's "hide adult content" control.
      forgetAgeConfirmation();
      await Promise.all(shown.map((c) => c.updateComplete));
      for (const card of shown) {
        expect(part(card, 'rating-cover')?.textContent, 'the rating cover').to.match(/18\+/);
        expect(card.shadowRoot!.querySelector('img[part~="image"]')).to.equal(null);
      }
      expect(sessionStorage.getItem('aip-storefront:age-confirmed')).to.equal(null);
    });
  });

  describe('structured data', () => {
    it('writes a schema.org Product with the Commercial offer into the light DOM', async () => {
      const summary = await firstWith('availability=open&limit=1');
      const el = await fixture<AipPersonaCard>(html`<aip-persona-card .data=${summary}></aip-persona-card>`);
      await structuredDataWritten();
      const script = el.querySelector('script[type="application/ld+json"]')!;
      const data = JSON.parse(script.textContent!);
      expect(data['@type']).to.equal('Product');
      expect(data.name).to.equal(summary.name);
      expect(data.brand.name).to.equal(summary.creator.name);
      expect(data.image).to.equal(summary.titleImage.url);
      expect(data.offers.price).to.equal((summary.commercialPrice.amount / 100).toFixed(2));
      expect(data.offers.priceCurrency).to.equal('USD');
    });

    it('lists no offer for a listing that is not for sale', async () => {
      const summary = await firstWith('availability=assigned&limit=1');
      const el = await fixture<AipPersonaCard>(html`<aip-persona-card .data=${summary}></aip-persona-card>`);
      await structuredDataWritten();
      const data = JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!);
      expect(data).not.to.have.property('offers');
    });

    it('never describes rated content, even after confirmation', async () => {
      const summary = (await catalogFromApi('rating=explicit&limit=100')).find((p) => p.contentRating !== 'general')!;
      const el = await fixture(
        html`<aip-storefront max-rating="explicit"
          ><aip-persona-card .data=${summary}></aip-persona-card
        ></aip-storefront>`,
      );
      const card = el.querySelector('aip-persona-card')!;
      await card.updateComplete;
      await structuredDataWritten();
      expect(card.querySelector('script[type="application/ld+json"]')).to.equal(null);
    });

    it('can be turned off', async () => {
      const summary = await firstWith('limit=1');
      const el = await fixture<AipPersonaCard>(
        html`<aip-persona-card no-structured-data .data=${summary}></aip-persona-card>`,
      );
      await structuredDataWritten();
      expect(el.querySelector('script')).to.equal(null);
    });
  });

  describe('parts', () => {
    it('lists every part it renders in CARD_PARTS, which <aip-catalog> forwards', async () => {
      forgetAgeConfirmation();
      const listings = await catalogFromApi('rating=explicit&limit=100');
      const picks = [
        listings.find((p) => p.contentRating === 'general' && p.availability === 'open')!,
        listings.find((p) => p.availability !== 'open')!,
        listings.find((p) => p.contentRating !== 'general')!,
      ];
      const el = await fixture(
        html`<aip-storefront max-rating="explicit"
          >${picks.map((p) => html`<aip-persona-card .data=${p}></aip-persona-card>`)}</aip-storefront
        >`,
      );
      const cards = [...el.querySelectorAll('aip-persona-card')];
      await Promise.all(cards.map((c) => c.updateComplete));
      const rendered = new Set(
        cards.flatMap((c) => [...c.shadowRoot!.querySelectorAll('[part]')].flatMap((n) => n.part.value.split(' '))),
      );
      rendered.delete('fallback');
      expect([...rendered].filter((p) => !(CARD_PARTS as readonly string[]).includes(p))).to.deep.equal([]);
      for (const name of ['image', 'badge', 'price-amount', 'rating-cover', 'age-dialog']) {
        expect(rendered.has(name), name).to.equal(true);
      }
    });
  });

  describe('bad input from the host', () => {
    it('warns once about an id that is not a listing id, says it cannot show it, and shows the host link', async () => {
      let el!: AipPersonaCard;
      const warnings = await captureWarnings(async () => {
        el = await fixture<AipPersonaCard>(
          html`<aip-persona-card persona="mina park"
            ><a href="https://example.com/p/mina-park">Mina Park</a></aip-persona-card
          >`,
        );
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(warnings.filter((w) => w.includes('persona="mina park"'))).to.have.length(1);
      expect(part(el, 'base')!.textContent).to.contain('This listing cannot be shown here.');
      expect(part(el, 'base')!.textContent).to.not.contain('not listed');
      expect((part(el, 'fallback') as HTMLElement).hidden, 'the host link is shown').to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('holds data set from script to the listing contract: no exception, a warning, nothing stale', async () => {
      const persona = await firstWith('limit=1');
      const el = await fixture<AipPersonaCard>(
        html`<aip-persona-card .data=${persona}><a href="https://example.com/p">All personas</a></aip-persona-card>`,
      );
      expect(part(el, 'title')!.textContent).to.contain(persona.name);
      const errors: string[] = [];
      const onError = (e: ErrorEvent | PromiseRejectionEvent) =>
        errors.push(String('message' in e ? e.message : e.reason));
      addEventListener('error', onError);
      addEventListener('unhandledrejection', onError);
      try {
        for (const bad of [{}, 'mina-park', { ...persona, commercialPrice: { amount: 49.5, currency: 'USD' } }]) {
          const warnings = await captureWarnings(async () => {
            (el as unknown as { data: unknown }).data = bad;
            await el.updateComplete;
          });
          expect(warnings.join(), JSON.stringify(bad).slice(0, 40)).to.contain('data is not a persona listing');
          expect(part(el, 'title'), 'the previous listing is gone').to.equal(null);
          expect(part(el, 'base')!.textContent).to.contain('This listing cannot be shown here.');
          expect((part(el, 'fallback') as HTMLElement).hidden).to.equal(false);
        }
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        removeEventListener('error', onError);
        removeEventListener('unhandledrejection', onError);
      }
      expect(errors).to.deep.equal([]);
      el.data = persona;
      await el.updateComplete;
      expect(part(el, 'title')!.textContent, 'good data shows again').to.contain(persona.name);
    });

    it('warns about a heading level out of range and uses 3', async () => {
      const persona = await firstWith('limit=1');
      let el!: AipPersonaCard;
      const warnings = await captureWarnings(async () => {
        el = await fixture<AipPersonaCard>(
          html`<aip-persona-card heading-level="9" .data=${persona}></aip-persona-card>`,
        );
      });
      expect(warnings.filter((w) => w.includes('heading-level="9"'))).to.have.length(1);
      expect(part(el, 'title')!.localName).to.equal('h3');
    });
  });
});
