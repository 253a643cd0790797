/**
 * A checkout attempt, kept in `sessionStorage` so that a reload, a redirect to
 * the hosted checkout and back, or a retry after a lost answer carries on with
 * the same order instead of making a second one.
 */
import * as v from 'valibot';
import { LICENSES, OrderRequestSchema, Slug } from '../../api/schemas.js';

const AttemptSchema = v.object({
  license: v.picklist(LICENSES),
  /** The `Idempotency-Key` of the order request: one per attempt, sent again on every retry. */
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** The order request exactly as sent, so a retry sends the same body. */
  body: OrderRequestSchema,
  /** Set once the server answered with the order. */
  orderId: v.nullable(Slug),
  /** Set once the host was told the order completed (`aip-checkout-complete`), so it is not told again. */
  reported: v.optional(v.boolean()),
});
export type Attempt = v.InferOutput<typeof AttemptSchema>;

const PREFIX = 'aip-checkout:';

// Storage can be missing or throw (privacy modes, sandboxed frames): the
// attempt then lives as long as the page does.
const memory = new Map<string, string>();

function storage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    const store = globalThis.sessionStorage;
    const probe = `${PREFIX}probe`;
    store.setItem(probe, '1');
    store.removeItem(probe);
    return store;
  } catch {
    return {
      getItem: (k) => memory.get(k) ?? null,
      setItem: (k, value) => void memory.set(k, value),
      removeItem: (k) => void memory.delete(k),
    };
  }
}

/** One attempt per marketplace and listing. */
export function attemptKey(apiBase: string, persona: string): string {
  return `${PREFIX}${apiBase}|${persona}`;
}

/** The stored attempt, or null (a damaged entry is dropped). */
export function loadAttempt(key: string): Attempt | null {
  const store = storage();
  const text = store.getItem(key);
  if (text === null) return null;
  try {
    const parsed = v.safeParse(AttemptSchema, JSON.parse(text));
    if (parsed.success) return parsed.output;
  } catch {
    // fall through: not JSON
  }
  store.removeItem(key);
  return null;
}

export function saveAttempt(key: string, attempt: Attempt): void {
  try {
    storage().setItem(key, JSON.stringify(attempt));
  } catch {
    // Quota exceeded: the attempt still works for this page's lifetime.
  }
}

export function clearAttempt(key: string): void {
  storage().removeItem(key);
}

/** Two order requests are the same attempt when their bodies are identical. */
export function sameBody(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
