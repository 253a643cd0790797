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
 * Integer minor units as an exact decimal string ("4900" cents: "49.00"). `Intl.NumberFormat` formats such a
 * string without going through a float, which for amounts of 2^52 minor units and more would be a unit off.
 */
function decimal(amount: number, digits: number): `${number}` {
  if (digits === 0) return `${amount}`;
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  return `${amount < 0 ? '-' : ''}${text.slice(0, -digits)}.${text.slice(-digits)}` as `${number}`;
}

/**
 * Formats integer minor units for `locale` with `Intl.NumberFormat`, exactly:
 * money is never divided into a float, not even for display.
 */
export function formatMoney(money: Money, locale: string, options: FormatMoneyOptions = {}): string {
  const digits = minorUnitDigits(money.currency);
  const whole = (options.trimWholeAmounts ?? true) && money.amount % 10 ** digits === 0;
  const format = formatter(locale, money.currency, whole);
  const value = decimal(money.amount, digits);
  if (!RIGHT_TO_LEFT.test(locale)) return format.format(value);
  // In a right-to-left language a Latin currency sign such as "US$" is kept left-to-right (LRI…PDI):
  // otherwise its "$" takes the paragraph's direction and the amount reads "$US 14,000".
  return format
    .formatToParts(value)
    .map(({ type, value }) => (type === 'currency' && /[A-Za-z]/.test(value) ? `\u2066${value}\u2069` : value))
    .join('');
}

/** Languages written right to left (their tags' first subtag). */
const RIGHT_TO_LEFT = /^(?:ar|arc|ckb|dv|fa|he|iw|ku|ps|sd|ug|ur|yi)(?:-|$)/i;
