import type { CommercialTail, License, Offer, UnavailableReason } from '../api/schemas.js';
import type { LicenseMessageId } from '../locales/ids.js';
import type { Translate } from './i18n.js';

type T = Translate<LicenseMessageId>;

/**
 * What each license tier means, in words a buyer reads in seconds. Terms and
 * prices are not here: they come from the API's offers.
 */
export interface LicenseInfo {
  title: string;
  /** One line on who else may use the persona. */
  exclusivity: string;
  /** The three rights or limits that matter most. */
  keyPoints: [string, string, string];
}

/** A tier's legal name: "Commercial License", "Exclusive License", "Ownership / Assignment". */
export function licenseTitle(t: T, license: License): string {
  return t(`license.${license}`);
}

export function licenseInfo(t: T, license: License): LicenseInfo {
  return {
    title: licenseTitle(t, license),
    exclusivity: t(`license.${license}.exclusivity`),
    keyPoints: [t(`license.${license}.point-1`), t(`license.${license}.point-2`), t(`license.${license}.point-3`)],
  };
}

/** Rows of the "Compare licenses" table: the row's label, then one cell per tier, as message ids. */
export const LICENSE_COMPARISON: { label: LicenseMessageId; values: Record<License, LicenseMessageId> }[] = [
  {
    label: 'compare.exclusivity',
    values: {
      commercial: 'compare.non-exclusive',
      exclusive: 'compare.exclusive-to-you',
      ownership: 'compare.assigned-to-you',
    },
  },
  {
    label: 'compare.resale',
    values: { commercial: 'compare.not-allowed', exclusive: 'compare.not-allowed', ownership: 'compare.allowed' },
  },
  {
    label: 'compare.training',
    values: { commercial: 'compare.not-included', exclusive: 'compare.not-included', ownership: 'compare.allowed' },
  },
  {
    label: 'compare.transfer',
    values: {
      commercial: 'compare.transfer-none',
      exclusive: 'compare.transfer-license',
      ownership: 'compare.transfer-ownership',
    },
  },
  {
    label: 'compare.others',
    values: {
      commercial: 'compare.others-commercial',
      exclusive: 'compare.others-exclusive',
      ownership: 'compare.others-ownership',
    },
  },
  {
    label: 'compare.who',
    values: { commercial: 'compare.who-open', exclusive: 'compare.who-open', ownership: 'compare.who-holder' },
  },
  {
    label: 'compare.certificate',
    values: { commercial: 'compare.included', exclusive: 'compare.included', ownership: 'compare.included-record' },
  },
];

/** Why a tier can't be bought, in words; `until` is the formatted end of the active Exclusive. */
export function reasonText(t: T, reason: UnavailableReason, until: string | null): string {
  return reason === 'exclusive_active' && until
    ? t('reason.exclusive_active-until', { date: until })
    : t(`reason.${reason}`);
}

/**
 * Whether the offer is Ownership while an Exclusive is in force: not for sale to
 * anyone, but its holder may buy it. The marketplace can't tell who is looking,
 * so the buyer goes on and the marketplace checks their email.
 */
export function forHolderOnly(offer: Offer): boolean {
  return !offer.available && offer.reason === 'exclusive_holder_only';
}

/** Whether a buyer may choose the offer: it is on sale, or its buyer may be the Exclusive's holder. */
export function choosable(offer: Offer): boolean {
  return offer.available || forHolderOnly(offer);
}

/** The Commercial licenses an Exclusive bought now would live with, for its buyer: none, or how many and until when. */
export function tailText(t: T, tail: CommercialTail, formatDate: (iso: string) => string): string {
  if (tail.count === 0) return t('picker.tail-none');
  return tail.until
    ? t('picker.tail', { count: tail.count, date: formatDate(tail.until) })
    : t('picker.tail-undated', { count: tail.count });
}

/** Whether the tail `now` is more than the buyer was shown (`before`): more licenses, or running longer. */
export function tailGrew(before: CommercialTail, now: CommercialTail): boolean {
  return now.count > before.count || (now.until ?? '') > (before.until ?? '');
}

/** "6 months", "12 months", "No fixed term". */
export function termText(t: T, months: number | null): string {
  return months === null ? t('term.none') : t('term.months', { count: months });
}
