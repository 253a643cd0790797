/**
 * The HTTP surface of the marketplace: `/v1` JSON endpoints, generated media,
 * agreement pages, and the hosted checkout and certificate pages. `index.ts`
 * wraps it with CORS and the fault switches.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono, type Context, type Handler } from 'hono';
import * as v from 'valibot';
import {
  CatalogQuerySchema,
  CustomOrderRequestSchema,
  OrderRequestSchema,
  QuoteRequestSchema,
  Slug,
  issueDetails,
  type CatalogQuery,
  type PricingPolicy,
} from '../src/api/schemas.js';
import { AGREEMENT_CSP, AGREEMENT_CSS, agreementExists, renderAgreement } from './agreements.js';
import { parseBody, readEmptyBody, readJsonObject } from './body.js';
import type { CatalogStore } from './catalog.js';
import { CERTIFICATE_CSS, renderCertificatePage, type CertificateStore } from './certificates.js';
import { renderCheckoutPage } from './checkout-page.js';
import { CHECKOUT_CSS, CHECKOUT_JS } from './checkout-script.js';
import type { Clock } from './clock.js';
import type { CustomOrderStore } from './custom-orders.js';
import { ApiError, JSON_HEADERS, apiErrorResponse, errorResponse, invalid } from './errors.js';
import { waitUnlessGone } from './faults.js';
import { idempotencyKey, requestHash, requestOrigin } from './idempotency.js';
import { avatarSvg, personaSvg, scaledSize, srcsetWidths } from './media.js';
import { orderView, type OrderRecord, type OrderStore } from './orders.js';
import { pageTexts } from './page-texts.js';
import { notFoundPage, pageResponse } from './pages.js';
import type { QuoteStore } from './quotes.js';

/** Per-request values the outer app hands the API (never reachable from a client). */
export interface ApiBindings {
  /** Set by the `fail=throw` fault switch: the handler throws. */
  injectFailure?: boolean;
}

export interface ApiDeps {
  store: CatalogStore;
  quotes: QuoteStore;
  customOrders: CustomOrderStore;
  orders: OrderStore;
  certificates: CertificateStore;
  policy: PricingPolicy;
  clock: Clock;
  /** Serve `POST /v1/sandbox/orders/{id}/pay`. */
  sandbox: boolean;
  /** Real milliseconds between payment confirmations (the checkout page polls at about half that). */
  confirmationIntervalMs: number;
  /** Real milliseconds the hosted checkout page takes to answer (a slow connection, for tests). */
  hostedPageDelayMs: number;
}

type ApiEnv = { Bindings: ApiBindings };

/** The error `fail=throw` raises: expected, so it is logged in one line. */
class InjectedFailure extends Error {
  override name = 'InjectedFailure';
}

const CATALOG_PARAMS = Object.keys(CatalogQuerySchema.entries);

/** Headers for every generated document (SVG, HTML): nothing in it may run or load. */
const DOCUMENT_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'Cross-Origin-Resource-Policy': 'cross-origin',
} as const;

function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Does an `If-None-Match` header match this (strong) ETag? */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** A response with an ETag, or a bodiless 304 when the client already has it. */
function withEtag(
  c: Context,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
  etag = etagOf(body),
): Response {
  const cacheControl = headers['Cache-Control'] ?? 'no-cache';
  if (matches(c.req.header('If-None-Match'), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl } });
  }
  return new Response(body, { status: 200, headers: { ...headers, ETag: etag, 'Cache-Control': cacheControl } });
}

/** JSON that clients may cache but must revalidate (it changes with the clock). */
function json(c: Context, data: unknown): Response {
  return withEtag(c, JSON.stringify(data), { ...JSON_HEADERS, 'Cache-Control': 'no-cache' });
}

/**
 * Where the marketplace's own URLs (media, agreements) start: the request's
 * origin, plus the path prefix a proxy that mounts it under a sub-path says
 * it used (`X-Forwarded-Prefix`, as the test runner's isolated marketplaces do).
 */
const originOf = (c: Context) => {
  const prefix = c.req.header('x-forwarded-prefix');
  return new URL(c.req.url).origin + (prefix && /^(\/[a-z0-9_-]+)+$/i.test(prefix) ? prefix : '');
};

/** Reads a query string strictly: every parameter at most once. */
function queryObject(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(query, key)) throw invalid(key, 'must be given once');
    query[key] = value;
  }
  return query;
}

