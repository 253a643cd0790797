import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { toApiError } from '../../api/errors.js';
import { SLUG_PATTERN, SORTS, type PersonaSummary, type Sort } from '../../api/schemas.js';
import { AipElement } from '../../internal/aip-element.js';
import { StorefrontController } from '../storefront/storefront-controller.js';
import { styles } from './catalog.styles.js';

const DEFAULT_PAGE_SIZE = 12;
/** Skeletons beyond one screenful only cost time; the grid wraps them anyway. */
const MAX_SKELETONS = 8;

/**
 * The catalog grid: a page of published listings as persona cards, with
 * loading placeholders of the final size, an empty state, an error state with
 * a retry, and "Show more" paging through the API's cursor.
 *
 * Inside `<aip-storefront>` it shows the storefront's creator (or every
 * creator) up to the storefront's content-rating limit.
 *
 * @summary A grid of persona listings.
 * @tag aip-catalog
 *
 * @fires {AipSelectEvent} aip-select - A buyer chose a persona (from a card). Cancelable.
 *
 * @csspart grid - The list of cards.
 * @csspart card - Each `<aip-persona-card>`; its own parts are forwarded as `card-<part>`.
 * @csspart status - The empty and error messages.
 * @csspart more - The "Show more" button.
 *
 * @cssprop --aip-catalog-card-min-width - Narrowest a card may get before the grid drops a column; 220px.
 * @cssprop --aip-catalog-gap - Space between cards; `--aip-space-4` by default.
 */
export class AipCatalog extends AipElement {
  static override styles = [...AipElement.styles, styles];

  private readonly store = new StorefrontController(this);

  private readonly firstPage = new Task(this, {
    task: async ([client, creator, rating, sort, limit], { signal }) => {
      const page = await client.catalog({ creator: creator ?? undefined, rating, sort, limit }, { signal });
      this.extra = [];
      this.cursor = page.nextCursor;
      return page;
    },
    args: () => {
      const s = this.store.value;
      return [s.client, this.creator ?? s.creator, s.maxRating, this.validSort(), this.validPageSize()] as const;
    },
  });

  private readonly nextPage = new Task(this, {
    autoRun: false,
    task: async ([cursor], { signal }) => {
      const s = this.store.value;
      const page = await s.client.catalog(
        {
          creator: (this.creator ?? s.creator) || undefined,
          rating: s.maxRating,
          sort: this.validSort(),
          limit: this.validPageSize(),
          cursor: cursor ?? undefined,
        },
        { signal },
      );
      this.extra = [...this.extra, ...page.items];
      this.cursor = page.nextCursor;
      this.announcement = `${page.items.length} more personas loaded.`;
      return page;
    },
    args: () => [this.cursor] as const,
  });

  /** Listings loaded by "Show more", after the first page. */
  @state() private extra: PersonaSummary[] = [];
  @state() private cursor: string | null = null;
  @state() private announcement = '';

  /** Marketplace base URL when used outside `<aip-storefront>`. */
  @property() api: string | null = null;

  /** Show only this creator's listings; the storefront's creator by default. */
  @property() creator: string | null = null;

  /** Listings per page, 1–100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = DEFAULT_PAGE_SIZE;

  /** Order: `newest` (default), `price_asc`, `price_desc` or `name`. */
  @property() sort: Sort = 'newest';

  /** Accessible name of the list of cards. */
  @property() label = 'Personas';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('creator') && this.creator && !SLUG_PATTERN.test(this.creator)) {
      this.warnOnce('creator', `creator="${this.creator}" is not a creator handle; showing the storefront's.`);
      this.creator = null;
    }
  }

  private validSort(): Sort {
    if ((SORTS as readonly string[]).includes(this.sort)) return this.sort;
    this.warnOnce('sort', `sort="${this.sort}" is not one of ${SORTS.join(', ')}; using newest.`);
    return 'newest';
  }

  private validPageSize(): number {
    const n = this.pageSize;
    if (Number.isInteger(n) && n >= 1 && n <= 100) return n;
    this.warnOnce(
      'page-size',
      `page-size="${this.getAttribute('page-size')}" is not a whole number from 1 to 100; using ${DEFAULT_PAGE_SIZE}.`,
    );
    return DEFAULT_PAGE_SIZE;
  }

  /** Loads the catalog again from the first page, skipping the cache. */
  refresh(): void {
    this.store.value.client.clearCache();
    void this.firstPage.run();
  }

  private renderCards(items: readonly PersonaSummary[]) {
    return html`<ul
      part="grid"
      class="grid"
      role="list"
      aria-label=${this.label}
      aria-busy=${this.nextPage.status === 1 ? 'true' : 'false'}
    >
      ${repeat(
        items,
        (p) => p.id,
        (p) =>
          html`<li>
            <aip-persona-card part="card" .data=${p} exportparts=${CARD_PARTS}></aip-persona-card>
          </li>`,
      )}
    </ul>`;
  }

  private renderSkeletons() {
    const count = Math.min(this.validPageSize(), MAX_SKELETONS);
    return html`<ul part="grid" class="grid" role="list" aria-label=${this.label} aria-busy="true">
      ${Array.from({ length: count }, () => html`<li><aip-persona-card part="card"></aip-persona-card></li>`)}
    </ul>`;
  }

  private renderEmpty() {
    const creator = this.creator ?? this.store.value.creator;
    return html`<div part="status" class="state" role="status">
      <p>No personas to show${creator ? ' from this creator' : ''} yet.</p>
      <p class="hint">New listings appear here as soon as the marketplace publishes them.</p>
    </div>`;
  }

  private renderError(error: unknown) {
    const e = toApiError(error);
    const hint =
      e.code === 'network' || e.code === 'timeout'
        ? 'Check your connection, then try again.'
        : e.code === 'rate_limited'
          ? 'The marketplace is busy. Wait a moment, then try again.'
          : 'The marketplace had a problem. Try again in a moment.';
    return html`<div part="status" class="state error" role="alert">
      <p class="title">The catalog could not be loaded.</p>
      <p class="hint">${hint}</p>
      <button class="primary" type="button" @click=${() => this.refresh()}>Try again</button>
    </div>`;
  }

  private renderMore() {
    if (!this.cursor) return nothing;
    const loading = this.nextPage.status === 1;
    const failed = this.nextPage.status === 3;
    return html`<div class="more">
      ${failed ? html`<p class="error" role="alert">More personas could not be loaded.</p>` : nothing}
      <button
        part="more"
        class="primary"
        type="button"
        aria-disabled=${loading ? 'true' : 'false'}
        @click=${() => !loading && this.nextPage.run()}
      >
        ${loading ? 'Loading…' : failed ? 'Try again' : 'Show more'}
      </button>
    </div>`;
  }

  override render() {
    return html`${this.firstPage.render({
        initial: () => this.renderSkeletons(),
        pending: () => this.renderSkeletons(),
        complete: (page) =>
          page.items.length === 0
            ? this.renderEmpty()
            : html`${this.renderCards([...page.items, ...this.extra])}${this.renderMore()}`,
        error: (e) => this.renderError(e),
      })}
      <p class="visually-hidden" role="status">
        ${this.firstPage.status === 1 ? 'Loading personas…' : this.announcement}
      </p>`;
  }
}

/** Every part of `<aip-persona-card>`, forwarded as `card-<part>`. */
const CARD_PARTS = [
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
]
  .map((p) => `${p}: card-${p}`)
  .join(', ');
