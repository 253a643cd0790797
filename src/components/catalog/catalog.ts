import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
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
  type Persona,
  type PersonaSummary,
  type Sort,
  type UseCase,
} from '../../api/schemas.js';
import { AipSelectEvent } from '../../events/select.js';
import { AipListViewEvent } from '../../events/view.js';
import { AipElement, kindOf } from '../../internal/aip-element.js';
import { isolate } from '../../internal/bidi.js';
import { sayAgain } from '../../internal/live-region.js';
import { isOffline, loadFailureHint } from '../../internal/failure.js';
import { showModal } from '../../internal/modal.js';
import { markChecked } from '../../internal/checked.js';
import { RowWindow } from '../../internal/row-window.js';
import { SlowController } from '../../internal/slow.js';
import { CARD_PARTS, type AipPersonaCard } from '../persona-card/persona-card.js';
import type { AipPersonaDetail } from '../persona-detail/persona-detail.js';
import { styleProperties } from '../../internal/style-properties.js';
import { itemListJsonLd, scheduleJsonLd } from '../../internal/structured-data.js';
import { reservedHeight } from '../../internal/define.js';
import { dialogStyles } from '../../styles/dialog.js';
import { shapeStyles } from '../../styles/shapes.js';
import messages from '../../locales/en/core.js';
import type { CoreMessageId } from '../../locales/ids.js';
import { StorefrontController } from '../storefront/storefront-controller.js';
import { styles } from './catalog.styles.js';

const DEFAULT_PAGE_SIZE = 12;
const DEFAULT_FILTERS = 'search use-case availability sort';

/** The controls `filters` can name, in the order they appear. */
export const CATALOG_FILTERS = ['search', 'use-case', 'tag', 'availability', 'rating', 'sort'] as const;
export type CatalogFilter = (typeof CATALOG_FILTERS)[number];

/** URL parameters `sync-url` writes, prefixed so they don't clash with the host's. */
const URL_KEYS = {
  q: 'aip-q',
  useCase: 'aip-use-case',
  tag: 'aip-tag',
  availability: 'aip-availability',
  rating: 'aip-rating',
  sort: 'aip-sort',
} as const;

/** Paging: a "Show more" button, or pages loading as the end of the list scrolls near. */
export const CATALOG_PAGING = ['more', 'infinite'] as const;
export type CatalogPaging = (typeof CATALOG_PAGING)[number];

/**
 * Past this many listings the grid renders only the rows near the viewport, so
 * memory stays flat however far a buyer scrolls. Below it, every card is in
 * the DOM.
 */
const WINDOW_AFTER = 96;
/** How far below the viewport the end of the list starts the next page, in infinite paging. */
const INFINITE_MARGIN_PX = 600;
/** Input that may scroll the page: in infinite paging, each is a chance to load the next page. */
const SCROLL_INPUT = ['wheel', 'touchmove', 'keydown'] as const;

const SEARCH_DELAY_MS = 250;
/** The longest each next screenful of the list waits for what is drawn to be painted. */
const DRAW_REST_WITHIN_MS = 100;

/** How long a chosen persona's code may take to arrive before the live region says it is opening. */
const OPENING_SAID_AFTER_MS = 1000;
/** Every part of the cards, forwarded as `card-<part>`. */
const FORWARDED_CARD_PARTS = CARD_PARTS.map((p) => `${p}: card-${p}`).join(', ');

/** Whether a click on an element itself fell outside its box: on a modal dialog's backdrop. */
function onBackdrop({ target, currentTarget, clientX: x, clientY: y }: MouseEvent): boolean {
  const box = (currentTarget as Element).getBoundingClientRect();
  return target === currentTarget && (x < box.left || x > box.right || y < box.top || y > box.bottom);
}

/** Skeletons beyond one screenful only cost time; the grid wraps them anyway. */
const MAX_SKELETONS = 8;
/**
 * How long a new catalog keeps the space the page gave it blank before it draws placeholders: a first page that
 * answers sooner is drawn in the first frame, with no placeholders flashing before it (and no frame of them to
 * paint while the answer waits).
 */
const PLACEHOLDERS_AFTER_MS = 250;