/** Checks a catalog query string against `CatalogQuerySchema`; a bad one throws a 400 naming the field. */
export function parseCatalogQuery(params: URLSearchParams): CatalogQuery {
  const result = v.safeParse(CatalogQuerySchema, queryObject(params));
  if (result.success) return result.output;
  const details = issueDetails(result.issues).map((detail, i) =>
    result.issues[i].type === 'strict_object'
      ? { field: detail.field, message: `is not a catalog parameter (expected one of ${CATALOG_PARAMS.join(', ')})` }
      : detail,
  );
  throw new ApiError(
    400,
    'invalid_request',
    `Invalid catalog query: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`,
    details,
  );
}

function slugParam(c: Context, name: string): string {
  const value = c.req.param(name) ?? '';
  if (!v.is(Slug, value)) throw invalid(name, 'must be a lower-case slug (a-z, 0-9, -)');
  return value;
}

/** A 405 in the error shape, with the `Allow` header the route deserves. */
const methodNotAllowed =
  (allow: string): Handler =>
  (c) =>
    errorResponse(405, 'invalid_request', `Method ${c.req.method} is not allowed here`, undefined, { Allow: allow });

const SVG_CACHE_LIMIT = 1000;
/** Public JSON reads kept, by URL (the oldest goes first). */
const READ_CACHE_LIMIT = 500;

interface CachedRead {
  /** `CatalogStore#readStamp` when the body was made: while it holds, the answer is the same. */
  stamp: string;
  body: string;
  etag: string;
}

/**
 * The `w` of a title image URL (`title.svg?w=480`): one of its `srcset`
 * widths, or absent for the image at its own size. Anything else is a 400.
 */
function srcsetWidth(c: Context, imageWidth: number): number | undefined {
  const values = c.req.queries('w');
  if (values === undefined) return undefined;
  const allowed = srcsetWidths(imageWidth);
  const width = values.length === 1 && /^[1-9]\d{0,4}$/.test(values[0]) ? Number(values[0]) : NaN;
  if (!allowed.includes(width)) throw invalid('w', `must be given once, as one of ${allowed.join(', ')}`);
  return width;
}

/** Previews and avatars come in one size: a `w` is a 400. */
function noWidth(c: Context): undefined {
  if (c.req.queries('w') !== undefined) throw invalid('w', 'only title images are offered at other widths');
  return undefined;
}

/** A JSON answer that no cache may keep (writes, and reads of things that change under the buyer). */
function fresh(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), { status, headers: { ...JSON_HEADERS, 'Cache-Control': 'no-store' } });
}

/**
 * The footage every video preview plays: four seconds drawn on a canvas and recorded in Chromium
 * (server/assets). Its poster, the picture of its position, is what is the persona's own.
 */
const PREVIEW_CLIP = new Uint8Array(readFileSync(new URL('./assets/preview-clip.webm', import.meta.url)));

