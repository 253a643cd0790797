import { expect } from '@open-wc/testing';
import { AipClient } from '../src/api/client.js';
import { ApiError } from '../src/api/errors.js';
import { requestsTo } from './helpers.js';

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
      const error = await rejection(new AipClient({ baseUrl: '/_fault/status=503,retry-after=7' }).catalog());
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

    it('turns an empty body into malformed_response', async () => {
      const error = await rejection(new AipClient({ baseUrl: '/_fault/body=empty' }).pricingPolicy());
      expect(error.code).to.equal('malformed_response');
    });

    it('gives up after its timeout', async () => {
      const client = new AipClient({ baseUrl: '/_fault/latency=3000', timeoutMs: 200 });
      const error = await rejection(client.catalog({ limit: 1 }));
      expect(error.code).to.equal('timeout');
    });

    it('reports an unreachable marketplace as a network error', async () => {
      // Port 9 (discard) is closed on loopback: the connection is refused at once.
      const error = await rejection(new AipClient({ baseUrl: 'http://127.0.0.1:9' }).catalog());
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
});
