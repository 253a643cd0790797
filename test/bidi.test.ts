/**
 * Left-to-right texts on a right-to-left page (`dir="rtl"` on the page, the
 * elements in English): the words of each sentence stay in reading order,
 * while the layout and alignment stay mirrored; and a host's own
 * right-to-left wording reads right to left.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { PersonaSummary } from '../src/api/schemas.js';
import { catalogFromApi } from './helpers.js';
import { deepQuery } from './paint.js';

/** Where `word` is drawn inside `el` (the first occurrence, in any text node below it). */
function wordBox(el: Element, word: string): DOMRect {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(word);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + word.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${word}" is not in ${el.textContent}`);
}

/** Asserts `words` are drawn left to right, in that order, on one line. */
function expectLeftToRight(el: Element, words: string[]) {
  const boxes = words.map((w) => wordBox(el, w));
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]!.left, `"${words[i - 1]}" before "${words[i]}" in "${el.textContent!.trim()}"`).to.be.greaterThan(
      boxes[i - 1]!.left,
    );
    expect(Math.round(boxes[i]!.top)).to.equal(Math.round(boxes[0]!.top));
  }
}

const rtlPage = (content: unknown) => fixture<HTMLElement>(html`<div dir="rtl" style="width: 1000px">${content}</div>`);

describe('English on a right-to-left page', function () {
  this.timeout(20_000);

  it('the detail keeps "About Noor Haddad" and "1 of 2" in reading order, aligned to the right', async () => {
    const page = await rtlPage(
      html`<aip-storefront locale="en"
        ><aip-persona-detail persona="noor-haddad"></aip-persona-detail
      ></aip-storefront>`,
    );
    const detail = page.querySelector('aip-persona-detail')!;
    const heading = await deepQuery(detail, '#description-title');
    const position = await deepQuery(detail, '[part="position"]');
    expectLeftToRight(heading, ['About', 'Noor', 'Haddad']);
    expectLeftToRight(position, ['1', 'of']);
    // Still mirrored: the heading's text ends at the column's right edge.
    const column = heading.parentElement!.getBoundingClientRect();
    expect(Math.round(wordBox(heading, 'Haddad').right)).to.be.closeTo(Math.round(column.right), 1);
  });

  it('a card keeps "by <creator>" and "+1 more" in reading order', async () => {
    const [base] = await catalogFromApi('availability=open&limit=1');
    const data: PersonaSummary = { ...base!, tags: ['one', 'two', 'three', 'four'] };
    const page = await rtlPage(
      html`<aip-storefront locale="en"
        ><aip-persona-card style="width: 280px" .data=${data}></aip-persona-card
      ></aip-storefront>`,
    );
    const card = page.querySelector('aip-persona-card')!;
    const more = (await deepQuery(card, '[part~="tags"] > li:last-child')) as HTMLElement;
    expect(more.textContent!.trim()).to.equal('+1 more');
    expectLeftToRight(more, ['+1', 'more']);
    const meta = await deepQuery(card, '[part="meta"]');
    expectLeftToRight(meta, ['by', data.creator.name.split(' ')[0]!]);
  });

  it("the license comparison's cells line up on the right, the page's side, like its prices", async () => {
    const page = await rtlPage(
      html`<aip-storefront locale="en"
        ><aip-license-picker persona="mara-lindqvist"></aip-license-picker
      ></aip-storefront>`,
    );
    const picker = page.querySelector('aip-license-picker')!;
    (await deepQuery<HTMLButtonElement>(picker, '[part="compare-button"]')).click();
    const term = await deepQuery(picker, 'tbody tr:nth-child(2)');
    // Every cell of the row, English words and the heading alike, ends at its cell's right edge.
    for (const cell of term.querySelectorAll('th, td')) {
      const text = cell.textContent!.trim();
      const word = text.split(' ').at(-1)!;
      expect(Math.round(cell.getBoundingClientRect().right - wordBox(cell, word).right), text).to.be.closeTo(
        Number.parseFloat(getComputedStyle(cell).paddingRight),
        1,
      );
    }
  });

  it("the checkout's field messages end with their full stop, not start with it", async () => {
    const page = await rtlPage(
      html`<aip-storefront locale="en"
        ><aip-checkout persona="noor-haddad" license="commercial"></aip-checkout
      ></aip-storefront>`,
    );
    const checkout = page.querySelector('aip-checkout')!;
    (await deepQuery<HTMLElement>(checkout, '[part~="start-button"]')).click();
    (await deepQuery<HTMLElement>(checkout, '[part~="submit-button"]')).click();
    const error = await deepQuery(checkout, '#buyer-name-error');
    expectLeftToRight(error, ['name', '.']);
  });

  it("a host's right-to-left wording reads right to left", async () => {
    const page = await rtlPage(
      html`<aip-storefront locale="en" .messages=${{ 'detail.about': 'حول {name}' }}>
        <aip-persona-detail persona="noor-haddad"></aip-persona-detail>
      </aip-storefront>`,
    );
    const heading = await deepQuery(page.querySelector('aip-persona-detail')!, '#description-title');
    // The Arabic word comes first in reading order, so it is drawn to the right of the name.
    expect(wordBox(heading, 'حول').left).to.be.greaterThan(wordBox(heading, 'Haddad').right);
  });
});

describe('Arabic formats on a right-to-left page', function () {
  this.timeout(20_000);

  it('a price keeps its "US$" sign in order, not "$US"', async () => {
    const page = await rtlPage(
      html`<aip-storefront locale="ar"><aip-price amount="1400000" currency="USD"></aip-price></aip-storefront>`,
    );
    const price = page.querySelector('aip-price')!;
    const base = await deepQuery(price, '[part="base"]');
    expectLeftToRight(base, ['US', '$']);
  });

  it("an exclusive's end date, an Arabic date in an English sentence, is set apart so it keeps its own order", async () => {
    const persona = (await (await fetch('/v1/personas/elio-marchetti')).json()) as { exclusiveUntil: string };
    const page = await rtlPage(
      html`<aip-storefront locale="ar"
        ><aip-license-picker persona="elio-marchetti"></aip-license-picker
      ></aip-storefront>`,
    );
    const picker = page.querySelector('aip-license-picker')!;
    await deepQuery(picker, 'input');
    const date = new Intl.DateTimeFormat('ar', { dateStyle: 'medium' }).format(new Date(persona.exclusiveUntil));
    expect(picker.shadowRoot!.textContent).to.contain(`Exclusively licensed until \u2068${date}\u2069`);
  });
});
