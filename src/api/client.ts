/**
 * The marketplace client: a typed wrapper around `fetch`.
 *
 * - Every call takes an `AbortSignal`; every response is validated against the
 *   contract, so a malformed body becomes an `ApiError`, never a crash later.
 * - Identical GETs in flight at once share one request; the shared request is
 *   only cancelled when every caller has given up.
 * - Successful GETs are kept for a short time and then revalidated with their
 *   `ETag`, so all the cards under one storefront cost one request, not forty.
 * - A GET that fails in a way that often cures itself (no connection, no
 *   answer in time, 429, 502, 503, 504) is tried again, at most `retries`
 *   times, after a growing, jittered pause or the server's `Retry-After`.
 *   Writes are never retried here: the elements retry them with the same
 *   `Idempotency-Key`.
 * - A listing's elements share its news: when one load of it succeeds after
 *   a failed one, brings a newer version, or the browser comes back online
 *   after a failure, `listing-change` tells every element showing it.
 */
import * as v from 'valibot';
import { ApiError } from './errors.js';
import {
  CatalogPageSchema,
  checkContract,
  CertificateSchema,
  CreatorSchema,
  CustomOrderSchema,
  ERROR_CODES,
  ErrorBodySchema,
  isOneOf,
  OrderSchema,
  PersonaSchema,
  PricingPolicySchema,
  QuoteSchema,
  type CatalogPage,
  type CatalogQueryInput,
  type Certificate,
  type Creator,
  type CustomOrder,
  type CustomOrderRequest,
  type Order,
  type OrderRequest,
  type Persona,
  type PricingPolicy,
  type Quote,
  type QuoteRequest,
} from './schemas.js';

export interface AipClientOptions {
  /** Where the marketplace lives, without `/v1`: `https://api.example` or `/` for the page's origin. */
  baseUrl?: string;
  /** Give up on one request after this many milliseconds. Default 15 000. */
  timeoutMs?: number;
  /** Serve a cached GET without asking for this long. Default 30 000. */
  cacheTtlMs?: number;
  /**
   * How many GET answers to keep (fresh ones, and stale ones for `ETag`
   * revalidation); the least recently used go first. Default 64, about 2.5 MB
   * of catalog pages at most.
   */
  cacheEntries?: number;
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof fetch;
  /**
   * How many times a GET is tried again after a failure a retry can cure (see
   * `isRetryWorthy`). Default 2; 0 turns retries off. Each try gets the full
   * `timeoutMs`. POSTs are never retried by the client.
   */
  retries?: number;
  /**
   * The pause before the first retry, in milliseconds; each later pause is
   * three times the one before (300, 900 by default), varied by ±20 % so that
   * many pages don't retry in step. A `Retry-After` of up to
   * `MAX_RETRY_AFTER_S` seconds lengthens the pause to what the server asked.
   */
  retryDelayMs?: number;
}

/**
 * The longest `Retry-After` (in seconds) a GET waits out before trying again.
 * When the server asks for longer, the call fails at once with the
 * `ApiError` (its `retryAfter` says how long), so the element can tell the
 * buyer when to try again instead of showing a spinner for minutes.
 */
export const MAX_RETRY_AFTER_S = 10;

/** The client's default `timeoutMs` and `retries`. */
export const CLIENT_DEFAULTS = { timeoutMs: 15_000, retries: 2 } as const;

/**
 * Whether a failed GET is worth trying again by itself: the connection failed
 * or the answer took too long, or the server said it is overloaded or a
 * gateway in front of it failed (429, 502, 503, 504). Not a 500: that is the
 * handler failing, which usually fails the same way again; the elements offer
 * the buyer a "Try again" for it instead. Not other 4xx, a malformed answer or
 * a cancelled call.
 */
export function isRetryWorthy(error: ApiError): boolean {
  if (error.code === 'network' || error.code === 'timeout') return true;
  return error.status === 429 || error.status === 502 || error.status === 503 || error.status === 504;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Ask the server even when a cached answer is still fresh (it is revalidated with its `ETag`). */
  fresh?: boolean;
}

/** Options for a request that changes something on the server. */
export interface WriteOptions {
  signal?: AbortSignal;
  /**
   * Sent as the `Idempotency-Key` header. Make one per attempt (see
   * `newIdempotencyKey`) and send the same one on every retry of that attempt,
   * so the server never acts twice.
   */
  idempotencyKey?: string;
}

/** Catalog filters, as the elements hold them (numbers as numbers). */
export type CatalogParams = Omit<CatalogQueryInput, 'limit'> & { limit?: number };

