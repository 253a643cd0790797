import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemo } from './harness.js';

const demo = useDemo();

test("the creator's site shows the studio's published personas as cards", async () => {
  const page = await demo().open('/demo/creator/');
  const api = await page.evaluate(async () => (await fetch('/v1/catalog?creator=nova-studio&limit=8')).json());
  const expected: string[] = api.items.map((p: { name: string }) => p.name);
  assert.ok(expected.length >= 8, 'the seed gives Nova Studio at least 8 personas');

  // Playwright locators pierce shadow roots: find the cards as a buyer sees them.
  const titles = page.locator('aip-catalog aip-persona-card [part="title"]');
  await titles.nth(expected.length - 1).waitFor();
  assert.deepEqual(
    (await titles.allInnerTexts()).map((t) => t.trim()),
    expected,
  );

  const firstCard = page.locator('aip-persona-card').first();
  assert.match(await firstCard.locator('[part="meta"]').innerText(), /Nova Studio/);
  assert.match(await firstCard.locator('[part="disclosure"]').innerText(), /AI-generated/);
  assert.deepEqual(demo().pageErrors, []);
  await page.close();
});

test('a buyer can reach the cards by keyboard, move between them with the arrows and choose one', async () => {
  const page = await demo().open('/demo/creator/');
  await page.locator('aip-persona-card [part="title"]').first().waitFor();
  const secondName = (await page.locator('aip-persona-card [part="title"]').nth(1).innerText()).trim();
  const chosen = page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.addEventListener('aip-select', (e) => resolve(e.detail.persona.name), { once: true }),
      ),
  );
  // Tab past the site's links and the catalog's search and filters until focus lands on the first card.
  const onCard = () =>
    page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.classList.contains('select') ?? false;
    });
  for (let i = 0; i < 20 && !(await onCard()); i++) await page.keyboard.press('Tab');
  assert.ok(await onCard(), 'focus reached the first card');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.equal(await chosen, secondName);
  // The studio's handler takes the buyer to its own persona page.
  await page.waitForURL(/persona\.html\?id=/);
  // The detail's own heading (the checkout and custom-order elements in its slots have titles too).
  const title = page.locator('aip-persona-detail h1[part="title"]');
  await title.waitFor();
  assert.equal((await title.innerText()).trim(), secondName);
  await page.close();
});

test('choosing a card opens the studio persona page, where the buyer picks a tier', async () => {
  const page = await demo().open('/demo/creator/');
  const card = page.locator('aip-persona-card').filter({ hasText: 'Mara Lindqvist' });
  await card.locator('button.select').click();
  await page.waitForURL(/persona\.html\?id=mara-lindqvist/);
  // The tab (and a bookmark) names the persona shown.
  await page.waitForFunction(() => document.title === 'Mara Lindqvist: Nova Studio');

  const picker = page.locator('aip-license-picker');
  await picker.locator('input[value="commercial"]').waitFor();
  const offers = await page.evaluate(async () => (await (await fetch('/v1/personas/mara-lindqvist')).json()).offers);
  const prices = await picker.locator('[part="price"]').allInnerTexts();
  const format = (cents: number) =>
    new Intl.NumberFormat('en', {
      style: 'currency',
      currency: 'USD',
      maximumFractionDigits: cents % 100 ? 2 : 0,
    }).format(cents / 100);
  assert.deepEqual(
    prices,
    offers.map((o: { price: { amount: number } }) => format(o.price.amount)),
  );

  await picker.locator('input[value="commercial"]').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await picker.evaluate((el: HTMLElement & { value: string }) => el.value), 'exclusive');
  assert.deepEqual(demo().pageErrors, []);
  await page.close();
});

test('the persona page with no persona named sends the visitor back to the list', async () => {
  for (const query of ['', '?id=', '?id=%20']) {
    const page = await demo().open(`/demo/creator/persona.html${query}`);
    await page.waitForURL(/\/demo\/creator\/#personas$/);
    await page.locator('aip-catalog aip-persona-card [part="title"]').first().waitFor();
    await page.close();
  }
});
