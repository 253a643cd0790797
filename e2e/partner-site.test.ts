import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settled, useDemo } from './harness.js';

const demo = useDemo();

test('the partner site shows listings from several creators, cheapest first, in its own colours', async () => {
  const page = await demo().open('/demo/partner/');
  const titles = page.locator('aip-catalog aip-persona-card [part="title"]');
  await titles.nth(11).waitFor();
  const creators = new Set(
    (await page.locator('aip-persona-card [part="meta"]').allInnerTexts()).map((t) =>
      t.replace(/^by (.*) · .*$/, '$1'),
    ),
  );
  assert.ok(creators.size >= 3, `cards from ${creators.size} creators`);

  const api = await page.evaluate(async () => (await fetch('/v1/catalog?sort=price_asc&limit=12')).json());
  assert.deepEqual(
    (await titles.allInnerTexts()).map((t) => t.trim()),
    api.items.map((p: { name: string }) => p.name),
  );

  // The partner's brand colour reaches the "Show more" button through the tokens.
  const background = await page
    .locator('aip-catalog [part="more"]')
    .evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(background, 'rgb(184, 64, 31)');
  assert.deepEqual(demo().pageErrors, []);
  await page.close();
});

test('choosing a card on the partner site opens the persona in a dialog, and Escape returns to the card', async () => {
  const page = await demo().open('/demo/partner/');
  const first = page.locator('aip-catalog aip-persona-card').first();
  const name = (await first.locator('[part="title"]').innerText()).trim();
  await first.locator('button.select').click();
  const detail = page.locator('aip-catalog aip-persona-detail');
  // The detail's heading is the persona's name (its checkout and brief have headings of their own).
  await detail.getByRole('heading', { name, exact: true }).waitFor();
  // The tiers can be chosen right there.
  await detail.locator('aip-license-picker input[value="commercial"]').waitFor();
  await page.keyboard.press('Escape');
  // Closed, and out of sight (it stays in the closed dialog, keeping anything typed in it).
  await detail.waitFor({ state: 'hidden' });
  assert.equal(await page.locator('aip-catalog dialog[open]').count(), 0);
  // Where focus is once the dialog has given it back (it may move on a task after the close).
  const focusedText = () => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.textContent?.trim();
  };
  const focused = await settled(
    () => page.evaluate(focusedText),
    (text) => text === name,
  );
  assert.equal(focused, name);
  assert.deepEqual(demo().pageErrors, []);
  await page.close();
});
