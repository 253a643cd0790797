/**
 * Orders: `POST /v1/orders` (idempotency, the quote and agreement rules, the
 * licensing rules again), `GET /v1/orders/{id}` (expiry at the clock's now)
 * and the payment state machine driven by the page's pay endpoint and its
 * real-time confirmations. Completion itself is in `completion.test.ts`.
 */
import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { OrderSchema, type Order } from '../../src/api/schemas.js';
import { counts, expectError, get, isolatedMarketplace, post, seed, type Fetched, type Isolated } from './http.js';
import {
  AGREEMENT_VERSION,
  BUYER,
  buy,
  fetchOrder,
  newKey,
  order,
  orderRequest,
  placeOrder,
  quote,
  sandboxPay,
  sendOrder,
  waitForOrder,
} from './purchase.js';

const NOW = '2026-06-01T00:00:00.000Z';
const ORDER_TTL_MS = 30 * 60_000;
const QUOTE_TTL_MS = 15 * 60_000;

/** The seeded holder of Elio Marchetti's Exclusive. */
const ELIO_HOLDER = seed.personas
  .find((p) => p.id === 'elio-marchetti')!
  .licenses!.find((l) => l.license === 'exclusive')!.buyer;

const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

describe('orders', () => {
  let market: Isolated;

  beforeEach(async () => {
    market = await isolatedMarketplace(NOW, { confirmationIntervalMs: 20 });
  });

  afterEach(async () => {
    await market.dispose();
  });

  /** Sends a request that must be refused, and proves it wrote nothing. */
  async function refused(send: () => Promise<Fetched>, status: number, code: string, field?: string) {
    const before = await counts(market.id);
    const fetched = await send();
    expectError(fetched, status, code, field);
    expect(await counts(market.id)).to.deep.equal(before);
    return fetched;
  }

  const message = (fetched: Fetched) => (fetched.body as { error: { message: string } }).error.message;
  const detail = (fetched: Fetched) => (fetched.body as { error: { details: { message: string }[] } }).error.details[0];

  describe('POST /v1/orders', () => {
    it('answers 201 with the order awaiting payment, its hosted checkout URL and progress, and writes one row', async () => {
      const q = await quote(market.base, 'mara-lindqvist', 'commercial');
      const before = await counts(market.id);
      const fetched = await sendOrder(market.base, orderRequest(q));
      expect(fetched.res.status, fetched.text).to.equal(201);
      expect(fetched.res.headers.get('cache-control')).to.equal('no-store');
      expect(fetched.res.headers.get('content-type')).to.match(/^application\/json/);
      expect(Object.keys(fetched.body as object).sort()).to.deep.equal([
        'certificateId',
        'checkoutUrl',
        'confirmations',
        'expiresAt',
        'failure',
        'failureReason',
        'id',
        'license',
        'personaId',
        'price',
        'status',
      ]);
      const placed = v.parse(OrderSchema, fetched.body);
      expect(placed.id).to.match(/^order-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(placed.status).to.equal('awaiting_payment');
      expect(placed.license).to.equal('commercial');
      expect(placed.personaId).to.equal('mara-lindqvist');
      expect(placed.price).to.deep.equal(q.price);
      // The hosted page, on the API's origin, under the prefix the isolated marketplace is mounted at.
      expect(placed.checkoutUrl).to.equal(`${location.origin}${market.base}/checkout/${placed.id}`);
      expect(placed.certificateId).to.equal(null);
      expect(placed.expiresAt).to.equal(at(ORDER_TTL_MS));
      expect(placed.confirmations).to.deep.equal({ received: 0, required: 3 });
      expect(placed.failureReason).to.equal(null);
      expect(placed.failure).to.equal(null);
      expect(fetched.text).to.not.contain(BUYER.email);
      expect(await counts(market.id)).to.deep.equal({ ...before, orders: before.orders + 1 });
    });

    it('holds an order for orderTtlMs and asks for the configured number of confirmations', async () => {
      const other = await isolatedMarketplace(NOW, { orderTtlMs: 60_000, confirmations: 5 });
      try {
        const placed = await order(other.base, 'juno-okafor', 'commercial');
        expect(placed.expiresAt).to.equal(at(60_000));
        expect(placed.confirmations).to.deep.equal({ received: 0, required: 5 });
      } finally {
        await other.dispose();
      }
    });

    describe('Idempotency-Key', () => {
      it('answers the same key and body with 200 and the same order, writing nothing more', async () => {
        const q = await quote(market.base, 'mara-lindqvist', 'commercial');
        const key = newKey();
        const first = await sendOrder(market.base, orderRequest(q), key);
        expect(first.res.status).to.equal(201);
        const before = await counts(market.id);
        // The same request, its fields in another order and its name padded: still the same request.
        const { quoteId, buyer, acceptedAgreement } = orderRequest(q);
        const again = await sendOrder(
          market.base,
          { acceptedAgreement, buyer: { name: ` ${buyer.name} `, email: buyer.email }, quoteId },
          key,
        );
        expect(again.res.status, again.text).to.equal(200);
        expect(again.body).to.deep.equal(first.body);
        expect(await counts(market.id)).to.deep.equal(before);
      });

      it('answers a repeat with the order’s current state', async () => {
        const q = await quote(market.base, 'mara-lindqvist', 'commercial');
        const key = newKey();
        const placed = v.parse(OrderSchema, (await sendOrder(market.base, orderRequest(q), key)).body);
        expect((await sandboxPay(market.base, placed.id)).res.status).to.equal(200);
        const again = await sendOrder(market.base, orderRequest(q), key);
        expect(again.res.status).to.equal(200);
        const current = v.parse(OrderSchema, again.body);
        expect(current.id).to.equal(placed.id);
        expect(current.status).to.equal('completed');
        expect(current.certificateId).to.be.a('string');
      });

      it('makes one order from 50 concurrent posts with one key', async () => {
        const q = await quote(market.base, 'mara-lindqvist', 'commercial');
        const key = newKey();
        const before = await counts(market.id);
        const answers = await Promise.all(
          Array.from({ length: 50 }, () => sendOrder(market.base, orderRequest(q), key)),
        );
        const statuses = answers.map((a) => a.res.status);
        expect(
          statuses.filter((s) => s === 201),
          statuses.join(),
        ).to.have.length(1);
        expect(
          statuses.filter((s) => s === 200),
          statuses.join(),
        ).to.have.length(49);
        expect(new Set(answers.map((a) => (a.body as Order).id)).size).to.equal(1);
        expect(await counts(market.id)).to.deep.equal({ ...before, orders: before.orders + 1 });
      });

      it('refuses the same key with another body: 422 naming Idempotency-Key', async () => {
        const q = await quote(market.base, 'mara-lindqvist', 'commercial');
        const key = newKey();
        expect((await sendOrder(market.base, orderRequest(q), key)).res.status).to.equal(201);
        const other = orderRequest(q, { buyer: { ...BUYER, name: 'Someone Else' } });
        await refused(() => sendOrder(market.base, other, key), 422, 'business_rule', 'Idempotency-Key');
      });

      it('refuses a missing or malformed key with a 400 naming Idempotency-Key', async () => {
        const q = await quote(market.base, 'mara-lindqvist', 'commercial');
        await refused(() => sendOrder(market.base, orderRequest(q), null), 400, 'invalid_request', 'Idempotency-Key');
        await refused(() => sendOrder(market.base, orderRequest(q), ''), 400, 'invalid_request', 'Idempotency-Key');
        await refused(
          () => sendOrder(market.base, orderRequest(q), 'x'.repeat(201)),
          400,
          'invalid_request',
          'Idempotency-Key',
        );
        await refused(
          () => sendOrder(market.base, orderRequest(q), 'a key'),
          400,
          'invalid_request',
          'Idempotency-Key',
        );
      });
    });

    describe('invalid bodies: 400 naming the field, nothing written', () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['no quoteId', { quoteId: undefined }, 'quoteId'],
        ['a buyer email that is not one', { buyer: { ...BUYER, email: 'nobody' } }, 'buyer.email'],
        ['a blank buyer name', { buyer: { ...BUYER, name: ' ' } }, 'buyer.name'],
        ['no agreement', { acceptedAgreement: undefined }, 'acceptedAgreement'],
        [
          'an unknown license',
          { acceptedAgreement: { license: 'gold', version: AGREEMENT_VERSION } },
          'acceptedAgreement.license',
        ],
        ['a javascript: return URL', { returnUrl: 'javascript:alert(1)' }, 'returnUrl'],
        ['a price from the page', { price: { amount: 1, currency: 'USD' } }, 'price'],
      ];
      for (const [name, changes, field] of cases) {
        it(`refuses ${name}`, async () => {
          const q = await quote(market.base, 'mara-lindqvist', 'commercial');
          await refused(
            () => sendOrder(market.base, { ...orderRequest(q), ...changes }),
            400,
            'invalid_request',
            field,
          );
        });
      }
    });

    it('says a field an order does not take is not an order field', async () => {
      const q = await quote(market.base, 'mara-lindqvist', 'commercial');
      const fetched = await refused(
        () => sendOrder(market.base, { ...orderRequest(q), coupon: 'HALF' }),
        400,
        'invalid_request',
        'coupon',
      );
      expect(detail(fetched)!.message).to.match(/^is not an order field \(expected quoteId, /);
    });

    describe('the quote', () => {
      it('404s a quote the marketplace never issued, naming quoteId', async () => {
        const q = await quote(market.base, 'mara-lindqvist', 'commercial');
        await refused(
          () => sendOrder(market.base, orderRequest(q, { quoteId: 'quote-nope' })),
          404,
          'not_found',
          'quoteId',
        );
      });

      it('refuses an expired quote with 422, saying to ask for a new one', async () => {
        const q = await quote(market.base, 'mara-lindqvist', 'commercial');
        await market.setClock(at(QUOTE_TTL_MS));
        const fetched = await refused(() => sendOrder(market.base, orderRequest(q)), 422, 'business_rule', 'quoteId');
        expect(message(fetched))
          .to.match(/expired/)
          .and.match(/new quote/);
        // A millisecond earlier it was still good.
        await market.setClock(at(QUOTE_TTL_MS - 1));
        expect((await sendOrder(market.base, orderRequest(q))).res.status).to.equal(201);
      });

      it('backs one order only: another key with a used quote is a 422 on quoteId', async () => {
        const q = await quote(market.base, 'mara-lindqvist', 'commercial');
        await placeOrder(market.base, q);
        const fetched = await refused(() => sendOrder(market.base, orderRequest(q)), 422, 'business_rule', 'quoteId');
        expect(message(fetched)).to.match(/new quote/);
      });
    });

    describe('the agreement', () => {
      it('must be for the quoted license', async () => {
        const q = await quote(market.base, 'mara-lindqvist', 'commercial');
        const wrong = { acceptedAgreement: { license: 'exclusive' as const, version: AGREEMENT_VERSION } };
        await refused(
          () => sendOrder(market.base, orderRequest(q, wrong)),
          422,
          'business_rule',
          'acceptedAgreement.license',
        );
      });

      it('must be the tier’s current version', async () => {
        const q = await quote(market.base, 'mara-lindqvist', 'commercial');
        const stale = { acceptedAgreement: { license: 'commercial' as const, version: '2025-01-01' } };
        const fetched = await refused(
          () => sendOrder(market.base, orderRequest(q, stale)),
          422,
          'business_rule',
          'acceptedAgreement.version',
        );
        expect(message(fetched)).to.contain(AGREEMENT_VERSION);
      });
    });

    describe('the licensing rules, checked again', () => {
      it('409s a tier that another buyer’s Exclusive took off sale since the quote', async () => {
        const q = await quote(market.base, 'juno-okafor', 'commercial');
        await buy(market.base, 'juno-okafor', 'exclusive', { email: 'first@example.com', name: 'First' });
        const fetched = await refused(() => sendOrder(market.base, orderRequest(q)), 409, 'conflict', 'license');
        expect(detail(fetched).message).to.equal('exclusive_active');
      });

      it('sells Ownership only to the email holding the Exclusive in force', async () => {
        const q = await quote(market.base, 'elio-marchetti', 'ownership', ELIO_HOLDER.email);
        const stranger = orderRequest(q, { buyer: { email: 'someone@example.com', name: 'Someone' } });
        const fetched = await refused(() => sendOrder(market.base, stranger), 409, 'conflict', 'license');
        expect(detail(fetched).message).to.equal('exclusive_holder_only');
        // The holder, however they capitalise their email.
        const holder = { email: ` ${ELIO_HOLDER.email.toUpperCase()} `, name: ELIO_HOLDER.name };
        const placed = await placeOrder(market.base, q, { buyer: holder });
        expect(placed.license).to.equal('ownership');
      });
    });

    it('404s paths under it and 405s other methods', async () => {
      await refused(() => get(`${market.base}/v1/orders`), 405, 'invalid_request');
      await refused(() => post(`${market.base}/v1/orders/x/y`, {}), 404, 'not_found');
    });
  });

  describe('GET /v1/orders/{id}', () => {
    it('answers the order as it is now, uncached, without the buyer', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const fetched = await get(`${market.base}/v1/orders/${placed.id}`);
      expect(fetched.res.status).to.equal(200);
      expect(fetched.res.headers.get('cache-control')).to.equal('no-store');
      expect(v.parse(OrderSchema, fetched.body)).to.deep.equal(placed);
      expect(fetched.text).to.not.contain(BUYER.email);
      expect(fetched.text).to.not.contain(BUYER.name);
    });

    it('404s an unknown order and 400s an id that is not a slug', async () => {
      await refused(() => get(`${market.base}/v1/orders/order-nope`), 404, 'not_found');
      await refused(() => get(`${market.base}/v1/orders/Order_1`), 400, 'invalid_request', 'id');
    });

    it('expires an unpaid order at expiresAt, for good, saying why', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      await market.setClock(at(ORDER_TTL_MS - 1));
      expect((await fetchOrder(market.base, placed.id)).status).to.equal('awaiting_payment');
      await market.setClock(at(ORDER_TTL_MS));
      const expired = await fetchOrder(market.base, placed.id);
      expect(expired.status).to.equal('expired');
      expect(expired.failureReason)
        .to.match(/expired/)
        .and.match(/new quote/);
      // Persisted: turning the clock back does not revive it, and it can't be paid.
      await market.setClock(NOW);
      expect((await fetchOrder(market.base, placed.id)).status).to.equal('expired');
      const paid = await sandboxPay(market.base, placed.id);
      expectError(paid, 409, 'conflict');
      expect(message(paid)).to.match(/expired/);
    });
  });

  it('writes an expiry that a payment attempt finds, though the payment is refused', async () => {
    const placed = await order(market.base, 'mara-lindqvist', 'commercial');
    await market.setClock(at(ORDER_TTL_MS));
    const paid = await sandboxPay(market.base, placed.id);
    expectError(paid, 409, 'conflict', 'status');
    const page = await get(`${market.base}/checkout/${placed.id}/pay`, { method: 'POST' });
    expectError(page, 409, 'conflict', 'status');
    await market.setClock(NOW);
    const expired = await fetchOrder(market.base, placed.id);
    expect(expired.status).to.equal('expired');
    expect(expired.failureReason).to.equal(
      'This order was held until 1 June 2026 at 00:30 UTC and expired before it was paid. Ask for a new quote to buy the license.',
    );
    expect(expired.failure).to.deep.equal({ code: 'expired', refunded: false });
  });

  describe('paying on the hosted page: confirmations in real time', () => {
    const pay = (id: string) => get(`${market.base}/checkout/${id}/pay`, { method: 'POST' });

    it('moves the order to confirming, counts the confirmations up, then completes it', async () => {
      const slow = await isolatedMarketplace(NOW, { confirmationIntervalMs: 150 });
      try {
        const placed = await order(slow.base, 'mara-lindqvist', 'commercial');
        const paying = await get(`${slow.base}/checkout/${placed.id}/pay`, { method: 'POST' });
        expect(paying.res.status, paying.text).to.equal(200);
        const confirming = v.parse(OrderSchema, paying.body);
        expect(confirming.status).to.equal('confirming');
        expect(confirming.confirmations).to.deep.equal({ received: 0, required: 3 });
        const seen = new Set<number>();
        const done = await waitForOrder(slow.base, placed.id, (o) => {
          if (o.status === 'confirming') seen.add(o.confirmations!.received);
          return o.status !== 'confirming';
        });
        expect([...seen].sort()).to.deep.equal([0, 1, 2]);
        expect(done.status).to.equal('completed');
        expect(done.confirmations).to.deep.equal({ received: 3, required: 3 });
        expect(done.certificateId).to.match(/^cert-/);
      } finally {
        await slow.dispose();
      }
    });

    it('answers 409 naming the status when the order is not awaiting payment, and 404 for no order', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      expect((await pay(placed.id)).res.status).to.equal(200);
      const again = await pay(placed.id);
      expectError(again, 409, 'conflict', 'status');
      expect(message(again)).to.match(/confirming/);
      expectError(await pay('order-nope'), 404, 'not_found');
    });

    it('holds a second Exclusive payment until the first is decided, so no one is charged only to be refunded', async () => {
      const a = await order(market.base, 'juno-okafor', 'exclusive', { email: 'a@example.com', name: 'A' });
      const b = await order(market.base, 'juno-okafor', 'exclusive', { email: 'b@example.com', name: 'B' });
      const before = await counts(market.id);
      expect((await pay(a.id)).res.status).to.equal(200);
      const held = await pay(b.id);
      expectError(held, 409, 'conflict', 'status');
      expect((held.body as { error: { details: { message: string }[] } }).error.details[0].message).to.equal(
        'payment_pending',
      );
      expect(message(held)).to.match(/nothing was charged/);
      // Three confirmations 700 ms apart: at most 3 s.
      expect(Number(held.res.headers.get('retry-after'))).to.be.within(1, 3);
      expect((await fetchOrder(market.base, b.id)).status).to.equal('awaiting_payment');

      expect((await waitForOrder(market.base, a.id, (o) => o.status !== 'confirming')).status).to.equal('completed');
      // Decided: B's payment is refused before any money moves.
      expectError(await pay(b.id), 409, 'conflict', 'license');
      const rejected = await fetchOrder(market.base, b.id);
      expect(rejected.failure).to.deep.equal({ code: 'exclusive_active', refunded: false });
      const after = await counts(market.id);
      expect(after.licenses - before.licenses).to.equal(1);
      expect(after.ledger - before.ledger).to.equal(2);
    });

    it('refuses the payment, before any money moves, when the tier was sold to someone else meanwhile', async () => {
      const late = await order(market.base, 'juno-okafor', 'exclusive', { email: 'late@example.com', name: 'Late' });
      await buy(market.base, 'juno-okafor', 'exclusive', { email: 'first@example.com', name: 'First' });
      const before = await counts(market.id);
      const refused = await pay(late.id);
      expectError(refused, 409, 'conflict', 'license');
      const after = await waitForOrder(market.base, late.id, (o) => o.status !== 'awaiting_payment');
      expect(after.status).to.equal('rejected');
      expect(after.failureReason)
        .to.match(/Exclusive/)
        .and.match(/Nothing was charged/);
      expect(after.failure).to.deep.equal({ code: 'exclusive_active', refunded: false });
      expect(await counts(market.id)).to.deep.equal(before);
    });

    it('resumes the confirmations of an order left confirming when the server stopped', async () => {
      const durable = await isolatedMarketplace(NOW, { file: true, confirmationIntervalMs: 60_000 });
      try {
        const placed = await order(durable.base, 'mara-lindqvist', 'commercial');
        const paying = await get(`${durable.base}/checkout/${placed.id}/pay`, { method: 'POST' });
        expect(paying.res.status).to.equal(200);
        // The server stops a minute before the first confirmation, and starts again quicker.
        await durable.restart({ confirmationIntervalMs: 20 });
        const done = await waitForOrder(durable.base, placed.id, (o) => o.status !== 'confirming');
        expect(done.status).to.equal('completed');
        expect(done.certificateId).to.match(/^cert-/);
      } finally {
        await durable.dispose();
      }
    });
  });

  describe('options', () => {
    const bad: [string, Record<string, unknown>, string][] = [
      ['orderTtlMs 0', { orderTtlMs: 0 }, 'orderTtlMs'],
      ['orderTtlMs over a day', { orderTtlMs: 24 * 60 * 60_000 + 1 }, 'orderTtlMs'],
      ['confirmations 0', { confirmations: 0 }, 'confirmations'],
      ['fractional confirmations', { confirmations: 1.5 }, 'confirmations'],
      ['a negative confirmationIntervalMs', { confirmationIntervalMs: -1 }, 'confirmationIntervalMs'],
      ['a hostedPageDelayMs over a minute', { hostedPageDelayMs: 60_001 }, 'hostedPageDelayMs'],
      ['a sandbox that is not a boolean', { sandbox: 'yes' }, 'sandbox'],
    ];
    for (const [name, options, option] of bad) {
      it(`refuses to create a marketplace with ${name}, naming the option`, async () => {
        let error: Error | null = null;
        try {
          const created = await isolatedMarketplace(NOW, options as object);
          await created.dispose();
        } catch (caught) {
          error = caught as Error;
        }
        expect(error?.message).to.match(new RegExp(`^${option} must be`));
      });
    }
  });
});
