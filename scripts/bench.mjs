// `npm run bench`: bundle sizes, then rendering, scale, memory, layout-shift and
// request figures measured in headless Chromium against the reference
// marketplace, then the marketplace itself under load, each printed next to
// its budget.
//
//   npm run bench                      everything (builds dist/ first if it is missing)
//   npm run bench -- --build           rebuild dist/ first even if it exists
//   npm run bench -- --only cls,heap   some cases: cards, first, heap, cls, requests, load
//   npm run bench -- --only load       the server alone under load (no build, no browser)
//   npm run bench -- --runs 7          runs per median (default 5; 1 000 cards and first cards: twice that, less one)
//   npm run bench -- --cdn some/dir    measure another script-tag build than dist/cdn
//   npm run bench -- --serve           only serve the bench pages (/bench/<case>.html), until Ctrl-C
//
// Figures over budget print OVER but do not fail the run; the size table keeps
// its own rule (scripts/size.mjs exits 1 over budget) and that exit status is
// passed on. A case that cannot be measured at all prints ERROR and exits 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg, tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(ROOT, 'dist', 'cdn', 'aip-storefront.js');
const CASES = ['cards', 'first', 'heap', 'cls', 'requests', 'load'];
/** Cases measured without the build or a browser. */
const SERVER_CASES = ['load'];

const BUDGET = {
  cardsRatio: 1.1,
  firstCardMs: 150,
  domGrowth: 1.5,
  /**
   * Heap may grow with the listings themselves (their parsed JSON stays, so
   * scrolling back needs no request), not with rendered rows: at most this
   * many KB per listing loaded after the first 1 000.
   */
  heapPerPersonaKb: 2,
  cls: 0,
  requestsFirstPage: 1,
  requestsAfterMore: 2,
  /** Catalog reads on the standalone server, on a 2-core machine shared with the load generator. */
  catalogReqPerSec: 2000,
  catalogP99Ms: 20,
};
/** Each load run: connections kept busy, and seconds measured after a one-second warm-up. */
const LOAD = { connections: 10, seconds: 6 };
/** Artificial network delays of the CLS case: the bundle (every dist/cdn file) and each /media/ image. */
const SLOW = { scriptMs: 1000, mediaMs: 1500 };
const HEAP_TIME_LIMIT_MS = 100_000;
const WATCHDOG_MS = 6 * 60_000;

const OPTIONS = {
  build: { type: 'boolean', default: false },
  only: { type: 'string' },
  runs: { type: 'string', default: '5' },
  cdn: { type: 'string' },
  serve: { type: 'boolean', default: false },
};
let flags;
try {
  flags = parseArgs({ options: OPTIONS }).values;
} catch (error) {
  usage(error.message);
}
const only = flags.only ? flags.only.split(',').map((s) => s.trim()) : CASES;
for (const name of only) if (!CASES.includes(name)) usage(`unknown case "${name}"`);
const CDN_DIR = flags.cdn ? resolve(flags.cdn) : dirname(BUNDLE);
/**
 * The file the pages load: the versioned loader, as a page that pins it does
 * (aip-storefront.js runs it through one more request); a build without one
 * (an older --cdn folder) is loaded by its plain name.
 */
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const LOADER = existsSync(join(CDN_DIR, `aip-storefront-${version}.js`))
  ? `aip-storefront-${version}.js`
  : 'aip-storefront.js';
const RUNS = Number(flags.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) usage('--runs must be a whole number ≥ 1');

function usage(message) {
  console.error(
    `bench: ${message}\nusage: npm run bench -- [--build] [--only ${CASES.join(',')}] [--runs n] [--cdn dir] [--serve]`,
  );
  process.exit(2);
}

// ---------------------------------------------------------------------------
// Results

/** Rows of the final table: { figure, value, budget, verdict: 'ok' | 'OVER' | 'ERROR' | '' }. */
const rows = [];
/** Caveats for the summary line. */
const notes = [];
const record = (figure, value, budget = '', pass = null) =>
  rows.push({ figure, value, budget, verdict: pass === null ? '' : pass ? 'ok' : 'OVER' });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const int = (n) => n.toLocaleString('en-US');
const sleep = (t) => new Promise((resolve) => setTimeout(resolve, t));

/** Polls `test` (sync or async) every `every` ms until it is truthy or `timeout` ms passed; returns its last value. */
async function until(test, { timeout = 10_000, every = 50 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await test();
    if (value || Date.now() > end) return value;
    await sleep(every);
  }
}

// ---------------------------------------------------------------------------
// 1. Build if needed, then the size table.

function buildIfMissing() {
  const missing = !existsSync(BUNDLE) || !existsSync(join(ROOT, 'dist', 'lib', 'index.js'));
  if (missing || flags.build) {
    console.log(missing ? 'dist/ is missing: npm run build\n' : 'npm run build (--build)\n');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) {
      console.error('bench: the build failed');
      process.exit(build.status ?? 1);
    }
    return;
  }
  const built = statSync(BUNDLE).mtimeMs;
  const newer = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (statSync(path).mtimeMs > built) newer.push(path.slice(ROOT.length + 1));
    }
  };
  walk(join(ROOT, 'src'));
  if (newer.length) {
    console.log(
      `note: dist/ is older than ${newer.length} file(s) in src/ (${newer.slice(0, 3).join(', ')}${newer.length > 3 ? ', …' : ''}); ` +
        'measuring the built bundle as it is. `npm run bench -- --build` rebuilds first.\n',
    );
  }
}

function sizeTable() {
  console.log('## Bundle sizes (scripts/size.mjs)\n');
  const size = spawnSync(process.execPath, [join('scripts', 'size.mjs')], { cwd: ROOT, stdio: 'inherit' });
  console.log('');
  return size.status ?? 1;
}

// ---------------------------------------------------------------------------
// 2. Servers: one for the pages, dist/cdn and the demo marketplace; one for a 10 000-persona marketplace.

