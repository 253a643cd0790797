const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO instant as a License Certificate states it: date and time in UTC, said
 * as such (`1 June 2026 at 00:00 UTC`, `1. Juni 2026 um 00:00 UTC`), so the
 * embed and the platform's own certificate page give the same date whatever
 * the reader's time zone.
 */
export function formatInstant(iso: string, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  return `${format.format(new Date(iso))} UTC`;
}
