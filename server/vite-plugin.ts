/**
 * A Vite plugin that serves the reference marketplace on the dev server's
 * (and `vite preview`'s) own origin, so demo pages and Storybook talk to a
 * real API with no proxy and no CORS.
 *
 * Defaults suit a demo: in-memory database, demo seed, fault switches on.
 */
import type { Plugin } from 'vite';
import { createMarketplace, type Marketplace, type MarketplaceOptions } from './index.js';
import { marketplaceMiddleware } from './node-middleware.js';

export function marketplace(options: MarketplaceOptions = {}): Plugin {
  const open = (): Marketplace => createMarketplace({ db: ':memory:', faults: true, ...options });
  return {
    name: 'aip-marketplace',
    configureServer(server) {
      const instance = open();
      // Registered directly (not in a returned hook), so it runs before Vite's own middleware.
      server.middlewares.use(marketplaceMiddleware(instance.app));
      server.httpServer?.once('close', () => instance.close());
    },
    configurePreviewServer(server) {
      const instance = open();
      server.middlewares.use(marketplaceMiddleware(instance.app));
      server.httpServer?.once('close', () => instance.close());
    },
  };
}
