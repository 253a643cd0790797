import { expect } from '@open-wc/testing';
import { assertValidPolicy, computeTierPrices, PricingError } from '../src/api/pricing.js';
import { PersonaSummarySchema, type PricingPolicy } from '../src/api/schemas.js';
import * as v from 'valibot';

/** The reference figures from the design: min 49.00; Exclusive ×4, floor 500, step 10; Ownership ×10, floor 1500, step 50. */
const policy: PricingPolicy = {
  version: 'test',
  currency: 'USD',
  minimumCommercialPrice: 4900,
  tiers: {
    commercial: { multiplier: 1, floor: 0, roundingStep: 1 },
    exclusive: { multiplier: 4, floor: 50_000, roundingStep: 1_000 },
    ownership: { multiplier: 10, floor: 150_000, roundingStep: 5_000 },
  },
};

const withTiers = (tiers: Partial<PricingPolicy['tiers']>, extra: Partial<PricingPolicy> = {}): PricingPolicy => ({
  ...policy,
  ...extra,
  tiers: { ...policy.tiers, ...tiers },
});

describe('computeTierPrices', () => {
  describe('floors', () => {
    it('lifts a cheap persona to each tier floor', () => {
      expect(computeTierPrices(policy, 4900)).to.deep.equal({
        commercial: 4900,
        exclusive: 50_000,
        ownership: 150_000,
      });
    });

    it('leaves the floor once the multiple passes it', () => {
      // 4 × 150.00 = 600.00 > 500.00; 10 × 150.00 = 1,500.00 = floor
      expect(computeTierPrices(policy, 15_000)).to.deep.equal({
        commercial: 15_000,
        exclusive: 60_000,
        ownership: 150_000,
      });
    });
  });

  describe('rounding', () => {
    it('rounds up to the step, never down', () => {
      // 4 × 199.99 = 799.96 → 800.00; 10 × 199.99 = 1,999.90 → 2,000.00
      expect(computeTierPrices(policy, 19_999)).to.deep.equal({
        commercial: 19_999,
        exclusive: 80_000,
        ownership: 200_000,
      });
    });

    it('keeps a price that already sits on a step', () => {
      // 4 × 250.00 = 1,000.00; 10 × 250.00 = 2,500.00
      expect(computeTierPrices(policy, 25_000)).to.deep.equal({
        commercial: 25_000,
        exclusive: 100_000,
        ownership: 250_000,
      });
    });

    it('rounds one cent over a step up to the next step', () => {
      // 4 × 250.01 = 1,000.04 → 1,010.00; 10 × 250.01 = 2,500.10 → 2,550.00
      expect(computeTierPrices(policy, 25_001)).to.deep.equal({
        commercial: 25_001,
        exclusive: 101_000,
        ownership: 255_000,
      });
    });

    it('charges a fractional cent from a decimal multiplier as a whole cent', () => {
      const p = withTiers({
        exclusive: { multiplier: 2.5, floor: 0, roundingStep: 1 },
        ownership: { multiplier: 3.3333, floor: 0, roundingStep: 1 },
      });
      // 2.5 × 49.99 = 124.975 → 124.98; 3.3333 × 49.99 = 166.631667 → 166.64
      expect(computeTierPrices(p, 4999)).to.deep.equal({ commercial: 4999, exclusive: 12_498, ownership: 16_664 });
    });
  });

  describe('minimum', () => {
    it('accepts the platform minimum itself', () => {
      expect(computeTierPrices(policy, 4900).commercial).to.equal(4900);
    });

    it('rejects a Commercial price one cent under the minimum', () => {
      expect(() => computeTierPrices(policy, 4899)).to.throw(PricingError, /below the platform minimum of 4900/);
    });
  });

  describe('tier order', () => {
    it('rises strictly from Commercial to Ownership across the price range', () => {
      for (let cents = 4900; cents < 2_000_000; cents = Math.ceil(cents * 1.37) + 1) {
        const { commercial, exclusive, ownership } = computeTierPrices(policy, cents);
        expect(commercial, `at ${cents}`).to.be.lessThan(exclusive);
        expect(exclusive, `at ${cents}`).to.be.lessThan(ownership);
      }
    });

    it('holds for every persona the reference marketplace lists', async () => {
      const live = (await (await fetch('/v1/pricing-policy')).json()) as PricingPolicy;
      const page = await (await fetch('/v1/catalog?limit=100&rating=explicit')).json();
      const items = v.parse(v.array(PersonaSummarySchema), page.items);
      expect(items.length).to.be.greaterThan(20);
      for (const p of items) {
        const prices = computeTierPrices(live, p.commercialPrice.amount);
        expect(prices.commercial, p.id).to.be.lessThan(prices.exclusive);
        expect(prices.exclusive, p.id).to.be.lessThan(prices.ownership);
      }
    });
  });

  describe('huge and invalid input', () => {
    it('prices a nine-figure persona exactly, in whole cents', () => {
      // 123,456,789.01 → ×4 = 493,827,156.04 → 493,827,160.00; ×10 = 1,234,567,890.10 → 1,234,567,900.00
      const prices = computeTierPrices(policy, 12_345_678_901);
      expect(prices).to.deep.equal({
        commercial: 12_345_678_901,
        exclusive: 49_382_716_000,
        ownership: 123_456_790_000,
      });
      for (const amount of Object.values(prices)) expect(Number.isSafeInteger(amount)).to.equal(true);
    });

    it('refuses a result past Number.MAX_SAFE_INTEGER instead of losing precision', () => {
      expect(() => computeTierPrices(policy, Math.floor(Number.MAX_SAFE_INTEGER / 5))).to.throw(
        PricingError,
        /too large/,
      );
    });

    for (const bad of [49.5, -4900, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2]) {
      it(`rejects the Commercial price ${bad}`, () => {
        expect(() => computeTierPrices(policy, bad)).to.throw(PricingError, /whole number of minor units/);
      });
    }
  });
});

