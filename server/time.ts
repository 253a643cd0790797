/**
 * Calendar arithmetic and the seed's relative time offsets.
 */

/** `date` plus `months` calendar months (UTC), clamped to the end of a shorter month. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

const OFFSET = /^([+-])(\d{1,6})(s|m|h|d|w|mo|y)$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Does the text read as a seed time: `now`, an offset such as `-30d`, or an ISO instant? */
export function isTimeSpec(text: string): boolean {
  if (text === 'now' || OFFSET.test(text)) return true;
  return ISO_INSTANT.test(text) && !Number.isNaN(new Date(text).getTime());
}

/**
 * Resolves a seed time against `now`: `now`; `±N` followed by `s`, `m`
 * (minutes), `h`, `d`, `w`, `mo` (calendar months) or `y` (calendar years); or
 * an absolute ISO 8601 instant.
 */
export function resolveTimeSpec(text: string, now: Date): Date {
  if (text === 'now') return new Date(now.getTime());
  const offset = OFFSET.exec(text);
  if (offset) {
    const amount = Number(offset[2]) * (offset[1] === '-' ? -1 : 1);
    const unit = offset[3];
    if (unit === 'mo') return addMonths(now, amount);
    if (unit === 'y') return addMonths(now, amount * 12);
    return new Date(now.getTime() + amount * UNIT_MS[unit as keyof typeof UNIT_MS]);
  }
  if (!isTimeSpec(text)) throw new Error(`Not a time: ${JSON.stringify(text)}`);
  return new Date(text);
}
