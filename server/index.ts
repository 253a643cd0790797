/**
 * The reference marketplace: one factory that opens (and migrates, and seeds)
 * a SQLite database and returns a Hono app serving the marketplace API.
 *
 * The same app is mounted by the standalone server (`main.ts`), the Vite
 * plugin (dev server, preview, Storybook) and web-test-runner.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { PricingPolicy } from '../src/api/schemas.js';
import { PricingError } from '../src/api/pricing.js';
import { createApi, parseCatalogQuery } from './app.js';
import { CatalogStore } from './catalog.js';
import { createClock, type Clock } from './clock.js';
import { CertificateStore } from './certificates.js';
import { CustomOrderStore } from './custom-orders.js';
import { countRows, openDatabase, type Database } from './db.js';
import { errorResponse } from './errors.js';
import { FAULT_SPEC_HELP, faultApplies, parseFaultSpec, withFaults, type FaultSpec } from './faults.js';
import { resolvePolicy } from './policy.js';
import { OrderStore, resolveOrderOptions } from './orders.js';
import { QuoteStore, resolveQuoteTtl } from './quotes.js';
import { checkGenerateCount, generateSeed } from './generate.js';
import { applySeed, combineSeeds, isUnseeded, parseSeed, resolveSeedOption, type SeedCatalogInput } from './seed.js';

export type { Clock } from './clock.js';
export type { SeedCatalogInput as SeedCatalog } from './seed.js';
export { SeedError } from './seed.js';

export interface MarketplaceOptions {
  /** SQLite file path, or `:memory:` (the default). */
  db?: string;
  /**
   * Catalog to load into an empty database (one with no creators): a seed file
   * path, a seed object, or `false` for none. Default: the built-in demo seed.
   */
  seed?: string | SeedCatalogInput | false;
  /**
   * Add this many generated personas (0–100 000, plus one rated persona per
   * hundred) by generated creators, for scale tests and benchmarks: see
   * `server/generate.ts`. They come on top of `seed` (the demo catalog by
   * default; `seed: false` for the generated catalog alone) and, like the
   * seed, only into an empty database. Default 0.
   */
  generate?: number;
  /** Pricing policy. Default: the `AIP_PRICING_POLICY` file, else `server/pricing-policy.json`. */
  policy?: PricingPolicy;
  /** Honour the fault switches (`/_fault/<spec>/…`, `X-Aip-Fault`). Default false. */
  faults?: boolean;
  /** Freeze the clock at this ISO instant. Default: real time. */
  now?: string;
  /** How long a quote stays valid, in milliseconds (1 ms to 1 day). Default 15 minutes. */
  quoteTtlMs?: number;
  /** How long an unpaid order is held, in milliseconds (1 ms to 1 day). Default 30 minutes. */
  orderTtlMs?: number;
  /** Payment confirmations that complete an order (1–100). Default 3. */
  confirmations?: number;
  /**
   * Real milliseconds between two payment confirmations (0–60 000), whatever
   * the clock says. Default 700.
   */
  confirmationIntervalMs?: number;
  /**
   * Real milliseconds the hosted checkout page takes to answer (0–60 000), as
   * over a slow connection: for tests of a payment page that is slow to arrive.
   * Default 0.
   */
  hostedPageDelayMs?: number;
  /**
   * Serve `POST /v1/sandbox/orders/{id}/pay`, which pays an order and runs it
   * to completion at once. Default true. Payment is simulated either way.
   */
  sandbox?: boolean;
}

export interface Marketplace {
  /** The HTTP app; mount it with `node-middleware.ts` or serve it with `@hono/node-server`. */
  app: Hono;
  db: Database;
  clock: Clock;
  /** Row counts per table, e.g. to prove a rejected request wrote nothing. */
  counts(): Record<string, number>;
  /**
   * SQLite's plan for the catalog query a `GET /v1/catalog?<query>` would run
   * now, one line per step; a bad query throws its 400 as an `ApiError`.
   */
  explainCatalog(query: string | Record<string, string>): string[];
  /** Closes the database. */
  close(): void;
}

const ALLOW_HEADERS = 'If-None-Match, X-Aip-Fault, Idempotency-Key, Content-Type';
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Retry-After',
} as const;

/**
 * Open CORS: partner sites on any origin read the public API. No credentials
 * are involved, so `*` is safe.
 */
const cors: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'OPTIONS') {
    return new Response(null, {
      status: 204,
      headers: {
        ...CORS_HEADERS,
        'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
      },
    });
  }
  await next();
  for (const [name, value] of Object.entries(CORS_HEADERS)) c.res.headers.set(name, value);
};