/** The CLS case turns these on: the network, not the library, is slow. */
const network = { scriptMs: 0, mediaMs: 0 };

/** The documented reserve-space CSS, read from README.md so the bench checks exactly what integrators copy. */
function readmeReserveCss() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```css\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .find((css) => css.includes(':not(:defined)'));
  if (!block) throw new Error('README.md has no ```css block with a :not(:defined) rule to test');
  return block.trim();
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, head, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="data:,">
<script type="module" src="/cdn/${LOADER}"></script>
${head}
</head>
<body>
${body}
</body>
</html>`;
}

/** Layout-shift entries, buffered from the start of the page, with a description of each shifted node. */
const SHIFT_OBSERVER = `<script>
window.__shifts = [];
(() => {
  const describe = (node) => {
    if (!node) return '(node gone)';
    const parts = [];
    for (let n = node; n; ) {
      if (n.nodeType === Node.TEXT_NODE) parts.unshift('#text "' + n.textContent.trim().slice(0, 30) + '"');
      else if (n.nodeType === Node.ELEMENT_NODE) {
        let s = n.localName;
        if (n.id) s += '#' + n.id;
        if (n.getAttribute('part')) s += '[part="' + n.getAttribute('part') + '"]';
        else if (n.classList.length) s += '.' + [...n.classList].join('.');
        parts.unshift(s);
      }
      if (n.parentNode && n.parentNode.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
        parts.unshift('>>>');
        n = n.parentNode.host;
      } else n = n.parentElement;
      if (n && (n.localName === 'body' || n.localName === 'html')) break;
    }
    return parts.join(' ');
  };
  const rect = (r) => r && [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({
        value: e.value,
        time: e.startTime,
        sources: e.sources.map((s) => ({ node: describe(s.node), from: rect(s.previousRect), to: rect(s.currentRect) })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  customElements.whenDefined('aip-catalog').then(() => (window.__defined = performance.now()));
})();
</script>`;

const PAGES = {
  /** An empty grid the cards or the plain markup go into. */
  cards: () =>
    page(
      '1 000 cards',
      `<style>
  body { margin: 0; font-family: system-ui, sans-serif; }
  #host { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; padding: 16px; }
  .plain article { display: flex; flex-direction: column; border: 1px solid #ddd; border-radius: 8px; overflow: hidden; }
  .plain img { display: block; width: 100%; height: auto; aspect-ratio: 4 / 5; object-fit: cover; background: #eee; }
  .plain h3, .plain p { margin: 0 12px 4px; }
  .plain ul { display: flex; flex-wrap: wrap; gap: 4px; margin: 4px 12px; padding: 0; list-style: none; }
  .plain li { padding: 0 8px; border: 1px solid #ddd; border-radius: 999px; font-size: 0.85em; }
</style>`,
      '<main id="host"></main>',
    ),

  /** A 10 000-slot catalog; marks when it is parsed into the page and when its first card shows a title. */
  first: ({ big }) =>
    page(
      'First cards',
      '',
      `<h1>Catalog</h1>
<script>performance.mark('catalog-connected');</script>
<aip-storefront api="${big}"><aip-catalog page-size="24"></aip-catalog></aip-storefront>
<script>
(() => {
  // Watches for the first card title without polling (a busy poll costs the page real time): a
  // MutationObserver on the catalog's shadow root adds one on each card's shadow root as the card
  // is inserted, which is before the card renders, and records the first [part="title"] inserted.
  const catalog = document.querySelector('aip-catalog');
  const first = (window.__first = {});
  const hasTitle = (card) => card.shadowRoot?.querySelector('[part="title"]');
  const found = () => {
    if (first.title) return;
    first.title = performance.now();
    observer.disconnect();
    onCards.disconnect();
    // Told on the console: the harness waits for this message rather than evaluating script in
    // the page, which would inject the driver's helpers (tens of ms) into the path being timed.
    console.log('aip-bench: first title');
  };
  const watched = new WeakSet();
  const scan = () => {
    // Loading placeholders drawn before the first cards (a first page slower than the catalog waits for).
    if (catalog.shadowRoot.querySelector('.loading')) first.placeholders = true;
    for (const card of catalog.shadowRoot.querySelectorAll('aip-persona-card')) {
      if (hasTitle(card)) return found();
      if (card.shadowRoot && !watched.has(card)) {
        watched.add(card);
        observer.observe(card.shadowRoot, { childList: true, subtree: true });
      }
    }
  };
  const onCards = new MutationObserver(scan);
  const observer = new MutationObserver(() => {
    for (const card of catalog.shadowRoot.querySelectorAll('aip-persona-card')) if (hasTitle(card)) return found();
  });
  customElements.whenDefined('aip-catalog').then(() => {
    first.defined = performance.now();
    onCards.observe(catalog.shadowRoot, { childList: true, subtree: true });
    scan();
  });
})();
</script>`,
    ),

  /** The 10 000-slot catalog with infinite paging, 100 per page. */
  heap: ({ big }) =>
    page(
      'Scrolling 10 000',
      '',
      `<h1>Catalog</h1>
<aip-storefront api="${big}"><aip-catalog paging="infinite" page-size="100"></aip-catalog></aip-storefront>`,
    ),

  /** A creator's site: heading, text, the catalog, a footer; the README's reserve-space CSS. */
  cls: () =>
    page(
      'Nova Studio',
      `${SHIFT_OBSERVER}
<style>
  body { margin: 0 auto; max-width: 1100px; padding: 24px; font-family: system-ui, sans-serif; line-height: 1.5; }
${readmeReserveCss()}
</style>`,
      `<h1>Nova Studio</h1>
<p>Hand-made AI personas for brands that want a face of their own. Every listing below is a fictional,
fully AI-generated person, licensed through the AI-People marketplace.</p>
<aip-storefront><aip-catalog page-size="12"></aip-catalog></aip-storefront>
<p id="footer">© Nova Studio. Questions about a license? Write to hello@nova.example.</p>`,
    ),

  /** One catalog of 12 on the demo marketplace, same origin. */
  requests: () =>
    page(
      'Requests',
      '',
      `<h1>Catalog</h1>
<aip-storefront><aip-catalog page-size="12"></aip-catalog></aip-storefront>`,
    ),
};

async function listen(server) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${server.address().port}`;
}

function closeServer(server) {
  if (!server?.listening) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function startServers(cleanups) {
  const t0 = performance.now();
  const { createMarketplace } = await tsImport('../server/index.ts', import.meta.url);
  const { createListener, isMarketplacePath } = await tsImport('../server/node-middleware.ts', import.meta.url);

  const demo = createMarketplace({ db: ':memory:', faults: true });
  cleanups.push(() => demo.close());
  // The generated catalog alone (no demo seed), so the scale cases see exactly 10 000 general-audience slots.
  const large = createMarketplace({ db: ':memory:', seed: false, generate: 10_000 });
  cleanups.push(() => large.close());

  const demoListener = createListener(demo.app);
  const largeListener = createListener(large.app);
  const ctx = { big: '' };

  const main = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const fail = (error) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    };
    const pageName = /^\/bench\/([a-z]+)\.html$/.exec(path)?.[1];
    if (pageName && Object.hasOwn(PAGES, pageName)) {
      let html;
      try {
        html = PAGES[pageName](ctx);
      } catch (error) {
        return fail(error);
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
      return;
    }
    if (path.startsWith('/cdn/')) {
      let file = '';
      try {
        file = resolve(CDN_DIR, decodeURIComponent(path.slice('/cdn/'.length)));
      } catch {
        // A malformed escape: not a file.
      }
      if (!file.startsWith(CDN_DIR + sep) || !existsSync(file) || !statSync(file).isFile()) {
        return void res.writeHead(404).end();
      }
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.map') ? 'application/json' : 'text/plain';
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
        res.end(readFileSync(file));
      }, network.scriptMs);
      return;
    }
    if (isMarketplacePath(path)) {
      const delay = path.startsWith('/media/') ? network.mediaMs : 0;
      setTimeout(() => demoListener(req, res).catch(fail), delay);
      return;
    }
    res.writeHead(404).end();
  });
  const largeServer = createServer((req, res) => {
    largeListener(req, res).catch((error) => !res.headersSent && res.writeHead(500).end(String(error)));
  });
  cleanups.push(
    () => closeServer(main),
    () => closeServer(largeServer),
  );
  const origin = await listen(main);
  ctx.big = await listen(largeServer);
  console.log(
    `servers: pages, dist/cdn and the demo marketplace at ${origin}; ${int(large.counts().personas)} generated personas at ${ctx.big} (${ms(performance.now() - t0)})`,
  );
  return { origin, big: ctx.big };
}

// ---------------------------------------------------------------------------
// 3. Page-side helpers (run in the browser).

/** Cards in the catalog's shadow root whose title has rendered; with `min`, that count once it is at least `min`. */
function renderedCards(min = 0) {
  const catalog = document.querySelector('aip-catalog');
  const count = [...(catalog?.shadowRoot?.querySelectorAll('aip-persona-card') ?? [])].filter((card) =>
    card.shadowRoot?.querySelector('[part="title"]'),
  ).length;
  return count >= min ? count : 0;
}

/** The elements the cases need from the script-tag bundle. */
const REQUIRED_TAGS = ['aip-storefront', 'aip-catalog', 'aip-persona-card'];

/** Loads the bundle once and says what it defines; returns a problem to report, or null. */
async function checkBundle(browser, origin) {
  const pg = await browser.newPage();
  const errors = [];
  pg.on('pageerror', (e) => errors.push(e.message));
  pg.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await pg.goto(`${origin}/bench/cards.html`); // module scripts have run by the load event
    const defined = await pg.evaluate(
      (tags) => tags.filter((tag) => customElements.get(tag)),
      [...REQUIRED_TAGS, 'aip-license-picker', 'aip-persona-detail'],
    );
    const files = readdirSync(CDN_DIR, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'));
    const bundle = join(CDN_DIR, LOADER);
    const where = flags.cdn ? bundle : `dist/cdn/${LOADER}`;
    console.log(
      `bundle: ${where} (${int(statSync(bundle).size)} bytes, ${files.length} .js file(s) in its folder) defines ${defined.length ? defined.map((t) => `<${t}>`).join(' ') : 'no element'} at load`,
    );
    for (const e of errors) console.log(`  page error: ${e}`);
    const missing = REQUIRED_TAGS.filter((tag) => !defined.includes(tag));
    return missing.length
      ? `${where} does not define ${missing.map((t) => `<${t}>`).join(' ')} when loaded by a script tag, so nothing renders`
      : null;
  } finally {
    await pg.close();
  }
}

// ---------------------------------------------------------------------------
// 4a. 1 000 cards vs the same markup through innerHTML.

async function fetchSummaries(big, count) {
  const items = [];
  let cursor = null;
  while (items.length < count) {
    const url = new URL('/v1/catalog', big);
    url.searchParams.set('limit', '100');
    if (cursor) url.searchParams.set('cursor', cursor);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url.pathname}${url.search}: HTTP ${response.status}`);
    const page = await response.json();
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items.slice(0, count);
}

/** In the page: cards given `.data`, until every card updated, a forced layout and the next frame. */
async function timeCards() {
  const host = document.getElementById('host');
  const items = window.__items;
  const t0 = performance.now();
  const cards = [];
  const fragment = document.createDocumentFragment();
  for (const item of items) {
    const card = document.createElement('aip-persona-card');
    card.data = item;
    cards.push(card);
    fragment.append(card);
  }
  host.append(fragment);
  const t1 = performance.now();
  await Promise.all(cards.map((card) => card.updateComplete));
  const t2 = performance.now();
  void document.body.offsetHeight;
  const t3 = performance.now();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const t4 = performance.now();
  const titles = cards.filter((card) => card.shadowRoot?.querySelector('[part="title"]')).length;
  return { total: t4 - t0, create: t1 - t0, update: t2 - t1, layout: t3 - t2, frame: t4 - t3, titles };
}

/**
 * In the page, before any timing: the DOM 1 000 cards produce, captured as
 * markup (shadow root and light DOM of each, Lit's comment markers dropped),
 * with the stylesheets a card's shadow root adopts. The cards are removed
 * again, so the page is as empty as for the other runs.
 */
async function captureCardMarkup() {
  const scratch = document.createElement('div');
  document.body.append(scratch);
  const cards = window.__items.map((item) => {
    const card = document.createElement('aip-persona-card');
    card.data = item;
    scratch.append(card);
    return card;
  });
  await Promise.all(cards.map((card) => card.updateComplete));
  const strip = (markup) => markup.replace(/<!--[^]*?-->/g, '');
  window.__markup = cards.map((card) => ({ shadow: strip(card.shadowRoot.innerHTML), light: strip(card.innerHTML) }));
  window.__sheets = cards[0].shadowRoot.adoptedStyleSheets;
  scratch.remove();
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * In the page: the cards' own DOM without any component code. Each card's
 * captured markup goes through innerHTML into a shadow root of its own with
 * the card's stylesheets, and its JSON-LD into the light DOM: what any
 * shadow-DOM card with this markup must build, at least. Same layout and frame.
 */
async function timeSameDom() {
  const host = document.getElementById('host');
  const sheets = window.__sheets;
  const t0 = performance.now();
  const fragment = document.createDocumentFragment();
  for (const { shadow, light } of window.__markup) {
    const el = document.createElement('div');
    el.innerHTML = light;
    const root = el.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheets;
    root.innerHTML = shadow;
    fragment.append(el);
  }
  host.append(fragment);
  const t1 = performance.now();
  void document.body.offsetHeight;
  const t2 = performance.now();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const t3 = performance.now();
  return {
    total: t3 - t0,
    create: t1 - t0,
    update: 0,
    layout: t2 - t1,
    frame: t3 - t2,
    titles: window.__markup.length,
  };
}

/** In the page: a flat article per listing through one innerHTML (no shadow roots, no buttons), same layout and frame. */
async function timeInnerHtml() {
  const host = document.getElementById('host');
  const items = window.__items;
  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const t0 = performance.now();
  const formats = new Map();
  const money = ({ amount, currency }) => {
    if (!formats.has(currency)) formats.set(currency, new Intl.NumberFormat('en-US', { style: 'currency', currency }));
    return formats.get(currency).format(amount / 100);
  };
  let markup = '';
  for (const p of items) {
    const img = p.titleImage;
    const srcset = (img.srcset ?? []).map((s) => `${s.url} ${s.width}w`).join(', ');
    markup += `<article><img src="${escape(img.url)}" srcset="${escape(srcset)}" sizes="(max-width: 480px) 100vw, 320px"
      alt="${escape(img.alt)}" width="${img.width}" height="${img.height}" loading="lazy" decoding="async">
      <h3>${escape(p.name)}</h3><p>by ${escape(p.creator.name)} · ${escape(p.niche)}</p>
      <ul>${p.tags
        .slice(0, 3)
        .map((t) => `<li>${escape(t)}</li>`)
        .join('')}</ul>
      <p>From ${money(p.commercialPrice)}</p><p>AI-generated · fictional persona</p></article>`;
  }
  host.className = 'plain';
  host.innerHTML = markup;
  const t1 = performance.now();
  void document.body.offsetHeight;
  const t2 = performance.now();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const t3 = performance.now();
  return { total: t3 - t0, create: t1 - t0, update: 0, layout: t2 - t1, frame: t3 - t2, titles: items.length };
}

async function benchCards(browser, origin, big) {
  // Twice the runs (plus one), as for the first cards: in a median of 5, two disturbed baseline
  // runs once moved the ratio from 1.26x to 1.05x.
  const count = RUNS * 2 - 1;
  console.log(
    `## a. 1 000 <aip-persona-card> with .data vs innerHTML baselines (median of ${count}, after a warm-up run)\n`,
  );
  console.log(
    'same DOM:  the markup the cards render, through innerHTML into a shadow root per card, same stylesheets',
  );
  console.log('flat:      a simpler flat <article> per listing through one innerHTML (no shadow roots, no buttons)\n');
  const items = await fetchSummaries(big, 1000);
  if (items.length !== 1000) throw new Error(`the 10k marketplace gave ${items.length} summaries, not 1 000`);
  const runOnce = async (fn) => {
    const pg = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await pg.goto(`${origin}/bench/cards.html`);
      await pg.waitForFunction(() => customElements.get('aip-persona-card'), null, { timeout: 10_000 });
      await pg.evaluate((list) => (window.__items = list), items);
      if (fn === timeSameDom) await pg.evaluate(captureCardMarkup);
      return await pg.evaluate(fn);
    } finally {
      await pg.close();
    }
  };
  const kinds = [
    ['cards', timeCards],
    ['same DOM', timeSameDom],
    ['flat', timeInnerHtml],
  ];
  // One run of each first, not counted: the first page of a fresh browser compiles and warms more than the rest.
  for (const [, fn] of kinds) await runOnce(fn);
  const runs = new Map(kinds.map(([name]) => [name, []]));
  for (let i = 0; i < count; i += 1) {
    // Rotate the order so drift (a warming server, a busy core) hits each alike.
    for (let k = 0; k < kinds.length; k += 1) {
      const [name, fn] = kinds[(i + k) % kinds.length];
      runs.get(name).push(await runOnce(fn));
    }
  }
  const cards = runs.get('cards');
  if (cards.some((r) => r.titles !== 1000))
    throw new Error(`only ${Math.min(...cards.map((r) => r.titles))} cards rendered a title`);
  const phases = (list) => {
    const m = (k) => median(list.map((r) => r[k]));
    return `create+append ${ms(m('create'))}, updates ${ms(m('update'))}, forced layout ${ms(m('layout'))}, to next frame ${ms(m('frame'))}`;
  };
  const medians = {};
  for (const [name] of kinds) {
    const list = runs.get(name);
    medians[name] = median(list.map((r) => r.total));
    console.log(
      `${`${name}:`.padEnd(10)} ${ms(medians[name])}   runs ${list.map((r) => r.total.toFixed(0)).join(', ')}   (${phases(list)})`,
    );
  }
  const sameDom = medians.cards / medians['same DOM'];
  const flat = medians.cards / medians.flat;
  console.log(`cards / same DOM: ${sameDom.toFixed(2)}×   budget ≤ ${BUDGET.cardsRatio}×`);
  console.log(
    `cards / flat:     ${flat.toFixed(2)}×   (same DOM / flat: ${(medians['same DOM'] / medians.flat).toFixed(2)}×, the cost of the DOM itself)\n`,
  );
  record('1 000 cards, median', ms(medians.cards));
  record('1 000 cards as innerHTML, same DOM', ms(medians['same DOM']));
  record('1 000 flat innerHTML articles', ms(medians.flat));
  record(
    '1 000 cards / same DOM by innerHTML',
    `${sameDom.toFixed(2)}×`,
    `≤ ${BUDGET.cardsRatio.toFixed(2)}×`,
    sameDom <= BUDGET.cardsRatio,
  );
  record('1 000 cards / flat articles', `${flat.toFixed(2)}×`);
}

// ---------------------------------------------------------------------------
// 4b. First cards of a 10 000-slot catalog.

async function benchFirst(browser, origin) {
  // A page load is about a second: twice the runs (plus one) steady a median that swings
  // by tens of milliseconds on a shared machine.
  const count = RUNS * 2 - 1;
  console.log(`## b. First card title of <aip-catalog page-size="24"> on 10 000 personas (median of ${count})\n`);
  const runs = [];
  for (let i = 0; i < count; i += 1) {
    const pg = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      const shown = pg.waitForEvent('console', {
        predicate: (m) => m.text() === 'aip-bench: first title',
        timeout: 20_000,
      });
      await pg.goto(`${origin}/bench/first.html`);
      await shown;
      runs.push(
        await pg.evaluate((loader) => {
          const connected = performance.getEntriesByName('catalog-connected')[0].startTime;
          const api = performance.getEntriesByType('resource').find((e) => e.name.includes('/v1/catalog'));
          const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith(`/cdn/${loader}`));
          return {
            connected,
            sinceConnected: window.__first.title - connected,
            sinceNavigation: window.__first.title,
            defined: window.__first.defined - connected,
            placeholders: window.__first.placeholders === true,
            scriptEnd: script ? script.responseEnd - connected : NaN,
            apiStart: api ? api.startTime - connected : NaN,
            apiEnd: api ? api.responseEnd - connected : NaN,
          };
        }, LOADER),
      );
    } finally {
      await pg.close();
    }
  }
  const m = (k) => median(runs.map((r) => r[k]));
  console.log(
    `connected → first title:      ${ms(m('sinceConnected'))}   runs ${runs.map((r) => r.sinceConnected.toFixed(0)).join(', ')}`,
  );
  console.log(
    `navigationStart → first title: ${ms(m('sinceNavigation'))}   (catalog connected at ${ms(m('connected'))})`,
  );
  console.log(
    `after connected (medians): bundle received ${ms(m('scriptEnd'))}, elements defined ${ms(m('defined'))}, ` +
      `GET /v1/catalog sent ${ms(m('apiStart'))}, answered ${ms(m('apiEnd'))}, first title ${ms(m('sinceConnected'))}`,
  );
  console.log(
    `loading placeholders drawn before the first cards: in ${runs.filter((r) => r.placeholders).length} of ${count} runs\n`,
  );
  const first = m('sinceConnected');
  record(
    'first card title after catalog connected',
    ms(first),
    `≤ ${BUDGET.firstCardMs} ms`,
    first <= BUDGET.firstCardMs,
  );
  record('first card title after navigationStart', ms(m('sinceNavigation')));
}

