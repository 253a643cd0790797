/**
 * What a buyer meets on a card with a pointer and with awkward data: the
 * clicks land on the control under the pointer, and long names, creators,
 * tags and badges stay inside the card in every layout.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { AipPersonaCard } from '../src/components/persona-card/persona-card.js';
import { forgetAgeConfirmation } from '../src/internal/age-gate.js';
import { catalogFromApi, shadowQuery } from './helpers.js';

const part = (el: AipPersonaCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** Clicks with the real mouse at the centre of `target`, as a buyer would. */
async function clickCentre(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

describe('<aip-persona-card> under the pointer', function () {
  this.timeout(20_000);
  beforeEach(() => forgetAgeConfirmation());
  afterEach(() => resetMouse());

  it('a mouse click on "Show" of an 18+ card opens the age check, not the listing', async () => {
    const page = await fixture<HTMLElement>(
      html`<aip-storefront max-rating="explicit">
        <aip-catalog page-size="12" style="width: 900px"></aip-catalog>
      </aip-storefront>`,
    );
    const catalog = page.querySelector('aip-catalog')!;
    const rated = () =>
      [...catalog.shadowRoot!.querySelectorAll<AipPersonaCard>('aip-persona-card')].find((c) =>
        c.shadowRoot!.querySelector('[part="reveal-button"]'),
      );
    await waitUntil(rated, 'no rated card in the first page', { timeout: 8000 });
    const card = rated()!;
    const show = part(card, 'reveal-button');
    let selected = 0;
    page.addEventListener('aip-select', () => selected++);

    await clickCentre(show);

    const dialog = part(card, 'age-dialog') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'the age dialog did not open', { timeout: 2000 });
    expect(selected).to.equal(0);
    dialog.querySelector('button')!.click();
  });

  it('the title and the rest of the card still open the listing', async () => {
    const [persona] = await catalogFromApi('availability=open&limit=1');
    const card = await fixture<AipPersonaCard>(
      html`<aip-persona-card style="width: 260px" .data=${persona}></aip-persona-card>`,
    );
    await shadowQuery(card, '.select');
    let selected = 0;
    card.addEventListener('aip-select', (e) => {
      selected++;
      e.preventDefault();
    });
    await clickCentre(part(card, 'title'));
    await clickCentre(part(card, 'disclosure'));
    expect(selected).to.equal(2);
  });
});
