/**
 * The marketplace's notion of "now". Availability, license terms and seed
 * dates are all read from it, so tests can freeze time or jump past an expiry.
 */

export interface Clock {
  /** The current instant: the frozen one, or real time. */
  now(): Date;
  /** Freezes the clock at an ISO 8601 instant; `null` returns to real time. */
  set(iso: string | null): void;
}

/** Parses an ISO 8601 instant, or throws naming the bad value. */
export function parseInstant(iso: string): Date {
  const date = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(date.getTime())) {
    throw new Error(`Not an ISO 8601 instant: ${JSON.stringify(iso)}`);
  }
  return date;
}

export function createClock(frozenAt?: string | null): Clock {
  let frozen: Date | null = frozenAt ? parseInstant(frozenAt) : null;
  return {
    now: () => (frozen ? new Date(frozen.getTime()) : new Date()),
    set(iso) {
      frozen = iso === null ? null : parseInstant(iso);
    },
  };
}
