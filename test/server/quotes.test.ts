/**
 * `POST /v1/quotes` as an endpoint: what it answers, what it stores, and every
 * way a request can be refused without writing anything. Which tiers can be
 * quoted in which licensing state is in `persona.test.ts` (the license table,
 * unpublished personas) and `clock.test.ts` (across an expiry).
 */
import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { computeTierPrices } from '../../src/api/pricing.js';
import { PricingPolicySchema, QuoteSchema, Slug, type PricingPolicy, type Quote } from '../../src/api/schemas.js';
import { counts, expectError, get, isolatedMarketplace, post, type Fetched, type Isolated } from './http.js';

const NOW = '2026-06-01T00:00:00.000Z';
const QUOTE_TTL_MS = 15 * 60_000;
const LIMIT = 16 * 1024;
const MARA = { personaId: 'mara-lindqvist', license: 'commercial' };

describe('POST /v1/quotes', () => {
  let market: Isolated;
  let policy: PricingPolicy;

  before(async () => {
    market = await isolatedMarketplace(NOW);
    policy = v.parse(PricingPolicySchema, (await get(`${market.base}/v1/pricing-policy`)).body);
  });

  after(async () => {
    await market.dispose();
  });

  const url = () => `${market.base}/v1/quotes`;
  const quote = (body: unknown, init?: RequestInit) => post(url(), body, init);

  /** Sends a request that must be refused, and proves it wrote nothing. */
  async function refused(send: () => Promise<Fetched>, status: number, code: string, field?: string) {
    const before = await counts(market.id);
    const fetched = await send();
    expectError(fetched, status, code, field);
    expect(await counts(market.id)).to.deep.equal(before);
    return fetched;
  }

  /** Sends a request that must make exactly one quote row, and returns the quote. */
  async function created(send: () => Promise<Fetched>): Promise<Quote> {
    const before = await counts(market.id);
    const fetched = await send();
    expect(fetched.res.status, fetched.text).to.equal(201);
    expect(await counts(market.id)).to.deep.equal({ ...before, quotes: before.quotes + 1 });
    return v.parse(QuoteSchema, fetched.body);
  }

  describe('a quote', () => {
    it('answers 201 with the price computeTierPrices gives, stored, expiring 15 minutes after the clock’s now', async () => {
      const before = await counts(market.id);
      const fetched = await quote({ personaId: 'mara-lindqvist', license: 'exclusive' });
      expect(fetched.res.status, fetched.text).to.equal(201);
      expect(fetched.res.headers.get('content-type')).to.match(/^application\/json/);
      expect(fetched.res.headers.get('cache-control')).to.equal('no-store');
      expect(fetched.res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(fetched.res.headers.get('access-control-allow-origin')).to.equal('*');
      const body = fetched.body as Record<string, unknown>;
      expect(Object.keys(body).sort()).to.deep.equal([
        'commercialTail',
        'expiresAt',
        'id',
        'license',
        'personaId',
        'price',
      ]);
      const q = v.parse(QuoteSchema, body);
      expect(v.is(Slug, q.id)).to.equal(true);
      expect(q.personaId).to.equal('mara-lindqvist');
      expect(q.license).to.equal('exclusive');
      expect(q.price).to.deep.equal({ amount: computeTierPrices(policy, 14900).exclusive, currency: 'USD' });
      expect(q.expiresAt).to.equal(new Date(Date.parse(NOW) + QUOTE_TTL_MS).toISOString());
      // One row in `quotes`, nothing anywhere else.
      expect(await counts(market.id)).to.deep.equal({ ...before, quotes: before.quotes + 1 });
    });

    it('gives an Exclusive quote the Commercial licenses running now, as the persona shows them; others none', async () => {
      for (const id of ['mara-lindqvist', 'juno-okafor']) {
        const persona = (await get(`${market.base}/v1/personas/${id}`)).body as { commercialTail: unknown };
        const exclusive = await created(() => quote({ personaId: id, license: 'exclusive' }));
        expect(exclusive.commercialTail).to.deep.equal(persona.commercialTail);
      }
      expect(
        (await created(() => quote({ personaId: 'mara-lindqvist', license: 'exclusive' }))).commercialTail?.count,
      ).to.equal(2);
      const commercial = await created(() => quote({ personaId: 'mara-lindqvist', license: 'commercial' }));
      expect('commercialTail' in commercial).to.equal(false);
    });

    it('gives each quote its own id, and sells nothing: the persona stays open', async () => {
      const first = await created(() => quote({ personaId: 'juno-okafor', license: 'exclusive' }));
      const second = await created(() => quote({ personaId: 'juno-okafor', license: 'exclusive' }));
      expect(second.id).to.not.equal(first.id);
      expect(second.price).to.deep.equal(first.price);
      const persona = (await get(`${market.base}/v1/personas/juno-okafor`)).body as { availability: string };
      expect(persona.availability).to.equal('open');
      await created(() => quote({ personaId: 'juno-okafor', license: 'commercial' }));
    });

    it('accepts application/json with charset=utf-8, and a body of exactly 16 KiB', async () => {
      await created(() => quote(MARA, { headers: { 'Content-Type': 'application/json; charset=UTF-8' } }));
      const json = JSON.stringify(MARA);
      await created(() => quote(json.padEnd(LIMIT, ' ')));
      await created(() => quote(`\n${json}\n`));
    });

    it('ignores buyerEmail for Commercial and Exclusive', async () => {
      const q = await created(() =>
        quote({ personaId: 'mara-lindqvist', license: 'commercial', buyerEmail: 'anyone@example.com' }),
      );
      expect(q.price.amount).to.equal(14900);
    });
  });

  describe('invalid bodies: 400 naming the field, nothing written', () => {
    const cases: [string, unknown, string][] = [
      ['an unknown field', { ...MARA, price: { amount: 1, currency: 'USD' } }, 'price'],
      ['a misspelt field', { personaID: 'mara-lindqvist', license: 'commercial' }, 'personaID'],
      ['no personaId', { license: 'commercial' }, 'personaId'],
      ['no license', { personaId: 'mara-lindqvist' }, 'license'],
      ['an unknown license', { ...MARA, license: 'gold' }, 'license'],
      ['a capitalised license', { ...MARA, license: 'Commercial' }, 'license'],
      ['a null license', { ...MARA, license: null }, 'license'],
      ['a numeric personaId', { ...MARA, personaId: 42 }, 'personaId'],
      ['a personaId that is not a slug', { ...MARA, personaId: 'Mara-Lindqvist' }, 'personaId'],
      ['an empty personaId', { ...MARA, personaId: '' }, 'personaId'],
      ['a personaId as a list', { ...MARA, personaId: ['mara-lindqvist'] }, 'personaId'],
      ['a buyerEmail that is not an email', { ...MARA, license: 'ownership', buyerEmail: 'holder' }, 'buyerEmail'],
      ['a numeric buyerEmail', { ...MARA, license: 'ownership', buyerEmail: 42 }, 'buyerEmail'],
      ['a null buyerEmail', { ...MARA, license: 'ownership', buyerEmail: null }, 'buyerEmail'],
      ['an overlong buyerEmail', { ...MARA, buyerEmail: `${'a'.repeat(250)}@example.com` }, 'buyerEmail'],
    ];
    for (const [name, body, field] of cases) {
      it(`refuses ${name}`, async () => {
        await refused(() => quote(body), 400, 'invalid_request', field);
      });
    }

    it('says which fields exist when it meets one it does not know', async () => {
      const fetched = await refused(() => quote({ ...MARA, discount: 10 }), 400, 'invalid_request', 'discount');
      const { details } = (fetched.body as { error: { details: { field: string; message: string }[] } }).error;
      expect(details).to.deep.equal([
        { field: 'discount', message: 'is not a quote field (expected personaId, license, buyerEmail)' },
      ]);
    });

    it('names every field at fault at once', async () => {
      const fetched = await refused(() => quote({ license: 'gold', extra: true }), 400, 'invalid_request');
      const fields = (fetched.body as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
      expect(fields.sort()).to.deep.equal(['extra', 'license', 'personaId']);
    });

    it('refuses a __proto__ key instead of merging it', async () => {
      await refused(
        () => quote('{"__proto__": {"license": "commercial"}, "personaId": "mara-lindqvist", "license": "exclusive"}'),
        400,
        'invalid_request',
        '__proto__',
      );
    });

    const notObjects: [string, string | Uint8Array][] = [
      ['an empty body', ''],
      ['a blank body', '  \n '],
      ['truncated JSON', '{"personaId": "mara-lindqvist", "license":'],
      ['JSON with a trailing comma', '{"personaId": "mara-lindqvist", "license": "commercial",}'],
      ['a form-encoded body', 'personaId=mara-lindqvist&license=commercial'],
      ['null', 'null'],
      ['a list', `[${JSON.stringify(MARA)}]`],
      ['a string', '"mara-lindqvist"'],
      ['a number', '42'],
      ['bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ];
    for (const [name, body] of notObjects) {
      it(`refuses ${name} with a 400 on the body`, async () => {
        await refused(() => quote(body), 400, 'invalid_request', '(body)');
      });
    }

    const contentTypes: [string, Record<string, string>][] = [
      ['text/plain', { 'Content-Type': 'text/plain;charset=UTF-8' }],
      ['a form type', { 'Content-Type': 'application/x-www-form-urlencoded' }],
      ['a JSON-like type', { 'Content-Type': 'application/merge-patch+json' }],
      ['another charset', { 'Content-Type': 'application/json; charset=iso-8859-1' }],
    ];
    for (const [name, headers] of contentTypes) {
      it(`refuses JSON sent as ${name} with a 400 naming Content-Type`, async () => {
        await refused(() => quote(JSON.stringify(MARA), { headers }), 400, 'invalid_request', 'Content-Type');
      });
    }

    it('refuses a body with no Content-Type', async () => {
      const bytes = new TextEncoder().encode(JSON.stringify(MARA));
      await refused(() => get(url(), { method: 'POST', body: bytes }), 400, 'invalid_request', 'Content-Type');
    });
  });

  describe('body size', () => {
    it('refuses one byte over 16 KiB with 413 payload_too_large', async () => {
      const body = JSON.stringify(MARA).padEnd(LIMIT + 1, ' ');
      await refused(() => quote(body), 413, 'payload_too_large');
    });

    it('refuses a much larger body the same way', async () => {
      const body = JSON.stringify({ ...MARA, padding: 'x'.repeat(256 * 1024) });
      await refused(() => quote(body), 413, 'payload_too_large');
    });

    it('refuses one byte over 16 KiB sent without a Content-Length, counting the bytes as they stream in', async () => {
      // From Node, with no Content-Length header: only the count while reading can stop it.
      const body = JSON.stringify(MARA).padEnd(LIMIT + 1, ' ');
      const before = await counts(market.id);
      const answer = await market.request('/v1/quotes', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(answer.status, answer.text).to.equal(413);
      expect(JSON.parse(answer.text).error.code).to.equal('payload_too_large');
      expect(await counts(market.id)).to.deep.equal(before);
      // The same request at the limit is read and answered.
      const atLimit = await market.request('/v1/quotes', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body.slice(0, LIMIT),
      });
      expect(atLimit.status, atLimit.text).to.equal(201);
    });

    it('refuses a compressed body with 415 naming Content-Encoding, before reading it', async () => {
      const before = await counts(market.id);
      const answer = await market.request('/v1/quotes', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        body: JSON.stringify(MARA),
      });
      expect(answer.status, answer.text).to.equal(415);
      const { error } = JSON.parse(answer.text);
      expect(error.code).to.equal('invalid_request');
      expect(error.details.map((d: { field: string }) => d.field)).to.deep.equal(['Content-Encoding']);
      expect(await counts(market.id)).to.deep.equal(before);
    });

    it('counts bytes, not characters', async () => {
      // 6000 three-byte characters: 18 000 bytes in 6000 characters.
      const body = JSON.stringify({ ...MARA, note: '€'.repeat(6000) });
      expect(body.length).to.be.lessThan(LIMIT);
      await refused(() => quote(body), 413, 'payload_too_large');
    });
  });

  it('404s an unknown persona, naming personaId', async () => {
    await refused(() => quote({ ...MARA, personaId: 'no-such-persona' }), 404, 'not_found', 'personaId');
  });

  describe('methods and CORS', () => {
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
      it(`answers ${method} with 405 in the error shape, allowing POST`, async () => {
        const fetched = await refused(() => get(url(), { method }), 405, 'invalid_request');
        expect(fetched.res.headers.get('allow')).to.equal('POST, OPTIONS');
      });
    }

    it('answers HEAD with a bodiless 405', async () => {
      const { res, text } = await get(url(), { method: 'HEAD' });
      expect(res.status).to.equal(405);
      expect(res.headers.get('allow')).to.equal('POST, OPTIONS');
      expect(text).to.equal('');
    });

    it('404s paths under it', async () => {
      await refused(() => post(`${url()}/anything`, MARA), 404, 'not_found');
      await refused(() => get(`${url()}/anything`), 404, 'not_found');
    });

    it('answers a preflight for a JSON POST with an Idempotency-Key', async () => {
      const { res } = await get(url(), { method: 'OPTIONS' });
      expect(res.status).to.equal(204);
      expect(res.headers.get('access-control-allow-origin')).to.equal('*');
      expect(res.headers.get('access-control-allow-methods')).to.match(/\bPOST\b/);
      const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase();
      for (const header of ['content-type', 'idempotency-key', 'x-aip-fault']) expect(allowed).to.contain(header);
    });

    it('lets any origin read its answers, errors included', async () => {
      const refusal = await quote({ ...MARA, personaId: 'no-such-persona' });
      expect(refusal.res.headers.get('access-control-allow-origin')).to.equal('*');
      const conflict = await quote({ ...MARA, license: 'ownership' });
      expect(conflict.res.status).to.equal(409);
      expect(conflict.res.headers.get('access-control-allow-origin')).to.equal('*');
    });

    it('works from another origin in the browser, preflight included', async () => {
      const other = new URL(location.href);
      other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
      const before = await counts(market.id);
      // application/json and a custom header make this a non-simple request: the browser preflights it.
      const res = await fetch(`${other.origin}${url()}`, {
        method: 'POST',
        cache: 'no-store',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'cross-origin-check' },
        body: JSON.stringify(MARA),
      });
      expect(res.status).to.equal(201);
      expect(v.parse(QuoteSchema, await res.json()).personaId).to.equal('mara-lindqvist');
      expect((await counts(market.id)).quotes).to.equal(before.quotes + 1);
    });
  });

  describe('fault switches', () => {
    const prefixed = (spec: string) => `${market.base}/_fault/${spec}/v1/quotes`;

    it('status=<code> answers in the error shape without quoting', async () => {
      const fetched = await refused(() => post(prefixed('status=503,retry-after=4'), MARA), 503, 'unavailable');
      expect(fetched.res.headers.get('retry-after')).to.equal('4');
      expect(fetched.res.headers.get('access-control-allow-origin')).to.equal('*');
      await refused(() => quote(MARA, { headers: { 'X-Aip-Fault': 'status=429' } }), 429, 'rate_limited');
      await refused(() => post(prefixed('status=409'), MARA), 409, 'conflict');
    });

    it('body=malformed and body=empty answer 200 without quoting', async () => {
      for (const spec of ['body=malformed', 'body=empty', 'body=schema']) {
        const before = await counts(market.id);
        const fetched = await post(prefixed(spec), MARA);
        expect(fetched.res.status, spec).to.equal(200);
        expect(v.safeParse(QuoteSchema, fetched.body).success, spec).to.equal(false);
        expect(await counts(market.id)).to.deep.equal(before);
      }
    });

    it('fail=throw answers 500 and writes nothing', async () => {
      await refused(() => post(prefixed('fail=throw'), MARA), 500, 'internal');
      await refused(() => quote(MARA, { headers: { 'X-Aip-Fault': 'fail=throw' } }), 500, 'internal');
    });

    it('latency lets the real handler run, body and all', async () => {
      const start = performance.now();
      const q = await created(() => post(prefixed('latency=200'), MARA));
      expect(performance.now() - start).to.be.at.least(190);
      expect(q.personaId).to.equal('mara-lindqvist');
      await created(() => quote(MARA, { headers: { 'X-Aip-Fault': 'latency=0' } }));
      await refused(() => post(prefixed('latency=0'), { ...MARA, license: 'gold' }), 400, 'invalid_request', 'license');
      await refused(
        () => post(prefixed('latency=0'), JSON.stringify(MARA).padEnd(LIMIT + 1)),
        413,
        'payload_too_large',
      );
    });

    it('refuses a bad spec before reading the body', async () => {
      await refused(() => post(prefixed('status=200'), MARA), 400, 'invalid_request', 'fault');
    });
  });
});