// ---------------------------------------------------------------------------
// 4c. Heap and DOM after scrolling through the 10 000-slot catalog.

async function benchHeap(browser, origin, big) {
  console.log('## c. Heap and DOM while scrolling <aip-catalog paging="infinite" page-size="100"> to 10 000\n');
  const pg = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const cdp = await pg.context().newCDPSession(pg);
    let loaded = 0;
    let requested = 0;
    pg.on('response', async (response) => {
      if (!response.url().startsWith(`${big}/v1/catalog`) || !response.ok()) return;
      try {
        loaded += (await response.json()).items.length;
      } catch {
        // A page closed mid-read: the count stops there.
      }
    });
    pg.on('request', (request) => {
      if (request.url().startsWith(`${big}/v1/catalog`)) requested += 1;
    });
    const sample = async () => {
      await pg.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { nodes } = await cdp.send('Memory.getDOMCounters');
      const cards = await pg.evaluate(
        () => document.querySelector('aip-catalog')?.shadowRoot?.querySelectorAll('aip-persona-card').length ?? 0,
      );
      return { loaded, heap: usedSize, nodes, cards };
    };
    const started = Date.now();
    const elapsed = () => (Date.now() - started) / 1000;
    await pg.goto(`${origin}/bench/heap.html`);
    await until(() => loaded >= 100, { timeout: 15_000 });
    if (loaded === 0) throw new Error('the first page of the catalog never arrived');

    /** [seconds, loaded] after each page, for the pace. */
    const pace = [[elapsed(), loaded]];
    let stopped = '';
    let at1k = null;
    while (loaded < 10_000) {
      if (elapsed() * 1000 >= HEAP_TIME_LIMIT_MS) {
        stopped = `${HEAP_TIME_LIMIT_MS / 1000} s limit`;
        break;
      }
      const before = loaded;
      const asked = requested;
      await pg.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
      const triggered = await until(() => requested > asked || loaded > before, { timeout: 2_500, every: 20 });
      if (!triggered) {
        stopped = 'scrolling to the end started no request';
        break;
      }
      if (!(await until(() => loaded > before, { timeout: 15_000, every: 20 }))) {
        stopped = 'a page took over 15 s to arrive';
        break;
      }
      pace.push([elapsed(), loaded]);
      if (!at1k && loaded >= 1000) {
        at1k = await sample();
        console.log(
          `at ${int(at1k.loaded)} loaded (${elapsed().toFixed(1)} s): heap ${mb(at1k.heap)}, ${int(at1k.nodes)} DOM nodes, ${int(at1k.cards)} cards in the DOM`,
        );
      }
      // Let the new cards render before scrolling to the new end.
      await pg.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    const seconds = elapsed();
    const end = await sample();
    console.log(
      `at ${int(end.loaded)} loaded (${seconds.toFixed(1)} s): heap ${mb(end.heap)}, ${int(end.nodes)} DOM nodes, ${int(end.cards)} cards in the DOM ` +
        `(${requested} catalog requests${stopped ? `; stopped before 10 000: ${stopped}` : ''})`,
    );
    if (!at1k) throw new Error(`only ${int(end.loaded)} personas loaded; the 1 000 mark was never reached`);
    // Seconds per 1 000 loaded, over the first and the last 1 000.
    const span = (from, to) => {
      const a = pace.find(([, n]) => n >= from) ?? pace[0];
      const b = pace.find(([, n]) => n >= to) ?? pace.at(-1);
      return (b[0] - a[0]) / ((b[1] - a[1]) / 1000);
    };
    const last = pace.at(-1)[1];
    console.log(
      `pace: ${span(pace[0][1], pace[0][1] + 1000).toFixed(1)} s per 1 000 at the start, ${span(last - 1000, last).toFixed(1)} s per 1 000 at the end`,
    );
    const domGrowth = end.nodes / at1k.nodes;
    const heapGrowth = end.heap / at1k.heap;
    const perPersona = end.loaded > at1k.loaded ? (end.heap - at1k.heap) / (end.loaded - at1k.loaded) : 0;
    console.log(
      `end / 1 000: DOM nodes ${domGrowth.toFixed(2)}×, heap ${heapGrowth.toFixed(2)}× (${(perPersona / 1024).toFixed(2)} KB of heap per persona loaded after the first 1 000)`,
    );
    console.log(
      `budget "flat memory": DOM nodes end/1 000 ≤ ${BUDGET.domGrowth}×; heap grows by ≤ ${BUDGET.heapPerPersonaKb} KB per listing (the data, not the DOM)\n`,
    );
    const label = (n) => `at ${int(n)} loaded`;
    record(`heap ${label(at1k.loaded)}`, mb(at1k.heap));
    record(`heap ${label(end.loaded)}`, mb(end.heap));
    record(`DOM nodes ${label(at1k.loaded)}`, int(at1k.nodes));
    record(`DOM nodes ${label(end.loaded)}`, int(end.nodes));
    record(
      'DOM nodes end / 1 000 (flat memory)',
      `${domGrowth.toFixed(2)}×`,
      `≤ ${BUDGET.domGrowth}×`,
      domGrowth <= BUDGET.domGrowth,
    );
    record('heap end / 1 000', `${heapGrowth.toFixed(2)}×`);
    record(
      'heap per listing after the first 1 000',
      `${(perPersona / 1024).toFixed(2)} KB`,
      `≤ ${BUDGET.heapPerPersonaKb} KB`,
      perPersona / 1024 <= BUDGET.heapPerPersonaKb,
    );
    if (end.loaded < 10_000) {
      record(`personas loaded in ${Math.round(seconds)} s (of 10 000)`, int(end.loaded));
      notes.push(`the heap case stopped at ${int(end.loaded)} of 10 000 (${stopped})`);
    }
  } finally {
    await pg.close();
  }
}

