import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
// The storefront must be defined before the elements inside it upgrade, so the
// library goes first.
import '../src/index.js';
import '../src/components/persona-detail/index.js';
import type { AipPersonaDetail } from '../src/components/persona-detail/persona-detail.js';
import type { Creator, Persona } from '../src/api/schemas.js';
import { confirmAge, forgetAgeConfirmation } from '../src/internal/age-gate.js';
import { structuredDataWritten } from '../src/internal/structured-data.js';
import { captureWarnings, requestsMatching, requestsTo, shadowQuery, underFault } from './helpers.js';
import { contrast, rgba } from './paint.js';

async function api<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

const persona = (id: string) => api<Persona>(`/v1/personas/${id}`);

const part = (el: AipPersonaDetail, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: AipPersonaDetail, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
/** An element's markup, or null: assertions on it report readable text when they fail. */
const markup = (node: Element | null | undefined) => node?.outerHTML ?? null;
const focused = (el: AipPersonaDetail) => el.shadowRoot!.activeElement?.getAttribute('aria-label') ?? null;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The gallery's position as it is shown ("2 of 5"); a screen reader is told what the slide shows as well. */
const visible = (position: Element) => text(position.querySelector('[aria-hidden="true"]'));
const shownIndex = (el: AipPersonaDetail) =>
  parts(el, 'thumbnail').findIndex((t) => t.getAttribute('aria-current') === 'true');
const mediumDate = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso));

/** Waits for the persona's name to be on screen. */
const loaded = (el: AipPersonaDetail) => shadowQuery(el, '[part="title"]');

/** The detail inside a storefront, as a page embeds it. */
async function inStorefront(template: ReturnType<typeof html>, maxRating = 'general'): Promise<AipPersonaDetail> {
  const root = await fixture(html`<aip-storefront max-rating=${maxRating}>${template}</aip-storefront>`);
  const el = root.querySelector('aip-persona-detail')!;
  await el.updateComplete;
  return el;
}

