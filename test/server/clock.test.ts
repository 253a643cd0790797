import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import {
  ErrorBodySchema,
  LICENSES,
  PersonaSchema,
  QuoteSchema,
  type Availability,
  type License,
  type Persona,
} from '../../src/api/schemas.js';
import { counts, get, isolatedMarketplace, post, seed, walkCatalog, type Isolated } from './http.js';
import { plusMonths } from './purchase.js';

const SEEDED_AT = '2026-06-01T00:00:00.000Z';
const QUOTE_TTL_MS = 15 * 60_000;

/** The seeded holder of a persona's Exclusive. */
const exclusiveHolder = (id: string) =>
  seed.personas.find((p) => p.id === id)!.licenses!.find((l) => l.license === 'exclusive')!.buyer.email;

describe('licensing state over time (isolated marketplace)', () => {
  let market: Isolated;

  beforeEach(async () => {
    market = await isolatedMarketplace(SEEDED_AT);
  });

  afterEach(async () => {
    await market.dispose();
  });

  async function persona(id: string): Promise<Persona> {
    const fetched = await get(`${market.base}/v1/personas/${id}`);
    expect(fetched.res.status, fetched.text).to.equal(200);
    return v.parse(PersonaSchema, fetched.body);
  }

  /**
   * What `POST /v1/quotes` does for a tier right now: the quote's price and
   * expiry on 201, the reason on 409. Checks that a refusal writes nothing.
   */
  async function quoteOutcome(personaId: string, license: License, buyerEmail?: string): Promise<string> {
    const before = await counts(market.id);
    const fetched = await post(`${market.base}/v1/quotes`, { personaId, license, buyerEmail });
    if (fetched.res.status === 201) {
      const q = v.parse(QuoteSchema, fetched.body);
      return `201 ${q.price.amount} ${q.expiresAt}`;
    }
    expect(fetched.res.status, fetched.text).to.equal(409);
    expect(await counts(market.id)).to.deep.equal(before);
    return v.parse(ErrorBodySchema, fetched.body).error.details![0].message;
  }

  /** The three tiers' outcomes for an anonymous buyer, then Ownership for the given email. */
  async function outcomes(personaId: string, ownershipEmail: string): Promise<string[]> {
    const anonymous = [];
    for (const license of LICENSES) anonymous.push(await quoteOutcome(personaId, license));
    return [...anonymous, await quoteOutcome(personaId, 'ownership', ownershipEmail)];
  }

  const expiry = (now: string | number) => new Date(Date.parse(String(now)) + QUOTE_TTL_MS).toISOString();

  async function inState(availability: Availability): Promise<string[]> {
    const { items } = await walkCatalog(`availability=${availability}&rating=explicit&limit=5`, market.base);
    return items.map((p) => p.id);
  }

  it('resolves the seed’s relative dates against the clock at seed time', async () => {
    // Elio's Exclusive took effect "-20d" before seeding and runs 12 months.
    const elio = await persona('elio-marchetti');
    expect(elio.exclusiveUntil).to.equal('2027-05-12T00:00:00.000Z');
    // Published "-300d".
    expect(elio.publishedAt).to.equal('2025-08-05T00:00:00.000Z');
  });

  it('flips an Exclusive to open at its expiry, in the persona and in the catalog filter', async () => {
    const before = await persona('marcus-bell');
    expect(before.availability).to.equal('exclusive_active');
    expect(await inState('exclusive_active')).to.include('marcus-bell');
    expect(await inState('open')).to.not.include('marcus-bell');
    const until = Date.parse(before.exclusiveUntil!);

    const holder = exclusiveHolder('marcus-bell');
    const prices = before.offers.map((o) => o.price.amount);
    const justBefore = new Date(until - 1).toISOString();
    await market.setClock(justBefore);
    expect((await persona('marcus-bell')).availability).to.equal('exclusive_active');
    // Up to the last millisecond, only the holder can buy, and only Ownership.
    expect(await outcomes('marcus-bell', holder)).to.deep.equal([
      'exclusive_active',
      'exclusive_active',
      'exclusive_holder_only',
      `201 ${prices[2]} ${expiry(justBefore)}`,
    ]);

    // The expiry instant itself is outside the term (effective <= now < expires).
    await market.setClock(new Date(until).toISOString());
    const after = await persona('marcus-bell');
    expect(after.availability).to.equal('open');
    expect(after.exclusiveUntil).to.equal(null);
    expect(after.offers.map((o) => [o.license, o.available, o.reason])).to.deep.equal([
      ['commercial', true, null],
      ['exclusive', true, null],
      ['ownership', false, 'requires_active_exclusive'],
    ]);
    expect(await inState('open')).to.include('marcus-bell');
    expect(await inState('exclusive_active')).to.not.include('marcus-bell');
    // Sales reopen; the former holder has no claim on Ownership any more.
    const at = new Date(until).toISOString();
    expect(await outcomes('marcus-bell', holder)).to.deep.equal([
      `201 ${prices[0]} ${expiry(at)}`,
      `201 ${prices[1]} ${expiry(at)}`,
      'requires_active_exclusive',
      'requires_active_exclusive',
    ]);
  });

  it('shrinks the Commercial tail as each pre-Exclusive license runs out', async () => {
    const start = await persona('elio-marchetti');
    expect(start.commercialTail.count).to.equal(2);
    const last = Date.parse(start.commercialTail.until!);

    await market.setClock(new Date(last - 1).toISOString());
    const oneLeft = await persona('elio-marchetti');
    expect(oneLeft.commercialTail).to.deep.equal({ count: 1, until: start.commercialTail.until });

    await market.setClock(new Date(last).toISOString());
    const none = await persona('elio-marchetti');
    expect(none.commercialTail).to.deep.equal({ count: 0, until: null });
    expect(none.availability).to.equal('exclusive_active');
  });

  it('keeps an assigned persona assigned for good', async () => {
    await market.setClock('2031-01-01T00:00:00.000Z');
    const kai = await persona('kai-nakamura');
    expect(kai.availability).to.equal('assigned');
    expect(kai.offers.every((o) => o.reason === 'assigned')).to.equal(true);
    expect(await inState('assigned')).to.deep.equal(['kai-nakamura']);
    expect(await outcomes('kai-nakamura', exclusiveHolder('kai-nakamura'))).to.deep.equal([
      'assigned',
      'assigned',
      'assigned',
      'assigned',
    ]);
  });

  it('never lists an assigned persona as open, even once the Exclusive before its Ownership has run out', async () => {
    // Kai's Exclusive took effect "-200d" before seeding and ran its term; Ownership followed inside it.
    const seeded = seed.personas.find((p) => p.id === 'kai-nakamura')!.licenses as unknown as {
      license: string;
      effectiveAt: string;
    }[];
    const days = Number(/^-(\d+)d$/.exec(seeded.find((l) => l.license === 'exclusive')!.effectiveAt)![1]);
    const term = (await persona('kai-nakamura')).offers.find((o) => o.license === 'exclusive')!.termMonths!;
    const ended = plusMonths(new Date(Date.parse(SEEDED_AT) - days * 86_400_000).toISOString(), term);
    expect(ended > SEEDED_AT, 'the Exclusive is still in force at seed time').to.equal(true);

    await market.setClock(ended);
    expect((await persona('kai-nakamura')).availability).to.equal('assigned');
    const open = await walkCatalog('availability=open&rating=explicit&limit=100', market.base);
    expect(open.items.length).to.be.greaterThan(0);
    expect(open.items.map((p) => p.id)).to.not.include('kai-nakamura');
    expect(await inState('assigned')).to.deep.equal(['kai-nakamura']);
  });

  it('dates a quote’s expiry from the marketplace clock, wherever it stands', async () => {
    for (const at of ['2026-06-01T00:00:00.000Z', '2027-02-28T23:50:00.000Z', '2030-12-31T23:59:59.999Z']) {
      await market.setClock(at);
      const fetched = await post(`${market.base}/v1/quotes`, { personaId: 'juno-okafor', license: 'commercial' });
      expect(fetched.res.status, fetched.text).to.equal(201);
      expect(v.parse(QuoteSchema, fetched.body).expiresAt).to.equal(expiry(at));
    }
    expect((await counts(market.id)).quotes).to.equal(3);
  });

  it('changes the ETag when the clock changes the answer', async () => {
    const first = await get(`${market.base}/v1/personas/marcus-bell`);
    const until = (first.body as Persona).exclusiveUntil!;
    await market.setClock(until);
    const second = await get(`${market.base}/v1/personas/marcus-bell`, {
      headers: { 'If-None-Match': first.res.headers.get('etag')! },
    });
    expect(second.res.status).to.equal(200);
    expect((second.body as Persona).availability).to.equal('open');
  });

  it('is isolated: its own rows, untouched by reads', async () => {
    const rows = await counts(market.id);
    expect(rows.personas).to.equal(31);
    expect(rows.creators).to.equal(5);
    expect(rows.licenses).to.be.greaterThan(0);
    for (const table of ['quotes', 'orders', 'certificates', 'custom_orders', 'ledger']) {
      expect(rows[table], table).to.equal(0);
    }
    await walkCatalog('rating=explicit&limit=3', market.base);
    await get(`${market.base}/v1/personas/elio-marchetti`);
    expect(await counts(market.id)).to.deep.equal(rows);
  });

  it('moves both ways, and back to real time when cleared', async () => {
    const until = Date.parse((await persona('marcus-bell')).exclusiveUntil!);
    await market.setClock('2040-01-01T00:00:00.000Z');
    expect((await persona('marcus-bell')).availability).to.equal('open');
    await market.setClock(SEEDED_AT);
    expect((await persona('marcus-bell')).availability).to.equal('exclusive_active');
    await market.setClock(null);
    const expected = Date.now() >= until ? 'open' : 'exclusive_active';
    expect((await persona('marcus-bell')).availability).to.equal(expected);
  });
});
