import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ContentRating } from '../api/schemas.js';
import type { CoreMessageId } from '../locales/ids.js';
import type { Translate } from './i18n.js';
import { listenersOf } from './fan-out.js';
import { showModal } from './modal.js';

/**
 * The viewer's 18+ confirmation, shared by every element on the page and
 * remembered for the browsing session only (sessionStorage, which the browser
 * clears when the session ends). Where storage is unavailable (sandboxed
 * iframes, strict privacy modes) it lasts for the page.
 */
const KEY = 'aip-storefront:age-confirmed';
// Kept on the page, not in this module: two copies of the library on one page (a CMS plugin and a theme) share one
// confirmation, and a host's "hide adult content" covers what either copy shows.
const GATE = Symbol.for('aip-storefront.age-gate');
const gate = ((globalThis as { [GATE]?: { changes: EventTarget; here: boolean } })[GATE] ??= {
  changes: new EventTarget(),
  here: false,
});
const { changes } = gate;

function stored(): boolean {
  try {
    return sessionStorage.getItem(KEY) === 'yes';
  } catch {
    return false;
  }
}

/** Whether the viewer has confirmed being 18 or older in this browsing session. */
export function ageConfirmed(): boolean {
  return gate.here || stored();
}

/** Records the viewer's confirmation and reveals rated content in every element. */
export function confirmAge(): void {
  gate.here = true;
  try {
    sessionStorage.setItem(KEY, 'yes');
  } catch {
    // Storage refused: the confirmation lasts for this page only.
  }
  changes.dispatchEvent(new Event('change'));
}

/** Withdraws the confirmation, covering rated content again (for a host's "hide adult content" control). */
export function forgetAgeConfirmation(): void {
  gate.here = false;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
  changes.dispatchEvent(new Event('change'));
}

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

/**
 * Re-renders its host whenever the confirmation changes, and renders the one
 * 18+ confirmation dialog the elements share (style it with `dialogStyles`).
 */
export class AgeGateController implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog[part="age-dialog"]');
  }

  /** Opens the dialog `renderDialog()` put in the host. */
  open(): void {
    if (this.dialog) showModal(this.dialog);
  }

  /**
   * The confirmation dialog for a rated listing, or nothing when there is
   * nothing to confirm. `text` says what confirming reveals, in words (asked
   * for only when the dialog renders); `after` runs once it closes, to move
   * focus where the cover was.
   */
  renderDialog(
    t: Translate<CoreMessageId>,
    listing: { contentRating: ContentRating },
    text: () => string,
    after: (confirmed: boolean) => void,
  ): TemplateResult | typeof nothing {
    if (listing.contentRating === 'general' || this.confirmed) return nothing;
    const close = (confirmed: boolean) => {
      this.dialog?.close();
      if (confirmed) confirmAge();
      after(confirmed);
    };
    return html`<dialog
      part="age-dialog"
      aria-labelledby="age-title"
      aria-describedby="age-text"
      @cancel=${(e: Event) => {
        e.preventDefault();
        close(false);
      }}
    >
      <h2 id="age-title">${t('age.title')}</h2>
      <p id="age-text">${text()}</p>
      <div class="dialog-actions">
        <button type="button" @click=${() => close(false)}>${t('common.cancel')}</button>
        <button class="primary" type="button" @click=${() => close(true)}>${t('age.confirm')}</button>
      </div>
    </dialog>`;
  }

  /** Whether rated content may be shown uncovered. */
  get confirmed(): boolean {
    return ageConfirmed();
  }

  hostConnected(): void {
    listenersOf(changes, 'change').add(this.onChange);
  }

  hostDisconnected(): void {
    listenersOf(changes, 'change').delete(this.onChange);
  }
}
