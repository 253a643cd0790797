/**
 * The catalog's detail dialog as a buyer sees it: the Close bar stays on top
 * of the listing scrolling beneath it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import { forgetAgeConfirmation } from '../src/internal/age-gate.js';
import { deepQuery, rgba } from './paint.js';

/** Mounts a storefront and returns its catalog. */
async function mount(storefront: ReturnType<typeof html>) {
  const page = await fixture<HTMLElement>(storefront);
  return page.querySelector('aip-catalog')!;
}

describe('<aip-catalog> detail dialog', function () {
  this.timeout(20_000);
  beforeEach(async () => {
    forgetAgeConfirmation();
    await setViewport({ width: 1280, height: 800 });
  });
  after(() => setViewport({ width: 800, height: 600 }));

  for (const theme of ['light', 'dark']) {
    it(`${theme}: the listing scrolls out of sight under the Close bar`, async () => {
      const catalog = await mount(
        html`<aip-storefront theme=${theme}><aip-catalog page-size="3"></aip-catalog></aip-storefront>`,
      );
      (await deepQuery<HTMLElement>(catalog, '.select')).click();
      const dialog = await deepQuery<HTMLDialogElement>(catalog, 'dialog[part="detail-dialog"][open]');
      await deepQuery(dialog, '[part="description"]');
      dialog.scrollTop = 400;
      const bar = dialog.querySelector<HTMLElement>('.detail-bar')!;
      const close = dialog.querySelector<HTMLElement>('[part="close-button"]')!;

      // Opaque, in the dialog's own colour.
      const paint = rgba(getComputedStyle(bar).backgroundColor);
      expect(paint[3], 'bar opacity').to.equal(1);
      expect(paint).to.deep.equal(rgba(getComputedStyle(dialog).backgroundColor));
      // From the dialog's top edge and side to side: no text shows above or beside Close.
      const d = dialog.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      expect(Math.round(b.top)).to.equal(Math.round(d.top + dialog.clientTop));
      expect(Math.round(b.left)).to.equal(Math.round(d.left + dialog.clientLeft));
      expect(Math.round(b.width)).to.equal(dialog.clientWidth);
      for (const [x, y] of [
        [d.left + 40, d.top + 4],
        [close.getBoundingClientRect().left - 60, close.getBoundingClientRect().top + 10],
      ]) {
        const hit = catalog.shadowRoot!.elementFromPoint(x!, y!);
        expect(bar.contains(hit), `at ${Math.round(x!)},${Math.round(y!)}: ${hit?.localName}`).to.equal(true);
      }
    });
  }
});
