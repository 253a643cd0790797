// What every framework example must do, checked the same way for React, Vue and plain HTML.
import { expect, waitUntil } from '@open-wc/testing';
import type { AipCatalog, AipPersonaCard, PersonaSummary } from '../../src/index.js';
import { catalogFromApi, requestsMatching } from '../helpers.js';

/** The catalog's cards (in its shadow root). */
export const cards = (catalog: AipCatalog): AipPersonaCard[] => [
  ...catalog.shadowRoot!.querySelectorAll<AipPersonaCard>('aip-persona-card'),
];

/** The persona name a card shows, or '' while it has none. */
export const cardName = (card: AipPersonaCard): string =>
  card.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim() ?? '';

/** Waits until the catalog shows `count` named cards, and returns their names in order. */
export async function catalogNames(catalog: AipCatalog, count: number): Promise<string[]> {
  await waitUntil(
    () => cards(catalog).length === count && cards(catalog).every((card) => cardName(card) !== ''),
    `the catalog did not show ${count} listings`,
    { timeout: 8000 },
  );
  return cards(catalog).map(cardName);
}

/** Chooses a card as a buyer does: a click on its name. */
export function choose(card: AipPersonaCard): void {
  card.shadowRoot!.querySelector<HTMLButtonElement>('[part="title"] button')!.click();
}

/** Whether the catalog opened its detail dialog (it does unless the host cancelled `aip-select`). */
export const detailOpen = (catalog: AipCatalog): boolean =>
  catalog.shadowRoot!.querySelector<HTMLDialogElement>('[part="detail-dialog"]')?.open ?? false;

/** Records what the page says through `console[method]` until `stop()`. */
export function recordConsole(method: 'warn' | 'error'): { said: string[]; stop: () => void } {
  const original = console[method];
  const said: string[] = [];
  console[method] = (...args: unknown[]) => {
    said.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  return { said, stop: () => (console[method] = original) };
}

/** What a framework example rendered, once its `before()` has run. */
export interface RenderedApp {
  featured: PersonaSummary;
  catalog: AipCatalog;
  card: AipPersonaCard;
  status: HTMLElement;
}

/**
 * The checks React and Vue share: the catalog's listings come from the
 * marketplace, `page-size` reaches the element as an attribute, the featured
 * listing arrives as the `data` property (never an attribute, no request),
 * and the app's handler hears `aip-select` and cancels the detail dialog.
 * `syntax` names how the framework writes each, for the test titles.
 */
export function sharedAppChecks(
  app: () => RenderedApp,
  syntax: { pageSize: string; data: string; handler: string },
): void {
  it(`shows the marketplace's listings in <aip-catalog ${syntax.pageSize}>`, async () => {
    const { catalog } = app();
    const expected = await catalogFromApi('limit=12');
    expect(await catalogNames(catalog, 12)).to.deep.equal(expected.map((p) => p.name));
    // page-size is not a property name, so the framework wrote it as an attribute.
    expect(catalog.getAttribute('page-size')).to.equal('12');
    expect(catalog.pageSize).to.equal(12);
  });

  it(`renders the listing bound with ${syntax.data}, with no request of its own`, async () => {
    const { card, featured } = app();
    await waitUntil(() => cardName(card) === featured.name, 'the card did not show its data');
    // Set as a property: an attribute would be the string "[object Object]".
    expect(card.data).to.deep.equal(featured);
    expect(card.hasAttribute('data')).to.equal(false);
    expect(requestsMatching(`/v1/personas/${featured.id}`)).to.have.length(0);
  });

  it(`delivers a chosen card to the app's ${syntax.handler} handler`, async () => {
    const { card, catalog, featured, status } = app();
    choose(card);
    await waitUntil(() => status.textContent === `You chose ${featured.name}`, 'the handler did not see the card');

    const [, second] = cards(catalog);
    choose(second!);
    await waitUntil(
      () => status.textContent === `You chose ${cardName(second!)}`,
      'the handler did not see the catalog',
    );
    // The handler's preventDefault() reached the catalog: no built-in detail dialog.
    expect(detailOpen(catalog)).to.equal(false);
  });
}
