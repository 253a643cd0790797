import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a first load may take before the element says it is still loading. */
export const SLOW_AFTER_MS = 4000;

/**
 * Tells when what `pending()` waits for has taken longer than
 * `SLOW_AFTER_MS`: a slow marketplace (the client's retries included) would
 * otherwise leave the placeholders up for long without a word. Read `slow`
 * only while `pending()` holds; it is reset without a render when the wait ends.
 */
export class SlowController implements ReactiveController {
  /** Whether the current wait has passed `SLOW_AFTER_MS`. */
  slow = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly pending: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.hostUpdated();
  }

  hostUpdated(): void {
    if (!this.pending()) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.slow = false;
      return;
    }
    this.timer ??= setTimeout(() => {
      this.slow = true;
      this.host.requestUpdate();
    }, SLOW_AFTER_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
