import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ApiError } from '../../api/errors.js';
import { isOneOf, type PersonaSummary } from '../../api/schemas.js';
import { AipSelectEvent } from '../../events/select.js';
import { AgeGateController } from '../../internal/age-gate.js';
import { AipElement } from '../../internal/aip-element.js';
import { summaryProblem } from '../../internal/checked.js';
import { loadFailureHint } from '../../internal/failure.js';
import { dialogStyles } from '../../styles/dialog.js';
import { shapeStyles } from '../../styles/shapes.js';
import { availabilityBadge } from '../../internal/labels.js';
import { retryImagesOnline } from '../../internal/broken-images.js';
import { productJsonLd, scheduleJsonLd } from '../../internal/structured-data.js';
import messages from '../../locales/en/core.js';
import { personaTask, StorefrontController } from '../storefront/storefront-controller.js';
import { styles } from './persona-card.styles.js';

/** Card layouts: image above (`vertical`), beside (`horizontal`), or a small thumbnail row (`compact`). */
export const CARD_LAYOUTS = ['vertical', 'horizontal', 'compact'] as const;
export type CardLayout = (typeof CARD_LAYOUTS)[number];

/**
 * The parts a card with a listing renders (its `@csspart`s but the fallback
 * wrapper, which only a card loading by id shows). `<aip-catalog>` forwards
 * each as `card-<part>`; a test fails when the template gains a part missing here.
 */
export const CARD_PARTS = [
  'base',
  'media',
  'image',
  'rating-cover',
  'reveal-button',
  'age-dialog',
  'badge',
  'body',
  'title',
  'meta',
  'tags',
  'price',
  'price-amount',
  'disclosure',
] as const;

/**
 * One marketplace listing as a card: title image in a reserved box, name,
 * creator, niche, tags, the "from" price, an availability badge and the
 * AI-generated disclosure. Give it a `persona` id to load the listing through
 * the storefront's client, or set `data` to a summary you already have (no
 * request). With neither, it shows a loading placeholder of its final size.
 *
 * **Link-first:** put a plain link to the listing inside the element. It is
 * what visitors see without JavaScript, and what the card shows (and follows
 * when chosen) if the marketplace can't be reached.
 *
 * ```html
 * <aip-persona-card persona="noor-haddad">
 *   <a href="https://marketplace.example/p/noor-haddad">Noor Haddad: AI persona</a>
 * </aip-persona-card>
 * ```
 *
 * **Content rating:** listings above `general` are covered and their image is
 * not requested until the viewer confirms being 18 or older (remembered for
 * the browsing session); listings above the storefront's `max-rating` are not
 * shown at all.
 *
 * **Structured data:** for general-audience listings the card writes a
 * schema.org `Product` as JSON-LD into its light DOM, from the data it shows,
 * once the page is idle (within half a second), so it never delays a paint.
 *
 * @summary A persona listing as a card.
 * @tag aip-persona-card
 *
 * @slot - Fallback content (a link to the listing), shown until the card has data and when loading fails.
 *
 * @fires {AipSelectEvent} aip-select - The buyer chose this persona. Cancelable; when not cancelled the card follows its fallback link, if it has one.
 *
 * @csspart base - The card.
 * @csspart media - The image box (fixed aspect ratio).
 * @csspart image - The title image.
 * @csspart rating-cover - What covers the image of rated content.
 * @csspart reveal-button - The cover's "Show" button.
 * @csspart age-dialog - The 18+ confirmation dialog.
 * @csspart badge - The availability badge ("Exclusively licensed until …", "Assigned").
 * @csspart body - Everything beside or under the image.
 * @csspart title - The persona's name.
 * @csspart meta - Creator and niche.
 * @csspart tags - The tag list.
 * @csspart price - The "from" price line.
 * @csspart price-amount - The amount in the price line.
 * @csspart disclosure - The AI-generated, fictional disclosure.
 * @csspart fallback - The wrapper of the fallback slot.
 *
 * @cssprop --aip-persona-card-radius - Corner radius; `--aip-radius-m` by default.
 * @cssprop --aip-persona-card-media-ratio - Aspect ratio of the image box; `4 / 5` by default.
 * @cssprop --aip-persona-card-media-width - Width of the image in the horizontal layout; 40% by default.
 */
