/**
 * Completing a purchase through `POST /v1/sandbox/orders/{id}/pay`: what is
 * written (license, certificate, ledger), what the buyer gets, how the
 * persona's availability changes for everyone, and what happens when two
 * buyers race for one Exclusive.
 */
import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { computeTierPrices } from '../../src/api/pricing.js';
import {
  CatalogPageSchema,
  CertificateSchema,
  OrderSchema,
  PersonaSchema,
  PricingPolicySchema,
  type Certificate,
  type PricingPolicy,
} from '../../src/api/schemas.js';
import { counts, expectError, get, isolatedMarketplace, seed, type Isolated } from './http.js';
import {
  BUYER,
  buy,
  fetchOrder,
  order,
  orderRequest,
  plusMonths,
  quote,
  placeOrder,
  sandboxPay,
  sendOrder,
  waitForOrder,
} from './purchase.js';

const NOW = '2026-06-01T00:00:00.000Z';

describe('completing a purchase (sandbox)', () => {
  let market: Isolated;
  let policy: PricingPolicy;

  beforeEach(async () => {
    market = await isolatedMarketplace(NOW);
    policy = v.parse(PricingPolicySchema, (await get(`${market.base}/v1/pricing-policy`)).body);
  });

  afterEach(async () => {
    await market.dispose();
  });

  async function certificate(id: string): Promise<Certificate> {
    const fetched = await get(`${market.base}/v1/certificates/${id}`);
    expect(fetched.res.status, fetched.text).to.equal(200);
    return v.parse(CertificateSchema, fetched.body);
  }

  it('answers 200 with the completed order and writes one license, one certificate and two ledger rows', async () => {
    const placed = await order(market.base, 'mara-lindqvist', 'commercial');
    const before = await counts(market.id);
    const paid = await sandboxPay(market.base, placed.id);
    expect(paid.res.status, paid.text).to.equal(200);
    expect(paid.res.headers.get('cache-control')).to.equal('no-store');
    const done = v.parse(OrderSchema, paid.body);
    expect(done.status).to.equal('completed');
    expect(done.confirmations).to.deep.equal({ received: 3, required: 3 });
    expect(done.certificateId).to.match(/^cert-[0-9a-f-]{36}$/);
    expect(done.failureReason).to.equal(null);
    expect(await fetchOrder(market.base, placed.id)).to.deep.equal(done);
    expect(await counts(market.id)).to.deep.equal({
      ...before,
      licenses: before.licenses + 1,
      certificates: before.certificates + 1,
      ledger: before.ledger + 2,
    });
  });

  it('pays the creator 75 % (rounded down) and the platform the rest, summing to the price', async () => {
    // A Commercial price of 49.99: 75 % is 37.4925, so the creator gets 37.49 and the platform 12.50.
    // Rounding would give the same there; 49.01 below tells rounding down from rounding to the nearest cent.
    const odd = await isolatedMarketplace(NOW, {
      seed: {
        ...seed,
        personas: seed.personas.map((p) =>
          p.id === 'noor-haddad'
            ? { ...p, commercialPrice: 4999 }
            : p.id === 'juno-okafor'
              ? { ...p, commercialPrice: 4901 }
              : p,
        ),
      },
    });
    try {
      const done = await buy(odd.base, 'noor-haddad', 'commercial');
      expect(done.price.amount).to.equal(4999);
      expect(await odd.ledger(done.id)).to.deep.equal([
        { party: 'creator', amount: 3749, currency: 'USD' },
        { party: 'platform', amount: 1250, currency: 'USD' },
      ]);
      // 49.01: 75 % is 36.7575, which rounds up to 36.76 but the creator gets 36.75, the platform 12.26.
      const above = await buy(odd.base, 'juno-okafor', 'commercial');
      expect(above.price.amount).to.equal(4901);
      expect(await odd.ledger(above.id)).to.deep.equal([
        { party: 'creator', amount: 3675, currency: 'USD' },
        { party: 'platform', amount: 1226, currency: 'USD' },
      ]);
      const exclusive = await buy(odd.base, 'mara-lindqvist', 'exclusive');
      const rows = await odd.ledger(exclusive.id);
      expect(rows[0].amount).to.equal(Math.floor((exclusive.price.amount * 75) / 100));
      expect(rows[0].amount + rows[1].amount).to.equal(exclusive.price.amount);
    } finally {
      await odd.dispose();
    }
  });

  it('issues a Commercial certificate effective now, running 6 months, naming the buyer only', async () => {
    const done = await buy(market.base, 'mara-lindqvist', 'commercial');
    const fetched = await get(`${market.base}/v1/certificates/${done.certificateId}`);
    expect(fetched.text).to.not.contain(BUYER.email);
    const cert = v.parse(CertificateSchema, fetched.body);
    expect(cert.id).to.equal(done.certificateId);
    expect(cert.license).to.equal('commercial');
    expect(cert.personaId).to.equal('mara-lindqvist');
    expect(cert.personaName).to.equal('Mara Lindqvist');
    expect(cert.buyer).to.deep.equal({ name: BUYER.name });
    expect(cert.effectiveAt).to.equal(NOW);
    expect(cert.expiresAt).to.equal(plusMonths(NOW, 6));
    expect(cert.rights).to.have.length.greaterThan(0);
    expect(cert.rights.join(' ')).to.match(/6 months/);
    expect(cert.url).to.equal(`${location.origin}${market.base}/certificates/${cert.id}`);
  });

  it('issues an Exclusive certificate for 12 months, and the persona shows the Exclusive to everyone', async () => {
    const personaUrl = `${market.base}/v1/personas/juno-okafor`;
    const catalogUrl = `${market.base}/v1/catalog?creator=nova-studio&limit=100`;
    const personaBefore = await get(personaUrl);
    const catalogBefore = await get(catalogUrl);
    expect((personaBefore.body as { availability: string }).availability).to.equal('open');

    const done = await buy(market.base, 'juno-okafor', 'exclusive');
    const cert = await certificate(done.certificateId!);
    expect(cert.license).to.equal('exclusive');
    expect(cert.effectiveAt).to.equal(NOW);
    expect(cert.expiresAt).to.equal(plusMonths(NOW, 12));
    expect(cert.rights.at(-1)).to.equal('No Commercial license sold earlier runs beside it');

    const personaAfter = await get(personaUrl);
    const persona = v.parse(PersonaSchema, personaAfter.body);
    expect(persona.availability).to.equal('exclusive_active');
    expect(persona.exclusiveUntil).to.equal(cert.expiresAt);
    expect(persona.offers.map((o) => [o.license, o.available, o.reason])).to.deep.equal([
      ['commercial', false, 'exclusive_active'],
      ['exclusive', false, 'exclusive_active'],
      ['ownership', false, 'exclusive_holder_only'],
    ]);
    expect(personaAfter.res.headers.get('etag')).to.not.equal(personaBefore.res.headers.get('etag'));
    // A cached copy is not confirmed: the old ETag gets the new listing.
    const revalidated = await get(personaUrl, { headers: { 'If-None-Match': personaBefore.res.headers.get('etag')! } });
    expect(revalidated.res.status).to.equal(200);

    const catalogAfter = await get(catalogUrl);
    expect(catalogAfter.res.headers.get('etag')).to.not.equal(catalogBefore.res.headers.get('etag'));
    const summary = v.parse(CatalogPageSchema, catalogAfter.body).items.find((p) => p.id === 'juno-okafor')!;
    expect(summary.availability).to.equal('exclusive_active');
    expect(summary.exclusiveUntil).to.equal(cert.expiresAt);
    const filtered = v.parse(CatalogPageSchema, (await get(`${catalogUrl}&availability=exclusive_active`)).body);
    expect(filtered.items.map((p) => p.id)).to.include('juno-okafor');

    // Nobody can quote Commercial or Exclusive now.
    const refused = await get(`${market.base}/v1/quotes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personaId: 'juno-okafor', license: 'commercial' }),
    });
    expectError(refused, 409, 'conflict', 'license');
  });

  it("states on an Exclusive's certificate the Commercial licenses sold earlier that run beside it", async () => {
    // Felix Hartmann has one, sold 90 days before NOW for 6 months (the demo seed).
    const felix = await buy(market.base, 'felix-hartmann', 'exclusive');
    expect((await certificate(felix.certificateId!)).rights.at(-1)).to.equal(
      '1 Commercial license sold earlier runs beside it to its own end, on 3 September 2026 at 00:00 UTC',
    );
    await buy(market.base, 'noor-haddad', 'commercial', { email: 'one@example.com', name: 'One' });
    await buy(market.base, 'noor-haddad', 'commercial', { email: 'two@example.com', name: 'Two' });
    const noor = await buy(market.base, 'noor-haddad', 'exclusive');
    expect((await certificate(noor.certificateId!)).rights.at(-1)).to.equal(
      '2 Commercial licenses sold earlier run beside it to their own ends, the last on 1 December 2026 at 00:00 UTC',
    );
    // The page prints the same rights.
    const page = await get(`${market.base}/certificates/${noor.certificateId}`);
    expect(page.text).to.contain('the last on 1 December 2026 at 00:00 UTC');
  });

  it('lets the Exclusive holder buy Ownership, which has no term and assigns the persona', async () => {
    const holder = { email: 'rights@example.com', name: 'Rights Holder Ltd' };
    await buy(market.base, 'juno-okafor', 'exclusive', holder);
    const done = await buy(market.base, 'juno-okafor', 'ownership', holder);
    expect(done.price.amount).to.equal(computeTierPrices(policy, 9900).ownership);
    const cert = await certificate(done.certificateId!);
    expect(cert.license).to.equal('ownership');
    expect(cert.expiresAt).to.equal(null);
    expect(cert.rights.join(' ')).to.match(/No term/);
    const persona = v.parse(PersonaSchema, (await get(`${market.base}/v1/personas/juno-okafor`)).body);
    expect(persona.availability).to.equal('assigned');
  });

  it('knows the Exclusive holder by email whatever its case and surrounding spaces, through to completion', async () => {
    await buy(market.base, 'juno-okafor', 'exclusive', { email: 'Robin@Example.com', name: 'Robin Example' });
    const q = await quote(market.base, 'juno-okafor', 'ownership', ' robin@example.com ');
    const placed = await placeOrder(market.base, q, { buyer: { email: 'robin@example.com', name: 'Robin Example' } });
    const paid = await sandboxPay(market.base, placed.id);
    expect(paid.res.status, paid.text).to.equal(200);
    expect(v.parse(OrderSchema, paid.body).status).to.equal('completed');
    const persona = v.parse(PersonaSchema, (await get(`${market.base}/v1/personas/juno-okafor`)).body);
    expect(persona.availability).to.equal('assigned');
  });

  it('answers 409 when the order is not awaiting payment, saying its status', async () => {
    const placed = await order(market.base, 'mara-lindqvist', 'commercial');
    expect((await sandboxPay(market.base, placed.id)).res.status).to.equal(200);
    const before = await counts(market.id);
    const again = await sandboxPay(market.base, placed.id);
    expectError(again, 409, 'conflict', 'status');
    expect((again.body as { error: { message: string } }).error.message).to.match(/completed/);
    expect(await counts(market.id)).to.deep.equal(before);
  });

  it('404s an unknown order', async () => {
    expectError(await sandboxPay(market.base, 'order-nope'), 404, 'not_found');
    expectError(await sandboxPay(market.base, 'Not_A_Slug'), 404, 'not_found');
  });

  it('completes exactly one of 20 Exclusive orders paid at once; the others are refused before any charge', async () => {
    const orders = [];
    for (let i = 0; i < 20; i += 1) {
      orders.push(
        await order(market.base, 'sana-whitfield', 'exclusive', { email: `b${i}@example.com`, name: `B${i}` }),
      );
    }
    const before = await counts(market.id);
    const answers = await Promise.all(orders.map((o) => sandboxPay(market.base, o.id)));
    const statuses = answers.map((a) => a.res.status);
    expect(statuses.filter((s) => s === 200)).to.have.length(1);
    expect(statuses.filter((s) => s === 409)).to.have.length(19);
    for (const refused of answers.filter((a) => a.res.status === 409)) {
      expectError(refused, 409, 'conflict', 'license');
      // Paid one after another, the later ones find the tier gone before any money moves.
      expect((refused.body as { error: { message: string } }).error.message).to.match(/Nothing was charged/);
    }
    const ends = await Promise.all(orders.map((o) => fetchOrder(market.base, o.id)));
    expect(ends.filter((o) => o.status === 'completed')).to.have.length(1);
    const rejected = ends.filter((o) => o.status === 'rejected');
    expect(rejected).to.have.length(19);
    expect(
      rejected.every((o) => o.certificateId === null && /Nothing was charged/.test(o.failureReason ?? '')),
    ).to.equal(true);
    expect(await counts(market.id)).to.deep.equal({
      ...before,
      licenses: before.licenses + 1,
      certificates: before.certificates + 1,
      ledger: before.ledger + 2,
    });
  });

  it('refuses to take payment for a Commercial order after an Exclusive took effect, writing nothing but the rejection', async () => {
    const commercial = await order(market.base, 'sana-whitfield', 'commercial');
    await buy(market.base, 'sana-whitfield', 'exclusive', { email: 'x@example.com', name: 'X' });
    const before = await counts(market.id);
    const paid = await sandboxPay(market.base, commercial.id);
    expectError(paid, 409, 'conflict', 'license');
    expect(await counts(market.id)).to.deep.equal(before);
    const rejected = await fetchOrder(market.base, commercial.id);
    expect(rejected.status).to.equal('rejected');
    expect(rejected.failureReason)
      .to.match(/Exclusive/)
      .and.match(/Nothing was charged/);
  });

  it('serves no sandbox endpoint when the sandbox is off', async () => {
    const live = await isolatedMarketplace(NOW, { sandbox: false });
    try {
      const q = await quote(live.base, 'mara-lindqvist', 'commercial');
      const placed = await placeOrder(live.base, q);
      expectError(await sandboxPay(live.base, placed.id), 404, 'not_found');
      expectError(await get(`${live.base}/v1/sandbox/orders/${placed.id}/pay`), 404, 'not_found');
      expect((await fetchOrder(live.base, placed.id)).status).to.equal('awaiting_payment');
    } finally {
      await live.dispose();
    }
  });

  it('keeps the seeded license history as it was', async () => {
    // Seeded licenses have no order and no certificate; completing orders adds to them, never changes them.
    const seeded = seed.personas.flatMap((p) => p.licenses ?? []).length;
    expect((await counts(market.id)).licenses).to.equal(seeded);
    expect((await counts(market.id)).certificates).to.equal(0);
  });
});

describe('an Exclusive is sold with the Commercial licenses its quote showed', () => {
  let market: Isolated;
  const OTHER = { email: 'studio@example.com', name: 'Other Studio' };
  const pay = (id: string) => get(`${market.base}/checkout/${id}/pay`, { method: 'POST' });

  beforeEach(async () => {
    market = await isolatedMarketplace(NOW);
  });

  afterEach(async () => {
    await market.dispose();
  });

  it('refuses the order, writing nothing, when a Commercial sale completed after the quote', async () => {
    const q = await quote(market.base, 'juno-okafor', 'exclusive');
    expect(q.commercialTail).to.deep.equal({ count: 0, until: null });
    await buy(market.base, 'juno-okafor', 'commercial', OTHER);
    const before = await counts(market.id);
    const refused = await sendOrder(market.base, orderRequest(q));
    expectError(refused, 409, 'conflict', 'license');
    expect((refused.body as { error: { details: { message: string }[] } }).error.details[0].message).to.equal(
      'commercial_tail_grew',
    );
    expect(await counts(market.id)).to.deep.equal(before);
    // A new quote says what the Exclusive now lives with, and sells it.
    const again = await quote(market.base, 'juno-okafor', 'exclusive');
    expect(again.commercialTail!.count).to.equal(1);
    const placed = await placeOrder(market.base, again);
    expect(v.parse(OrderSchema, (await sandboxPay(market.base, placed.id)).body).status).to.equal('completed');
  });

  it('refuses the payment, charging nothing, when a Commercial sale completed after the order', async () => {
    const placed = await order(market.base, 'juno-okafor', 'exclusive');
    await buy(market.base, 'juno-okafor', 'commercial', OTHER);
    const before = await counts(market.id);
    const refused = await sandboxPay(market.base, placed.id);
    expectError(refused, 409, 'conflict', 'license');
    const after = await fetchOrder(market.base, placed.id);
    expect(after.status).to.equal('rejected');
    expect(after.failure).to.deep.equal({ code: 'commercial_tail_grew', refunded: false });
    expect(after.failureReason)
      .to.match(/Commercial License was sold/)
      .and.match(/Nothing was charged/);
    expect(await counts(market.id)).to.deep.equal(before);
  });

  it('holds each payment while the other is confirming, so neither buyer is charged only to be refunded', async () => {
    // A Commercial confirming: the Exclusive quoted without it waits, then is refused with nothing charged.
    const exclusive = await order(market.base, 'juno-okafor', 'exclusive');
    const commercial = await order(market.base, 'juno-okafor', 'commercial', OTHER);
    expect((await pay(commercial.id)).res.status).to.equal(200);
    const held = await sandboxPay(market.base, exclusive.id);
    expectError(held, 409, 'conflict', 'status');
    expect(Number(held.res.headers.get('retry-after'))).to.be.greaterThan(0);
    expect((await fetchOrder(market.base, exclusive.id)).status).to.equal('awaiting_payment');
    expect((await waitForOrder(market.base, commercial.id, (o) => o.status !== 'confirming')).status).to.equal(
      'completed',
    );
    expectError(await pay(exclusive.id), 409, 'conflict', 'license');
    expect((await fetchOrder(market.base, exclusive.id)).failure).to.deep.equal({
      code: 'commercial_tail_grew',
      refunded: false,
    });

    // An Exclusive confirming: a Commercial waits, then is refused with nothing charged.
    const next = await order(market.base, 'noor-haddad', 'exclusive');
    const late = await order(market.base, 'noor-haddad', 'commercial', OTHER);
    expect((await pay(next.id)).res.status).to.equal(200);
    expectError(await pay(late.id), 409, 'conflict', 'status');
    expect((await waitForOrder(market.base, next.id, (o) => o.status !== 'confirming')).status).to.equal('completed');
    expectError(await pay(late.id), 409, 'conflict', 'license');
    expect((await fetchOrder(market.base, late.id)).failure).to.deep.equal({
      code: 'exclusive_active',
      refunded: false,
    });

    // Two Commercials never hold each other.
    const one = await order(market.base, 'mara-lindqvist', 'commercial', OTHER);
    const two = await order(market.base, 'mara-lindqvist', 'commercial');
    expect((await pay(one.id)).res.status).to.equal(200);
    expect((await pay(two.id)).res.status).to.equal(200);
  });

  it('still sells it when a Commercial license ran out in between', async () => {
    const start = v.parse(PersonaSchema, (await get(`${market.base}/v1/personas/felix-hartmann`)).body);
    expect(start.commercialTail.count).to.equal(1);
    const end = Date.parse(start.commercialTail.until!);
    await market.setClock(new Date(end - 60_000).toISOString());
    const placed = await order(market.base, 'felix-hartmann', 'exclusive');
    await market.setClock(new Date(end + 1).toISOString());
    const paid = await sandboxPay(market.base, placed.id);
    expect(paid.res.status, paid.text).to.equal(200);
    expect(v.parse(OrderSchema, paid.body).status).to.equal('completed');
  });
});
