/**
 * Orders and their state machine:
 *
 *     awaiting_payment ──pay──▶ confirming ──last confirmation──▶ completed | rejected
 *            │
 *            └── expiresAt passes unpaid ──▶ expired
 *
 * An order is a buyer's commitment to pay a quote. It sells nothing by
 * itself: rights start when payment completes, so completion checks the
 * licensing rules again at the clock's now and, in one transaction, either
 * issues the license, its certificate and the ledger rows, or rejects the
 * order (another buyer's Exclusive completed first; or, for an Exclusive, a
 * Commercial sale completed since its quote) and writes nothing else.
 *
 * Payment is simulated. Paying on the hosted checkout page moves the order to
 * `confirming`; confirmations then arrive one every `confirmationIntervalMs`
 * of real time (timers, independent of the frozen clock), and the last one
 * completes the order. The sandbox endpoint does all of that at once. Orders
 * left `confirming` by a stopped server resume their confirmations on start.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { CommercialTail, License, Order, OrderRequest, OrderStatus, RejectionCode } from '../src/api/schemas.js';
import { tailGrew } from '../src/internal/licenses.js';
import type { CatalogStore, LicensingSubject } from './catalog.js';
import type { Clock } from './clock.js';
import { ApiError } from './errors.js';
import { keyReused, type Created, type WriteContext } from './idempotency.js';
import { ENGLISH, type PageTexts } from './page-texts.js';
import { formatInstant } from './pages.js';
import {
  AGREEMENT_VERSIONS,
  CORE_RIGHTS,
  TERM_MONTHS,
  commercialTailRight,
  TIER_NAMES,
  rejectionMessage,
  revenueSplit,
  saleRefusal,
  saleRefusedError,
} from './rules.js';
import { addMonths } from './time.js';

/**
 * The 409 for a payment that must wait for another buyer's, which is being
 * confirmed and would make this order unsellable: nothing is taken, the order
 * still awaits payment, and `Retry-After` says when the other is decided.
 */
function paymentPending(seconds: number): ApiError {
  return new ApiError(
    409,
    'conflict',
    `Another buyer's payment for this persona is being confirmed, and it decides whether this order can still be sold; nothing was charged, try again in ${seconds} s`,
    [{ field: 'status', message: 'payment_pending' }],
    { 'Retry-After': String(seconds) },
  );
}

/** How long an unpaid order is held by default: 30 minutes. */
export const DEFAULT_ORDER_TTL_MS = 30 * 60_000;
/** Payment confirmations that complete an order, by default. */
export const DEFAULT_CONFIRMATIONS = 3;
/** Real time between two confirmations, by default. */
export const DEFAULT_CONFIRMATION_INTERVAL_MS = 700;

const MAX_ORDER_TTL_MS = 24 * 60 * 60_000;
const MAX_CONFIRMATIONS = 100;
const MAX_CONFIRMATION_INTERVAL_MS = 60_000;
const MAX_HOSTED_PAGE_DELAY_MS = 60_000;

export interface OrderOptions {
  /** How long an unpaid order is held, in milliseconds. */
  ttlMs: number;
  /** Confirmations that complete a payment. */
  confirmations: number;
  /** Real milliseconds between two confirmations. */
  confirmationIntervalMs: number;
  /** Real milliseconds the hosted checkout page takes to answer. */
  hostedPageDelayMs: number;
}

