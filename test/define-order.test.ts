// The card is defined here before the storefront: a page (or bundler) may load
// the element entry points in any order, and lazy chunks arrive late.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/persona-card/index.js';
import type { AipPersonaCard } from '../src/components/persona-card/persona-card.js';

describe('elements defined before <aip-storefront>', () => {
  it("take the storefront's settings once it is defined", async () => {
    const root = await fixture(
      html`<aip-storefront max-rating="suggestive"
        ><aip-persona-card persona="lena-voss"></aip-persona-card
      ></aip-storefront>`,
    );
    expect(customElements.get('aip-storefront')).to.equal(undefined);
    const card = root.querySelector<AipPersonaCard>('aip-persona-card')!;
    // Alone, the card uses the default limit (general) and hides the suggestive listing.
    await waitUntil(() => card.shadowRoot!.textContent!.includes('not shown on this site'), 'hidden by default');

    await import('../src/components/storefront/index.js');
    // The storefront allows suggestive content: the listing appears, covered until 18+ is confirmed.
    await waitUntil(() => card.shadowRoot!.querySelector('[part="rating-cover"]'), 'shown under the storefront');
    expect(card.shadowRoot!.textContent).to.not.contain('not shown on this site');
  });
});
