import { expect, waitUntil } from '@open-wc/testing';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { AipCatalog, AipPersonaCard, PersonaSummary } from '../../src/index.js';
import { catalogFromApi } from '../helpers.js';
import { recordConsole, sharedAppChecks } from './example.js';

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

  sharedAppChecks(() => ({ featured, catalog, card, status }), {
    pageSize: 'page-size={12}',
    data: 'data={…}',
    handler: 'onaip-select',
  });

  it('reads a number attribute written as text, which React hands the element as its property', async () => {
    // `amount` is a property of <aip-price>, so React 19 sets the property, to the text written.
    const warnings = recordConsole('warn');
    document.body.insertAdjacentHTML('beforeend', '<div id="static-attributes"></div>');
    const root = createRoot(document.querySelector('#static-attributes')!);
    root.render(createElement('aip-price', { amount: '4900', currency: 'USD' }));
    const price = await waitUntil(() => document.querySelector('#static-attributes aip-price'), 'not rendered').then(
      () => document.querySelector('#static-attributes aip-price')!,
    );
    await waitUntil(() => price.shadowRoot?.textContent?.trim(), 'the price shows nothing');
    expect(price.shadowRoot!.textContent!.trim()).to.equal('$49');
    warnings.stop();
    expect(warnings.said.filter((said) => said.includes('aip-price'))).to.deep.equal([]);
    root.unmount();
  });

  it('renders without a React error or warning', () => {
    expect(errors.said).to.deep.equal([]);
  });
});
