/**
 * Quotes: the server's authoritative price for one tier of one persona, valid
 * for a limited time. The price comes from `computeTierPrices`, the function
 * that prices the offers, and the license rules are checked at the clock's
 * "now". A quote fixes the price, not the availability: the order that uses
 * it checks the rules again. An Exclusive quote also fixes the Commercial
 * licenses its buyer lives with: more of them later refuses its order.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { computeTierPrices } from '../src/api/pricing.js';
import type { PricingPolicy, Quote, QuoteRequest } from '../src/api/schemas.js';
import type { CatalogStore } from './catalog.js';
import { ApiError } from './errors.js';
import { AGREEMENT_VERSIONS, saleRefusal, saleRefusedError } from './rules.js';

/** How long a quote stays valid by default: 15 minutes. */
export const DEFAULT_QUOTE_TTL_MS = 15 * 60_000;

/** The longest quote lifetime accepted: one day. */
const MAX_QUOTE_TTL_MS = 24 * 60 * 60_000;

/** Checks a `quoteTtlMs` option, or throws naming the bad value. */
export function resolveQuoteTtl(ttlMs: number | undefined): number {
  if (ttlMs === undefined) return DEFAULT_QUOTE_TTL_MS;
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1 || ttlMs > MAX_QUOTE_TTL_MS) {
    throw new RangeError(
      `quoteTtlMs must be a whole number of milliseconds from 1 to ${MAX_QUOTE_TTL_MS}, got ${ttlMs}`,
    );
  }
  return ttlMs;
}

export class QuoteStore {
  readonly #db: Database;
  readonly #catalog: CatalogStore;
  readonly #policy: PricingPolicy;
  readonly #ttlMs: number;
  readonly #insert: Statement;

  constructor(db: Database, catalog: CatalogStore, policy: PricingPolicy, ttlMs: number) {
    this.#db = db;
    this.#catalog = catalog;
    this.#policy = policy;
    this.#ttlMs = ttlMs;
    this.#insert = db.prepare(
      `INSERT INTO quotes (id, persona_id, license, price_cents, currency, policy_version, agreement_version,
         created_at, expires_at, commercial_tail_count, commercial_tail_until)
       VALUES (@id, @personaId, @license, @price, @currency, @policyVersion, @agreementVersion,
         @createdAt, @expiresAt, @tailCount, @tailUntil)`,
    );
  }

  /**
   * Quotes a tier at `now` and stores the quote. Throws a 404 for a persona
   * that is not public and a 409 (reason in `details`) for a tier that is not
   * on sale to this buyer; nothing is written then.
   */
  create(request: QuoteRequest, now: Date): Quote {
    const nowIso = now.toISOString();
    // Read and write in one immediate transaction, so no sale can slip in between.
    return this.#db
      .transaction((): Quote => {
        const subject = this.#catalog.licensingSubject(request.personaId, nowIso);
        if (!subject) {
          throw new ApiError(404, 'not_found', `No published persona "${request.personaId}"`, [
            { field: 'personaId', message: 'is not a published persona' },
          ]);
        }
        const reason = saleRefusal(subject, request.license, request.buyerEmail);
        if (reason) throw saleRefusedError(reason, request.license, subject);

        const prices = computeTierPrices(this.#policy, subject.commercialPriceCents);
        const quote: Quote = {
          id: `quote-${randomUUID()}`,
          personaId: subject.id,
          license: request.license,
          price: { amount: prices[request.license], currency: this.#policy.currency },
          expiresAt: new Date(now.getTime() + this.#ttlMs).toISOString(),
        };
        // What an Exclusive bought now lives with, so the buyer confirms the tail they were shown still holds;
        // kept with the quote, so the order on it is refused if more are running by the time it is made or paid.
        if (request.license === 'exclusive') quote.commercialTail = this.#catalog.commercialTail(subject.id, nowIso);
        this.#insert.run({
          id: quote.id,
          personaId: quote.personaId,
          license: quote.license,
          price: quote.price.amount,
          currency: quote.price.currency,
          policyVersion: this.#policy.version,
          agreementVersion: AGREEMENT_VERSIONS[quote.license],
          createdAt: nowIso,
          expiresAt: quote.expiresAt,
          tailCount: quote.commercialTail?.count ?? null,
          tailUntil: quote.commercialTail?.until ?? null,
        });
        return quote;
      })
      .immediate();
  }
}
