/**
 * The colour themes as a viewer sees them on a host page that does not match:
 * a dark storefront (`theme="dark"`, or `auto` in a dark system scheme) on a
 * light page, and the default light theme, which keeps the page's colours.
 * Every check is a colour actually painted: text against what is behind it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import { forgetAgeConfirmation } from '../src/internal/age-gate.js';
import { DARK_TOKENS, TOKENS, type TokenName } from '../src/styles/tokens.js';
import { backdrop, contrast, deepAll, deepQuery, rgba, textContrast, type Rgba } from './paint.js';

/** A light host page: white, near-black text, and no `color-scheme` of its own. */
const lightPage = (content: unknown) =>
  fixture<HTMLElement>(html`<div style="background: #ffffff; color: #1d1d1f; padding: 16px">${content}</div>`);

/** Text a buyer reads on a catalog page: toolbar labels, card names, creators, tags, prices, disclosures. */
const CATALOG_TEXT = [
  'label.field',
  '[part="title"]',
  '[part="meta"]',
  '[part~="tags"] > li',
  '[part="price"]',
  '[part="disclosure"]',
];

async function expectReadableCatalog(page: HTMLElement) {
  await deepQuery(page, '[part="price"]');
  const unreadable: string[] = [];
  for (const selector of CATALOG_TEXT) {
    const found = deepAll(page, selector);
    expect(found.length, selector).to.be.greaterThan(0);
    for (const el of found) {
      const ratio = textContrast(el);
      if (ratio < 4.5) unreadable.push(`${selector} "${el.textContent!.trim().slice(0, 24)}" ${ratio.toFixed(2)}:1`);
    }
  }
  expect(unreadable.join('\n'), 'text under 4.5:1').to.equal('');
}

/** A dark token's value. */
const dark = (name: TokenName) => rgba(DARK_TOKENS[name] ?? TOKENS[name]);
/** A light token's value; the text colour is the page's, taken as near-black (as `test/contrast.test.ts` does). */
const light = (name: TokenName) => rgba(TOKENS[name] === 'currentColor' ? '#1d1d1f' : TOKENS[name]);

/** A colour a viewer reads as dark: every channel in the darkest third. */
const isDark = ([r, g, b]: Rgba) => Math.max(r, g, b) < 85;

/** Text on the dark canvas that must reach 4.5:1 (`test/contrast.test.ts` checks the pairs on cards). */
const ON_CANVAS: TokenName[] = [
  '--aip-color-text',
  '--aip-color-text-muted',
  '--aip-color-accent',
  '--aip-color-danger',
  '--aip-color-success',
];

/** Text on dialogs and the gallery's buttons. */
const ON_RAISED: TokenName[] = [
  '--aip-color-text',
  '--aip-color-text-muted',
  '--aip-color-accent',
  '--aip-color-danger',
];

