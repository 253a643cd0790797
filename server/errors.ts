/**
 * The one error shape: `{ error: { code, message, details? } }`, with the
 * codes from `ERROR_CODES` and a proper HTTP status.
 */
import type { ErrorDetail, ServerErrorCode } from '../src/api/schemas.js';

/** Thrown by handlers for an expected failure; turned into a response by the app. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A 400 naming the field at fault. */
export function invalid(field: string, message: string): ApiError {
  return new ApiError(400, 'invalid_request', `Invalid ${field}: ${message}`, [{ field, message }]);
}

/** The error code that goes with an HTTP status. */
export function codeForStatus(status: number): ServerErrorCode {
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 422) return 'business_rule';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'internal';
  return 'invalid_request';
}

export const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
} as const;

export function errorResponse(
  status: number,
  code: ServerErrorCode,
  message: string,
  details?: ErrorDetail[],
  headers: Record<string, string> = {},
): Response {
  const body = { error: { code, message, ...(details && details.length > 0 ? { details } : {}) } };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...JSON_HEADERS, 'Cache-Control': 'no-store', ...headers },
  });
}

export function apiErrorResponse(error: ApiError): Response {
  return errorResponse(error.status, error.code, error.message, error.details, error.headers);
}
