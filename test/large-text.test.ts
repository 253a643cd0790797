/**
 * Phones, large text and short screens (WCAG 1.4.4, 1.4.10, 2.4.11): the
 * elements stay inside their box, keep focus out from under sticky bars, and
 * fit a preview on a screen held sideways. "Large text" is the host page at
 * `font-size: 200%`, as a reader who enlarges text has it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { AipCheckout } from '../src/components/checkout/checkout.js';
import { shadowQuery } from './helpers.js';
import { deepQuery } from './paint.js';

const root = document.documentElement;
const right = (el: Element) => Math.round(el.getBoundingClientRect().right);

describe('large text, phones and short screens', function () {
  this.timeout(20_000);
  afterEach(async () => {
    root.style.removeProperty('font-size');
    await setViewport({ width: 800, height: 600 });
  });

  it("the catalog's toolbar wraps inside the catalog at 200 % text on a 320 px phone", async () => {
    await setViewport({ width: 320, height: 640 });
    root.style.fontSize = '200%';
    const page = await fixture<HTMLElement>(
      html`<aip-storefront><aip-catalog page-size="4"></aip-catalog></aip-storefront>`,
    );
    const catalog = page.querySelector('aip-catalog')!;
    await deepQuery(catalog, '.select');
    const edge = right(catalog);
    const controls = [...catalog.shadowRoot!.querySelectorAll('.toolbar input, .toolbar select')];
    expect(controls.length).to.be.greaterThan(1);
    for (const control of controls) expect(right(control), control.outerHTML.slice(0, 40)).to.be.at.most(edge);
    expect(root.scrollWidth, 'the page does not scroll sideways').to.be.at.most(320);
  });

  it("the checkout's button and fields stay inside its box at 200 % text", async () => {
    await setViewport({ width: 320, height: 640 });
    root.style.fontSize = '200%';
    const el = await fixture<AipCheckout>(
      html`<aip-checkout
        persona="noor-haddad"
        license="commercial"
        style="display:block; width: 224px"
      ></aip-checkout>`,
    );
    const start = await shadowQuery<HTMLElement>(el, '[part~="start-button"]', 8000);
    expect(right(start)).to.be.at.most(right(el));
    for (const cell of el.shadowRoot!.querySelectorAll('.summary dd')) expect(right(cell)).to.be.at.most(right(el));
    // The buyer's details: a text field's own width (20 characters of 32 px text) is wider than the box.
    start.click();
    await el.updateComplete;
    const fields = [...el.shadowRoot!.querySelectorAll('input:not([type="checkbox"]), [part~="submit-button"]')];
    expect(fields.length).to.equal(3);
    for (const field of fields) expect(right(field), field.id || field.className).to.be.at.most(right(el));
    expect(root.scrollWidth, 'the page does not scroll sideways').to.be.at.most(320);
  });

  it('draws form fields at 16 px on a page with smaller text, so a phone does not zoom into them on focus', async () => {
    const page = await fixture<HTMLElement>(
      html`<div style="font-size: 15px">
        <aip-checkout persona="noor-haddad" license="commercial"></aip-checkout>
        <aip-custom-order persona="noor-haddad"></aip-custom-order>
      </div>`,
    );
    const checkout = page.querySelector<AipCheckout>('aip-checkout')!;
    (await shadowQuery<HTMLElement>(checkout, '[part~="start-button"]', 8000)).click();
    await checkout.updateComplete;
    const brief = page.querySelector('aip-custom-order')!;
    await shadowQuery(brief, '[part="form"]', 8000);
    const fields = [checkout, brief].flatMap((el) => [
      ...el.shadowRoot!.querySelectorAll<HTMLElement>('input:not([type="checkbox"], [type="radio"]), textarea, select'),
    ]);
    expect(fields.length).to.be.greaterThan(8);
    for (const field of fields) expect(getComputedStyle(field).fontSize, field.id).to.equal('16px');
  });

  it('keeps text and fields at their sizes on a page whose root font is 62.5 %, and grows them with a larger one', async () => {
    root.style.fontSize = '62.5%';
    const page = await fixture<HTMLElement>(
      html`<aip-storefront>
        <aip-catalog page-size="2"></aip-catalog>
        <aip-checkout persona="noor-haddad" license="commercial"></aip-checkout>
      </aip-storefront>`,
    );
    const catalog = page.querySelector('aip-catalog')!;
    const card = ((await deepQuery(catalog, '.select')).getRootNode() as ShadowRoot).host;
    const checkout = page.querySelector<AipCheckout>('aip-checkout')!;
    (await shadowQuery<HTMLElement>(checkout, '[part~="start-button"]', 8000)).click();
    await checkout.updateComplete;
    const size = (el: Element | null | undefined) => getComputedStyle(el!).fontSize;
    const search = catalog.shadowRoot!.querySelector('.toolbar input')!;
    const email = checkout.shadowRoot!.querySelector('#buyer-email')!;
    const title = card.shadowRoot!.querySelector('[part="title"]')!;
    const meta = card.shadowRoot!.querySelector('[part="meta"]')!;
    // A phone zooms into a field under 16 px; 8 px small print (0.8125 of a 10 px root) is unreadable.
    expect(size(search), 'search field').to.equal('16px');
    expect(size(email), 'e-mail field').to.equal('16px');
    expect(size(title), 'name').to.equal('18px');
    expect(size(meta), 'small text').to.equal('13px');
    // A reader who asks for larger text still gets it.
    root.style.fontSize = '150%';
    expect(size(search)).to.equal('24px');
    expect(size(email)).to.equal('24px');
    expect(size(title)).to.equal('27px');
  });

  describe("the catalog's detail dialog", () => {
    async function openDetail() {
      const page = await fixture<HTMLElement>(
        html`<aip-storefront><aip-catalog page-size="4"></aip-catalog></aip-storefront>`,
      );
      const catalog = page.querySelector('aip-catalog')!;
      (await deepQuery<HTMLElement>(catalog, '.select')).click();
      const dialog = await deepQuery<HTMLDialogElement>(catalog, 'dialog[part="detail-dialog"][open]');
      const detail = await deepQuery<HTMLElement>(catalog, 'aip-persona-detail');
      await shadowQuery(detail, '[part="description"]', 8000);
      return { dialog, detail };
    }

    it('on a 320 px phone, a control focused from below is not hidden under the Close bar', async () => {
      await setViewport({ width: 320, height: 640 });
      const { dialog, detail } = await openDetail();
      const bar = dialog.querySelector('.detail-bar')!;
      const picker = await deepQuery<HTMLElement>(detail, 'aip-license-picker');
      const radio = await shadowQuery<HTMLInputElement>(picker, 'input[type="radio"]', 8000);
      // The buyer is further down and goes back (Shift+Tab scrolls the nearest edge into view), or follows a link
      // to a field (which scrolls it to the top).
      for (const block of ['nearest', 'start'] as const) {
        dialog.scrollTop = dialog.scrollHeight;
        radio.scrollIntoView({ block });
        expect(radio.getBoundingClientRect().top, block).to.be.at.least(bar.getBoundingClientRect().bottom);
      }
    });

    it('on a phone held sideways, a whole preview fits in the dialog', async () => {
      await setViewport({ width: 800, height: 375 });
      const { dialog, detail } = await openDetail();
      const slide = await shadowQuery<HTMLElement>(detail, '.slide');
      expect(slide.getBoundingClientRect().height).to.be.at.most(dialog.clientHeight);
    });

    it('on a phone held sideways, the gallery scrolls with the listing rather than pinned under the Close bar', async () => {
      await setViewport({ width: 844, height: 390 });
      const { dialog, detail } = await openDetail();
      const gallery = await shadowQuery<HTMLElement>(detail, '[part~="gallery"]');
      const before = gallery.getBoundingClientRect().top;
      dialog.scrollTop = 200;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(gallery.getBoundingClientRect().top).to.be.closeTo(before - 200, 1);
    });
  });
});