/**
 * The catalog grid: a page of published listings as persona cards, with
 * loading placeholders of the final size, an empty state, an error state with
 * a retry, and "Show more" paging through the API's cursor.
 *
 * Inside `<aip-storefront>` it shows the storefront's creator (or every
 * creator) up to the storefront's content-rating limit.
 *
 * **Loading:** until its first page arrives, the catalog keeps the space the
 * page reserved for it before it was defined (the README's `:not(:defined)`
 * rule), blank, for up to a quarter of a second: a first page that comes
 * sooner is drawn at once, with no placeholders before it; a slower one gets
 * placeholders of the cards' size.
 *
 * A toolbar searches, filters (use case, tag, license availability, content
 * rating up to the storefront's limit) and sorts; `filters` picks its
 * controls. With `sync-url` the choices are mirrored into the page URL
 * (`aip-q`, `aip-use-case`, …) so a creator can link to a filtered view.
 *
 * **Choosing a persona:** a card's title (or Enter on it) fires `aip-select`
 * from the catalog. Unless a listener cancels it, the catalog opens the
 * persona's `<aip-persona-detail>` in a modal `<dialog>`, with an
 * `<aip-checkout>` for the tier the buyer picks and an `<aip-custom-order>`
 * brief, so the dialog is the whole way to buy; cancel it to navigate yourself.
 *
 * **Keyboard:** Tab reaches one card; the arrow keys move between cards (Up
 * and Down by row), Home and End go to the first and last loaded card, Enter
 * opens the focused one. After "Show more", focus moves to the first new card;
 * when the list changes under the focused control (cleared filters, the last
 * page loaded) focus stays in the catalog rather than falling to the page.
 * After a search, filter or sort, a status line tells screen readers how many
 * personas are shown.
 *
 * **Structured data:** the catalog writes one schema.org `ItemList` of the
 * first page's general-audience listings as JSON-LD into its light DOM, where
 * crawlers read it (its cards write none of their own), once the page is idle.
 *
 * **Long catalogs:** with `paging="infinite"` the next page loads as the end of
 * the list nears the viewport ("Show more" stays as a fallback), one page each
 * time the buyer scrolls there: never page after page with no one scrolling.
 * Past a few pages only the rows near the viewport are rendered, so a
 * 10 000-listing catalog scrolls with flat memory. A fresh list draws the
 * cards that fill the screen first and the rest once those are painted; the
 * list is `aria-busy` until then, and `updateComplete` waits for them.
 *
 * @summary A grid of persona listings.
 * @tag aip-catalog
 *
 * @fires {AipSelectEvent} aip-select - A buyer chose a persona (from a card). Cancelable: cancel it to stop the detail dialog opening.
 * @fires {AipListViewEvent} aip-list-view - A page of listings was shown (for analytics); `detail`: `items` (those listings), `offset` (the list position of the first of them: 0 for a new list, then running on with each "Show more") and `creator` (the creator shown, or null for every creator).
 *
 * @csspart toolbar - The search, filter and sort controls.
 * @csspart search - The search field.
 * @csspart clear - The "Clear filters" button.
 * @csspart grid - The list of cards.
 * @csspart card - Each `<aip-persona-card>`; its own parts are forwarded as `card-<part>`.
 * @csspart status - The empty and error messages, and the note when a chosen persona could not be opened.
 * @csspart slow - The note over the loading placeholders when an answer is slow to come.
 * @csspart more - The "Show more" button.
 * @csspart detail-dialog - The modal `<dialog>` that shows a chosen persona.
 * @csspart close-button - The dialog's close button.
 * @csspart detail - The `<aip-persona-detail>` in the dialog.
 * @csspart checkout - The `<aip-checkout>` in the dialog's detail.
 * @csspart custom-order - The `<aip-custom-order>` in the dialog's detail.
 *
 * @cssprop --aip-catalog-card-min-width - Narrowest a card may get before the grid drops a column; 220px.
 * @cssprop --aip-catalog-gap - Space between cards; `--aip-space-4` by default.
 * @cssprop --aip-catalog-sticky-top - How far from the top of the view the "could not be opened" note sticks while the buyer scrolls the list; `--aip-space-2` by default. Set it below a sticky header of the page's own.
 */
export class AipCatalog extends AipElement {
  static override styles = [...AipElement.styles, dialogStyles, shapeStyles, styles];

  private readonly store = new StorefrontController(this, (id) => void this.reloadListing(id));
  private readonly rows = new RowWindow(this);
  /** Whether the first page is taking long. */
  private readonly waiting = new SlowController(this, () => this.firstPage.status === TaskStatus.PENDING);

  private readonly firstPage = new Task(this, {
    task: async ([client, key], { signal }) => {
      // A page of the list being replaced would not belong to the new one (and would hold its paging back).
      this.nextPage.abort();
      const params = JSON.parse(key) as CatalogParams;
      const request = this.store.send(signal, () => client.catalog(params, { signal }));
      // The first money format loads the browser's locale data (tens of ms):
      // do it while the request is on the wire, not after it answers.
      this.store.value.formatMoney({ amount: 0, currency: this.store.value.currency });
      const page = await request;
      this.list += 1;
      // A persona that could not be opened belongs to the list before.
      this.openError = '';
      markChecked(page.items);
      this.listings = page.items;
      // No placeholders to measure (the first page came before they were drawn): one card, and the screenful
      // it measures in the same task (drawRest).
      this.measureFirst = !this.windowed && !this.renderRoot.querySelector('.grid');
      this.drawn = this.windowed ? Infinity : this.measureFirst ? 1 : this.screenful(true);
      this.cursor = page.nextCursor;
      this.active = 0;
      // After a search, filter or sort the buyer made, say how many came back, or
      // that none did; otherwise nothing, and never an older message.
      const count = page.items.length;
      this.announcement = this.announceResults
        ? count
          ? this.t('catalog.results', { count })
          : this.emptyText().join(' ')
        : '';
      this.announceResults = false;
      this.emit(new AipListViewEvent({ items: page.items, offset: 0, creator: params.creator ?? null }));
      return page;
    },
    // The query as a string, so the task reruns exactly when a parameter changes.
    args: () => [this.store.value.client, JSON.stringify(this.query())] as const,
  });

  private readonly nextPage = new Task(this, {
    autoRun: false,
    task: async ([cursor], { signal }) => {
      const { client } = this.store.value;
      const query = this.query();
      const list = this.list;
      let page;
      try {
        page = await client.catalog({ ...query, cursor: cursor ?? undefined }, { signal });
      } catch (error) {
        if (signal.aborted) return initialState;
        this.moreFailedFor = list;
        throw error;
      }
      // The filters (or the marketplace) changed while this page loaded: it belongs to a list no longer shown.
      if (
        list !== this.list ||
        client !== this.store.value.client ||
        JSON.stringify(query) !== JSON.stringify(this.query())
      ) {
        return initialState;
      }
      const first = this.listings.length;
      markChecked(page.items);
      if (!this.windowed && first + page.items.length > WINDOW_AFTER) this.windowFromHere();
      this.listings = [...this.listings, ...page.items];
      this.cursor = page.nextCursor;
      // Below the fold, mostly, and one long task on a slow phone: drawn a screenful at a time, as a fresh list is.
      this.drawn = this.windowed ? Infinity : first + this.screenful();
      // Asked for with the button, or loaded by infinite paging while the button had
      // focus (the new cards would push it far down): the buyer goes on reading at the first new card.
      const onButton = this.focusedInside()?.matches('[part~="more"]') ?? false;
      if ((this.focusNewCards || onButton) && page.items.length) void this.focusCard(first);
      this.focusNewCards = false;
      this.emit(new AipListViewEvent({ items: page.items, offset: first, creator: query.creator ?? null }));
      // Said again after another page of the same size, which an unchanged region would not be.
      sayAgain(
        this,
        () => this.announcement,
        (said) => (this.announcement = said),
        this.t('catalog.more-loaded', { count: page.items.length }),
      );
      // The new cards may not fill the screen: infinite paging keeps going.
      void this.updateComplete.then(() => requestAnimationFrame(() => this.loadMoreIfNear(true)));
      return page;
    },
    args: () => [this.cursor] as const,
  });

