/**
 * The hosted checkout page's script and stylesheet, served as files
 * (`/checkout/checkout.js`, `/checkout/checkout.css`) because the page allows
 * no inline script or style. The script reads everything it needs from the
 * `data-*` attributes of `<main id="checkout">` and writes only text.
 *
 * What it does:
 * - "Pay with test USDC" POSTs the page's pay URL (the order moves to
 *   `confirming`), then polls the order and shows "Confirming payment — n of
 *   N" in the live region as confirmations arrive; while unpaid it polls
 *   slowly, to notice the order expiring.
 * - Each status after `awaiting_payment` (on arrival, or found when the page
 *   opens) is posted once to `window.opener`, or `window.parent` when framed,
 *   as `{type: 'aip-checkout', orderId, status}`, with the origin recorded at
 *   order creation as the target origin: never `'*'`, and nothing at all when
 *   none was recorded.
 * - With a return URL and no page to tell (redirect mode), it goes back there
 *   after completion with `aip-order` and `aip-status` added.
 */
import { BASE_CSS } from './pages.js';

/** How often an unpaid order is checked for expiry while its page is open. */
const UNPAID_POLL_MS = 5000;
/** How long "Payment complete" stays on screen before a redirect back. */
const RETURN_DELAY_MS = 1500;

export const CHECKOUT_JS = `// AI-People reference marketplace: hosted checkout (see server/checkout-script.ts).
(() => {
  'use strict';
  const root = document.getElementById('checkout');
  if (!root) return;
  const data = root.dataset;
  const orderId = data.orderId;
  const targetOrigin = data.targetOrigin || '';
  const returnUrl = data.returnUrl || '';
  const pollMs = Number(data.pollMs) || 1000;
  // The page's words, in its language (see checkout-page.ts, scriptTexts).
  const texts = JSON.parse(data.texts || '{}');
  const TERMINAL = ['completed', 'expired', 'rejected'];
  const byId = (id) => document.getElementById(id);
  const paySection = byId('pay');
  const payButton = byId('pay-button');
  const payError = byId('pay-error');
  const statusText = byId('status-text');
  const progress = byId('progress');
  const certificate = byId('certificate');
  const certificateLink = byId('certificate-link');
  const returnLink = byId('return-link');
  let status = data.status;
  let received = Number(data.received) || 0;
  let required = Number(data.required) || 1;
  let timer = 0;
  const posted = new Set();

  /**
   * The page to tell: the parent of a frame, or the opener of a popup; none after a redirect. An order with a
   * return URL came by redirect, and its tab's opener (if it has one) is not the shop.
   */
  function embedder() {
    if (window.parent && window.parent !== window) return window.parent;
    if (!returnUrl && window.opener && window.opener !== window) return window.opener;
    return null;
  }

  /** Posts a status once, to the origin that created the order only. */
  function notify(next) {
    if (!targetOrigin || next === 'awaiting_payment' || posted.has(next)) return;
    const target = embedder();
    if (!target) return;
    posted.add(next);
    try {
      target.postMessage({ type: 'aip-checkout', orderId: orderId, status: next }, targetOrigin);
    } catch (error) {
      // A malformed recorded origin throws; the order itself is unaffected.
    }
  }

  function returnHref(next) {
    const url = new URL(returnUrl);
    url.searchParams.set('aip-order', orderId);
    url.searchParams.set('aip-status', next);
    return url.href;
  }

  /** Why the order ended, in the page's language when its code is known, else the API's own words. */
  function reasonOf(order) {
    const failure = order.failure;
    const known = failure && texts.reasons[failure.code + (failure.refunded ? ':refunded' : '')];
    const reason = known || order.failureReason;
    return reason ? ' ' + reason : '';
  }

  function describe(order) {
    switch (order.status) {
      case 'awaiting_payment':
        return texts.awaiting;
      case 'confirming':
        return texts.confirming
          .replace('{received}', String(Math.min(received, required)))
          .replace('{required}', String(required));
      case 'completed':
        return texts.completed;
      case 'expired':
        return texts.expired + reasonOf(order);
      case 'rejected':
        return texts.rejected + reasonOf(order);
      default:
        return '';
    }
  }

  /** Shows an order as the API answered it, and tells the embedding page when its status moved on. */
  function show(order) {
    const previous = status;
    const previousReceived = received;
    status = order.status;
    if (order.confirmations) {
      received = order.confirmations.received;
      required = order.confirmations.required;
    }
    paySection.hidden = status !== 'awaiting_payment';
    progress.hidden = status !== 'confirming';
    progress.max = required;
    progress.value = Math.min(received, required);
    if (status !== previous || received !== previousReceived) statusText.textContent = describe(order);
    if (status === 'completed' && order.certificateId) {
      certificateLink.href = data.certificateBase + encodeURIComponent(order.certificateId) + (data.certificateQuery || '');
      certificate.hidden = false;
    }
    if (returnLink) returnLink.href = returnHref(status);
    notify(status);
    if (status === 'completed' && previous !== 'completed' && returnUrl && !embedder()) {
      setTimeout(() => location.assign(returnHref('completed')), ${RETURN_DELAY_MS});
    }
  }

  function schedule() {
    clearTimeout(timer);
    if (TERMINAL.includes(status)) return;
    timer = setTimeout(refresh, status === 'confirming' ? pollMs : ${UNPAID_POLL_MS});
  }

  async function refresh() {
    try {
      const res = await fetch(data.orderUrl, { cache: 'no-store', headers: { Accept: 'application/json' } });
      if (res.ok) show(await res.json());
    } catch (error) {
      // A network hiccup: the next poll tries again.
    }
    schedule();
  }

  async function pay() {
    payButton.disabled = true;
    payError.hidden = true;
    statusText.textContent = texts.sending;
    try {
      const res = await fetch(data.payUrl, { method: 'POST', cache: 'no-store' });
      if (res.ok) {
        show(await res.json());
        schedule();
      } else if (res.status === 409) {
        const answer = await res.json().catch(() => null);
        const detail = answer && answer.error && answer.error.details && answer.error.details[0];
        if (detail && detail.message === 'payment_pending') {
          // Another buyer's payment decides first: nothing was taken, and this one may be sent again shortly.
          statusText.textContent = describe({ status: status });
          payError.textContent = texts.paymentPending;
          payError.hidden = false;
          payButton.disabled = false;
          return;
        }
        // Not payable any more (expired, or already paid elsewhere): show what it is now.
        await refresh();
      } else {
        throw new Error('HTTP ' + res.status);
      }
      statusText.focus();
    } catch (error) {
      statusText.textContent = describe({ status: status });
      payError.textContent = texts.payFailed;
      payError.hidden = false;
      payButton.disabled = false;
    }
  }

  payButton.addEventListener('click', pay);
  notify(status);
  schedule();
})();
`;

export const CHECKOUT_CSS = `${BASE_CSS}
.checkout section + section { margin-top: 1rem; }
.checkout .panel h2 { margin-top: 0; }
.amount { font-weight: 700; font-size: 1.125rem; }
#pay button {
  display: block;
  width: 100%;
  min-height: 2.75rem;
  margin-top: 1rem;
  padding: 0.5rem 1.25rem;
  /* Transparent, so the button keeps an edge in forced colours, which drop its fill. */
  border: 2px solid transparent;
  border-radius: 0.5rem;
  background: var(--accent);
  color: var(--on-accent);
  font: inherit;
  font-weight: 700;
  cursor: pointer;
}
#pay button:disabled { opacity: 0.65; cursor: progress; }
#status-text { font-weight: 600; }
#status-text:focus { outline: none; }
#status-text:focus-visible { outline: 3px solid var(--accent); }
progress { display: block; width: 100%; height: 0.75rem; accent-color: var(--accent); }
.error { color: var(--bad); font-weight: 600; }
`;
