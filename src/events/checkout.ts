import type { ApiError, ApiErrorCode } from '../api/errors.js';
import type { License, Money } from '../api/schemas.js';

export interface AipCheckoutStartDetail {
  /** The listing being bought. */
  persona: string;
  /** The tier being bought. */
  license: License;
  /** The price the buyer saw on the page, if known. The server's quote decides what is charged. */
  price: Money | null;
}

/**
 * The buyer asked to check out. Cancelable: call `preventDefault()` to stop
 * the checkout (e.g. to run your own sign-in first, or to take over).
 */
export class AipCheckoutStartEvent extends CustomEvent<AipCheckoutStartDetail> {
  constructor(detail: AipCheckoutStartDetail) {
    super('aip-checkout-start', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

export interface AipCheckoutCompleteDetail {
  orderId: string;
  /** The listing bought. */
  persona: string;
  certificateId: string;
  license: License;
  /** What the buyer paid: the order's price, as the server charged it. */
  price: Money;
}

/** Payment completed and the License Certificate was issued. */
export class AipCheckoutCompleteEvent extends CustomEvent<AipCheckoutCompleteDetail> {
  constructor(detail: AipCheckoutCompleteDetail) {
    super('aip-checkout-complete', { bubbles: true, composed: true, detail });
  }
}

/**
 * Why a checkout step failed: the client's and server's error codes, plus the
 * checkout's own. `tier_unavailable`: the tier was sold (or assigned) while
 * the buyer was deciding; `quote_expired`: the price must be asked for again;
 * `order_expired` / `order_rejected`: the order ended without a sale;
 * `agreement_changed`: the tier's agreement has a new version to accept;
 * `tail_changed`: more Commercial licenses now run beside the Exclusive being
 * bought than its buyer was shown, so they are shown and agreed to again.
 */
export type CheckoutErrorCode =
  | ApiErrorCode
  | 'tier_unavailable'
  | 'quote_expired'
  | 'order_expired'
  | 'order_rejected'
  | 'agreement_changed'
  | 'tail_changed';

export interface AipCheckoutErrorDetail {
  code: CheckoutErrorCode;
  /** The message the buyer sees, in the storefront's language. */
  message: string;
  /**
   * For your logs: the marketplace's answer or the failed request behind it
   * (its `status`, technical `message` and field `details`), or null when the
   * checkout itself found the problem (an order that expired or was rejected).
   */
  error: ApiError | null;
}

/** A checkout step failed; the element shows the message and the next step. */
export class AipCheckoutErrorEvent extends CustomEvent<AipCheckoutErrorDetail> {
  constructor(detail: AipCheckoutErrorDetail) {
    super('aip-checkout-error', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aip-checkout-start': AipCheckoutStartEvent;
    'aip-checkout-complete': AipCheckoutCompleteEvent;
    'aip-checkout-error': AipCheckoutErrorEvent;
  }
}
