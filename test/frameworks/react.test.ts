import { expect, waitUntil } from '@open-wc/testing';
import type { AipCatalog, AipPersonaCard, PersonaSummary } from '../../src/index.js';
import { catalogFromApi, requestsMatching } from '../helpers.js';
import { cardName, cards, catalogNames, choose, detailOpen, recordConsole } from './example.js';

// Renders examples/react as its page does (main.tsx into #root), with React 19 from npm.
describe('React 19 example', () => {
  let featured: PersonaSummary;
  let catalog: AipCatalog;
  let card: AipPersonaCard;
  let status: HTMLElement;
  const errors = recordConsole('error');

  before(async () => {
    [featured] = await catalogFromApi('sort=name&limit=1');
    document.body.insertAdjacentHTML('beforeend', '<main id="root"></main>');
    await import('../../examples/react/main.js');
    await waitUntil(() => document.querySelector('#root aip-catalog'), 'React did not render the app');
    catalog = document.querySelector('#root aip-catalog')!;
    card = document.querySelector('#root aip-persona-card')!;
    status = document.querySelector('#root [role="status"]')!;
  });

  after(() => errors.stop());

  it("shows the marketplace's listings in <aip-catalog page-size={12}>", async () => {
    const expected = await catalogFromApi('limit=12');
    expect(await catalogNames(catalog, 12)).to.deep.equal(expected.map((p) => p.name));
    // page-size is not a property name, so React 19 wrote it as an attribute.
    expect(catalog.getAttribute('page-size')).to.equal('12');
    expect(catalog.pageSize).to.equal(12);
  });

  it('renders the listing given as the data property, with no request of its own', async () => {
    await waitUntil(() => cardName(card) === featured.name, 'the card did not show its data');
    // React 19 set the object as a property (an attribute would be the string "[object Object]").
    expect(card.data).to.deep.equal(featured);
    expect(card.hasAttribute('data')).to.equal(false);
    expect(requestsMatching(`/v1/personas/${featured.id}`)).to.have.length(0);
  });

  it("delivers a chosen card to the app's onaip-select handler", async () => {
    choose(card);
    await waitUntil(() => status.textContent === `You chose ${featured.name}`, 'the handler did not see the card');

    const [, second] = cards(catalog);
    choose(second!);
    await waitUntil(
      () => status.textContent === `You chose ${cardName(second!)}`,
      'the handler did not see the catalog',
    );
    // The handler's preventDefault() reached the catalog: no built-in detail dialog.
    expect(detailOpen(catalog)).to.equal(false);
  });

  it('renders without a React error or warning', () => {
    expect(errors.said).to.deep.equal([]);
  });
});
