// An <aip-storefront> whose script never loads: the elements inside it must not
// wait for it for ever.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/persona-card/index.js';
import type { AipPersonaCard } from '../src/components/persona-card/persona-card.js';
import { captureWarnings } from './helpers.js';

describe('an <aip-storefront> that is never defined', () => {
  // First: the page gives up on the storefront once, for every element, 3 s after the first waits.
  it('stops holding an element the host takes out of it: the element loads at once', async () => {
    const warnings = await captureWarnings(async () => {
      const root = await fixture(
        html`<aip-storefront max-rating="suggestive"
          ><aip-persona-card persona="juno-okafor"></aip-persona-card
        ></aip-storefront>`,
      );
      const card = root.querySelector<AipPersonaCard>('aip-persona-card')!;
      await aTimeout(300);
      expect(card.shadowRoot!.querySelector('.skeleton'), 'waiting inside the storefront').to.not.equal(null);
      root.after(card);
      await waitUntil(() => card.shadowRoot!.textContent!.includes('Juno'), 'the card shows its listing');
      card.remove();
    });
    // It did not wait for the page to give up on the storefront.
    expect(warnings.filter((w) => w.includes('<aip-storefront> was never defined'))).to.deep.equal([]);
  });

  it('is given up on shortly after the page was parsed: the elements use their defaults and say why', async () => {
    let card!: AipPersonaCard;
    const warnings = await captureWarnings(async () => {
      const root = await fixture(
        html`<aip-storefront max-rating="suggestive"
          ><aip-persona-card persona="mara-lindqvist"></aip-persona-card
        ></aip-storefront>`,
      );
      card = root.querySelector<AipPersonaCard>('aip-persona-card')!;
      await waitUntil(() => card.shadowRoot!.textContent!.includes('Mara'), 'the card shows its listing', {
        timeout: 10_000,
      });
    });
    expect(customElements.get('aip-storefront')).to.equal(undefined);
    expect(warnings.filter((w) => w.includes('<aip-storefront> was never defined'))).to.have.length(1);
  });
});