interface CacheEntry {
  data: unknown;
  etag: string | null;
  storedAt: number;
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

type Schema<T> = v.GenericSchema<unknown, T>;

function abortReason(signal: AbortSignal): ApiError {
  return new ApiError('aborted', 'The request was cancelled', { cause: signal.reason });
}

/** Waits `ms`, or rejects with `aborted` as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Normalises a base URL so that `base + '/v1/…'` is always right. */
function normaliseBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** Fired on an `AipClient` when elements showing a listing should load it again (see `listingChanged`, `watchListing`). */
export class ListingChangeEvent extends Event {
  constructor(readonly personaId: string) {
    super('listing-change');
  }
}

export class AipClient extends EventTarget {
  /** The base URL as given, without a trailing slash. */
  readonly baseUrl: string;
  /** How long one request may take, in milliseconds. */
  readonly timeoutMs: number;
  /** How many times a failed GET is tried again (see `AipClientOptions.retries`). */
  readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly cacheTtlMs: number;
  private readonly cacheEntries: number;
  private readonly fetchImpl: typeof fetch;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly flights = new Map<string, Flight>();
  private readonly revisions = new Map<string, number>();
  /** Listings whose last load failed (see `watchListing`). */
  private readonly failed = new Set<string>();

  constructor(options: AipClientOptions = {}) {
    super();
    this.baseUrl = normaliseBase(options.baseUrl ?? '');
    this.timeoutMs = options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs;
    this.retries = options.retries ?? CLIENT_DEFAULTS.retries;
    this.retryDelayMs = options.retryDelayMs ?? 300;
    this.cacheTtlMs = options.cacheTtlMs ?? 30_000;
    this.cacheEntries = Math.max(1, options.cacheEntries ?? 64);
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** The platform's pricing policy: currency, minimum price, per-tier rules. */
  pricingPolicy(options: RequestOptions = {}): Promise<PricingPolicy> {
    return this.get('/v1/pricing-policy', PricingPolicySchema, options);
  }

  /** One page of published listings. Pass `cursor` from the previous page to go on. */
  catalog(params: CatalogParams = {}, options: RequestOptions = {}): Promise<CatalogPage> {
    const search = new URLSearchParams();
    // Sorted so equal queries share a cache entry. Plain code-unit order: the
    // names are ASCII, and localeCompare's first call builds an ICU collator,
    // which would hold up the page's first request by tens of milliseconds.
    for (const [key, value] of Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
    }
    const query = search.toString();
    return this.get(`/v1/catalog${query ? `?${query}` : ''}`, CatalogPageSchema, options);
  }

  /** One listing in full, with its license offers. */
  persona(id: string, options: RequestOptions = {}): Promise<Persona> {
    return this.get(`/v1/personas/${encodeURIComponent(id)}`, PersonaSchema, options, id);
  }

  /** A creator's public profile. */
  creator(handle: string, options: RequestOptions = {}): Promise<Creator> {
    return this.get(`/v1/creators/${encodeURIComponent(handle)}`, CreatorSchema, options);
  }

  /** The server's authoritative, expiring price for one tier. */
  quote(request: QuoteRequest, options: WriteOptions = {}): Promise<Quote> {
    return this.post('/v1/quotes', request, QuoteSchema, options);
  }

  /**
   * Creates an order for a quote (or, with a key used before and the same
   * body, returns the order that key made). The key is required.
   */
  createOrder(request: OrderRequest, options: WriteOptions & { idempotencyKey: string }): Promise<Order> {
    return this.post('/v1/orders', request, OrderSchema, options).then((order) =>
      this.onApiOrigin(order, 'checkoutUrl', order.checkoutUrl),
    );
  }

  /** An order's current status. Never served from the cache: it changes as payment arrives. */
  order(id: string, options: RequestOptions = {}): Promise<Order> {
    return this.get(`/v1/orders/${encodeURIComponent(id)}`, OrderSchema, { ...options, fresh: true }).then((order) =>
      this.onApiOrigin(order, 'checkoutUrl', order.checkoutUrl),
    );
  }

  /** A License Certificate. */
  certificate(id: string, options: RequestOptions = {}): Promise<Certificate> {
    return this.get(`/v1/certificates/${encodeURIComponent(id)}`, CertificateSchema, options).then((certificate) =>
      this.onApiOrigin(certificate, 'url', certificate.url),
    );
  }

  /**
   * The platform's own pages (hosted checkout, certificate) are where the buyer pays and reads their rights,
   * so they must be on the marketplace's origin: an answer pointing anywhere else is refused as malformed.
   */
  private onApiOrigin<T>(answer: T, field: string, address: string): T {
    if (new URL(address).origin !== this.origin) {
      throw new ApiError(
        'malformed_response',
        `The marketplace sent an unexpected answer (${field} is not on the marketplace's origin, ${this.origin})`,
      );
    }
    return answer;
  }

  /** The marketplace's origin: `baseUrl`'s, or the page's when that is relative (or empty). */
  get origin(): string {
    return new URL(this.baseUrl || '/', globalThis.location?.href).origin;
  }

  /** Sends a brief for custom work on a persona. The key is required. */
  createCustomOrder(
    request: CustomOrderRequest,
    options: WriteOptions & { idempotencyKey: string },
  ): Promise<CustomOrder> {
    return this.post('/v1/custom-orders', request, CustomOrderSchema, options);
  }

  /**
   * Forgets cached responses (in-flight requests carry on): those whose path
   * starts with `pathPrefix` (e.g. `/v1/catalog`), or all of them.
   */
  clearCache(pathPrefix = ''): void {
    const prefix = `${this.baseUrl}${pathPrefix}`;
    for (const url of [...this.cache.keys()]) if (url.startsWith(prefix)) this.cache.delete(url);
  }

  /**
   * Says that a listing changed on the server (a sale this page made
   * completed): forgets what is cached about it and about catalog pages, and
   * fires `listing-change` so every element showing it loads it again.
   */
  listingChanged(personaId: string): void {
    this.clearCache(`/v1/personas/${encodeURIComponent(personaId)}`);
    this.clearCache('/v1/catalog');
    this.announce(personaId);
  }

  /** Fires `listing-change` for a listing. */
  private announce(personaId: string): void {
    this.revisions.set(personaId, this.revision(personaId) + 1);
    this.dispatchEvent(new ListingChangeEvent(personaId));
  }

  /**
   * Tells every element showing a listing when a load of it brings news, so
   * they load it again, from the cache:
   * - an answer after a failed load: elements that failed show it, whichever
   *   element's "Try again" brought it;
   * - another version than the one held: elements that show the old one (a
   *   catalog's card, a kept detail) show the new one;
   * - the browser back online after a failed load: elements that failed try again.
   */
  private watchListing(id: string, load: Promise<unknown>, held: CacheEntry | undefined): void {
    load.then(
      (data) => {
        const recovered = this.failed.delete(id);
        const changed = held !== undefined && held.data !== data;
        // The catalog pages may show the listing as it was; after a mere failure they are as good as before.
        if (changed) this.clearCache('/v1/catalog');
        if (recovered || changed) this.announce(id);
      },
      (error: unknown) => {
        if (!(error instanceof ApiError) || error.code === 'aborted') return;
        if (!this.failed.size && typeof addEventListener === 'function') {
          addEventListener(
            'online',
            () => {
              const ids = [...this.failed];
              this.failed.clear();
              for (const failed of ids) this.announce(failed);
            },
            { once: true },
          );
        }
        this.failed.add(id);
      },
    );
  }

  /** How many times a listing was announced changed: part of a task's arguments, so it reloads. */
  revision(personaId: string | null): number {
    return personaId === null ? 0 : (this.revisions.get(personaId) ?? 0);
  }

  /** A GET through the cache. `listing`: the listing it loads (see `watchListing`). */
  private get<T>(
    path: string,
    schema: Schema<T>,
    { signal, fresh = false }: RequestOptions,
    listing?: string,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const url = `${this.baseUrl}${path}`;
    const cached = this.cache.get(url);
    if (cached) {
      // Most recently used last: the cache forgets from the front (a Map keeps insertion order).
      this.cache.delete(url);
      this.cache.set(url, cached);
      if (!fresh && Date.now() - cached.storedAt < this.cacheTtlMs) return Promise.resolve(cached.data as T);
    }
    let flight = this.flights.get(url);
    if (!flight) {
      const controller = new AbortController();
      const promise = this.load(url, schema, controller.signal, cached);
      if (listing) this.watchListing(listing, promise, cached);
      const created: Flight = { promise, controller, waiters: 0 };
      flight = created;
      this.flights.set(url, created);
      const settle = () => {
        if (this.flights.get(url) === created) this.flights.delete(url);
      };
      promise.then(settle, settle);
    }
    return this.join(flight, url, signal) as Promise<T>;
  }

  /** Attaches one caller to a shared request, with its own way to give up. */
  private join(flight: Flight, url: string, signal: AbortSignal | undefined): Promise<unknown> {
    flight.waiters += 1;
    return new Promise((resolve, reject) => {
      let done = false;
      const leave = () => {
        signal?.removeEventListener('abort', onAbort);
        flight.waiters -= 1;
      };
      const onAbort = () => {
        if (done) return;
        done = true;
        leave();
        if (flight.waiters === 0) {
          flight.controller.abort();
          if (this.flights.get(url) === flight) this.flights.delete(url);
        }
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          if (done) return;
          done = true;
          leave();
          resolve(value);
        },
        (error: unknown) => {
          if (done) return;
          done = true;
          leave();
          reject(error);
        },
      );
    });
  }

