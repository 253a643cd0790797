import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Creator, Persona, Preview } from '../../api/schemas.js';
import type { AipLicenseChangeEvent } from '../../events/license-change.js';
import { AipViewEvent } from '../../events/view.js';
import { AgeGateController } from '../../internal/age-gate.js';
import { AipElement } from '../../internal/aip-element.js';
import { heading } from '../../internal/headings.js';
import { loadFailureView } from '../../internal/failure-view.js';
import { retryImagesOnline } from '../../internal/broken-images.js';
import { KeptListing } from '../../internal/kept-listing.js';
import { availabilityBadge } from '../../internal/labels.js';
import { personaJsonLd } from '../../internal/persona-structured-data.js';
import { SlowController } from '../../internal/slow.js';
import { scheduleJsonLd } from '../../internal/structured-data.js';
import core from '../../locales/en/core.js';
import detail from '../../locales/en/detail.js';
import licenses from '../../locales/en/licenses.js';
import ratings from '../../locales/en/ratings.js';
import { dialogStyles } from '../../styles/dialog.js';
import { shapeStyles } from '../../styles/shapes.js';
import { personaTask, StorefrontController } from '../storefront/storefront-controller.js';
import { styles } from './persona-detail.styles.js';

/** Heading levels the persona's name may take; section headings are one below. */
const messages = { ...core, ...licenses, ...ratings, ...detail };

/** A smooth-scrolling gallery settles well within this; after it, swipes are tracked again regardless. */
const SETTLE_MS = 1000;

