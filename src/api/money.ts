import type { Money } from './schemas.js';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${whole}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

const digitsByCurrency = new Map<string, number>();

/** How many minor units make a major one in `currency` (2 for USD, 0 for JPY). */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = formatter('en', currency, false).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

export interface FormatMoneyOptions {
  /** Drop the fraction when it is zero ("$49" rather than "$49.00"). Default true. */
  trimWholeAmounts?: boolean;
}

/**
 * Formats integer minor units for `locale` with `Intl.NumberFormat`.
 * The only division of money in the library happens here, for display.
 */
export function formatMoney(money: Money, locale: string, options: FormatMoneyOptions = {}): string {
  const digits = minorUnitDigits(money.currency);
  const scale = 10 ** digits;
  const whole = (options.trimWholeAmounts ?? true) && money.amount % scale === 0;
  const format = formatter(locale, money.currency, whole);
  if (!RIGHT_TO_LEFT.test(locale)) return format.format(money.amount / scale);
  // In a right-to-left language a Latin currency sign such as "US$" is kept left-to-right (LRI…PDI):
  // otherwise its "$" takes the paragraph's direction and the amount reads "$US 14,000".
  return format
    .formatToParts(money.amount / scale)
    .map(({ type, value }) => (type === 'currency' && /[A-Za-z]/.test(value) ? `\u2066${value}\u2069` : value))
    .join('');
}

/** Languages written right to left (their tags' first subtag). */
const RIGHT_TO_LEFT = /^(?:ar|arc|ckb|dv|fa|he|iw|ku|ps|sd|ug|ur|yi)(?:-|$)/i;
