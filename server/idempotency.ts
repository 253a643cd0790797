/**
 * What the writes that create something (orders, custom orders) share: the
 * `Idempotency-Key` header, a fingerprint of the request body that tells a
 * retry from a reuse of the key, and the origin of the page that sent it.
 */
import { createHash } from 'node:crypto';
import { ApiError, invalid } from './errors.js';

/** How a write was identified: its key, its body's fingerprint and where it came from. */
export interface WriteContext {
  key: string;
  hash: string;
  origin: string | null;
}

/** The answer to a create: 201 for a new record, 200 for a retry of the same request. */
export interface Created<T> {
  status: 200 | 201;
  body: T;
}

/** 1–200 visible ASCII characters: a UUID, a ULID, anything a client makes. */
const KEY = /^[\x21-\x7e]{1,200}$/;

/** The request's `Idempotency-Key`, or a 400 naming the header. */
export function idempotencyKey(request: Request): string {
  const key = request.headers.get('Idempotency-Key');
  if (key === null || key === '')
    throw invalid('Idempotency-Key', 'is required: make one per attempt, reuse it on retry');
  if (!KEY.test(key)) throw invalid('Idempotency-Key', 'must be 1–200 visible ASCII characters');
  return key;
}

/** JSON with object keys sorted at every level, so equal values always give the same text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The fingerprint of a parsed request body (after trimming and defaults), so
 * `{"a":1,"b":2}` and `{ "b": 2, "a": 1 }` are the same request.
 */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(stableJson(body)).digest('hex');
}

/** The 422 for a key that was already used with another body. */
export function keyReused(what: string): ApiError {
  return new ApiError(
    422,
    'business_rule',
    `This Idempotency-Key was already used for a different ${what} request; make a new key for a new request`,
    [{ field: 'Idempotency-Key', message: 'was already used with a different request body' }],
  );
}

/**
 * The `Origin` the request came from, as stored with what it creates: `null`
 * when absent, opaque (`null`) or not a plain http(s) origin.
 */
export function requestOrigin(request: Request): string | null {
  const origin = request.headers.get('Origin');
  if (!origin || origin === 'null' || origin.length > 300) return null;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin ? origin : null;
  } catch {
    return null;
  }
}
