import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { AipCatalog } from '../src/components/catalog/catalog.js';
import { structuredDataWritten } from '../src/internal/structured-data.js';
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

/** The position (`data-index`) of the card whose title has focus, or -1. */
const focusedIndex = (el: AipCatalog) =>
  Number(cards(el).find((c) => c.shadowRoot!.activeElement?.classList.contains('select'))?.dataset.index ?? -1);

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

    it('shows skeleton cards, marked busy, once the first page is a moment late, until it arrives', async () => {
      // Put in the page by hand, so nothing but microtasks runs between its being connected and the first look.
      const root = Object.assign(document.createElement('aip-storefront'), { api: '/_fault/latency=2000' });
      const el = Object.assign(document.createElement('aip-catalog'), { pageSize: 4 });
      root.append(el);
      (await fixture(html`<div></div>`)).append(root);
      await el.updateComplete;
      // A first page that answers at once is drawn with no placeholders before it: for a moment, nothing is drawn.
      expect(el.shadowRoot!.querySelector('[part="grid"], [part="toolbar"]')).to.equal(null);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="grid"]'), 'placeholders drawn', { timeout: 1500 });
      const grid = el.shadowRoot!.querySelector('[part="grid"]')!;
      expect(grid.getAttribute('aria-busy')).to.equal('true');
      expect(cards(el)).to.have.length(4);
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Loading personas');
      await expect(el).to.be.accessible();
      await loaded(el);
      expect(names(el).every((n) => n.length > 0)).to.equal(true);
    });

    it('says so over the placeholders when the marketplace is slow, without moving them', async function () {
      this.timeout(15_000);
      const root = await fixture(
        html`<aip-storefront api="/_fault/latency=6500"><aip-catalog page-size="4"></aip-catalog></aip-storefront>`,
      );
      const el = root.querySelector('aip-catalog')!;
      await waitUntil(() => cards(el).length, 'placeholders drawn');
      const status = () => el.shadowRoot!.querySelector('p[role="status"]')!.textContent!.trim();
      const slow = () => el.shadowRoot!.querySelector<HTMLElement>('[part="slow"]');
      const firstCard = () => cards(el)[0]!.getBoundingClientRect().top;
      expect(status()).to.equal('Loading personas…');
      expect(slow() === null, 'no note at first').to.equal(true);
      const top = firstCard();
      const said = 'Still loading: the connection or the marketplace is slow right now.';
      await waitUntil(() => slow(), 'no note after 4 s', { timeout: 6000 });
      expect(slow()!.textContent!.trim()).to.equal(said);
      expect(status()).to.equal(said);
      expect(firstCard(), 'the placeholders stay where they were').to.equal(top);
      await expect(el).to.be.accessible();
      await loaded(el);
      expect(slow() === null, 'the note is gone with the placeholders').to.equal(true);
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

    it('says each page "Show more" loads, the same count again included', async () => {
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"><aip-catalog page-size="2"></aip-catalog></aip-storefront>`,
      );
      const region = el.shadowRoot!.querySelector('p[role="status"]')!;
      const said: string[] = [];
      const observer = new MutationObserver(() => {
        const text = region.textContent!.trim();
        if (text !== said.at(-1)) said.push(text);
      });
      observer.observe(region, { subtree: true, childList: true, characterData: true });
      for (const count of [4, 6]) {
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.click();
        await waitUntil(() => cards(el).length === count, `${count} cards`);
        await waitUntil(() => region.textContent!.trim() !== '', 'something said');
      }
      observer.disconnect();
      // An unchanged region is not read again: it is emptied, then says it once more.
      expect(said).to.deep.equal(['2 more personas loaded.', '', '2 more personas loaded.']);
    });
  });

  describe('paging="infinite"', () => {
    /** A catalog of 2 per page far below the viewport, with its first page only. */
    async function farBelow(): Promise<AipCatalog> {
      const root = await fixture(
        html`<div>
          <aip-storefront creator="nova-studio"
            ><aip-catalog page-size="2" paging="infinite"></aip-catalog
          ></aip-storefront>
          <div style="height: 4000px"></div>
        </div>`,
      );
      const el = root.querySelector('aip-catalog')!;
      el.style.cssText = 'display: block; margin-top: 3000px';
      await loaded(el);
      await new Promise((r) => setTimeout(r, 300));
      expect(cards(el)).to.have.length(2);
      return el;
    }

    // From the top of the page: a view left at the page's end by an earlier test is kept there as the list
    // grows, and the catalog then waits for the reader to scroll (see the long catalog's tests).
    beforeEach(() => window.scrollTo(0, 0));
    afterEach(() => window.scrollTo(0, 0));

    it('loads the next pages by itself while the end of the list is near the viewport', async () => {
      const all = await catalogFromApi('creator=nova-studio&limit=100');
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"
          ><aip-catalog page-size="3" paging="infinite"></aip-catalog
        ></aip-storefront>`,
      );
      await waitUntil(() => cards(el).length === all.length, 'every page loaded without a click', { timeout: 5000 });
      await loaded(el);
      expect(names(el)).to.deep.equal(all.map((p) => p.name));
      expect(el.shadowRoot!.querySelector('[part="more"]')).to.equal(null);
    });

    it('waits until the buyer scrolls near the end', async () => {
      const el = await farBelow();
      el.shadowRoot!.querySelector('[part="more"]')!.scrollIntoView();
      await waitUntil(() => cards(el).length > 2, 'the next page loads once the end is in view');
    });

    it('moves focus from "Show more" to the first new card when reaching the button loads a page', async () => {
      const all = await catalogFromApi('creator=nova-studio&limit=100');
      const el = await farBelow();
      // Tabbing to the button scrolls it into view, which loads the next page above it.
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.focus();
      await waitUntil(
        () => focusedIndex(el) === 2,
        `focus on the first new card (on ${el.shadowRoot!.activeElement?.localName})`,
      );
      const card = cards(el)[2];
      expect(card.shadowRoot!.querySelector('[part="title"]')!.textContent).to.contain(all[2].name);
      const box = card.getBoundingClientRect();
      expect(box.top, 'in view').to.be.within(0, innerHeight - 1);
    });
  });

  describe('paging="infinite", standing alone', () => {
    it('still loads the next page near the end after being moved', async () => {
      const root = await fixture(
        html`<div>
          <div class="a"></div>
          <div class="b"></div>
        </div>`,
      );
      const el = document.createElement('aip-catalog');
      Object.assign(el, { api: '/', creator: 'nova-studio', pageSize: 2, paging: 'infinite' });
      el.style.cssText = 'display: block; margin-top: 3000px';
      root.querySelector('.a')!.append(el);
      await loaded(el);
      await new Promise((r) => setTimeout(r, 300));
      expect(cards(el)).to.have.length(2);
      root.querySelector('.b')!.append(el);
      await el.updateComplete;
      el.shadowRoot!.querySelector('[part="more"]')!.scrollIntoView();
      await waitUntil(() => cards(el).length > 2, 'the next page loads once the end is in view');
      window.scrollTo(0, 0);
    });
  });

  describe('a long catalog', () => {
    let market: { id: string; base: string };
    before(async () => {
      market = (await executeServerCommand('marketplace:create', { generate: 400, seed: false })) as typeof market;
    });
    after(() => executeServerCommand('marketplace:dispose', { id: market.id }));

    it('keeps the rows in view on a zoomed page (CSS zoom on an ancestor)', async function () {
      this.timeout(30_000);
      const root = await fixture(
        html`<div style="zoom: 1.5">
          <aip-storefront api=${market.base}
            ><aip-catalog page-size="100" paging="infinite" filters="none" style="width: 600px"></aip-catalog
          ></aip-storefront>
        </div>`,
      );
      const el = root.querySelector('aip-catalog')!;
      const list = () => el.shadowRoot!.querySelector('[part="grid"]')!;
      // As a reader goes to the end of the page, again and again (End, with focus outside the catalog).
      const loadedAll = () =>
        list()?.querySelector('[role="listitem"]')?.getAttribute('aria-setsize') === '400' &&
        list().getAttribute('aria-busy') === 'false';
      for (const start = Date.now(); !loadedAll() && Date.now() - start < 10_000;) {
        await sendKeys({ press: 'End' });
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(loadedAll(), 'all 400 listings loaded').to.equal(true);
      // Wherever the page is scrolled to within the catalog, cards fill the screen.
      for (const at of [0.3, 0.6, 0.9]) {
        const box = el.getBoundingClientRect();
        window.scrollTo(0, window.scrollY + box.top + box.height * at - innerHeight / 2);
        await waitUntil(
          () =>
            cards(el).some((c) => {
              const r = c.getBoundingClientRect();
              return r.bottom > 0 && r.top < innerHeight;
            }),
          `a card on screen at ${at * 100}% of the catalog`,
          { timeout: 3000, interval: 50 },
        );
      }
      window.scrollTo(0, 0);
    });

    it('loads no page by itself while the view sits at the end of a long list', async () => {
      const root = await fixture(
        html`<div>
          <aip-storefront api=${market.base}
            ><aip-catalog page-size="48" paging="infinite" filters="none" style="width: 760px"></aip-catalog
          ></aip-storefront>
          <footer style="height: 120px">The host page's footer</footer>
        </div>`,
      );
      const el = root.querySelector('aip-catalog')!;
      await loaded(el);
      const asked = () => requestsMatching(`${market.base}/v1/catalog`).length;
      const before = asked();
      // Straight to the end of the page, twice, as a scroll bar dragged down would; nobody scrolls after that.
      for (let i = 0; i < 2; i++) {
        window.scrollTo(0, document.documentElement.scrollHeight);
        await waitUntil(() => asked() > before + i, `page ${i + 2} asked for`);
        await waitUntil(() => el.shadowRoot!.querySelector('[part="grid"]')!.getAttribute('aria-busy') === 'false');
        await new Promise((r) => setTimeout(r, 300));
      }
      await new Promise((r) => setTimeout(r, 1500));
      expect(asked() - before, 'pages asked for').to.be.at.most(3);
      // Cards, not blank space, where the view is.
      const inView = cards(el).filter((c) => {
        const box = c.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      });
      expect(inView.length).to.be.greaterThan(0);
      // The reader asks for more from where the view was left (End, already at the end): one more page.
      const stopped = asked();
      await sendKeys({ press: 'End' });
      await waitUntil(() => asked() === stopped + 1, 'a page for the key press');
    });

    it('renders only the rows near the viewport, and every listing reachable', async function () {
      // Four pages of 100 to load by scrolling, then a walk back to the top: as long as its zoomed twin above.
      this.timeout(30_000);
      const el = await inStorefront(
        html`<aip-storefront api=${market.base}
          ><aip-catalog page-size="100" paging="infinite" filters="none" style="width: 760px"></aip-catalog
        ></aip-storefront>`,
      );
      const list = () => el.shadowRoot!.querySelector('[part="grid"]')!;
      // As a reader goes to the end of the page, again and again, until every page has loaded (End, with focus
      // outside the catalog: a script scrolling the window to its end each 100 ms can keep the list's end in reach
      // the whole time, and infinite paging waits for it to come into reach again, or for the reader's keys).
      const loadedAll = () =>
        !el.shadowRoot!.querySelector('[part="more"]') && list().getAttribute('aria-busy') === 'false';
      for (const start = Date.now(); !loadedAll() && Date.now() - start < 15_000;) {
        await sendKeys({ press: 'End' });
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(loadedAll(), 'all 400 listings loaded').to.equal(true);
      // At the end of the page, the last listing is on screen (the window settles within a few frames).
      const positions = () =>
        [...list().querySelectorAll('[role="listitem"]')].map((li) => Number(li.getAttribute('aria-posinset')));
      await waitUntil(
        () => {
          window.scrollTo(0, document.documentElement.scrollHeight);
          return positions().includes(400);
        },
        'the last listing rendered at the end of the page',
        { timeout: 3000, interval: 50 },
      );
      const rendered = cards(el);
      expect(rendered.length, 'cards in the DOM').to.be.lessThan(100);
      // Positions tell assistive technology where in the full list each card is.
      expect(list().querySelector('[role="listitem"]')!.getAttribute('aria-setsize')).to.equal('400');

      // Home goes back to the very first listing, rendering its row again.
      rendered.at(-1)!.focus();
      await sendKeys({ press: 'Home' });
      await waitUntil(() => cards(el).some((c) => c.dataset.index === '0'), 'first row rendered');
      const first = cards(el).find((c) => c.dataset.index === '0')!;
      await waitUntil(() => first.shadowRoot!.activeElement?.classList.contains('select'), 'first card focused');
      const [expected] = await (await fetch(`${market.base}/v1/catalog?limit=1`)).json().then((b) => b.items);
      expect(first.shadowRoot!.querySelector('[part="title"]')!.textContent!.trim()).to.equal(expected.name);
      await expect(el).to.be.accessible();
      window.scrollTo(0, 0);
    });

    it('keeps focus on its card when the list grows long enough to be windowed', async () => {
      const el = await inStorefront(
        html`<aip-storefront api=${market.base}
          ><aip-catalog page-size="60" paging="infinite" filters="none" style="width: 760px"></aip-catalog
        ></aip-storefront>`,
      );
      const grid = () => el.shadowRoot!.querySelector('[part="grid"]')!;
      expect(grid().classList.contains('windowed')).to.equal(false);
      cards(el)[0].focus();
      // End goes to card 60; the end of the list is then in view and the next page turns the grid windowed.
      await sendKeys({ press: 'End' });
      await waitUntil(() => grid().classList.contains('windowed'), 'windowed after the second page', {
        timeout: 5000,
      });
      await waitUntil(() => focusedIndex(el) === 59, `focus back on card 60 (on ${document.activeElement?.localName})`);
      window.scrollTo(0, 0);
    });

    it('hands the Tab stop to a card in view when the active card has scrolled out of the window', async () => {
      const el = await inStorefront(
        html`<aip-storefront api=${market.base}
          ><aip-catalog page-size="100" filters="none" style="width: 760px"></aip-catalog
        ></aip-storefront>`,
      );
      const tabbable = () =>
        cards(el).filter((c) => {
          const button = c.shadowRoot!.querySelector('button.select');
          return button && button.getAttribute('tabindex') !== '-1';
        });
      expect(el.shadowRoot!.querySelector('[part="grid"]')!.classList.contains('windowed')).to.equal(true);
      expect(tabbable().map((c) => c.dataset.index)).to.deep.equal(['0']);
      // Scroll far down: card 1's row leaves the rendered window.
      await waitUntil(
        () => {
          window.scrollTo(0, document.documentElement.scrollHeight / 2);
          return !cards(el).some((c) => c.dataset.index === '0');
        },
        'the first row is no longer rendered',
        { timeout: 3000, interval: 50 },
      );
      // The window settles over a few frames as rows are measured.
      const inView = (card: Element) => {
        const box = card.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      };
      await waitUntil(() => tabbable().length === 1 && inView(tabbable()[0]), 'one card, in view, is the Tab stop', {
        timeout: 3000,
        interval: 50,
      });
      window.scrollTo(0, 0);
    });
    it('lets a buyer with focus on a card scroll down the windowed list, without pulling the page back', async () => {
      const el = await inStorefront(
        html`<aip-storefront api=${market.base}
          ><aip-catalog page-size="100" filters="none" style="width: 760px"></aip-catalog
        ></aip-storefront>`,
      );
      expect(el.shadowRoot!.querySelector('[part="grid"]')!.classList.contains('windowed')).to.equal(true);
      cards(el)[0]!.focus(); // as after closing a persona, or Tabbing onto the grid
      const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      // The wheel, a screen at a time, over the first 100 listings.
      const seen: number[] = [];
      for (let step = 0; step < 20; step += 1) {
        window.scrollBy(0, innerHeight * 0.8);
        await frames();
        await frames();
        seen.push(Math.round(window.scrollY));
      }
      const backwards = seen.filter((y, i) => i > 0 && y < seen[i - 1]! - 100);
      expect(backwards, `scroll positions: ${seen.join(', ')}`).to.deep.equal([]);
      // Focus is still on a card: when the first card's row left the window, a card then in view took it.
      await waitUntil(() => focusedIndex(el) > 0, `focus on a later card (on ${focusedIndex(el)})`);
      window.scrollTo(0, 0);
    });

    it('draws the cards that fill the screen first, and the rest of the page once those are painted', async function () {
      this.timeout(20_000);
      // A moment's latency: the first cards come after the test is watching.
      const root = await fixture(
        html`<aip-storefront api="${market.base}/_fault/latency=1000"
          ><aip-catalog page-size="48" filters="none"></aip-catalog
        ></aip-storefront>`,
      );
      const el = root.querySelector('aip-catalog')!;
      // Listings' cards, not the placeholders.
      const listed = () => [...el.shadowRoot!.querySelectorAll('aip-persona-card[data-index]')];
      expect(listed().length, 'no cards before the answer').to.equal(0);
      // The moment the first cards are put in, as a host page (or a buyer) would first see them.
      // The cards put in first, as the frame that paints them sees them, and how many there are after that frame.
      const first = await new Promise<{ count: number; busy: string | null; bottom: number; after: Promise<number> }>(
        (resolve) => {
          const observer = new MutationObserver(() => {
            if (listed().length === 0) return;
            observer.disconnect();
            requestAnimationFrame(() => {
              const drawn = listed();
              resolve({
                count: drawn.length,
                busy: el.shadowRoot!.querySelector('[part="grid"]')!.getAttribute('aria-busy'),
                bottom: Math.max(...drawn.map((c) => c.getBoundingClientRect().bottom)),
                after: new Promise((done) => setTimeout(() => done(listed().length))),
              });
            });
          });
          observer.observe(el.shadowRoot!, { childList: true, subtree: true });
        },
      );
      expect(first.count, 'fewer than the page of 48 at first').to.be.below(48);
      expect(first.bottom, 'but enough to fill the screen').to.be.at.least(innerHeight);
      expect(first.busy, 'the list says it is still being filled').to.equal('true');
      await el.updateComplete;
      expect(listed().length, 'updateComplete waits for the rest').to.equal(48);
      expect(el.shadowRoot!.querySelector('[part="grid"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(await first.after, 'more follow once that frame is painted').to.be.above(first.count);
    });

    it('draws a list that starts below the fold a viewport of cards per frame, not a row', async function () {
      this.timeout(20_000);
      const root = await fixture(
        html`<div style="margin-top: ${innerHeight * 2}px">
          <aip-storefront api="${market.base}/_fault/latency=500"
            ><aip-catalog page-size="48" filters="none"></aip-catalog
          ></aip-storefront>
        </div>`,
      );
      const el = root.querySelector('aip-catalog')!;
      const listed = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('aip-persona-card[data-index]')];
      // How many cards there are after each update that adds some.
      const counts: number[] = [];
      const observer = new MutationObserver(() => {
        const count = listed().length;
        if (count && count !== counts.at(-1)) counts.push(count);
      });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      await waitUntil(() => listed().length, 'the first cards', { timeout: 5000 });
      await el.updateComplete;
      observer.disconnect();
      expect(counts.at(-1)).to.equal(48);
      const columns = new Set(listed().map((c) => Math.round(c.getBoundingClientRect().left))).size;
      const screenful = Math.ceil(innerHeight / listed()[0].getBoundingClientRect().height) * columns;
      // A row first (nothing of it is in view), then a viewport's worth each time.
      expect(counts.length, `drawn in ${counts.join(', ')}`).to.be.at.most(1 + Math.ceil((48 - columns) / screenful));
      expect(counts.length, `but not all at once: ${counts.join(', ')}`).to.be.above(1);
    });

    it('draws a page "Show more" loads a screenful per frame, and gives focus to its first card at once', async function () {
      this.timeout(20_000);
      const el = await inStorefront(
        html`<aip-storefront api="${market.base}"
          ><aip-catalog page-size="48" filters="none"></aip-catalog
        ></aip-storefront>`,
      );
      const listed = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('aip-persona-card[data-index]')];
      expect(listed().length).to.equal(48);
      // A screenful of cards, in whole rows, as the buyer's viewport holds them.
      const columns = new Set(listed().map((c) => Math.round(c.getBoundingClientRect().left))).size;
      const screenful = Math.ceil(innerHeight / listed()[0].getBoundingClientRect().height) * columns;
      expect(screenful, 'a screenful is less than a page here').to.be.below(48);
      // How many cards there are after each update that adds some, and where focus is after the first.
      const counts: number[] = [];
      const observer = new MutationObserver(() => {
        const count = listed().length;
        if (count === counts.at(-1) || count === 48) return;
        counts.push(count);
      });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!;
      more.focus();
      more.click();
      await waitUntil(() => focusedIndex(el) !== -1, 'focus reaches a card', { timeout: 5000 });
      const focused = { index: focusedIndex(el), drawn: listed().length };
      await el.updateComplete;
      observer.disconnect();
      expect(listed().length, 'updateComplete waits for the whole page').to.equal(96);
      expect(focused.index, 'focus on the first new card').to.equal(48);
      expect(focused.drawn, 'before the rest of the page is drawn').to.be.below(96);
      expect(counts.length, `drawn in steps: ${counts.join(', ')}`).to.be.at.least(2);
      const steps = [...counts, 96].map((n, i, all) => n - (i ? all[i - 1] : 48));
      expect(Math.max(...steps), `no step draws more than a screenful: ${steps.join(', ')}`).to.be.at.most(screenful);
      expect(el.shadowRoot!.querySelector('[part="grid"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(el.shadowRoot!.querySelector('[part="more"]'), '"Show more" is back at the end').to.not.equal(null);
    });

    it('keeps the buyer where they were when a late page turns the grid windowed (no jump to the end)', async function () {
      this.timeout(30_000);
      await setViewport({ width: 375, height: 740 });
      try {
        // The third page (the one past 96 listings) comes 1.5 s late, as on a slow connection.
        const el = await inStorefront(
          html`<aip-storefront api="${market.base}/_fault/after=2,only=catalog,latency=1500"
            ><aip-catalog page-size="48" paging="infinite" filters="none"></aip-catalog
          ></aip-storefront>`,
        );
        const grid = () => el.shadowRoot!.querySelector('[part="grid"]')!;
        const listed = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('aip-persona-card[data-index]')];
        /** The positions of the cards on screen now. */
        const inView = () =>
          listed()
            .filter((c) => {
              const box = c.getBoundingClientRect();
              return box.bottom > 0 && box.top < innerHeight;
            })
            .map((c) => Number(c.dataset.index));
        // Down to the end of the first page: the second loads.
        window.scrollTo(0, document.documentElement.scrollHeight);
        await waitUntil(() => listed().length === 96, 'the second page', { timeout: 8000 });
        await el.updateComplete;
        // Down to the end of the second: the third is asked for, and is late.
        window.scrollTo(0, document.documentElement.scrollHeight);
        await waitUntil(() => grid().getAttribute('aria-busy') === 'true', 'the third page asked for', {
          timeout: 8000,
        });
        const before = inView();
        expect(Math.max(...before), 'the end of the second page is in view').to.equal(95);
        // What each frame shows from now on, until the new rows are measured.
        const frames: number[][] = [];
        let watching = true;
        const watch = () => {
          frames.push(inView());
          if (watching) requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
        await waitUntil(() => grid().classList.contains('windowed'), 'the third page', { timeout: 8000 });
        // The rows drawn for it are measured in the next frames: until what is in view holds for 10 frames.
        await waitUntil(
          () => frames.length > 10 && frames.slice(-10).every((f) => f.join() === frames.at(-1)!.join()),
          'the view settles',
          { timeout: 8000 },
        );
        watching = false;
        const after = inView();
        expect(Math.max(...after), `still at listing 95, not moved down to ${Math.max(...after)}`).to.be.below(100);
        const blank = frames.filter((shown) => shown.length === 0).length;
        expect(blank, `frames that showed no card at all, of ${frames.length}`).to.equal(0);
      } finally {
        await setViewport({ width: 800, height: 600 });
        window.scrollTo(0, 0);
      }
    });

    it('keeps the focused card on screen as arrow keys walk into the windowed grid', async function () {
      this.timeout(40_000);
      await setViewport({ width: 1280, height: 800 });
      try {
        const el = await inStorefront(
          html`<aip-storefront api=${market.base}
            ><aip-catalog page-size="48" paging="infinite" filters="none"></aip-catalog
          ></aip-storefront>`,
        );
        const grid = () => el.shadowRoot!.querySelector('[part="grid"]')!;
        cards(el)[0]!.focus();
        const offScreen: string[] = [];
        for (let press = 0; press < 40 && offScreen.length === 0; press += 1) {
          const before = focusedIndex(el);
          await sendKeys({ press: 'ArrowDown' });
          await waitUntil(() => focusedIndex(el) > before, 'focus moved down');
          // Give the rows drawn for it time to be measured.
          await new Promise((done) => setTimeout(done, 300));
          const index = focusedIndex(el);
          const box = cards(el)
            .find((c) => Number(c.dataset.index) === index)!
            .getBoundingClientRect();
          if (box.bottom <= 0 || box.top >= innerHeight) offScreen.push(`card ${index} at ${Math.round(box.top)} px`);
        }
        expect(grid().classList.contains('windowed'), 'the walk reached the windowed grid').to.equal(true);
        expect(offScreen).to.deep.equal([]);
      } finally {
        await setViewport({ width: 800, height: 600 });
        window.scrollTo(0, 0);
      }
    });
  });

  describe('keyboard', () => {
    const tabbable = (el: AipCatalog) =>
      cards(el).filter((c) => c.shadowRoot!.querySelector('button.select')!.getAttribute('tabindex') !== '-1');

    it('moves between cards with the arrow keys, Home and End, with one Tab stop', async () => {
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"
          ><aip-catalog page-size="8" filters="none" style="width: 760px"></aip-catalog
        ></aip-storefront>`,
      );
      expect(tabbable(el)).to.have.length(1);
      cards(el)[0].focus();
      expect(focusedIndex(el)).to.equal(0);
      const tops = cards(el).map((c) => c.getBoundingClientRect().top);
      const columns = tops.filter((t) => t === tops[0]).length;
      expect(columns).to.be.greaterThan(1);

      await sendKeys({ press: 'ArrowRight' });
      expect(focusedIndex(el)).to.equal(1);
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedIndex(el)).to.equal(1 + columns);
      await sendKeys({ press: 'ArrowUp' });
      expect(focusedIndex(el)).to.equal(1);
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(focusedIndex(el), 'stops at the first card').to.equal(0);
      await sendKeys({ press: 'End' });
      expect(focusedIndex(el)).to.equal(cards(el).length - 1);
      expect(tabbable(el)).to.deep.equal([cards(el).at(-1)]);
      await sendKeys({ press: 'Home' });
      expect(focusedIndex(el)).to.equal(0);
    });

    it('opens the focused persona with Enter, and Escape brings focus back to its card', async () => {
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"><aip-catalog page-size="4"></aip-catalog></aip-storefront>`,
      );
      cards(el)[0].focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      const dialog = await shadowQuery<HTMLDialogElement>(el, 'dialog[open]');
      const expected = await catalogFromApi('creator=nova-studio&limit=4');
      expect(dialog.querySelector('aip-persona-detail')!.getAttribute('persona')).to.equal(expected[1].id);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'dialog closed');
      expect(focusedIndex(el)).to.equal(1);
      // Out of sight in the closed dialog (kept, with anything typed in it, for this persona).
      expect(dialog.querySelector('aip-persona-detail')?.checkVisibility()).to.equal(false);
    });
  });

  describe('focus when the list changes', () => {
    it('moves to the first new card after "Show more", and stays in the list when the button goes', async () => {
      const all = await catalogFromApi('creator=nova-studio&limit=100');
      expect(all.length).to.be.greaterThan(4);
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"><aip-catalog page-size="4"></aip-catalog></aip-storefront>`,
      );
      for (let first = 4; first < all.length; first += 4) {
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => focusedIndex(el) === first, `focus on card ${first + 1}, the first new one`);
      }
      // The last page took the button away; focus did not fall to the page.
      expect(el.shadowRoot!.querySelector('[part="more"]')).to.equal(null);
      expect(document.activeElement).to.not.equal(document.body);
      expect(el.shadowRoot!.activeElement?.localName).to.equal('aip-persona-card');
    });
  });

  describe('structured data', () => {
    it('describes the first page as one schema.org ItemList, general listings only', async () => {
      const expected = await catalogFromApi('limit=100&rating=explicit&sort=name');
      const el = await inStorefront(
        html`<aip-storefront max-rating="explicit"
          ><aip-catalog page-size="100" sort="name"></aip-catalog
        ></aip-storefront>`,
      );
      await structuredDataWritten();
      const script = el.querySelector(':scope > script[type="application/ld+json"]')!;
      const data = JSON.parse(script.textContent!);
      expect(data['@type']).to.equal('ItemList');
      const listed = data.itemListElement.map((e: { item: { name: string } }) => e.item.name);
      expect(listed).to.deep.equal(expected.filter((p) => p.contentRating === 'general').map((p) => p.name));
      expect(expected.some((p) => p.contentRating !== 'general')).to.equal(true);
      // Positions are the listings' places in the grid, rated ones included.
      const first = data.itemListElement[0];
      expect(first.position).to.equal(expected.findIndex((p) => p.name === first.item.name) + 1);
      expect(first.item.brand.name).to.be.a('string');
      // The cards write none of their own.
      expect(cards(el).some((c) => c.querySelector('script'))).to.equal(false);
    });

    it('writes none with no-structured-data', async () => {
      const el = await inStorefront(
        html`<aip-storefront><aip-catalog page-size="3" no-structured-data></aip-catalog></aip-storefront>`,
      );
      expect(el.querySelector('script'), 'no JSON-LD block').to.equal(null);
    });
  });

  describe('choosing a persona', () => {
    it('fires aip-select from the catalog and opens the persona in a modal dialog', async () => {
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"><aip-catalog page-size="2"></aip-catalog></aip-storefront>`,
      );
      const expected = await catalogFromApi('creator=nova-studio&limit=2');
      const heard = oneEvent(document, 'aip-select');
      cards(el)[1].shadowRoot!.querySelector<HTMLButtonElement>('button.select')!.click();
      const event = await heard;
      expect(event.target).to.equal(el);
      expect(event.detail.persona.id).to.equal(expected[1].id);
      const dialog = await shadowQuery<HTMLDialogElement>(el, 'dialog[open]');
      expect(dialog.getAttribute('aria-label')).to.equal(expected[1].name);
      const detail = dialog.querySelector('aip-persona-detail')!;
      await waitUntil(() => detail.shadowRoot?.textContent?.includes(expected[1].name), 'the detail shows the persona');
      // The dialog is a way to buy: a checkout for the chosen tier and a custom-order brief, for this persona.
      const checkout = detail.querySelector('aip-checkout[slot="checkout"]')!;
      expect(checkout.getAttribute('persona')).to.equal(expected[1].id);
      expect(customElements.get('aip-checkout'), 'the checkout is loaded').to.not.equal(undefined);
      const brief = detail.querySelector('aip-custom-order[slot="custom-order"]')!;
      expect(brief.getAttribute('persona')).to.equal(expected[1].id);
      await waitUntil(() => brief.shadowRoot?.querySelector('form'), 'the brief is shown');
      await expect(el).to.be.accessible();
      dialog.querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
      expect(dialog.open).to.equal(false);
    });

    it('lets the host cancel aip-select and handle it itself', async () => {
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"><aip-catalog page-size="2"></aip-catalog></aip-storefront>`,
      );
      const chosen: string[] = [];
      const veto = (e: Event) => {
        chosen.push((e as CustomEvent).detail.persona.id);
        e.preventDefault();
      };
      document.addEventListener('aip-select', veto);
      try {
        cards(el)[0].shadowRoot!.querySelector<HTMLButtonElement>('button.select')!.click();
        await new Promise((r) => setTimeout(r, 100));
      } finally {
        document.removeEventListener('aip-select', veto);
      }
      expect(chosen, 'one event, from the catalog').to.have.length(1);
      expect(el.shadowRoot!.querySelector('dialog[open]')).to.equal(null);
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

    it('loads the list by itself when the browser comes back online after it failed', async () => {
      // The first request fails, as with the connection gone; the marketplace answers after that.
      const api = `/_fault/status=503,only=catalog,times=1,retry-after=${Date.now() % 86_400}`;
      const el = await inStorefront(
        html`<aip-storefront api=${api} retries="0"><aip-catalog page-size="2"></aip-catalog></aip-storefront>`,
      );
      expect((await shadowQuery(el, '[part="status"]')).textContent).to.contain('could not be loaded');
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => cards(el).length === 2, 'no cards once back online');
      expect(el.shadowRoot!.querySelector('[part="status"][role="alert"]')).to.equal(null);
    });

    it('loads the next page by itself when the browser comes back online after "Show more" failed', async () => {
      const api = `/_fault/status=503,only=catalog,after=1,times=1,retry-after=${(Date.now() + 7) % 86_400}`;
      const el = await inStorefront(
        html`<aip-storefront api=${api} retries="0"><aip-catalog page-size="2"></aip-catalog></aip-storefront>`,
      );
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('.more [role="alert"]'), 'the failure is shown');
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => cards(el).length === 4, 'no next page once back online');
      expect(el.shadowRoot!.querySelector('.more [role="alert"]')).to.equal(null);
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

    it('tells the integrator, once, in the console what was wrong with an unreadable answer', async () => {
      let el!: AipCatalog;
      const warnings = await captureWarnings(async () => {
        el = await inStorefront(html`<aip-catalog api="/_fault/body=schema"></aip-catalog>`);
        await shadowQuery(el, '[part="status"]');
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('could not be read');
      const told = warnings.filter((w) => w.includes('unexpected answer'));
      expect(told.length).to.equal(1);
      expect(told[0]).to.match(/^aip-storefront: The marketplace sent an unexpected answer \(.+\)$/);
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

    it('still searches for what the buyer typed when the catalog moves before the search runs', async () => {
      const el = await inStorefront(html`<aip-storefront><aip-catalog></aip-catalog></aip-storefront>`);
      const expected = await catalogFromApi('q=gaming&limit=12');
      const search = el.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!;
      search.value = 'gaming';
      search.dispatchEvent(new Event('input'));
      // A framework re-mounts it at once, inside the same storefront.
      const storefront = el.parentElement!;
      storefront.append(document.createElement('div'), el);
      await waitUntil(() => names(el).join() === expected.map((p) => p.name).join(), 'search results shown', {
        timeout: 3000,
      });
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

    it('draws each select field as wide as its select, so the gaps between the fields are even', async () => {
      // In German, whose use cases are long enough for a select to meet its cap.
      const el = await inStorefront(
        html`<aip-storefront locale="de-DE"
          ><aip-catalog filters="search use-case tag availability sort" style="width: 1000px"></aip-catalog
        ></aip-storefront>`,
      );
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Einsatzzweck'), 'German texts', { timeout: 5000 });
      await el.updateComplete;
      const fields = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.toolbar .field')];
      for (const field of fields.filter((f) => f.querySelector('select'))) {
        const select = field.querySelector('select')!;
        const name = field.textContent!.trim().split('\n')[0];
        expect(field.getBoundingClientRect().width - select.getBoundingClientRect().width, name).to.be.below(1);
      }
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

    it('"Clear filters" clears the availability filter too', async () => {
      const el = await inStorefront(
        html`<aip-storefront><aip-catalog filters="tag availability" page-size="29"></aip-catalog></aip-storefront>`,
      );
      const everyone = names(el);
      await choose(el, 'Availability', 'assigned');
      expect(names(el)).to.not.deep.equal(everyone);
      const tag = control(el, 'Tag');
      tag.value = 'no-such-tag-anywhere';
      tag.dispatchEvent(new Event('change'));
      (await shadowQuery<HTMLButtonElement>(el, '[part="clear"]')).click();
      await waitUntil(() => cards(el).length > 0, 'cards back');
      await loaded(el);
      expect(control(el, 'Availability').value).to.equal('');
      // The unfiltered first page again (from the client's cache: no availability in the query).
      expect(names(el)).to.deep.equal(everyone);
    });

    it('keeps focus in the toolbar when "Clear filters" is pressed', async () => {
      const el = await inStorefront(html`<aip-storefront><aip-catalog filters="tag"></aip-catalog></aip-storefront>`);
      const tag = control(el, 'Tag');
      tag.value = 'no-such-tag-anywhere';
      tag.dispatchEvent(new Event('change'));
      (await shadowQuery<HTMLButtonElement>(el, '[part="clear"]')).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.activeElement === control(el, 'Tag'), 'focus on the first control');
      await waitUntil(() => cards(el).length > 0, 'cards back');
      expect(el.shadowRoot!.activeElement).to.equal(control(el, 'Tag'));
    });

    it('says how many personas a search found, and nothing stale', async () => {
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"><aip-catalog page-size="2"></aip-catalog></aip-storefront>`,
      );
      const status = () => el.shadowRoot!.querySelector('p[role="status"]')!.textContent!.trim();
      expect(status(), 'nothing said on the first load').to.equal('');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.click();
      await waitUntil(() => /more personas? loaded/.test(status()), 'more loaded said');
      const expected = await catalogFromApi('creator=nova-studio&sort=name&limit=2');
      await choose(el, 'Sort by', 'name');
      expect(names(el)).to.deep.equal(expected.map((p) => p.name));
      await waitUntil(() => status() === `${expected.length} personas shown.`, `results said (now "${status()}")`);
    });

    it('says so in its status line when a search finds nothing', async () => {
      const el = await inStorefront(html`<aip-storefront><aip-catalog filters="tag"></aip-catalog></aip-storefront>`);
      const status = () => el.shadowRoot!.querySelector('p[role="status"]')!.textContent!.trim();
      const tag = control(el, 'Tag');
      tag.value = 'no-such-tag-anywhere';
      tag.dispatchEvent(new Event('change'));
      const shown = await shadowQuery(el, '[part="status"]');
      await waitUntil(() => status() !== '' && status() !== 'Loading personas…', `something said (now "${status()}")`);
      expect(status()).to.equal('No personas match this search. Try other words or fewer filters.');
      expect(shown.textContent).to.contain('No personas match this search');
      expect(shown.getAttribute('role'), 'said once, by the status line').to.equal(null);
    });

    it('forgets a failed "Show more" when the buyer starts a new search', async () => {
      // The first page loads, the second fails once; everything after is answered.
      const api = `/_fault/status=503,only=catalog,after=1,times=1,retry-after=${Date.now() % 86_400}`;
      const el = await inStorefront(
        html`<aip-storefront api=${api}><aip-catalog page-size="2"></aip-catalog></aip-storefront>`,
      );
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('.more [role="alert"]'), 'the failure is shown');
      expect(el.shadowRoot!.querySelector('[part="more"]')!.textContent).to.contain('Try again');
      await choose(el, 'Sort by', 'name');
      expect(el.shadowRoot!.querySelector('.more [role="alert"]'), 'no failure under the new list').to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="more"]')!.textContent).to.contain('Show more');
    });

    it('drops a "Show more" still on its way when the buyer sorts, and pages the new list at once', async () => {
      // The first page is answered at once, the second after 3 s, everything after at once.
      const api = `/_fault/latency=${3000 + (Date.now() % 500)},only=catalog,after=1,times=1`;
      const el = await inStorefront(
        html`<aip-storefront api=${api}><aip-catalog page-size="2"></aip-catalog></aip-storefront>`,
      );
      const more = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!;
      more().click();
      await waitUntil(() => more().textContent!.includes('Loading'), 'the next page is on its way');
      await choose(el, 'Sort by', 'name');
      const byName = await catalogFromApi('sort=name&limit=4');
      expect(names(el)).to.deep.equal(byName.slice(0, 2).map((p) => p.name));
      expect(more().textContent).to.contain('Show more');
      expect(more().getAttribute('aria-disabled')).to.equal('false');
      more().click();
      await waitUntil(() => cards(el).length === 4, 'the new list pages');
      // Past the time the dropped page would have come: nothing of the old list is added.
      await new Promise((resolve) => setTimeout(resolve, 3600));
      await loaded(el);
      expect(names(el)).to.deep.equal(byName.map((p) => p.name));
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

    it("caps a rating taken from the URL at the storefront's limit", async () => {
      history.replaceState(null, '', `${location.pathname}?aip-rating=explicit`);
      const el = await inStorefront(
        html`<aip-storefront><aip-catalog sync-url page-size="37"></aip-catalog></aip-storefront>`,
      );
      const sent = requestsMatching('limit=37').map((e) => new URL(e.name).searchParams.get('rating'));
      expect(sent).to.not.deep.equal([]);
      expect([...new Set(sent)]).to.deep.equal(['general']);
      const expected = await catalogFromApi('rating=general&limit=37');
      expect(names(el)).to.deep.equal(expected.map((p) => p.name));
      expect(cards(el).every((c) => !c.shadowRoot!.querySelector('[part="rating-cover"]'))).to.equal(true);
    });

    it("follows a single-page app's navigation: its link to a filtered view, then Back", async () => {
      const el = await inStorefront(
        html`<aip-storefront><aip-catalog sync-url sort="name" page-size="100"></aip-catalog></aip-storefront>`,
      );
      const all = names(el);
      // The app routes to a link of its own, as a router does: pushState, then popstate for its listeners.
      history.pushState(null, '', `${location.pathname}?aip-use-case=ecommerce_visuals&aip-sort=price_asc`);
      dispatchEvent(new PopStateEvent('popstate'));
      const filtered = (await catalogFromApi('useCase=ecommerce_visuals&sort=price_asc&limit=100')).map((p) => p.name);
      await waitUntil(() => JSON.stringify(names(el)) === JSON.stringify(filtered), 'the linked view');
      expect([...el.shadowRoot!.querySelectorAll('select')].map((s) => s.value)).to.include('ecommerce_visuals');
      // Back: the URL has no filter and no sort, so the page's own sort (name) and every listing.
      history.back();
      await waitUntil(() => JSON.stringify(names(el)) === JSON.stringify(all), 'the whole catalog again');
      expect(location.search).to.equal('');
      // Choosing the page's own sort again leaves it out of the URL, as a fresh page would.
      const sort = [...el.shadowRoot!.querySelectorAll('select')].at(-1)!;
      sort.value = 'price_desc';
      sort.dispatchEvent(new Event('change'));
      expect(new URLSearchParams(location.search).get('aip-sort')).to.equal('price_desc');
      sort.value = 'name';
      sort.dispatchEvent(new Event('change'));
      expect(location.search).to.equal('');
    });

    it('ignores fragment navigation: a sort the host set and a search being typed stay', async () => {
      const el = await inStorefront(
        html`<aip-storefront><aip-catalog sync-url filters="search" page-size="100"></aip-catalog></aip-storefront>`,
      );
      // The host's own sort control, and the reader typing while an in-page link changes the hash.
      el.sort = 'name';
      await el.updateComplete;
      const search = el.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!;
      search.value = 'mara';
      search.dispatchEvent(new Event('input'));
      const popped = new Promise((done) => addEventListener('popstate', done, { once: true }));
      location.hash = 'top';
      await popped;
      const expected = (await catalogFromApi('q=mara&sort=name&limit=100')).map((p) => p.name);
      await waitUntil(() => JSON.stringify(names(el)) === JSON.stringify(expected), 'the search, sorted by name');
      expect(el.sort).to.equal('name');
      expect(new URLSearchParams(location.search).get('aip-q')).to.equal('mara');
    });

    it('leaves the URL alone without sync-url', async () => {
      const el = await inStorefront(html`<aip-storefront><aip-catalog></aip-catalog></aip-storefront>`);
      const select = [...el.shadowRoot!.querySelectorAll('select')][0];
      select.value = 'social_media';
      select.dispatchEvent(new Event('change'));
      expect(location.search).to.equal('');
    });
  });

  describe('heading-level', () => {
    it("sets the cards' heading level, and falls back from a bad one with a warning", async () => {
      const el = await inStorefront(
        html`<aip-storefront creator="nova-studio"
          ><aip-catalog heading-level="2" page-size="2"></aip-catalog
        ></aip-storefront>`,
      );
      expect(cards(el).map((c) => c.shadowRoot!.querySelector('[part="title"]')!.localName)).to.deep.equal([
        'h2',
        'h2',
      ]);
      let bad!: AipCatalog;
      const warnings = await captureWarnings(async () => {
        bad = await inStorefront(
          html`<aip-storefront creator="nova-studio"
            ><aip-catalog heading-level="7" page-size="1"></aip-catalog
          ></aip-storefront>`,
        );
      });
      expect(warnings.filter((w) => w.includes('heading-level="7"'))).to.have.length(1);
      expect(cards(bad)[0].shadowRoot!.querySelector('[part="title"]')!.localName).to.equal('h3');
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