  /** Every listing loaded so far, in order: the first page, then each next one. */
  @state() private listings: PersonaSummary[] = [];
  @state() private cursor: string | null = null;
  @state() private announcement = '';
  @state() private q = '';
  @state() private useCase: UseCase | '' = '';
  @state() private tag = '';
  @state() private availability: Availability | '' = '';
  /** The rating chosen in the toolbar; the storefront's limit when empty. */
  @state() private rating: ContentRating | '' = '';
  /** The card Tab reaches (roving tabindex), by position in the list. */
  @state() private active = 0;
  /** Columns of the grid at its current width, by the grid's own rule (for Up/Down and the windowed rows). */
  @state() private columns = 1;
  /**
   * How many cards of the list are drawn: a fresh list's first screenful, so the first cards show without waiting
   * for those below the fold, or a new page's first screenful. The rest follow a screenful per frame
   * (`drawingRest`), so no task draws a whole page.
   */
  private drawn = Infinity;
  private drawingRest: Promise<void> | null = null;
  /** A first list drawn with no placeholders to measure drew one card: the rest of the screenful waits for its size. */
  private measureFirst = false;
  /** The height the page reserved for the catalog before it was defined, kept while the first page is on its way. */
  private readonly reserved = reservedHeight(this);
  /** Whether the catalog is still keeping that space blank: nothing shown yet, and not for `PLACEHOLDERS_AFTER_MS`. */
  private held = true;
  /** Counts first pages shown: a failed "Show more" belongs to the list it was asked for. */
  private list = 0;
  private moreFailedFor = -1;
  /** Whether the next first page answers a change the buyer made (and so is announced). */
  private announceResults = false;
  /** Whether the page being loaded was asked for with "Show more" (its first card then takes focus). */
  private focusNewCards = false;
  /** Whether focus was inside the catalog when the current update began. */
  private hadFocus = false;
  /** Whether what had focus then was in the viewport. */
  private focusInView = false;
  /** Focus fell out of the catalog while nothing could take it (a new list loading): give it back once something can. */
  private refocusWhenLoaded = false;
  /** The persona shown in the detail dialog. */
  @state() private selected: PersonaSummary | null = null;
  /** The name of the persona last chosen, when it could not be opened (said above the grid). */
  @state() private openError = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the buyer typed in the search box and the catalog has not searched for yet. */
  private typed: string | null = null;
  /**
   * Hears the catalog's width change. Made in the realm of the document the
   * catalog is in: one from this page's realm, watching a catalog in a frame
   * that is then removed, would report the browser's "ResizeObserver loop"
   * error on the host page in every frame from then on.
   */
  private resizeObserver: ResizeObserver | null = null;
  private readonly endObserver = new IntersectionObserver(
    (entries) => entries.some((e) => e.isIntersecting) && this.loadMoreIfNear(),
    { rootMargin: `0px 0px ${INFINITE_MARGIN_PX}px 0px` },
  );
  private observedEnd: Element | null = null;

  @query('dialog.detail') private detailDialog!: HTMLDialogElement | null;
  @query('.probe') private probe!: HTMLElement | null;

  /** Marketplace base URL when used outside `<aip-storefront>`. */
  @property() api: string | null = null;

  /** Show only this creator's listings; the storefront's creator by default. */
  @property() creator: string | null = null;

  /** Listings per page, 1–100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = DEFAULT_PAGE_SIZE;

  /** Order: `newest` (default), `price_asc`, `price_desc` or `name`. */
  @property() sort: Sort = 'newest';

  /** Accessible name of the list of cards; "Personas" in the storefront's language by default. */
  @property() label: string | null = null;

  /**
   * The toolbar's controls, space-separated, from `search use-case tag availability rating sort`;
   * `none` hides the toolbar. The rating control appears only when the storefront allows rated content.
   */
  @property() filters = DEFAULT_FILTERS;

  /**
   * Mirror search, filters and sort into the page URL (`aip-q`, `aip-use-case`, `aip-tag`, `aip-availability`,
   * `aip-rating`, `aip-sort`), and start from them; Back, Forward and a single-page app's own navigation
   * (`pushState` followed by a `popstate` event, as routers send) are followed too when they change the query
   * (a fragment link doesn't). A URL without `aip-sort` means the `sort` attribute's order.
   */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Don't write schema.org JSON-LD into the light DOM. */
  @property({ type: Boolean, attribute: 'no-structured-data' }) noStructuredData = false;

  /** `more` (default): a "Show more" button loads the next page. `infinite`: pages load as the buyer scrolls. */
  @property() paging: CatalogPaging = 'more';

