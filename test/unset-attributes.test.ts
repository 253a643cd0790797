// Removing an attribute (or a framework setting a prop back to undefined) asks for the default: the element
// goes back to it without calling it a mistake in the console.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import '../src/components/persona-detail/index.js';
import '../src/components/checkout/index.js';
import type { AipCatalog } from '../src/components/catalog/catalog.js';
import type { AipStorefront } from '../src/components/storefront/storefront.js';
import { captureWarnings, settingsOf, shadowQuery } from './helpers.js';

/** Removes each of `attributes` from `el`, then sets each of `properties` to undefined, and lets it update. */
async function unset(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  attributes: string[],
  properties: string[],
) {
  for (const name of attributes) el.removeAttribute(name);
  await el.updateComplete;
  for (const name of properties) (el as unknown as Record<string, unknown>)[name] = undefined;
  await el.updateComplete;
}

describe('removed attributes and unset properties', () => {
  it('<aip-storefront>: max-rating and theme go back to general and light', async () => {
    const el = await fixture<AipStorefront>(html`<aip-storefront max-rating="erotic" theme="dark"></aip-storefront>`);
    const warnings = await captureWarnings(() =>
      unset(el, ['max-rating', 'theme', 'timeout'], ['maxRating', 'theme', 'retries']),
    );
    expect(warnings).to.deep.equal([]);
    expect(settingsOf(el).maxRating).to.equal('general');
    expect(el.theme).to.equal('light');
  });

  it('<aip-catalog>: the default toolbar, sort, page size and heading level', async () => {
    const root = await fixture(
      html`<aip-storefront
        ><aip-catalog filters="none" sort="name" page-size="2" heading-level="4" paging="infinite"></aip-catalog
      ></aip-storefront>`,
    );
    const el = root.querySelector<AipCatalog>('aip-catalog')!;
    await shadowQuery(el, 'aip-persona-card');
    const warnings = await captureWarnings(async () => {
      await unset(el, ['filters', 'sort', 'page-size', 'heading-level'], ['paging']);
      await shadowQuery(el, '[part="search"]');
    });
    expect(warnings).to.deep.equal([]);
    expect([el.sort, el.pageSize, el.paging, el.headingLevel]).to.deep.equal(['newest', 12, 'more', 3]);
  });

  it('<aip-persona-card>: vertical, three tags, a level-3 heading', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown>; layout: string; maxTags: number }>(
      html`<aip-persona-card persona="noor-haddad" layout="compact" max-tags="1" heading-level="2"></aip-persona-card>`,
    );
    await shadowQuery(el, 'h2');
    const warnings = await captureWarnings(() => unset(el, ['layout', 'max-tags', 'heading-level'], []));
    expect(warnings).to.deep.equal([]);
    expect([el.layout, el.maxTags]).to.deep.equal(['vertical', 3]);
    expect(el.shadowRoot!.querySelector('h3[part="title"]') === null).to.equal(false);
  });

  it('<aip-persona-detail> and <aip-checkout>: heading level, mode and poll interval', async () => {
    const root = await fixture(
      html`<div>
        <aip-persona-detail persona="noor-haddad" heading-level="3"></aip-persona-detail>
        <aip-checkout persona="noor-haddad" license="commercial" mode="popup" poll-interval="900"></aip-checkout>
      </div>`,
    );
    const detail = root.querySelector('aip-persona-detail')!;
    const checkout = root.querySelector('aip-checkout')!;
    const warnings = await captureWarnings(async () => {
      await unset(detail, ['heading-level'], []);
      await unset(checkout, ['mode'], ['pollInterval']);
    });
    expect(warnings).to.deep.equal([]);
    expect([detail.headingLevel, checkout.mode, checkout.pollInterval]).to.deep.equal([2, 'overlay', 2000]);
  });
});
