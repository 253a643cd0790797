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

  it('states money as integer minor units', () => {
    const doc = buildOpenApi() as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    expect(doc.components.schemas.Money.properties.amount).to.include({ type: 'integer', minimum: 0 });
  });
});