describe('theming', function () {
  this.timeout(20_000);
  beforeEach(() => forgetAgeConfirmation());

  describe('a dark storefront on a light page', () => {
    it('theme="dark": names, prices, tags and toolbar labels are readable', async () => {
      const page = await lightPage(
        html`<aip-storefront theme="dark"><aip-catalog page-size="6"></aip-catalog></aip-storefront>`,
      );
      await expectReadableCatalog(page);
    });

    it('theme="auto" in a dark system scheme: the same', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const page = await lightPage(
          html`<aip-storefront theme="auto"><aip-catalog page-size="6"></aip-catalog></aip-storefront>`,
        );
        await expectReadableCatalog(page);
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('theme="auto" in a light system scheme keeps the page colours', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const page = await lightPage(
        html`<aip-storefront theme="auto"><aip-persona-card persona="noor-haddad"></aip-persona-card></aip-storefront>`,
      );
      const title = await deepQuery(page, '[part="title"]');
      expect(getComputedStyle(title).color).to.equal('rgb(29, 29, 31)');
      expect(backdrop(title)).to.deep.equal([255, 255, 255, 1]);
    });
  });

  describe('dialogs and controls in a dark storefront on a light page', () => {
    it("a card's 18+ dialog is dark, with readable text", async () => {
      const page = await lightPage(
        html`<aip-storefront theme="dark" max-rating="explicit">
          <aip-persona-card persona="scarlett-vane"></aip-persona-card>
        </aip-storefront>`,
      );
      (await deepQuery<HTMLElement>(page, '[part="reveal-button"]')).click();
      const dialog = await deepQuery<HTMLDialogElement>(page, 'dialog[part="age-dialog"][open]');
      expect(isDark(backdrop(dialog)), 'dialog surface').to.equal(true);
      for (const el of dialog.querySelectorAll('h2, p, button')) {
        expect(textContrast(el), el.textContent!.trim()).to.be.at.least(4.5);
      }
      dialog.querySelector('button')!.click();
    });

    it("the catalog's detail dialog, its gallery buttons and the compare dialog are dark and readable", async () => {
      const page = await lightPage(
        html`<aip-storefront theme="dark"><aip-catalog page-size="3"></aip-catalog></aip-storefront>`,
      );
      (await deepQuery<HTMLElement>(page, '.select')).click();
      const detail = await deepQuery<HTMLDialogElement>(page, 'dialog[part="detail-dialog"][open]');
      expect(isDark(backdrop(detail)), 'detail dialog surface').to.equal(true);
      const title = await deepQuery(detail, '[part="title"]');
      expect(textContrast(title), 'persona name').to.be.at.least(4.5);
      for (const heading of deepAll(detail, '[part~="section-heading"]')) {
        expect(textContrast(heading), heading.textContent!.trim()).to.be.at.least(4.5);
      }
      // The chevron is drawn in the button's text colour.
      const next = await deepQuery(detail, '[part="next-button"]');
      expect(isDark(backdrop(next)), 'gallery button surface').to.equal(true);
      expect(contrast(rgba(getComputedStyle(next).color), backdrop(next)), 'chevron').to.be.at.least(3);

      (await deepQuery<HTMLElement>(detail, '[part="compare-button"]')).click();
      const compare = await deepQuery<HTMLDialogElement>(detail, 'dialog[open]');
      expect(isDark(backdrop(compare)), 'compare dialog surface').to.equal(true);
      for (const cell of compare.querySelectorAll('h2, th, td')) {
        expect(textContrast(cell), cell.textContent!.trim()).to.be.at.least(4.5);
      }
    });

    it("the browser's own controls (selects, radios) use their dark look", async () => {
      const page = await lightPage(
        html`<aip-storefront theme="dark">
          <aip-catalog page-size="3"></aip-catalog>
          <aip-license-picker persona="noor-haddad"></aip-license-picker>
        </aip-storefront>`,
      );
      const select = await deepQuery(page.querySelector('aip-catalog')!, 'select');
      const radio = await deepQuery(page.querySelector('aip-license-picker')!, 'input[type="radio"]');
      expect(getComputedStyle(select).colorScheme).to.equal('dark');
      expect(getComputedStyle(radio).colorScheme).to.equal('dark');
    });
  });

  describe('token contrast', () => {
    for (const fg of ON_CANVAS) {
      it(`dark: ${fg} on --aip-color-canvas ≥ 4.5:1`, () => {
        expect(contrast(dark(fg), dark('--aip-color-canvas'))).to.be.at.least(4.5);
      });
    }
    for (const fg of ON_RAISED) {
      it(`dark: ${fg} on --aip-color-surface-raised ≥ 4.5:1`, () => {
        expect(contrast(dark(fg), dark('--aip-color-surface-raised'))).to.be.at.least(4.5);
      });
      it(`light: ${fg} on --aip-color-surface-raised ≥ 4.5:1`, () => {
        expect(contrast(light(fg), light('--aip-color-surface-raised'))).to.be.at.least(4.5);
      });
    }
  });

  describe("the host page's inherited text settings", () => {
    it('every type size follows the --aip-font-size tokens (a page with a 10 px root sets them back)', async () => {
      const page = await fixture<HTMLElement>(
        html`<div style="--aip-font-size-s: 20px; --aip-font-size-m: 20px; --aip-font-size-l: 20px">
          <aip-storefront
            ><aip-catalog page-size="4" filters="none"></aip-catalog
            ><aip-license-picker persona="mara-lindqvist"></aip-license-picker
            ><aip-persona-card layout="compact" persona="juno-okafor"></aip-persona-card
          ></aip-storefront>
        </div>`,
      );
      await deepQuery(page, '[part="title"]');
      await deepQuery(page, 'input[type="radio"]');
      await deepQuery(page.querySelector('aip-persona-card')!, '.disclosure');
      const texts = deepAll(page, '*').filter((el) =>
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()),
      );
      expect(texts.length).to.be.greaterThan(10);
      const small = texts
        .filter((el) => Number.parseFloat(getComputedStyle(el).fontSize) < 15)
        .map((el) => `${el.localName}.${el.className}: ${getComputedStyle(el).fontSize}`);
      expect(small).to.deep.equal([]);
    });

    it("the page's own content inside a storefront keeps the page's white-space", async () => {
      const page = await fixture<HTMLElement>(
        html`<div style="white-space: pre-line">
          <aip-storefront><p>First line Second line</p></aip-storefront>
        </div>`,
      );
      expect(getComputedStyle(page.querySelector('p')!).whiteSpace).to.equal('pre-line');
    });

    it('text wraps inside the elements even where the page sets white-space: nowrap', async () => {
      const page = await fixture<HTMLElement>(
        html`<div style="white-space: nowrap; width: 480px">
          <aip-persona-detail persona="noor-haddad"></aip-persona-detail>
        </div>`,
      );
      const description = await deepQuery(page, '[part="description"] p');
      expect(description.getBoundingClientRect().width).to.be.at.most(480);
      expect(page.scrollWidth).to.be.at.most(480);
    });
  });

  describe('corner radii', () => {
    it('--aip-button-radius rounds buttons alone: fields and boxes keep --aip-radius-s', async () => {
      const page = await fixture<HTMLElement>(
        html`<aip-storefront style="--aip-radius-s: 10px; --aip-button-radius: 999px"
          ><aip-catalog page-size="2" filters="search"></aip-catalog
        ></aip-storefront>`,
      );
      const more = await deepQuery(page, '[part="more"]');
      const search = await deepQuery(page, '.toolbar input');
      expect(getComputedStyle(more).borderTopLeftRadius).to.equal('999px');
      expect(getComputedStyle(search).borderTopLeftRadius).to.equal('10px');
    });
  });

  describe('the light theme (default)', () => {
    it('inherits the host page text colour and paints no canvas', async () => {
      const page = await fixture<HTMLElement>(
        html`<div style="background: #fbf6ef; color: #3b2a1e">
          <aip-storefront><aip-catalog page-size="3"></aip-catalog></aip-storefront>
        </div>`,
      );
      const title = await deepQuery(page, '[part="title"]');
      expect(getComputedStyle(title).color).to.equal('rgb(59, 42, 30)');
      expect(getComputedStyle(page.querySelector('aip-storefront')!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      expect(backdrop(title)).to.deep.equal(rgba('#fbf6ef'));
    });
  });
});
