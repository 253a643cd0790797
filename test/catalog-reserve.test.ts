// The elements are defined only once they are in the page, as when the script tag comes late or loads slowly: the
// space the page reserved for the catalog until then (the README's `:not(:defined)` rule) must hold until it draws,
// though the storefront around it, defined just before it, has no slot for it yet.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AipCatalog } from '../src/components/catalog/catalog.js';

describe('<aip-catalog> and <aip-storefront> defined after they are in the page', () => {
  it('keeps the space the page reserved, blank, until it draws placeholders, then its cards', async function () {
    this.timeout(15_000);
    const root = await fixture(
      html`<div>
        <style>
          aip-catalog:not(:defined) {
            display: block;
            min-height: 100vh;
          }
        </style>
        <aip-storefront api="/_fault/latency=2000"><aip-catalog></aip-catalog></aip-storefront>
        <p>After the catalog</p>
      </div>`,
    );
    const el = root.querySelector<AipCatalog>('aip-catalog')!;
    const after = root.querySelector('p')!;
    const top = after.getBoundingClientRect().top;
    expect(el.getBoundingClientRect().height).to.equal(innerHeight);

    await import('../src/index.js');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="grid"]'), 'nothing drawn yet').to.equal(null);
    expect(after.getBoundingClientRect().top, 'what follows stays where it was').to.equal(top);

    await waitUntil(() => el.shadowRoot!.querySelector('[part="grid"][aria-busy="true"]'), 'placeholders', {
      timeout: 1500,
    });
    expect(el.shadowRoot!.querySelectorAll('aip-persona-card').length).to.be.greaterThan(0);
    expect(after.getBoundingClientRect().top, 'the placeholders fill the space, below the fold').to.be.at.least(top);

    await waitUntil(() => el.shadowRoot!.querySelector('[part="grid"][aria-busy="false"]'), 'the first page', {
      timeout: 8000,
    });
    const titles = [...el.shadowRoot!.querySelectorAll('aip-persona-card')].map((c) =>
      c.shadowRoot!.querySelector('[part="title"]')?.textContent?.trim(),
    );
    expect(titles.length).to.be.greaterThan(4);
    expect(titles.every(Boolean), 'each card has its name').to.equal(true);
  });
});
