/**
 * Mounting the marketplace inside another Node HTTP server: web-test-runner
 * (Koa), Vite and Storybook (connect).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';

const MARKETPLACE_PATH = /^\/(?:v1|media|_fault|agreements)(?:\/|$)/;

/** Is this request path one the marketplace answers (`/v1/…`, `/media/…`, `/_fault/…`, `/agreements/…`)? */
export function isMarketplacePath(path: string): boolean {
  return MARKETPLACE_PATH.test(path);
}

/** A Node `(req, res)` listener for the app, leaving Node's global fetch classes alone. */
export function createListener(app: Hono) {
  return getRequestListener(app.fetch, { overrideGlobalObjects: false });
}

/** Connect-style middleware: marketplace paths go to the app, everything else to `next`. */
export function marketplaceMiddleware(app: Hono) {
  const listener = createListener(app);
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (!isMarketplacePath(path)) {
      next();
      return;
    }
    listener(req, res).catch(next);
  };
}