// ---------------------------------------------------------------------------
// 4d. CLS while the bundle and the images arrive late.

async function benchCls(browser, origin) {
  console.log(
    `## d. CLS of a creator's page while each bundle file arrives ${SLOW.scriptMs / 1000} s late and each image ${SLOW.mediaMs / 1000} s late\n`,
  );
  console.log(`reserve-space CSS from README.md:\n${readmeReserveCss().replace(/^/gm, '  ')}\n`);
  network.scriptMs = SLOW.scriptMs;
  network.mediaMs = SLOW.mediaMs;
  try {
    for (const width of [1280, 375]) {
      const pg = await browser.newPage({ viewport: { width, height: 800 } });
      try {
        let pending = 0;
        let done = 0;
        const isMedia = (request) => new URL(request.url()).pathname.startsWith('/media/');
        pg.on('request', (r) => isMedia(r) && (pending += 1));
        const finish = (r) => {
          if (!isMedia(r)) return;
          pending -= 1;
          done += 1;
        };
        pg.on('requestfinished', finish);
        pg.on('requestfailed', finish);
        await pg.goto(`${origin}/bench/cls.html`);
        await pg.waitForFunction(renderedCards, 1, { timeout: 15_000 });
        await until(async () => (await pg.evaluate(renderedCards, 12)) && done > 0 && pending === 0, {
          timeout: 15_000,
        });
        await sleep(1000);
        const shifts = await pg.evaluate(() => window.__shifts);
        const cards = await pg.evaluate(renderedCards);
        const timeline = await pg.evaluate(() => ({
          defined: window.__defined,
          scripts: performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes('/cdn/'))
            .map((e) => `${e.name.split('/cdn/')[1]} at ${Math.round(e.responseEnd)} ms`),
        }));
        const cls = sessionCls(shifts);
        console.log(
          `${width}×800: CLS ${cls.toFixed(3)}   (${cards} cards, ${done} images loaded${pending ? `, ${pending} still loading` : ''}, ${shifts.length} shift(s))`,
        );
        console.log(
          `  bundle files: ${timeline.scripts.join(', ')}; <aip-catalog> defined at ${Math.round(timeline.defined)} ms`,
        );
        for (const s of shifts) {
          console.log(`  at ${ms(s.time)}: ${s.value.toFixed(4)}`);
          for (const src of s.sources)
            console.log(`    ${src.node}  [x,y,w,h] ${JSON.stringify(src.from)} → ${JSON.stringify(src.to)}`);
        }
        record(`CLS at ${width}×800`, cls.toFixed(3), `≤ ${BUDGET.cls.toFixed(3)}`, cls <= BUDGET.cls + 0.0005);
      } finally {
        await pg.close();
      }
    }
    console.log('');
  } finally {
    network.scriptMs = 0;
    network.mediaMs = 0;
  }
}

