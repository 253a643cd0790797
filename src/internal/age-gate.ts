import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The viewer's 18+ confirmation, shared by every element on the page and
 * remembered for the browsing session only (sessionStorage, which the browser
 * clears when the session ends). Where storage is unavailable (sandboxed
 * iframes, strict privacy modes) it lasts for the page.
 */
const KEY = 'aip-storefront:age-confirmed';
const changes = new EventTarget();
let confirmedHere = false;

function stored(): boolean {
  try {
    return sessionStorage.getItem(KEY) === 'yes';
  } catch {
    return false;
  }
}

/** Whether the viewer has confirmed being 18 or older in this browsing session. */
export function ageConfirmed(): boolean {
  return confirmedHere || stored();
}

/** Records the viewer's confirmation and reveals rated content in every element. */
export function confirmAge(): void {
  confirmedHere = true;
  try {
    sessionStorage.setItem(KEY, 'yes');
  } catch {
    // Storage refused: the confirmation lasts for this page only.
  }
  changes.dispatchEvent(new Event('change'));
}

/** Withdraws the confirmation, covering rated content again (for a host's "hide adult content" control). */
export function forgetAgeConfirmation(): void {
  confirmedHere = false;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
  changes.dispatchEvent(new Event('change'));
}

/** Re-renders its host whenever the confirmation changes. */
export class AgeGateController implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether rated content may be shown uncovered. */
  get confirmed(): boolean {
    return ageConfirmed();
  }

  hostConnected(): void {
    changes.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    changes.removeEventListener('change', this.onChange);
  }
}
