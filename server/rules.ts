/**
 * The platform's licensing rules (DESIGN §3) as the reference server applies
 * them: terms, the agreement each tier is sold under, and which tiers a
 * persona's licensing state leaves on sale.
 */
import { computeTierPrices } from '../src/api/pricing.js';
import {
  LICENSES,
  type Availability,
  type License,
  type Offer,
  type PricingPolicy,
  type UnavailableReason,
} from '../src/api/schemas.js';

/** Months from the effective date; `null`: Ownership has no term. */
export const TERM_MONTHS: Record<License, number | null> = {
  commercial: 6,
  exclusive: 12,
  ownership: null,
};

/** The current version of each tier's agreement (the agreements are dated 18 March 2026). */
export const AGREEMENT_VERSIONS: Record<License, string> = {
  commercial: '2026-03-18',
  exclusive: '2026-03-18',
  ownership: '2026-03-18',
};

/** A persona's licensing state at one instant, as computed from its license records. */
export interface LicensingState {
  availability: Availability;
  /** The active Exclusive's expiry (only when `exclusive_active`). */
  exclusiveUntil: string | null;
}

/**
 * Whether a tier can be bought by the public (no viewer identity) in a given
 * state, and why not.
 */
export function tierAvailability(
  state: Availability,
  license: License,
): { available: boolean; reason: UnavailableReason | null } {
  if (state === 'assigned') return { available: false, reason: 'assigned' };
  if (state === 'exclusive_active') {
    // Only the Exclusive holder may buy Ownership; an anonymous viewer is not them.
    return { available: false, reason: license === 'ownership' ? 'exclusive_holder_only' : 'exclusive_active' };
  }
  return license === 'ownership'
    ? { available: false, reason: 'requires_active_exclusive' }
    : { available: true, reason: null };
}

/** The public URL of a tier's agreement page. */
export function agreementUrl(origin: string, license: License, version = AGREEMENT_VERSIONS[license]): string {
  return `${origin}/agreements/${license}/${encodeURIComponent(version)}`;
}

/** All three offers for a persona, priced by the shared pricing function. */
export function buildOffers(
  policy: PricingPolicy,
  commercialPriceCents: number,
  state: Availability,
  origin: string,
): Offer[] {
  const prices = computeTierPrices(policy, commercialPriceCents);
  return LICENSES.map((license) => ({
    license,
    price: { amount: prices[license], currency: policy.currency },
    termMonths: TERM_MONTHS[license],
    ...tierAvailability(state, license),
    agreement: { version: AGREEMENT_VERSIONS[license], url: agreementUrl(origin, license) },
  }));
}
