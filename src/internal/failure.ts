import { toApiError } from '../api/errors.js';

/** A wait the server asked for, in words: `30 s`, `5 min`. */
function waitText(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/**
 * The sentence an element's error state adds under "… could not be loaded":
 * what went wrong, as far as the buyer can act on it, and when to try again.
 * A wait the marketplace asked for (`Retry-After`, which the client waits out
 * itself when it is short) is said in seconds or minutes.
 */
export function loadFailureHint(error: unknown): string {
  const e = toApiError(error);
  const wait = e.retryAfter ? `Try again in ${waitText(e.retryAfter)}.` : null;
  switch (e.code) {
    case 'network':
      return 'Check your connection, then try again.';
    case 'timeout':
      return 'The marketplace took too long to answer. Check your connection, then try again.';
    case 'rate_limited':
      return `The marketplace is busy. ${wait ?? 'Wait a moment, then try again.'}`;
    case 'unavailable':
      return `The marketplace is unavailable right now. ${wait ?? 'Try again in a moment.'}`;
    case 'malformed_response':
      return 'The marketplace sent an answer that could not be read. Try again in a moment.';
    default:
      return 'The marketplace had a problem. Try again in a moment.';
  }
}
