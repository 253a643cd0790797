/**
 * English: the license tiers in words (loaded with the license picker, the
 * checkout and the detail view) and `<aip-license-picker>`'s own messages.
 * Legal names are exact: "Commercial License", "Exclusive License",
 * "Ownership / Assignment", "License Certificate".
 */
import type { Message } from '../../internal/i18n.js';

export default {
  'common.close': 'Close',
  'license.exclusive': 'Exclusive License',
  'license.ownership': 'Ownership / Assignment',
  'license.commercial.exclusivity': 'Non-exclusive: others may license this persona too',
  'license.commercial.point-1': 'Ads, social media, websites and brand content',
  'license.commercial.point-2': 'No resale, sublicensing or transfer',
  'license.commercial.point-3': 'Renewable, unless an Exclusive or Ownership is sold later',
  'license.exclusive.exclusivity': 'Exclusive: no new licenses are sold while it runs',
  'license.exclusive.point-1': 'Every commercial use the Commercial License allows',
  'license.exclusive.point-2': 'Stops new Commercial and Exclusive sales',
  'license.exclusive.point-3': 'Opens the way to buying Ownership',
  'license.ownership.exclusivity': 'Yours: the assignable rights transfer to you',
  'license.ownership.point-1': 'Adapt, resell and sublicense',
  'license.ownership.point-2': 'Use for AI training and fine-tuning',
  'license.ownership.point-3': 'Listed deliverables are transferred; sales end',

  // Term of a license.
  'term.none': 'No fixed term',
  'term.months': { one: '{count} month', other: '{count} months' },

  // Why a tier can't be bought.
  'reason.exclusive_active': 'Exclusively licensed to another buyer',
  'reason.exclusive_active-until': 'Exclusively licensed until {date}',
  'reason.requires_active_exclusive': 'Requires an active Exclusive License',
  'reason.exclusive_holder_only': 'Only the current exclusive holder can buy this',
  'reason.assigned': 'Ownership has been transferred',

  // The "Compare licenses" table: row labels, then cell values.
  'compare.title': 'Compare licenses',
  'compare.price': 'Price',
  'compare.term': 'Term',
  'compare.exclusivity': 'Exclusivity',
  'compare.resale': 'Resale and sublicensing',
  'compare.training': 'AI training and fine-tuning',
  'compare.transfer': 'Transfer of rights',
  'compare.others': 'Other buyers',
  'compare.who': 'Who can buy it',
  'compare.certificate': 'License Certificate',
  'compare.non-exclusive': 'Non-exclusive',
  'compare.exclusive-to-you': 'Exclusive to you',
  'compare.assigned-to-you': 'Rights assigned to you',
  'compare.not-allowed': 'Not allowed',
  'compare.allowed': 'Allowed',
  'compare.not-included': 'Not included',
  'compare.transfer-none': 'None',
  'compare.transfer-license': 'None (a license, not title)',
  'compare.transfer-ownership': 'Assignable rights and listed deliverables',
  'compare.others-commercial': 'May license it too',
  'compare.others-exclusive': 'Blocked while it runs',
  'compare.others-ownership': 'No further sales',
  'compare.who-open': 'Anyone, while it is open',
  'compare.who-holder': 'Only the current Exclusive holder',
  'compare.included': 'Included',
  'compare.included-record': 'Included, with a transaction record',

  // <aip-license-picker>
  'picker.label': 'Choose a license',
  'picker.loading': 'Loading license options…',
  'picker.failed': 'The license options could not be loaded.',
  'picker.required': 'Choose a license tier.',
  'picker.invalid': 'Choose a license tier to continue.',
  'picker.selected': '{license} selected: {price}.',
  'picker.agreement': '{license} agreement (version {version})',
  'picker.tail-none':
    'No Commercial licenses are running: from its effective date, no one else may use this persona commercially.',
  'picker.tail': {
    one: "{count} Commercial license sold earlier stays active until {date}, and can't be renewed.",
    other: "{count} Commercial licenses sold earlier stay active, the last until {date}, and can't be renewed.",
  },
  'picker.tail-undated': {
    one: "{count} Commercial license sold earlier stays active until its expiry, and can't be renewed.",
    other: "{count} Commercial licenses sold earlier stay active until they expire, and can't be renewed.",
  },
} satisfies Record<string, Message>;
