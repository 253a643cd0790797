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
    // `amount` and `timeout` are properties, so React 19 sets them, to the text written, before connecting them.
    const warnings = recordConsole('warn');
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    try {
      root.render(
        createElement(
          'aip-storefront',
          { timeout: '30000' },
          createElement('aip-price', { amount: '4900', currency: 'USD' }),
        ),
      );
      await waitUntil(
        () => host.querySelector('aip-price')?.shadowRoot?.textContent?.trim(),
        'the price shows nothing',
      );
      expect(host.querySelector('aip-price')!.shadowRoot!.textContent!.trim()).to.equal('$49');
      expect((host.querySelector('aip-storefront') as HTMLElement & { timeout: unknown }).timeout).to.equal(30000);
      expect(warnings.said.filter((said) => /aip-(price|storefront)/.test(said))).to.deep.equal([]);
    } finally {
      warnings.stop();
      root.unmount();
      host.remove();
    }
  });

  it('renders without a React error or warning', () => {
    expect(errors.said).to.deep.equal([]);
  });
});
