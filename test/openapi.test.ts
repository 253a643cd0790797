import { expect } from '@open-wc/testing';
import { buildOpenApi } from '../src/api/openapi.js';
import committed from '../src/api/openapi.json';

describe('OpenAPI document', () => {
  it('is committed exactly as the schemas generate it (run `npm run openapi` after changing a schema)', () => {
    expect(committed).to.deep.equal(JSON.parse(JSON.stringify(buildOpenApi())));
  });

  it('documents every endpoint of the contract', () => {
    const paths = Object.keys((buildOpenApi() as { paths: object }).paths);
    expect(paths).to.include.members([
      '/v1/pricing-policy',
      '/v1/catalog',
      '/v1/personas/{id}',
      '/v1/creators/{handle}',
      '/v1/quotes',
      '/v1/orders',
      '/v1/orders/{id}',
      '/v1/certificates/{id}',
      '/v1/custom-orders',
      '/v1/sandbox/orders/{id}/pay',
    ]);
  });

  it('documents an ETag and a 304 on exactly the reads the marketplace tags', async () => {
    const doc = buildOpenApi() as {
      paths: Record<string, { get?: { responses: Record<string, { headers?: Record<string, unknown> }> } }>;
    };
    // Each read with an example; an order's status is never cached.
    const examples: Record<string, string> = {
      '/v1/pricing-policy': '/v1/pricing-policy',
      '/v1/catalog': '/v1/catalog?limit=2',
      '/v1/personas/{id}': '/v1/personas/noor-haddad',
      '/v1/creators/{handle}': '/v1/creators/nova-studio',
    };
    for (const [path, url] of Object.entries(examples)) {
      const responses = doc.paths[path]!.get!.responses;
      expect(responses['200']!.headers, path).to.have.property('ETag');
      expect(responses, path).to.have.property('304');
      const first = await fetch(url, { cache: 'no-store' });
      const etag = first.headers.get('etag');
      expect(etag, url).to.be.a('string');
      const again = await fetch(url, { cache: 'no-store', headers: { 'If-None-Match': etag! } });
      expect(again.status, url).to.equal(304);
    }
    expect(doc.paths['/v1/orders/{id}']!.get!.responses).to.not.have.property('304');
  });

  it('states money as integer minor units', () => {
    const doc = buildOpenApi() as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    expect(doc.components.schemas.Money.properties.amount).to.include({ type: 'integer', minimum: 0 });
  });
});
