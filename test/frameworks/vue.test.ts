import { expect, waitUntil } from '@open-wc/testing';
import { createApp, type App as VueApp } from 'vue';
import type { AipCatalog, AipPersonaCard, PersonaSummary } from '../../src/index.js';
import { catalogFromApi } from '../helpers.js';
import { recordConsole, sharedAppChecks } from './example.js';

// Renders examples/vue as its page does (main.ts into #app), with Vue 3's full build (the template compiles in the
// browser).
describe('Vue 3 example', () => {
  let featured: PersonaSummary;
  let catalog: AipCatalog;
  let card: AipPersonaCard;
  let status: HTMLElement;
  const warnings = recordConsole('warn');
  const errors = recordConsole('error');

  before(async () => {
    [featured] = await catalogFromApi('sort=name&limit=1');
    document.body.insertAdjacentHTML('beforeend', '<main id="app"></main>');
    await import('../../examples/vue/main.js');
    await waitUntil(() => document.querySelector('#app aip-catalog'), 'Vue did not render the app');
    catalog = document.querySelector('#app aip-catalog')!;
    card = document.querySelector('#app aip-persona-card')!;
    status = document.querySelector('#app [role="status"]')!;
  });

  after(() => {
    warnings.stop();
    errors.stop();
  });

  sharedAppChecks(() => ({ featured, catalog, card, status }), {
    pageSize: ':page-size="12"',
    data: ':data.prop',
    handler: '@aip-select',
  });

  it('reads a number attribute written as text, which Vue hands the element as its property', async () => {
    // `amount` and `timeout` are properties, so Vue sets them, to the attribute's text.
    const host = document.createElement('div');
    document.body.append(host);
    const app = createApp({
      template: '<aip-storefront timeout="30000"><aip-price amount="4900" currency="USD"></aip-price></aip-storefront>',
    });
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('aip-');
    try {
      app.mount(host);
      const price = host.querySelector('aip-price')!;
      await waitUntil(() => price.shadowRoot?.textContent?.trim(), 'the price shows nothing');
      expect(price.shadowRoot!.textContent!.trim()).to.equal('$49');
      expect((host.querySelector('aip-storefront') as HTMLElement & { timeout: unknown }).timeout).to.equal(30000);
      expect(warnings.said.filter((said) => /aip-(price|storefront)/.test(said))).to.deep.equal([]);
    } finally {
      app.unmount();
      host.remove();
    }
  });

  it('tells Vue that aip-* tags are custom elements, and renders without a Vue warning', () => {
    // The in-browser compiler already skips component resolution for tags defined when it compiles; the option
    // covers the others: tags defined later (the script build loads some elements on first use) and every tag in
    // a template compiled at build time.
    const app = document.querySelector<HTMLElement & { __vue_app__: VueApp }>('#app')!.__vue_app__;
    const { isCustomElement } = app.config.compilerOptions;
    expect(isCustomElement?.('aip-checkout')).to.equal(true);
    expect(isCustomElement?.('router-link')).to.equal(false);
    expect(warnings.said.filter((said) => said.includes('[Vue warn]'))).to.deep.equal([]);
    expect(errors.said).to.deep.equal([]);
  });
});
