/**
 * Fault switches: make the marketplace misbehave on request, so the elements'
 * failure states can be shown in stories and tested against a real server.
 *
 * A spec is a comma-separated list of `key=value` switches, given either as a
 * path prefix (`/_fault/<spec>/v1/...`) or in an `X-Aip-Fault` header:
 *
 * - `latency=<ms>`     wait this long (0–30000) before answering
 * - `status=<code>`    answer with this status (400–599) in the error shape
 * - `retry-after=<s>`  with `status`: add a `Retry-After` header (0–86400)
 * - `body=malformed`   200 with text that is not JSON
 * - `body=schema`      200 with JSON of the wrong shape
 * - `body=empty`       200 with an empty body
 * - `body=script-urls` the real JSON answer with every http(s) URL in it made a
 *                      `javascript:` URL (a hostile or broken API; the client must refuse it)
 * - `body=foreign-urls` the real JSON answer with every http(s) URL in it moved to
 *                      another origin, `https://elsewhere.example` (a misconfigured proxy;
 *                      the client must not send the buyer to pay there)
 * - `fail=throw`       the handler throws, exercising the server's 500 path
 * - `fail=lost`        the handler runs (a valid write takes effect), then its answer,
 *                      whatever it was, is lost: a 502, as from a gateway that gave up
 *                      on the way back
 * - `only=<resource>`  apply the fault only to `/v1/<resource>…` (e.g. `only=orders`);
 *                      everything else is answered normally
 * - `times=<n>`        apply it to the first n matching requests only (1–1000; counted
 *                      per spec text and marketplace), so a retry succeeds
 * - `after=<n>`        let the first n matching requests through first (1–1000), so a
 *                      page loads and a later one fails (with `times`: n+1 to n+times)
 *
 * Only a marketplace created with `faults: true` honours them.
 */
import { codeForStatus, errorResponse, JSON_HEADERS } from './errors.js';

export const FAULT_BODIES = ['malformed', 'schema', 'empty', 'script-urls', 'foreign-urls'] as const;

/** Resources `only=` can name: the first path segment after `/v1/`. */
export const FAULT_RESOURCES = [
  'pricing-policy',
  'catalog',
  'personas',
  'creators',
  'quotes',
  'orders',
  'certificates',
  'custom-orders',
  'sandbox',
] as const;

export interface FaultSpec {
  only?: (typeof FAULT_RESOURCES)[number];
  times?: number;
  after?: number;
  latency?: number;
  status?: number;
  retryAfter?: number;
  body?: (typeof FAULT_BODIES)[number];
  fail?: 'throw' | 'lost';
}

export const FAULT_SPEC_HELP =
  'a fault spec is comma-separated key=value switches: latency=<0-30000 ms>, status=<400-599>, ' +
  'retry-after=<0-86400 s> (with status), body=malformed|schema|empty|script-urls|foreign-urls, fail=throw|lost, ' +
  'only=<resource>, times=<1-1000>, after=<1-1000>';

export type FaultParse = { ok: true; spec: FaultSpec } | { ok: false; message: string };

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,6}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** Parses a fault spec; on failure, says what is wrong with it. */
export function parseFaultSpec(text: string): FaultParse {
  const bad = (problem: string): FaultParse => ({ ok: false, message: `${problem}; ${FAULT_SPEC_HELP}` });
  if (text.trim() === '') return bad('the fault spec is empty');
  const spec: FaultSpec = {};
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (eq < 0 || value === '') return bad(`"${part.trim()}" has no value`);
    if (seen.has(key)) return bad(`"${key}" is given twice`);
    seen.add(key);
    switch (key) {
      case 'latency': {
        const ms = wholeNumber(value, 0, 30_000);
        if (ms === null) return bad(`latency must be 0–30000 ms, got "${value}"`);
        spec.latency = ms;
        break;
      }
      case 'status': {
        const status = wholeNumber(value, 400, 599);
        if (status === null) return bad(`status must be 400–599, got "${value}"`);
        spec.status = status;
        break;
      }
      case 'retry-after': {
        const seconds = wholeNumber(value, 0, 86_400);
        if (seconds === null) return bad(`retry-after must be 0–86400 seconds, got "${value}"`);
        spec.retryAfter = seconds;
        break;
      }
      case 'body':
        if (!(FAULT_BODIES as readonly string[]).includes(value)) {
          return bad(`body must be malformed, schema, empty, script-urls or foreign-urls, got "${value}"`);
        }
        spec.body = value as FaultSpec['body'];
        break;
      case 'only':
        if (!(FAULT_RESOURCES as readonly string[]).includes(value)) {
          return bad(`only must name a resource (${FAULT_RESOURCES.join(', ')}), got "${value}"`);
        }
        spec.only = value as FaultSpec['only'];
        break;
      case 'times': {
        const times = wholeNumber(value, 1, 1000);
        if (times === null) return bad(`times must be 1–1000, got "${value}"`);
        spec.times = times;
        break;
      }
      case 'after': {
        const after = wholeNumber(value, 1, 1000);
        if (after === null) return bad(`after must be 1–1000, got "${value}"`);
        spec.after = after;
        break;
      }
      case 'fail':
        if (value !== 'throw' && value !== 'lost') return bad(`fail must be throw or lost, got "${value}"`);
        spec.fail = value;
        break;
      default:
        return bad(`unknown switch "${key}"`);
    }
  }
  if (spec.retryAfter !== undefined && spec.status === undefined) return bad('retry-after needs a status');
  const outcomes = [spec.status !== undefined, spec.body !== undefined, spec.fail !== undefined].filter(Boolean);
  if (outcomes.length > 1) return bad('status, body and fail are alternatives: give at most one');
  return { ok: true, spec };
}

