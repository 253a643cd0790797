import type { License, UnavailableReason } from '../api/schemas.js';

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

export const LICENSE_INFO: Record<License, LicenseInfo> = {
  commercial: {
    title: 'Commercial License',
    exclusivity: 'Non-exclusive: others may license this persona too',
    keyPoints: [
      'Ads, social media, websites and brand content',
      'No resale, sublicensing or transfer',
      'Can be renewed while no Exclusive is active',
    ],
  },
  exclusive: {
    title: 'Exclusive License',
    exclusivity: 'Only you: no new licenses are sold while it runs',
    keyPoints: [
      'Every commercial use the Commercial License allows',
      'Stops new Commercial and Exclusive sales',
      'Opens the way to buying Ownership',
    ],
  },
  ownership: {
    title: 'Ownership / Assignment',
    exclusivity: 'Yours: the assignable rights transfer to you',
    keyPoints: [
      'Adapt, resell and sublicense',
      'Use for AI training and fine-tuning',
      'Listed deliverables are transferred; sales end',
    ],
  },
};

/** Rows of the "Compare licenses" table, one cell per tier. */
export const LICENSE_COMPARISON: { label: string; values: Record<License, string> }[] = [
  {
    label: 'Exclusivity',
    values: { commercial: 'Non-exclusive', exclusive: 'Exclusive to you', ownership: 'Rights assigned to you' },
  },
  {
    label: 'Resale and sublicensing',
    values: { commercial: 'Not allowed', exclusive: 'Not allowed', ownership: 'Allowed' },
  },
  {
    label: 'AI training and fine-tuning',
    values: { commercial: 'Not included', exclusive: 'Not included', ownership: 'Allowed' },
  },
  {
    label: 'Transfer of rights',
    values: {
      commercial: 'None',
      exclusive: 'None (a license, not title)',
      ownership: 'Assignable rights and listed deliverables',
    },
  },
  {
    label: 'Other buyers',
    values: { commercial: 'May license it too', exclusive: 'Blocked while it runs', ownership: 'No further sales' },
  },
  {
    label: 'Who can buy it',
    values: {
      commercial: 'Anyone, while it is open',
      exclusive: 'Anyone, while it is open',
      ownership: 'Only the current Exclusive holder',
    },
  },
  {
    label: 'License Certificate',
    values: { commercial: 'Included', exclusive: 'Included', ownership: 'Included, with a transaction record' },
  },
];

/** Why a tier can't be bought, in words; `until` is the formatted end of the active Exclusive. */
export function reasonText(reason: UnavailableReason, until: string | null): string {
  switch (reason) {
    case 'exclusive_active':
      return until ? `Exclusively licensed until ${until}` : 'Exclusively licensed to another buyer';
    case 'requires_active_exclusive':
      return 'Requires an active Exclusive License';
    case 'exclusive_holder_only':
      return 'Only the current exclusive holder can buy this';
    case 'assigned':
      return 'Ownership has been transferred';
  }
}

/** "6 months", "12 months", "No fixed term". */
export function termText(months: number | null): string {
  if (months === null) return 'No fixed term';
  return months === 1 ? '1 month' : `${months} months`;
}
