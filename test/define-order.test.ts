// The card and catalog are defined here before the storefront: a page (or
// bundler) may load the element entry points in any order, and a module script
// tag for the storefront may come after theirs.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/catalog/index.js';
import '../src/components/license-picker/index.js';
import '../src/components/persona-card/index.js';
import '../src/components/persona-detail/index.js';
import type { AipCatalog } from '../src/components/catalog/catalog.js';
import type { AipPersonaCard } from '../src/components/persona-card/persona-card.js';
import type { Persona } from '../src/api/schemas.js';
import { requestsMatching } from './helpers.js';

/** A host component that renders one of our cards in its own shadow root. */
customElements.define(
  'x-shadow-host',
  class extends HTMLElement {
    connectedCallback() {
      this.attachShadow({ mode: 'open' }).innerHTML = '<aip-persona-card persona="noor-haddad"></aip-persona-card>';
    }
  },
);

describe('elements defined before <aip-storefront>', () => {
  it("wait for the storefront's settings and ask the marketplace once, with them", async () => {
    // A detail given its listing as data still loads its creator.
    const juno = (await (await fetch('/v1/personas/juno-okafor')).json()) as Persona;
    const root = await fixture(
      html`<aip-storefront max-rating="suggestive" creator="lumen-foundry"
        ><aip-persona-card persona="lena-voss"></aip-persona-card><aip-catalog page-size="4"></aip-catalog
        ><aip-license-picker persona="mara-lindqvist"></aip-license-picker><x-shadow-host></x-shadow-host
        ><aip-persona-detail .data=${juno}></aip-persona-detail
      ></aip-storefront>`,
    );
    expect(customElements.get('aip-storefront')).to.equal(undefined);
    const card = root.querySelector<AipPersonaCard>('aip-persona-card')!;
    const catalog = root.querySelector<AipCatalog>('aip-catalog')!;

    // The storefront's script arrives late. Meanwhile both show that they are loading, and ask for nothing.
    await aTimeout(400);
    expect(card.shadowRoot!.querySelector('.skeleton') !== null).to.equal(true);
    expect(catalog.shadowRoot!.querySelector('[aria-busy="true"]') !== null).to.equal(true);
    expect(requestsMatching('/v1/').map((e) => new URL(e.name).pathname)).to.deep.equal(['/v1/personas/juno-okafor']);

    await import('../src/components/storefront/index.js');
    // The storefront allows suggestive content: the listing appears, covered until 18+ is confirmed.
    await waitUntil(() => card.shadowRoot!.querySelector('[part="rating-cover"]'), 'shown under the storefront');
    expect(card.shadowRoot!.textContent).to.not.contain('not shown on this site');
    // The catalog lists the storefront's creator only.
    await waitUntil(() => catalog.shadowRoot!.querySelectorAll('aip-persona-card').length === 4, 'four cards');
    const creators = [...catalog.shadowRoot!.querySelectorAll<AipPersonaCard>('aip-persona-card')].map(
      (c) => c.data?.creator.handle,
    );
    expect(creators).to.deep.equal(['lumen-foundry', 'lumen-foundry', 'lumen-foundry', 'lumen-foundry']);

    const picker = root.querySelector('aip-license-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelector('input[type="radio"]'), 'the tiers');

    // One request each, made with the storefront's settings.
    expect(requestsMatching('/v1/personas/mara-lindqvist').length).to.equal(1);
    // Across a host component's shadow root too, and for a detail's creator.
    const shadowed = root
      .querySelector('x-shadow-host')!
      .shadowRoot!.querySelector<AipPersonaCard>('aip-persona-card')!;
    await waitUntil(() => shadowed.shadowRoot!.querySelector('[part="title"]'), 'the shadowed card');
    expect(requestsMatching('/v1/personas/noor-haddad').length).to.equal(1);
    await waitUntil(() => requestsMatching('/v1/creators/').length > 0, "the detail's creator");
    expect(requestsMatching('/v1/creators/').length).to.equal(1);
    expect(requestsMatching('/v1/pricing-policy').length).to.equal(1);
    expect(requestsMatching('/v1/personas/lena-voss').length).to.equal(1);
    const catalogRequests = requestsMatching('/v1/catalog').map((e) => new URL(e.name).search);
    expect(catalogRequests.length).to.equal(1);
    expect(catalogRequests[0]).to.contain('creator=lumen-foundry');
    expect(catalogRequests[0]).to.contain('rating=suggestive');
  });
});
