/**
 * The platform's licensing rules (DESIGN §3) as the reference server applies
 * them: terms, the agreement each tier is sold under, and which tiers a
 * persona's licensing state leaves on sale.
 */
import { computeTierPrices } from '../src/api/pricing.js';
import { ApiError } from './errors.js';
import { ENGLISH } from './page-texts.js';
import {
  LICENSES,
  type Availability,
  type CommercialTail,
  type License,
  type Offer,
  type PricingPolicy,
  type RejectionCode,
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

/**
 * What each tier lets its buyer do, in plain words: printed on every License
 * Certificate (and stored with it, worded as it was when it was issued).
 */
export const CORE_RIGHTS: Record<License, readonly string[]> = {
  commercial: [
    'Use the persona package in your own commercial work: advertising, campaigns, social media, websites and print',
    'Let your employees, affiliates and contractors work with the files on your behalf',
    `Valid for ${TERM_MONTHS.commercial} months from the effective date`,
    'Non-exclusive and non-transferable: no resale, sublicensing or relicensing',
  ],
  exclusive: [
    'Sole commercial use of the persona package: no new Commercial or Exclusive license is sold while it runs',
    'Use the package in your own advertising, campaigns, social media, websites and print',
    'Buy the Ownership / Assignment of the package while this license is in force',
    `Valid for ${TERM_MONTHS.exclusive} months from the effective date; Commercial licenses sold earlier run to their own end`,
  ],
  ownership: [
    'The assignable rights the creator controls in the persona package and its listed deliverables',
    'Use, adapt and commercially exploit the package, make derivatives, sublicense, resell and redistribute it',
    'Use the package in AI workflows, including training and fine-tuning',
    'No term: the assignment is permanent and the package is no longer sold on the platform',
  ],
};

/**
 * The line an Exclusive's certificate adds to its core rights: the Commercial
 * licenses sold earlier that run beside it, as they stood when it was issued
 * (in English, like the rights; instants in UTC).
 */
export function commercialTailRight(tail: CommercialTail, formatInstant: (iso: string) => string): string {
  if (tail.count === 0 || tail.until === null) return 'No Commercial license sold earlier runs beside it';
  return tail.count === 1
    ? `1 Commercial license sold earlier runs beside it to its own end, on ${formatInstant(tail.until)}`
    : `${tail.count} Commercial licenses sold earlier run beside it to their own ends, the last on ${formatInstant(tail.until)}`;
}

/** The creator's share of every sale, in percent; the platform keeps the rest. */
export const CREATOR_SHARE_PERCENT = 75;

/**
 * Splits a sale between creator and platform in whole minor units: the
 * creator gets 75 % rounded down, the platform the remainder, so the two
 * always add up to the price.
 */
export function revenueSplit(priceCents: number): { creator: number; platform: number } {
  const creator = Math.floor((priceCents * CREATOR_SHARE_PERCENT) / 100);
  return { creator, platform: priceCents - creator };
}

/** A persona's licensing state at one instant, as computed from its license records. */
export interface LicensingState {
  availability: Availability;
  /** The active Exclusive's expiry (only when `exclusive_active`). */
  exclusiveUntil: string | null;
}

/** Who is asking: the public API knows nobody, a quote may name its buyer. */
export interface Viewer {
  /** The viewer holds the Exclusive in force on this persona. */
  holdsExclusive: boolean;
}

const ANONYMOUS: Viewer = { holdsExclusive: false };

/**
 * Whether a tier can be bought in a given state by a given viewer (by default
 * the anonymous public, who never holds an Exclusive), and why not.
 */
export function tierAvailability(
  state: Availability,
  license: License,
  viewer: Viewer = ANONYMOUS,
): { available: boolean; reason: UnavailableReason | null } {
  if (state === 'assigned') return { available: false, reason: 'assigned' };
  if (state === 'exclusive_active') {
    if (license !== 'ownership') return { available: false, reason: 'exclusive_active' };
    // Only the Exclusive holder may buy Ownership.
    return viewer.holdsExclusive
      ? { available: true, reason: null }
      : { available: false, reason: 'exclusive_holder_only' };
  }
  return license === 'ownership'
    ? { available: false, reason: 'requires_active_exclusive' }
    : { available: true, reason: null };
}

/** Tier names as a buyer reads them. */
export const TIER_NAMES: Record<License, string> = {
  commercial: 'Commercial',
  exclusive: 'Exclusive',
  ownership: 'Ownership',
};

/** The parts of a persona's licensing state a sale is checked against (see `CatalogStore#licensingSubject`). */
export interface SaleSubject {
  id: string;
  availability: Availability;
  exclusiveUntil: string | null;
  /** The emails of the Exclusive holder(s) in force, as stored. */
  exclusiveHolderEmails: string[];
}

/**
 * Why the buyer with `buyerEmail` may not buy `license` of `subject` now, or
 * null when they may. The one check behind quotes, orders and completion:
 * Ownership goes only to the holder of the Exclusive in force (emails compared
 * trimmed and case-insensitively); without an email nobody holds it.
 */
export function saleRefusal(
  subject: SaleSubject,
  license: License,
  buyerEmail: string | undefined,
): UnavailableReason | null {
  const wanted = buyerEmail?.trim().toLowerCase();
  const holdsExclusive =
    license === 'ownership' &&
    wanted !== undefined &&
    subject.exclusiveHolderEmails.some((email) => email.trim().toLowerCase() === wanted);
  return tierAvailability(subject.availability, license, { holdsExclusive }).reason;
}

/** The 409 for a refused sale: the reason in words, and in `details` as the `license` field's message. */
export function saleRefusedError(reason: UnavailableReason, license: License, subject: SaleSubject): ApiError {
  return new ApiError(409, 'conflict', unavailableMessage(reason, license, subject.id, subject.exclusiveUntil), [
    { field: 'license', message: reason },
  ]);
}

/** Why a tier can't be bought, in words, for the message of a 409. */
export function unavailableMessage(
  reason: UnavailableReason,
  license: License,
  personaId: string,
  exclusiveUntil: string | null,
): string {
  const tier = TIER_NAMES[license];
  switch (reason) {
    case 'assigned':
      return `${tier} is not on sale: "${personaId}" has been assigned to its owner and no license of it can be sold any more`;
    case 'exclusive_active':
      return `${tier} is not on sale: an Exclusive license on "${personaId}" is in force${
        exclusiveUntil ? ` until ${exclusiveUntil}` : ''
      }; Commercial and Exclusive sales reopen when it ends`;
    case 'exclusive_holder_only':
      return `Ownership of "${personaId}" can only be bought by the holder of the Exclusive license in force`;
    case 'requires_active_exclusive':
      return `Ownership of "${personaId}" can only be bought by the holder of an Exclusive license in force, and there is none`;
  }
}

/**
 * Why a paid order could not be completed, for the buyer (at most 200
 * characters): the tier was no longer on sale when payment completed.
 */
export function rejectionMessage(reason: RejectionCode, license: License, paid = true): string {
  return ENGLISH.rejectedReason(reason, TIER_NAMES[license], paid);
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
