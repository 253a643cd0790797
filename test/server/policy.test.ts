import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { assertValidPolicy } from '../../src/api/pricing.js';
import { PricingPolicySchema } from '../../src/api/schemas.js';
import defaultPolicy from '../../server/pricing-policy.json';
import { get } from './http.js';

describe('GET /v1/pricing-policy', () => {
  it('publishes the server’s policy: valid, and the default config', async () => {
    const fetched = await get('/v1/pricing-policy');
    expect(fetched.res.status).to.equal(200);
    expect(fetched.res.headers.get('content-type')).to.match(/^application\/json/);
    const policy = v.parse(PricingPolicySchema, fetched.body);
    expect(() => assertValidPolicy(policy)).to.not.throw();
    expect(policy).to.deep.equal(defaultPolicy);
    expect(policy.minimumCommercialPrice).to.equal(4900);
    expect(policy.currency).to.equal('USD');
  });

  it('supports ETag revalidation and CORS', async () => {
    const first = await get('/v1/pricing-policy');
    expect(first.res.headers.get('access-control-allow-origin')).to.equal('*');
    const again = await get('/v1/pricing-policy', { headers: { 'If-None-Match': first.res.headers.get('etag')! } });
    expect(again.res.status).to.equal(304);
    expect(again.res.headers.get('access-control-allow-origin')).to.equal('*');
  });
});
