import { expect, waitUntil } from '@open-wc/testing';
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

  it('renders without a React error or warning', () => {
    expect(errors.said).to.deep.equal([]);
  });
});
