import type { ErrorDetail, ServerErrorCode } from './schemas.js';

/**
 * What went wrong, as a code an element can branch on. The server's codes,
 * plus the ones only the client can see: the network failed, the request
 * took too long, the caller gave up, or the answer made no sense.
 */
export type ApiErrorCode = ServerErrorCode | 'network' | 'timeout' | 'aborted' | 'malformed_response';

const CODE_BY_STATUS: Record<number, ServerErrorCode> = {
  400: 'invalid_request',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'business_rule',
  429: 'rate_limited',
  503: 'unavailable',
};

/** The one error every client call rejects with. */
export class ApiError extends Error {
  override name = 'ApiError';
  /** Machine-readable cause. */
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  /** The fields at fault, for a 400. */
  readonly details: readonly ErrorDetail[];
  /** Seconds the server asked us to wait (429/503), if it said. */
  readonly retryAfter: number | null;

  constructor(
    code: ApiErrorCode,
    message: string,
    init: { status?: number; details?: readonly ErrorDetail[]; retryAfter?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: init.cause });
    this.code = code;
    this.status = init.status ?? 0;
    this.details = init.details ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }

  /** True when trying the same request again may succeed. */
  get retryable(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      this.code === 'rate_limited' ||
      this.code === 'unavailable' ||
      this.status >= 500
    );
  }

  /** The code a bare HTTP status stands for, when the body didn't say. */
  static codeForStatus(status: number): ServerErrorCode {
    return CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'invalid_request');
  }
}

/** Narrows an unknown rejection to an `ApiError`, wrapping anything else. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('internal', message, { cause: error });
}