  /** Heading level of the cards' names (2–4), to fit the host page's outline: 2 under the page's `h1`. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) this.readUrl();
    // A single-page app's Back and Forward (and its own links to a filtered view) change the URL without a load.
    addEventListener('popstate', this.onHistory);
    addEventListener('online', this.onOnline);
    const realm = this.ownerDocument.defaultView ?? window;
    if (!(this.resizeObserver instanceof realm.ResizeObserver)) {
      // Measured in the next frame: re-laying out rows inside the observer's callback
      // would trip the same error.
      this.resizeObserver = new realm.ResizeObserver(() => requestAnimationFrame(() => this.measureColumns()));
    }
    this.resizeObserver.observe(this);
    if (this.held) setTimeout(() => this.held && ((this.held = false), this.requestUpdate()), PLACEHOLDERS_AFTER_MS);
    // Moved while the buyer was typing: the search they typed still runs.
    if (this.typed !== null) this.onSearch(this.typed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    removeEventListener('popstate', this.onHistory);
    removeEventListener('online', this.onOnline);
    this.resizeObserver?.disconnect();
    this.watchEnd(null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.store.localeChanged()) this.announcement = '';
    if (changed.has('creator') && this.creator) {
      this.creator = this.validSlug('creator', this.creator, "is not a creator handle; showing the storefront's.");
    }
    // Removed, or set back to undefined: the defaults (which a bad value also falls back to, with a warning).
    this.sort ??= 'newest';
    this.pageSize ??= DEFAULT_PAGE_SIZE;
    if (changed.has('paging') && !isOneOf(CATALOG_PAGING, this.paging)) {
      this.warnIfSet(
        this.paging,
        'paging',
        `paging="${this.paging}" is not one of ${CATALOG_PAGING.join(', ')}; using more.`,
      );
      this.paging = 'more';
    }
    if (changed.has('headingLevel')) this.headingLevel = this.headingLevelIn(this.headingLevel, 2, 4, 3);
    const focused = this.focusedInside();
    this.hadFocus = focused !== null;
    const box = focused?.getBoundingClientRect();
    this.focusInView = box ? box.bottom > 0 && box.top < innerHeight : false;
  }

  protected override updated(): void {
    // The focused control went away with this render (a card rebuilt when the
    // grid turned windowed, "Show more" after the last page, "Clear filters"):
    // focus would fall to the page's <body>, so it stays in the catalog instead.
    if (this.hadFocus && this.focusedInside() === null && focusIsLost()) this.recoverFocus(this.focusInView);
    else if (this.refocusWhenLoaded && this.firstPage.status !== 1) {
      this.refocusWhenLoaded = false;
      if (focusIsLost()) this.recoverFocus(true);
    }
    this.rows.measure(this.renderRoot.querySelector<HTMLElement>('.windowed'));
    if (this.drawn < this.listings.length) this.drawingRest ??= this.drawRest();
    this.writeStructuredData();
    this.watchEnd(this.paging === 'infinite' ? this.renderRoot.querySelector('.more') : null);
  }

  /**
   * The cards that fill a viewport, in whole rows, measured on the grid's first item: a placeholder of a fresh
   * list (they have the cards' size) or a card. `fromGrid`: only from where the grid starts down, for the first
   * cards of a fresh list. All of them when there is nothing laid out to tell.
   */
  private screenful(fromGrid = false): number {
    const box = this.renderRoot.querySelector('.grid > [role="listitem"]')?.getBoundingClientRect();
    if (!box?.height) return Infinity;
    this.measureColumns();
    return Math.max(1, Math.ceil((innerHeight - (fromGrid ? Math.max(0, box.top) : 0)) / box.height)) * this.columns;
  }

  /**
   * The list is about to turn windowed: its window starts at the rows in view, at the row height the plain grid
   * has, not at the top with a guess (a view at the end of the list would see only padding, and the browser's
   * scroll anchoring would then carry it down with the padding as the rows were measured).
   */
  private windowFromHere(): void {
    const grid = this.renderRoot.querySelector<HTMLElement>('.grid');
    if (grid) this.rows.startFrom(grid, Math.ceil(this.listings.length / this.columns));
  }

  /**
   * Draws the next screenful of the list once what is drawn has been painted: a frame, then a task (the update
   * after it asks for the next, until every card is drawn). A page that paints no frames gets them after a moment
   * all the same: a screenful at a time in a frame out of view, and all at once in a hidden tab, whose timers
   * the browser slows to one a second.
   */
  private drawRest(): Promise<void> | null {
    if (this.measureFirst) {
      // Not from an update still showing the blank space: from the one that draws the first card.
      const card = this.renderRoot.querySelector<AipPersonaCard>('aip-persona-card');
      if (!card) return null;
      this.measureFirst = false;
      // Before the frame: the card, once rendered, is laid out to measure the screenful it starts.
      return card.updateComplete.then(() => {
        this.drawn = Math.max(this.drawn, this.screenful(true));
        this.drawingRest = null;
        this.requestUpdate();
      });
    }
    return new Promise((done) => {
      const rest = () => {
        clearTimeout(timer);
        cancelAnimationFrame(frame);
        setTimeout(() => {
          this.drawn = document.hidden ? Infinity : this.drawn + this.screenful();
          this.drawingRest = null;
          this.requestUpdate();
          done();
        });
      };
      const frame = requestAnimationFrame(rest);
      const timer = setTimeout(rest, DRAW_REST_WITHIN_MS);
    });
  }

  /** Waits until the card at `index` is drawn, not for the rest of the list. */
  private async drawnUpTo(index: number): Promise<void> {
    await super.getUpdateComplete();
    while (index >= this.drawn && this.drawingRest) {
      await this.drawingRest;
      await super.getUpdateComplete();
    }
  }

  /** Also waits for the rest of the list to be drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.drawnUpTo(Infinity);
    return super.getUpdateComplete();
  }

  /**
   * Infinite paging watches the end of the list (the "Show more" row) coming into reach, and the buyer's input
   * that may scroll; `null` stops both.
   */
  private watchEnd(end: Element | null): void {
    const was = this.observedEnd;
    if (end === was) return;
    if (was) this.endObserver.unobserve(was);
    if (end) this.endObserver.observe(end);
    this.observedEnd = end;
    if (!was === !end) return;
    for (const type of SCROLL_INPUT) {
      if (end) addEventListener(type, this.onScrollInput, { capture: true, passive: true });
      else removeEventListener(type, this.onScrollInput, { capture: true });
    }
    if (!end) {
      cancelAnimationFrame(this.inputFrame);
      this.inputFrame = 0;
    }
  }

  /** The element of the catalog's own shadow tree that has focus (or contains it), if any. */
  private focusedInside(): Element | null {
    return (this.renderRoot as ShadowRoot).activeElement ?? null;
  }

  /**
   * Puts focus back on the active card, else the toolbar or the state's own
   * button. `inView`: whether what had focus was in view; if not, the buyer
   * scrolled away from it, and the page is not scrolled back to it.
   */
  private recoverFocus(inView: boolean): void {
    if (this.listings.length && this.renderRoot.querySelector('aip-persona-card[data-index]')) {
      const index = Math.min(this.active, this.listings.length - 1);
      if (inView) {
        void this.focusCard(index);
        return;
      }
      // Scrolling back each time a card the buyer scrolled away from is rebuilt (or its row leaves the window)
      // would keep the list from being scrolled at all. Windowed, the Tab stop goes to a card in view.
      const card = this.cardAt(index) ?? this.cardAt(this.rows.firstVisible * this.columns);
      if (!card) return;
      this.active = Number(card.dataset.index);
      // A card rendered in this update draws its own controls a moment later.
      void card.updateComplete.then(() => card.focus({ preventScroll: true }));
      return;
    }
    const control = this.renderRoot.querySelector<HTMLElement>(
      '.toolbar input, .toolbar select, [part="status"] button, .more button',
    );
    if (control) control.focus();
    else this.refocusWhenLoaded = true;
  }

