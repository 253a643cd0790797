import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { AipClient } from '../src/api/client.js';
import { ApiError } from '../src/api/errors.js';
import { requestsMatching, requestsTo } from './helpers.js';

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to reject');
}

describe('AipClient', () => {
  describe('valid responses', () => {
    it('returns validated data from the reference marketplace', async () => {
      const client = new AipClient();
      const page = await client.catalog({ creator: 'nova-studio', limit: 3 });
      expect(page.items).to.have.length(3);
      expect(page.items.every((p) => p.creator.handle === 'nova-studio')).to.equal(true);
      expect(page.items[0].commercialPrice.currency).to.equal('USD');
      expect(Number.isInteger(page.items[0].commercialPrice.amount)).to.equal(true);
    });

    it('loads a persona with an offer per tier', async () => {
      const client = new AipClient();
      const { items } = await client.catalog({ limit: 1 });
      const persona = await client.persona(items[0].id);
      expect(persona.offers.map((o) => o.license)).to.deep.equal(['commercial', 'exclusive', 'ownership']);
    });

    it('loads the pricing policy and a creator profile', async () => {
      const client = new AipClient({ baseUrl: '/' });
      const policy = await client.pricingPolicy();
      expect(policy.currency).to.equal('USD');
      const creator = await client.creator('nova-studio');
      expect(creator.handle).to.equal('nova-studio');
      expect(creator).not.to.have.property('email');
    });
  });

  describe('sharing', () => {
    it('sends one request for identical calls made at once', async () => {
      const client = new AipClient();
      const [a, b, c] = await Promise.all([
        client.catalog({ limit: 7, sort: 'name' }),
        client.catalog({ sort: 'name', limit: 7 }),
        client.catalog({ limit: 7, sort: 'name' }),
      ]);
      expect(a).to.equal(b);
      expect(b).to.equal(c);
      expect(requestsTo('/v1/catalog?limit=7&sort=name')).to.have.length(1);
    });

    it('answers a repeat call from its cache without a request', async () => {
      const client = new AipClient();
      await client.catalog({ limit: 9, sort: 'price_desc' });
      await client.catalog({ limit: 9, sort: 'price_desc' });
      expect(requestsTo('/v1/catalog?limit=9&sort=price_desc')).to.have.length(1);
    });

    it('forgets only the cached paths it is asked to', async () => {
      const client = new AipClient();
      await client.catalog({ limit: 13, sort: 'name' });
      await client.creator('kite-and-kiln');
      client.clearCache('/v1/catalog');
      await client.catalog({ limit: 13, sort: 'name' });
      await client.creator('kite-and-kiln');
      expect(requestsTo('/v1/catalog?limit=13&sort=name')).to.have.length(2);
      expect(requestsTo('/v1/creators/kite-and-kiln')).to.have.length(1);
    });

    it('asks for catalog pages again after a listing changed, since they show its availability', async () => {
      const client = new AipClient();
      const query = { limit: 19, sort: 'name' } as const;
      const first = await client.catalog(query);
      client.listingChanged(first.items[0].id);
      await client.catalog(query);
      expect(requestsTo('/v1/catalog?limit=19&sort=name')).to.have.length(2);
    });

    it('keeps at most cacheEntries answers, forgetting the least recently used', async () => {
      const client = new AipClient({ cacheEntries: 2 });
      const sent = (limit: number) => requestsTo(`/v1/catalog?limit=${limit}&sort=price_desc`).length;
      await client.catalog({ limit: 21, sort: 'price_desc' });
      await client.catalog({ limit: 22, sort: 'price_desc' });
      await client.catalog({ limit: 21, sort: 'price_desc' }); // from the cache, and now the most recent
      await client.catalog({ limit: 23, sort: 'price_desc' }); // a third answer: 22 is forgotten
      await client.catalog({ limit: 21, sort: 'price_desc' });
      await client.catalog({ limit: 22, sort: 'price_desc' });
      expect([sent(21), sent(22), sent(23)]).to.deep.equal([1, 2, 1]);
    });

    it('revalidates a stale entry with its ETag and reuses the data on 304', async () => {
      const client = new AipClient({ cacheTtlMs: 0 });
      const first = await client.catalog({ limit: 11, sort: 'price_asc' });
      const second = await client.catalog({ limit: 11, sort: 'price_asc' });
      // With no fresh period every call goes to the server; only a 304 can hand
      // back the very same object (a 200 is parsed into a new one).
      expect(second).to.equal(first);
      const other = await new AipClient({ cacheTtlMs: 0 }).catalog({ limit: 11, sort: 'price_asc' });
      expect(other).to.deep.equal(first);
      expect(other).not.to.equal(first);
    });

    it('keeps a shared request going while one caller is still waiting', async () => {
      const client = new AipClient({ baseUrl: '/_fault/latency=150' });
      const quitter = new AbortController();
      const gaveUp = client.catalog({ limit: 2, sort: 'name' }, { signal: quitter.signal });
      const stayed = client.catalog({ limit: 2, sort: 'name' });
      quitter.abort();
      expect((await rejection(gaveUp)).code).to.equal('aborted');
      expect((await stayed).items).to.have.length(2);
    });
  });

  describe('errors', () => {
    it('turns a 400 into an ApiError naming the field', async () => {
      const error = await rejection(new AipClient().catalog({ sort: 'cheapest' as never }));
      expect(error.code).to.equal('invalid_request');
      expect(error.status).to.equal(400);
      expect(error.details.map((d) => d.field)).to.include('sort');
    });

    it('turns an unknown persona into not_found', async () => {
      const error = await rejection(new AipClient().persona('no-such-persona'));
      expect(error.code).to.equal('not_found');
      expect(error.status).to.equal(404);
      expect(error.retryable).to.equal(false);
    });

    it('reads Retry-After from a 503', async () => {
      const client = new AipClient({ baseUrl: '/_fault/status=503,retry-after=7', retries: 0 });
      const error = await rejection(client.catalog());
      expect(error.code).to.equal('unavailable');
      expect(error.retryAfter).to.equal(7);
      expect(error.retryable).to.equal(true);
    });

    it('turns a 500 into a retryable internal error', async () => {
      const error = await rejection(new AipClient({ baseUrl: '/_fault/status=500' }).pricingPolicy());
      expect(error.code).to.equal('internal');
      expect(error.retryable).to.equal(true);
    });

    it('turns a body that is not JSON into malformed_response', async () => {
      const error = await rejection(new AipClient({ baseUrl: '/_fault/body=malformed' }).catalog());
      expect(error.code).to.equal('malformed_response');
      expect(error.message).to.match(/not JSON/);
    });

    it('turns JSON of the wrong shape into malformed_response, naming the path', async () => {
      const error = await rejection(new AipClient({ baseUrl: '/_fault/body=schema' }).catalog());
      expect(error.code).to.equal('malformed_response');
      expect(error.message).to.match(/unexpected answer/);
    });

    it("names a page script's additions to Object.prototype when they keep an answer from being checked", async () => {
      const pending = new AipClient().catalog();
      // As an old library would: an enumerable method on every object, added while the answer is on its way.
      Object.defineProperty(Object.prototype, 'each', { value: () => {}, enumerable: true, configurable: true });
      let error: ApiError;
      try {
        error = await rejection(pending);
      } finally {
        delete (Object.prototype as Record<string, unknown>).each;
      }
      expect(error.code).to.equal('malformed_response');
      expect(error.message).to.contain('a script on this page added each to Object.prototype');
    });

    it('turns an empty body into malformed_response', async () => {
      const error = await rejection(new AipClient({ baseUrl: '/_fault/body=empty' }).pricingPolicy());
      expect(error.code).to.equal('malformed_response');
    });

    it('gives up after its timeout', async () => {
      const client = new AipClient({ baseUrl: '/_fault/latency=3000', timeoutMs: 200, retries: 0 });
      const error = await rejection(client.catalog({ limit: 1 }));
      expect(error.code).to.equal('timeout');
    });

    it('reports an unreachable marketplace as a network error', async () => {
      // Port 9 (discard) is closed on loopback: the connection is refused at once.
      const error = await rejection(new AipClient({ baseUrl: 'http://127.0.0.1:9', retries: 0 }).catalog());
      expect(error.code).to.equal('network');
      expect(error.status).to.equal(0);
    });

    it('rejects at once, without a request, when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const before = requestsTo('/v1/creators/nova-studio').length;
      const error = await rejection(new AipClient().creator('nova-studio', { signal: controller.signal }));
      expect(error.code).to.equal('aborted');
      expect(requestsTo('/v1/creators/nova-studio')).to.have.length(before);
    });

    it('does not cache failures', async () => {
      const client = new AipClient({ baseUrl: '/_fault/status=500' });
      await rejection(client.persona('nova-aurora'));
      await rejection(client.persona('nova-aurora'));
      expect(requestsTo('/_fault/status=500/v1/personas/nova-aurora')).to.have.length(2);
    });
  });

  describe('retries', () => {
    // `times=` counts per spec and marketplace, so these run on a marketplace of their own.
    let market: { id: string; base: string };
    before(async () => {
      market = (await executeServerCommand('marketplace:create', {})) as { id: string; base: string };
    });
    after(async () => {
      await executeServerCommand('marketplace:dispose', { id: market.id });
    });

    const api = (spec: string) => `${market.base}/_fault/${spec}`;
    const sent = (spec: string, path: string) => requestsMatching(`${api(spec)}${path}`).length;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('tries a GET again after a 503 and hands back the one success', async () => {
      const spec = 'status=503,only=catalog,times=1';
      const page = await new AipClient({ baseUrl: api(spec) }).catalog({ limit: 2 });
      expect(page.items).to.have.length(2);
      expect(sent(spec, '/v1/catalog?limit=2')).to.equal(2);
    });

    it('tries a GET again after a 502 or a 504 from a gateway, and hands back the one success', async () => {
      for (const status of [502, 504]) {
        const spec = `status=${status},only=pricing-policy,times=1`;
        const policy = await new AipClient({ baseUrl: api(spec), retryDelayMs: 10 }).pricingPolicy();
        expect(policy.currency).to.equal('USD');
        expect(sent(spec, '/v1/pricing-policy'), String(status)).to.equal(2);
      }
    });

    it('waits out a short Retry-After before trying again', async () => {
      const spec = 'status=429,retry-after=1,times=1';
      const started = performance.now();
      const policy = await new AipClient({ baseUrl: api(spec), retryDelayMs: 10 }).pricingPolicy();
      expect(performance.now() - started).to.be.at.least(1000);
      expect(policy.currency).to.equal('USD');
      expect(sent(spec, '/v1/pricing-policy')).to.equal(2);
    });

    it('fails at once, carrying the wait, when Retry-After is longer than it waits', async () => {
      // Waiting 30 s before the retry would outlast the test's own timeout.
      const spec = 'status=429,retry-after=30';
      const error = await rejection(new AipClient({ baseUrl: api(spec) }).creator('nova-studio'));
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfter).to.equal(30);
      expect(sent(spec, '/v1/creators/nova-studio')).to.equal(1);
    });

    it('gives up after two retries with the last error', async () => {
      const spec = 'status=503';
      const error = await rejection(new AipClient({ baseUrl: api(spec), retryDelayMs: 20 }).persona('noor-haddad'));
      expect(error.code).to.equal('unavailable');
      expect(sent(spec, '/v1/personas/noor-haddad')).to.equal(3);
    });

    it('tries once when retries is 0', async () => {
      const spec = 'status=503';
      const client = new AipClient({ baseUrl: api(spec), retries: 0 });
      expect((await rejection(client.persona('nova-aurora'))).code).to.equal('unavailable');
      expect(sent(spec, '/v1/personas/nova-aurora')).to.equal(1);
    });

    it('does not retry a 500, a 404, another 4xx or a malformed answer', async () => {
      const cases = [
        ['status=500', 'internal'],
        ['status=404', 'not_found'],
        ['status=409', 'conflict'],
        ['body=malformed', 'malformed_response'],
        ['body=schema', 'malformed_response'],
      ] as const;
      for (const [spec, code] of cases) {
        const client = new AipClient({ baseUrl: api(spec), retryDelayMs: 1 });
        expect((await rejection(client.creator('kite-and-kiln'))).code).to.equal(code);
        expect(sent(spec, '/v1/creators/kite-and-kiln'), spec).to.equal(1);
      }
    });

    it('tries a timed-out GET again', async () => {
      const client = new AipClient({ baseUrl: api('latency=1500,times=1'), timeoutMs: 400, retryDelayMs: 10 });
      const creator = await client.creator('nova-studio');
      expect(creator.handle).to.equal('nova-studio');
    });

    it('tries again when the marketplace cannot be reached, then says so', async () => {
      const started = performance.now();
      const client = new AipClient({ baseUrl: 'http://127.0.0.1:9', retryDelayMs: 200 });
      expect((await rejection(client.catalog())).code).to.equal('network');
      // Two pauses: at least 0.8 × (200 + 600) ms.
      expect(performance.now() - started).to.be.at.least(640);
    });

    it('stops at once when the caller gives up during the pause, and sends nothing more', async () => {
      const spec = 'status=503';
      const path = '/v1/personas/elio-marchetti';
      const client = new AipClient({ baseUrl: api(spec), retryDelayMs: 1000 });
      const controller = new AbortController();
      const call = client.persona('elio-marchetti', { signal: controller.signal });
      await waitUntil(() => sent(spec, path) === 1, 'the first request');
      const aborted = performance.now();
      controller.abort();
      expect((await rejection(call)).code).to.equal('aborted');
      // Well before the pause's end (at least 800 ms), with room for a busy machine.
      expect(performance.now() - aborted).to.be.below(600);
      // The pause would have ended within 1.2 s; no retry follows it.
      await sleep(1500);
      expect(sent(spec, path)).to.equal(1);
    });

    it('shares one request, retries included, between callers, and keeps it for those who stay', async () => {
      const spec = 'status=503,only=creators,times=1';
      const client = new AipClient({ baseUrl: api(spec), retryDelayMs: 300 });
      const quitter = new AbortController();
      const gaveUp = client.creator('kite-and-kiln', { signal: quitter.signal });
      const first = client.creator('kite-and-kiln');
      const second = client.creator('kite-and-kiln');
      await waitUntil(() => sent(spec, '/v1/creators/kite-and-kiln') === 1, 'the first request');
      quitter.abort();
      expect((await rejection(gaveUp)).code).to.equal('aborted');
      const [a, b] = await Promise.all([first, second]);
      expect(a.handle).to.equal('kite-and-kiln');
      expect(b).to.equal(a);
      expect(sent(spec, '/v1/creators/kite-and-kiln')).to.equal(2);
    });

    it('revalidates with the ETag of an answer that needed a retry', async () => {
      const spec = 'status=503,only=pricing-policy,times=1';
      const client = new AipClient({ baseUrl: api(spec), cacheTtlMs: 0, retryDelayMs: 10 });
      const first = await client.pricingPolicy();
      const second = await client.pricingPolicy();
      // Only a 304 hands back the very same object.
      expect(second).to.equal(first);
    });

    it('never sends a POST twice by itself', async () => {
      const spec = 'status=503,only=quotes,times=1';
      const client = new AipClient({ baseUrl: api(spec), retryDelayMs: 10 });
      const rows = async () =>
        ((await executeServerCommand('marketplace:count', { id: market.id })) as Record<string, number>).quotes;
      const before = await rows();
      const error = await rejection(client.quote({ personaId: 'noor-haddad', license: 'commercial' }));
      expect(error.code).to.equal('unavailable');
      expect(sent(spec, '/v1/quotes')).to.equal(1);
      expect(await rows()).to.equal(before);
      // The fault has let one request through since: had the client retried, that one would have made a quote.
      await client.quote({ personaId: 'noor-haddad', license: 'commercial' });
      expect(await rows()).to.equal(before + 1);
    });
  });
});
