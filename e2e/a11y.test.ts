// axe-core on the demo pages as a buyer meets them: every step of browsing and
// buying, at desktop width, at 200 % zoom and on a 320 px wide screen. The
// demo sites are light-only brands (their colours override the tokens), so the
// dark token set is checked on a neutral dark page in test/dark-theme.test.ts;
// the elements' own tests run axe on each state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { useDemo } from './harness.js';

const demo = useDemo();
// Evaluated rather than added as a <script>: the platform's pages forbid inline scripts (CSP).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe (WCAG 2.0–2.2 A and AA rules) on the page; returns readable violations. */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      iframes: false,
    }).then((r) => r.violations)`,
  )) as Violation[];
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

interface View {
  name: string;
  width: number;
  height: number;
  /** CSS zoom as a device scale: 200 % zoom is half the CSS width at twice the scale. */
  scale: number;
}

const VIEWS: View[] = [
  { name: 'desktop, light', width: 1280, height: 900, scale: 1 },
  { name: '200 % zoom', width: 640, height: 450, scale: 2 },
  { name: '320 px wide', width: 320, height: 640, scale: 1 },
];

/** The steps of a visit, each leaving the page in a state worth checking. */
const STEPS: { name: string; path: string; act?: (page: Page) => Promise<void> }[] = [
  {
    name: 'creator catalog',
    path: '/demo/creator/',
    act: async (page) => {
      await page.locator('aip-persona-card [part="title"]').first().waitFor();
    },
  },
  {
    name: 'persona page with a tier chosen',
    path: '/demo/creator/persona.html?id=noor-haddad',
    act: async (page) => {
      await page.locator('aip-license-picker input[value="commercial"]').check();
      await page.locator('aip-checkout [part~="start-button"]').waitFor();
    },
  },
  {
    name: 'checkout form with its errors shown',
    path: '/demo/creator/persona.html?id=noor-haddad',
    act: async (page) => {
      await page.locator('aip-license-picker input[value="commercial"]').check();
      await page.locator('aip-checkout [part~="start-button"]').click();
      await page.locator('aip-checkout [part~="submit-button"]').click();
      await page.locator('aip-checkout [part~="field-error"]').first().waitFor();
    },
  },
  {
    name: 'custom-order brief with its errors shown',
    path: '/demo/creator/persona.html?id=noor-haddad',
    act: async (page) => {
      await page.locator('aip-custom-order [part~="submit-button"]').click();
      await page.locator('aip-custom-order [part~="field-error"]').first().waitFor();
    },
  },
  {
    name: 'partner catalog with the detail dialog open',
    path: '/demo/partner/',
    act: async (page) => {
      await page.locator('aip-persona-card button.select').first().click();
      await page.locator('aip-catalog dialog[open] aip-persona-detail [part~="creator-name"]').waitFor();
    },
  },
  {
    name: 'embed builder with a rated card in its preview',
    path: '/demo/snippet/',
    act: async (page) => {
      await page.getByLabel("One persona's card").check();
      await page.getByLabel('Your creator handle').fill('velvet-hour');
      await page.getByLabel('Content shown').selectOption('suggestive');
      await page.locator('#preview aip-persona-card [part="rating-cover"]').waitFor();
    },
  },
];

for (const view of VIEWS) {
  test(`axe finds no WCAG 2.2 A/AA violations on the demo pages: ${view.name}`, async () => {
    const context = await demo().browser.newContext({
      viewport: { width: view.width, height: view.height },
      deviceScaleFactor: view.scale,
    });
    const found: string[] = [];
    try {
      for (const step of STEPS) {
        const page = await context.newPage();
        await page.goto(demo().url + step.path);
        await step.act?.(page);
        for (const violation of await axe(page)) found.push(`${step.name}: ${violation}`);
        await page.close();
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(found, []);
  });
}

test('the platform pages a buyer passes through (hosted checkout, certificate) are axe clean', async () => {
  // Two orders from Node: one left waiting for payment, one paid through the sandbox.
  const post = async (path: string, body: unknown, key?: string) =>
    (
      await fetch(demo().url + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
        body: JSON.stringify(body),
      })
    ).json();
  const buyer = { email: 'ally@example.com', name: 'Ally Axe' };
  const acceptedAgreement = { license: 'commercial', version: '2026-03-18' };
  const orderFor = async (key: string) => {
    const quote = await post('/v1/quotes', { personaId: 'noor-haddad', license: 'commercial' });
    return post('/v1/orders', { quoteId: quote.id, buyer, acceptedAgreement }, key);
  };
  const order = (await orderFor(`axe-waiting-${Date.now()}`)).id as string;
  const paid = await orderFor(`axe-paid-${Date.now()}`);
  const certificate = (await post(`/v1/sandbox/orders/${paid.id}/pay`, {})).certificateId as string;
  const page = await demo().open('/demo/creator/');
  const found: string[] = [];
  for (const path of [`/checkout/${order}`, `/certificates/${certificate}`]) {
    await page.goto(demo().url + path);
    for (const violation of await axe(page)) found.push(`${path}: ${violation}`);
  }
  assert.deepEqual(found, []);
  await page.close();
});

test('prefers-reduced-motion removes motion: no smooth gallery scrolling, no transitions', async () => {
  const motion = async (reducedMotion: 'reduce' | 'no-preference') => {
    const context = await demo().browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion });
    const page = await context.newPage();
    await page.goto(`${demo().url}/demo/creator/persona.html?id=noor-haddad`);
    const track = page.locator('aip-persona-detail [part="track"]');
    await track.waitFor();
    const scroll = await track.evaluate((el) => getComputedStyle(el).scrollBehavior);
    const card = page.locator('aip-license-picker [part~="tier"]').first();
    const transition = await card.evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration) || 0);
    await context.close();
    return { scroll, transition };
  };
  const still = await motion('reduce');
  const moving = await motion('no-preference');
  assert.equal(moving.scroll, 'smooth', 'the gallery glides when motion is welcome');
  assert.ok(moving.transition > 0, 'tier cards animate when motion is welcome');
  assert.equal(still.scroll, 'auto', 'no smooth scrolling with reduced motion');
  assert.ok(still.transition <= 0.0001, `no transition with reduced motion (${still.transition}s)`);
});