/** The same request under another URL (body streamed through, if any). */
function rebase(request: Request, url: URL): Request {
  const init: RequestInit & { duplex?: 'half' } = {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
  };
  if (request.body) {
    init.body = request.body;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

const FAULT_PREFIX = /^\/_fault(?:\/|$)/;

export function createMarketplace(options: MarketplaceOptions = {}): Marketplace {
  const clock = createClock(options.now);
  const quoteTtlMs = resolveQuoteTtl(options.quoteTtlMs);
  const orderOptions = resolveOrderOptions(options);
  const sandbox = options.sandbox ?? true;
  if (typeof sandbox !== 'boolean') throw new TypeError(`sandbox must be true or false, got ${String(sandbox)}`);
  const policy = resolvePolicy(options.policy);
  const generate = checkGenerateCount(options.generate ?? 0);
  const db = openDatabase(options.db ?? ':memory:');
  let store: CatalogStore;
  try {
    if (isUnseeded(db)) {
      const seed = resolveSeedOption(options.seed);
      const generated =
        generate > 0 ? parseSeed(generateSeed(generate, policy, clock.now()), 'generated catalog') : null;
      const combined = combineSeeds(seed?.seed ?? null, generated);
      if (combined) {
        const source = [seed?.source, generated && `${generate} generated personas`].filter(Boolean).join(' + ');
        applySeed(db, combined, policy, clock.now(), source);
      }
    } else if (generate > 0) {
      console.warn(`[marketplace] the database already has a catalog: not generating ${generate} personas`);
    }
    store = new CatalogStore(db, policy);
    // A catalog written under another policy: this one must price every published persona, or each read fails.
    const unpriceable = store.unpriceable();
    if (unpriceable.length > 0) {
      throw new PricingError(
        `The pricing policy can't price ${unpriceable.length} published persona(s) in the database ` +
          `(${unpriceable.map((u) => u.id).join(', ')}): ${unpriceable[0]!.reason}. ` +
          'Change the policy (its floors, multipliers or rounding steps), or start on another database.',
      );
    }
    const hidden = store.belowMinimum();
    if (hidden.length > 0) {
      console.warn(
        `[marketplace] ${hidden.length} published persona(s) are priced below the policy minimum or in another currency and stay hidden: ${hidden.join(', ')}`,
      );
    }
  } catch (error) {
    db.close();
    throw error;
  }

  const quotes = new QuoteStore(db, store, policy, quoteTtlMs);
  const customOrders = new CustomOrderStore(db, store, policy);
  const orders = new OrderStore(db, store, clock, orderOptions);
  const certificates = new CertificateStore(db);
  const api = createApi({
    store,
    quotes,
    customOrders,
    orders,
    certificates,
    policy,
    clock,
    sandbox,
    confirmationIntervalMs: orderOptions.confirmationIntervalMs,
    hostedPageDelayMs: orderOptions.hostedPageDelayMs,
  });
  // Orders a stopped server left mid-payment carry on where they were.
  const resumed = orders.resume();
  if (resumed > 0) console.log(`[marketplace] resuming the payment confirmations of ${resumed} order(s)`);
  const faults = options.faults ?? false;

  const faultsUsed = new Map<string, number>();
  const app = new Hono();
  app.use('*', cors);
  app.all('*', async (c) => {
    const request = c.req.raw;
    const url = new URL(request.url);
    let spec: FaultSpec | null = null;
    let specText = '';
    let target = request;

    if (FAULT_PREFIX.test(url.pathname)) {
      if (!faults) return errorResponse(404, 'not_found', 'Fault switches are off on this server');
      const match = /^\/_fault\/([^/]+)(\/.*)$/.exec(url.pathname);
      let text: string | null;
      try {
        text = match ? decodeURIComponent(match[1]) : null;
      } catch {
        text = null;
      }
      const parsed = text === null ? null : parseFaultSpec(text);
      if (!match || !parsed || !parsed.ok) {
        const message = parsed && !parsed.ok ? parsed.message : `expected /_fault/<spec>/<path>; ${FAULT_SPEC_HELP}`;
        return errorResponse(400, 'invalid_request', `Invalid fault spec: ${message}`, [{ field: 'fault', message }]);
      }
      spec = parsed.spec;
      specText = text!;
      url.pathname = match[2];
      target = rebase(request, url);
    } else if (faults && request.headers.has('X-Aip-Fault')) {
      const parsed = parseFaultSpec(request.headers.get('X-Aip-Fault') ?? '');
      if (!parsed.ok) {
        return errorResponse(400, 'invalid_request', `Invalid X-Aip-Fault header: ${parsed.message}`, [
          { field: 'X-Aip-Fault', message: parsed.message },
        ]);
      }
      spec = parsed.spec;
      specText = request.headers.get('X-Aip-Fault') ?? '';
    }
    if (spec && !faultApplies(spec, url.pathname, specText, faultsUsed)) spec = null;

    const run = () => api.fetch(target, { injectFailure: spec?.fail === 'throw' });
    return spec ? withFaults(spec, run, request.signal) : run();
  });

  return {
    app,
    db,
    clock,
    counts: () => countRows(db),
    explainCatalog: (query) =>
      store.explainCatalog(parseCatalogQuery(new URLSearchParams(query)), clock.now().toISOString()),
    close: () => {
      orders.close();
      if (db.open) db.close();
    },
  };
}