/** CLS as web-vitals defines it: the largest session window (shifts < 1 s apart, window ≤ 5 s). */
function sessionCls(shifts) {
  let best = 0;
  let current = 0;
  let first = 0;
  let last = 0;
  for (const s of shifts) {
    if (current && s.time - last < 1000 && s.time - first < 5000) current += s.value;
    else {
      current = s.value;
      first = s.time;
    }
    last = s.time;
    best = Math.max(best, current);
  }
  return best;
}

// ---------------------------------------------------------------------------
// 4e. API requests for one catalog of 12.

async function benchRequests(browser, origin) {
  console.log('## e. Marketplace API requests for a page with one <aip-catalog page-size="12">\n');
  const pg = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const seen = [];
    pg.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/v1/')) seen.push(`${r.method()} ${url.pathname}${url.search}`);
    });
    await pg.goto(`${origin}/bench/requests.html`);
    await pg.waitForFunction(renderedCards, 12, { timeout: 15_000 }).catch(async () => {
      throw new Error(`12 cards never rendered (${await pg.evaluate(renderedCards)} did)`);
    });
    await sleep(500);
    const first = seen.length;
    console.log(`after 12 cards rendered: ${first} request(s)`);
    for (const r of seen) console.log(`  ${r}`);
    record(
      'API requests for 12 cards',
      String(first),
      `≤ ${BUDGET.requestsFirstPage}`,
      first <= BUDGET.requestsFirstPage,
    );

    await pg.locator('aip-catalog [part="more"]').click({ timeout: 5_000 });
    await pg.waitForFunction(renderedCards, 13, { timeout: 15_000 });
    await sleep(500);
    const cards = await pg.evaluate(renderedCards);
    console.log(`after "Show more" (${cards} cards): ${seen.length} request(s) in all`);
    for (const r of seen.slice(first)) console.log(`  ${r}`);
    console.log('');
    record(
      'API requests after "Show more"',
      String(seen.length),
      `≤ ${BUDGET.requestsAfterMore}`,
      seen.length <= BUDGET.requestsAfterMore,
    );
  } finally {
    await pg.close();
  }
}

