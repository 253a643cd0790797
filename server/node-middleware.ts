/**
 * Mounting the marketplace inside another Node HTTP server: web-test-runner
 * (Koa), Vite and Storybook (connect).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';

const MARKETPLACE_PATH = /^\/(?:v1|media|_fault|agreements|checkout|certificates)(?:\/|$)/;

/**
 * Is this request path one the marketplace answers (`/v1/…`, `/media/…`,
 * `/_fault/…`, `/agreements/…`, and the hosted `/checkout/…` and
 * `/certificates/…` pages)?
 */
export function isMarketplacePath(path: string): boolean {
  return MARKETPLACE_PATH.test(path);
}

/**
 * Tells the marketplace it answers under `prefix` (a proxy's sub-path), so
 * the URLs it writes start with it: sets `X-Forwarded-Prefix` in both of
 * Node's views of the headers, since a request with a body is rebuilt from
 * `rawHeaders` and one without is read from `headers`.
 */
export function forwardPrefix(req: IncomingMessage, prefix: string): void {
  req.headers['x-forwarded-prefix'] = prefix;
  const raw: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() !== 'x-forwarded-prefix') raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  raw.push('X-Forwarded-Prefix', prefix);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
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
