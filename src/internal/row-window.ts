import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How far beyond the viewport rows stay rendered, above and below, in pixels. */
const OVERSCAN_PX = 800;
/** A row's assumed height until one has been measured. */
const FIRST_GUESS_PX = 420;

/**
 * The CSS zoom on `el` (on the page or an ancestor): the viewport's pixels are not the CSS pixels rows are laid out
 * and padded in, and everything here is counted in the latter.
 */
const cssZoom = (el: Element): number => (el as { currentCSSZoom?: number }).currentCSSZoom || 1;

/** What to render: rows `start` (inclusive) to `end` (exclusive), and the space the others take. */
export interface RowRange {
  start: number;
  end: number;
  /** Height of the rows above `start`, in pixels. */
  before: number;
  /** Height of the rows from `end` on, in pixels. */
  after: number;
}

/**
 * Windowed rendering for a long list of rows scrolled with the page: only the
 * rows within {@link OVERSCAN_PX} of the viewport are rendered, and padding
 * stands in for the others, so DOM size and memory stay flat however long the
 * list grows. Rows are measured as they render (heights may differ); rows not
 * yet seen are assumed to be of the average measured height.
 *
 * Usage: call `range(count)` in `render()`, render rows `start…end-1` inside a
 * container padded by `before`/`after`, each with `data-row="<index>"`, and
 * call `measure(container)` in `updated()`.
 *
 * It listens to scrolling anywhere on the page (a capturing listener sees
 * inner scroll boxes too) and to resizes, and re-evaluates once per frame.
 */
export class RowWindow implements ReactiveController {
  private heights: (number | undefined)[] = [];
  private guess = FIRST_GUESS_PX;
  private start = 0;
  private end = 0;
  private count = 0;
  private visible = 0;
  private container: HTMLElement | null = null;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('scroll', this.schedule, { capture: true, passive: true });
    addEventListener('resize', this.schedule, { passive: true });
  }

  hostDisconnected(): void {
    removeEventListener('scroll', this.schedule, { capture: true });
    removeEventListener('resize', this.schedule);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** The rows to render out of `count`. */
  range(count: number): RowRange {
    if (count !== this.count) {
      this.count = count;
      this.heights.length = Math.min(this.heights.length, count);
      this.end = Math.min(this.end, count);
      this.start = Math.min(this.start, this.end);
    }
    if (this.end === 0 && count > 0) {
      // Before the first measurement: enough rows for a screenful and the overscan.
      this.end = Math.min(count, Math.ceil((innerHeight + OVERSCAN_PX) / this.guess) + 1);
    }
    let before = 0;
    for (let r = 0; r < this.start; r++) before += this.height(r);
    let after = 0;
    for (let r = this.end; r < count; r++) after += this.height(r);
    return { start: this.start, end: this.end, before, after };
  }

  /**
   * Measures the rendered rows (children with `data-row`) and re-evaluates the
   * window, in the next frame: by then the rows' own elements have rendered.
   */
  measure(container: HTMLElement | null): void {
    this.container = container;
    if (container) this.schedule();
  }

  private measureRows(container: HTMLElement, zoom: number): void {
    let measured = false;
    for (const row of container.querySelectorAll<HTMLElement>(':scope > [data-row]')) {
      const height = row.getBoundingClientRect().height / zoom;
      if (height > 0) {
        this.heights[Number(row.dataset.row)] = height;
        measured = true;
      }
    }
    if (measured) {
      const known = this.heights.filter((h): h is number => h !== undefined);
      this.guess = known.reduce((a, b) => a + b, 0) / known.length;
    }
  }

  /**
   * Starts windowing a list that is on screen unwindowed, as `rows` rows in `grid` (a CSS grid, its rows `row-gap`
   * apart): the rows in view are rendered first, at the height they have there, not row 0 at a guessed height, so
   * the buyer keeps seeing what they were reading.
   */
  startFrom(grid: HTMLElement, rows: number): void {
    const box = grid.getBoundingClientRect();
    if (!box.height || !rows) return;
    const zoom = cssZoom(grid);
    const gap = parseFloat(getComputedStyle(grid).rowGap) || 0;
    const pitch = (box.height / zoom + gap) / rows;
    const top = box.top / zoom;
    this.heights = [];
    this.guess = pitch;
    // A count that differs from the next range()'s makes it clamp `end` to the rows there are.
    this.count = 0;
    this.visible = Math.max(0, Math.floor(-top / pitch));
    this.start = Math.max(0, Math.floor((-top - OVERSCAN_PX) / pitch));
    this.end = Math.max(this.start + 1, Math.ceil((-top + innerHeight / zoom + OVERSCAN_PX) / pitch));
  }

  /** Forgets the measured heights: the rows hold other items now (the column count changed). */
  forgetHeights(): void {
    this.heights = [];
    this.host.requestUpdate();
  }

  /** The first row at least partly in the viewport, as of the last frame. */
  get firstVisible(): number {
    return Math.min(Math.max(this.visible, this.start), Math.max(this.end - 1, 0));
  }

  /** Makes sure `row` is rendered (before focusing something in it); the next scroll settles the rest. */
  reveal(row: number): void {
    if (row >= this.start && row < this.end) return;
    this.start = Math.max(0, row - 1);
    this.end = Math.min(this.count, row + 2);
    this.host.requestUpdate();
  }

  private height(row: number): number {
    return this.heights[row] ?? this.guess;
  }

  private readonly schedule = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(this.update);
  };

  private readonly update = (): void => {
    this.frame = 0;
    const container = this.container;
    if (!container?.isConnected) return;
    const zoom = cssZoom(container);
    this.measureRows(container, zoom);
    const top = container.getBoundingClientRect().top / zoom;
    const from = -top - OVERSCAN_PX;
    const to = -top + innerHeight / zoom + OVERSCAN_PX;
    let y = 0;
    let start = 0;
    while (start < this.count && y + this.height(start) <= from) y += this.height(start++);
    let visible = start;
    for (let vy = y; visible < this.count - 1 && vy + this.height(visible) <= -top;) vy += this.height(visible++);
    let end = start;
    while (end < this.count && y < to) y += this.height(end++);
    if (start !== this.start || end !== this.end || visible !== this.visible) {
      this.start = start;
      this.end = end;
      this.visible = visible;
      this.host.requestUpdate();
    }
  };
}
