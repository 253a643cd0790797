import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { PersonaSchema, type Availability, type Persona } from '../../src/api/schemas.js';
import { counts, get, isolatedMarketplace, walkCatalog, type Isolated } from './http.js';

const SEEDED_AT = '2026-06-01T00:00:00.000Z';

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

    await market.setClock(new Date(until - 1).toISOString());
    expect((await persona('marcus-bell')).availability).to.equal('exclusive_active');

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
