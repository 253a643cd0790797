/**
 * The viewer's display preferences: forced colours (Windows High Contrast),
 * more contrast, and print. Forced colours drop backgrounds and box shadows
 * and paint every border in one system colour, so nothing may depend on them
 * alone; printing drops backgrounds and lays out fixed boxes once per page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import type { AipCatalog } from '../src/components/catalog/catalog.js';
import type { AipCheckout } from '../src/components/checkout/checkout.js';
import type { AipPersonaDetail } from '../src/components/persona-detail/persona-detail.js';
import type { Persona } from '../src/api/schemas.js';
import { shadowQuery } from './helpers.js';
import { computedColor, contrast, deepQuery, rgba } from './paint.js';

type Media = Parameters<typeof emulateMedia>[0] & { forcedColors?: 'active' | 'none'; contrast?: 'more' | null };
const emulate = (media: Media) => emulateMedia(media as Parameters<typeof emulateMedia>[0]);

describe('display preferences', function () {
  this.timeout(20_000);

  afterEach(() => emulate({ forcedColors: 'none', contrast: null, media: 'screen' }));

  describe('forced colours', () => {
    beforeEach(() => emulate({ forcedColors: 'active' }));

    it("marks a checkout field in error by its edge's style and a bold message, not by colour alone", async () => {
      const el = await fixture<AipCheckout>(
        html`<aip-checkout persona="juno-okafor" license="commercial"></aip-checkout>`,
      );
      (await shadowQuery<HTMLElement>(el, '[part~="start-button"]', 8000)).click();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLElement>('[part~="submit-button"]')!.click();
      const name = await shadowQuery<HTMLInputElement>(el, '#buyer-name[aria-invalid="true"]');
      expect([getComputedStyle(name).borderTopStyle, getComputedStyle(name).borderTopWidth]).to.deep.equal([
        'double',
        '3px',
      ]);
      const message = el.shadowRoot!.querySelector('#buyer-name-error')!;
      const hint = el.shadowRoot!.querySelector('.hint')!;
      expect(Number(getComputedStyle(message).fontWeight)).to.be.greaterThan(Number(getComputedStyle(hint).fontWeight));
    });

    it('marks the chosen license tier by a doubled edge and an unavailable one by a dashed edge', async () => {
      const picker = await fixture(html`<aip-license-picker persona="juno-okafor"></aip-license-picker>`);
      const commercial = await shadowQuery<HTMLInputElement>(picker, 'input[value="commercial"]');
      commercial.click();
      await waitUntil(() => commercial.closest('.tier')!.classList.contains('selected'), 'chosen');
      expect(getComputedStyle(commercial.closest('.tier')!).borderTopStyle).to.equal('double');
      const unavailable = picker.shadowRoot!.querySelector('.tier.disabled');
      expect(unavailable !== null, 'ownership needs an Exclusive held').to.equal(true);
      expect(getComputedStyle(unavailable!).borderTopStyle).to.equal('dashed');
    });

    it('keeps loading placeholders in sight with an outline', async () => {
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail api="/_fault/latency=10" persona="noor-haddad"></aip-persona-detail>`,
      );
      const pulse = await shadowQuery(el, '.skeleton .pulse');
      expect(getComputedStyle(pulse).outlineStyle).to.equal('solid');
    });

    it("keeps a video thumbnail's play mark drawn as it is, not as a block of system colour", async () => {
      const p = (await (await fetch('/v1/personas/noor-haddad')).json()) as Persona;
      const data: Persona = {
        ...p,
        previews: [
          { ...p.previews[0]!, kind: 'video', poster: p.previews[0]!.url, durationSeconds: 12 },
          p.previews[1]!,
        ],
      } as Persona;
      const el = await fixture<AipPersonaDetail>(html`<aip-persona-detail .data=${data}></aip-persona-detail>`);
      const thumb = await shadowQuery(el, '.thumb.video');
      expect(getComputedStyle(thumb, '::after').forcedColorAdjust).to.equal('none');
    });
  });

  it("dims a disabled gallery arrow's icon, not its focus ring", async () => {
    const el = await fixture<AipPersonaDetail>(
      html`<aip-persona-detail style="width: 400px" persona="noor-haddad"></aip-persona-detail>`,
    );
    const prev = await shadowQuery<HTMLButtonElement>(el, '[part="prev-button"][aria-disabled="true"]');
    expect(getComputedStyle(prev).opacity).to.equal('1');
    expect(getComputedStyle(prev.querySelector('svg')!).opacity).to.equal('0.45');
  });

  it("gives the catalog's search and filter fields an edge of at least 3:1", async () => {
    const el = await fixture<AipCatalog>(html`<aip-catalog page-size="4"></aip-catalog>`);
    const search = await shadowQuery<HTMLInputElement>(el, '[part="search"]');
    const fields = [search, ...el.shadowRoot!.querySelectorAll('select')];
    for (const field of fields) {
      expect(
        contrast(rgba(getComputedStyle(field).borderTopColor), [255, 255, 255, 1]),
        field.outerHTML,
      ).to.be.at.least(3);
    }
  });

  it('draws card borders in the muted text colour for a viewer who asks for more contrast', async () => {
    const el = await fixture<AipCatalog>(html`<aip-catalog page-size="4"></aip-catalog>`);
    // A loaded card's box (the first cards in the grid may be placeholders, replaced when the page arrives).
    const article = await deepQuery(el, 'article[part="base"]:not(.skeleton)');
    const muted = getComputedStyle(article).getPropertyValue('--_aip-color-text-muted').trim();
    expect(contrast(rgba(getComputedStyle(article).borderTopColor), [255, 255, 255, 1])).to.be.lessThan(3);
    await emulate({ contrast: 'more' });
    expect(getComputedStyle(article).borderTopColor).to.equal(computedColor(muted));
  });

  it('prints the catalog’s open listing in full, once, not its first screen on every page', async () => {
    const el = await fixture<AipCatalog>(html`<aip-catalog page-size="4"></aip-catalog>`);
    (await deepQuery<HTMLElement>(el, '.select')).click();
    const dialog = await shadowQuery<HTMLDialogElement>(el, 'dialog.detail[open]');
    expect(getComputedStyle(dialog).position).to.equal('fixed');
    await emulate({ media: 'print' });
    const style = getComputedStyle(dialog);
    expect([style.position, style.maxHeight, style.overflowY]).to.deep.equal(['absolute', 'none', 'visible']);
    // From its top, without the controls that only work on screen.
    expect(style.top).to.equal('0px');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.detail-bar')!).display).to.equal('none');
    const next = await deepQuery(dialog.querySelector('aip-persona-detail')!, '[part="next-button"]');
    expect(getComputedStyle(next).display).to.equal('none');
    dialog.close();
  });
});