// ---------------------------------------------------------------------------
// 5. The standalone marketplace under load (autocannon): catalog reads, persona
//    reads and a purchase workload, against `server/main.ts` in its own process.

/** Starts `server/main.ts` on a free loopback port with a database file in `dir`; resolves to its URL. */
async function startStandalone(dir) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'server', 'main.ts'), '--port', '0', '--db', join(dir, 'load.sqlite')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  cleanups.push(
    () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  );
  let out = '';
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  child.stdout.resume();
  return url;
}

/** One bounded autocannon run; a one-second warm-up first, not counted. */
async function cannon(autocannon, options) {
  await autocannon({ ...options, duration: 1 });
  return autocannon({ connections: LOAD.connections, duration: LOAD.seconds, ...options });
}

/** Prints and records req/s, p50, p99 and errors of one run. */
function loadRow(label, result, budget = null) {
  const errors = result.errors + result.timeouts + result.non2xx;
  const reqs = result.requests.average;
  console.log(
    `${label}: ${int(Math.round(reqs))} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `${int(result.requests.total)} requests, ${errors} errors (${result.non2xx} non-2xx, ${result.timeouts} timeouts)`,
  );
  if (budget) {
    record(`${label}: req/s`, int(Math.round(reqs)), `≥ ${int(budget.reqs)}`, reqs >= budget.reqs);
    record(`${label}: p99`, `${result.latency.p99} ms`, `≤ ${budget.p99} ms`, result.latency.p99 <= budget.p99);
  } else {
    record(`${label}: req/s`, int(Math.round(reqs)));
    record(`${label}: p99`, `${result.latency.p99} ms`);
  }
  record(`${label}: errors`, String(errors), '0', errors === 0);
}

async function benchLoad() {
  console.log(
    `## f. The standalone marketplace under load (autocannon, ${LOAD.connections} connections, ${LOAD.seconds} s each)\n`,
  );
  const { default: autocannon } = await import('autocannon');
  const dir = mkdtempSync(join(tmpdir(), 'aip-load-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const url = await startStandalone(dir);
  console.log(`server: ${url} (server/main.ts, database file, its own process); load generator: this process`);

  const catalog = await cannon(autocannon, { url: `${url}/v1/catalog?limit=24` });
  loadRow('catalog reads (24 per page)', catalog, { reqs: BUDGET.catalogReqPerSec, p99: BUDGET.catalogP99Ms });

  const ids = (await (await fetch(`${url}/v1/catalog?limit=100&rating=explicit`)).json()).items.map((p) => p.id);
  const personas = await cannon(autocannon, {
    url,
    requests: ids.map((id) => ({ method: 'GET', path: `/v1/personas/${id}` })),
  });
  loadRow(`persona reads (${ids.length} personas in turn)`, personas);

  // Quote → order → sandbox pay, Commercial licenses of the open personas (any number may be sold).
  const open = (await (await fetch(`${url}/v1/catalog?limit=100&availability=open`)).json()).items.map((p) => p.id);
  let n = 0;
  const json = { 'Content-Type': 'application/json' };
  const purchase = await cannon(autocannon, {
    url,
    requests: [
      {
        method: 'POST',
        path: '/v1/quotes',
        headers: json,
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({ personaId: open[(n += 1) % open.length], license: 'commercial' }),
        }),
        onResponse: (status, body, context) => {
          context.quoteId = status === 201 ? JSON.parse(body).id : null;
        },
      },
      {
        method: 'POST',
        path: '/v1/orders',
        setupRequest: (req, context) => ({
          ...req,
          headers: { ...json, 'Idempotency-Key': `load-${process.pid}-${(n += 1)}` },
          body: JSON.stringify({
            quoteId: context.quoteId ?? 'no-quote',
            buyer: { email: 'load@example.com', name: 'Load Test' },
            acceptedAgreement: { license: 'commercial', version: '2026-03-18' },
          }),
        }),
        onResponse: (status, body, context) => {
          context.orderId = status === 201 ? JSON.parse(body).id : null;
        },
      },
      {
        method: 'POST',
        setupRequest: (req, context) => ({ ...req, path: `/v1/sandbox/orders/${context.orderId ?? 'no-order'}/pay` }),
      },
    ],
  });
  loadRow('purchase requests (quote → order → sandbox pay)', purchase);
  console.log(`  = ${int(Math.round(purchase.requests.average / 3))} completed purchases/s\n`);
}

