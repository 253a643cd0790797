// What every framework example must do, checked the same way for React, Vue and plain HTML.
import { waitUntil } from '@open-wc/testing';
import type { AipCatalog, AipPersonaCard } from '../../src/index.js';

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
