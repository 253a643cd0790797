// A buyer whose browser goes offline: the failed load says so, and says it
// will load again by itself, which it then does once the browser is back
// online. (Chromium's offline mode from the test runner would cut the runner's
// own connection to its page, so this lives here, with Playwright's.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemo } from './harness.js';

const demo = useDemo();

test('offline, a failed search says the buyer is offline and runs again once back online', async () => {
  const page = await demo().open('/demo/creator/');
  const titles = page.locator('aip-catalog aip-persona-card [part="title"]');
  await titles.first().waitFor();

  await page.context().setOffline(true);
  await page.locator('aip-catalog [part="search"]').fill('Noor');
  const failure = page.locator('aip-catalog [part="status"][role="alert"]');
  await failure.waitFor({ timeout: 20_000 });
  const text = await failure.innerText();
  assert.match(text, /could not be loaded/);
  assert.match(text, /You're offline\. This will load again as soon as you're back online\./);
  assert.doesNotMatch(text, /Check your connection/);

  await page.context().setOffline(false);
  await failure.waitFor({ state: 'detached' });
  await titles.first().waitFor();
  assert.deepEqual(
    (await titles.allInnerTexts()).map((t) => t.trim()),
    ['Noor Haddad'],
    'the search the buyer typed offline is the one shown',
  );
  // Offline, the browser reports each failed request; nothing else went wrong on the page.
  assert.deepEqual(
    demo().pageErrors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED')),
    [],
  );
  await page.close();
});

test('offline, a checkout that could not get its price says the buyer is offline, not a URL or the client’s words', async () => {
  const page = await demo().open('/demo/creator/persona.html?id=noor-haddad');
  await page.locator('aip-license-picker input[value="commercial"]').check();
  const checkout = page.locator('aip-checkout');
  await checkout.locator('[part~="start-button"]').click();
  await checkout.locator('#buyer-name').fill('Robin Example');
  await checkout.locator('#buyer-email').fill('robin@example.com');
  await checkout.locator('#agree').check();

  await page.context().setOffline(true);
  await checkout.locator('[part~="submit-button"]').click();
  const problem = checkout.locator('[role="alert"]').filter({ hasText: "couldn't get the price" });
  await problem.waitFor({ timeout: 20_000 });
  assert.match(await problem.innerText(), /We couldn't get the price for this license \(you're offline\)\./);
  await page.context().setOffline(false);
  await page.close();
});
