import { expect, waitUntil } from '@open-wc/testing';
import type { AipCatalog, AipPersonaCard, PersonaSummary } from '../../src/index.js';
import { catalogFromApi } from '../helpers.js';
import { cardName, cards, catalogNames, choose, detailOpen } from './example.js';

// Opens examples/plain/index.html in a frame: its module script imports the package by name (the test server
// resolves it to the source, where a real page's import map names the script's URL).
describe('plain HTML example', () => {
  let frame: HTMLIFrameElement;
  let featured: PersonaSummary;
  let doc: Document;
  let catalog: AipCatalog;
  let card: AipPersonaCard;

  before(async () => {
    [featured] = await catalogFromApi('sort=name&limit=1');
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1024px; height: 768px; border: 0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/examples/plain/index.html';
    document.body.append(frame);
    await loaded;
    doc = frame.contentDocument!;
    catalog = doc.querySelector<AipCatalog>('aip-catalog')!;
    card = doc.querySelector<AipPersonaCard>('#featured')!;
  });

  after(() => frame.remove());

  it('shows the marketplace\'s listings in <aip-catalog page-size="12">', async () => {
    const expected = await catalogFromApi('limit=12');
    expect(await catalogNames(catalog, 12)).to.deep.equal(expected.map((p) => p.name));
  });

  it('renders the listing set as the data property, with no request of its own', async () => {
    await waitUntil(() => cardName(card) === featured.name, 'the card did not show its data', { timeout: 8000 });
    expect(card.data).to.deep.equal(featured);
    const requests = frame.contentWindow!.performance.getEntriesByType('resource');
    // Resource Timing keeps 250 entries by default: below that, nothing the frame asked for went unseen.
    expect(requests.length).to.be.below(250);
    expect(requests.filter((e) => e.name.includes(`/v1/personas/${featured.id}`))).to.have.length(0);
  });

  it("delivers a chosen card to the page's aip-select listener", async () => {
    const status = doc.querySelector('#chosen')!;
    await waitUntil(() => cardName(card) === featured.name, 'the card did not show its data');
    choose(card);
    expect(status.textContent).to.equal(`You chose ${featured.name}`);

    const [, second] = cards(catalog);
    choose(second!);
    expect(status.textContent).to.equal(`You chose ${cardName(second!)}`);
    expect(detailOpen(catalog)).to.equal(false);
  });
});
