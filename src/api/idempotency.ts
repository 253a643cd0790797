/**
 * Idempotency keys for writes: one per attempt, reused on every retry of that
 * attempt, so a double click, a timeout or a reload never makes two orders.
 */

/**
 * A fresh random key (a version 4 UUID). Uses `crypto.randomUUID` where the
 * page is a secure context and `crypto.getRandomValues` elsewhere (plain-http
 * partner pages have no `randomUUID`).
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