// ---------------------------------------------------------------------------
// Main

const cleanups = [];
let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch {
        // Best effort: everything else still closes.
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.error(`\nbench: ${signal}, cleaning up`);
    await cleanup();
    process.exit(130);
  });
}
const watchdog = setTimeout(async () => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; giving up`);
  await cleanup();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

async function main() {
  const started = performance.now();
  const browserCases = only.filter((name) => !SERVER_CASES.includes(name));
  if (browserCases.length === 0 && !flags.serve) {
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} (other processes make figures noisy)\n`,
    );
    let errors = 0;
    try {
      await benchLoad();
    } catch (error) {
      errors += 1;
      console.log(`ERROR in load: ${error instanceof Error ? error.message : String(error)}\n`);
      rows.push({ figure: 'load: not measured', value: '—', budget: '', verdict: 'ERROR' });
    }
    await cleanup();
    console.log(`machine load average at the end: ${loadavg()[0].toFixed(2)}\n`);
    summary(started, errors, null);
    return errors ? 1 : 0;
  }
  buildIfMissing();
  if (flags.serve) {
    const { origin } = await startServers(cleanups);
    for (const name of Object.keys(PAGES)) console.log(`  ${origin}/bench/${name}.html`);
    console.log('Ctrl-C to stop');
    // Serving has no end of its own: the watchdog is for measuring runs that hang.
    clearTimeout(watchdog);
    return new Promise(() => {});
  }
  const sizeStatus = sizeTable();

  console.log('## Rendering, scale, memory, layout shift, requests\n');
  const { origin, big } = await startServers(cleanups);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => browser.close());
  console.log(`browser: Chromium ${browser.version()} (${chromiumPath}), headless`);
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} (other processes make figures noisy)`,
  );
  const bundleProblem = await checkBundle(browser, origin);
  console.log(bundleProblem ? `ERROR: ${bundleProblem}; no case can be measured.\n` : '');

  const cases = {
    cards: () => benchCards(browser, origin, big),
    first: () => benchFirst(browser, origin),
    heap: () => benchHeap(browser, origin, big),
    cls: () => benchCls(browser, origin),
    requests: () => benchRequests(browser, origin),
    load: () => benchLoad(),
  };
  let errors = 0;
  for (const name of only) {
    if (bundleProblem && !SERVER_CASES.includes(name)) {
      errors += 1;
      rows.push({ figure: `${name}: not measured`, value: '—', budget: '', verdict: 'ERROR' });
      continue;
    }
    try {
      await cases[name]();
    } catch (error) {
      errors += 1;
      console.log(`ERROR in ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      rows.push({ figure: `${name}: not measured`, value: '—', budget: '', verdict: 'ERROR' });
    }
  }
  await cleanup();
  console.log(`machine load average at the end: ${loadavg()[0].toFixed(2)}\n`);
  summary(started, errors, sizeStatus);
  return errors ? 1 : sizeStatus;
}

