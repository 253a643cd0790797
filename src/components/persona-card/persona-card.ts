import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { literal, html as staticHtml } from 'lit/static-html.js';
import type { ApiError } from '../../api/errors.js';
import { SLUG_PATTERN, type PersonaSummary } from '../../api/schemas.js';
import { AipSelectEvent } from '../../events/select.js';
import { AipElement } from '../../internal/aip-element.js';
import { NICHE_LABELS } from '../../internal/labels.js';
import { StorefrontController } from '../storefront/storefront-controller.js';
import { styles } from './persona-card.styles.js';

/** Card layouts. */
export const CARD_LAYOUTS = ['vertical'] as const;
export type CardLayout = (typeof CARD_LAYOUTS)[number];

const HEADINGS = [literal`h2`, literal`h3`, literal`h4`] as const;

/**
 * One marketplace listing as a card: title image in a reserved box, name,
 * creator, niche, tags, the "from" price, an availability badge and the
 * AI-generated disclosure. Give it a `persona` id to load the listing through
 * the storefront's client, or set `data` to a summary you already have (no
 * request). With neither, it shows a loading placeholder of its final size.
 *
 * Listings rated above `general` never show their image here; the card shows
 * a cover instead, and a listing above the storefront's `max-rating` is not
 * shown at all.
 *
 * @summary A persona listing as a card.
 * @tag aip-persona-card
 *
 * @fires {AipSelectEvent} aip-select - The buyer chose this persona. Cancelable.
 *
 * @csspart base - The card.
 * @csspart media - The image box (fixed aspect ratio).
 * @csspart image - The title image.
 * @csspart rating-cover - What covers the image of rated content.
 * @csspart badge - The availability badge ("Exclusively licensed until …", "Assigned").
 * @csspart body - Everything under the image.
 * @csspart title - The persona's name.
 * @csspart meta - Creator and niche.
 * @csspart tags - The tag list.
 * @csspart price - The "from" price line.
 * @csspart disclosure - The AI-generated, fictional disclosure.
 *
 * @cssprop --aip-persona-card-radius - Corner radius; `--aip-radius-m` by default.
 * @cssprop --aip-persona-card-media-ratio - Aspect ratio of the image box; `4 / 5` by default.
 */
export class AipPersonaCard extends AipElement {
  static override styles = [...AipElement.styles, styles];

  private readonly store = new StorefrontController(this);

  private readonly loader = new Task(this, {
    task: async ([client, id], { signal }) => (id ? client.persona(id, { signal }) : null),
    args: () => [this.store.value.client, this.data ? null : this.validPersonaId()] as const,
  });

  /** Id of the listing to load, e.g. `nova-aurora`. Ignored when `data` is set. */
  @property() persona: string | null = null;

  /** The listing itself, when the host already has it; no request is made. */
  @property({ attribute: false }) data: PersonaSummary | null = null;

  /** Marketplace base URL when used outside `<aip-storefront>`. */
  @property() api: string | null = null;

  /** Card layout. */
  @property({ reflect: true }) layout: CardLayout = 'vertical';

  /** How many tags to show before "+N more". */
  @property({ type: Number, attribute: 'max-tags' }) maxTags = 3;

