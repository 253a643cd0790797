// The demo sites and a script-tag embed, built for production and served
// under a strict Content-Security-Policy, browsed by a buyer: the catalog, a
// persona's detail, a purchase through the platform's hosted checkout page
// (with its own strict policy) to the certificate. No page may report a
// single `securitypolicyviolation`.
//
// Vite's dev server injects inline scripts, so this builds the demo pages
// (`vite build`) and the `dist/cdn` loader (`vite build --mode cdn`) into a
// temporary folder and serves them with a tiny static server that adds the
// policy, with the reference marketplace mounted beside them.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { createMarketplace, type Marketplace } from '../server/index.js';
import { createListener, isMarketplacePath } from '../server/node-middleware.js';

/** The policy the host pages run under (the API is on the same origin here). */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
/**
 * Pages under `/trusted-types/` and `/lit-html-only/` are the same pages with Trusted Types enforced as well:
 * allowing the two policies the README names, or Lit's alone.
 */
const TRUSTED_TYPES: Record<string, string> = {
  '/trusted-types/': `${CSP}; require-trusted-types-for 'script'; trusted-types lit-html aip-storefront`,
  '/lit-html-only/': `${CSP}; require-trusted-types-for 'script'; trusted-types lit-html`,
};

/** The policy a path is served under, and the path it serves. */
function policyFor(path: string): [policy: string, path: string] {
  const prefix = Object.keys(TRUSTED_TYPES).find((p) => path.startsWith(p));
  return prefix ? [TRUSTED_TYPES[prefix]!, path.slice(prefix.length - 1)] : [CSP, path];
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** A host page that embeds the elements with the one script tag of the README, nothing inline. */
const EMBED_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Script-tag embed</title>
  <link rel="icon" href="data:,">
  <script type="module" src="/cdn/aip-storefront.js"></script>
</head>
<body>
  <h1>Our personas</h1>
  <aip-storefront>
    <p id="intro">Licenses from <aip-price amount="4900" currency="USD"></aip-price></p>
    <aip-catalog page-size="6"></aip-catalog>
    <aip-persona-detail persona="juno-okafor">
      <aip-checkout slot="checkout"></aip-checkout>
      <aip-custom-order slot="custom-order" persona="juno-okafor"></aip-custom-order>
    </aip-persona-detail>
  </aip-storefront>
</body>
</html>
`;

/**
 * A host page whose own component renders our elements into its shadow root,
 * after the loader has run, and hands that root to the loader's `observeRoot`.
 */
const HOST_APP_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Host app</title>
  <link rel="icon" href="data:,">
  <script type="module" src="/host-app.js"></script>
</head>
<body><host-app></host-app></body>
</html>
`;
const HOST_APP_JS = `import { observeRoot } from '/cdn/aip-storefront-${version}.js';
customElements.define('host-app', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    observeRoot(root);
    setTimeout(() => {
      root.innerHTML = '<aip-storefront><p>From <aip-price amount="4900" currency="USD"></aip-price></p></aip-storefront>';
    }, 50);
  }
});
`;

/** A script-tag page with the GA4 bridge: the loader's connectGa4, from a module file (the policy allows no inline script). */
const GA4_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Script-tag embed with analytics</title>
  <link rel="icon" href="data:,">
  <script type="module" src="/ga4.js"></script>
</head>
<body><aip-storefront><aip-catalog page-size="4"></aip-catalog></aip-storefront></body>
</html>
`;
const GA4_JS = `import { connectGa4 } from '/cdn/aip-storefront-${version}.js';
connectGa4({ listName: 'Our personas' });
`;

let dir = '';
let server: Server;
let market: Marketplace;
let browser: Browser;
let origin = '';

before(async () => {
  const root = resolve('.');
  dir = mkdtempSync(join(tmpdir(), 'aip-csp-'));
  const quiet = { logLevel: 'silent' as const, root };
  await build({
    ...quiet,
    configFile: false,
    base: '/',
    build: {
      outDir: join(dir, 'site'),
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: {
        input: {
          landing: 'index.html',
          creator: 'demo/creator/index.html',
          persona: 'demo/creator/persona.html',
          partner: 'demo/partner/index.html',
        },
      },
    },
  });
  await build({ ...quiet, configFile: 'vite.config.ts', mode: 'cdn', build: { outDir: join(dir, 'cdn') } });

  market = createMarketplace({ db: ':memory:', confirmations: 2, confirmationIntervalMs: 50 });
  const api = createListener(market.app);
  const site = join(dir, 'site');
  server = createServer((req, res) => {
    const [policy, path] = policyFor(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (isMarketplacePath(path)) {
      api(req, res).catch(() => res.writeHead(500).end());
      return;
    }
    const send = (body: string | Buffer, type: string) =>
      res
        .writeHead(200, {
          'Content-Type': type,
          'Content-Security-Policy': policy,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        })
        .end(body);
    if (path === '/embed.html') return send(EMBED_HTML, TYPES['.html']);
    // The same page with the catalog alone: the detail's code is first asked for when a card is chosen.
    if (path === '/catalog-only.html') {
      return send(EMBED_HTML.replace(/ *<aip-persona-detail[^]*<\/aip-persona-detail>\n/, ''), TYPES['.html']);
    }
    if (path === '/host-app.html') return send(HOST_APP_HTML, TYPES['.html']);
    if (path === '/host-app.js') return send(HOST_APP_JS, TYPES['.js']);
    if (path === '/ga4.html') return send(GA4_HTML, TYPES['.html']);
    if (path === '/ga4.js') return send(GA4_JS, TYPES['.js']);
    // The same page pinned to this version's loader, as the README suggests for production.
    if (path === '/embed-pinned.html') {
      return send(EMBED_HTML.replace('/cdn/aip-storefront.js', `/cdn/aip-storefront-${version}.js`), TYPES['.html']);
    }
    const [base, rest] = path.startsWith('/cdn/') ? [join(dir, 'cdn'), path.slice(5)] : [site, path.slice(1)];
    let file = resolve(base, rest);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(base + sep) || !existsSync(file)) return void res.writeHead(404).end();
    send(readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
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
  market?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Watched {
  context: BrowserContext;
  /** Violations in any frame of any page of the context, with where they happened. */
  violations: string[];
  /** Uncaught errors and console errors. */
  errors: string[];
  open(path: string): Promise<Page>;
}

/** A fresh browser context whose every frame reports CSP violations to the test. */
async function watched(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const violations: string[] = [];
  const errors: string[] = [];
  await context.exposeBinding('__reportViolation', ({ frame }, text: string) =>
    violations.push(`${frame.url()}: ${text}`),
  );
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
      );
    });
  });
  context.on('page', (page) => {
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
  });
  return {
    context,
    violations,
    errors,
    async open(path) {
      const page = await context.newPage();
      const response = await page.goto(origin + path);
      assert.equal(
        response?.headers()['content-security-policy'],
        policyFor(path)[0],
        `${path} is served under the policy`,
      );
      return page;
    },
  };
}

/** Fills the checkout like a buyer, pays on the hosted page in the overlay, waits for the certificate. */
async function checkOut(page: Page) {
  const checkout = page.locator('aip-checkout');
  await checkout.getByRole('button', { name: /^Buy / }).click();
  await checkout.getByLabel('Full name').fill('Casey Strict');
  await checkout.getByLabel('Email').fill('casey@example.com');
  await checkout.getByRole('checkbox').check();
  await checkout.getByRole('button', { name: 'Continue to payment' }).click();
  const hosted = page.frameLocator('aip-checkout iframe');
  await hosted.getByRole('button', { name: /pay/i }).click();
  await checkout.locator('[part~="certificate"] dl').waitFor({ timeout: 15_000 });
  return (await checkout.locator('[part~="certificate"] a').getAttribute('href'))!;
}

test('the built demo pages are plain: no inline script, style or handler for the policy to allow', () => {
  for (const page of [
    'index.html',
    'demo/creator/index.html',
    'demo/creator/persona.html',
    'demo/partner/index.html',
  ]) {
    const html = readFileSync(join(dir, 'site', page), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, `${page}: inline <script>`);
    assert.doesNotMatch(html, /<style[\s>]|\sstyle=|\son[a-z]+=/i, `${page}: inline style or handler`);
  }
});

test('creator site under the policy: browse, open a persona, buy through the hosted page, see the certificate', async () => {
  const w = await watched();
  const page = await w.open('/demo/creator/');
  await page.locator('aip-persona-card').filter({ hasText: 'Noor Haddad' }).locator('button.select').click();
  await page.waitForURL(/persona\.html\?id=noor-haddad/);
  await page.locator('aip-persona-detail [part~="creator-name"]').waitFor();
  // The gallery's next preview, the tiers' comparison dialog: the interactive parts render under the policy too.
  await page.locator('aip-persona-detail [part~="next-button"]').click();
  await page.locator('aip-license-picker input[value="commercial"]').check();
  const certificateUrl = await checkOut(page);

  // The platform's own pages, under their own policies.
  const certificate = await w.context.newPage();
  const served = await certificate.goto(certificateUrl);
  assert.match(served?.headers()['content-security-policy'] ?? '', /script-src 'self'; style-src 'self'/);
  await certificate.locator('h1').waitFor();
  const agreementUrl = await page.locator('aip-license-picker [part~="agreement"]').first().getAttribute('href');
  const agreement = await w.context.newPage();
  const agreementServed = await agreement.goto(agreementUrl!);
  assert.match(agreementServed?.headers()['content-security-policy'] ?? '', /default-src 'none'; style-src 'self'/);
  // Its stylesheet applies (the body is laid out as a column), so the page reads as designed.
  assert.equal(await agreement.locator('body').evaluate((b) => getComputedStyle(b).maxWidth), '672px');
  await page.waitForTimeout(200);
  assert.deepEqual(w.violations, []);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('partner site under the policy: the catalog, a detail in its dialog', async () => {
  const w = await watched();
  const page = await w.open('/demo/partner/');
  await page.locator('aip-persona-card').first().locator('button.select').click();
  await page.locator('aip-catalog dialog[open] aip-persona-detail [part~="creator-name"]').waitFor();
  await page.locator('aip-catalog dialog[open] aip-license-picker [part~="tier"]').first().waitFor();
  await page.waitForTimeout(200);
  assert.deepEqual(w.violations, []);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('the landing page under the policy', async () => {
  const w = await watched();
  const page = await w.open('/');
  await page.locator('body').waitFor();
  await page.waitForTimeout(200);
  assert.deepEqual(w.violations, []);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

/** The /cdn/ files a page requests, in order, from the moment it is opened. */
function cdnRequests(w: Watched): string[] {
  const seen: string[] = [];
  w.context.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/cdn/')) seen.push(pathname.slice('/cdn/'.length));
  });
  return seen;
}

test('the dist/cdn loader in a script-tag embed: catalog, lazy detail and checkout, bought to the certificate', async () => {
  const w = await watched();
  const requested = cdnRequests(w);
  const page = await w.open('/embed.html');
  await page.locator('aip-catalog aip-persona-card [part~="title"]').first().waitFor();
  // <aip-price> is not in the loader itself: it is fetched because the page uses it.
  assert.equal(await page.locator('#intro aip-price [part="base"]').innerText(), '$49');
  await page.locator('aip-persona-detail [part~="creator-name"]').waitFor();
  await page.locator('aip-license-picker input[value="commercial"]').check();
  await checkOut(page);
  await page.waitForTimeout(200);
  assert.deepEqual(w.violations, []);
  assert.deepEqual(w.errors, []);
  // aip-storefront.js runs the versioned loader; every file is fetched once.
  assert.deepEqual(requested.slice(0, 2), ['aip-storefront.js', `aip-storefront-${version}.js`]);
  assert.deepEqual(requested, [...new Set(requested)], 'a file fetched twice');
  await w.context.close();
});

test('under Trusted Types allowing lit-html and aip-storefront: the same embed, its structured data, bought to the certificate', async () => {
  const w = await watched();
  const page = await w.open('/trusted-types/embed.html');
  await page.locator('aip-catalog aip-persona-card [part~="title"]').first().waitFor();
  await page.locator('aip-persona-detail [part~="creator-name"]').waitFor();
  // The listing's JSON-LD is written through the aip-storefront policy.
  await page.waitForFunction(() =>
    document.querySelector('aip-persona-detail > script[type="application/ld+json"]')?.textContent?.includes('Product'),
  );
  await page.locator('aip-license-picker input[value="commercial"]').check();
  await checkOut(page);
  await page.waitForTimeout(200);
  assert.deepEqual(w.violations, []);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test("under Trusted Types allowing Lit's policy alone: everything but the structured data works, and the console says why", async () => {
  const w = await watched();
  const warnings: string[] = [];
  w.context.on('page', (p) => p.on('console', (m) => m.type() === 'warning' && warnings.push(m.text())));
  const page = await w.open('/lit-html-only/embed.html');
  await page.locator('aip-catalog aip-persona-card [part~="title"]').first().waitFor();
  await page.locator('aip-persona-detail [part~="creator-name"]').waitFor();
  await page.waitForFunction(() => document.querySelector('aip-persona-detail [slot="checkout"]'));
  await page.waitForTimeout(1000); // the JSON-LD is written when the page is idle
  assert.equal(await page.locator('script[type="application/ld+json"]').count(), 0, 'no empty blocks left behind');
  await page.locator('aip-license-picker input[value="commercial"]').check();
  await checkOut(page);
  // Two violations, each once: creating the refused policy, and the one write tried without it.
  assert.deepEqual(
    w.violations.map((v) => v.replace(/^\S+: /, '').split(' ')[0]),
    ['trusted-types', 'require-trusted-types-for'],
  );
  // The browser logs those two as console errors; nothing else, and nothing thrown into the page.
  assert.deepEqual(
    w.errors.filter((e) => !/TrustedTypePolicy named 'aip-storefront'|requires 'TrustedScript' assignment/.test(e)),
    [],
  );
  assert.equal(w.errors.length, 2);
  assert.deepEqual(
    warnings.filter((t) => t.includes('Trusted Types')),
    ['aip-storefront: no JSON-LD: Trusted Types refused the policy aip-storefront.'],
  );
  await w.context.close();
});

test("elements in a host component's shadow root are fetched once the root is passed to observeRoot", async () => {
  const w = await watched();
  const requested = cdnRequests(w);
  const page = await w.open('/host-app.html');
  // <aip-price> is used nowhere else on the page: only observeRoot can have fetched its chunk.
  const price = page.locator('host-app aip-price [part="base"]');
  await price.waitFor();
  assert.equal(await price.innerText(), '$49');
  assert.ok(
    requested.some((f) => f.startsWith('chunks/price-')),
    `requested: ${requested.join(', ')}`,
  );
  assert.deepEqual(w.violations, []);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('a script-tag page connects the GA4 bridge from the loader: its code comes on first call, the list reaches dataLayer', async () => {
  const w = await watched();
  const requested = cdnRequests(w);
  const page = await w.open('/ga4.html');
  await page.locator('aip-catalog aip-persona-card [part~="title"]').first().waitFor();
  await page.waitForFunction(() =>
    ((window as unknown as { dataLayer?: { event?: string }[] }).dataLayer ?? []).some(
      (e) => e.event === 'view_item_list',
    ),
  );
  const list = await page.evaluate(
    () =>
      (
        window as unknown as {
          dataLayer: { event?: string; ecommerce?: { items: unknown[]; item_list_name: string } }[];
        }
      ).dataLayer.find((e) => e.event === 'view_item_list')!.ecommerce!,
  );
  assert.equal(list.item_list_name, 'Our personas');
  assert.equal(list.items.length, 4);
  assert.ok(
    requested.some((f) => f.startsWith('chunks/ga4-')),
    `requested: ${requested.join(', ')}`,
  );
  assert.deepEqual(w.violations, []);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('lazy chunks that do not arrive (the connection dropped) are fetched again, and the elements appear', async () => {
  const w = await watched();
  const dropped: string[] = [];
  // The detail's and the checkout's chunks fail twice each, as a flaky connection or CDN would.
  await w.context.route(/\/cdn\/chunks\/(persona-detail|checkout)-/, (route) => {
    const chunk = /chunks\/(persona-detail|checkout)-/.exec(route.request().url())![1]!;
    if (dropped.filter((c) => c === chunk).length >= 2) return route.continue();
    dropped.push(chunk);
    return route.abort('internetdisconnected');
  });
  const warnings: string[] = [];
  w.context.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const page = await w.open('/embed.html');
  await page.locator('aip-persona-detail [part~="creator-name"]').waitFor({ timeout: 20_000 });
  await page.locator('aip-license-picker input[value="commercial"]').check();
  await page.locator('aip-checkout').getByRole('button', { name: /^Buy / }).waitFor({ timeout: 20_000 });
  assert.deepEqual(dropped.sort(), ['checkout', 'checkout', 'persona-detail', 'persona-detail']);
  // Said once per element, in the console, for the integrator.
  assert.deepEqual(
    warnings
      .filter((t) => t.includes('could not be loaded'))
      .map((t) => t.match(/<[a-z-]+>/)![0])
      .sort(),
    ['<aip-checkout>', '<aip-persona-detail>'],
  );
  assert.deepEqual(w.violations, []);
  await w.context.close();
});

test("a persona whose detail code can't arrive: the message is in view where the buyer chose it", async () => {
  const w = await watched();
  // The detail's code never arrives: the connection is gone for it, after a while (5 s: the catalog says it is
  // opening after 1 s, with time to spare on a slow machine).
  await w.context.route(/\/cdn\/chunks\/persona-detail-/, async (route) => {
    await new Promise((done) => setTimeout(done, 5000));
    await route.abort('internetdisconnected');
  });
  const page = await w.open('/catalog-only.html');
  assert.equal(await page.locator('aip-persona-detail').count(), 0);
  await page.setViewportSize({ width: 1280, height: 420 });
  const last = page.locator('aip-catalog aip-persona-card').nth(5);
  await last.locator('button.select').scrollIntoViewIfNeeded();
  const name = (await last.locator('[part="title"]').innerText()).trim();
  await last.locator('button.select').click();
  // Meanwhile the card chosen says it is opening, and after a second the live region says so too.
  await page.waitForFunction(
    () => document.querySelector('aip-catalog')!.shadowRoot!.querySelector('aip-persona-card[aria-busy="true"]'),
    null,
    { timeout: 4000 },
  );
  const said = page.locator('aip-catalog p[role="status"]');
  // The name is isolated (FSI … PDI), as every name inside a sentence.
  await page.waitForFunction(
    (text) => {
      const region = document.querySelector('aip-catalog')!.shadowRoot!.querySelector('p[role="status"]')!;
      return region.textContent!.replace(/[\u2068\u2069]/g, '').trim() === text;
    },
    `Opening ${name}…`,
    { timeout: 4500 },
  );
  const message = page.locator('aip-catalog [part~="status"][role="alert"]');
  await message.waitFor({ timeout: 10_000 });
  assert.match((await message.textContent())!, /could not be opened/);
  assert.equal((await said.textContent())!.trim(), '', 'the region no longer says it is opening');
  const box = (await message.boundingBox())!;
  assert.ok(box.y >= 0 && box.y + box.height <= 420, `the message is in view: ${JSON.stringify(box)}`);
  assert.equal(await last.getAttribute('aria-busy'), null, 'the card no longer says it is opening');
  // Below a sticky header of the page's own, as the page sets it.
  await page
    .locator('aip-catalog')
    .evaluate((el: HTMLElement) => el.style.setProperty('--aip-catalog-sticky-top', '64px'));
  await page.mouse.wheel(0, 40);
  await page.waitForFunction(() => {
    const note = document.querySelector('aip-catalog')!.shadowRoot!.querySelector('[part~="status"][role="alert"]')!;
    return Math.round(note.getBoundingClientRect().top) === 64;
  });
  // A new list: the note was about the last one.
  await page.locator('aip-catalog').getByRole('searchbox').fill('a');
  await message.waitFor({ state: 'detached', timeout: 10_000 });
  assert.deepEqual(w.violations, []);
  await w.context.close();
});

test("a pointer over the cards fetches the dialog's code before a persona is chosen, once", async () => {
  const w = await watched();
  const requested = cdnRequests(w);
  const page = await w.open('/catalog-only.html');
  const card = page.locator('aip-catalog aip-persona-card').first();
  await card.locator('[part~="title"]').waitFor();
  const dialogChunks = () =>
    ['persona-detail', 'checkout', 'custom-order'].filter((name) =>
      requested.some((f) => f.startsWith(`chunks/${name}-`)),
    );
  assert.deepEqual(dialogChunks(), [], `nothing of the dialog before: ${requested.join(', ')}`);
  await card.hover();
  for (let i = 0; i < 50 && dialogChunks().length < 3; i++) await page.waitForTimeout(100);
  assert.deepEqual(dialogChunks(), ['persona-detail', 'checkout', 'custom-order'], requested.join(', '));
  assert.equal(await page.locator('aip-persona-detail').count(), 0, 'fetched, not opened');
  await card.locator('button.select').click();
  await page.locator('aip-persona-detail [part~="creator-name"]').waitFor();
  assert.deepEqual(requested, [...new Set(requested)], 'a file fetched twice');
  assert.deepEqual(w.violations, []);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('a page pinned to the versioned loader never loads aip-storefront.js, lazy chunks included', async () => {
  const w = await watched();
  const requested = cdnRequests(w);
  const page = await w.open('/embed-pinned.html');
  await page.locator('aip-catalog aip-persona-card [part~="title"]').first().waitFor();
  assert.equal(await page.locator('#intro aip-price [part="base"]').innerText(), '$49');
  await page.locator('aip-license-picker input[value="commercial"]').check();
  await page.locator('aip-checkout').getByRole('button', { name: /^Buy / }).waitFor();
  assert.deepEqual(w.violations, []);
  assert.deepEqual(w.errors, []);
  assert.equal(requested[0], `aip-storefront-${version}.js`);
  assert.ok(
    requested.some((f) => f.startsWith('chunks/checkout-')),
    `checkout chunk loaded: ${requested.join(', ')}`,
  );
  assert.ok(!requested.includes('aip-storefront.js'), `requested: ${requested.join(', ')}`);
  assert.deepEqual(requested, [...new Set(requested)], 'a file fetched twice');
  await w.context.close();
});
