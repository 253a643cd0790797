import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { toApiError } from '../../api/errors.js';
import type { CatalogParams } from '../../api/client.js';
import {
  AVAILABILITIES,
  CONTENT_RATINGS,
  SORTS,
  isOneOf,
  USE_CASES,
  ratingRank,
  type Availability,
  type ContentRating,
  type PersonaSummary,
  type Sort,
  type UseCase,
} from '../../api/schemas.js';
import { AipElement } from '../../internal/aip-element.js';
import { USE_CASE_LABELS } from '../../internal/labels.js';
import { StorefrontController } from '../storefront/storefront-controller.js';
import { styles } from './catalog.styles.js';

const DEFAULT_PAGE_SIZE = 12;

/** The controls `filters` can name, in the order they appear. */
export const CATALOG_FILTERS = ['search', 'use-case', 'tag', 'availability', 'rating', 'sort'] as const;
export type CatalogFilter = (typeof CATALOG_FILTERS)[number];

const SORT_LABELS: Record<Sort, string> = {
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  name: 'Name',
};

const AVAILABILITY_LABELS: Record<Availability, string> = {
  open: 'Available to license',
  exclusive_active: 'Exclusively licensed',
  assigned: 'Assigned',
};

const RATING_LABELS: Record<ContentRating, string> = {
  general: 'General audiences',
  suggestive: 'Up to suggestive',
  erotic: 'Up to erotic',
  explicit: 'Up to explicit',
};

/** URL parameters `sync-url` writes, prefixed so they don't clash with the host's. */
const URL_KEYS = {
  q: 'aip-q',
  useCase: 'aip-use-case',
  tag: 'aip-tag',
  availability: 'aip-availability',
  rating: 'aip-rating',
  sort: 'aip-sort',
} as const;

