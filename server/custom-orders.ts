/**
 * Custom orders: a buyer's brief for new work on a persona, handed to the
 * platform (which reviews it with the creator). The marketplace stores the
 * brief and answers with a short request number; nothing about the creator
 * goes back to the buyer.
 */
import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import {
  ratingRank,
  type CustomOrder,
  type CustomOrderRequest,
  type ErrorDetail,
  type PricingPolicy,
} from '../src/api/schemas.js';
import type { CatalogStore } from './catalog.js';
import { ApiError } from './errors.js';
import { keyReused, type Created, type WriteContext } from './idempotency.js';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `co-` and 8 base32 characters (40 random bits): short enough to read out, a slug for URLs. */
function requestNumber(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < 8; i += 1) {
    text = BASE32[Number(bits & 31n)] + text;
    bits >>= 5n;
  }
  return `co-${text}`;
}

/** Is `YYYY-MM-DD` a day on the calendar (not 2026-02-30)? */
function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

export class CustomOrderStore {
  readonly #db: Database;
  readonly #catalog: CatalogStore;
  readonly #policy: PricingPolicy;
  readonly #byKey: Statement;
  readonly #idTaken: Statement;
  readonly #insert: Statement;

  constructor(db: Database, catalog: CatalogStore, policy: PricingPolicy) {
    this.#db = db;
    this.#catalog = catalog;
    this.#policy = policy;
    this.#byKey = db.prepare('SELECT id, status, request_hash FROM custom_orders WHERE idempotency_key = ?');
    this.#idTaken = db.prepare('SELECT 1 FROM custom_orders WHERE id = ?');
    this.#insert = db.prepare(
      `INSERT INTO custom_orders (id, persona_id, buyer_name, buyer_email, type, goal, channel, deliverable_count,
         formats, reference_urls, must_avoid, deadline, budget_cents, currency, content_rating, status,
         idempotency_key, request_hash, origin, created_at)
       VALUES (@id, @personaId, @buyerName, @buyerEmail, @type, @goal, @channel, @deliverableCount,
         @formats, @references, @mustAvoid, @deadline, @budget, @currency, @rating, 'submitted',
         @key, @hash, @origin, @createdAt)`,
    );
  }

  /**
   * Stores a brief, or finds the one this key already made. Throws a 404 for
   * a persona that is not public, a 400 naming each field a rule refuses, and
   * a 422 for a key reused with another body; nothing is written then.
   */
  create(request: CustomOrderRequest, write: WriteContext, now: Date): Created<CustomOrder> {
    const nowIso = now.toISOString();
    return this.#db
      .transaction((): Created<CustomOrder> => {
        const existing = this.#byKey.get(write.key) as
          { id: string; status: CustomOrder['status']; request_hash: string } | undefined;
        if (existing) {
          if (existing.request_hash !== write.hash) throw keyReused('custom order');
          return { status: 200, body: { id: existing.id, status: existing.status } };
        }

        const subject = this.#catalog.licensingSubject(request.personaId, nowIso);
        if (!subject) {
          throw new ApiError(404, 'not_found', `No published persona "${request.personaId}"`, [
            { field: 'personaId', message: 'is not a published persona' },
          ]);
        }
        const details = this.#ruleDetails(request, subject.contentRating, nowIso.slice(0, 10));
        if (details.length > 0) {
          throw new ApiError(
            400,
            'invalid_request',
            `Invalid custom order request: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`,
            details,
          );
        }

        let id = requestNumber();
        while (this.#idTaken.get(id)) id = requestNumber();
        this.#insert.run({
          id,
          personaId: subject.id,
          buyerName: request.buyer.name,
          buyerEmail: request.buyer.email,
          type: request.type,
          goal: request.goal,
          channel: request.channel,
          deliverableCount: request.deliverableCount,
          formats: JSON.stringify(request.formats),
          references: JSON.stringify(request.references),
          mustAvoid: request.mustAvoid,
          deadline: request.deadline,
          budget: request.budget.amount,
          currency: request.budget.currency,
          rating: request.rating,
          key: write.key,
          hash: write.hash,
          origin: write.origin,
          createdAt: nowIso,
        });
        return { status: 201, body: { id, status: 'submitted' } };
      })
      .immediate();
  }

  /** What the schema can't check: the deadline against today, the budget against the policy, the rating. */
  #ruleDetails(request: CustomOrderRequest, personaRating: CustomOrderRequest['rating'], today: string): ErrorDetail[] {
    const details: ErrorDetail[] = [];
    if (!isCalendarDate(request.deadline)) {
      details.push({ field: 'deadline', message: 'is not a day on the calendar' });
    } else if (request.deadline < today) {
      details.push({ field: 'deadline', message: `must not be in the past (today is ${today})` });
    }
    if (request.budget.currency !== this.#policy.currency) {
      details.push({
        field: 'budget.currency',
        message: `must be ${this.#policy.currency}, the marketplace's currency`,
      });
    }
    if (request.budget.amount < 1) {
      details.push({ field: 'budget.amount', message: 'must be at least 1 (minor units)' });
    }
    if (ratingRank(request.rating) > ratingRank(personaRating)) {
      details.push({ field: 'rating', message: `can't be above this persona's rating (${personaRating})` });
    }
    return details;
  }
}
