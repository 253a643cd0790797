/**
 * The platform-hosted checkout page (`GET /checkout/<orderId>`), shown in an
 * iframe overlay, a popup or after a redirect. It shows what is being bought
 * and a simulated crypto payment; its script (`checkout-script.ts`) sends the
 * payment, follows the confirmations and tells the embedding page how it
 * ended, by `postMessage` to the origin that created the order and nowhere else.
 */
import type { OrderStatus } from '../src/api/schemas.js';
import { sandboxWallet, type OrderRecord } from './orders.js';
import { escapeHtml, formatMoney, pageDocument, timeElement } from './pages.js';
import { TERM_MONTHS, TIER_NAMES } from './rules.js';

/**
 * The fixed, made-up rate the sandbox converts at: 1 USD = 1.0002 USDC.
 * Kept as USDC micro-units (10⁻⁶) per cent, so the conversion is integer.
 */
export const TEST_USDC_MICROS_PER_CENT = 10_002;
export const TEST_USDC_RATE_TEXT = '1 USD = 1.0002 USDC';

/** A price in cents as test USDC: `$149.00` → `149.0298 USDC` (at least two decimals, no trailing zeros beyond). */
export function usdcAmount(cents: number): string {
  const micros = BigInt(cents) * BigInt(TEST_USDC_MICROS_PER_CENT);
  const whole = (micros / 1_000_000n).toLocaleString('en-US');
  const fraction = (micros % 1_000_000n)
    .toString()
    .padStart(6, '0')
    .replace(/0{1,4}$/, '');
  return `${whole}.${fraction} USDC`;
}

/** The status line the page shows (and its script updates) for an order. */
export function statusLine(
  status: OrderStatus,
  received: number,
  required: number,
  failureReason: string | null,
): string {
  switch (status) {
    case 'awaiting_payment':
      return 'Waiting for your payment.';
    case 'confirming':
      return `Confirming payment — ${Math.min(received, required)} of ${required}`;
    case 'completed':
      return 'Payment complete. Your License Certificate is ready.';
    case 'expired':
      return `This order has expired. ${failureReason ?? ''}`.trim();
    case 'rejected':
      return `The license could not be issued. ${failureReason ?? ''}`.trim();
  }
}

export interface CheckoutPageContext {
  /** Where the marketplace's URLs start (origin and any proxy prefix). */
  apiOrigin: string;
  /** Confirmations that complete a payment. */
  required: number;
  /** How often the script asks for the order while confirmations arrive, in ms. */
  pollMs: number;
  failureReason: string | null;
}

/** The host name a return URL goes to, for "Return to <host>". */
function hostOf(url: string): string {
  return new URL(url).host;
}

/** The return URL with the order's outcome added, as the page links to it. */
export function returnHref(returnUrl: string, orderId: string, status: OrderStatus): string {
  const url = new URL(returnUrl);
  url.searchParams.set('aip-order', orderId);
  url.searchParams.set('aip-status', status);
  return url.href;
}

/** The checkout page for an order in its current state. */
export function renderCheckoutPage(order: OrderRecord, ctx: CheckoutPageContext): string {
  const { apiOrigin, required } = ctx;
  const tier = TIER_NAMES[order.license];
  const term = TERM_MONTHS[order.license];
  const price = formatMoney(order.priceCents, order.currency);
  const certificateBase = `${apiOrigin}/certificates/`;
  const data: Record<string, string> = {
    'order-id': order.id,
    status: order.status,
    received: String(order.confirmations),
    required: String(required),
    'poll-ms': String(ctx.pollMs),
    'order-url': `${apiOrigin}/v1/orders/${order.id}`,
    'pay-url': `${apiOrigin}/checkout/${order.id}/pay`,
    'certificate-base': certificateBase,
    'target-origin': order.origin ?? '',
    'return-url': order.returnUrl ?? '',
  };
  const attributes = Object.entries(data)
    .map(([name, value]) => `data-${name}="${escapeHtml(value)}"`)
    .join('\n    ');
  const awaiting = order.status === 'awaiting_payment';
  const confirming = order.status === 'confirming';
  const completed = order.status === 'completed' && order.certificateId !== null;
  const hidden = (shown: boolean) => (shown ? '' : ' hidden');

  const body = `<main id="checkout" class="page checkout"
    ${attributes}>
  <p class="platform">AI-People marketplace · hosted checkout</p>
  <h1>Complete your purchase</h1>

  <section class="panel" aria-labelledby="summary-heading">
    <h2 id="summary-heading">Your order</h2>
    <dl>
      <dt>Persona</dt>
      <dd>${escapeHtml(order.personaName)}</dd>
      <dt>License</dt>
      <dd>${escapeHtml(tier)}${term === null ? ' (no term)' : ` (${term} months)`}</dd>
      <dt>Price</dt>
      <dd class="amount">${escapeHtml(price)}</dd>
      <dt>Order</dt>
      <dd><code>${escapeHtml(order.id)}</code></dd>
    </dl>
    <p class="note">The persona is AI-generated and fictional. Sales are final.</p>
  </section>

  <section id="pay" class="panel"${hidden(awaiting)} aria-labelledby="pay-heading">
    <h2 id="pay-heading">Pay with USDC (test network)</h2>
    <p class="note">Simulated payment: no real money moves and no wallet is needed.</p>
    <dl>
      <dt>You pay</dt>
      <dd class="amount">${escapeHtml(usdcAmount(order.priceCents))}</dd>
      <dt>Rate</dt>
      <dd>${escapeHtml(TEST_USDC_RATE_TEXT)} (fixed test rate)</dd>
      <dt>To wallet</dt>
      <dd><code>${escapeHtml(sandboxWallet(order.id))}</code> (sandbox)</dd>
      <dt>Held until</dt>
      <dd>${timeElement(order.expiresAt)}</dd>
    </dl>
    <button type="button" id="pay-button">Pay with test USDC</button>
    <p id="pay-error" class="error" role="alert" hidden></p>
  </section>

  <section aria-labelledby="status-heading">
    <h2 id="status-heading">Payment status</h2>
    <p id="status-text" role="status" aria-live="polite" tabindex="-1">${escapeHtml(
      statusLine(order.status, order.confirmations, required, ctx.failureReason),
    )}</p>
    <progress id="progress" max="${required}" value="${Math.min(order.confirmations, required)}" aria-labelledby="status-text"${hidden(confirming)}></progress>
    <p id="certificate"${hidden(completed)}><a id="certificate-link" href="${
      completed ? escapeHtml(certificateBase + order.certificateId) : '#'
    }">View your License Certificate</a></p>${
      order.returnUrl
        ? `\n    <p id="return"><a id="return-link" href="${escapeHtml(
            returnHref(order.returnUrl, order.id, order.status),
          )}">Return to ${escapeHtml(hostOf(order.returnUrl))}</a></p>`
        : ''
    }
    <noscript><p>This page needs JavaScript to send the test payment.</p></noscript>
  </section>
</main>`;

  return pageDocument({
    title: `Checkout — ${order.personaName}, ${tier} license`,
    stylesheet: `${apiOrigin}/checkout/checkout.css`,
    script: `${apiOrigin}/checkout/checkout.js`,
    body,
  });
}