  private describedPage: unknown = undefined;

  /** The first page as JSON-LD, rewritten only when the page or the setting changes. */
  private writeStructuredData(): void {
    const page = this.noStructuredData ? null : (this.firstPage.value ?? null);
    if (page === this.describedPage) return;
    this.describedPage = page;
    const settings = this.store.value;
    scheduleJsonLd(this, () =>
      page
        ? itemListJsonLd(
            page.items.filter((p) => settings.allowsRating(p.contentRating)),
            this.t,
          )
        : null,
    );
  }

  /** Texts in the storefront's language. */
  private get t() {
    return this.store.value.translate(messages);
  }

  /** The accessible name of the list: the host's, or the built-in one. */
  private get listLabel(): string {
    return this.label ?? this.t('catalog.label');
  }

  /** Where the end of the list was in the viewport when infinite paging last asked for a page by itself. */
  private endTopAtLoad: number | null = null;

  /**
   * In infinite paging, loads the next page when the end of the list is near the viewport. `afterPage`: asked
   * as a page has just been added (it may not fill the screen), which goes on only if the end moved down with
   * it. Where the page ends, the browser may instead keep the view at the end as the list grows: pages would
   * load one after another with no one scrolling, over a blank screen. The next page then waits for the end to
   * come into reach again, or for the buyer to scroll (wheel, touch, keys).
   */
  private loadMoreIfNear(afterPage = false): void {
    const end = this.observedEnd;
    if (!end || !this.cursor || this.nextPage.status === TaskStatus.PENDING || this.moreFailed) return;
    const { top } = end.getBoundingClientRect();
    // A hidden catalog (display: none) has no box and never pages on its own.
    if (end.getClientRects().length === 0 || top > innerHeight + INFINITE_MARGIN_PX) return;
    if (afterPage && this.endTopAtLoad !== null && top <= this.endTopAtLoad + 1) return;
    this.endTopAtLoad = top;
    void this.nextPage.run();
  }

  private inputFrame = 0;
  /** The buyer may have scrolled (even at the page's end, where nothing moves): the end may be in reach. */
  private readonly onScrollInput = (): void => {
    if (!this.observedEnd || this.inputFrame) return;
    this.inputFrame = requestAnimationFrame(() => {
      this.inputFrame = 0;
      this.loadMoreIfNear();
    });
  };

  /** Grid columns at the current width, by the same rule as CSS `auto-fill`. */
  private measureColumns(): void {
    const probe = this.probe;
    if (!probe) return;
    const style = getComputedStyle(probe);
    // Percentages don't resolve on an element that isn't laid out; fall back to the default.
    const min = parseFloat(style.width) || 220;
    const gap = parseFloat(style.height) || 0;
    const width = this.getBoundingClientRect().width;
    const columns = Math.max(1, Math.floor((width + gap) / (min + gap)));
    if (columns !== this.columns) {
      this.columns = columns;
      // Row r now holds other cards: heights measured at the old count would misplace the window.
      this.rows.forgetHeights();
    }
  }

  /** Whether the grid renders only the rows near the viewport. */
  private get windowed(): boolean {
    return this.listings.length > WINDOW_AFTER;
  }

  private validSort(): Sort {
    if (isOneOf(SORTS, this.sort)) return this.sort;
    this.warnIfSet(this.sort, 'sort', `sort="${this.sort}" is not one of ${SORTS.join(', ')}; using newest.`);
    return 'newest';
  }

  private validPageSize(): number {
    const n = this.pageSize;
    if (Number.isInteger(n) && n >= 1 && n <= 100) return n;
    this.warnIfSet(
      n,
      'page-size',
      `${this.quoted('page-size', n)} is not a whole number from 1 to 100; using ${DEFAULT_PAGE_SIZE}.`,
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
    // Removed, or set back to undefined: the default controls.
    const filters: unknown = this.filters ?? DEFAULT_FILTERS;
    if (typeof filters !== 'string') {
      this.warnOnce('filters', `filters was set to ${kindOf(filters)}, not a list of names; showing none.`);
      return new Set();
    }
    const names = filters.trim().split(/\s+/).filter(Boolean);
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
    this.typed = null;
    this.announceResults = true;
    this.q = '';
    this.useCase = '';
    this.tag = '';
    this.availability = '';
    this.rating = '';
    this.writeUrl();
  }

  private readonly onHistory = (): void => {
    // A fragment link or a scrollspy's hash changes fire popstate too: only a change of the query is navigation.
    if (!this.syncUrl || location.search === this.seenSearch) return;
    clearTimeout(this.searchTimer);
    this.typed = null;
    this.announceResults = true;
    this.readUrl();
  };

  /** The sort the page asked for, before the URL's: what a URL without a sort means. */
  private pageSort: Sort | null = null;

  /** The query string the catalog last read or wrote. */
  private seenSearch = '';

  private readUrl(): void {
    this.pageSort ??= this.sort;
    this.seenSearch = location.search;
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
    this.sort = pick(URL_KEYS.sort, SORTS) || this.pageSort;
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
      sort: this.sort === (this.pageSort ?? 'newest') ? '' : this.sort,
    };
    for (const [name, key] of Object.entries(URL_KEYS) as [keyof typeof URL_KEYS, string][]) {
      if (values[name]) url.searchParams.set(key, values[name]);
      else url.searchParams.delete(key);
    }
    if (url.href !== location.href) history.replaceState(history.state, '', url);
    this.seenSearch = location.search;
  }

  private onSearch(value: string): void {
    clearTimeout(this.searchTimer);
    this.typed = value;
    this.searchTimer = setTimeout(() => {
      this.typed = null;
      this.announceResults = true;
      this.q = value;
      this.writeUrl();
    }, SEARCH_DELAY_MS);
  }

  private onChoose(apply: () => void): void {
    this.announceResults = true;
    apply();
    this.writeUrl();
  }

