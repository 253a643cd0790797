/**
 * Helpers for the reference-marketplace tests: plain HTTP against the real
 * server on the test page's origin, plus isolated marketplaces for tests that
 * move the clock.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import * as v from 'valibot';
import {
  CatalogPageSchema,
  ERROR_CODES,
  ErrorBodySchema,
  type PersonaSummary,
  type Sort,
} from '../../src/api/schemas.js';
import seedJson from '../../server/seed/demo-catalog.json';

/** The demo seed, as loaded into the shared marketplace: the oracle for what the API should say. */
export const seed = seedJson as {
  creators: { handle: string; name: string; email: string; payoutWallet: string | null; website: string | null }[];
  personas: {
    id: string;
    creator: string;
    name: string;
    niche: string;
    status: string;
    contentRating: string;
    commercialPrice: number;
    tags: string[];
    useCases: string[];
    deliverables: string[];
    description: string;
    previews: { kind?: 'video'; width: number; height: number; alt: string; durationSeconds?: number }[];
    licenses?: { license: string; buyer: { name: string; email: string } }[];
  }[];
};

export const published = seed.personas.filter((p) => p.status === 'published');
export const unpublished = seed.personas.filter((p) => p.status !== 'published');

export interface Fetched<T = unknown> {
  res: Response;
  text: string;
  body: T;
}

/** Fetches and reads the body as text and (when it parses) JSON, bypassing the HTTP cache. */
export async function get<T = unknown>(path: string, init: RequestInit = {}): Promise<Fetched<T>> {
  const res = await fetch(path, { cache: 'no-store', ...init });
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { res, text, body: body as T };
}

/**
 * POSTs a body with `Content-Type: application/json` (unless `init` gives
 * another): an object is sent as JSON, a string or bytes as they are.
 */
export async function post<T = unknown>(path: string, body: unknown, init: RequestInit = {}): Promise<Fetched<T>> {
  const raw = typeof body === 'string' || body instanceof Uint8Array;
  const headers = new Headers(init.headers);
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  return get<T>(path, { ...init, method: 'POST', headers, body: raw ? (body as BodyInit) : JSON.stringify(body) });
}

/** Asserts the one error shape, the status, the code and (optionally) the field named in `details`. */
export function expectError(fetched: Fetched, status: number, code: string, field?: string): void {
  expect(fetched.res.status, fetched.text).to.equal(status);
  expect(fetched.res.headers.get('content-type')).to.match(/^application\/json/);
  const body = v.parse(ErrorBodySchema, fetched.body);
  expect(ERROR_CODES as readonly string[]).to.include(body.error.code);
  expect(body.error.code).to.equal(code);
  expect(body.error.message).to.be.a('string').and.not.equal('');
  if (field !== undefined) {
    expect(
      body.error.details?.map((d) => d.field),
      fetched.text,
    ).to.include(field);
  }
}

/** SQLite's NOCASE: only ASCII letters fold, and text compares by code point. */
export const nocase = (text: string) => text.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

/** Is `items` in the order `sort` promises (ties broken by id)? */
export function expectSorted(items: PersonaSummary[], sort: Sort): void {
  for (let i = 1; i < items.length; i += 1) {
    const [a, b] = [items[i - 1], items[i]];
    const where = `${sort}: ${a.id} then ${b.id}`;
    switch (sort) {
      case 'newest':
        expect(a.publishedAt >= b.publishedAt, where).to.equal(true);
        if (a.publishedAt === b.publishedAt) expect(a.id > b.id, where).to.equal(true);
        break;
      case 'price_asc':
        expect(a.commercialPrice.amount <= b.commercialPrice.amount, where).to.equal(true);
        if (a.commercialPrice.amount === b.commercialPrice.amount) expect(a.id < b.id, where).to.equal(true);
        break;
      case 'price_desc':
        expect(a.commercialPrice.amount >= b.commercialPrice.amount, where).to.equal(true);
        if (a.commercialPrice.amount === b.commercialPrice.amount) expect(a.id > b.id, where).to.equal(true);
        break;
      case 'name': {
        const [x, y] = [nocase(a.name), nocase(b.name)];
        expect(x <= y, where).to.equal(true);
        if (x === y) expect(a.id < b.id, where).to.equal(true);
        break;
      }
    }
  }
}

