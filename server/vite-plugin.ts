/**
 * A Vite plugin that serves the reference marketplace on the dev server's
 * (and `vite preview`'s) own origin, so demo pages and Storybook talk to a
 * real API with no proxy and no CORS.
 *
 * Defaults suit a demo: in-memory database, demo seed, fault switches on.
 *
 * A second, generated marketplace of 10 000 personas answers under
 * `/_scale/…` (e.g. `/_scale/v1/catalog`), for the long-catalog demo and
 * stories. It is generated on its first request, so startup stays fast.
 *
 * A third, under `/_expiring/…`, is the demo catalog with quotes and unpaid
 * orders that expire after 8 seconds, so stories can show what a buyer sees
 * when a price or an order runs out. A fourth, under `/_slow-confirmations/…`,
 * takes a minute between two payment confirmations, so a story can hold a paid
 * order in its confirming step. A fifth, under `/_slow-page/…`, takes a minute
 * to answer for its hosted checkout page, so a story can show the overlay
 * while the payment page is slow to arrive.
 */
import type { Connect, Plugin } from 'vite';
import { createMarketplace, type Marketplace, type MarketplaceOptions } from './index.js';
import { createListener, forwardPrefix, marketplaceMiddleware } from './node-middleware.js';

/** Where the generated marketplace is mounted, and how big it is. */
export const SCALE_PREFIX = '/_scale';
const SCALE_PERSONAS = 10_000;

/** Where the marketplace with short-lived quotes and orders is mounted, and how short. */
export const EXPIRING_PREFIX = '/_expiring';
const EXPIRING_TTL_MS = 8_000;

/** Where the marketplace with slow payment confirmations is mounted. */
export const SLOW_CONFIRMATIONS_PREFIX = '/_slow-confirmations';

/** Where the marketplace with a slow hosted checkout page is mounted. */
export const SLOW_PAGE_PREFIX = '/_slow-page';

/** The marketplaces beside the main one: each created on its first request, so startup stays fast. */
const EXTRA: readonly (readonly [prefix: string, options: MarketplaceOptions])[] = [
  [SCALE_PREFIX, { seed: false, generate: SCALE_PERSONAS }],
  [EXPIRING_PREFIX, { quoteTtlMs: EXPIRING_TTL_MS, orderTtlMs: EXPIRING_TTL_MS }],
  [SLOW_CONFIRMATIONS_PREFIX, { confirmationIntervalMs: 60_000 }],
  [SLOW_PAGE_PREFIX, { hostedPageDelayMs: 60_000 }],
];

export function marketplace(options: MarketplaceOptions = {}): Plugin {
  const instances: Marketplace[] = [];
  const open = (extra: MarketplaceOptions = {}): Marketplace => {
    const instance = createMarketplace({ db: ':memory:', faults: true, ...options, ...extra });
    instances.push(instance);
    return instance;
  };

  const mount = (middlewares: Connect.Server, httpServer: { once(event: 'close', fn: () => void): unknown } | null) => {
    // Registered directly (not in a returned hook), so they run before Vite's own middleware.
    middlewares.use(marketplaceMiddleware(open().app));
    for (const [prefix, extra] of EXTRA) {
      let listener: ReturnType<typeof createListener> | null = null;
      middlewares.use(prefix, (req, res, next) => {
        listener ??= createListener(open(extra).app);
        // Connect strips the mount path from req.url; the marketplace writes it back into its URLs.
        forwardPrefix(req, prefix);
        listener(req, res).catch(next);
      });
    }
    httpServer?.once('close', () => instances.splice(0).forEach((m) => m.close()));
  };

  return {
    name: 'aip-marketplace',
    configureServer(server) {
      mount(server.middlewares, server.httpServer);
    },
    configurePreviewServer(server) {
      mount(server.middlewares, server.httpServer);
    },
  };
}
