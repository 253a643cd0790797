// Tests run in headless Chromium (Debian's, never a downloaded one) against the
// real reference marketplace, mounted in-process on the test server's origin.
//
// - `/v1`, `/media`, `/_fault/…` go to the shared marketplace (in-memory SQLite,
//   demo seed, fault switches on). Read-only tests use it.
// - A test that writes or moves the clock asks for its own marketplace with
//   `executeServerCommand('marketplace:create')` and talks to it under the
//   returned base (`/_iso/<id>`), so parallel test files never see each other.
import { randomUUID } from 'node:crypto';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { tsImport } from 'tsx/esm/api';
import { countReporter } from './scripts/count-reporter.mjs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const { createMarketplace } = await tsImport('./server/index.ts', import.meta.url);
const { createListener, isMarketplacePath } = await tsImport('./server/node-middleware.ts', import.meta.url);

const shared = createMarketplace({ db: ':memory:', faults: true });
const sharedListener = createListener(shared.app);
const isolated = new Map();

const ISO = /^\/_iso\/([a-z0-9-]+)(\/.*)$/;

/** @type {import('@web/test-runner').TestRunnerPlugin} */
const marketplaceCommands = {
  name: 'marketplace-commands',
  executeCommand({ command, payload }) {
    if (!command.startsWith('marketplace:')) return undefined;
    const target = payload?.id ? isolated.get(payload.id)?.marketplace : shared;
    switch (command) {
      case 'marketplace:create': {
        const id = randomUUID();
        const marketplace = createMarketplace({
          db: ':memory:',
          faults: payload?.faults ?? true,
          now: payload?.now,
          seed: payload?.seed,
          quoteTtlMs: payload?.quoteTtlMs,
          generate: payload?.generate,
        });
        isolated.set(id, { marketplace, listener: createListener(marketplace.app) });
        return { id, base: `/_iso/${id}` };
      }
      case 'marketplace:set-clock':
        target.clock.set(payload.now);
        return true;
      case 'marketplace:count':
        // Row counts per table: lets tests prove a rejected request wrote nothing.
        return target.counts();
      case 'marketplace:explain':
        // SQLite's plan for a catalog query string: lets tests prove paging walks an index.
        return target.explainCatalog(payload.query);
      case 'marketplace:dispose':
        isolated.get(payload.id)?.marketplace.close();
        isolated.delete(payload.id);
        return true;
      default:
        throw new Error(`Unknown command ${command}`);
    }
  },
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json', target: 'auto' }), marketplaceCommands],
  middleware: [
    async (ctx, next) => {
      const iso = ISO.exec(ctx.path);
      if (iso && isolated.has(iso[1])) {
        ctx.respond = false;
        ctx.req.url = ctx.req.url.slice(`/_iso/${iso[1]}`.length);
        // So its media and agreement URLs point back under the same prefix.
        ctx.req.headers['x-forwarded-prefix'] = `/_iso/${iso[1]}`;
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