/** Headers of the pages' script and stylesheet. */
const assetHeaders = (type: string) => ({
  'Content-Type': `${type}; charset=utf-8`,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

export function createApi(deps: ApiDeps): Hono<ApiEnv> {
  const { store, quotes, customOrders, orders, certificates, policy, clock } = deps;
  const app = new Hono<ApiEnv>();
  const svgCache = new Map<string, string>();
  const cachedSvg = (key: string, draw: () => string) => {
    let svg = svgCache.get(key);
    if (svg === undefined) {
      svg = draw();
      if (svgCache.size >= SVG_CACHE_LIMIT) svgCache.delete(svgCache.keys().next().value as string);
      svgCache.set(key, svg);
    }
    return svg;
  };
  const svg = (c: Context, body: string) =>
    withEtag(c, body, {
      ...DOCUMENT_HEADERS,
      'Content-Type': 'image/svg+xml',
      // Pictures are a pure function of their URL's row, so they can be cached for good.
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  const ctx = (c: Context, now = clock.now().toISOString()) => ({ now, origin: originOf(c) });

  // Catalog pages and personas are the hot reads (every card, every detail). Their answer
  // depends only on the database and on which licenses are in force, so a body is reused
  // while the store's read stamp says neither changed: no query, no JSON, no hash.
  const reads = new Map<string, CachedRead>();
  const cachedJson = (c: Context, key: string, build: (now: string) => unknown): Response => {
    const now = clock.now().toISOString();
    const stamp = store.readStamp(now);
    const fullKey = `${originOf(c)}\n${key}`;
    let entry = reads.get(fullKey);
    if (entry?.stamp !== stamp) {
      const body = JSON.stringify(build(now)); // a refusal throws: nothing is kept
      entry = { stamp, body, etag: etagOf(body) };
      reads.delete(fullKey);
      if (reads.size >= READ_CACHE_LIMIT) reads.delete(reads.keys().next().value as string);
      reads.set(fullKey, entry);
    }
    return withEtag(c, entry.body, { ...JSON_HEADERS, 'Cache-Control': 'no-cache' }, entry.etag);
  };

  /** A GET route; any other method on the same path is a 405. */
  const get = (path: string, handler: Handler<ApiEnv>) => {
    app.get(path, handler);
    app.all(path, methodNotAllowed('GET, HEAD, OPTIONS'));
  };

  /** A POST route; any other method on the same path is a 405. */
  const post = (path: string, handler: Handler<ApiEnv>) => {
    app.post(path, handler);
    app.all(path, methodNotAllowed('POST, OPTIONS'));
  };

  app.use('*', async (c, next) => {
    if (c.env?.injectFailure) throw new InjectedFailure('fault switch fail=throw');
    await next();
  });

  get('/v1/pricing-policy', (c) => json(c, policy));

  get('/v1/catalog', (c) => {
    const params = new URL(c.req.url).searchParams;
    return cachedJson(c, `catalog?${params}`, (now) => store.catalog(parseCatalogQuery(params), ctx(c, now)));
  });

  get('/v1/personas/:id', (c) => {
    const id = slugParam(c, 'id');
    return cachedJson(c, `persona/${id}`, (now) => {
      const persona = store.persona(id, ctx(c, now));
      if (!persona) throw new ApiError(404, 'not_found', `No published persona "${id}"`);
      return persona;
    });
  });

  get('/v1/creators/:handle', (c) => {
    const handle = slugParam(c, 'handle');
    const creator = store.creator(handle, ctx(c));
    if (!creator) throw new ApiError(404, 'not_found', `No creator "${handle}"`);
    return json(c, creator);
  });

  post('/v1/quotes', async (c) => {
    const request = parseBody(QuoteRequestSchema, await readJsonObject(c.req.raw), 'quote');
    return fresh(quotes.create(request, clock.now()), 201);
  });

  post('/v1/custom-orders', async (c) => {
    const key = idempotencyKey(c.req.raw);
    const request = parseBody(CustomOrderRequestSchema, await readJsonObject(c.req.raw), 'custom order');
    const write = { key, hash: requestHash(request), origin: requestOrigin(c.req.raw) };
    const { status, body } = customOrders.create(request, write, clock.now());
    return fresh(body, status);
  });

  const order = (c: Context, record: OrderRecord, status = 200) =>
    fresh(orderView(record, originOf(c), orders.requiredConfirmations), status);

  post('/v1/orders', async (c) => {
    const key = idempotencyKey(c.req.raw);
    const request = parseBody(OrderRequestSchema, await readJsonObject(c.req.raw), 'order');
    const write = { key, hash: requestHash(request), origin: requestOrigin(c.req.raw) };
    const { status, body } = orders.create(request, write);
    return order(c, body, status);
  });

  get('/v1/orders/:id', (c) => {
    const id = slugParam(c, 'id');
    const record = orders.get(id);
    if (!record) throw new ApiError(404, 'not_found', `No order "${id}"`);
    return order(c, record);
  });

  if (deps.sandbox) {
    post('/v1/sandbox/orders/:id/pay', async (c) => {
      await readEmptyBody(c.req.raw);
      const id = c.req.param('id') ?? '';
      if (!v.is(Slug, id)) throw new ApiError(404, 'not_found', `No order "${id}"`);
      return order(c, orders.payInSandbox(id));
    });
  }

  get('/v1/certificates/:id', (c) => {
    const id = slugParam(c, 'id');
    const certificate = certificates.get(id, originOf(c));
    if (!certificate) throw new ApiError(404, 'not_found', `No certificate "${id}"`);
    // It names the buyer: the buyer's browser may keep it, a shared cache may not (as the certificate page).
    return withEtag(c, JSON.stringify(certificate), { ...JSON_HEADERS, 'Cache-Control': 'private, no-cache' });
  });

  // The hosted checkout page and the certificate page: HTML for people, not under /v1.
  get('/checkout/checkout.js', (c) => withEtag(c, CHECKOUT_JS, assetHeaders('text/javascript')));
  get('/checkout/checkout.css', (c) => withEtag(c, CHECKOUT_CSS, assetHeaders('text/css')));
  get('/certificates/certificate.css', (c) => withEtag(c, CERTIFICATE_CSS, assetHeaders('text/css')));

  const pollMs = Math.min(1000, Math.max(25, Math.round(deps.confirmationIntervalMs / 2)));

  get('/checkout/:orderId', async (c) => {
    if (deps.hostedPageDelayMs > 0) {
      await waitUnlessGone(deps.hostedPageDelayMs, c.req.raw.signal);
      // The buyer gave up during the wait (see withFaults).
      if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
    }
    const id = c.req.param('orderId') ?? '';
    const record = v.is(Slug, id) ? orders.get(id) : null;
    const origin = originOf(c);
    const texts = pageTexts(c);
    if (!record) return notFoundPage(`${origin}/checkout/checkout.css`, texts, texts.orderNotFound);
    return pageResponse(
      renderCheckoutPage(record, { apiOrigin: origin, required: orders.requiredConfirmations, pollMs, texts }),
      200,
      // The page that made the order may show it in its overlay; no other site may frame it.
      record.origin,
    );
  });

  // The page's own "Pay" button: the order moves to `confirming` and the confirmations start.
  post('/checkout/:orderId/pay', async (c) => {
    // Browsers say where a request comes from; only the hosted page itself may press its button.
    const site = c.req.header('Sec-Fetch-Site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new ApiError(403, 'invalid_request', 'Only the hosted checkout page can pay here', [
        { field: 'Sec-Fetch-Site', message: `must be same-origin, got ${site}` },
      ]);
    }
    await readEmptyBody(c.req.raw);
    const id = c.req.param('orderId') ?? '';
    if (!v.is(Slug, id)) throw new ApiError(404, 'not_found', `No order "${id}"`);
    return order(c, orders.startPayment(id));
  });

  get('/certificates/:id', (c) => {
    const id = c.req.param('id') ?? '';
    const origin = originOf(c);
    const certificate = v.is(Slug, id) ? certificates.get(id, origin) : null;
    const texts = pageTexts(c);
    if (!certificate) return notFoundPage(`${origin}/certificates/certificate.css`, texts, texts.certificateNotFound);
    return pageResponse(renderCertificatePage(certificate, origin, texts));
  });

  get('/media/personas/:id/:file', (c) => {
    const id = c.req.param('id') ?? '';
    const file = /^(?:title|preview-([1-9]\d{0,2}))\.(svg|webm)$/.exec(c.req.param('file') ?? '');
    if (!v.is(Slug, id) || !file) throw new ApiError(404, 'not_found', 'No such image');
    const position = file[1] ? Number(file[1]) : 0;
    const media = store.personaMedia(id, position === 0 ? 'title' : 'preview', position);
    if (file[2] === 'webm') {
      // Every clip is the same footage; its poster (the .svg of its position) is the persona's own.
      if (media?.kind !== 'video') throw new ApiError(404, 'not_found', 'No such video');
      noWidth(c);
      return withEtag(c, PREVIEW_CLIP, {
        ...DOCUMENT_HEADERS,
        'Content-Type': 'video/webm',
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
    }
    if (!media) throw new ApiError(404, 'not_found', 'No such image');
    const width = position === 0 ? srcsetWidth(c, media.width) : noWidth(c);
    const display = width === undefined ? undefined : scaledSize(media, width);
    const key = `${id}:${position}:${media.niche}:${media.width}x${media.height}:${width ?? ''}`;
    return svg(
      c,
      cachedSvg(key, () => personaSvg(id, media.niche, position, media.width, media.height, display)),
    );
  });

  get('/media/creators/:handle/avatar.svg', (c) => {
    const handle = c.req.param('handle') ?? '';
    if (!v.is(Slug, handle) || !store.creatorExists(handle)) throw new ApiError(404, 'not_found', 'No such image');
    noWidth(c);
    return svg(
      c,
      cachedSvg(`avatar:${handle}`, () => avatarSvg(handle)),
    );
  });

  get('/agreements/agreement.css', (c) => withEtag(c, AGREEMENT_CSS, assetHeaders('text/css')));

  get('/agreements/:license/:version', (c) => {
    const license = c.req.param('license') ?? '';
    const version = c.req.param('version') ?? '';
    if (!agreementExists(license, version)) throw new ApiError(404, 'not_found', 'No such agreement version');
    return withEtag(c, renderAgreement(license, version, `${originOf(c)}/agreements/agreement.css`), {
      ...DOCUMENT_HEADERS,
      'Content-Security-Policy': AGREEMENT_CSP,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
    });
  });

  app.notFound((c) => errorResponse(404, 'not_found', `No such resource: ${c.req.method} ${c.req.path}`));

  app.onError((error) => {
    if (error instanceof ApiError) return apiErrorResponse(error);
    // The details stay in the server log; the client gets the shape and nothing else.
    if (error instanceof InjectedFailure) console.warn(`[marketplace] ${error.message}: answering 500`);
    else console.error('[marketplace] unhandled error:', error);
    return errorResponse(500, 'internal', 'The marketplace hit an unexpected error');
  });

  return app;
}