const chevron = (d: string) =>
  html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
    <path d=${d} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
  </svg>`;

/** Pauses every video inside `root`. */
function pause(root: ParentNode): void {
  for (const video of root.querySelectorAll('video')) video.pause();
}

/**
 * One marketplace listing in full: a gallery of its preview images and short
 * vertical videos, the description, use cases and deliverables, the creator's
 * public profile, and the ways to buy: the license picker, plus slots for a
 * checkout and a custom-order element.
 *
 * Give it a `persona` id to load the listing through the storefront's client,
 * or set `data` to a persona you already have (no request for it; the
 * creator's profile is still loaded). With neither, it shows a placeholder of
 * its final layout.
 *
 * ```html
 * <aip-storefront api="https://api.example">
 *   <aip-persona-detail persona="noor-haddad">
 *     <aip-checkout slot="checkout" persona="noor-haddad"></aip-checkout>
 *     <aip-custom-order slot="custom-order" persona="noor-haddad"></aip-custom-order>
 *   </aip-persona-detail>
 * </aip-storefront>
 * ```
 *
 * **Content rating:** for listings above `general` no image, video or poster
 * of the persona is put on the page (so none is requested) until the viewer
 * confirms being 18 or older; the confirmation is shared with every other
 * element and remembered for the browsing session. Listings above the
 * storefront's `max-rating` are not shown at all.
 *
 * **Gallery:** swipe or scroll the previews, or use the previous/next buttons,
 * the thumbnails, or, with focus anywhere in the gallery, the Left/Right arrow
 * keys (one preview) and Home/End (first/last). Videos never play by
 * themselves and load nothing until played.
 *
 * **Structured data:** for general-audience listings the element writes a
 * schema.org `Product` (the creator as its brand, one `Offer` per tier that can
 * be bought now) as JSON-LD into its light DOM, from the data it shows, once
 * the page is idle.
 *
 * @summary A persona listing in full, with gallery, creator and purchase entry points.
 * @tag aip-persona-detail
 *
 * @fires {AipViewEvent} aip-view - A listing is shown in full: once per listing, and again after `shown()`; `detail.persona` is it (for analytics).
 *
 * @slot license - Replaces the built-in `<aip-license-picker>` for this persona.
 * @slot checkout - Where the checkout goes, e.g. `<aip-checkout slot="checkout" persona="…">`; hidden while empty. A slotted `<aip-checkout>` follows the tier chosen in the picker (its `license` and `price` are set).
 * @slot custom-order - Where the custom-order entry goes, e.g. `<aip-custom-order slot="custom-order" persona="…">`; hidden while empty.
 *
 * @csspart base - The whole view (also in the loading and error states).
 * @csspart header - Name, creator, tags, labels, badge, price and disclosure.
 * @csspart title - The persona's name.
 * @csspart meta - Creator, niche and content rating.
 * @csspart tags - Every tag of the listing (a card shows the first few).
 * @csspart badge - The availability badge ("Exclusively licensed until …", "Assigned").
 * @csspart price - The "From" Commercial price, when the persona can be licensed.
 * @csspart price-amount - The amount inside the price.
 * @csspart disclosure - The AI-generated, fictional disclosure.
 * @csspart gallery - The preview gallery.
 * @csspart track - The scrolling row of slides.
 * @csspart slide - Each slide (fixed aspect ratio).
 * @csspart image - A preview image.
 * @csspart video - A preview video.
 * @csspart prev-button - The "Previous preview" button.
 * @csspart next-button - The "Next preview" button.
 * @csspart thumbnails - The row of thumbnail buttons.
 * @csspart thumbnail - Each thumbnail button (also `thumbnail-current` on the shown one).
 * @csspart position - The "N of M" text.
 * @csspart rating-cover - What stands in for the gallery of rated content before confirmation.
 * @csspart reveal-button - The cover's "18+ — Show previews" button.
 * @csspart age-dialog - The 18+ confirmation dialog.
 * @csspart info - The column of text beside (or below) the gallery.
 * @csspart section-heading - The headings of the description, use cases, deliverables and creator sections.
 * @csspart description - The description.
 * @csspart use-cases - The use-case list.
 * @csspart deliverables - The deliverables list.
 * @csspart creator - The creator's public profile.
 * @csspart creator-avatar - The creator's avatar.
 * @csspart creator-name - The creator's name.
 * @csspart creator-bio - The creator's bio.
 * @csspart creator-link - The link to the creator's website, when they have one.
 * @csspart creator-stats - Published count and joining date.
 * @csspart purchase - The wrapper of the license, checkout and custom-order regions.
 * @csspart license - The wrapper of the license slot.
 * @csspart license-picker - The built-in license picker; some of its own parts are forwarded, below.
 * @csspart license-base - The built-in picker's `base` (its fieldset).
 * @csspart license-tier - The built-in picker's `tier`: each tier's card.
 * @csspart license-price - The built-in picker's `price`: each tier's price.
 * @csspart license-compare-button - The built-in picker's "Compare licenses" button.
 * @csspart checkout - The wrapper of the checkout slot.
 * @csspart custom-order - The wrapper of the custom-order slot.
 * @csspart status - The loading, error and "not shown" messages.
 * @csspart slow - The note over the loading placeholders when an answer is slow to come.
 *
 * @cssprop --aip-persona-detail-columns - Columns of the wide layout (gallery | info), used from 720px of the element's width; `minmax(0, 1fr) minmax(0, 1fr)` by default. Narrower, everything is one column.
 * @cssprop --aip-persona-detail-gallery-ratio - Aspect ratio of each slide; `4 / 5` by default.
 * @cssprop --aip-persona-detail-media-fit - How previews fill their slide (`contain` or `cover`); `contain` by default.
 * @cssprop --aip-persona-detail-thumbnail-size - Edge of a thumbnail button; 56px by default.
 * @cssprop --aip-persona-detail-gap - Space between regions; `--aip-space-5` by default.
 * @cssprop --aip-persona-detail-radius - Corner radius of the gallery and boxes; `--aip-radius-m` by default.
 */
export class AipPersonaDetail extends AipElement {
  static override styles = [...AipElement.styles, dialogStyles, shapeStyles, styles];

  private readonly store = new StorefrontController(this);
  private readonly age = new AgeGateController(this);

  private readonly loader = personaTask(this, this.store, () =>
    this.data ? null : this.validSlug('persona', this.persona, 'is not a listing id.'),
  );
  private readonly listing = new KeptListing(this.loader);
  /** Whether the listing is taking long to load. */
  private readonly waiting = new SlowController(this, () => !this.data && this.loader.status === TaskStatus.PENDING);

  /** The creator's public profile: loaded after the persona, and allowed to fail on its own. */
  private readonly creatorLoader = new Task(this, {
    task: async ([client, handle], { signal }): Promise<Creator | null> =>
      handle ? this.store.send(signal, () => client.creator(handle, { signal })) : null,
    args: () => {
      const shown = this.shownPersona();
      const settings = this.store.value;
      // Nothing of a listing the storefront doesn't show is loaded, its creator included.
      const handle = shown && settings.allowsRating(shown.contentRating) ? shown.creator.handle : null;
      return [settings.client, handle] as const;
    },
  });

  @query('[part="track"]') private track!: HTMLElement | null;
  @query('[part="thumbnails"]') private thumbnailRow!: HTMLElement | null;

  /** Index of the slide on screen. */
  @state() private current = 0;
  @state() private hasLicense = false;
  @state() private hasCheckout = false;
  @state() private hasCustomOrder = false;

  /** What the gallery shows: the previews, or the title image when there are none. Derived in willUpdate. */
  private slides: Preview[] = [];
  private slidesOf: Persona | null = null;
  /** The id of the last listing shown, kept while the next one loads. */
  private slidesOfId: string | null = null;
  /** The listing the light-DOM JSON-LD describes (undefined before the first update). */
  private described: Persona | null | undefined = undefined;
  /** The id of the listing `aip-view` was last fired for. */
  private viewed: string | null = null;
  /** The slide a programmatic scroll is heading for; scroll positions passed on the way are ignored. */
  private heading: number | null = null;
  private headingTimer = 0;
  private scrollFrame = 0;

  /** Id of the listing to load, e.g. `noor-haddad`. Ignored when `data` is set. */
  @property() persona: string | null = null;

  /** The listing itself, when the host already has it; no request is made for it. */
  @property({ attribute: false }) data: Persona | null = null;

  /** Marketplace base URL when used outside `<aip-storefront>`. */
  @property() api: string | null = null;

  /**
   * Heading level of the persona's name (1–3); section headings are one level below, and so are the titles of a
   * slotted `<aip-checkout>` and `<aip-custom-order>` without a `heading-level` of their own.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Don't write schema.org JSON-LD into the light DOM. */
  @property({ type: Boolean, attribute: 'no-structured-data' }) noStructuredData = false;

  override connectedCallback(): void {
    super.connectedCallback();
    retryImagesOnline(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    retryImagesOnline(this, false);
    cancelAnimationFrame(this.scrollFrame);
    clearTimeout(this.headingTimer);
    this.scrollFrame = 0;
    this.heading = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel')) {
      this.headingLevel = this.headingLevelIn(this.headingLevel, 1, 3, 2);
      this.levelSlotted();
    }
    const shown = this.shownPersona();
    if (shown !== this.slidesOf) {
      const sameListing = shown?.id === this.slidesOf?.id;
      this.slidesOf = shown;
      this.slides = shown ? this.slidesFor(shown) : [];
      // Another listing: the checkout that followed the last one's tier (and, if it took it from here, its id)
      // follows this one, with no tier chosen yet.
      const was = this.slidesOfId;
      if (shown && was && was !== shown.id) {
        for (const checkout of this.slottedCheckouts()) {
          if (checkout.persona && checkout.persona !== was && checkout.persona !== shown.id) continue;
          checkout.persona = shown.id;
          checkout.license = '';
          checkout.price = null;
        }
      }
      if (shown) this.slidesOfId = shown.id;
      if (!sameListing || this.current >= this.slides.length) {
        this.current = 0;
        this.heading = null;
        if (this.track) this.track.scrollLeft = 0;
      }
    }
  }

  protected override updated(changed: PropertyValues): void {
    // A video playing on a slide the buyer moved away from would go on, heard but out of sight.
    if (changed.has('current')) {
      this.renderRoot.querySelectorAll('.slide').forEach((slide, i) => i !== this.current && pause(slide));
    }
    const shown = this.shownPersona();
    const allowed = shown && this.store.value.allowsRating(shown.contentRating);
    const described = !this.noStructuredData && allowed ? shown : null;
    // Rewritten when the listing changes, not on every slide of the gallery.
    if (described !== this.described) {
      this.described = described;
      scheduleJsonLd(this, () => described && personaJsonLd(described, this.t));
    }
    // A checkout slotted with no persona buys the listing shown: told it now, not when a tier is picked, it finds
    // the buyer's order under way for it (back from the payment page, or after a reload) and carries it on.
    if (allowed) for (const checkout of this.slottedCheckouts()) checkout.persona ||= shown.id;
    // Once per listing shown in full (not again while it reloads after a sale).
    if (allowed && shown.id !== this.viewed) {
      this.viewed = shown.id;
      this.emit(new AipViewEvent({ persona: shown }));
    }
    this.keepThumbnailInView();
  }

  /** Texts in the storefront's language. */
  private get t() {
    return this.store.value.translate(messages);
  }

  /** The listing on screen now, if any. */
  private shownPersona(): Persona | null {
    if (this.data) return this.data;
    const value = this.listing.value(this.store.value.client, this.persona?.trim() ?? null);
    if (!this.persona || !value) return null;
    if (this.loader.status === TaskStatus.COMPLETE) return value;
    // While the same listing reloads (a sale on this page changed it), and if
    // that reload fails, it stays on screen, so focus in the purchase area and
    // the certificate a checkout there shows aren't lost; while another id
    // loads, the previous listing is not "shown".
    return value.id === this.persona.trim() ? value : null;
  }

  private slidesFor(p: Persona): Preview[] {
    if (p.previews.length) return p.previews;
    const { url, width, height, alt } = p.titleImage;
    return [{ kind: 'image', url, width, height, alt }];
  }

  /** A heading of one of the persona's sections, one level below its name. */
  private sectionHeading(content: unknown, id: string): TemplateResult {
    return heading(this.headingLevel + 1, content, { id, part: 'section-heading' });
  }

  // ----- gallery -----------------------------------------------------------

  /** Shows slide `index` (clamped), scrolling the track to it. */
  private goTo(index: number): void {
    const to = Math.min(Math.max(index, 0), this.slides.length - 1);
    if (to < 0) return;
    this.current = to;
    const track = this.track;
    if (!track || !track.clientWidth) return;
    const rtl = getComputedStyle(track).direction === 'rtl';
    const left = (rtl ? -1 : 1) * to * track.clientWidth;
    if (Math.abs(track.scrollLeft - left) < 1) return;
    this.releaseHeading();
    this.heading = to;
    this.headingTimer = window.setTimeout(() => {
      this.heading = null;
      this.syncFromScroll();
    }, SETTLE_MS);
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    track.scrollTo({ left, behavior: reduce ? 'auto' : 'smooth' });
  }

  /** Follows the user's swipes and scrolls: the slide mostly in view is the shown one. */
  private syncFromScroll(): void {
    const track = this.track;
    if (!track || !track.clientWidth || !this.slides.length) return;
    const index = Math.min(Math.round(Math.abs(track.scrollLeft) / track.clientWidth), this.slides.length - 1);
    if (this.heading !== null) {
      // Positions passed on the way, and a late scrollend of an earlier
      // scroll, say nothing about where the user wants to be.
      if (index !== this.heading) return;
      this.releaseHeading();
    }
    if (index !== this.current) this.current = index;
  }

  /**
   * Stops waiting for a programmatic scroll: when a new one starts, or when the
   * user takes over the track (touch, pointer, wheel) and is followed from then on.
   */
  private releaseHeading(): void {
    this.heading = null;
    clearTimeout(this.headingTimer);
  }

  private readonly onTrackScroll = {
    handleEvent: () => {
      if (this.scrollFrame) return;
      this.scrollFrame = requestAnimationFrame(() => {
        this.scrollFrame = 0;
        this.syncFromScroll();
      });
    },
    passive: true,
  };

  private readonly onUserScroll = { handleEvent: () => this.releaseHeading(), passive: true };

  private onGalleryKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const origin = event.composedPath()[0];
    // A focused video uses the arrow keys to seek; leave them to it.
    if (origin instanceof HTMLVideoElement) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    let to: number;
    switch (event.key) {
      case 'ArrowLeft':
        to = this.current + (rtl ? 1 : -1);
        break;
      case 'ArrowRight':
        to = this.current + (rtl ? -1 : 1);
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = this.slides.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.goTo(to);
    // Arrowing along the thumbnails moves focus with the shown slide.
    if (origin instanceof HTMLElement && origin.matches('[part~="thumbnail"]')) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelectorAll<HTMLElement>('[part~="thumbnail"]')[this.current]?.focus(),
      );
    }
  }

  /** Scrolls the thumbnail row (never the page) so the current thumbnail is visible. */
  private keepThumbnailInView(): void {
    const row = this.thumbnailRow;
    if (!row || row.scrollWidth <= row.clientWidth) return;
    const thumb = row.querySelectorAll<HTMLElement>('[part~="thumbnail"]')[this.current];
    if (!thumb) return;
    const start = thumb.offsetLeft;
    const end = start + thumb.offsetWidth;
    if (start < row.scrollLeft) row.scrollLeft = start;
    else if (end > row.scrollLeft + row.clientWidth) row.scrollLeft = end - row.clientWidth;
  }

  // ----- age gate ----------------------------------------------------------

  /** After the 18+ dialog: the cover is gone when confirmed, so focus goes to the gallery that replaced it. */
  private afterAgeDialog = (confirmed: boolean): void => {
    if (confirmed) void this.updateComplete.then(() => this.track?.focus());
    else this.renderRoot.querySelector<HTMLElement>('[part="reveal-button"]')?.focus();
  };

  // ----- slots -------------------------------------------------------------

  private onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    // Not flattened: a flattened empty slot reports its own fallback content.
    const filled = slot
      .assignedNodes()
      .some((n) => n.nodeType === Node.ELEMENT_NODE || (n.textContent ?? '').trim() !== '');
    if (slot.name === 'license') this.hasLicense = filled;
    else if (slot.name === 'checkout') this.hasCheckout = filled;
    else if (slot.name === 'custom-order') this.hasCustomOrder = filled;
    this.levelSlotted();
  }

  /**
   * Slotted checkouts and custom-order briefs head their parts one level below
   * the persona's name, as its own sections do, unless given a `heading-level`.
   */
  private levelSlotted(): void {
    for (const slot of this.renderRoot.querySelectorAll<HTMLSlotElement>(
      'slot[name="checkout"], slot[name="custom-order"]',
    )) {
      for (const el of slot.assignedElements({ flatten: true })) {
        for (const part of [el, ...el.querySelectorAll('aip-checkout, aip-custom-order')]) {
          if (/^aip-(checkout|custom-order)$/.test(part.localName) && !part.hasAttribute('heading-level')) {
            (part as Element & { headingLevel: number }).headingLevel = this.headingLevel + 1;
          }
        }
      }
    }
  }

  /** Pauses any preview video that is playing (for a host that hides the detail, as the catalog's dialog does). */
  pauseMedia(): void {
    pause(this.renderRoot);
  }

  /**
   * For a host that hides the detail and shows the same listing again, as the catalog's dialog does: counts
   * this showing as a new view of it, so `aip-view` fires again.
   */
  shown(): void {
    this.viewed = null;
    this.requestUpdate();
  }

  /**
   * The buyer chose a tier (in the built-in picker or a slotted one): every
   * `<aip-checkout>` in the checkout slot follows, with the price shown.
   */
  private onLicenseChange(event: AipLicenseChangeEvent): void {
    const id = this.shownPersona()?.id ?? null;
    for (const checkout of this.slottedCheckouts()) {
      if (!checkout.persona && id) checkout.persona = id;
      checkout.license = event.detail.license;
      checkout.price = event.detail.price.amount;
    }
  }

  /** The `<aip-checkout>` elements in the checkout slot. */
  private slottedCheckouts(): (Element & { persona: string | null; license: string; price: number | null })[] {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="checkout"]');
    return (slot?.assignedElements({ flatten: true }) ?? []).flatMap((el) =>
      el.localName === 'aip-checkout' ? [el] : [...el.querySelectorAll('aip-checkout')],
    ) as ReturnType<AipPersonaDetail['slottedCheckouts']>;
  }

  // ----- rendering ---------------------------------------------------------

  private renderSkeleton() {
    const slow = this.waiting.slow;
    return html`<p class="visually-hidden" part="status" role="status">
        ${this.t(slow ? 'common.slow' : 'detail.loading')}
      </p>
      <div class="gallery-area" aria-hidden="true">
        <div class="gallery skeleton">
          <div class="slide placeholder pulse"></div>
          ${slow ? html`<p part="slow" class="slow-note">${this.t('common.slow')}</p>` : nothing}
          <div class="strip">
            <div class="thumbnails">${[0, 1, 2].map(() => html`<span class="thumb placeholder pulse"></span>`)}</div>
          </div>
        </div>
      </div>
      <div class="header skeleton" aria-hidden="true">
        <div class="line title pulse"></div>
        <div class="line short pulse"></div>
        <div class="line short pulse"></div>
      </div>
      <div class="info skeleton" aria-hidden="true">
        <div class="line pulse"></div>
        <div class="line pulse"></div>
        <div class="line short pulse"></div>
      </div>`;
  }

  private renderError(error: unknown) {
    const t = this.t;
    return loadFailureView(
      error,
      t,
      { gone: t('persona.gone'), failed: t('persona.failed') },
      () => void this.loader.run(),
    );
  }

  private renderHeader(p: Persona) {
    const t = this.t;
    const badge = availabilityBadge(p, this.store.value.formatDate, t);
    const rating = p.contentRating === 'general' ? null : t(`rating-label.${p.contentRating}`);
    return html`<header part="header" class="header">
      ${heading(this.headingLevel, p.name, { id: 'title', part: 'title' })}
      <p part="meta" class="meta">
        ${t.parts('common.by', { creator: html`<bdi>${p.creator.name}</bdi>` })} ·
        ${t(`niche.${p.niche}`)}${rating ? html` · <span class="rating">${rating}</span>` : nothing}
      </p>
      ${
        p.tags.length
          ? html`<ul part="tags" class="chips" role="list" aria-label=${t('card.tags')}>
              ${p.tags.map((tag) => html`<li>${tag}</li>`)}
            </ul>`
          : nothing
      }
      ${badge ? html`<p><span part="badge" class="badge">${badge}</span></p>` : nothing}
      ${
        p.availability === 'open'
          ? html`<p part="price" class="price">
              ${t.parts('common.from', {
                price: html`<aip-price
                  exportparts="base: price-amount"
                  .amount=${p.commercialPrice.amount}
                  currency=${p.commercialPrice.currency}
                ></aip-price>`,
              })}
              <span class="price-note">${t('license.commercial')}</span>
            </p>`
          : nothing
      }
      <p part="disclosure" class="disclosure">${t('common.disclosure')}</p>
    </header>`;
  }

  /** What a slide shows, in words: its own text, or the persona's name. */
  private slideAlt(p: Persona, slide: Preview | undefined): string {
    return slide?.alt || this.t('persona.alt', { name: p.name });
  }

  private renderSlide(p: Persona, slide: Preview, i: number) {
    const n = this.slides.length;
    const t = this.t;
    const alt = this.slideAlt(p, slide);
    const media =
      slide.kind === 'video'
        ? html`<video
            part="video"
            src=${slide.url}
            poster=${slide.poster}
            width=${slide.width}
            height=${slide.height}
            aria-label=${alt}
            controls
            preload="none"
            playsinline
          ></video>`
        : html`<img
            part="image"
            src=${slide.url}
            alt=${alt}
            width=${slide.width}
            height=${slide.height}
            loading=${i === 0 ? 'eager' : 'lazy'}
            decoding="async"
          />`;
    return html`<div
      part="slide"
      class="slide"
      role="group"
      aria-roledescription=${t('detail.slide-role')}
      aria-label=${t('detail.slide', { index: i + 1, count: n })}
    >
      ${media}
    </div>`;
  }

  private renderGallery(p: Persona) {
    const n = this.slides.length;
    const many = n > 1;
    const atStart = this.current === 0;
    const atEnd = this.current === n - 1;
    const t = this.t;
    // Keydown is handled for the whole gallery: arrow keys work from the track,
    // the buttons and the thumbnails alike.
    return html`<section
      part="gallery"
      class="gallery"
      aria-roledescription=${t('detail.gallery-role')}
      aria-label=${t('detail.gallery', { name: p.name })}
      @keydown=${(e: KeyboardEvent) => this.onGalleryKeydown(e)}
    >
      <div class="viewport">
        <div
          part="track"
          class="track"
          tabindex="0"
          role="group"
          aria-label=${t(many ? 'detail.slides-hint' : 'detail.slides')}
          @scroll=${this.onTrackScroll}
          @scrollend=${() => this.syncFromScroll()}
          @pointerdown=${this.releaseHeading}
          @wheel=${this.onUserScroll}
          @touchstart=${this.onUserScroll}
        >
          ${this.slides.map((slide, i) => this.renderSlide(p, slide, i))}
        </div>
        <button
          part="prev-button"
          class="nav prev"
          type="button"
          aria-label=${t('detail.previous')}
          aria-disabled=${atStart ? 'true' : 'false'}
          ?hidden=${!many}
          @click=${() => !atStart && this.goTo(this.current - 1)}
        >
          ${chevron('M15 5l-7 7 7 7')}
        </button>
        <button
          part="next-button"
          class="nav next"
          type="button"
          aria-label=${t('detail.next')}
          aria-disabled=${atEnd ? 'true' : 'false'}
          ?hidden=${!many}
          @click=${() => !atEnd && this.goTo(this.current + 1)}
        >
          ${chevron('M9 5l7 7-7 7')}
        </button>
      </div>
      <div class="strip" ?hidden=${!many}>
        <div part="thumbnails" class="thumbnails">
          ${this.slides.map((slide, i) => {
            const currentThumb = i === this.current;
            return html`<button
              part="thumbnail${currentThumb ? ' thumbnail-current' : ''}"
              class="thumb${slide.kind === 'video' ? ' video' : ''}"
              type="button"
              aria-label=${t(slide.kind === 'video' ? 'detail.thumbnail-video' : 'detail.thumbnail', {
                index: i + 1,
                count: n,
              })}
              aria-current=${currentThumb ? 'true' : 'false'}
              @click=${() => this.goTo(i)}
            >
              <img
                src=${slide.kind === 'video' ? slide.poster : slide.url}
                alt=""
                width=${slide.width}
                height=${slide.height}
                loading="lazy"
                decoding="async"
              />
            </button>`;
          })}
        </div>
        <p part="position" class="position" aria-live="polite">
          <span aria-hidden="true">${t('detail.position', { index: this.current + 1, count: n })}</span>
          <span class="visually-hidden"
            >${t('detail.position-said', {
              index: this.current + 1,
              count: n,
              alt: this.slideAlt(p, this.slides[this.current]),
            })}</span
          >
        </p>
      </div>
    </section>`;
  }

  private renderCover(p: Persona) {
    const t = this.t;
    return html`<div part="rating-cover" class="cover">
      <strong>18+</strong>
      <span>${t('detail.cover', { rating: t(`rating.${p.contentRating}`) })}</span>
      <button part="reveal-button" type="button" aria-haspopup="dialog" @click=${() => this.age.open()}>
        ${t('detail.cover-button')}
      </button>
    </div>`;
  }

  private renderCreator(p: Persona) {
    const settings = this.store.value;
    const t = this.t;
    const title = this.sectionHeading(t('detail.creator'), 'creator-title');
    const profile = this.creatorLoader.value;
    const failed = this.creatorLoader.status === TaskStatus.ERROR;
    // The profile is the public one only: avatar, name, bio, website, counts.
    const c = profile && profile.handle === p.creator.handle ? profile : null;
    const avatar = c
      ? html`<img
          part="creator-avatar"
          class="avatar"
          src=${c.avatar.url}
          alt=${c.avatar.alt}
          width=${c.avatar.width}
          height=${c.avatar.height}
          loading="lazy"
          decoding="async"
        />`
      : html`<span class="avatar placeholder" aria-hidden="true"></span>`;
    // The schema only lets http(s) URLs through, so this parses.
    const website = c?.website ? new URL(c.website).host : null;
    return html`<section part="creator" class="creator">
      ${title}
      <div class="creator-head">
        ${avatar}
        <div>
          <p part="creator-name" class="creator-name">${c?.name ?? p.creator.name}</p>
          ${
            c
              ? html`<p part="creator-stats" class="muted">
                  ${t('detail.published', { count: c.publishedCount })} ·
                  ${t('detail.joined', { date: settings.formatDate(c.joinedAt) })}
                </p>`
              : nothing
          }
        </div>
      </div>
      ${c?.bio ? html`<p part="creator-bio" class="creator-bio">${c.bio}</p>` : nothing}
      ${
        c?.website && website
          ? html`<p>
              <a part="creator-link" href=${c.website} target="_blank" rel="noopener nofollow ugc"
                >${website}<span class="visually-hidden"> ${t('detail.website')}</span></a
              >
            </p>`
          : nothing
      }
      ${failed ? html`<p class="muted note">${t('detail.creator-failed')}</p>` : nothing}
    </section>`;
  }

  private renderInfo(p: Persona) {
    // The sections are found by their headings; naming each one would make it a
    // landmark, and a page of a dozen landmarks is as hard to move through as none.
    const t = this.t;
    const paragraphs = p.description
      .split(/\n\s*\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    const { useCases, deliverables } = p;
    return html`<div part="info" class="info">
      ${
        paragraphs.length
          ? html`<section part="description" class="description">
              ${this.sectionHeading(t.parts('detail.about', { name: html`<bdi>${p.name}</bdi>` }), 'description-title')}
              ${paragraphs.map((text) => html`<p>${text}</p>`)}
            </section>`
          : nothing
      }
      ${
        useCases.length
          ? html`<section>
              ${this.sectionHeading(t('detail.use-cases'), 'use-cases-title')}
              <ul part="use-cases" class="chips" role="list">
                ${useCases.map((u) => html`<li>${t(`use-case.${u}`)}</li>`)}
              </ul>
            </section>`
          : nothing
      }
      ${
        deliverables.length
          ? html`<section>
              ${this.sectionHeading(t('detail.deliverables'), 'deliverables-title')}
              <ul part="deliverables" class="deliverables">
                ${deliverables.map((d) => html`<li>${d}</li>`)}
              </ul>
            </section>`
          : nothing
      }
      ${this.renderCreator(p)}
    </div>`;
  }

  private renderPersona(p: Persona) {
    const covered = p.contentRating !== 'general' && !this.age.confirmed;
    return html`${this.renderHeader(p)}
      <div class="gallery-area">${covered ? this.renderCover(p) : this.renderGallery(p)}</div>
      ${this.renderInfo(p)}
      ${this.age.renderDialog(
        this.t,
        p,
        () => this.t('age.text-media', { name: p.name, rating: this.t(`rating.${p.contentRating}`) }),
        this.afterAgeDialog,
      )}`;
  }

  private renderNotShown() {
    return html`<div part="status" class="status">
      <p class="muted">${this.t('listing.not-shown')}</p>
    </div>`;
  }

  override render(): TemplateResult {
    const shown = this.shownPersona();
    const allowed = shown !== null && this.store.value.allowsRating(shown.contentRating);
    const busy = !shown && (!this.persona || this.loader.status <= TaskStatus.PENDING);
    let content;
    if (shown) content = allowed ? this.renderPersona(shown) : this.renderNotShown();
    else if (!this.persona) content = this.renderSkeleton();
    else {
      content = this.loader.render({
        initial: () => this.renderSkeleton(),
        pending: () => this.renderSkeleton(),
        complete: () => this.renderError({ code: 'not_found' }),
        error: (e) => this.renderError(e),
      });
    }
    // A slotted license element replaces the picker outright: fallback content
    // that is merely not displayed would still load its data.
    const picker =
      shown && allowed && !this.hasLicense
        ? html`<aip-license-picker
            part="license-picker"
            exportparts="base: license-base, tier: license-tier, price: license-price, compare-button: license-compare-button"
            persona=${shown.id}
            .data=${shown}
            api=${this.api ?? nothing}
          ></aip-license-picker>`
        : nothing;
    // The slots are always rendered, so slotted elements keep their place;
    // their wrappers are hidden when there is nothing to buy or nothing slotted.
    return html`<div
      part="base"
      class="base${busy ? ' loading' : ''}"
      aria-busy=${busy ? 'true' : 'false'}
      aria-labelledby=${allowed ? 'title' : nothing}
      role=${allowed ? 'article' : nothing}
    >
      <div class="listing">${content}</div>
      <div part="purchase" class="purchase" ?hidden=${!allowed} @aip-license-change=${this.onLicenseChange}>
        <div part="license" class="license"><slot name="license" @slotchange=${this.onSlotChange}>${picker}</slot></div>
        <div part="checkout" class="checkout" ?hidden=${!this.hasCheckout}>
          <slot name="checkout" @slotchange=${this.onSlotChange}></slot>
        </div>
        <div part="custom-order" class="custom-order" ?hidden=${!this.hasCustomOrder}>
          <slot name="custom-order" @slotchange=${this.onSlotChange}></slot>
        </div>
      </div>
    </div>`;
  }
}