/**
 * Whether a spec applies to a request for `path` (the path after any
 * `/_fault/<spec>` prefix). `used` counts, per spec text, the matching
 * requests a `times=` or `after=` spec has seen.
 */
export function faultApplies(spec: FaultSpec, path: string, text: string, used: Map<string, number>): boolean {
  if (spec.only !== undefined) {
    const prefix = `/v1/${spec.only}`;
    if (path !== prefix && !path.startsWith(`${prefix}/`) && !path.startsWith(`${prefix}?`)) return false;
  }
  if (spec.times !== undefined || spec.after !== undefined) {
    const seen = used.get(text) ?? 0;
    used.set(text, seen + 1);
    const from = spec.after ?? 0;
    if (seen < from || (spec.times !== undefined && seen >= from + spec.times)) return false;
  }
  return true;
}

/** Waits `ms` (a simulated slow answer), or less if the client goes away first (`signal` aborts). */
export function waitUnlessGone(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const gone = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', gone);
      resolve();
    }, ms);
    if (signal?.aborted) gone();
    else signal?.addEventListener('abort', gone, { once: true });
  });
}

/** A body of valid JSON that matches none of the API's response shapes. */
const WRONG_SHAPE = JSON.stringify({ items: 'not-a-list', nextCursor: 42, id: null, error: 'not-an-object' });

/** What `body=script-urls` puts in place of an http(s) URL: it would run if an element used it as a link. */
export const SCRIPT_URL_PREFIX = 'javascript:window.__xss=true//';

/** Where `body=foreign-urls` moves every http(s) URL. */
export const FOREIGN_ORIGIN = 'https://elsewhere.example';

const URL_REWRITES: Record<'script-urls' | 'foreign-urls', (url: string) => string> = {
  'script-urls': (url) => SCRIPT_URL_PREFIX + url,
  'foreign-urls': (url) => FOREIGN_ORIGIN + url.replace(/^https?:\/\/[^/]*/i, ''),
};

/** Every http(s) URL string in a JSON value, rewritten. */
function rewriteUrls(value: unknown, rewrite: (url: string) => string): unknown {
  if (typeof value === 'string') return /^https?:\/\//i.test(value) ? rewrite(value) : value;
  if (Array.isArray(value)) return value.map((entry) => rewriteUrls(entry, rewrite));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, rewriteUrls(entry, rewrite)]));
  }
  return value;
}

/** The real answer with its URLs rewritten; anything but a JSON 2xx passes through. */
async function withUrlsRewritten(response: Response, rewrite: (url: string) => string): Promise<Response> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok || !type.startsWith('application/json')) return response;
  const body = JSON.stringify(rewriteUrls(await response.json(), rewrite));
  const headers = new Headers(response.headers);
  headers.delete('ETag');
  headers.delete('Content-Length');
  headers.set('Cache-Control', 'no-store');
  return new Response(body, { status: response.status, headers });
}

/**
 * Runs a request under a fault spec. `handle` is the real handler; it runs
 * only when the spec lets a real answer through (latency alone, `fail`, or
 * `body=script-urls` / `foreign-urls`, which then rewrite it; `fail=lost` then
 * drops it), and not when the request's `signal` says the client went away
 * during the latency.
 */
export async function withFaults(
  spec: FaultSpec,
  handle: () => Response | Promise<Response>,
  signal?: AbortSignal,
): Promise<Response> {
  if (spec.latency) await waitUnlessGone(spec.latency, signal);
  // The client gave up during the wait: no one reads the answer, and a test's marketplace may be gone by now.
  if (signal?.aborted) return new Response(null, { status: 499 });
  if (spec.status !== undefined) {
    const headers: Record<string, string> = {};
    if (spec.retryAfter !== undefined) headers['Retry-After'] = String(spec.retryAfter);
    return errorResponse(
      spec.status,
      codeForStatus(spec.status),
      `Simulated failure: the fault switch asked for HTTP ${spec.status}`,
      undefined,
      headers,
    );
  }
  if (spec.body === 'malformed') {
    return new Response('{"items": [{"id": "unterminated', {
      status: 200,
      headers: { ...JSON_HEADERS, 'Cache-Control': 'no-store' },
    });
  }
  if (spec.body === 'schema') {
    return new Response(WRONG_SHAPE, { status: 200, headers: { ...JSON_HEADERS, 'Cache-Control': 'no-store' } });
  }
  if (spec.body === 'empty') {
    return new Response(null, { status: 200, headers: { ...JSON_HEADERS, 'Cache-Control': 'no-store' } });
  }
  if (spec.body === 'script-urls' || spec.body === 'foreign-urls') {
    return withUrlsRewritten(await handle(), URL_REWRITES[spec.body]);
  }
  if (spec.fail === 'lost') {
    // Done, but the client can't know: only a retry with the same Idempotency-Key tells it.
    await handle();
    return errorResponse(502, 'unavailable', 'Simulated failure: the request was handled, then its answer was lost');
  }
  return handle();
}
