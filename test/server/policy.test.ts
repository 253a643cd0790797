import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { assertValidPolicy } from '../../src/api/pricing.js';
import { PricingPolicySchema } from '../../src/api/schemas.js';
import defaultPolicy from '../../server/pricing-policy.json';
import { demoSeed } from '../security/hostile-seed.js';
import { get, isolatedMarketplace } from './http.js';

/** Why a marketplace with these options refused to start, or null if it started. */
async function refusal(options: Parameters<typeof isolatedMarketplace>[1]): Promise<string | null> {
  try {
    await (await isolatedMarketplace(new Date().toISOString(), options)).dispose();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

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

  it('refuses to start with a policy in another currency than US dollars, which the platform prices in', async () => {
    expect(await refusal({ policy: { ...defaultPolicy, currency: 'JPY' } })).to.contain(
      "The pricing policy's currency is JPY: the platform prices in US dollars (USD) only",
    );
    expect(await refusal({ policy: defaultPolicy })).to.equal(null);
  });

  it('refuses to start on a catalog the new policy cannot price, naming the personas, rather than fail each read', async () => {
    // Written under the default policy; then equal Exclusive and Ownership floors, which passes the policy's own
    // checks but prices the cheaper personas' two top tiers the same.
    const market = await isolatedMarketplace(new Date().toISOString(), { file: true });
    const tiers = defaultPolicy.tiers;
    const policy = {
      ...defaultPolicy,
      tiers: {
        ...tiers,
        exclusive: { ...tiers.exclusive, floor: 150_000 },
        ownership: { ...tiers.ownership, floor: 150_000 },
      },
    };
    expect(() => assertValidPolicy(policy)).to.not.throw();
    let refused: string | null = null;
    try {
      await market.restart({ policy });
    } catch (error) {
      refused = (error as Error).message;
    } finally {
      await market.dispose();
    }
    expect(refused).to.contain("The pricing policy can't price").and.contain('noor-haddad');
    expect(refused).to.contain('tier prices do not rise from Commercial to Ownership');
  });

  it('refuses a seeded persona whose Ownership price would be too large to represent, naming the field', async () => {
    const seed = demoSeed();
    seed.personas[0].commercialPrice = 900_719_925_474_099;
    expect(await refusal({ seed }))
      .to.contain('Invalid seed: personas[0].commercialPrice:')
      .and.contain('too large');
    seed.personas[0].commercialPrice = 90_071_992_547_409; // Ownership ×10 still fits
    expect(await refusal({ seed })).to.equal(null);
  });
});