/** The final table and its one-line verdict; `sizeStatus` null when sizes were not measured. */
function summary(started, errors, sizeStatus) {
  const w = [Math.max(...rows.map((r) => r.figure.length)), 12, 12];
  console.log('## Summary\n');
  console.log(`${'figure'.padEnd(w[0])}  ${'value'.padStart(w[1])}  ${'budget'.padEnd(w[2])}  verdict`);
  console.log(`${'-'.repeat(w[0])}  ${'-'.repeat(w[1])}  ${'-'.repeat(w[2])}  -------`);
  for (const r of rows)
    console.log(`${r.figure.padEnd(w[0])}  ${r.value.padStart(w[1])}  ${r.budget.padEnd(w[2])}  ${r.verdict}`);
  const budgeted = rows.filter((r) => r.verdict === 'ok' || r.verdict === 'OVER');
  const over = rows.filter((r) => r.verdict === 'OVER');
  console.log(
    `\nbench: ${budgeted.length - over.length}/${budgeted.length} figures within budget` +
      `${over.length ? `, OVER: ${over.map((r) => r.figure).join('; ')}` : ''}` +
      `${errors ? `; ${errors} case(s) not measured` : ''}${notes.length ? `; ${notes.join('; ')}` : ''}` +
      `${sizeStatus === null ? '' : `; sizes ${sizeStatus === 0 ? 'ok' : 'OVER budget'}`}` +
      ` (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  },
);
