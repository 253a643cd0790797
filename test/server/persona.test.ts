import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { computeTierPrices } from '../../src/api/pricing.js';
import {
  ErrorBodySchema,
  LICENSES,
  PersonaSchema,
  PricingPolicySchema,
  QuoteSchema,
  type License,
  type Persona,
  type PricingPolicy,
} from '../../src/api/schemas.js';
import {
  counts,
  expectError,
  get,
  isolatedMarketplace,
  post,
  published,
  seed,
  unpublished,
  type Isolated,
} from './http.js';

async function persona(id: string, base = ''): Promise<Persona> {
  const fetched = await get(`${base}/v1/personas/${id}`);
  expect(fetched.res.status, fetched.text).to.equal(200);
  return v.parse(PersonaSchema, fetched.body);
}

const offer = (p: Persona, license: License) => p.offers.find((o) => o.license === license)!;

describe('GET /v1/personas/:id', () => {
  it('answers every published persona in full, as seeded', async () => {
    for (const source of published) {
      const p = await persona(source.id);
      expect(p.id).to.equal(source.id);
      expect(p.name).to.equal(source.name);
      expect(p.description).to.equal(source.description);
      expect(p.description).to.match(/AI-generated fictional persona/);
      expect(p.deliverables).to.deep.equal(source.deliverables);
      expect(p.tags).to.deep.equal(source.tags);
      expect(p.previews.map((x) => [x.kind, x.width, x.height, x.alt])).to.deep.equal(
        source.previews.map((x) => [x.kind ?? 'image', x.width, x.height, x.alt]),
      );
      p.previews.forEach((preview, i) => {
        const picture = `${location.origin}/media/personas/${source.id}/preview-${i + 1}.svg`;
        if (preview.kind === 'image') return expect(preview.url).to.equal(picture);
        // A clip: its footage, its length as seeded, and the picture of its position as its poster.
        expect(preview.url).to.equal(picture.replace(/\.svg$/, '.webm'));
        expect(preview.poster).to.equal(picture);
        expect(preview.durationSeconds).to.equal(source.previews[i]!.durationSeconds);
      });
    }
  });

  it('prices every offer with computeTierPrices and the published policy, cheapest tier first', async () => {
    const policy = v.parse(PricingPolicySchema, (await get('/v1/pricing-policy')).body);
    for (const source of published) {
      const p = await persona(source.id);
      const prices = computeTierPrices(policy, p.commercialPrice.amount);
      expect(p.offers.map((o) => o.license)).to.deep.equal([...LICENSES]);
      for (const o of p.offers) {
        expect(o.price, `${source.id} ${o.license}`).to.deep.equal({ amount: prices[o.license], currency: 'USD' });
      }
      const [commercial, exclusive, ownership] = p.offers.map((o) => o.price.amount);
      expect(commercial).to.equal(source.commercialPrice);
      expect(commercial < exclusive && exclusive < ownership, source.id).to.equal(true);
      expect(p.offers.map((o) => o.termMonths)).to.deep.equal([6, 12, null]);
    }
  });

  it('links each offer to a served agreement page of its version', async () => {
    const p = await persona('mara-lindqvist');
    for (const o of p.offers) {
      expect(o.agreement.url).to.equal(`${location.origin}/agreements/${o.license}/${o.agreement.version}`);
      const page = await get(o.agreement.url);
      expect(page.res.status).to.equal(200);
      expect(page.res.headers.get('content-type')).to.match(/^text\/html/);
      expect(page.text).to.contain(o.agreement.version);
    }
  });

  describe('the license table (DESIGN §3): offers and POST /v1/quotes, row by row', () => {
    // An isolated marketplace, because quotes are written; its clock is frozen so
    // expiries can be checked exactly. The seed's dates are relative to it.
    const NOW = '2026-06-01T00:00:00.000Z';
    const QUOTE_TTL_MS = 15 * 60_000;
    let market: Isolated;
    let policy: PricingPolicy;

    before(async () => {
      market = await isolatedMarketplace(NOW);
      policy = v.parse(PricingPolicySchema, (await get(`${market.base}/v1/pricing-policy`)).body);
    });

    after(async () => {
      await market.dispose();
    });

    /** The seeded buyer of a persona's first license of this tier. */
    const buyerOf = (id: string, license: License) =>
      seed.personas.find((p) => p.id === id)!.licenses!.find((l) => l.license === license)!.buyer.email;

    const quote = (personaId: string, license: License, buyerEmail?: string) =>
      post(`${market.base}/v1/quotes`, { personaId, license, ...(buyerEmail === undefined ? {} : { buyerEmail }) });

    /** The tier is quoted (201) at its offer's price, and exactly one quote row is written. */
    async function quoted(p: Persona, license: License, buyerEmail?: string): Promise<void> {
      const before = await counts(market.id);
      const fetched = await quote(p.id, license, buyerEmail);
      expect(fetched.res.status, `${p.id} ${license} ${buyerEmail ?? ''}: ${fetched.text}`).to.equal(201);
      const q = v.parse(QuoteSchema, fetched.body);
      expect([q.personaId, q.license]).to.deep.equal([p.id, license]);
      expect(q.price).to.deep.equal(offer(p, license).price);
      expect(q.price.amount).to.equal(computeTierPrices(policy, p.commercialPrice.amount)[license]);
      expect(q.expiresAt).to.equal(new Date(Date.parse(NOW) + QUOTE_TTL_MS).toISOString());
      expect(await counts(market.id)).to.deep.equal({ ...before, quotes: before.quotes + 1 });
    }

    /** The tier is refused with a 409 whose details carry the reason, and nothing is written. */
    async function refused(p: Persona, license: License, reason: string, buyerEmail?: string): Promise<void> {
      const before = await counts(market.id);
      const fetched = await quote(p.id, license, buyerEmail);
      expectError(fetched, 409, 'conflict', 'license');
      const { error } = v.parse(ErrorBodySchema, fetched.body);
      expect(error.details, `${p.id} ${license} ${buyerEmail ?? ''}`).to.deep.equal([
        { field: 'license', message: reason },
      ]);
      // The message says it in words, not as the code.
      expect(error.message).to.not.equal(reason);
      expect(error.message).to.contain(p.id);
      expect(await counts(market.id)).to.deep.equal(before);
    }

    it('open: Commercial and Exclusive on sale, Ownership needs an active Exclusive', async () => {
      const p = await persona('mara-lindqvist', market.base);
      expect(p.availability).to.equal('open');
      expect(p.exclusiveUntil).to.equal(null);
      expect(p.offers.map((o) => [o.license, o.available, o.reason])).to.deep.equal([
        ['commercial', true, null],
        ['exclusive', true, null],
        ['ownership', false, 'requires_active_exclusive'],
      ]);
      // Two Commercial licenses are running; they are reported even while the persona is open.
      expect(p.commercialTail.count).to.equal(2);
      expect(Date.parse(p.commercialTail.until!)).to.be.greaterThan(Date.parse(NOW));

      await quoted(p, 'commercial');
      await quoted(p, 'exclusive');
      await refused(p, 'ownership', 'requires_active_exclusive');
      // A Commercial licensee is nobody special.
      await refused(p, 'ownership', 'requires_active_exclusive', buyerOf(p.id, 'commercial'));
    });

    it('exclusive active: no new sales, Ownership for the holder only, the Commercial tail disclosed', async () => {
      const p = await persona('elio-marchetti', market.base);
      expect(p.availability).to.equal('exclusive_active');
      expect(Date.parse(p.exclusiveUntil!)).to.be.greaterThan(Date.parse(NOW));
      expect(p.offers.map((o) => [o.license, o.available, o.reason])).to.deep.equal([
        ['commercial', false, 'exclusive_active'],
        ['exclusive', false, 'exclusive_active'],
        ['ownership', false, 'exclusive_holder_only'],
      ]);
      // Three Commercial licenses were sold before the Exclusive; the oldest has already run out.
      expect(p.commercialTail.count).to.equal(2);
      expect(Date.parse(p.commercialTail.until!)).to.be.greaterThan(Date.parse(NOW));
      expect(Date.parse(p.commercialTail.until!)).to.be.lessThan(Date.parse(p.exclusiveUntil!));

      const holder = buyerOf(p.id, 'exclusive');
      for (const license of ['commercial', 'exclusive'] as const) {
        await refused(p, license, 'exclusive_active');
        // buyerEmail is ignored below Ownership: not even the holder buys these.
        await refused(p, license, 'exclusive_active', holder);
      }
      await refused(p, 'ownership', 'exclusive_holder_only');
      await refused(p, 'ownership', 'exclusive_holder_only', 'stranger@example.com');
      await refused(p, 'ownership', 'exclusive_holder_only', buyerOf(p.id, 'commercial'));
      await quoted(p, 'ownership', holder);
      // Trimmed and compared without regard to case.
      await quoted(p, 'ownership', `  ${holder.toUpperCase()} `);
    });

    it('Exclusive expired without Ownership: sales reopen, Ownership needs a new Exclusive', async () => {
      const p = await persona('theo-brandt', market.base);
      expect(p.availability).to.equal('open');
      expect(p.exclusiveUntil).to.equal(null);
      expect(p.offers.map((o) => [o.license, o.available, o.reason])).to.deep.equal([
        ['commercial', true, null],
        ['exclusive', true, null],
        ['ownership', false, 'requires_active_exclusive'],
      ]);

      await quoted(p, 'commercial');
      await quoted(p, 'exclusive');
      await refused(p, 'ownership', 'requires_active_exclusive');
      // The former holder's Exclusive is over: they are nobody special either.
      await refused(p, 'ownership', 'requires_active_exclusive', buyerOf(p.id, 'exclusive'));
    });

    it('assigned: nothing is on sale, to anyone', async () => {
      const p = await persona('kai-nakamura', market.base);
      expect(p.availability).to.equal('assigned');
      expect(p.exclusiveUntil).to.equal(null);
      expect(p.offers.map((o) => [o.available, o.reason])).to.deep.equal([
        [false, 'assigned'],
        [false, 'assigned'],
        [false, 'assigned'],
      ]);

      const owner = buyerOf(p.id, 'ownership');
      expect(owner).to.equal(buyerOf(p.id, 'exclusive'));
      for (const license of LICENSES) {
        await refused(p, license, 'assigned');
        await refused(p, license, 'assigned', owner);
      }
    });

    it('a persona without licenses is open, with an empty tail', async () => {
      const p = await persona('juno-okafor', market.base);
      expect(p.availability).to.equal('open');
      expect(p.commercialTail).to.deep.equal({ count: 0, until: null });
      await quoted(p, 'commercial');
      await quoted(p, 'exclusive');
      await refused(p, 'ownership', 'requires_active_exclusive');
    });

    it('quotes every published persona exactly as its offers say (anonymous buyer)', async function () {
      this.timeout(30_000); // some 80 requests one after another, on a machine that may be busy
      for (const source of published) {
        const p = await persona(source.id, market.base);
        for (const o of p.offers) {
          if (o.available) await quoted(p, o.license);
          else await refused(p, o.license, o.reason!);
        }
      }
    });
  });

  describe('not found and invalid ids', () => {
    for (const hidden of unpublished) {
      it(`hides the ${hidden.status} persona ${hidden.id} (404), its images, and quotes no tier of it`, async () => {
        const before = await counts();
        expectError(await get(`/v1/personas/${hidden.id}`), 404, 'not_found');
        expect((await get(`/media/personas/${hidden.id}/title.svg`)).res.status).to.equal(404);
        for (const license of LICENSES) {
          expectError(await post('/v1/quotes', { personaId: hidden.id, license }), 404, 'not_found', 'personaId');
        }
        expect(await counts()).to.deep.equal(before);
      });
    }

    it('404s an unknown persona', async () => {
      expectError(await get('/v1/personas/no-such-persona'), 404, 'not_found');
    });

    for (const id of [
      'Mara-Lindqvist',
      'mara_lindqvist',
      '-mara',
      'mara-',
      'a'.repeat(65),
      'mara%20lindqvist',
      '%F0%9F%98%80',
    ]) {
      it(`rejects the id ${JSON.stringify(id.slice(0, 20))} with a 400 naming id, writing nothing`, async () => {
        const before = await counts();
        expectError(await get(`/v1/personas/${id}`), 400, 'invalid_request', 'id');
        expect(await counts()).to.deep.equal(before);
      });
    }
  });

  it('supports ETag revalidation', async () => {
    const first = await get('/v1/personas/mara-lindqvist');
    const etag = first.res.headers.get('etag')!;
    const again = await get('/v1/personas/mara-lindqvist', { headers: { 'If-None-Match': `W/${etag}, "other"` } });
    expect(again.res.status).to.equal(304);
  });

  it('never reveals buyers or private creator data', async () => {
    const secrets = [
      ...seed.creators.flatMap((c) => [c.email, c.payoutWallet ?? '']),
      ...seed.personas.flatMap((p) => (p.licenses ?? []).flatMap((l) => [l.buyer.email, l.buyer.name])),
    ].filter(Boolean);
    for (const source of published) {
      const { text } = await get(`/v1/personas/${source.id}`);
      for (const secret of secrets) expect(text, source.id).to.not.contain(secret);
    }
    const { text } = await get('/v1/catalog?rating=explicit&limit=100');
    for (const secret of secrets) expect(text).to.not.contain(secret);
  });
});