const SEARCH_DELAY_MS = 250;
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
 * A toolbar searches, filters (use case, tag, license availability, content
 * rating up to the storefront's limit) and sorts; `filters` picks its
 * controls. With `sync-url` the choices are mirrored into the page URL
 * (`aip-q`, `aip-use-case`, …) so a creator can link to a filtered view.
 *
 * @summary A grid of persona listings.
 * @tag aip-catalog
 *
 * @fires {AipSelectEvent} aip-select - A buyer chose a persona (from a card). Cancelable.
 *
 * @csspart toolbar - The search, filter and sort controls.
 * @csspart search - The search field.
 * @csspart clear - The "Clear filters" button.
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
    task: async ([client, key], { signal }) => {
      const page = await client.catalog(JSON.parse(key) as CatalogParams, { signal });
      this.extra = [];
      this.cursor = page.nextCursor;
      return page;
    },
    // The query as a string, so the task reruns exactly when a parameter changes.
    args: () => [this.store.value.client, JSON.stringify(this.query())] as const,
  });

  private readonly nextPage = new Task(this, {
    autoRun: false,
    task: async ([cursor], { signal }) => {
      const page = await this.store.value.client.catalog({ ...this.query(), cursor: cursor ?? undefined }, { signal });
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
  @state() private q = '';
  @state() private useCase: UseCase | '' = '';
  @state() private tag = '';
  @state() private availability: Availability | '' = '';
  /** The rating chosen in the toolbar; the storefront's limit when empty. */
  @state() private rating: ContentRating | '' = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

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

  /**
   * The toolbar's controls, space-separated, from `search use-case tag availability rating sort`;
   * `none` hides the toolbar. The rating control appears only when the storefront allows rated content.
   */
  @property() filters = 'search use-case availability sort';

  /** Mirror search, filters and sort into the page URL, and start from them. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) this.readUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('creator') && this.creator) {
      this.creator = this.validSlug('creator', this.creator, "is not a creator handle; showing the storefront's.");
    }
  }

  private validSort(): Sort {
    if (isOneOf(SORTS, this.sort)) return this.sort;
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

  /** The API query for the current settings and choices. */
  private query(): CatalogParams {
    const s = this.store.value;
    const rating = this.rating && ratingRank(this.rating) <= ratingRank(s.maxRating) ? this.rating : s.maxRating;
    return {
      creator: (this.creator ?? s.creator) || undefined,
      q: this.q.trim() || undefined,
      useCase: this.useCase || undefined,
      tag: this.tag.trim() || undefined,
      availability: this.availability || undefined,
      rating,
      sort: this.validSort(),
      limit: this.validPageSize(),
    };
  }

  private shownFilters(): Set<CatalogFilter> {
    const names = this.filters.trim().split(/\s+/).filter(Boolean);
    const known = names.filter((n) => isOneOf(CATALOG_FILTERS, n));
    if (known.length !== names.filter((n) => n !== 'none').length) {
      this.warnOnce(
        'filters',
        `filters="${this.filters}" names unknown controls; known: ${CATALOG_FILTERS.join(', ')}.`,
      );
    }
    return new Set(known);
  }

  private get filtered(): boolean {
    return Boolean(this.q.trim() || this.useCase || this.tag.trim() || this.availability || this.rating);
  }

  /** Empties search and filters (the sort stays). */
  clearFilters(): void {
    clearTimeout(this.searchTimer);
    this.q = '';
    this.useCase = '';
    this.tag = '';
    this.availability = '';
    this.rating = '';
    this.writeUrl();
  }

  private readUrl(): void {
    const params = new URLSearchParams(location.search);
    const pick = <T extends string>(key: string, allowed: readonly T[]): T | '' => {
      const value = params.get(key);
      return isOneOf(allowed, value) ? value : '';
    };
    this.q = (params.get(URL_KEYS.q) ?? '').slice(0, 100);
    this.useCase = pick(URL_KEYS.useCase, USE_CASES);
    this.tag = (params.get(URL_KEYS.tag) ?? '').slice(0, 40);
    this.availability = pick(URL_KEYS.availability, AVAILABILITIES);
    this.rating = pick(URL_KEYS.rating, CONTENT_RATINGS);
    const sort = pick(URL_KEYS.sort, SORTS);
    if (sort) this.sort = sort;
  }

  private writeUrl(): void {
    if (!this.syncUrl) return;
    const url = new URL(location.href);
    const values: Record<keyof typeof URL_KEYS, string> = {
      q: this.q.trim(),
      useCase: this.useCase,
      tag: this.tag.trim(),
      availability: this.availability,
      rating: this.rating,
      sort: this.sort === 'newest' ? '' : this.sort,
    };
    for (const [name, key] of Object.entries(URL_KEYS) as [keyof typeof URL_KEYS, string][]) {
      if (values[name]) url.searchParams.set(key, values[name]);
      else url.searchParams.delete(key);
    }
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }

  private onSearch(value: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.q = value;
      this.writeUrl();
    }, SEARCH_DELAY_MS);
  }

  private onChoose(apply: () => void): void {
    apply();
    this.writeUrl();
  }

  /** One labelled select of the toolbar; `anyLabel` adds a first option meaning "no filter". */
  private renderSelect<T extends string>(
    label: string,
    value: T | '',
    options: readonly T[],
    labels: Record<T, string>,
    pick: (value: T | '') => void,
    anyLabel?: string,
  ) {
    const onChange = (e: Event) => {
      const chosen = (e.target as HTMLSelectElement).value;
      this.onChoose(() => pick(isOneOf(options, chosen) ? chosen : ''));
    };
    return html`<label class="field">
      <span>${label}</span>
      <select @change=${onChange}>
        ${anyLabel ? html`<option value="" ?selected=${!value}>${anyLabel}</option>` : nothing}
        ${options.map((o) => html`<option value=${o} ?selected=${value === o}>${labels[o]}</option>`)}
      </select>
    </label>`;
  }

  private renderToolbar() {
    const shown = this.shownFilters();
    if (shown.size === 0) return nothing;
    const maxRating = this.store.value.maxRating;
    const ratings = CONTENT_RATINGS.filter((r) => ratingRank(r) <= ratingRank(maxRating));
    return html`<form
      part="toolbar"
      class="toolbar"
      role="search"
      aria-label="Search and filter ${this.label}"
      @submit=${(e: Event) => e.preventDefault()}
    >
      ${
        shown.has('search')
          ? html`<label class="field search">
              <span>Search</span>
              <input
                part="search"
                type="search"
                .value=${this.q}
                maxlength="100"
                autocomplete="off"
                placeholder="Name, niche, tag…"
                @input=${(e: Event) => this.onSearch((e.target as HTMLInputElement).value)}
              />
            </label>`
          : nothing
      }
      ${
        shown.has('use-case')
          ? this.renderSelect(
              'Use case',
              this.useCase,
              USE_CASES,
              USE_CASE_LABELS,
              (v) => (this.useCase = v),
              'All use cases',
            )
          : nothing
      }
      ${
        shown.has('tag')
          ? html`<label class="field">
              <span>Tag</span>
              <input
                type="text"
                .value=${this.tag}
                maxlength="40"
                autocomplete="off"
                @change=${(e: Event) => this.onChoose(() => (this.tag = (e.target as HTMLInputElement).value))}
              />
            </label>`
          : nothing
      }
      ${
        shown.has('availability')
          ? this.renderSelect(
              'Availability',
              this.availability,
              AVAILABILITIES,
              AVAILABILITY_LABELS,
              (v) => (this.availability = v),
              'Any',
            )
          : nothing
      }
      ${
        shown.has('rating') && ratings.length > 1
          ? this.renderSelect(
              'Content rating',
              this.rating || maxRating,
              ratings,
              RATING_LABELS,
              (v) => (this.rating = v),
            )
          : nothing
      }
      ${
        shown.has('sort')
          ? this.renderSelect('Sort by', this.validSort(), SORTS, SORT_LABELS, (v) => (this.sort = v || 'newest'))
          : nothing
      }
    </form>`;
  }

  /** Loads the catalog again from the first page, skipping the cache. */
  refresh(): void {
    // Only catalog pages: the cards, pickers and policy under the same storefront keep theirs.
    this.store.value.client.clearCache('/v1/catalog');
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
    if (this.filtered) {
      return html`<div part="status" class="state" role="status">
        <p>No personas match this search.</p>
        <p class="hint">Try other words or fewer filters.</p>
        <button part="clear" class="primary" type="button" @click=${() => this.clearFilters()}>Clear filters</button>
      </div>`;
    }
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
      <button class="primary" type="button" @click=${() => this.firstPage.run()}>Try again</button>
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
    return html`${this.renderToolbar()}${this.firstPage.render({
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