  /**
   * One labelled select of the toolbar; each option's text is the message `prefix` + its value.
   * `anyLabel` adds a first option meaning "no filter".
   */
  private renderSelect<T extends string>(
    label: string,
    value: T | '',
    options: readonly T[],
    prefix: string,
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
        ${options.map(
          (o) => html`<option value=${o} ?selected=${value === o}>${this.t(`${prefix}${o}` as CoreMessageId)}</option>`,
        )}
      </select>
    </label>`;
  }

  private renderToolbar() {
    const shown = this.shownFilters();
    if (shown.size === 0) return nothing;
    const maxRating = this.store.value.maxRating;
    const ratings = CONTENT_RATINGS.filter((r) => ratingRank(r) <= ratingRank(maxRating));
    const t = this.t;
    return html`<form
      part="toolbar"
      class="toolbar"
      role="search"
      aria-label=${t('catalog.toolbar', { label: this.listLabel })}
      @submit=${(e: Event) => e.preventDefault()}
    >
      ${
        shown.has('search')
          ? html`<label class="field search">
              <span>${t('catalog.search')}</span>
              <input
                part="search"
                type="search"
                .value=${this.q}
                maxlength="100"
                autocomplete="off"
                placeholder=${t('catalog.search-placeholder')}
                @input=${(e: Event) => this.onSearch((e.target as HTMLInputElement).value)}
              />
            </label>`
          : nothing
      }
      ${
        shown.has('use-case')
          ? this.renderSelect(
              t('catalog.use-case'),
              this.useCase,
              USE_CASES,
              'use-case.',
              (v) => (this.useCase = v),
              t('catalog.any-use-case'),
            )
          : nothing
      }
      ${
        shown.has('tag')
          ? html`<label class="field">
              <span>${t('catalog.tag')}</span>
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
              t('catalog.availability'),
              this.availability,
              AVAILABILITIES,
              'availability.',
              (v) => (this.availability = v),
              t('catalog.any-availability'),
            )
          : nothing
      }
      ${
        shown.has('rating') && ratings.length > 1
          ? this.renderSelect(
              t('catalog.rating'),
              this.rating || maxRating,
              ratings,
              'rating-filter.',
              (v) => (this.rating = v),
            )
          : nothing
      }
      ${
        shown.has('sort')
          ? this.renderSelect(t('catalog.sort'), this.validSort(), SORTS, 'sort.', (v) => (this.sort = v || 'newest'))
          : nothing
      }
    </form>`;
  }

  /**
   * A listing changed (a sale on this page; a newer version loaded for any
   * element): load it again and update its card in place.
   */
  private async reloadListing(id: string): Promise<void> {
    if (!this.listings.some((p) => p.id === id)) return;
    try {
      this.showAsLoaded(await this.store.value.client.persona(id));
    } catch (error) {
      this.warnOnce(`reload-${id}`, `listing ${id} changed but could not be reloaded (${(error as Error).message}).`);
    }
  }

  /**
   * Shows a listing's card as the marketplace last described it (availability
   * badge, price), keeping the scroll position and the pages already loaded.
   */
  private showAsLoaded(fresh: Persona): void {
    const card = (p: PersonaSummary) => JSON.stringify([p.availability, p.exclusiveUntil, p.commercialPrice]);
    const at = this.listings.findIndex((p) => p.id === fresh.id);
    const shown = this.listings[at];
    if (!shown || card(shown) === card(fresh)) return;
    const { availability, exclusiveUntil, commercialPrice } = fresh;
    const updated = { ...shown, availability, exclusiveUntil, commercialPrice };
    markChecked([updated]);
    this.listings = this.listings.map((p, i) => (i === at ? updated : p));
  }

  /** Loads the catalog again from the first page, skipping the cache. */
  refresh(): void {
    // Only catalog pages: the cards, pickers and policy under the same storefront keep theirs.
    this.store.value.client.clearCache('/v1/catalog');
    void this.firstPage.run();
  }

  private renderCard(p: PersonaSummary, index: number, tabStop: number) {
    return html`<aip-persona-card
      part="card"
      data-index=${index}
      .data=${p}
      .tabbable=${index === tabStop}
      .noStructuredData=${true}
      .headingLevel=${this.headingLevel}
      exportparts=${FORWARDED_CARD_PARTS}
    ></aip-persona-card>`;
  }

  private renderCards() {
    const items = this.listings;
    let cards;
    let style: Record<string, string> = {};
    let tabStop = this.active;
    if (this.windowed) {
      // Rows of `columns` cards; only those near the viewport are rendered,
      // padding stands in for the rest.
      const columns = this.columns;
      const { start, end, before, after } = this.rows.range(Math.ceil(items.length / columns));
      const total = this.cursor ? -1 : items.length;
      const rows = Array.from({ length: end - start }, (_, i) => start + i);
      // The card Tab reaches may have scrolled out of the rendered rows: the
      // first card in view takes the Tab stop instead.
      const activeRow = Math.floor(this.active / columns);
      if (activeRow < start || activeRow >= end) tabStop = this.rows.firstVisible * columns;
      style = { paddingTop: `${before}px`, paddingBottom: `${after}px`, '--_columns': String(columns) };
      cards = repeat(
        rows,
        (r) => `${columns}:${r}`,
        (r) =>
          html`<div class="row" role="none" data-row=${r}>
            ${items.slice(r * columns, (r + 1) * columns).map((p, c) => {
              const index = r * columns + c;
              return html`<div role="listitem" aria-posinset=${index + 1} aria-setsize=${total}>
                ${this.renderCard(p, index, tabStop)}
              </div>`;
            })}
          </div>`,
      );
    } else {
      cards = repeat(
        items.length > this.drawn ? items.slice(0, this.drawn) : items,
        (p) => p.id,
        (p, i) => html`<div role="listitem">${this.renderCard(p, i, tabStop)}</div>`,
      );
    }
    return html`<div
      part="grid"
      class=${this.windowed ? 'windowed' : 'grid'}
      role="list"
      aria-label=${this.listLabel}
      aria-busy=${this.nextPage.status === TaskStatus.PENDING || this.drawn < items.length ? 'true' : 'false'}
      ${styleProperties(style)}
      @keydown=${this.onGridKeydown}
      @focusin=${this.onGridFocus}
      @pointerover=${this.prefetchDialog}
      @pointerdown=${this.prefetchDialog}
      @aip-select=${this.onCardSelect}
    >
      ${cards}
    </div>`;
  }

  private cardAt(index: number): AipPersonaCard | null {
    return this.renderRoot.querySelector<AipPersonaCard>(`aip-persona-card[data-index="${index}"]`);
  }

  /** The position of the card an event came from, or null. */
  private cardIndex(e: Event): number | null {
    const card = e
      .composedPath()
      .find((n): n is HTMLElement => n instanceof HTMLElement && n.localName === 'aip-persona-card');
    return card ? Number(card.dataset.index) : null;
  }

  /** The arrow keys, Home and End move focus between cards. */
  private onGridKeydown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    // Keys inside a card's own dialog are the dialog's.
    if (e.composedPath().some((n) => n instanceof HTMLDialogElement)) return;
    const from = this.cardIndex(e);
    if (from === null) return;
    const last = this.listings.length - 1;
    const forward = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    const columns = this.columns;
    const to = {
      ArrowRight: from + forward,
      ArrowLeft: from - forward,
      ArrowDown: from + columns,
      ArrowUp: from - columns,
      Home: 0,
      End: last,
    }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    void this.focusCard(Math.min(Math.max(to, 0), last));
  };

