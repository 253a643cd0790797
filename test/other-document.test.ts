// Elements created on this page and put into a same-origin frame's document,
// as page builders and preview panes do: they render, styled, and throw nothing.
import { expect, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { PersonaSummary } from '../src/api/schemas.js';
import type { AipCatalog } from '../src/components/catalog/catalog.js';
import type { AipPersonaCard } from '../src/components/persona-card/persona-card.js';
import { catalogFromApi, thrownIntoPage } from './helpers.js';

async function blankFrame(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 400px; height: 700px';
  document.body.append(frame);
  await new Promise((done) => requestAnimationFrame(done));
  return frame;
}

/** The card's outline, as laid out: it is 0 when the card's styles are missing. */
const styled = (card: AipPersonaCard) => {
  const base = card.shadowRoot?.querySelector('[part="base"]');
  return base ? getComputedStyle(base).borderTopWidth === '1px' && getComputedStyle(base).display === 'flex' : false;
};

describe('elements put into another document', () => {
  let listing: PersonaSummary;
  let frame: HTMLIFrameElement | undefined;
  before(async () => {
    [listing] = await catalogFromApi('availability=open&limit=1');
  });
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  /** A card of the listing, rendered and styled on this page. */
  async function cardOnThisPage(): Promise<AipPersonaCard> {
    const card = document.createElement('aip-persona-card');
    card.data = listing;
    document.body.append(card);
    await waitUntil(() => styled(card), 'styled on this page');
    return card;
  }

  it('render there with their styles when first connected in the frame', async () => {
    frame = await blankFrame();
    const card = document.createElement('aip-persona-card');
    card.data = listing;
    const thrown = await thrownIntoPage(async () => {
      frame!.contentDocument!.body.append(card);
      await waitUntil(() => card.shadowRoot?.querySelector('[part="title"]'), 'the card rendered');
    });
    expect(thrown).to.deep.equal([]);
    expect(card.shadowRoot!.querySelector('[part="title"]')!.textContent).to.contain(listing.name);
    expect(styled(card)).to.equal(true);
  });

  it('keep their styles when moved there after rendering, and back', async () => {
    frame = await blankFrame();
    const card = await cardOnThisPage();
    frame.contentDocument!.body.append(card);
    await waitUntil(() => styled(card), 'styled in the frame');
    document.body.append(card);
    await waitUntil(() => styled(card), 'styled back on this page');
    card.remove();
  });

  it('throw nothing when parked in an inert document (a template, a parsed page) and are styled when back', async () => {
    const card = await cardOnThisPage();
    const thrown = await thrownIntoPage(async () => {
      // As htmx's hx-preserve does: into the parsed response, then back into the page.
      const parked = new DOMParser().parseFromString('<body></body>', 'text/html');
      parked.body.append(card);
      document.createElement('template').content.append(card);
      await new Promise((done) => setTimeout(done, 50));
      document.body.append(card);
    });
    expect(thrown).to.deep.equal([]);
    await waitUntil(() => styled(card), 'styled back on this page');
    card.remove();
  });

  /** A catalog rendered in a new frame. */
  async function catalogInFrame(): Promise<AipCatalog> {
    frame = await blankFrame();
    const catalog = document.createElement('aip-catalog');
    catalog.setAttribute('api', location.origin);
    catalog.setAttribute('page-size', '4');
    frame.contentDocument!.body.append(catalog);
    await waitUntil(() => catalog.shadowRoot?.querySelector('aip-persona-card'), 'the catalog rendered in the frame');
    return catalog;
  }
  /** Whether a page's viewport can be scrolled by the wheel or a swipe. */
  const scrolls = (page: Document) => page.defaultView!.getComputedStyle(page.documentElement).overflowY !== 'hidden';

  it('report nothing on this page once the frame holding a rendered catalog is removed', async () => {
    await catalogInFrame();
    const thrown = await thrownIntoPage(async () => {
      frame!.remove();
      // The page goes on rendering: a dozen frames.
      for (let i = 0; i < 12; i++) await new Promise((done) => requestAnimationFrame(done));
    });
    expect(thrown).to.deep.equal([]);
  });

  it('hold the frame still, not this page, while a detail opened in the frame is open; then let go', async () => {
    const catalog = await catalogInFrame();
    const framed = frame!.contentDocument!;
    catalog.shadowRoot!.querySelector('aip-persona-card')!.shadowRoot!.querySelector<HTMLElement>('.select')!.click();
    await waitUntil(() => catalog.shadowRoot!.querySelector('dialog[open]'), 'the detail opened');
    expect(scrolls(framed), 'the frame').to.equal(false);
    expect(scrolls(document), 'this page').to.equal(true);
    const thrown = await thrownIntoPage(async () => {
      frame!.remove();
      for (let i = 0; i < 12; i++) await new Promise((done) => requestAnimationFrame(done));
    });
    expect(thrown).to.deep.equal([]);
    expect(scrolls(document), 'this page, the frame gone').to.equal(true);
  });
});
