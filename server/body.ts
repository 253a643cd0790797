/**
 * Reading JSON request bodies strictly: the right media type, a size cap
 * enforced while the body streams in (not after), UTF-8, a JSON object, and
 * then the contract's valibot schema, with every failure a 400 (or 413, or 415
 * for a compressed body) that names what is wrong.
 */
import * as v from 'valibot';
import { issueDetails, type ErrorDetail } from '../src/api/schemas.js';
import { ApiError, invalid } from './errors.js';

/** The largest request body the API reads: 16 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A 400 about the body as a whole. */
function invalidBody(message: string): ApiError {
  return new ApiError(400, 'invalid_request', `Invalid request body: it ${message}`, [{ field: '(body)', message }]);
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'payload_too_large', `The request body is larger than ${limit} bytes`, [
    { field: '(body)', message: `must be at most ${limit} bytes` },
  ]);
}

/** `application/json`, optionally with `charset=utf-8`; anything else is refused. */
function checkContentType(header: string | null): void {
  const [type = '', ...params] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') throw invalid('Content-Type', 'must be application/json');
  for (const param of params) {
    const [name, value = ''] = param.split('=').map((part) => part.trim());
    if (name === 'charset' && value.replace(/^"|"$/g, '') !== 'utf-8') {
      throw invalid('Content-Type', 'must be application/json with no charset or charset=utf-8');
    }
  }
}

/** Bodies are read as sent: a compressed one is refused before it is read (it would not be UTF-8 JSON). */
function checkEncoding(header: string | null): void {
  if (header === null || header.trim().toLowerCase() === 'identity') return;
  throw new ApiError(415, 'invalid_request', 'The request body is compressed (Content-Encoding); send plain JSON', [
    { field: 'Content-Encoding', message: 'must be absent (or identity)' },
  ]);
}

/** The body's bytes, refusing (without reading on) as soon as it passes `limit`. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  checkEncoding(request.headers.get('Content-Encoding'));
  const declared = request.headers.get('Content-Length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a request's JSON body: `application/json`, at most `limit` bytes of
 * UTF-8, holding one JSON object. Anything else throws an `ApiError`.
 */
export async function readJsonObject(request: Request, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  checkContentType(request.headers.get('Content-Type'));
  return parseJsonObject(await readLimited(request, limit));
}

/**
 * For endpoints that take no parameters (the pay buttons): no body at all
 * (whatever its Content-Type), or an empty JSON object. Anything else is a
 * 400 naming what was sent, and a body past `limit` a 413, so a client that
 * thinks it can send an amount or a status learns at once that it can't.
 */
export async function readEmptyBody(request: Request, limit = MAX_BODY_BYTES): Promise<void> {
  const bytes = await readLimited(request, limit);
  if (bytes.byteLength === 0) return;
  checkContentType(request.headers.get('Content-Type'));
  const fields = Object.keys(parseJsonObject(bytes));
  if (fields.length > 0) {
    const message = 'is not accepted: this endpoint takes no parameters';
    throw new ApiError(
      400,
      'invalid_request',
      `Invalid request body: this endpoint takes no fields, got ${fields.join(', ')}`,
      fields.map((field) => ({ field, message })),
    );
  }
}

/** UTF-8 bytes holding one JSON object, or the 400 that says what they hold instead. */
function parseJsonObject(bytes: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalidBody('must be UTF-8 text');
  }
  if (text.trim() === '') throw invalidBody('is empty; expected a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidBody('is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidBody('must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/**
 * Validates a request body against a strict object schema. Missing and
 * unknown fields get plain messages; `what` names the body in them ("quote").
 */
export function parseBody<
  S extends v.StrictObjectSchema<v.ObjectEntries, v.ErrorMessage<v.StrictObjectIssue> | undefined>,
>(schema: S, body: Record<string, unknown>, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const fields = Object.keys(schema.entries);
  const details: ErrorDetail[] = issueDetails(result.issues).map((detail, i) => {
    const issue = result.issues[i];
    if (issue.type !== 'strict_object' || !issue.path?.length) return detail;
    if (issue.expected === 'never') {
      const message =
        issue.path.length === 1
          ? `is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} field (expected ${fields.join(', ')})`
          : 'is not an accepted field';
      return { field: detail.field, message };
    }
    return { field: detail.field, message: 'is required' };
  });
  throw new ApiError(
    400,
    'invalid_request',
    `Invalid ${what} request: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`,
    details,
  );
}