export class AipPersonaCard extends AipElement {
  static override styles = [...AipElement.styles, dialogStyles, shapeStyles, styles];

  // Only a card loading its listing by id reloads it when a sale changed it; `data` is the host's to update.
  private readonly store = new StorefrontController(this, undefined, () => this.loader !== undefined);
  private readonly age = new AgeGateController(this);

  /**
   * Loads the listing a `persona` id names; made when the card first has one,
   * so a grid of cards given `data` carries no task each.
   */
  private loader?: ReturnType<typeof personaTask>;

  /** Whether the host gave something that can't be shown: a `persona` that is no id, `data` that is no listing. */
  private badInput = false;

  /** Id of the listing to load, e.g. `noor-haddad`. Ignored when `data` is set. */
  @property() persona: string | null = null;

  /** The listing itself, when the host already has it; no request is made. */
  @property({ attribute: false }) data: PersonaSummary | null = null;

  /** Marketplace base URL when used outside `<aip-storefront>`. */
  @property() api: string | null = null;

  /**
   * Card layout: `vertical` (default), `horizontal` or `compact`. Reflected
   * once set; the default is not written to each card of a grid.
   */
  @property({ reflect: true, useDefault: true }) layout: CardLayout = 'vertical';

  /** How many tags to show before "+N more". */
  @property({ type: Number, attribute: 'max-tags' }) maxTags = 3;

  /** Heading level of the persona's name (2–4), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Don't write schema.org JSON-LD into the light DOM. */
  @property({ type: Boolean, attribute: 'no-structured-data' }) noStructuredData = false;

  /**
   * Whether Tab stops at the card. A list that moves focus between its cards
   * with the arrow keys (as `<aip-catalog>` does) leaves one card tabbable.
   */
  @property({ type: Boolean, attribute: false }) tabbable = true;

  /** Whether the last render happened off the page (an update still pending when the card was removed). */
  private renderedDetached = false;

  override connectedCallback(): void {
    super.connectedCallback();
    retryImagesOnline(this, true);
    // Back on the page: render the image that was left out.
    if (this.renderedDetached) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    retryImagesOnline(this, false);
  }

