// Tests run in headless Chromium (Debian's, never a downloaded one) against the
// real reference marketplace, mounted in-process on the test server's origin.
//
// - `/v1`, `/media`, `/_fault/…` go to the shared marketplace (in-memory SQLite,
//   demo seed, fault switches on). Read-only tests use it.
// - A test that writes or moves the clock asks for its own marketplace with
//   `executeServerCommand('marketplace:create')` and talks to it under the
//   returned base (`/_iso/<id>`), so parallel test files never see each other.
//   With `file: true` its database is a temporary file, so `marketplace:restart`
//   can stop it and start it again on the same data (a crash and a restart);
//   with `legacy` as well, that file is first written as an older server left it
//   (an upgrade).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import Database from 'better-sqlite3';
import { tsImport } from 'tsx/esm/api';
import { countReporter } from './scripts/count-reporter.mjs';
import { frameworkModules } from './test/frameworks/modules-plugin.mjs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const { createMarketplace } = await tsImport('./server/index.ts', import.meta.url);
const { loadMigrations, migrate } = await tsImport('./server/db.ts', import.meta.url);
const { applySeed, resolveSeedOption } = await tsImport('./server/seed.ts', import.meta.url);
const { resolvePolicy } = await tsImport('./server/policy.ts', import.meta.url);
const { createListener, forwardPrefix, isMarketplacePath } = await tsImport(
  './server/node-middleware.ts',
  import.meta.url,
);

const shared = createMarketplace({ db: ':memory:', faults: true });
const sharedListener = createListener(shared.app);
const isolated = new Map();

const ISO = /^\/_iso\/([a-z0-9-]+)(\/.*)$/;

/**
 * Writes a database file as a server at schema `version` left it: the demo
 * seed under the migrations up to that version, then the test's rows (`sql`,
 * in that version's shape). Opening it afterwards migrates it, as an upgrade.
 */
function writeLegacy(path, { version, sql }, now) {
  const db = new Database(path);
  try {
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      loadMigrations().filter((migration) => migration.version <= version),
    );
    applySeed(db, resolveSeedOption(undefined).seed, resolvePolicy(undefined), new Date(now ?? Date.now()));
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** Starts (or restarts) an isolated marketplace under `id`. */
function start(id, options, dir) {
  const marketplace = createMarketplace(options);
  isolated.set(id, { marketplace, listener: createListener(marketplace.app), options, dir });
}

/** @type {import('@web/test-runner').TestRunnerPlugin} */
const marketplaceCommands = {
  name: 'marketplace-commands',
  async executeCommand({ command, payload }) {
    if (!command.startsWith('marketplace:')) return undefined;
    const target = payload?.id ? isolated.get(payload.id)?.marketplace : shared;
    switch (command) {
      case 'marketplace:create': {
        const id = randomUUID();
        const dir = payload?.file ? mkdtempSync(join(tmpdir(), 'aip-marketplace-')) : null;
        const options = {
          db: dir ? join(dir, 'marketplace.sqlite') : ':memory:',
          faults: payload?.faults ?? true,
          now: payload?.now,
          seed: payload?.seed,
          quoteTtlMs: payload?.quoteTtlMs,
          generate: payload?.generate,
          orderTtlMs: payload?.orderTtlMs,
          confirmations: payload?.confirmations,
          confirmationIntervalMs: payload?.confirmationIntervalMs,
          hostedPageDelayMs: payload?.hostedPageDelayMs,
          sandbox: payload?.sandbox,
          policy: payload?.policy,
        };
        try {
          if (payload?.legacy) {
            if (!dir) throw new Error('marketplace:create needs file: true to write a legacy database');
            writeLegacy(options.db, payload.legacy, payload.now);
          }
          start(id, options, dir);
        } catch (error) {
          // A bad option: the test sees why, without a stack trace in the runner's output.
          if (dir) rmSync(dir, { recursive: true, force: true });
          return { error: error.message };
        }
        return { id, base: `/_iso/${id}` };
      }
      case 'marketplace:restart': {
        // Stops a file-backed isolated marketplace and starts it again on the same data, options changed as given.
        const entry = isolated.get(payload.id);
        if (!entry?.dir) throw new Error('marketplace:restart needs a marketplace created with file: true');
        entry.marketplace.close();
        start(payload.id, { ...entry.options, ...payload.options }, entry.dir);
        return true;
      }
      case 'marketplace:request': {
        // A request sent from Node, with headers no page may set (a forged Origin); answers status and text.
        const res = await target.app.request(payload.path, {
          method: payload.method ?? 'GET',
          headers: payload.headers ?? {},
          body: payload.body,
        });
        return { status: res.status, text: await res.text() };
      }
      case 'marketplace:set-clock':
        target.clock.set(payload.now);
        return true;
      case 'marketplace:count':
        // Row counts per table: lets tests prove a rejected request wrote nothing.
        return target.counts();
      case 'marketplace:ledger':
        // An order's ledger rows: lets tests check the creator/platform split, which no endpoint shows.
        return target.db
          .prepare('SELECT party, amount_cents AS amount, currency FROM ledger WHERE order_id = ? ORDER BY party')
          .all(payload.orderId);
      case 'marketplace:explain':
        // SQLite's plan for a catalog query string: lets tests prove paging walks an index.
        return target.explainCatalog(payload.query);
      case 'marketplace:dispose': {
        const entry = isolated.get(payload.id);
        entry?.marketplace.close();
        if (entry?.dir) rmSync(entry.dir, { recursive: true, force: true });
        isolated.delete(payload.id);
        return true;
      }
      default:
        throw new Error(`Unknown command ${command}`);
    }
  },
};

/**
 * `executeServerCommand('a11y:tree')`: Chromium's accessibility tree of the test page, what a screen reader is
 * given, as a flat list of the nodes it exposes (Playwright no longer offers `page.accessibility`).
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const accessibilityCommands = {
  name: 'accessibility-commands',
  async executeCommand({ command, session }) {
    if (command !== 'a11y:tree') return undefined;
    const page = session.browser.getPage(session.id);
    const cdp = await page.context().newCDPSession(page);
    try {
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      return nodes
        .filter((node) => !node.ignored)
        .map((node) => ({
          role: node.role?.value ?? '',
          name: node.name?.value ?? '',
          properties: Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value?.value])),
        }));
    } finally {
      await cdp.detach();
    }
  },
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    // React, Vue and the package's own name, as the framework examples import them (test/frameworks).
    frameworkModules(),
    esbuildPlugin({ ts: true, tsx: true, json: true, tsconfig: './tsconfig.json', target: 'auto' }),
    marketplaceCommands,
    accessibilityCommands,
  ],
  middleware: [
    async (ctx, next) => {
      const iso = ISO.exec(ctx.path);
      if (iso && isolated.has(iso[1])) {
        ctx.respond = false;
        ctx.req.url = ctx.req.url.slice(`/_iso/${iso[1]}`.length);
        // So its media, agreement, checkout and certificate URLs point back under the same prefix.
        forwardPrefix(ctx.req, `/_iso/${iso[1]}`);
        await isolated.get(iso[1]).listener(ctx.req, ctx.res);
        return;
      }
      if (!isMarketplacePath(ctx.path)) return next();
      ctx.respond = false;
      await sharedListener(ctx.req, ctx.res);
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
  reporters: [defaultReporter(), countReporter()],
  coverageConfig: { include: ['src/**/*.ts'] },
};
