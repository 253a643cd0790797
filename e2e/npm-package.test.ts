// The npm package as an integrator's bundler sees it: the library is built as
// published (`dist/lib` beside the real package.json, so its `exports` and
// `sideEffects` apply), installed into a small app by a symlink, and the app is
// bundled for production by Vite. The app must define the elements it imported
// (a bundler that believes the registrations are side-effect free drops them)
// and leave out the ones it did not. Its TypeScript declarations are checked the
// same way: importing one element's entry types that element's events.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const ELEMENTS = [
  'aip-storefront',
  'aip-catalog',
  'aip-persona-card',
  'aip-price',
  'aip-persona-detail',
  'aip-license-picker',
  'aip-checkout',
  'aip-custom-order',
];

/** Two apps: one element's entry, and the whole package. */
const APPS = {
  catalog: `import 'aip-storefront/catalog';`,
  everything: `import 'aip-storefront';`,
};

let dir = '';
let server: Server;
let browser: Browser;
let origin = '';

before(async () => {
  const root = resolve('.');
  dir = mkdtempSync(join(tmpdir(), 'aip-npm-'));
  const quiet = { logLevel: 'silent' as const };

  // The package: its package.json and the library build, nothing else.
  const pkg = join(dir, 'pkg');
  mkdirSync(pkg);
  copyFileSync('package.json', join(pkg, 'package.json'));
  await build({ ...quiet, root, configFile: 'vite.config.ts', build: { outDir: join(pkg, 'dist/lib') } });
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', join(pkg, 'dist/types')]);
  // Its dependencies (lit, valibot), as npm would have installed them next to it.
  symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'), 'dir');

  for (const [name, code] of Object.entries(APPS)) {
    const app = join(dir, name);
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    symlinkSync(pkg, join(app, 'node_modules/aip-storefront'), 'dir');
    writeFileSync(join(app, 'main.js'), `${code}\n`);
    writeFileSync(
      join(app, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>` +
        `<script type="module" src="./main.js"></script></head>` +
        `<body><aip-price amount="4900" currency="USD"></aip-price></body></html>`,
    );
    await build({ ...quiet, root: app, configFile: false, base: './', build: { outDir: join(app, 'dist') } });
  }

  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(dir, path.slice(1));
    if (!file.startsWith(dir + sep) || !existsSync(file)) return void res.writeHead(404).end();
    const type = extname(file) === '.js' ? 'text/javascript' : 'text/html';
    res.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The elements a production build of `app` defines once its page has loaded, and any page errors. */
async function defined(
  app: keyof typeof APPS,
): Promise<{ tags: string[]; errors: string[]; page: import('playwright-core').Page }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/${app}/dist/index.html`);
  const tags = await page.evaluate((names) => names.filter((n) => customElements.get(n)), ELEMENTS);
  return { tags, errors, page };
}

/** Per entry: a consumer's code that listens to the events that entry's elements fire. */
const TYPED_EVENTS: Record<string, string> = {
  catalog: `const el = document.createElement('aip-catalog');
el.addEventListener('aip-select', (e) => e.detail.persona.name.toUpperCase());
el.addEventListener('aip-list-view', (e) => e.detail.items.length.toFixed());`,
  'persona-card': `document.createElement('aip-persona-card').addEventListener('aip-select', (e) => e.detail.persona.id.trim());`,
  'persona-detail': `document.createElement('aip-persona-detail').addEventListener('aip-view', (e) => e.detail.persona.id.trim());`,
  'license-picker': `document.createElement('aip-license-picker').addEventListener('aip-license-change', (e) => e.detail.license.trim());`,
  checkout: `const el = document.createElement('aip-checkout');
el.addEventListener('aip-checkout-complete', (e) => e.detail.orderId.trim());
el.addEventListener('aip-checkout-error', (e) => e.detail.code.trim());`,
  'custom-order': `document.createElement('aip-custom-order').addEventListener('aip-custom-order-submitted', (e) => e.detail.id.trim());`,
};

// `bundler` as Vite and TypeScript's own advice have it; `node10` (the old `node`) as many older projects
// still do, which ignores `exports` and finds the subpaths through `typesVersions`.
for (const moduleResolution of ['bundler', 'node10']) {
  test(`each element entry alone types the events its elements fire (strict TypeScript, ${moduleResolution} resolution)`, () => {
    const failures: string[] = [];
    const app = join(dir, 'catalog');
    for (const [entry, code] of Object.entries(TYPED_EVENTS)) {
      const file = `${entry}.${moduleResolution}.ts`;
      writeFileSync(join(app, file), `import 'aip-storefront/${entry}';\n${code}\nexport {};\n`);
      const config = join(app, `tsconfig.${entry}.${moduleResolution}.json`);
      const compilerOptions = {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution,
        lib: ['ES2022', 'DOM'],
        types: [],
        skipLibCheck: true,
      };
      writeFileSync(config, JSON.stringify({ compilerOptions, files: [file] }));
      try {
        execFileSync(resolve('node_modules/.bin/tsc'), ['-p', config], { encoding: 'utf8' });
      } catch (error) {
        failures.push(`aip-storefront/${entry}: ${(error as { stdout?: string }).stdout ?? String(error)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}

test('every typed subpath of `exports` has the same declarations in `typesVersions`, for `node10` resolution', () => {
  const { exports, typesVersions } = JSON.parse(readFileSync('package.json', 'utf8')) as {
    exports: Record<string, unknown>;
    typesVersions: Record<string, Record<string, string[]>>;
  };
  const typed = Object.entries(exports)
    .filter(([subpath, target]) => subpath !== '.' && typeof target === 'object' && target && 'types' in target)
    .map(([subpath, target]) => [subpath.slice(2), [(target as { types: string }).types.replace(/^\.\//, '')]]);
  assert.ok(typed.length >= 12, JSON.stringify(typed));
  assert.deepEqual(typesVersions['*'], Object.fromEntries(typed));
});

test('every code entry imports in Node, with no DOM, as a server-rendering framework does', () => {
  const { exports } = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
  const entries = Object.entries(exports)
    .filter(([, target]) => typeof target === 'object' && target !== null && 'default' in target)
    .map(([subpath]) => `aip-storefront${subpath.slice(1)}`);
  assert.ok(entries.length >= 10, entries.join(' '));
  const code = `for (const entry of ${JSON.stringify(entries)}) await import(entry);
console.log(typeof window, typeof document, typeof customElements.get);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: join(dir, 'catalog'),
    encoding: 'utf8',
  });
  // Lit's server shim gives it a customElements registry; nothing makes a window or a document.
  assert.equal(out.trim(), 'undefined undefined function');
});

test('the type declarations import only what the package depends on', () => {
  const types = join(dir, 'pkg/dist/types');
  const { dependencies, peerDependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
  const allowed = new Set(Object.keys({ ...dependencies, ...peerDependencies }));
  // The framework typings are imported only by React and Vue apps, which have those packages.
  const frameworks: Record<string, string> = { 'types/react.d.ts': 'react', 'types/vue.d.ts': 'vue' };
  const strays: string[] = [];
  for (const file of readdirSync(types, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts'))) {
    const source = readFileSync(join(types, file), 'utf8');
    for (const [, spec] of source.matchAll(/(?:from\s+|import\()['"]([^'".][^'"]*)['"]/g)) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      const own = name === 'aip-storefront' || /^https?:$/.test(name);
      if (!own && !allowed.has(name) && frameworks[file.split(sep).join('/')] !== name) strays.push(`${file}: ${spec}`);
    }
  }
  assert.deepEqual(strays, []);
});

test("an app bundled with `import 'aip-storefront/catalog'` defines the catalog and its card, and no more", async () => {
  const { tags, errors, page } = await defined('catalog');
  assert.deepEqual(errors, []);
  assert.deepEqual(tags, ['aip-catalog', 'aip-persona-card'], 'elements defined by the production bundle');
  await page.close();
});

test("an app bundled with `import 'aip-storefront'` defines every element, and they render", async () => {
  const { tags, errors, page } = await defined('everything');
  assert.deepEqual(errors, []);
  assert.deepEqual(tags, ELEMENTS, 'elements defined by the production bundle');
  await page.waitForFunction(() => document.querySelector('aip-price')?.shadowRoot?.textContent?.includes('$49'));
  await page.close();
});