  private onGridFocus = (e: FocusEvent): void => {
    const index = this.cardIndex(e);
    if (index !== null) this.active = index;
    this.prefetchDialog();
  };

  private async focusCard(index: number): Promise<void> {
    this.active = index;
    await this.drawnUpTo(index);
    if (this.windowed) {
      // Its row may be far from the viewport: render it, then scroll to it.
      this.rows.reveal(Math.floor(index / this.columns));
      await this.updateComplete;
    }
    const card = this.cardAt(index);
    if (!card) return;
    // A card rendered in this update draws its own controls a moment later.
    await card.updateComplete;
    card.scrollIntoView({ block: 'nearest' });
    card.focus();
    if (!this.windowed) return;
    // Rows drawn for it are measured in the next frames, and the space above them follows: keep it in view.
    for (let frame = 0; frame < 2; frame += 1) await new Promise((done) => requestAnimationFrame(done));
    if (this.focusedInside() === card) card.scrollIntoView({ block: 'nearest' });
  }

  /** A card was chosen: the catalog fires its own `aip-select` and, unless cancelled, opens the detail. */
  private onCardSelect = (e: AipSelectEvent): void => {
    // The card's event stops here; hosts hear the catalog's, which they can cancel.
    e.stopPropagation();
    e.preventDefault();
    if (!this.emit(new AipSelectEvent(e.detail))) return;
    void this.openDetail(e.detail.persona);
  };

  private dialogCodeLoading?: Promise<unknown>;

  /**
   * The dialog's code, the whole way to buy: the detail, its checkout and the custom-order brief. Asked for at the
   * first sign that a buyer may open a persona (a pointer over the grid, a touch, focus in it), so a click finds it
   * loaded or on its way (a host that cancels `aip-select` to show its own persona page gets it into the HTTP cache
   * for that page); asked for again after a failure.
   */
  private dialogCode(): Promise<unknown> {
    return (this.dialogCodeLoading ??= Promise.all([
      import('../persona-detail/index.js'),
      import('../checkout/index.js'),
      import('../custom-order/index.js'),
    ]).catch((error: unknown) => {
      this.dialogCodeLoading = undefined;
      throw error;
    }));
  }

  /** Not while offline: it would only fail, and the buyer's click would then find the failure. */
  private readonly prefetchDialog = (): void => {
    if (!isOffline()) void this.dialogCode().catch(() => {});
  };

  /** Opens the persona's detail view in the modal dialog. */
  async openDetail(persona: PersonaSummary): Promise<void> {
    this.openError = '';
    // The listing as it is now, asked for while the detail's code loads (the detail shares the answer). Its
    // card may be older: it follows. A detail kept from last time is told by the client if it changed.
    this.store.value.client.persona(persona.id).then(
      (fresh) => this.showAsLoaded(fresh),
      () => {},
    );
    // On a slow connection the code below takes seconds the first time: the card chosen says it is opening.
    const card = [...this.renderRoot.querySelectorAll<AipPersonaCard>('aip-persona-card')].find(
      (c) => c.data?.id === persona.id,
    );
    card?.setAttribute('aria-busy', 'true');
    // A screen reader hears it too, once the wait is long enough to notice (not on every quick open).
    const opening = this.t('catalog.opening', { name: isolate(persona.name) });
    const say = setTimeout(() => (this.announcement = opening), OPENING_SAID_AFTER_MS);
    try {
      await this.dialogCode();
    } catch (error) {
      this.openError = isolate(persona.name);
      this.warnOnce('detail', `the detail view could not be loaded (${String(error)}).`);
      return;
    } finally {
      clearTimeout(say);
      card?.removeAttribute('aria-busy');
      if (this.announcement === opening) this.announcement = '';
    }
    const again = this.selected?.id === persona.id;
    this.selected = persona;
    // Not the rest of a list still being drawn.
    await this.drawnUpTo(0);
    if (this.detailDialog && !this.detailDialog.open) {
      showModal(this.detailDialog);
      // The same listing again renders nothing new: the detail is told it is shown again.
      if (again) this.renderRoot.querySelector<AipPersonaDetail>('aip-persona-detail')?.shown();
    }
  }

  /**
   * The detail was closed (Close, Escape, the backdrop). It stays in the closed
   * dialog, so a brief or checkout details typed in it are still there when
   * the buyer opens the same persona again (another persona gets a fresh
   * one); only a video playing in it stops.
   */
  private onDetailClose(): void {
    if (this.detailDialog?.open) return; // shown again as a modal after a move, not closed
    this.renderRoot.querySelector<AipPersonaDetail>('aip-persona-detail')?.pauseMedia();
  }

  /** Closes the detail dialog, if open; focus returns to the card that opened it. */
  closeDetail(): void {
    this.detailDialog?.close();
  }

