/**
 * The platform-hosted checkout page (`GET /checkout/<orderId>`), shown in an
 * iframe overlay, a popup or after a redirect. It shows what is being bought
 * and a simulated crypto payment; its script (`checkout-script.ts`) sends the
 * payment, follows the confirmations and tells the embedding page how it
 * ended, by `postMessage` to the origin that created the order and nowhere else.
 */
import { formatMoney } from '../src/api/money.js';
import { ORDER_FAILURE_CODES, type OrderStatus, type RejectionCode } from '../src/api/schemas.js';
import { failureReason, sandboxWallet, type OrderRecord } from './orders.js';
import { ENGLISH, type PageTexts } from './page-texts.js';
import { escapeHtml, formatInstant, pageDocument, timeElement } from './pages.js';
import { TERM_MONTHS } from './rules.js';

/**
 * The fixed, made-up rate the sandbox converts at: 1 USD = 1.0002 USDC.
 * Kept as USDC micro-units (10⁻⁶) per cent, so the conversion is integer.
 */
export const TEST_USDC_MICROS_PER_CENT = 10_002;
/** Every reason a rejected order can give. */
const REJECTION_CODES = ORDER_FAILURE_CODES.filter((code): code is RejectionCode => code !== 'expired');

const usdcFormats = new Map<string, Intl.NumberFormat>();

/** A decimal string in the page's locale, exactly (Intl formats decimal strings without going through a float). */
function decimal(value: string, locale: string): string {
  let format = usdcFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 6 });
    usdcFormats.set(locale, format);
  }
  return format.format(value as unknown as number);
}

/** The sandbox's rate in words: `1 USD = 1.0002 USDC` (`1,0002` in German). */
export function usdcRate(locale = 'en-US'): string {
  return `1 USD = ${decimal('1.0002', locale)} USDC`;
}

/** A price in cents as test USDC: `$149.00` → `149.0298 USDC` (at least two decimals, no trailing zeros beyond). */
export function usdcAmount(cents: number, locale = 'en-US'): string {
  const micros = BigInt(cents) * BigInt(TEST_USDC_MICROS_PER_CENT);
  const fraction = (micros % 1_000_000n).toString().padStart(6, '0');
  return `${decimal(`${micros / 1_000_000n}.${fraction}`, locale)} USDC`;
}

/** The status line the page shows (and its script updates) for an order. */
export function statusLine(
  texts: PageTexts,
  status: OrderStatus,
  received: number,
  required: number,
  reason: string | null,
): string {
  switch (status) {
    case 'awaiting_payment':
      return texts.awaiting;
    case 'confirming':
      return texts.confirming
        .replace('{received}', String(Math.min(received, required)))
        .replace('{required}', String(required));
    case 'completed':
      return texts.completed;
    case 'expired':
      return `${texts.expiredStatus} ${reason ?? ''}`.trim();
    case 'rejected':
      return `${texts.rejectedStatus} ${reason ?? ''}`.trim();
  }
}