  /** Focuses the card's title (the control that opens the persona). */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.select, [part="reveal-button"]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout') && !isOneOf(CARD_LAYOUTS, this.layout)) {
      this.warnIfSet(
        this.layout,
        'layout',
        `layout="${this.layout}" is not one of ${CARD_LAYOUTS.join(', ')}; using vertical.`,
      );
      this.layout = 'vertical';
    }
    if (changed.has('maxTags') && !(Number.isInteger(this.maxTags) && this.maxTags >= 0)) {
      this.warnIfSet(
        this.maxTags,
        'max-tags',
        `${this.quoted('max-tags', this.maxTags)} is not a whole number; using 3.`,
      );
      this.maxTags = 3;
    }
    if (changed.has('headingLevel')) this.headingLevel = this.headingLevelIn(this.headingLevel, 2, 4, 3);
    if (changed.has('data') || changed.has('persona')) {
      const problem = this.data === null || this.data === undefined ? null : summaryProblem(this.data);
      if (problem) this.warnOnce(`data ${problem}`, `data is not a persona listing (${problem}); nothing is shown.`);
      // A host's mistake: the card says it can't show this, and shows the host's own link.
      this.badInput =
        problem !== null || (!this.data && this.persona !== null && this.persona !== '' && this.loaderId() === null);
      // Made before the controllers' hostUpdate in this same update, so it starts loading now.
      if (!this.loader && !this.badInput && this.loaderId() !== null) {
        this.loader = personaTask(this, this.store, () => (this.badInput ? null : this.loaderId()));
      }
    }
  }

  /** The listing id to load, when there is one to load. */
  private loaderId(): string | null {
    return this.data ? null : this.validSlug('persona', this.persona, 'is not a listing id.');
  }

  protected override updated(): void {
    scheduleJsonLd(this, () => {
      const shown = this.shownPersona();
      const allowed = shown && this.store.value.allowsRating(shown.contentRating);
      return !this.noStructuredData && allowed ? productJsonLd(shown, this.t) : null;
    });
  }

  /** Texts in the storefront's language. */
  private get t() {
    return this.store.value.translate(messages);
  }

  /** The listing on screen now, if any. */
  private shownPersona(): PersonaSummary | null {
    if (this.badInput) return null;
    return this.data ?? (this.persona ? (this.loader?.value ?? null) : null);
  }

  /** The first link the host put inside the card, if it is an http(s) link. */
  private fallbackLink(): HTMLAnchorElement | null {
    const link = this.querySelector<HTMLAnchorElement>('a[href]');
    return link && /^https?:$/.test(link.protocol) ? link : null;
  }

  private onSelect(persona: PersonaSummary): void {
    if (!this.emit(new AipSelectEvent({ persona }))) return;
    const link = this.fallbackLink();
    if (link) location.assign(link.href);
  }

  /** After the 18+ dialog: the cover (and its button) is gone when confirmed, so focus goes to the title. */
  private afterAgeDialog = (confirmed: boolean): void => {
    const focus = (selector: string) => this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    if (confirmed) void this.updateComplete.then(() => focus('.select'));
    else focus('[part="reveal-button"]');
  };

  private renderSkeleton() {
    return html`<article part="base" class="skeleton" aria-hidden="true">
      <div part="media" class="media pulse"></div>
      <div part="body" class="body">
        <div class="title line pulse"></div>
        <div class="meta line pulse"></div>
        <div class="tags line pulse"></div>
        <div class="price line pulse"></div>
        <div class="disclosure line pulse"></div>
      </div>
    </article>`;
  }

  private renderError(error: unknown) {
    const notFound = (error as ApiError | undefined)?.code === 'not_found';
    const link = this.fallbackLink();
    const t = this.t;
    // With a fallback link below it, the message and the link read as one box.
    return html`<article part="base" class=${link && !notFound ? 'has-fallback' : ''}>
      <div part="body" class="body state" role="alert">
        <p class="error">${t(notFound ? 'persona.gone' : 'persona.failed')}</p>
        ${notFound ? nothing : html`<p class="meta">${loadFailureHint(error, t)}</p>`}
        ${notFound ? nothing : html`<button type="button" @click=${() => this.loader?.run()}>${t('common.try-again')}</button>`}
        ${link && !notFound ? html`<p class="meta">${t('card.fallback')}</p>` : nothing}
      </div>
    </article>`;
  }

  /** The host's input can't be shown; its fallback link (if any) is shown below. */
  private renderUnusable() {
    return html`<article part="base" class=${this.fallbackLink() ? 'has-fallback' : ''}>
      <div part="body" class="body state"><p class="meta">${this.t('persona.unusable')}</p></div>
    </article>`;
  }

  /** What goes in the image box: the image (or the cover over a rated one), and the availability badge. */
  private renderMedia(p: PersonaSummary) {
    const t = this.t;
    const badge = availabilityBadge(p, this.store.value.formatDate, t);
    // Rated images are never requested until the viewer confirms their age:
    // before that, no URL of one reaches the page.
    const covered = p.contentRating !== 'general' && !this.age.confirmed;
    const img = p.titleImage;
    // Not while off the page: Chromium keeps an image with a srcset made in a never-attached tree for the page's life.
    this.renderedDetached = !this.isConnected;
    const media = this.renderedDetached
      ? nothing
      : covered
        ? html`<div part="rating-cover" class="cover">
            <strong>18+</strong>
            <span>${t('card.cover', { rating: t(`rating.${p.contentRating}`) })}</span>
            <button
              part="reveal-button"
              type="button"
              aria-haspopup="dialog"
              aria-label=${t('card.show-image', { name: p.name })}
              tabindex=${this.tabbable ? nothing : '-1'}
              @click=${() => this.age.open()}
            >
              ${t('card.show')}
            </button>
          </div>`
        : html`<img
            part="image"
            src=${img.url}
            srcset=${img.srcset?.length ? img.srcset.map((s) => `${s.url} ${s.width}w`).join(', ') : nothing}
            sizes=${img.srcset?.length ? this.imageSizes() : nothing}
            alt=${img.alt || t('persona.alt', { name: p.name })}
            width=${img.width}
            height=${img.height}
            loading="lazy"
            decoding="async"
          />`;
    return [
      media,
      badge && this.layout !== 'compact' ? html`<span part="badge" class="badge">${badge}</span>` : nothing,
    ];
  }

  private imageSizes(): string {
    if (this.layout === 'compact') return '64px';
    if (this.layout === 'horizontal') return '(max-width: 480px) 40vw, 200px';
    return '(max-width: 480px) 100vw, 320px';
  }

  /** The name as a heading of the host's level, holding the button that opens the persona. */
  private renderTitle(p: PersonaSummary) {
    const tabindex = this.tabbable ? nothing : '-1';
    const select = () => this.onSelect(p);
    // Three plain templates rather than a static tag: no static-html code in the loader, no per-render key;
    // the button in each rather than a template of its own, which would be one more to clone per card.
    // prettier-ignore
    if (this.headingLevel === 2) return html`<h2 part="title" id="title"><button class="select" type="button" tabindex=${tabindex} @click=${select}>${p.name}</button></h2>`;
    // prettier-ignore
    if (this.headingLevel === 4) return html`<h4 part="title" id="title"><button class="select" type="button" tabindex=${tabindex} @click=${select}>${p.name}</button></h4>`;
    // prettier-ignore
    return html`<h3 part="title" id="title"><button class="select" type="button" tabindex=${tabindex} @click=${select}>${p.name}</button></h3>`;
  }

  private renderCard(p: PersonaSummary) {
    const settings = this.store.value;
    const t = this.t;
    if (!settings.allowsRating(p.contentRating)) {
      return html`<article part="base">
        <div part="body" class="body state"><p class="meta">${t('listing.not-shown')}</p></div>
      </article>`;
    }
    const shown = this.layout === 'compact' ? [] : p.tags.slice(0, this.maxTags);
    const hidden = p.tags.length - shown.length;
    const [media, badge] = this.renderMedia(p);
    return html`<article part="base" aria-labelledby="title">
        <div part="media" class="media">${media}${badge}</div>
        <div part="body" class="body">
          ${this.renderTitle(p)}
          <p part="meta" class="meta">
            ${t.parts('common.by', { creator: html`<bdi>${p.creator.name}</bdi>` })} · ${t(`niche.${p.niche}`)}
          </p>
          ${
            shown.length
              ? html`<ul part="tags" class="tags chips" aria-label=${t('card.tags')}>
                  ${shown.map((tag) => html`<li>${tag}</li>`)}
                  ${hidden > 0 ? html`<li>${t('card.more-tags', { count: hidden })}</li>` : nothing}
                </ul>`
              : nothing
          }
          <p part="price" class="price">
            ${
              p.availability === 'open'
                ? t.parts('common.from', {
                    price: html`<span part="price-amount">${settings.formatMoney(p.commercialPrice)}</span>`,
                  })
                : html`<span class="unavailable"
                    >${t(p.availability === 'assigned' ? 'card.sold' : 'card.unavailable')}</span
                  >`
            }
          </p>
          <p part="disclosure" class="disclosure">${t('common.disclosure')}</p>
        </div>
      </article>
      ${this.age.renderDialog(
        t,
        p,
        () => t('age.text-images', { name: p.name, rating: t(`rating.${p.contentRating}`) }),
        this.afterAgeDialog,
      )}`;
  }

  private renderContent() {
    if (this.badInput) return this.renderUnusable();
    if (this.data) return this.renderCard(this.data);
    if (!this.persona || !this.loader) return this.renderSkeleton();
    return this.loader.render({
      initial: () => this.renderSkeleton(),
      pending: () => this.renderSkeleton(),
      complete: (p) => (p ? this.renderCard(p) : this.renderError({ code: 'not_found' })),
      error: (e) => this.renderError(e),
    });
  }

  override render(): TemplateResult {
    // The fallback is shown only when there is no listing to show; the slot
    // itself always exists, so slotted content is never re-parented.
    const failed = this.badInput || (!this.data && this.persona !== null && this.loader?.status === 3);
    return html`${this.renderContent()}
      <div part="fallback" class="fallback" ?hidden=${!(failed && this.hasFallback())}><slot></slot></div>`;
  }

  /** Whether the host gave content to show when the listing can't be (not just the JSON-LD the card writes). */
  private hasFallback(): boolean {
    return [...this.childNodes].some((n) =>
      n instanceof Element ? n.localName !== 'script' : n.nodeType === Node.TEXT_NODE && !!n.textContent?.trim(),
    );
  }
}