/** Walks every page of a catalog query; returns the items in order and the number of pages. */
export async function walkCatalog(query: string, base = ''): Promise<{ items: PersonaSummary[]; pages: number }> {
  const items: PersonaSummary[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = query ? '&' : '';
    const url: string = `${base}/v1/catalog?${query}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { res, body } = await get(url);
    expect(res.status, url).to.equal(200);
    const page = v.parse(CatalogPageSchema, body);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
    if (pages > 200) throw new Error('cursor walk does not end');
  } while (cursor);
  return { items, pages };
}

/** Row counts of the shared marketplace, or of an isolated one. */
export async function counts(id?: string): Promise<Record<string, number>> {
  return executeServerCommand('marketplace:count', id ? { id } : {}) as Promise<Record<string, number>>;
}

export interface Isolated {
  id: string;
  base: string;
  /** Freezes the clock at `now`; `null` returns it to real time. */
  setClock(now: string | null): Promise<void>;
  /**
   * Stops the marketplace and starts it again on the same database (it must
   * have been created with `file: true`), with these options changed.
   */
  restart(options?: Omit<IsolatedOptions, 'file'>): Promise<void>;
  /** The ledger rows of an order, creator first. */
  ledger(orderId: string): Promise<{ party: 'creator' | 'platform'; amount: number; currency: string }[]>;
  /** A request sent from Node, so it may carry headers no page can set (a forged `Origin`). */
  request(path: string, init?: NodeRequest): Promise<{ status: number; text: string }>;
  dispose(): Promise<void>;
}

/** A request `Isolated#request` sends from Node. */
export interface NodeRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface IsolatedOptions {
  /** Generated personas to add (`server/generate.ts`). */
  generate?: number;
  /** A seed document instead of the demo seed, or `false` for none (with `generate`, the generated catalog alone). */
  seed?: false | object;
  /** Keep the database in a temporary file, so `restart()` can reopen it. */
  file?: boolean;
  /**
   * With `file`: first write the file as a server at schema `version` left it (the demo seed, then `sql` in that
   * version's shape), so the marketplace opens it as an upgrade.
   */
  legacy?: { version: number; sql: string };
  quoteTtlMs?: number;
  orderTtlMs?: number;
  confirmations?: number;
  confirmationIntervalMs?: number;
  hostedPageDelayMs?: number;
  sandbox?: boolean;
  /** A pricing policy instead of `server/pricing-policy.json`. */
  policy?: object;
}

/** A fresh marketplace (in-memory, demo seed unless told otherwise) with its clock frozen at `now`. */
export async function isolatedMarketplace(now: string, options: IsolatedOptions = {}): Promise<Isolated> {
  const created = (await executeServerCommand('marketplace:create', { now, ...options })) as
    { id: string; base: string } | { error: string };
  if ('error' in created) throw new Error(created.error);
  const { id, base } = created;
  return {
    id,
    base,
    setClock: async (at) => {
      await executeServerCommand('marketplace:set-clock', { id, now: at });
    },
    restart: async (changes = {}) => {
      await executeServerCommand('marketplace:restart', { id, options: changes });
    },
    ledger: (orderId) =>
      executeServerCommand('marketplace:ledger', { id, orderId }) as Promise<
        { party: 'creator' | 'platform'; amount: number; currency: string }[]
      >,
    request: (path, init = {}) =>
      executeServerCommand('marketplace:request', { id, path, ...init }) as Promise<{ status: number; text: string }>,
    dispose: async () => {
      await executeServerCommand('marketplace:dispose', { id });
    },
  };
}
