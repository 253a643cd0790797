/**
 * The catalog's detail dialog as a buyer sees it: the Close bar stays on top
 * of the listing scrolling beneath it, and a dialog opened inside it (the
 * 18+ check) keeps its own size.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import { forgetAgeConfirmation } from '../src/internal/age-gate.js';
import { structuredDataWritten } from '../src/internal/structured-data.js';
import type { AipPersonaCard } from '../src/components/persona-card/persona-card.js';
import { deepAll, deepQuery, rgba } from './paint.js';

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

  it('the Close bar leaves the focus ring of the dialog itself whole', async () => {
    const catalog = await mount(html`<aip-storefront><aip-catalog page-size="3"></aip-catalog></aip-storefront>`);
    (await deepQuery<HTMLElement>(catalog, '.select')).click();
    const dialog = await deepQuery<HTMLDialogElement>(catalog, 'dialog[part="detail-dialog"][open]');
    await deepQuery(dialog, '[part="description"]');
    const bar = dialog.querySelector<HTMLElement>('.detail-bar')!;
    const close = dialog.querySelector<HTMLElement>('[part="close-button"]')!;
    const barAt = () => bar.getBoundingClientRect();
    const closeAt = close.getBoundingClientRect();
    const before = barAt();
    // A dialog that scrolls is a Tab stop: from Close (its first control), Shift+Tab reaches the dialog.
    close.focus();
    await sendKeys({ press: 'Shift+Tab' });
    await waitUntil(() => catalog.shadowRoot!.activeElement === dialog, 'the dialog takes focus');
    expect(dialog.matches(':focus-visible'), 'the dialog shows its ring').to.equal(true);
    for (const scrollTop of [0, 400]) {
      dialog.scrollTop = scrollTop;
      // The ring is drawn inside the dialog's edge (a negative offset), over its border and then under the bar,
      // which lies from that border inwards: where it does, it draws the ring's colour itself.
      const ring = getComputedStyle(dialog);
      const inset = -parseFloat(ring.outlineOffset);
      expect(parseFloat(ring.outlineWidth), 'a ring is drawn').to.be.greaterThan(0);
      const d = dialog.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      const own = getComputedStyle(bar);
      // How far the bar reaches into the ring on each side it touches. It lies from the border in, leaving
      // no sliver for the listing to show through above Close.
      const reach = { top: d.top + inset - b.top, left: d.left + inset - b.left, right: b.right - (d.right - inset) };
      expect(b.top, 'the bar lies against the border').to.be.closeTo(d.top + dialog.clientTop, 0.5);
      for (const [side, covered] of Object.entries(reach)) {
        if (covered <= 0) continue;
        const drawn = parseFloat(own.getPropertyValue(`border-${side}-width`));
        expect(drawn, `ring drawn on the bar's ${side} at scrollTop ${scrollTop}`).to.be.at.least(covered - 0.01);
        expect(rgba(own.getPropertyValue(`border-${side}-color`)), `${side} colour`).to.deep.equal(
          rgba(ring.outlineColor),
        );
      }
      expect(parseFloat(own.borderBottomWidth), 'no ring under the bar').to.equal(0);
    }
    dialog.scrollTop = 0;
    // Close itself does not move, and the listing under the bar keeps its place.
    expect(close.getBoundingClientRect().top).to.be.closeTo(closeAt.top, 0.5);
    expect(close.getBoundingClientRect().left).to.be.closeTo(closeAt.left, 0.5);
    expect(barAt().bottom).to.be.closeTo(before.bottom, 0.5);
  });

  it('the 18+ check inside it has the width of any 18+ check', async () => {
    const catalog = await mount(
      html`<aip-storefront max-rating="explicit"><aip-catalog page-size="12"></aip-catalog></aip-storefront>`,
    );
    // On a card, and inside the detail dialog.
    await waitUntil(() => deepAll(catalog, '[part="reveal-button"]').length, 'no rated card', { timeout: 8000 });
    const card = deepAll(catalog, 'aip-persona-card').find((c) =>
      c.shadowRoot!.querySelector('[part="reveal-button"]'),
    )!;
    card.shadowRoot!.querySelector<HTMLElement>('[part="reveal-button"]')!.click();
    const onCard = card.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part="age-dialog"]')!;
    await waitUntil(() => onCard.open);
    const cardWidth = onCard.getBoundingClientRect().width;
    onCard.querySelector('button')!.click();

    card.shadowRoot!.querySelector<HTMLElement>('.select')!.click();
    const detail = await deepQuery(catalog, 'aip-persona-detail');
    (await deepQuery<HTMLElement>(detail, '[part="reveal-button"]')).click();
    const inDetail = await deepQuery<HTMLDialogElement>(detail, 'dialog[part="age-dialog"][open]');
    const outer = await deepQuery<HTMLDialogElement>(catalog, 'dialog[part="detail-dialog"][open]');

    expect(outer.getBoundingClientRect().width, 'the detail dialog').to.be.greaterThan(900);
    expect(Math.round(inDetail.getBoundingClientRect().width)).to.equal(Math.round(cardWidth));
    expect(cardWidth).to.be.at.most(28 * 16);
    inDetail.querySelector('button')!.click();
  });

  it('closed with Escape, it keeps what the buyer typed for the same persona; another persona starts afresh', async () => {
    const catalog = await mount(html`<aip-storefront><aip-catalog page-size="3"></aip-catalog></aip-storefront>`);
    await deepQuery(catalog, '.select');
    const open = async (index: number) => {
      deepAll(catalog, 'aip-persona-card')[index]!.shadowRoot!.querySelector<HTMLElement>('.select')!.click();
      const dialog = await deepQuery<HTMLDialogElement>(catalog, 'dialog[part="detail-dialog"][open]');
      const brief = await deepQuery<HTMLElement>(dialog, 'aip-custom-order');
      const field = await waitUntil(() => brief.shadowRoot?.querySelector('textarea')).then(() =>
        brief.shadowRoot!.querySelector('textarea')!,
      );
      return { dialog, field };
    };
    const first = await open(0);
    first.field.value = 'Spring campaign, three product shots';
    first.field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !first.dialog.open, 'Escape closes the detail');
    const again = await open(0);
    expect(again.field.value).to.equal('Spring campaign, three product shots');
    again.dialog.close();
    await waitUntil(() => !again.dialog.open);
    const other = await open(1);
    expect(other.field.value).to.equal('');
    other.dialog.close();
    await waitUntil(() => getComputedStyle(document.documentElement).overflowY !== 'hidden', 'the page scrolls again');
  });

  it('closes on a click on the backdrop, not on one in its own margin beside the listing', async () => {
    await setViewport({ width: 390, height: 844 });
    const catalog = await mount(html`<aip-storefront><aip-catalog page-size="3"></aip-catalog></aip-storefront>`);
    (await deepQuery<HTMLElement>(catalog, '.select')).click();
    const dialog = await deepQuery<HTMLDialogElement>(catalog, 'dialog[part="detail-dialog"][open]');
    const box = dialog.getBoundingClientRect();
    const padding = parseFloat(getComputedStyle(dialog).paddingLeft);
    expect(padding, 'a margin to miss into').to.be.at.least(8);
    const y = Math.round(box.top + box.height / 2);
    // A tap that just misses a control near the dialog's edge lands on the dialog's own padding.
    await sendMouse({ type: 'click', position: [Math.round(box.left + padding / 2), y] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dialog.open, 'open after a click in its margin').to.equal(true);
    await sendMouse({ type: 'click', position: [Math.round(box.left / 2), y] });
    await waitUntil(() => !dialog.open, 'a click on the backdrop closes it');
  });

  it('tells the host of a view each time the buyer opens a listing, the same one again too', async () => {
    const catalog = await mount(html`<aip-storefront><aip-catalog page-size="3"></aip-catalog></aip-storefront>`);
    await deepQuery(catalog, '.select');
    const viewed: string[] = [];
    catalog.addEventListener('aip-view', (e) =>
      viewed.push((e as CustomEvent<{ persona: { id: string } }>).detail.persona.id),
    );
    const card = deepAll(catalog, 'aip-persona-card')[0]! as AipPersonaCard;
    for (let i = 0; i < 2; i++) {
      card.shadowRoot!.querySelector<HTMLElement>('.select')!.click();
      const dialog = await deepQuery<HTMLDialogElement>(catalog, 'dialog[part="detail-dialog"][open]');
      await waitUntil(() => viewed.length === i + 1, `view ${i + 1} was not told`, { timeout: 5000 });
      // Closed as the buyer closes it: its close event is heard before anything the buyer does next.
      const closed = oneEvent(dialog, 'close');
      dialog.close();
      await closed;
      // Nothing is told while the listing is out of sight, re-rendered or not.
      (deepAll(catalog, 'aip-persona-detail')[0] as HTMLElement & { requestUpdate(): void }).requestUpdate();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(viewed.length, 'views while closed').to.equal(i + 1);
    }
    expect(new Set(viewed).size, 'one listing').to.equal(1);
  });

  it('leaves nothing behind in the dialog when the buyer opens one persona after another', async () => {
    const catalog = await mount(html`<aip-storefront><aip-catalog page-size="2"></aip-catalog></aip-storefront>`);
    await deepQuery(catalog, '.select');
    const cards = deepAll(catalog, 'aip-persona-card') as AipPersonaCard[];
    const dialog = catalog.shadowRoot!.querySelector('dialog')!;
    const nodes = () => {
      const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_ALL);
      let count = 0;
      while (walker.nextNode()) count += 1;
      return count;
    };
    const openAndClose = async (card: AipPersonaCard) => {
      card.shadowRoot!.querySelector<HTMLElement>('.select')!.click();
      const shown = () => dialog.querySelector('aip-persona-detail')?.shadowRoot?.textContent ?? '';
      await waitUntil(() => dialog.open && shown().includes(card.data!.name), 'opened, the listing shown');
      // The detail writes its JSON-LD when the page is idle, which may be late on a busy machine: count after it.
      await structuredDataWritten();
      catalog.closeDetail();
      await catalog.updateComplete;
    };
    await openAndClose(cards[0]!);
    await openAndClose(cards[1]!);
    const after2 = nodes();
    for (let i = 0; i < 3; i++) {
      await openAndClose(cards[0]!);
      await openAndClose(cards[1]!);
    }
    expect(nodes()).to.equal(after2);
  });

  it('draws its focus ring on its own surface, not on the backdrop, when the scrolling dialog itself takes focus', async () => {
    const catalog = await mount(html`<aip-storefront><aip-catalog page-size="3"></aip-catalog></aip-storefront>`);
    (await deepQuery<HTMLElement>(catalog, '.select')).focus();
    await sendKeys({ press: 'Enter' }); // by keyboard, so focus is shown
    const dialog = await deepQuery<HTMLDialogElement>(catalog, 'dialog[part="detail-dialog"][open]');
    await deepQuery(dialog, '[part="description"]');
    dialog.focus(); // as Tab does past its last control: a dialog that scrolls is a Tab stop in Chromium
    expect(dialog.matches(':focus-visible'), 'focus shown').to.equal(true);
    const style = getComputedStyle(dialog);
    expect(style.outlineStyle).to.equal('solid');
    // The ring's outer edge is within the dialog's own box.
    expect(parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth)).to.be.at.most(0);
    catalog.closeDetail();
  });

  describe('the page behind it', () => {
    const root = document.documentElement;
    /** Whether the viewport can be scrolled by the wheel or a swipe now. */
    const pageScrolls = () => getComputedStyle(root).overflowY !== 'hidden';
    const nextFrame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    afterEach(() => root.style.removeProperty('overflow-y'));

    /** A page taller than the window, with its own inline overflow, and a catalog; the detail open. */
    async function openOnTallPage(maxRating = 'general') {
      root.style.overflowY = 'scroll';
      const page = await fixture<HTMLElement>(
        html`<div style="min-height: 3000px">
          <aip-storefront max-rating=${maxRating}><aip-catalog page-size="12"></aip-catalog></aip-storefront>
        </div>`,
      );
      const catalog = page.querySelector('aip-catalog')!;
      await deepQuery(catalog, '.select');
      expect(pageScrolls(), 'before').to.equal(true);
      // A rated listing's card when there is one, so its detail has an 18+ check.
      const cards = deepAll(catalog, 'aip-persona-card');
      const card = cards.find((c) => c.shadowRoot!.querySelector('[part="reveal-button"]')) ?? cards[0]!;
      card.shadowRoot!.querySelector<HTMLElement>('.select')!.click();
      const dialog = await deepQuery<HTMLDialogElement>(catalog, 'dialog[part="detail-dialog"][open]');
      return { page, catalog, dialog };
    }

    it('holds still while the detail is open, and is as it was once it closes', async () => {
      const { dialog } = await openOnTallPage();
      expect(pageScrolls(), 'open').to.equal(false);
      dialog.querySelector<HTMLElement>('[part="close-button"]')!.click();
      await waitUntil(() => pageScrolls(), 'the page scrolls again');
      expect(root.style.overflowY, "the page's own style").to.equal('scroll');
    });

    it('stays still while an 18+ check inside the detail closes, until the detail closes', async () => {
      const { catalog, dialog } = await openOnTallPage('explicit');
      const detail = await deepQuery(catalog, 'aip-persona-detail');
      (await deepQuery<HTMLElement>(detail, '[part="reveal-button"]')).click();
      const check = await deepQuery<HTMLDialogElement>(detail, 'dialog[part="age-dialog"][open]');
      check.querySelector('button')!.click();
      await waitUntil(() => !check.open);
      await nextFrame();
      expect(pageScrolls(), 'the detail is still open').to.equal(false);
      dialog.close();
      await waitUntil(() => pageScrolls(), 'the page scrolls again');
    });

    it('stays a modal the buyer can close with Escape when the host moves the catalog with its detail open', async () => {
      const { page, catalog, dialog } = await openOnTallPage();
      const other = document.createElement('section');
      page.append(other);
      other.append(page.querySelector('aip-storefront')!); // moved, as a single-page app re-parents a view
      await catalog.updateComplete;
      expect(dialog.open, 'still open').to.equal(true);
      expect(dialog.matches(':modal'), 'a modal, above the page').to.equal(true);
      expect(pageScrolls(), 'the page still holds still').to.equal(false);
      dialog.querySelector<HTMLElement>('[part="close-button"]')!.focus();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape closed it');
      await waitUntil(() => pageScrolls(), 'the page scrolls again');
      expect(root.style.overflowY).to.equal('scroll');
    });

    it('scrolls again when the host removes the catalog with its detail open', async () => {
      const { page } = await openOnTallPage();
      expect(pageScrolls()).to.equal(false);
      page.querySelector('aip-storefront')!.remove();
      await waitUntil(() => pageScrolls(), 'the page scrolls again');
      expect(root.style.overflowY).to.equal('scroll');
    });
  });
});