  /** Heading level of the persona's name (2–4), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout') && !(CARD_LAYOUTS as readonly string[]).includes(this.layout)) {
      this.warnOnce('layout', `layout="${this.layout}" is not one of ${CARD_LAYOUTS.join(', ')}; using vertical.`);
      this.layout = 'vertical';
    }
    if (changed.has('maxTags') && !(Number.isInteger(this.maxTags) && this.maxTags >= 0)) {
      this.warnOnce('max-tags', `max-tags="${this.getAttribute('max-tags')}" is not a whole number; using 3.`);
      this.maxTags = 3;
    }
  }

  private validPersonaId(): string | null {
    if (!this.persona) return null;
    if (SLUG_PATTERN.test(this.persona)) return this.persona;
    this.warnOnce('persona', `persona="${this.persona}" is not a listing id.`);
    return null;
  }

  private onSelect(persona: PersonaSummary): void {
    this.emit(new AipSelectEvent({ persona }));
  }

  private renderSkeleton() {
    return html`<article part="base" class="skeleton" aria-hidden="true">
      <div part="media" class="media"></div>
      <div part="body" class="body">
        <div class="line"></div>
        <div class="line short"></div>
        <div class="line short"></div>
      </div>
    </article>`;
  }

  private renderError(error: unknown) {
    const notFound = (error as ApiError | undefined)?.code === 'not_found';
    return html`<article part="base">
      <div part="media" class="media"></div>
      <div part="body" class="body state" role="alert">
        <p class="error">${notFound ? 'This persona is no longer listed.' : 'This persona could not be loaded.'}</p>
        ${
          notFound
            ? nothing
            : html`<button class="retry" type="button" @click=${() => this.loader.run()}>Try again</button>`
        }
      </div>
    </article>`;
  }

  private renderMedia(p: PersonaSummary) {
    const settings = this.store.value;
    const badge =
      p.availability === 'exclusive_active'
        ? p.exclusiveUntil
          ? `Exclusively licensed until ${settings.formatDate(p.exclusiveUntil)}`
          : 'Exclusively licensed'
        : p.availability === 'assigned'
          ? 'Assigned'
          : null;
    // Rated images are never requested here: no URL reaches the page until a
    // viewer has confirmed their age, which the detail view asks for.
    const media =
      p.contentRating === 'general'
        ? html`<img
            part="image"
            src=${p.titleImage.url}
            alt=${p.titleImage.alt || `${p.name}, AI persona`}
            width=${p.titleImage.width}
            height=${p.titleImage.height}
            loading="lazy"
            decoding="async"
          />`
        : html`<div part="rating-cover" class="cover">
            <strong>18+</strong><span>Image hidden: rated ${p.contentRating}</span>
          </div>`;
    return html`<div part="media" class="media">
      ${media}${badge ? html`<span part="badge" class="badge">${badge}</span>` : nothing}
    </div>`;
  }

  private renderCard(p: PersonaSummary) {
    const settings = this.store.value;
    if (!settings.allowsRating(p.contentRating)) {
      return html`<article part="base">
        <div part="body" class="body state"><p class="meta">This listing is not shown on this site.</p></div>
      </article>`;
    }
    const tag = HEADINGS[Math.min(Math.max(this.headingLevel, 2), 4) - 2] ?? HEADINGS[1];
    const shown = p.tags.slice(0, this.maxTags);
    const hidden = p.tags.length - shown.length;
    return html`<article part="base" aria-labelledby="title">
      ${this.renderMedia(p)}
      <div part="body" class="body">
        ${staticHtml`<${tag} part="title" id="title">
          <button class="select" type="button" @click=${() => this.onSelect(p)}>${p.name}</button>
        </${tag}>`}
        <p part="meta" class="meta">by ${p.creator.name} · ${NICHE_LABELS[p.niche]}</p>
        ${
          shown.length
            ? html`<ul part="tags" class="tags" aria-label="Tags">
                ${shown.map((t) => html`<li>${t}</li>`)} ${hidden > 0 ? html`<li>+${hidden} more</li>` : nothing}
              </ul>`
            : nothing
        }
        <p part="price" class="price">
          ${
            p.availability === 'open'
              ? html`From
                  <aip-price
                    exportparts="base: price-amount"
                    .amount=${p.commercialPrice.amount}
                    currency=${p.commercialPrice.currency}
                  ></aip-price>`
              : html`<span class="unavailable"
                  >${p.availability === 'assigned' ? 'No longer for sale' : 'Not available now'}</span
                >`
          }
        </p>
        <p part="disclosure" class="disclosure">AI-generated · fictional persona</p>
      </div>
    </article>`;
  }

  override render() {
    if (this.data) return this.renderCard(this.data);
    if (!this.persona) return this.renderSkeleton();
    return this.loader.render({
      initial: () => this.renderSkeleton(),
      pending: () => this.renderSkeleton(),
      complete: (p) => (p ? this.renderCard(p) : this.renderError({ code: 'not_found' })),
      error: (e) => this.renderError(e),
    });
  }
}