  /**
   * One shared GET, tried again while the failure is worth it (see
   * `isRetryWorthy`). `signal` is the flight's: it aborts, pauses included,
   * once every caller has given up.
   */
  private async load<T>(
    url: string,
    schema: Schema<T>,
    signal: AbortSignal,
    stale: CacheEntry | undefined,
  ): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.loadOnce(url, schema, signal, stale);
      } catch (error) {
        const wait = error instanceof ApiError && attempt < this.retries ? this.retryPause(attempt, error) : null;
        if (wait === null) throw error;
        await pause(wait, signal);
      }
    }
  }

  /** How long to wait before retry `attempt + 1` after `error`, or null to give up now. */
  private retryPause(attempt: number, error: ApiError): number | null {
    if (!isRetryWorthy(error)) return null;
    const backoff = this.retryDelayMs * 3 ** attempt * (0.8 + Math.random() * 0.4);
    if (error.retryAfter === null) return backoff;
    if (error.retryAfter > MAX_RETRY_AFTER_S) return null;
    return Math.max(backoff, error.retryAfter * 1000);
  }

  private async loadOnce<T>(
    url: string,
    schema: Schema<T>,
    signal: AbortSignal,
    stale: CacheEntry | undefined,
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (stale?.etag) headers['If-None-Match'] = stale.etag;
    const { response, body } = await this.exchange(url, { headers }, signal);
    if (response.status === 304 && stale) {
      stale.storedAt = Date.now();
      return stale.data as T;
    }
    const data = this.validate(response, body, schema);
    this.cache.delete(url);
    this.cache.set(url, { data, etag: response.headers.get('ETag'), storedAt: Date.now() });
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= this.cacheEntries) break;
      this.cache.delete(oldest);
    }
    return data;
  }

  /** A POST: never cached, never shared, never retried here (the caller retries with the same key). */
  private async post<T>(path: string, payload: unknown, schema: Schema<T>, options: WriteOptions): Promise<T> {
    const signal = options.signal ?? new AbortController().signal;
    if (signal.aborted) throw abortReason(signal);
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
    if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
    const init: RequestInit = { method: 'POST', headers, body: JSON.stringify(payload) };
    const { response, body } = await this.exchange(`${this.baseUrl}${path}`, init, signal);
    return this.validate(response, body, schema);
  }

  /** One request and its JSON body, with the client's timeout and error mapping. */
  private async exchange(
    url: string,
    init: RequestInit,
    signal: AbortSignal,
  ): Promise<{ response: Response; body: unknown }> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetchImpl(url, { ...init, signal: AbortSignal.any([signal, timeout]) });
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      if (timeout.aborted) {
        throw new ApiError('timeout', `The marketplace did not answer within ${this.timeoutMs / 1000} s`, {
          cause: error,
        });
      }
      throw new ApiError('network', 'The marketplace could not be reached', { cause: error });
    }
    if (response.status === 304) return { response, body: null };
    const body = await this.readJson(response, url, signal, timeout);
    if (!response.ok) throw this.errorFrom(response, body);
    return { response, body };
  }

  /** Checks a successful body against the contract. */
  private validate<T>(response: Response, body: unknown, schema: Schema<T>): T {
    const checked = checkContract(schema, body, 'body');
    if (!checked.ok) {
      throw new ApiError('malformed_response', `The marketplace sent an unexpected answer (${checked.problem})`, {
        status: response.status,
      });
    }
    return checked.output;
  }

  private async readJson(response: Response, url: string, signal: AbortSignal, timeout: AbortSignal): Promise<unknown> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      const code = timeout.aborted ? 'timeout' : 'network';
      throw new ApiError(code, `The answer from ${url} was cut off`, { status: response.status, cause: error });
    }
    if (text === '' && !response.ok) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      if (!response.ok) return null;
      throw new ApiError('malformed_response', 'The marketplace sent an answer that is not JSON', {
        status: response.status,
        cause: error,
      });
    }
  }

  private errorFrom(response: Response, body: unknown): ApiError {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    const parsed = v.safeParse(ErrorBodySchema, body);
    if (parsed.success) {
      const { code, message, details } = parsed.output.error;
      return new ApiError(isOneOf(ERROR_CODES, code) ? code : ApiError.codeForStatus(response.status), message, {
        status: response.status,
        details: details ?? [],
        retryAfter,
      });
    }
    // A 404 without the marketplace's error body came from something else at that
    // address (a wrong base URL, a proxy): it says nothing about the listing.
    if (response.status === 404) {
      return new ApiError(
        'malformed_response',
        `${response.url || 'The address'} answered 404 without the marketplace's error body: is the API base URL right?`,
        { status: 404 },
      );
    }
    return new ApiError(
      ApiError.codeForStatus(response.status),
      `The marketplace answered ${response.status} ${response.statusText}`.trim(),
      { status: response.status, retryAfter },
    );
  }
}
