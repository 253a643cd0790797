/**
 * What a buyer meets on a card with a pointer and with awkward data: the
 * clicks land on the control under the pointer, and long names, creators,
 * tags and badges stay inside the card in every layout.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { PersonaSummary } from '../src/api/schemas.js';
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

/** A listing with a long name, a one-word creator and one-word tags longer than a card, and a badge (German). */
async function longGerman(): Promise<PersonaSummary> {
  const [base] = await catalogFromApi('availability=exclusive_active&limit=1');
  return {
    ...base!,
    name: 'Maximiliane Friederike von Hohenzollern-Sigmaringen',
    creator: { ...base!.creator, name: 'Donaudampfschifffahrtsgesellschaftskapitänsstudio' },
    tags: ['Rechtsschutzversicherungsgesellschaften', 'Nachhaltigkeitsberichterstattung', 'Mode'],
  };
}

/** The boxes of every piece of text under `root` (through the title's shadow DOM), as drawn. */
function textBoxes(root: ShadowRoot): { text: string; box: DOMRect }[] {
  const boxes: { text: string; box: DOMRect }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent!.trim() || node.parentElement!.closest('.visually-hidden, dialog, script')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) boxes.push({ text: node.textContent!.trim(), box });
  }
  return boxes;
}

describe('<aip-persona-card> with long words', function () {
  this.timeout(20_000);

  const cases = [
    ['vertical', 220],
    ['horizontal', 220],
    ['horizontal', 360],
    ['compact', 220],
  ] as const;
  for (const [layout, width] of cases) {
    it(`${layout} at ${width}px: all text stays inside the card`, async () => {
      const data = await longGerman();
      const page = await fixture<HTMLElement>(
        html`<aip-storefront locale="de-DE">
          <aip-persona-card layout=${layout} style="width: ${width}px" .data=${data}></aip-persona-card>
        </aip-storefront>`,
      );
      const card = page.querySelector<AipPersonaCard>('aip-persona-card')!;
      await shadowQuery(card, '[part="price"]');
      await card.updateComplete;
      const base = part(card, 'base').getBoundingClientRect();
      const outside = textBoxes(card.shadowRoot!)
        .filter(({ box }) => box.left < base.left - 0.5 || box.right > base.right + 0.5)
        .map(({ text }) => text);
      if (layout === 'compact') {
        // One line, cut with an ellipsis inside the card; the whole name is still the button's text.
        const button = card.shadowRoot!.querySelector<HTMLElement>('.select')!;
        expect(getComputedStyle(button).textOverflow).to.equal('ellipsis');
        expect(button.getBoundingClientRect().right).to.be.at.most(base.right);
        expect(button.scrollWidth).to.be.greaterThan(button.clientWidth);
        expect(button.textContent!.trim()).to.equal(data.name);
        expect(outside.filter((t) => t !== data.name)).to.deep.equal([]);
      } else {
        expect(outside).to.deep.equal([]);
      }
      if (layout !== 'compact') {
        // The badge is whole, inside the image, and leaves most of the image to see.
        const badge = part(card, 'badge');
        const b = badge.getBoundingClientRect();
        const media = part(card, 'media').getBoundingClientRect();
        expect(b.top).to.be.at.least(media.top);
        expect(b.bottom).to.be.at.most(media.bottom + 0.5);
        expect(b.right).to.be.at.most(media.right + 0.5);
        expect(badge.scrollHeight).to.be.at.most(badge.clientHeight);
        expect((b.width * b.height) / (media.width * media.height), 'share of the image covered').to.be.below(0.6);
      }
    });
  }
});