  private renderDetail() {
    const p = this.selected;
    const t = this.t;
    // A click on the backdrop closes it; Escape is the dialog's own keyboard way out. The dialog is the
    // target of a click on its own padding too: only one outside its box is on the backdrop.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<dialog
      part="detail-dialog"
      class="detail"
      aria-label=${p?.name ?? t('catalog.dialog')}
      @close=${() => this.onDetailClose()}
      @click=${(e: MouseEvent) => onBackdrop(e) && this.closeDetail()}
    >
      <div class="detail-bar">
        <button part="close-button" type="button" @click=${() => this.closeDetail()}>
          ${t.parts('catalog.close', { name: html`<span class="visually-hidden">${p?.name ?? ''}</span>` })}
        </button>
      </div>
      ${
        // Keyed by persona: another persona gets fresh elements.
        keyed(
          p?.id,
          p
            ? html`<aip-persona-detail part="detail" persona=${p.id}>
                <aip-checkout slot="checkout" part="checkout" persona=${p.id}></aip-checkout>
                <aip-custom-order slot="custom-order" part="custom-order" persona=${p.id}></aip-custom-order>
              </aip-persona-detail>`
            : nothing,
        )
      }
    </dialog>`;
  }

  private renderSkeletons() {
    const count = Math.min(this.validPageSize(), MAX_SKELETONS);
    // Placeholders only: the status line says the list is loading, so assistive technology skips them
    // (and the slow note, which the status line says too).
    return html`<div class="loading">
      <div part="grid" class="grid" role="list" aria-busy="true" aria-hidden="true">
        ${Array.from(
          { length: count },
          () => html`<div role="listitem"><aip-persona-card part="card"></aip-persona-card></div>`,
        )}
      </div>
      ${this.waiting.slow ? html`<p part="slow" class="slow-note" aria-hidden="true">${this.t('common.slow')}</p>` : nothing}
    </div>`;
  }

  /** What an empty list says: that nothing matches the search, or that there is nothing yet. */
  private emptyText(): [message: string, hint: string] {
    const t = this.t;
    if (this.filtered) return [t('catalog.no-match'), t('catalog.no-match-hint')];
    return [
      t((this.creator ?? this.store.value.creator) ? 'catalog.empty-creator' : 'catalog.empty'),
      t('catalog.empty-hint'),
    ];
  }

  private renderEmpty() {
    const [message, hint] = this.emptyText();
    // Not a live region of its own after a search: the catalog's status line says it then.
    return html`<div part="status" class="state" role=${this.filtered ? nothing : 'status'}>
      <p>${message}</p>
      <p class="hint">${hint}</p>
      ${
        this.filtered
          ? html`<button part="clear" class="primary" type="button" @click=${() => this.clearFilters()}>
              ${this.t('catalog.clear')}
            </button>`
          : nothing
      }
    </div>`;
  }

  /**
   * Back online: a list or a next page that failed loads now, as the detail and checkout do. Focus moves only
   * from the failed next page's own button, to the first new card, as after pressing it.
   */
  private onOnline = (): void => {
    if (this.firstPage.status === TaskStatus.ERROR) this.retry();
    else if (this.moreFailed) void this.nextPage.run();
  };

  private retry(): void {
    this.announceResults = true;
    void this.firstPage.run();
  }

  private renderError(error: unknown) {
    const t = this.t;
    return html`<div part="status" class="state error" role="alert">
      <p class="title">${t('catalog.failed')}</p>
      <p class="hint">${loadFailureHint(error, t)}</p>
      <button class="primary" type="button" @click=${() => this.retry()}>${t('common.try-again')}</button>
    </div>`;
  }

  /** Whether loading the next page of the list now shown failed (a new search starts afresh). */
  private get moreFailed(): boolean {
    return this.nextPage.status === 3 && this.moreFailedFor === this.list;
  }

  private showMore(loading: boolean): void {
    if (loading) return;
    this.focusNewCards = true;
    this.endTopAtLoad = null;
    void this.nextPage.run();
  }

  private renderMore() {
    if (!this.cursor) return nothing;
    const loading = this.nextPage.status === TaskStatus.PENDING;
    const failed = this.moreFailed;
    const t = this.t;
    return html`<div class="more">
      ${failed ? html`<p class="error" role="alert">${t('catalog.more-failed')}</p>` : nothing}
      <button
        part="more"
        class="primary"
        type="button"
        aria-disabled=${loading ? 'true' : 'false'}
        @click=${() => this.showMore(loading)}
      >
        ${t(loading ? 'common.loading' : failed ? 'common.try-again' : 'catalog.show-more')}
      </button>
    </div>`;
  }

  override render(): TemplateResult {
    // A new catalog's first moments: the page's reserved space, blank, until the first page or the placeholders.
    if (this.held && this.firstPage.status < TaskStatus.COMPLETE) {
      return html`<div ${styleProperties({ minHeight: `${this.reserved}px` })}></div>`;
    }
    this.held = false;
    return html`${this.renderToolbar()}
      ${
        this.openError
          ? html`<p part="status" class="open-error" role="alert">
              ${this.t('catalog.open-failed', { name: this.openError })}
            </p>`
          : nothing
      }
      ${this.firstPage.render({
        initial: () => this.renderSkeletons(),
        pending: () => this.renderSkeletons(),
        complete: (page) =>
          page.items.length === 0
            ? this.renderEmpty()
            : // "Show more" comes with the rest of the list: before that it would sit under the first screenful.
              html`${this.renderCards()}${this.drawn < this.listings.length ? nothing : this.renderMore()}`,
        error: (e) => this.renderError(e),
      })}
      <p class="visually-hidden" role="status">
        ${this.firstPage.status === TaskStatus.PENDING ? this.t(this.waiting.slow ? 'common.slow' : 'catalog.loading') : this.announcement}
      </p>
      ${this.renderDetail()}
      <div class="probe" aria-hidden="true"></div>`;
  }
}

/** Whether focus has fallen out to the page itself (the focused element was removed). */
function focusIsLost(): boolean {
  const focused = document.activeElement;
  return focused === null || focused === document.body || focused === document.documentElement;
}