function wholeNumber(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** Checks the order options of `createMarketplace`, or throws naming the bad one. */
export function resolveOrderOptions(options: {
  orderTtlMs?: number;
  confirmations?: number;
  confirmationIntervalMs?: number;
  hostedPageDelayMs?: number;
}): OrderOptions {
  return {
    ttlMs: wholeNumber('orderTtlMs', options.orderTtlMs, DEFAULT_ORDER_TTL_MS, 1, MAX_ORDER_TTL_MS),
    confirmations: wholeNumber('confirmations', options.confirmations, DEFAULT_CONFIRMATIONS, 1, MAX_CONFIRMATIONS),
    confirmationIntervalMs: wholeNumber(
      'confirmationIntervalMs',
      options.confirmationIntervalMs,
      DEFAULT_CONFIRMATION_INTERVAL_MS,
      0,
      MAX_CONFIRMATION_INTERVAL_MS,
    ),
    hostedPageDelayMs: wholeNumber('hostedPageDelayMs', options.hostedPageDelayMs, 0, 0, MAX_HOSTED_PAGE_DELAY_MS),
  };
}

/** An order as the server sees it: the row, its persona's name and its certificate. Holds the buyer's email. */
export interface OrderRecord {
  id: string;
  quoteId: string;
  personaId: string;
  personaName: string;
  license: License;
  priceCents: number;
  currency: string;
  buyerName: string;
  buyerEmail: string;
  status: OrderStatus;
  /** The origin of the page that created the order, if it said; the checkout page posts only there. */
  origin: string | null;
  returnUrl: string | null;
  confirmations: number;
  rejectionReason: string | null;
  /** Why a rejected order ended, as data (null for orders rejected before codes were kept). */
  rejectionCode: RejectionCode | null;
  /** For an Exclusive: the Commercial licenses running when it was quoted (null for quotes that didn't record it). */
  quotedTail: CommercialTail | null;
  /** Whether the buyer's payment had arrived (a rejected paid order is refunded in full). */
  paid: boolean;
  createdAt: string;
  expiresAt: string;
  completedAt: string | null;
  certificateId: string | null;
}

interface OrderRow {
  id: string;
  quote_id: string;
  persona_id: string;
  persona_name: string;
  license: License;
  price_cents: number;
  currency: string;
  buyer_name: string;
  buyer_email: string;
  request_hash: string;
  status: OrderStatus;
  origin: string | null;
  return_url: string | null;
  confirmations: number;
  rejection_reason: string | null;
  rejection_code: RejectionCode | null;
  tail_count: number | null;
  tail_until: string | null;
  paid: 0 | 1;
  created_at: string;
  expires_at: string;
  completed_at: string | null;
  certificate_id: string | null;
}

interface QuoteRow {
  id: string;
  persona_id: string;
  license: License;
  price_cents: number;
  currency: string;
  expires_at: string;
  commercial_tail_count: number | null;
  commercial_tail_until: string | null;
}

function tailOf(count: number | null, until: string | null): CommercialTail | null {
  return count === null ? null : { count, until };
}

function toRecord(row: OrderRow): OrderRecord {
  return {
    id: row.id,
    quoteId: row.quote_id,
    personaId: row.persona_id,
    personaName: row.persona_name,
    license: row.license,
    priceCents: row.price_cents,
    currency: row.currency,
    buyerName: row.buyer_name,
    buyerEmail: row.buyer_email,
    status: row.status,
    origin: row.origin,
    returnUrl: row.return_url,
    confirmations: row.confirmations,
    rejectionReason: row.rejection_reason,
    rejectionCode: row.rejection_code,
    quotedTail: tailOf(row.tail_count, row.tail_until),
    paid: row.paid === 1,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    completedAt: row.completed_at,
    certificateId: row.certificate_id,
  };
}

/**
 * Why an order ended without a license, in words for the buyer; `null` while
 * it hasn't. In English (the API's `failureReason`) unless other `texts` are
 * given (the hosted page). Worded from the rejection code; an order rejected
 * before codes were kept has only its stored English prose.
 */
export function failureReason(record: OrderRecord, texts: PageTexts = ENGLISH): string | null {
  if (record.status === 'expired') return texts.expiredReason(formatInstant(record.expiresAt, texts.dateLocale));
  if (record.status !== 'rejected') return null;
  if (!record.rejectionCode) return record.rejectionReason;
  return texts.rejectedReason(record.rejectionCode, texts.tiers[record.license], record.paid);
}

/** Why the order ended, as data: what `failureReason` says, for clients that speak the buyer's language. */
export function failure(record: OrderRecord): Order['failure'] {
  if (record.status === 'expired') return { code: 'expired', refunded: false };
  if (record.status === 'rejected' && record.rejectionCode) {
    return { code: record.rejectionCode, refunded: record.paid };
  }
  return null;
}

/** The hosted checkout page of an order, under the API's origin (and prefix). */
export function checkoutUrl(apiOrigin: string, orderId: string): string {
  return `${apiOrigin}/checkout/${orderId}`;
}

/** An order as the API answers it: no buyer data at all. */
export function orderView(record: OrderRecord, apiOrigin: string, required: number): Order {
  return {
    id: record.id,
    status: record.status,
    license: record.license,
    personaId: record.personaId,
    price: { amount: record.priceCents, currency: record.currency },
    checkoutUrl: checkoutUrl(apiOrigin, record.id),
    certificateId: record.certificateId,
    expiresAt: record.expiresAt,
    confirmations: { received: record.confirmations, required },
    failureReason: failureReason(record),
    failure: failure(record),
  };
}

/** The simulated payment's reference, as a chain transaction id would look. */
const paymentReference = () => `sandbox-tx-${randomUUID().replaceAll('-', '')}`;

/** The sandbox wallet an order is paid to: fixed per order, never a real address. */
export function sandboxWallet(orderId: string): string {
  return `0x${createHash('sha256').update(`aip-sandbox-wallet:${orderId}`).digest('hex').slice(0, 40)}`;
}

/** An order row with its persona's name and its certificate (SQL fragments; values are bound). */
const ORDER_COLUMNS = `o.id, o.quote_id, o.persona_id, p.name AS persona_name, o.license, o.price_cents, o.currency,
  o.buyer_name, o.buyer_email, o.request_hash, o.status, o.origin, o.return_url, o.confirmations,
  o.rejection_reason, o.rejection_code, q.commercial_tail_count AS tail_count, q.commercial_tail_until AS tail_until,
  o.paid_at IS NOT NULL AS paid, o.created_at, o.expires_at, o.completed_at, c.id AS certificate_id`;
const ORDER_FROM = `orders o JOIN personas p ON p.id = o.persona_id JOIN quotes q ON q.id = o.quote_id
  LEFT JOIN certificates c ON c.order_id = o.id`;

type Completion = { status: 'completed' } | { status: 'rejected'; reason: RejectionCode };

export class OrderStore {
  readonly #db: Database;
  readonly #catalog: CatalogStore;
  readonly #clock: Clock;
  readonly #options: OrderOptions;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #closed = false;
  readonly #select: Statement;
  readonly #byKey: Statement;
  readonly #quote: Statement;
  readonly #quoteUsed: Statement;
  readonly #insert: Statement;
  readonly #expire: Statement;
  readonly #pay: Statement;
  readonly #confirm: Statement;
  readonly #reject: Statement;
  readonly #confirmingBeside: Statement;
  readonly #completeOrder: Statement;
  readonly #insertLicense: Statement;
  readonly #insertCertificate: Statement;
  readonly #insertLedger: Statement;

  constructor(db: Database, catalog: CatalogStore, clock: Clock, options: OrderOptions) {
    this.#db = db;
    this.#catalog = catalog;
    this.#clock = clock;
    this.#options = options;
    this.#select = db.prepare(`SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE o.id = ?`);
    this.#byKey = db.prepare(`SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE o.idempotency_key = ?`);
    this.#quote = db.prepare(
      `SELECT id, persona_id, license, price_cents, currency, expires_at, commercial_tail_count, commercial_tail_until
       FROM quotes WHERE id = ?`,
    );
    this.#quoteUsed = db.prepare('SELECT 1 FROM orders WHERE quote_id = ?');
    this.#insert = db.prepare(
      `INSERT INTO orders (id, quote_id, persona_id, license, price_cents, currency, buyer_name, buyer_email,
         agreement_version, idempotency_key, request_hash, origin, return_url, status, created_at, expires_at)
       VALUES (@id, @quoteId, @personaId, @license, @price, @currency, @buyerName, @buyerEmail,
         @agreementVersion, @key, @hash, @origin, @returnUrl, 'awaiting_payment', @createdAt, @expiresAt)`,
    );
    this.#expire = db.prepare(
      `UPDATE orders SET status = 'expired' WHERE id = ? AND status = 'awaiting_payment' AND expires_at <= ?`,
    );
    this.#pay = db.prepare(
      `UPDATE orders SET status = 'confirming', paid_at = @now, payment_reference = @reference, confirmations = @count
       WHERE id = @id AND status = 'awaiting_payment'`,
    );
    this.#confirm = db.prepare(`UPDATE orders SET confirmations = ? WHERE id = ? AND status = 'confirming'`);
    this.#confirmingBeside = db.prepare(
      `SELECT license, confirmations FROM orders WHERE persona_id = ? AND status = 'confirming' AND id <> ?`,
    );
    this.#reject = db.prepare(
      `UPDATE orders SET status = 'rejected', rejection_reason = ?, rejection_code = ? WHERE id = ? AND status IN ('awaiting_payment', 'confirming')`,
    );
    this.#completeOrder = db.prepare(
      `UPDATE orders SET status = 'completed', completed_at = ? WHERE id = ? AND status = 'confirming'`,
    );
    this.#insertLicense = db.prepare(
      `INSERT INTO licenses (id, persona_id, license, buyer_name, buyer_email, effective_at, expires_at, order_id,
         created_at)
       VALUES (@id, @personaId, @license, @buyerName, @buyerEmail, @now, @expiresAt, @orderId, @now)`,
    );
    this.#insertCertificate = db.prepare(
      `INSERT INTO certificates (id, license_id, order_id, rights, issued_at)
       VALUES (@id, @licenseId, @orderId, @rights, @now)`,
    );
    this.#insertLedger = db.prepare(
      `INSERT INTO ledger (order_id, party, creator_id, amount_cents, currency, created_at)
       VALUES (@orderId, @party, @creatorId, @amount, @currency, @now)`,
    );
  }

  /** Confirmations that complete a payment. */
  get requiredConfirmations(): number {
    return this.#options.confirmations;
  }

  /**
   * Makes an order for a quote, or finds the one this key already made (in
   * its current state). Check and insert are one immediate transaction, so
   * concurrent retries of one key make one order. Nothing is written on a
   * refusal: 404 (no such quote), 422 (expired or used quote, wrong
   * agreement, key reused with another body), 409 (tier not on sale).
   */
  create(request: OrderRequest, write: WriteContext): Created<OrderRecord> {
    return this.#db
      .transaction((): Created<OrderRecord> => {
        const now = this.#clock.now();
        const nowIso = now.toISOString();
        const existing = this.#byKey.get(write.key) as OrderRow | undefined;
        if (existing) {
          if (existing.request_hash !== write.hash) throw keyReused('order');
          return { status: 200, body: this.#current(existing, nowIso) };
        }

        const quote = this.#quote.get(request.quoteId) as QuoteRow | undefined;
        if (!quote) {
          throw new ApiError(404, 'not_found', `No quote "${request.quoteId}"`, [
            { field: 'quoteId', message: 'is not a quote this marketplace issued' },
          ]);
        }
        if (quote.expires_at <= nowIso) {
          throw new ApiError(
            422,
            'business_rule',
            `The quote expired at ${quote.expires_at}; ask for a new quote and order with it`,
            [{ field: 'quoteId', message: 'has expired' }],
          );
        }
        if (this.#quoteUsed.get(quote.id)) {
          throw new ApiError(
            422,
            'business_rule',
            'This quote already backs another order; ask for a new quote to order again',
            [{ field: 'quoteId', message: 'is already used by another order' }],
          );
        }
        const { license, version } = request.acceptedAgreement;
        if (license !== quote.license) {
          throw new ApiError(
            422,
            'business_rule',
            `The accepted agreement is for ${TIER_NAMES[license]}, but the quote is for ${TIER_NAMES[quote.license]}`,
            [{ field: 'acceptedAgreement.license', message: `must be the quoted license (${quote.license})` }],
          );
        }
        const current = AGREEMENT_VERSIONS[quote.license];
        if (version !== current) {
          throw new ApiError(
            422,
            'business_rule',
            `The ${TIER_NAMES[quote.license]} agreement in force is version ${current}; show it to the buyer and have them accept it`,
            [{ field: 'acceptedAgreement.version', message: `must be the current agreement version (${current})` }],
          );
        }

        const subject = this.#catalog.licensingSubject(quote.persona_id, nowIso);
        if (!subject) {
          throw new ApiError(404, 'not_found', `The quoted persona "${quote.persona_id}" is no longer published`, [
            { field: 'quoteId', message: 'is for a persona that is no longer published' },
          ]);
        }
        const reason = saleRefusal(subject, quote.license, request.buyer.email);
        if (reason) throw saleRefusedError(reason, quote.license, subject);
        const quotedTail = tailOf(quote.commercial_tail_count, quote.commercial_tail_until);
        if (quotedTail && tailGrew(quotedTail, this.#catalog.commercialTail(quote.persona_id, nowIso))) {
          throw new ApiError(
            409,
            'conflict',
            `More Commercial licenses of "${quote.persona_id}" are running than this Exclusive quote says; ` +
              'show the buyer the new number, then ask for a new quote',
            [{ field: 'license', message: 'commercial_tail_grew' }],
          );
        }

        const id = `order-${randomUUID()}`;
        this.#insert.run({
          id,
          quoteId: quote.id,
          personaId: quote.persona_id,
          license: quote.license,
          price: quote.price_cents,
          currency: quote.currency,
          buyerName: request.buyer.name,
          buyerEmail: request.buyer.email,
          agreementVersion: version,
          key: write.key,
          hash: write.hash,
          origin: write.origin,
          returnUrl: request.returnUrl ?? null,
          createdAt: nowIso,
          expiresAt: new Date(now.getTime() + this.#options.ttlMs).toISOString(),
        });
        return { status: 201, body: this.#load(id)! };
      })
      .immediate();
  }

  /**
   * An order in its current state, or `null`. An unpaid order whose expiry
   * has passed at the clock's now becomes `expired` here, for good.
   */
  get(id: string): OrderRecord | null {
    return this.#db
      .transaction(() => {
        const row = this.#select.get(id) as OrderRow | undefined;
        return row ? this.#current(row, this.#clock.now().toISOString()) : null;
      })
      .immediate();
  }

  /**
   * The buyer paid on the checkout page: the order moves to `confirming` and
   * its confirmations start arriving. 404 for no such order, 409 unless it
   * is awaiting payment (an expired one says so).
   */
  startPayment(id: string): OrderRecord {
    const record = this.#takePayment(id, (awaiting, now) => {
      this.#pay.run({ id, now, reference: paymentReference(), count: 0 });
      return { ...awaiting, status: 'confirming' as const, confirmations: 0 };
    });
    this.#schedule(id);
    return record;
  }

  /**
   * Takes the payment of an order awaiting one, in one immediate transaction:
   * `pay` runs only when the tier can still be sold to its buyer (otherwise
   * the order is rejected, nothing charged, and the 409 says why) and no other
   * buyer's payment that decides this one is confirming (409
   * `payment_pending`, the order left as it was).
   */
  #takePayment<T>(id: string, pay: (awaiting: OrderRecord, now: string) => T): T {
    this.get(id); // an expiry found on the way is written even though the payment is then refused
    const outcome = this.#db
      .transaction((): { refused: RejectionCode } | { wait: number } | { paid: T } => {
        const awaiting = this.#awaitingPayment(id);
        const now = this.#clock.now().toISOString();
        const refused = this.#refuseUnsellable(awaiting, now);
        if (refused) return { refused };
        const wait = this.#secondsUntilDecided(awaiting);
        if (wait !== null) return { wait };
        return { paid: pay(awaiting, now) };
      })
      .immediate();
    if ('refused' in outcome) this.#throwRefused(id, outcome.refused);
    if ('wait' in outcome) throw paymentPending(outcome.wait);
    return outcome.paid;
  }

  /**
   * Another buyer's payment for the same persona that is confirming and, if it
   * completes, makes this order unsellable (an Exclusive or Ownership takes
   * every tier; a Commercial grows the tail an Exclusive was quoted with):
   * the seconds until it is decided, or null when there is none. Paying now
   * would only take money to return it, so payment waits for that decision.
   * Inside the caller's transaction.
   */
  #secondsUntilDecided(record: OrderRecord): number | null {
    const rows = this.#confirmingBeside.all(record.personaId, record.id) as {
      license: License;
      confirmations: number;
    }[];
    const blocking = rows.filter(
      (other) => other.license !== 'commercial' || (record.license === 'exclusive' && record.quotedTail !== null),
    );
    if (blocking.length === 0) return null;
    const { confirmations, confirmationIntervalMs } = this.#options;
    const left = Math.max(...blocking.map((other) => confirmations - other.confirmations));
    return Math.max(1, Math.ceil((left * confirmationIntervalMs) / 1000));
  }

  /**
   * Before any money moves: if the order's tier can no longer be sold (another
   * buyer's Exclusive took effect, the persona was assigned or withdrawn), the
   * order is rejected with "nothing was charged" and the reason is returned.
   * Inside the caller's transaction.
   */
  #refuseUnsellable(record: OrderRecord, now: string): RejectionCode | null {
    const sale = this.#sale(record, now);
    if (!('refused' in sale)) return null;
    this.#reject.run(rejectionMessage(sale.refused, record.license, false), sale.refused, record.id);
    return sale.refused;
  }

  /**
   * The order's sale at `now`: its persona, and for an Exclusive the
   * Commercial licenses running beside it; or why its tier can't be sold to
   * its buyer then: the licensing rules, and for an Exclusive, the Commercial
   * licenses it was quoted with (a Commercial sale completed since would run
   * beside it unseen).
   */
  #sale(
    record: OrderRecord,
    now: string,
  ): { refused: RejectionCode } | { subject: LicensingSubject; tail: CommercialTail | null } {
    const subject = this.#catalog.licensingSubject(record.personaId, now);
    if (!subject) return { refused: 'unpublished' };
    const refused = saleRefusal(subject, record.license, record.buyerEmail);
    if (refused) return { refused };
    const tail = record.license === 'exclusive' ? this.#catalog.commercialTail(record.personaId, now) : null;
    if (tail && record.quotedTail && tailGrew(record.quotedTail, tail)) return { refused: 'commercial_tail_grew' };
    return { subject, tail };
  }

  #throwRefused(id: string, reason: RejectionCode): never {
    throw new ApiError(409, 'conflict', this.#load(id)?.rejectionReason ?? 'The order was rejected', [
      { field: 'license', message: reason },
    ]);
  }

  /**
   * Sandbox: the buyer pays and every confirmation arrives at once, and the
   * order completes, all in one transaction. 404 for no such order; 409
   * unless it is awaiting payment, and 409 when completion rejects it (the
   * order is then `rejected`, which stays written).
   */
  payInSandbox(id: string): OrderRecord {
    const { record, completion } = this.#takePayment(id, (awaiting, now) => {
      const count = this.#options.confirmations;
      this.#pay.run({ id, now, reference: paymentReference(), count });
      const completion = this.#complete({ ...awaiting, status: 'confirming', confirmations: count }, now);
      return { record: this.#load(id)!, completion };
    });
    if (completion.status === 'rejected') this.#throwRefused(record.id, completion.reason);
    return record;
  }

  /** Restarts the confirmations of orders a stopped server left `confirming`; returns how many. */
  resume(): number {
    const ids = this.#db.prepare(`SELECT id FROM orders WHERE status = 'confirming' ORDER BY created_at`).pluck().all();
    for (const id of ids as string[]) this.#schedule(id);
    return ids.length;
  }

  /** Stops every pending confirmation (the database is about to close). */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #load(id: string): OrderRecord | null {
    const row = this.#select.get(id) as OrderRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** The row as it stands at `nowIso`, expiring it first if it is due. Inside a transaction. */
  #current(row: OrderRow, nowIso: string): OrderRecord {
    if (row.status === 'awaiting_payment' && row.expires_at <= nowIso) {
      this.#expire.run(row.id, nowIso);
      return toRecord({ ...row, status: 'expired' });
    }
    return toRecord(row);
  }

  /** The order, if it can be paid now; otherwise the 404 or 409 that says why. Inside a transaction. */
  #awaitingPayment(id: string): OrderRecord {
    const row = this.#select.get(id) as OrderRow | undefined;
    if (!row) {
      throw new ApiError(404, 'not_found', `No order "${id}"`);
    }
    const record = this.#current(row, this.#clock.now().toISOString());
    if (record.status !== 'awaiting_payment') {
      const why =
        record.status === 'expired'
          ? `Order "${id}" has expired and can no longer be paid; ask for a new quote`
          : `Order "${id}" is ${record.status.replace('_', ' ')}, not awaiting payment`;
      throw new ApiError(409, 'conflict', why, [{ field: 'status', message: record.status }]);
    }
    return record;
  }

  /** The next confirmation of an order, after the interval. Timers never keep the process alive. */
  #schedule(id: string): void {
    if (this.#closed || this.#timers.has(id)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(id);
      try {
        this.#nextConfirmation(id);
      } catch (error) {
        console.error(`[marketplace] confirming order ${id} failed:`, error);
      }
    }, this.#options.confirmationIntervalMs);
    timer.unref();
    this.#timers.set(id, timer);
  }

  /** One more confirmation; the last one completes the order. */
  #nextConfirmation(id: string): void {
    if (this.#closed || !this.#db.open) return;
    const pending = this.#db
      .transaction(() => {
        const record = this.#load(id);
        if (!record || record.status !== 'confirming') return false;
        const received = record.confirmations + 1;
        this.#confirm.run(received, id);
        if (received < this.#options.confirmations) return true;
        this.#complete({ ...record, confirmations: received }, this.#clock.now().toISOString());
        return false;
      })
      .immediate();
    if (pending) this.#schedule(id);
  }

  /**
   * Completes a paid order at `now`, inside the caller's transaction: the
   * rules (and an Exclusive's quoted Commercial licenses) are checked again, then either the license, its certificate and
   * the two ledger rows are written and the order is `completed`, or the
   * order is `rejected` with the reason and nothing else is written.
   */
  #complete(record: OrderRecord, now: string): Completion {
    const sale = this.#sale(record, now);
    if ('refused' in sale) {
      this.#reject.run(rejectionMessage(sale.refused, record.license), sale.refused, record.id);
      return { status: 'rejected', reason: sale.refused };
    }
    const { subject, tail } = sale;

    const term = TERM_MONTHS[record.license];
    const licenseId = `license-${randomUUID()}`;
    this.#insertLicense.run({
      id: licenseId,
      personaId: record.personaId,
      license: record.license,
      buyerName: record.buyerName,
      buyerEmail: record.buyerEmail,
      now,
      expiresAt: term === null ? null : addMonths(new Date(now), term).toISOString(),
      orderId: record.id,
    });
    this.#insertCertificate.run({
      id: `cert-${randomUUID()}`,
      licenseId,
      orderId: record.id,
      // An Exclusive's also name the Commercial licenses running beside it.
      rights: JSON.stringify(
        tail ? [...CORE_RIGHTS[record.license], commercialTailRight(tail, formatInstant)] : CORE_RIGHTS[record.license],
      ),
      now,
    });
    const split = revenueSplit(record.priceCents);
    const entry = { orderId: record.id, currency: record.currency, now };
    this.#insertLedger.run({ ...entry, party: 'creator', creatorId: subject.creatorId, amount: split.creator });
    this.#insertLedger.run({ ...entry, party: 'platform', creatorId: null, amount: split.platform });
    this.#completeOrder.run(now, record.id);
    return { status: 'completed' };
  }
}
