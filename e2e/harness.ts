// Starts the demo exactly as `npm start` serves it (Vite + the reference
// marketplace on the same origin) and a headless Chromium to drive it.
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

export interface Demo {
  url: string;
  browser: Browser;
  /** Errors the page threw or logged, to assert that there were none. */
  pageErrors: string[];
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startDemo(): Promise<Demo> {
  const server: ViteDevServer = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', open: false },
  });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const pageErrors: string[] = [];
  return {
    url,
    browser,
    pageErrors,
    async open(path) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
      await page.goto(url + path);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Starts the demo before the file's tests and stops it after them. */
export function useDemo(): () => Demo {
  let demo: Demo | undefined;
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });
  return () => {
    if (!demo) throw new Error('the demo has not started');
    return demo;
  };
}

/**
 * Reads a state until `done` accepts it, or for `ms` at most, and returns the last read: for states the page
 * reaches a moment after the event a test waited for (focus handed back after a dialog closes, for one).
 */
export async function settled<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 2000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}
