// An <aip-storefront> whose script never loads: the elements inside it must not
// wait for it for ever.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/persona-card/index.js';
import type { AipPersonaCard } from '../src/components/persona-card/persona-card.js';
import { captureWarnings } from './helpers.js';

describe('an <aip-storefront> that is never defined', () => {
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
