import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { CatalogPageSchema, CreatorSchema, PersonaSchema, PricingPolicySchema } from '../../src/api/schemas.js';
import { counts, expectError, get } from './http.js';

const API_ROUTES: [string, v.GenericSchema][] = [
  ['/v1/pricing-policy', PricingPolicySchema],
  ['/v1/catalog?limit=3', CatalogPageSchema],
  ['/v1/personas/mara-lindqvist', PersonaSchema],
  ['/v1/creators/nova-studio', CreatorSchema],
];

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

describe('fault switches', () => {
  describe('path prefix /_fault/<spec>', () => {
    for (const [path, schema] of API_ROUTES) {
      it(`serves ${path.split('?')[0]} unchanged when the spec only adds latency`, async () => {
        const plain = await get(path);
        const faulted = await get(`/_fault/latency=0${path}`);
        expect(faulted.res.status).to.equal(200);
        v.parse(schema, faulted.body);
        expect(faulted.text).to.equal(plain.text);
      });
    }

    it('delays the answer by latency=<ms>', async () => {
      // Sent together, the plain request answers first. Two durations timed one after the other would
      // compare wall-clock times, which other work in the test server's process can stretch either way.
      const order: string[] = [];
      const [[fetched, elapsed]] = await Promise.all([
        timed(() => get('/_fault/latency=400/v1/catalog?limit=1')).then((r) => (order.push('delayed'), r)),
        get('/v1/catalog?limit=1').then(() => order.push('plain')),
      ]);
      expect(fetched.res.status).to.equal(200);
      expect(elapsed).to.be.at.least(390);
      expect(order).to.deep.equal(['plain', 'delayed']);
    });

    it('forces a status in the error shape, with Retry-After when asked', async () => {
      const fetched = await get('/_fault/status=503,retry-after=7/v1/catalog');
      expectError(fetched, 503, 'unavailable');
      expect(fetched.res.headers.get('retry-after')).to.equal('7');
      expect(fetched.res.headers.get('access-control-allow-origin')).to.equal('*');
    });

    const codes: [number, string][] = [
      [400, 'invalid_request'],
      [404, 'not_found'],
      [409, 'conflict'],
      [413, 'payload_too_large'],
      [422, 'business_rule'],
      [429, 'rate_limited'],
      [500, 'internal'],
      [502, 'unavailable'],
      [504, 'unavailable'],
    ];
    for (const [status, code] of codes) {
      it(`status=${status} answers with code ${code} on every route`, async () => {
        for (const [path] of API_ROUTES) {
          const fetched = await get(`/_fault/status=${status}${path}`);
          expectError(fetched, status, code);
          expect(fetched.res.headers.get('retry-after')).to.equal(null);
        }
      });
    }

    it('body=malformed answers 200 with text that is not JSON', async () => {
      const { res, text } = await get('/_fault/body=malformed/v1/personas/mara-lindqvist');
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.match(/^application\/json/);
      expect(() => JSON.parse(text)).to.throw();
    });

    it('body=schema answers 200 with valid JSON of the wrong shape', async () => {
      for (const [path, schema] of API_ROUTES) {
        const { res, text } = await get(`/_fault/body=schema${path}`);
        expect(res.status).to.equal(200);
        const parsed: unknown = JSON.parse(text);
        expect(v.safeParse(schema, parsed).success, path).to.equal(false);
      }
    });

    it('body=empty answers 200 with no body', async () => {
      const { res, text } = await get('/_fault/body=empty/v1/catalog');
      expect(res.status).to.equal(200);
      expect(text).to.equal('');
    });

    it('combines latency with a status', async () => {
      const [fetched, elapsed] = await timed(() => get('/_fault/latency=250,status=429,retry-after=1/v1/catalog'));
      expectError(fetched, 429, 'rate_limited');
      expect(fetched.res.headers.get('retry-after')).to.equal('1');
      expect(elapsed).to.be.at.least(240);
    });

    it('applies to the 404s of the faulted API too', async () => {
      expectError(await get('/_fault/latency=0/v1/personas/no-such-persona'), 404, 'not_found');
    });

    it('only=<resource> faults that resource and answers the others normally', async () => {
      const spec = '/_fault/status=503,only=personas';
      expectError(await get(`${spec}/v1/personas/mara-lindqvist`), 503, 'unavailable');
      const catalog = await get(`${spec}/v1/catalog?limit=2`);
      expect(catalog.res.status).to.equal(200);
      expect(v.is(CatalogPageSchema, catalog.body)).to.equal(true);
      // A prefix of the name is not the resource.
      expect((await get(`${spec}/v1/pricing-policy`)).res.status).to.equal(200);
    });

    it('times=<n> faults the first n matching requests, then lets them through', async () => {
      // A spec text of its own, so no other test has used up its count.
      const spec = `/_fault/status=500,only=creators,times=2,retry-after=${Date.now() % 86_400}`;
      expectError(await get(`${spec}/v1/creators/nova-studio`), 500, 'internal');
      expect((await get(`${spec}/v1/catalog?limit=1`)).res.status, 'not counted: another resource').to.equal(200);
      expectError(await get(`${spec}/v1/creators/nova-studio`), 500, 'internal');
      const third = await get(`${spec}/v1/creators/nova-studio`);
      expect(third.res.status).to.equal(200);
      expect(v.is(CreatorSchema, third.body)).to.equal(true);
    });

    it('after=<n> lets the first n matching requests through, then faults (with times, n of them)', async () => {
      const spec = `/_fault/status=503,only=creators,after=1,times=1,retry-after=${Date.now() % 86_400}`;
      expect((await get(`${spec}/v1/creators/nova-studio`)).res.status, 'the first passes').to.equal(200);
      expect((await get(`${spec}/v1/catalog?limit=1`)).res.status, 'not counted: another resource').to.equal(200);
      expectError(await get(`${spec}/v1/creators/nova-studio`), 503, 'unavailable');
      expect((await get(`${spec}/v1/creators/nova-studio`)).res.status, 'times=1 used up').to.equal(200);
    });
  });

  describe('X-Aip-Fault header', () => {
    it('applies the same spec to the plain /v1 routes', async () => {
      const fetched = await get('/v1/catalog', { headers: { 'X-Aip-Fault': 'status=502,retry-after=3' } });
      expectError(fetched, 502, 'unavailable');
      expect(fetched.res.headers.get('retry-after')).to.equal('3');
      const malformed = await get('/v1/creators/nova-studio', { headers: { 'X-Aip-Fault': 'body=malformed' } });
      expect(malformed.res.status).to.equal(200);
      expect(() => JSON.parse(malformed.text)).to.throw();
    });

    it('delays with latency', async () => {
      const [fetched, elapsed] = await timed(() =>
        get('/v1/pricing-policy', { headers: { 'X-Aip-Fault': 'latency=300' } }),
      );
      expect(fetched.res.status).to.equal(200);
      v.parse(PricingPolicySchema, fetched.body);
      expect(elapsed).to.be.at.least(290);
    });

    it('rejects a bad header spec with a 400 naming the header', async () => {
      expectError(
        await get('/v1/catalog', { headers: { 'X-Aip-Fault': 'status=200' } }),
        400,
        'invalid_request',
        'X-Aip-Fault',
      );
    });
  });

  describe('invalid specs', () => {
    const bad = [
      'latency=30001',
      'latency=-1',
      'latency=fast',
      'status=200',
      'status=600',
      'retry-after=5',
      'status=503,retry-after=soon',
      'body=weird',
      'body=',
      'nope=1',
      'latency',
      'latency=1,latency=2',
      'status=500,body=empty',
      'fail=maybe',
      'only=everything',
      'only=',
      'times=0',
      'times=1001',
      'after=0',
      'after=many',
      '%E0%A4%A',
    ];
    for (const spec of bad) {
      it(`/_fault/${spec} → 400 explaining the spec, nothing written`, async () => {
        const before = await counts();
        const fetched = await get(`/_fault/${spec}/v1/catalog`);
        expectError(fetched, 400, 'invalid_request', 'fault');
        expect(fetched.text).to.contain('latency=');
        expect(await counts()).to.deep.equal(before);
      });
    }

    it('needs a path after the spec', async () => {
      expectError(await get('/_fault/latency=5'), 400, 'invalid_request', 'fault');
    });
  });
});