describe('assertValidPolicy', () => {
  it('accepts the reference policy', () => {
    expect(assertValidPolicy(policy)).to.deep.equal(policy);
  });

  const invalid: [string, unknown, RegExp][] = [
    ['not an object', 'cheap', /Invalid pricing policy/],
    [
      'a float floor',
      withTiers({ exclusive: { multiplier: 4, floor: 500.5, roundingStep: 1000 } }),
      /tiers\.exclusive\.floor/,
    ],
    [
      'a zero rounding step',
      withTiers({ ownership: { multiplier: 10, floor: 150_000, roundingStep: 0 } }),
      /tiers\.ownership\.roundingStep/,
    ],
    [
      'a multiplier below 1',
      withTiers({ exclusive: { multiplier: 0.5, floor: 0, roundingStep: 1 } }),
      /tiers\.exclusive\.multiplier/,
    ],
    ['a lower-case currency', { ...policy, currency: 'usd' }, /currency/],
    [
      'a marked-up Commercial tier',
      withTiers({ commercial: { multiplier: 1.2, floor: 0, roundingStep: 1 } }),
      /Commercial tier/,
    ],
    [
      'Ownership cheaper per unit than Exclusive',
      withTiers({ ownership: { multiplier: 3, floor: 150_000, roundingStep: 5000 } }),
      /multipliers must rise/,
    ],
    [
      'an Ownership floor under the Exclusive floor',
      withTiers({ ownership: { multiplier: 10, floor: 40_000, roundingStep: 5000 } }),
      /Ownership floor/,
    ],
    [
      'a multiplier with 5 decimals',
      withTiers({ exclusive: { multiplier: 4.00001, floor: 50_000, roundingStep: 1000 } }),
      /4 decimal places/,
    ],
    [
      'a missing tier',
      { ...policy, tiers: { commercial: policy.tiers.commercial, exclusive: policy.tiers.exclusive } },
      /tiers\.ownership/,
    ],
  ];
  for (const [name, bad, message] of invalid) {
    it(`rejects ${name}`, () => {
      expect(() => assertValidPolicy(bad)).to.throw(PricingError, message);
      expect(() => computeTierPrices(bad as PricingPolicy, 10_000)).to.throw(PricingError);
    });
  }
});
