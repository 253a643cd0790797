import { toApiError, type ApiError } from '../api/errors.js';
import type { CoreMessageId } from '../locales/ids.js';
import type { Translate } from './i18n.js';

/** A wait the server asked for, in words: `30 s`, `5 min`. */
export function waitText(t: Translate<CoreMessageId>, seconds: number): string {
  return seconds < 120 ? t('time.seconds', { count: seconds }) : t('time.minutes', { count: Math.ceil(seconds / 60) });
}

/**
 * Whether the browser says it is offline: a failed request then never left, and loads run again by themselves
 * once it is back online. (`navigator.onLine` true says little: a network may still be unreachable.)
 */
export const isOffline = (): boolean => navigator.onLine === false;

/** Unreadable answers already described in the console. */
const told = new WeakSet<object>();

/**
 * Describes an unreadable answer (`malformed_response`) in the console, once
 * per failure: what the check found is for the integrator; the buyer reads a
 * hint. `who` names the speaker (an element's tag); other errors say nothing.
 */
export function tellUnreadable(error: ApiError, who = 'aip-storefront'): void {
  if (error.code !== 'malformed_response' || told.has(error)) return;
  told.add(error);
  console.warn(`${who}: ${error.message}`);
}

/**
 * The sentence an element's error state adds under "… could not be loaded":
 * what went wrong, as far as the buyer can act on it, and when to try again.
 * Offline, it says the load runs again by itself once back online. A wait
 * the marketplace asked for (`Retry-After`, which the client waits out itself
 * when it is short) is said in seconds or minutes. An unreadable answer is
 * also described in the console (`tellUnreadable`).
 */
export function loadFailureHint(error: unknown, t: Translate<CoreMessageId>): string {
  const e = toApiError(error);
  const wait = e.retryAfter ? waitText(t, e.retryAfter) : null;
  switch (e.code) {
    case 'network':
      // Offline, a failed load runs again by itself once the browser is back online (the client and the catalog
      // listen for it): the buyer is told so rather than asked to try again.
      return t(isOffline() ? 'hint.offline' : 'hint.network');
    case 'timeout':
      return t('hint.timeout');
    case 'rate_limited':
      return wait ? t('hint.busy-wait', { wait }) : t('hint.busy');
    case 'unavailable':
      return wait ? t('hint.unavailable-wait', { wait }) : t('hint.unavailable');
    case 'malformed_response':
      tellUnreadable(e);
      return t('hint.malformed');
    default:
      return t('hint.problem');
  }
}
