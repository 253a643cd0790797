// Two copies of the library on one page (a CMS plugin and a theme each bring
// one): they share the viewer's 18+ confirmation, and withdrawing it in one
// covers rated content in the other.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { ageConfirmed, forgetAgeConfirmation } from '../src/internal/age-gate.js';
import type { AipPersonaCard } from '../src/components/persona-card/persona-card.js';

type AgeGate = typeof import('../src/internal/age-gate.js');

describe('two copies of the library on one page', () => {
  after(() => forgetAgeConfirmation());

  it('share the 18+ confirmation both ways', async () => {
    // The same module under another URL is another instance of it, as a second bundle's copy would be.
    const address = new URL('../src/internal/age-gate.ts?copy=2', import.meta.url).href;
    const other = (await import(/* @vite-ignore */ address)) as AgeGate;
    expect(other.ageConfirmed === ageConfirmed).to.equal(false);

    const root = await fixture(
      html`<aip-storefront max-rating="suggestive"
        ><aip-persona-card persona="lena-voss"></aip-persona-card
      ></aip-storefront>`,
    );
    const card = root.querySelector<AipPersonaCard>('aip-persona-card')!;
    const covered = () => card.shadowRoot!.querySelector('[part="rating-cover"]') !== null;
    await waitUntil(covered, 'covered until 18+ is confirmed');

    // Confirmed through the other copy: this copy's card shows the listing.
    other.confirmAge();
    await waitUntil(() => !covered() && card.shadowRoot!.querySelector('img') !== null, 'uncovered');

    // Withdrawn through this copy (a host's "hide adult content"): the other copy no longer counts it.
    forgetAgeConfirmation();
    expect(other.ageConfirmed()).to.equal(false);
    await waitUntil(covered, 'covered again');
  });
});
