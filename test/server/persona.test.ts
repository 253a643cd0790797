import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { computeTierPrices } from '../../src/api/pricing.js';
import { LICENSES, PersonaSchema, PricingPolicySchema, type Persona } from '../../src/api/schemas.js';
import { counts, expectError, get, published, seed, unpublished } from './http.js';

async function persona(id: string, base = ''): Promise<Persona> {
  const fetched = await get(`${base}/v1/personas/${id}`);
  expect(fetched.res.status, fetched.text).to.equal(200);
  return v.parse(PersonaSchema, fetched.body);
}

const offer = (p: Persona, license: string) => p.offers.find((o) => o.license === license)!;

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
        source.previews.map((x) => ['image', x.width, x.height, x.alt]),
      );
      p.previews.forEach((preview, i) =>
        expect(preview.url).to.equal(`${location.origin}/media/personas/${source.id}/preview-${i + 1}.svg`),
      );
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

  describe('availability', () => {
    it('open: Commercial and Exclusive on sale, Ownership needs an active Exclusive', async () => {
      const p = await persona('mara-lindqvist');
      expect(p.availability).to.equal('open');
      expect(p.exclusiveUntil).to.equal(null);
      expect(p.offers.map((o) => [o.license, o.available, o.reason])).to.deep.equal([
        ['commercial', true, null],
        ['exclusive', true, null],
        ['ownership', false, 'requires_active_exclusive'],
      ]);
      // Two Commercial licenses are running; they are reported even while the persona is open.
      expect(p.commercialTail.count).to.equal(2);
      expect(Date.parse(p.commercialTail.until!)).to.be.greaterThan(Date.now());
    });

    it('exclusive active: no new sales, Ownership for the holder only, the Commercial tail disclosed', async () => {
      const p = await persona('elio-marchetti');
      expect(p.availability).to.equal('exclusive_active');
      expect(Date.parse(p.exclusiveUntil!)).to.be.greaterThan(Date.now());
      expect(p.offers.map((o) => [o.license, o.available, o.reason])).to.deep.equal([
        ['commercial', false, 'exclusive_active'],
        ['exclusive', false, 'exclusive_active'],
        ['ownership', false, 'exclusive_holder_only'],
      ]);
      // Three Commercial licenses were sold before the Exclusive; the oldest has already run out.
      expect(p.commercialTail.count).to.equal(2);
      expect(Date.parse(p.commercialTail.until!)).to.be.greaterThan(Date.now());
      expect(Date.parse(p.commercialTail.until!)).to.be.lessThan(Date.parse(p.exclusiveUntil!));
    });

    it('expired Exclusive: the persona is open again', async () => {
      const p = await persona('theo-brandt');
      expect(p.availability).to.equal('open');
      expect(p.exclusiveUntil).to.equal(null);
      expect(offer(p, 'commercial').available).to.equal(true);
      expect(offer(p, 'exclusive').available).to.equal(true);
      expect(offer(p, 'ownership').reason).to.equal('requires_active_exclusive');
    });

    it('assigned: nothing is on sale', async () => {
      const p = await persona('kai-nakamura');
      expect(p.availability).to.equal('assigned');
      expect(p.exclusiveUntil).to.equal(null);
      expect(p.offers.map((o) => [o.available, o.reason])).to.deep.equal([
        [false, 'assigned'],
        [false, 'assigned'],
        [false, 'assigned'],
      ]);
    });

    it('a persona without licenses has an empty tail', async () => {
      const p = await persona('juno-okafor');
      expect(p.commercialTail).to.deep.equal({ count: 0, until: null });
    });
  });

  describe('not found and invalid ids', () => {
    for (const hidden of unpublished) {
      it(`hides the ${hidden.status} persona ${hidden.id} (404), and its images`, async () => {
        expectError(await get(`/v1/personas/${hidden.id}`), 404, 'not_found');
        expect((await get(`/media/personas/${hidden.id}/title.svg`)).res.status).to.equal(404);
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
