/**
 * Tier prices from the platform's pricing policy.
 *
 * One pure function, used by the elements to show prices and by the reference
 * server to quote them, so the two can't disagree. Money is integer minor
 * units; the arithmetic is done in BigInt so that no multiplier or huge price
 * can introduce a rounding error or a silent overflow.
 */
import * as v from 'valibot';
import { LICENSES, PricingPolicySchema, type License, type PricingPolicy } from './schemas.js';

/** Thrown for a policy or a price that can't produce valid tier prices. */
export class PricingError extends Error {
  override name = 'PricingError';
}

/** Multipliers are honoured to 4 decimal places (basis points of a percent). */
const MULTIPLIER_SCALE = 10_000n;

export type TierPrices = Record<License, number>;

/**
 * Checks a policy's shape and the rules that make its prices coherent:
 * Commercial is the creator's price as set (multiplier 1, no floor, step 1),
 * and each higher tier costs at least as much per unit as the one below.
 * Returns the policy, or throws a `PricingError` that says what is wrong.
 */
export function assertValidPolicy(policy: unknown): PricingPolicy {
  const parsed = v.safeParse(PricingPolicySchema, policy);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new PricingError(`Invalid pricing policy: ${v.getDotPath(issue) ?? 'policy'} ${issue.message}`);
  }
  const p = parsed.output;
  const { commercial, exclusive, ownership } = p.tiers;
  if (commercial.multiplier !== 1 || commercial.floor !== 0 || commercial.roundingStep !== 1) {
    throw new PricingError(
      'Invalid pricing policy: the Commercial tier is the creator’s price (multiplier 1, floor 0, step 1)',
    );
  }
  if (!(exclusive.multiplier > commercial.multiplier && ownership.multiplier > exclusive.multiplier)) {
    throw new PricingError('Invalid pricing policy: multipliers must rise from Commercial to Exclusive to Ownership');
  }
  if (ownership.floor < exclusive.floor) {
    throw new PricingError('Invalid pricing policy: the Ownership floor is below the Exclusive floor');
  }
  for (const license of LICENSES) {
    const m = p.tiers[license].multiplier;
    if (Math.round(m * 10_000) / 10_000 !== m) {
      throw new PricingError(`Invalid pricing policy: tiers.${license}.multiplier has more than 4 decimal places`);
    }
  }
  return p;
}

function priceTier(commercial: bigint, rule: PricingPolicy['tiers'][License]): bigint {
  const scaled = commercial * BigInt(Math.round(rule.multiplier * 10_000));
  const raw = (scaled + MULTIPLIER_SCALE - 1n) / MULTIPLIER_SCALE; // ceil: never undercharge a fraction of a cent
  const floored = raw > BigInt(rule.floor) ? raw : BigInt(rule.floor);
  const step = BigInt(rule.roundingStep);
  return ((floored + step - 1n) / step) * step;
}

/**
 * Computes every tier's price from a persona's Commercial price.
 *
 * @param policy the policy from `GET /v1/pricing-policy`
 * @param commercialPrice the creator's Commercial price, in the policy's minor units
 * @returns the price of each tier, minor units, strictly rising from Commercial to Ownership
 * @throws PricingError for an invalid policy, a price that is not a whole number of
 *   minor units, a price below the platform minimum, or a result past `Number.MAX_SAFE_INTEGER`
 */
export function computeTierPrices(policy: PricingPolicy, commercialPrice: number): TierPrices {
  const p = assertValidPolicy(policy);
  if (!Number.isSafeInteger(commercialPrice) || commercialPrice < 0) {
    throw new PricingError(`Commercial price must be a whole number of minor units, got ${commercialPrice}`);
  }
  if (commercialPrice < p.minimumCommercialPrice) {
    throw new PricingError(
      `Commercial price ${commercialPrice} is below the platform minimum of ${p.minimumCommercialPrice}`,
    );
  }
  const base = BigInt(commercialPrice);
  const prices = {} as TierPrices;
  for (const license of LICENSES) {
    const price = priceTier(base, p.tiers[license]);
    if (price > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new PricingError(`The ${license} price of ${commercialPrice} is too large to represent exactly`);
    }
    prices[license] = Number(price);
  }
  if (!(prices.commercial < prices.exclusive && prices.exclusive < prices.ownership)) {
    throw new PricingError('Invalid pricing policy: tier prices do not rise from Commercial to Ownership');
  }
  return prices;
}