export interface CheckoutPageContext {
  /** Where the marketplace's URLs start (origin and any proxy prefix). */
  apiOrigin: string;
  /** Confirmations that complete a payment. */
  required: number;
  /** How often the script asks for the order while confirmations arrive, in ms. */
  pollMs: number;
  /** The page's words, in the language it was asked for. */
  texts: PageTexts;
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
  const { apiOrigin, required, texts } = ctx;
  const tier = texts.tiers[order.license];
  // The widgets' own formatting, with cents always shown: a checkout states the exact amount.
  const price = formatMoney({ amount: order.priceCents, currency: order.currency }, texts.moneyLocale, {
    trimWholeAmounts: false,
  });
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
    // The certificate page in this page's language.
    'certificate-query': texts === ENGLISH ? '' : `?locale=${texts.lang}`,
    'target-origin': order.origin ?? '',
    'return-url': order.returnUrl ?? '',
    texts: JSON.stringify(scriptTexts(order, texts)),
  };
  const attributes = Object.entries(data)
    .map(([name, value]) => `data-${name}="${escapeHtml(value)}"`)
    .join('\n    ');
  const awaiting = order.status === 'awaiting_payment';
  const confirming = order.status === 'confirming';
  const completed = order.status === 'completed' && order.certificateId !== null;
  const hidden = (shown: boolean) => (shown ? '' : ' hidden');
  const certificateHref = completed ? `${certificateBase}${order.certificateId}${data['certificate-query']}` : '#';

  const body = `<main id="checkout" class="page checkout"
    ${attributes}>
  <p class="platform">${escapeHtml(texts.checkoutPlatform)}</p>
  <h1>${escapeHtml(texts.checkoutHeading)}</h1>

  <section class="panel" aria-labelledby="summary-heading">
    <h2 id="summary-heading">${escapeHtml(texts.orderHeading)}</h2>
    <dl>
      <dt>${escapeHtml(texts.persona)}</dt>
      <dd>${escapeHtml(order.personaName)}</dd>
      <dt>${escapeHtml(texts.license)}</dt>
      <dd>${escapeHtml(tier)} ${escapeHtml(texts.term(TERM_MONTHS[order.license]))}</dd>
      <dt>${escapeHtml(texts.price)}</dt>
      <dd class="amount">${escapeHtml(price)}</dd>
      <dt>${escapeHtml(texts.order)}</dt>
      <dd><code>${escapeHtml(order.id)}</code></dd>
    </dl>
    <p class="note">${escapeHtml(texts.orderNote)}</p>
  </section>

  <section id="pay" class="panel"${hidden(awaiting)} aria-labelledby="pay-heading">
    <h2 id="pay-heading">${escapeHtml(texts.payHeading)}</h2>
    <p class="note">${escapeHtml(texts.payNote)}</p>
    <dl>
      <dt>${escapeHtml(texts.youPay)}</dt>
      <dd class="amount">${escapeHtml(usdcAmount(order.priceCents, texts.moneyLocale))}</dd>
      <dt>${escapeHtml(texts.rate)}</dt>
      <dd>${escapeHtml(usdcRate(texts.moneyLocale))} ${escapeHtml(texts.fixedRate)}</dd>
      <dt>${escapeHtml(texts.toWallet)}</dt>
      <dd><code>${escapeHtml(sandboxWallet(order.id))}</code> ${escapeHtml(texts.sandbox)}</dd>
      <dt>${escapeHtml(texts.heldUntil)}</dt>
      <dd>${timeElement(order.expiresAt, texts.dateLocale)}</dd>
    </dl>
    <button type="button" id="pay-button">${escapeHtml(texts.payButton)}</button>
    <p id="pay-error" class="error" role="alert" hidden></p>
  </section>

  <section aria-labelledby="status-heading">
    <h2 id="status-heading">${escapeHtml(texts.statusHeading)}</h2>
    <p id="status-text" role="status" aria-live="polite" tabindex="-1">${escapeHtml(
      statusLine(texts, order.status, order.confirmations, required, failureReason(order, texts)),
    )}</p>
    <progress id="progress" max="${required}" value="${Math.min(order.confirmations, required)}" aria-labelledby="status-text"${hidden(confirming)}></progress>
    <p id="certificate"${hidden(completed)}><a id="certificate-link" href="${escapeHtml(certificateHref)}">${escapeHtml(
      texts.viewCertificate,
    )}</a></p>${
      order.returnUrl
        ? `\n    <p id="return"><a id="return-link" href="${escapeHtml(
            returnHref(order.returnUrl, order.id, order.status),
          )}">${escapeHtml(texts.returnTo(hostOf(order.returnUrl)))}</a></p>`
        : ''
    }
    <noscript><p>${escapeHtml(texts.noScript)}</p></noscript>
  </section>
</main>`;

  return pageDocument({
    lang: texts.lang,
    title: texts.checkoutTitle(order.personaName, tier),
    stylesheet: `${apiOrigin}/checkout/checkout.css`,
    script: `${apiOrigin}/checkout/checkout.js`,
    body,
  });
}

/**
 * What the page's script says, in the page's language: the status lines, and
 * each way this order could still end (by failure code, `:refunded` when paid).
 */
function scriptTexts(order: OrderRecord, texts: PageTexts) {
  const tier = texts.tiers[order.license];
  const reasons: Record<string, string> = {
    expired: texts.expiredReason(formatInstant(order.expiresAt, texts.dateLocale)),
  };
  for (const code of REJECTION_CODES) {
    reasons[code] = texts.rejectedReason(code, tier, false);
    reasons[`${code}:refunded`] = texts.rejectedReason(code, tier, true);
  }
  return {
    awaiting: texts.awaiting,
    confirming: texts.confirming,
    completed: texts.completed,
    expired: texts.expiredStatus,
    rejected: texts.rejectedStatus,
    sending: texts.sending,
    payFailed: texts.payFailed,
    paymentPending: texts.paymentPending,
    reasons,
  };
}