describe('<aip-persona-detail>', () => {
  beforeEach(() => forgetAgeConfirmation());

  describe('defaults', () => {
    it('shows a busy placeholder of its final layout while it has nothing to show', async () => {
      const el = await fixture<AipPersonaDetail>(html`<aip-persona-detail style="width: 360px"></aip-persona-detail>`);
      const base = part(el, 'base')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      // The gallery keeps its 4:5 slide before any data arrives.
      const slide = el.shadowRoot!.querySelector('.skeleton .slide')!.getBoundingClientRect();
      expect(slide.width).to.be.greaterThan(0);
      expect(Math.round(slide.height)).to.equal(Math.round((slide.width * 5) / 4));
      expect(markup(part(el, 'title'))).to.equal(null);
      expect(part(el, 'purchase')!.hidden).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('tags', () => {
    it('lists every tag of the listing, the ones a card leaves as "+1 more" too', async () => {
      const p = await persona('mara-lindqvist');
      expect(p.tags.length, 'more tags than a card shows').to.be.greaterThan(3);
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail persona="mara-lindqvist"></aip-persona-detail>`,
      );
      const list = await shadowQuery(el, '[part="tags"]', 8000);
      expect(list.getAttribute('aria-label')).to.equal('Tags');
      expect([...list.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal(p.tags);
      await expect(el).to.be.accessible();
    });
  });

  describe('attributes', () => {
    it('loads a listing by id and shows what the marketplace says', async () => {
      const p = await persona('noor-haddad');
      const el = await fixture<AipPersonaDetail>(html`<aip-persona-detail persona="noor-haddad"></aip-persona-detail>`);
      const title = await loaded(el);
      expect(title.localName).to.equal('h2');
      expect(text(title)).to.equal(p.name);
      expect(text(part(el, 'meta'))).to.equal(`by ${p.creator.name} · Lifestyle`);
      const amount = part(el, 'price')!.querySelector('aip-price')!;
      await amount.updateComplete;
      expect(text(part(el, 'price'))).to.equal('From Commercial License');
      expect(text(amount.shadowRoot!.querySelector('[part="base"]'))).to.match(/^\$49(\.00)?$/);
      expect(text(part(el, 'disclosure'))).to.equal('AI-generated · fictional persona');
      expect(markup(part(el, 'badge'))).to.equal(null);
      expect(text(part(el, 'description'))).to.contain(p.description);
      expect(parts(el, 'use-cases')[0].querySelectorAll('li')).to.have.length(p.useCases.length);
      expect(text(part(el, 'use-cases')))
        .to.contain('Social media content')
        .and.contain('Creator-style content');
      const deliverables = [...part(el, 'deliverables')!.querySelectorAll('li')].map(text);
      expect(deliverables).to.deep.equal(p.deliverables);

      const images = parts(el, 'image') as HTMLImageElement[];
      expect(images.map((i) => i.src)).to.deep.equal(p.previews.map((v) => v.url));
      images.forEach((img, i) => {
        expect(img.getAttribute('width')).to.equal(String(p.previews[i].width));
        expect(img.getAttribute('height')).to.equal(String(p.previews[i].height));
        expect(img.alt).to.equal(p.previews[i].alt);
        expect(img.loading).to.equal(i === 0 ? 'eager' : 'lazy');
      });
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it("shows the creator's public profile", async () => {
      const creator = await api<Creator>('/v1/creators/nova-studio');
      const el = await fixture<AipPersonaDetail>(html`<aip-persona-detail persona="noor-haddad"></aip-persona-detail>`);
      const avatar = await shadowQuery<HTMLImageElement>(el, '[part="creator-avatar"]');
      expect(avatar.src).to.equal(creator.avatar.url);
      expect(avatar.getAttribute('width')).to.equal(String(creator.avatar.width));
      expect(text(part(el, 'creator-name'))).to.equal(creator.name);
      expect(text(part(el, 'creator-bio'))).to.equal(creator.bio);
      const link = part(el, 'creator-link') as HTMLAnchorElement;
      expect(link.href).to.equal(new URL(creator.website!).href);
      expect(link.rel).to.contain('noopener');
      expect(text(part(el, 'creator-stats'))).to.equal(
        `${creator.publishedCount} personas published · Joined ${mediumDate(creator.joinedAt)}`,
      );
      // Public fields only: nothing that looks like contact data reaches the page.
      expect(el.shadowRoot!.innerHTML).not.to.contain('@');
    });

    it('leaves out the website link when the creator has none', async () => {
      const p = await persona('noor-haddad');
      const creators = await Promise.all(
        ['nova-studio', 'lumen-foundry', 'kite-and-kiln', 'pixel-harbor', 'velvet-hour'].map((h) =>
          api<Creator>(`/v1/creators/${h}`),
        ),
      );
      const without = creators.find((c) => c.website === null);
      if (!without) throw new Error('the seed has no creator without a website');
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail
          .data=${{ ...p, creator: { handle: without.handle, name: without.name } }}
        ></aip-persona-detail>`,
      );
      await shadowQuery(el, '[part="creator-avatar"]');
      expect(text(part(el, 'creator-name'))).to.equal(without.name);
      expect(markup(part(el, 'creator-link'))).to.equal(null);
    });

    it('renders data without requesting the persona, description as plain-text paragraphs', async () => {
      const p = await persona('elio-marchetti');
      const before = requestsTo('/v1/personas/elio-marchetti').length;
      const data: Persona = {
        ...p,
        description: 'First paragraph <b>not bold</b>.\n\nSecond paragraph.\n \nThird, after a blank line.',
      };
      const el = await fixture<AipPersonaDetail>(html`<aip-persona-detail .data=${data}></aip-persona-detail>`);
      expect(text(part(el, 'title'))).to.equal(p.name);
      const paragraphs = [...part(el, 'description')!.querySelectorAll('p')].map(text);
      expect(paragraphs).to.deep.equal([
        'First paragraph <b>not bold</b>.',
        'Second paragraph.',
        'Third, after a blank line.',
      ]);
      expect(markup(part(el, 'description')!.querySelector('b'))).to.equal(null);
      // The creator profile and the picker's policy still load; the persona does not.
      await shadowQuery(el, '[part="creator-avatar"]');
      const picker = el.shadowRoot!.querySelector('aip-license-picker')!;
      await shadowQuery(picker, '[part="tiers"] input');
      expect(requestsTo('/v1/personas/elio-marchetti')).to.have.length(before);
    });

    it('uses the heading level it is given, and one below for its sections', async () => {
      const p = await persona('noor-haddad');
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail heading-level="1" .data=${p}></aip-persona-detail>`,
      );
      expect(part(el, 'title')!.localName).to.equal('h1');
      const sections = parts(el, 'section-heading').map((h) => h.localName);
      expect(sections.length).to.be.greaterThan(2);
      expect(new Set(sections)).to.deep.equal(new Set(['h2']));

      el.headingLevel = 3;
      await el.updateComplete;
      expect(part(el, 'title')!.localName).to.equal('h3');
      expect(part(el, 'section-heading')!.localName).to.equal('h4');
    });

    it('shows the title image as the only slide when there are no previews', async () => {
      const p = await persona('noor-haddad');
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail .data=${{ ...p, previews: [] }}></aip-persona-detail>`,
      );
      const images = parts(el, 'image') as HTMLImageElement[];
      expect(images).to.have.length(1);
      expect(images[0].src).to.equal(p.titleImage.url);
      expect(images[0].alt).to.equal(p.titleImage.alt);
      expect(images[0].loading).to.equal('eager');
      expect(part(el, 'prev-button')!.hidden).to.equal(true);
      expect(part(el, 'next-button')!.hidden).to.equal(true);
      expect(part(el, 'thumbnails')!.getBoundingClientRect().height).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('falls back to "<name>, AI persona" for a preview without alt text', async () => {
      const p = await persona('noor-haddad');
      const previews = p.previews.map((v) => ({ ...v, alt: '' }));
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail .data=${{ ...p, previews }}></aip-persona-detail>`,
      );
      expect((parts(el, 'image') as HTMLImageElement[]).map((i) => i.alt)).to.deep.equal(
        previews.map(() => `${p.name}, AI persona`),
      );
    });
  });

  describe('slots', () => {
    it('offers the license picker for this persona by default; checkout and custom-order stay hidden', async () => {
      const p = await persona('noor-haddad');
      const el = await inStorefront(html`<aip-persona-detail persona="noor-haddad"></aip-persona-detail>`);
      await loaded(el);
      const picker = el.shadowRoot!.querySelector('aip-license-picker')!;
      expect(picker.getAttribute('persona')).to.equal('noor-haddad');
      await shadowQuery(picker, '[part="tiers"] input');
      const radios = [...picker.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      expect(radios.map((r) => !r.disabled)).to.deep.equal(p.offers.map((o) => o.available));
      expect(part(el, 'checkout')!.hidden).to.equal(true);
      expect(part(el, 'custom-order')!.hidden).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('puts slotted elements in place of the picker and in the checkout and custom-order regions', async () => {
      const p = await persona('noor-haddad');
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail .data=${p}>
          <p slot="license">The host's own license choice</p>
          <button slot="checkout" type="button">Buy a license</button>
        </aip-persona-detail>`,
      );
      await el.updateComplete;
      expect(markup(el.shadowRoot!.querySelector('aip-license-picker'))).to.equal(null);
      const license = el.querySelector('[slot="license"]')!;
      expect(license.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(part(el, 'checkout')!.hidden).to.equal(false);
      expect(el.querySelector('[slot="checkout"]')!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(part(el, 'custom-order')!.hidden).to.equal(true);

      const ask = Object.assign(document.createElement('a'), { href: '#custom', textContent: 'Ask for custom work' });
      ask.slot = 'custom-order';
      el.append(ask);
      await waitUntil(() => !part(el, 'custom-order')!.hidden, 'custom-order region shown');
      ask.remove();
      license.remove();
      await waitUntil(() => part(el, 'custom-order')!.hidden, 'custom-order region hidden again');
      await waitUntil(() => el.shadowRoot!.querySelector('aip-license-picker'), 'default picker back');
      await expect(el).to.be.accessible();
    });

    it('heads a slotted checkout and custom-order brief one level below the name, as its own sections', async () => {
      const el = await inStorefront(
        html`<aip-persona-detail persona="noor-haddad">
          <aip-checkout slot="checkout" persona="noor-haddad"></aip-checkout>
          <div slot="custom-order"><aip-custom-order persona="noor-haddad"></aip-custom-order></div>
        </aip-persona-detail>`,
      );
      await loaded(el);
      const checkout = el.querySelector('aip-checkout')!;
      const brief = el.querySelector('aip-custom-order')!;
      const title = (host: Element) => host.shadowRoot?.querySelector('[part="title"]')?.localName;
      const levels = async () => {
        await Promise.all(
          [checkout, brief].map((e) => (e as Element & { updateComplete: Promise<boolean> }).updateComplete),
        );
        const sections = [...brief.shadowRoot!.querySelectorAll('section > :is(h1, h2, h3, h4, h5, h6)')];
        return [
          title(el),
          part(el, 'section-heading')!.localName,
          title(checkout),
          title(brief),
          ...new Set(sections.map((h) => h.localName)),
        ];
      };
      await waitUntil(() => title(checkout) && title(brief), 'both drawn');
      expect(await levels()).to.deep.equal(['h2', 'h3', 'h3', 'h3', 'h4']);
      el.headingLevel = 1;
      await el.updateComplete;
      expect(await levels()).to.deep.equal(['h1', 'h2', 'h2', 'h2', 'h3']);
      // A level the host gives is kept.
      brief.setAttribute('heading-level', '4');
      el.headingLevel = 3;
      await el.updateComplete;
      expect(await levels()).to.deep.equal(['h3', 'h4', 'h4', 'h4', 'h5']);
    });
  });

  describe('keyboard', () => {
    it('moves through the previews with Left/Right, Home and End', async () => {
      const p = await persona('elio-marchetti');
      const n = p.previews.length;
      expect(n).to.be.greaterThan(2);
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail style="width: 400px" persona="elio-marchetti"></aip-persona-detail>`,
      );
      await loaded(el);
      const track = part(el, 'track')!;
      const position = part(el, 'position')!;
      expect(visible(position)).to.equal(`1 of ${n}`);
      expect(position.getAttribute('aria-live')).to.equal('polite');
      expect(shownIndex(el)).to.equal(0);
      track.focus();

      await sendKeys({ press: 'ArrowRight' });
      expect(visible(position)).to.equal(`2 of ${n}`);
      // A screen reader hears what the new slide shows, not only where it is.
      expect(text(position.querySelector('.visually-hidden'))).to.equal(`2 of ${n}: ${p.previews[1]!.alt}`);
      expect(shownIndex(el)).to.equal(1);
      await waitUntil(() => Math.round(track.scrollLeft) === track.clientWidth, 'track scrolled to slide 2');

      await sendKeys({ press: 'End' });
      expect(visible(position)).to.equal(`${n} of ${n}`);
      expect(parts(el, 'thumbnail').map((t) => t.getAttribute('aria-current'))).to.deep.equal(
        p.previews.map((_, i) => String(i === n - 1)),
      );
      await waitUntil(() => Math.round(track.scrollLeft) === track.clientWidth * (n - 1), 'track at the last slide');

      await sendKeys({ press: 'ArrowRight' }); // already at the end
      expect(visible(position)).to.equal(`${n} of ${n}`);

      await sendKeys({ press: 'Home' });
      expect(visible(position)).to.equal(`1 of ${n}`);
      await waitUntil(() => Math.round(track.scrollLeft) === 0, 'track back at the first slide');
      await sendKeys({ press: 'ArrowLeft' }); // already at the start
      expect(shownIndex(el)).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('on a right-to-left page, Left goes on to the next preview and Right back', async () => {
      const page = await fixture<HTMLElement>(
        html`<div dir="rtl">
          <aip-persona-detail style="width: 400px" persona="elio-marchetti"></aip-persona-detail>
        </div>`,
      );
      const el = page.querySelector('aip-persona-detail')!;
      await loaded(el);
      const position = part(el, 'position')!;
      expect(visible(position)).to.match(/^1 of /);
      part(el, 'track')!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(visible(position)).to.match(/^2 of /);
      expect(shownIndex(el)).to.equal(1);
      await sendKeys({ press: 'ArrowRight' });
      expect(visible(position)).to.match(/^1 of /);
      expect(shownIndex(el)).to.equal(0);
    });

    it('moves focus along the thumbnails with the arrow keys, and shows the one chosen', async () => {
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail style="width: 400px" persona="elio-marchetti"></aip-persona-detail>`,
      );
      await loaded(el);
      const thumbs = parts(el, 'thumbnail');
      expect(thumbs.map((t) => t.getAttribute('aria-label'))).to.deep.equal(
        thumbs.map((_, i) => `Preview ${i + 1} of ${thumbs.length}`),
      );
      thumbs[0].focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focused(el)).to.equal(thumbs[1].getAttribute('aria-label'));
      expect(thumbs[1].getAttribute('aria-current')).to.equal('true');
      await sendKeys({ press: 'Enter' }); // activating the shown thumbnail keeps it shown
      expect(shownIndex(el)).to.equal(1);
      thumbs[3].click();
      await el.updateComplete;
      expect(visible(part(el, 'position')!)).to.equal(`4 of ${thumbs.length}`);
    });

    it('marks the shown thumbnail with a border and leaves the others undimmed (they are not disabled)', async () => {
      const el = await fixture<AipPersonaDetail>(html`<aip-persona-detail persona="noor-haddad"></aip-persona-detail>`);
      await waitUntil(() => parts(el, 'thumbnail').length > 1, 'thumbnails');
      const [shown, other] = parts(el, 'thumbnail').map((t) => getComputedStyle(t));
      expect(shown.borderTopColor, 'the shown one has a border').to.not.equal(other.borderTopColor);
      expect([shown.opacity, other.opacity]).to.deep.equal(['1', '1']);
    });

    it("keeps the arrows' focus ring at 3:1 over any photo: the button's own fill paints on both sides of it", async () => {
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail style="width: 400px" persona="noor-haddad"></aip-persona-detail>`,
      );
      await loaded(el);
      const next = part(el, 'next-button')!;
      await sendKeys({ press: 'Tab' });
      next.focus();
      expect(next.matches(':focus-visible'), 'the ring shows').to.equal(true);
      const style = getComputedStyle(next);
      const ringOuterEdge = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      // "rgb(…) 0px 0px 0px 6px", the halo, as the first (or only) shadow.
      const halo = /^(rgba?\([^)]*\)) 0px 0px 0px ([\d.]+)px/.exec(style.boxShadow);
      expect(halo, `a halo under the ring: ${style.boxShadow}`).to.not.equal(null);
      expect(rgba(halo![1]!), "in the button's fill").to.deep.equal(rgba(style.backgroundColor));
      expect(Number(halo![2]), 'reaching past the ring').to.be.above(ringOuterEdge);
      expect(contrast(rgba(style.outlineColor), rgba(style.backgroundColor))).to.be.at.least(3);
    });

    it('has previous and next buttons that stop at the ends', async () => {
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail style="width: 400px" persona="noor-haddad"></aip-persona-detail>`,
      );
      await loaded(el);
      const prev = part(el, 'prev-button')!;
      const next = part(el, 'next-button')!;
      expect(prev.getAttribute('aria-label')).to.equal('Previous preview');
      expect(prev.getAttribute('aria-disabled')).to.equal('true');
      next.click();
      await el.updateComplete;
      expect(visible(part(el, 'position')!)).to.equal('2 of 2');
      expect(next.getAttribute('aria-disabled')).to.equal('true');
      next.click();
      await el.updateComplete;
      expect(visible(part(el, 'position')!)).to.equal('2 of 2');
      prev.click();
      await el.updateComplete;
      expect(visible(part(el, 'position')!)).to.equal('1 of 2');
      // Targets are at least 24 × 24 px.
      for (const b of [prev, next, ...parts(el, 'thumbnail')]) {
        const r = b.getBoundingClientRect();
        expect(Math.min(r.width, r.height)).to.be.at.least(24);
      }
    });

    it('jumps without animation when the viewer prefers reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await fixture<AipPersonaDetail>(
          html`<aip-persona-detail style="width: 400px" persona="elio-marchetti"></aip-persona-detail>`,
        );
        await loaded(el);
        const track = part(el, 'track')!;
        expect(getComputedStyle(track).scrollBehavior).to.equal('auto');
        track.focus();
        await sendKeys({ press: 'End' });
        // No smooth scroll in between: the track is at the last slide at once.
        expect(Math.round(track.scrollLeft)).to.equal(track.clientWidth * (parts(el, 'slide').length - 1));
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('starts another listing at its first preview, whichever slide the last one was on', async () => {
      const [a, b] = await Promise.all([persona('elio-marchetti'), persona('noor-haddad')]);
      expect(b.previews.length).to.be.at.least(2);
      const onSecondSlide = async (el: AipPersonaDetail) => {
        await loaded(el);
        part(el, 'next-button')!.click();
        await el.updateComplete;
        expect(visible(part(el, 'position')!)).to.equal(`2 of ${a.previews.length}`);
      };
      const atFirstSlide = async (el: AipPersonaDetail, how: string) => {
        await waitUntil(() => text(part(el, 'title')) === b.name, `${how}: the other listing shown`);
        await el.updateComplete;
        expect(visible(part(el, 'position')!), how).to.equal(`1 of ${b.previews.length}`);
        expect(shownIndex(el), how).to.equal(0);
        await waitUntil(() => Math.round(part(el, 'track')!.scrollLeft) === 0, `${how}: the track at its start`);
      };

      // By id: the new listing loads first.
      const byId = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail style="width: 400px" persona=${a.id}></aip-persona-detail>`,
      );
      await onSecondSlide(byId);
      byId.persona = b.id;
      await atFirstSlide(byId, 'persona');

      // From the host's data: the new listing replaces the last one at once.
      const byData = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail style="width: 400px" .data=${a}></aip-persona-detail>`,
      );
      await onSecondSlide(byData);
      byData.data = b;
      await atFirstSlide(byData, 'data');
    });

    it('follows a swipe: the position and thumbnails update when the track is scrolled', async () => {
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail style="width: 400px" persona="elio-marchetti"></aip-persona-detail>`,
      );
      await loaded(el);
      const track = part(el, 'track')!;
      track.scrollTo({ left: track.clientWidth * 2, behavior: 'instant' });
      await waitUntil(() => visible(part(el, 'position')!).startsWith('3 of'), 'position follows the scroll');
      expect(shownIndex(el)).to.equal(2);
    });
  });

  describe('video previews', () => {
    it('shows videos with controls and a poster, never autoplaying or preloading', async () => {
      const p = await persona('noor-haddad');
      const base = new URL(p.previews[0].url);
      const clip = new URL('/media/personas/noor-haddad/clip-1.mp4', base).href;
      const data: Persona = {
        ...p,
        previews: [
          {
            kind: 'video',
            url: clip,
            poster: p.previews[0].url,
            width: 1080,
            height: 1920,
            durationSeconds: 12,
            alt: 'Noor Haddad walking to a lecture, vertical clip',
          },
          p.previews[1],
        ],
      };
      const el = await fixture<AipPersonaDetail>(html`<aip-persona-detail .data=${data}></aip-persona-detail>`);
      const video = part(el, 'video') as HTMLVideoElement;
      expect(video.hasAttribute('autoplay')).to.equal(false);
      expect(video.autoplay).to.equal(false);
      expect(video.getAttribute('preload')).to.equal('none');
      expect(video.hasAttribute('controls')).to.equal(true);
      expect(video.hasAttribute('playsinline')).to.equal(true);
      expect(video.poster).to.equal(p.previews[0].url);
      expect(video.getAttribute('width')).to.equal('1080');
      expect(video.getAttribute('aria-label')).to.equal('Noor Haddad walking to a lecture, vertical clip');
      expect(video.paused).to.equal(true);
      const thumb = parts(el, 'thumbnail')[0];
      expect(thumb.getAttribute('aria-label')).to.equal('Preview 1 of 2 (video)');
      expect(thumb.querySelector('img')!.src).to.equal(p.previews[0].url);
      await new Promise((r) => setTimeout(r, 200));
      expect(requestsMatching('clip-1.mp4')).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('a playing video', () => {
    it('stops when the buyer moves to another slide', async () => {
      // Kai Nakamura's last preview is a clip on the reference marketplace, which really plays.
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail persona="kai-nakamura"></aip-persona-detail>`,
      );
      const video = await shadowQuery<HTMLVideoElement>(el, 'video', 8000);
      parts(el, 'thumbnail').at(-1)!.click();
      video.muted = true; // played without a click: the browser lets only a muted video do that
      video.loop = true;
      await video.play();
      expect(video.paused).to.equal(false);
      part(el, 'prev-button')!.click();
      await waitUntil(() => video.paused, 'the video still plays on a slide out of sight', { timeout: 3000 });
      // Back on its slide, it waits for the buyer to play it again.
      part(el, 'next-button')!.click();
      await new Promise((r) => setTimeout(r, 300));
      expect(video.paused).to.equal(true);
    });
  });

  describe('states', () => {
    it('shows "Exclusively licensed until <date>" and no price while an Exclusive runs', async () => {
      const p = await persona('elio-marchetti');
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail persona="elio-marchetti"></aip-persona-detail>`,
      );
      await loaded(el);
      expect(text(part(el, 'badge'))).to.equal(`Exclusively licensed until ${mediumDate(p.exclusiveUntil!)}`);
      expect(markup(part(el, 'price'))).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows an assigned listing with its badge and no price', async () => {
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail persona="kai-nakamura"></aip-persona-detail>`,
      );
      await loaded(el);
      expect(text(part(el, 'badge'))).to.equal('Assigned');
      expect(markup(part(el, 'price'))).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('holds its layout while the marketplace is slow, then shows the listing', async () => {
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail api="/_fault/latency=1500" persona="noor-haddad"></aip-persona-detail>`,
      );
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Loading persona…');
      expect(el.shadowRoot!.querySelector('.skeleton .slide')!.getBoundingClientRect().height).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      await loaded(el);
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('says so over the placeholders when the marketplace takes more than 4 s, without moving them', async function () {
      this.timeout(15_000);
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail api="/_fault/latency=6500" persona="noor-haddad"></aip-persona-detail>`,
      );
      const slide = () => el.shadowRoot!.querySelector('.skeleton .slide')!.getBoundingClientRect().top;
      const note = () => el.shadowRoot!.querySelector<HTMLElement>('[part="slow"]');
      const status = () => text(el.shadowRoot!.querySelector('[role="status"]'));
      expect(note() === null, 'no note at first').to.equal(true);
      const top = slide();
      await waitUntil(() => note(), 'no note after 4 s', { timeout: 6000 });
      const said = 'Still loading: the connection or the marketplace is slow right now.';
      expect(text(note())).to.equal(said);
      expect(status()).to.equal(said);
      expect(slide(), 'the placeholders stay where they were').to.equal(top);
      await expect(el).to.be.accessible();
      await loaded(el);
      expect(note() === null, 'gone with the placeholders').to.equal(true);
    });

    it('says plainly when loading fails, and "Try again" asks again', async () => {
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail api="/_fault/status=503" persona="noor-haddad"></aip-persona-detail>`,
      );
      const alert = await shadowQuery(el, '[role="alert"]');
      expect(text(alert)).to.contain('This persona could not be loaded');
      expect(part(el, 'purchase')!.hidden).to.equal(true);
      await expect(el).to.be.accessible();
      const sent = () => requestsMatching('/_fault/status=503/v1/personas/noor-haddad').length;
      const before = sent();
      const retry = [...alert.querySelectorAll('button')].find((b) => text(b) === 'Try again')!;
      retry.click();
      await waitUntil(() => sent() > before, 'a new request after Try again');
      await shadowQuery(el, '[role="alert"]');
      el.api = null; // the marketplace is back
      expect(text(await loaded(el))).to.equal('Noor Haddad');
    });

    it('says a listing that does not exist is not listed, without a retry', async () => {
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail persona="no-such-persona"></aip-persona-detail>`,
      );
      const alert = await shadowQuery(el, '[role="alert"]');
      expect(text(alert)).to.equal('This persona is not listed on the marketplace.');
      expect(markup(alert.querySelector('button'))).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it("keeps the view when the creator's profile can't be loaded", async () => {
      const p = await persona('noor-haddad');
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail api="/_fault/status=503" .data=${p}></aip-persona-detail>`,
      );
      await waitUntil(
        () => text(part(el, 'creator')).includes("The creator's profile could not be loaded."),
        'profile failure noted',
        { timeout: 5000 }, // the client tries the 503 twice more first
      );
      expect(text(part(el, 'title'))).to.equal(p.name);
      expect(text(part(el, 'creator-name'))).to.equal(p.creator.name);
      expect(markup(part(el, 'creator-avatar'))).to.equal(null);
      expect(parts(el, 'image')).to.have.length(p.previews.length);
      await expect(el).to.be.accessible();
    });

    it('shows nothing of a listing above the storefront rating limit', async () => {
      const p = await persona('scarlett-vane');
      expect(p.contentRating).to.equal('explicit');
      const creatorsBefore = requestsTo(`/v1/creators/${p.creator.handle}`).length;
      const el = await inStorefront(html`<aip-persona-detail persona="scarlett-vane"></aip-persona-detail>`);
      await waitUntil(() => text(el.shadowRoot).includes('not shown on this site'), 'not shown');
      expect(text(el.shadowRoot)).to.equal('This listing is not shown on this site.');
      expect(markup(el.shadowRoot!.querySelector('img, video, aip-license-picker, [part="rating-cover"]'))).to.equal(
        null,
      );
      expect(el.shadowRoot!.innerHTML).not.to.contain('/media/');
      expect(markup(el.querySelector('script'))).to.equal(null);
      await new Promise((r) => setTimeout(r, 100));
      expect(requestsMatching('/media/personas/scarlett-vane/')).to.have.length(0);
      expect(requestsTo(`/v1/creators/${p.creator.handle}`)).to.have.length(creatorsBefore);
      await expect(el).to.be.accessible();
    });
  });

  describe('a dropped connection', () => {
    it('loads again the previews that failed while the browser was offline, once it is back online', async () => {
      const p = await persona('noor-haddad');
      // Each image's first request fails, as with the phone's connection gone; the next one works.
      const first = p.previews.find((preview) => preview.kind === 'image')!;
      const data = { ...p, previews: [{ ...first, url: underFault(first.url, 'status=503,times=1,latency=2') }] };
      const el = await fixture<AipPersonaDetail>(html`<aip-persona-detail .data=${data}></aip-persona-detail>`);
      await loaded(el);
      const img = el.shadowRoot!.querySelector<HTMLImageElement>('.slide img')!;
      await waitUntil(() => img.complete, 'the image request did not end', { timeout: 5000 });
      expect(img.naturalWidth, 'the first request fails').to.equal(0);
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => img.naturalWidth > 0, 'the preview was not asked for again', { timeout: 5000 });
    });
  });

  describe('another marketplace, or a listing now gone', () => {
    it('shows what the new marketplace says, not the listing loaded from the last one', async () => {
      const page = await fixture<HTMLElement>(
        html`<aip-storefront retries="0"
          ><aip-persona-detail persona="juno-okafor"></aip-persona-detail
        ></aip-storefront>`,
      );
      const el = page.querySelector<AipPersonaDetail>('aip-persona-detail')!;
      await loaded(el);
      // A marketplace where the listing is gone.
      page.setAttribute('api', '/_fault/status=404,only=personas');
      await waitUntil(() => /not listed/.test(text(el.shadowRoot)), 'the gone listing is said', { timeout: 5000 });
      expect(part(el, 'title')).to.equal(null);
      // A marketplace that fails: its error, not the listing from elsewhere.
      page.setAttribute('api', '/_fault/status=503,only=personas');
      await waitUntil(() => /could not be loaded/.test(text(el.shadowRoot)), 'the failure is said', { timeout: 5000 });
      expect(part(el, 'title')).to.equal(null);
    });

    it('shows no listing for a persona that is no listing id, though one was shown before', async () => {
      const el = await fixture<AipPersonaDetail>(html`<aip-persona-detail persona="juno-okafor"></aip-persona-detail>`);
      await loaded(el);
      await captureWarnings(async () => {
        el.persona = 'Not A Slug!';
        await el.updateComplete;
        await el.updateComplete;
      });
      expect(text(el.shadowRoot)).not.to.contain('Juno Okafor');
    });
  });

  describe('content rating gate', () => {
    // lena-voss's media must not be loaded by any earlier test in this file:
    // the first test proves it is never requested before confirmation.
    it('puts no media of a rated persona on the page before the viewer confirms', async () => {
      const p = await persona('lena-voss');
      expect(p.contentRating).to.equal('suggestive');
      const mediaPath = '/media/personas/lena-voss/';
      const el = await inStorefront(html`<aip-persona-detail persona="lena-voss"></aip-persona-detail>`, 'explicit');
      await loaded(el);
      const cover = part(el, 'rating-cover')!;
      expect(text(cover)).to.contain('18+');
      expect(text(part(el, 'reveal-button'))).to.equal('18+ — Show previews');
      expect(text(part(el, 'meta'))).to.contain('Suggestive (18+)');
      expect(markup(el.shadowRoot!.querySelector('img[part~="image"], video, [part="thumbnails"]'))).to.equal(null);
      expect(el.shadowRoot!.innerHTML).not.to.contain(mediaPath);
      expect(el.innerHTML).not.to.contain(mediaPath);
      // Let any image the page might have been given start loading.
      await shadowQuery(el, '[part="creator-avatar"]');
      await new Promise((r) => setTimeout(r, 200));
      expect(requestsMatching(mediaPath)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('asks in a dialog; Cancel keeps the cover and returns focus to the button', async () => {
      const el = await inStorefront(html`<aip-persona-detail persona="lena-voss"></aip-persona-detail>`, 'explicit');
      await loaded(el);
      const reveal = part(el, 'reveal-button')!;
      reveal.click();
      const dialog = part(el, 'age-dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(text(dialog)).to.contain('18 or older');
      await expect(el).to.be.accessible();
      [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Cancel')!.click();
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      expect(markup(part(el, 'rating-cover'))).to.not.equal(null);
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('reveal-button');
      expect(el.shadowRoot!.innerHTML).not.to.contain('/media/personas/lena-voss/');
    });

    it('shows the previews once the viewer confirms, with focus on the gallery', async () => {
      const p = await persona('lena-voss');
      const el = await inStorefront(html`<aip-persona-detail persona="lena-voss"></aip-persona-detail>`, 'explicit');
      await loaded(el);
      part(el, 'reveal-button')!.click();
      const dialog = part(el, 'age-dialog') as HTMLDialogElement;
      (dialog.querySelector('button.primary') as HTMLButtonElement).click();
      await el.updateComplete;
      await el.updateComplete;
      expect(markup(part(el, 'rating-cover'))).to.equal(null);
      const images = parts(el, 'image') as HTMLImageElement[];
      expect(images.map((i) => i.src)).to.deep.equal(p.previews.map((v) => v.url));
      await waitUntil(() => images[0].complete && images[0].naturalWidth > 0, 'first preview loaded');
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('track');
      await expect(el).to.be.accessible();
    });

    it('shares the confirmation with every element on the page', async () => {
      const el = await inStorefront(html`<aip-persona-detail persona="lena-voss"></aip-persona-detail>`, 'explicit');
      await loaded(el);
      expect(markup(part(el, 'rating-cover'))).to.not.equal(null);
      confirmAge(); // e.g. given on a card
      await el.updateComplete;
      expect(markup(part(el, 'rating-cover'))).to.equal(null);
      expect(parts(el, 'image').length).to.be.greaterThan(0);
    });
  });

  describe('structured data', () => {
    const jsonLd = async (el: AipPersonaDetail) => {
      await structuredDataWritten();
      const script = el.querySelector(':scope > script[type="application/ld+json"]');
      return script ? (JSON.parse(script.textContent!) as Record<string, unknown>) : null;
    };

    it('describes the listing as a Product with one Offer per tier that can be bought', async () => {
      const p = await persona('noor-haddad');
      const el = await fixture<AipPersonaDetail>(html`<aip-persona-detail persona="noor-haddad"></aip-persona-detail>`);
      await loaded(el);
      const data = (await jsonLd(el))!;
      expect(data['@type']).to.equal('Product');
      expect(data.name).to.equal(p.name);
      expect(data.sku).to.equal(p.id);
      expect(data.brand).to.deep.equal({ '@type': 'Brand', name: p.creator.name });
      const offers = data.offers as { name: string; price: string; priceCurrency: string }[];
      const available = p.offers.filter((o) => o.available);
      expect(available.length).to.be.greaterThan(0);
      expect(available.length).to.be.lessThan(p.offers.length);
      expect(offers.map((o) => [o.price, o.priceCurrency])).to.deep.equal(
        available.map((o) => [(o.price.amount / 100).toFixed(2), o.price.currency]),
      );
      expect(offers.map((o) => o.name)).to.deep.equal(['Commercial License', 'Exclusive License']);
    });

    it('lists no offers while every tier is closed', async () => {
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail persona="elio-marchetti"></aip-persona-detail>`,
      );
      await loaded(el);
      const data = (await jsonLd(el))!;
      expect(data.name).to.equal('Elio Marchetti');
      expect(data).not.to.have.property('offers');
    });

    it('never describes rated content, even after confirmation', async () => {
      const el = await inStorefront(html`<aip-persona-detail persona="lena-voss"></aip-persona-detail>`, 'explicit');
      await loaded(el);
      expect(await jsonLd(el)).to.equal(null);
      confirmAge();
      await el.updateComplete;
      expect(parts(el, 'image').length).to.be.greaterThan(0);
      expect(await jsonLd(el)).to.equal(null);
    });

    it('can be turned off', async () => {
      const p = await persona('noor-haddad');
      const el = await fixture<AipPersonaDetail>(
        html`<aip-persona-detail no-structured-data .data=${p}></aip-persona-detail>`,
      );
      expect(text(part(el, 'title'))).to.equal(p.name);
      expect(markup(el.querySelector('script'))).to.equal(null);
    });
  });

  describe('accessibility', () => {
    it('marks the current thumbnail in forced colours, where border colours are the system ones', async () => {
      await emulateMedia({ forcedColors: 'active' });
      try {
        const el = await fixture<AipPersonaDetail>(
          html`<aip-persona-detail style="width: 400px" persona="elio-marchetti"></aip-persona-detail>`,
        );
        await loaded(el);
        // What is drawn around a thumbnail: its border and outline as forced colours leave them.
        const frame = (thumb: HTMLElement) => {
          const s = getComputedStyle(thumb);
          const edge = [s.borderTopStyle, s.borderTopWidth, s.borderTopColor];
          return [...edge, s.outlineStyle, s.outlineWidth, s.outlineColor].join(' ');
        };
        const [current, ...others] = parts(el, 'thumbnail');
        expect(current.getAttribute('aria-current')).to.equal('true');
        for (const other of others) expect(frame(other)).to.not.equal(frame(current));
        // Two thumbnails that are not current look alike.
        expect(frame(others[0])).to.equal(frame(others[1]));
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    });

    it("names the gallery and its slides for screen readers in the storefront's language", async () => {
      const root = await fixture(
        html`<aip-storefront locale="de-DE"
          ><aip-persona-detail persona="noor-haddad"></aip-persona-detail
        ></aip-storefront>`,
      );
      const el = root.querySelector<AipPersonaDetail>('aip-persona-detail')!;
      await loaded(el);
      // The German texts arrive on first use: wait for them, as a reader would.
      await waitUntil(
        () => part(el, 'gallery')?.getAttribute('aria-label') === 'Vorschauen von Noor Haddad',
        'no German',
        {
          timeout: 5000,
        },
      );
      expect(part(el, 'gallery')!.getAttribute('aria-roledescription')).to.equal('Karussell');
      expect(parts(el, 'slide').map((s) => s.getAttribute('aria-roledescription'))).to.include('Folie');
      expect(parts(el, 'slide').every((s) => s.getAttribute('aria-roledescription') === 'Folie')).to.equal(true);
    });

    it('offers its sections by their headings, not as a landmark each', async () => {
      const el = await fixture<AipPersonaDetail>(html`<aip-persona-detail persona="noor-haddad"></aip-persona-detail>`);
      await loaded(el);
      await waitUntil(() => part(el, 'creator-name'), 'no creator');
      // HTML-AAM: a <section> with an accessible name is a region landmark, as is role="region".
      const named = (e: Element) => e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby');
      const regions = [...el.shadowRoot!.querySelectorAll('section, [role="region"]')]
        .filter(named)
        .map((e) => e.getAttribute('aria-label') ?? e.getAttribute('aria-labelledby'));
      const headings = parts(el, 'section-heading').map(text);
      expect(headings).to.include.members(['About Noor Haddad', 'Use cases', 'What you get', 'About the creator']);
      // The gallery is the one region: a carousel is a landmark by its pattern.
      expect(regions).to.deep.equal(['Previews of Noor Haddad']);
    });
  });

  describe('warnings', () => {
    it('warns once about an id that is not a listing id, and shows it as not listed', async () => {
      let el!: AipPersonaDetail;
      const warnings = await captureWarnings(async () => {
        el = await fixture<AipPersonaDetail>(html`<aip-persona-detail persona="<img src=x>"></aip-persona-detail>`);
        await shadowQuery(el, '[role="alert"]');
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(warnings.filter((w) => w.includes('persona="<img src=x>"'))).to.have.length(1);
      expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).to.equal(
        'This persona is not listed on the marketplace.',
      );
    });

    it('warns once about a heading level out of range and uses 2', async () => {
      const p = await persona('noor-haddad');
      let el!: AipPersonaDetail;
      const warnings = await captureWarnings(async () => {
        el = await fixture<AipPersonaDetail>(
          html`<aip-persona-detail heading-level="7" .data=${p}></aip-persona-detail>`,
        );
        el.setAttribute('heading-level', '9');
        await el.updateComplete;
      });
      expect(warnings.filter((w) => w.includes('heading-level'))).to.have.length(1);
      expect(part(el, 'title')!.localName).to.equal('h2');
      expect(part(el, 'section-heading')!.localName).to.equal('h3');
    });
  });
});
