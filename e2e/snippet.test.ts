// The embed builder: a creator's choices become a snippet of at most three
// lines, the preview is that snippet running, and "Copy" puts it on the clipboard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemo } from './harness.js';

const demo = useDemo();

test('a creator picks a card, a theme and German, sees it live and copies a 2-line snippet', async () => {
  const context = await demo().browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo().url });
  const page = await context.newPage();
  await page.goto(`${demo().url}/demo/snippet/`);
  await page.getByLabel('Your creator handle').fill('nova-studio');
  await page.getByLabel("One persona's card").check();
  await page.getByLabel('Persona', { exact: true }).selectOption({ label: 'Noor Haddad' });
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel('Language and formats').selectOption('de-DE');

  const snippet = await page.locator('#snippet').innerText();
  const lines = snippet.split('\n');
  assert.equal(lines.length, 2, snippet);
  // The versioned loader, which a page can cache for good.
  assert.match(lines[0], /^<script type="module" src="[^"]+\/aip-storefront-\d+\.\d+\.\d+\.js"><\/script>$/);
  assert.match(lines[1], /creator="nova-studio"/);
  assert.match(lines[1], /theme="dark"/);
  assert.match(lines[1], /locale="de-DE"/);
  assert.match(lines[1], /<aip-persona-card persona="noor-haddad"><\/aip-persona-card>/);

  // The preview runs the same markup against the marketplace, a moment after the last choice (each choice on the
  // way may have been previewed too, if the test was slow between them).
  await page.waitForFunction(() =>
    ['persona="noor-haddad"', 'theme="dark"', 'locale="de-DE"'].every((a) =>
      document.getElementById('preview')!.dataset.markup?.includes(a),
    ),
  );
  const card = page.locator('#preview aip-persona-card');
  await card.locator('[part="title"]').waitFor();
  assert.equal((await card.locator('[part="title"]').innerText()).trim(), 'Noor Haddad');
  const price = await card.locator('[part="price-amount"]').innerText();
  assert.match(price, /49\s\$/, `German money format: ${price}`);

  await page.getByRole('button', { name: 'Copy snippet' }).click();
  await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate('navigator.clipboard.readText()'), snippet);
  await context.close();
});

test('a brand example adds a third line, and the preview shows exactly its tokens', async () => {
  const page = await demo().open('/demo/snippet/');
  await page.getByLabel('Theme').selectOption('forest');
  const snippet = await page.locator('#snippet').innerText();
  assert.equal(snippet.split('\n').length, 3);
  const style = /^<style>aip-storefront\{(.*)\}<\/style>$/.exec(snippet.split('\n')[2])?.[1] ?? '';
  assert.match(style, /^--aip-color-accent:#1f5f3f;/);
  // Every token the preview uses is in the copied line, and no other (the preview takes them a moment later).
  await page.waitForFunction(() =>
    document.querySelector<HTMLElement>('#preview aip-storefront')?.style.getPropertyValue('--aip-color-accent'),
  );
  const previewed = await page.locator('#preview aip-storefront').getAttribute('style');
  const tokens = (css: string) =>
    css
      .split(';')
      .map((d) => d.replace(/\s/g, ''))
      .filter(Boolean)
      .sort();
  assert.deepEqual(tokens(previewed ?? ''), tokens(style));
  await page.close();
});

test('a bad handle, or one with no personas, is explained and leaves nothing to copy', async () => {
  const page = await demo().open('/demo/snippet/');
  const copy = page.getByRole('button', { name: 'Copy snippet' });
  await page.getByLabel('Your creator handle').fill('Nova Studio!');
  await page.getByText('A handle uses lower-case letters, digits and hyphens only.').waitFor();
  assert.equal(await page.getByLabel('Your creator handle').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#snippet').innerText(), '', "no snippet for another creator's catalog");
  assert.equal(await copy.isDisabled(), true);

  await page.getByLabel('Your creator handle').fill('nobody-here');
  await page.getByLabel('Your creator handle').blur();
  await page.getByLabel("One persona's card").check();
  await page.getByText('No published personas for "nobody-here" yet.').waitFor();
  assert.equal(await page.locator('#snippet').innerText(), '', 'no card without a persona');
  assert.equal(await copy.isDisabled(), true);
  await page.close();
});

test('each choice of what to show reads beside its radio button, on a wide screen and a phone', async () => {
  for (const width of [1280, 375]) {
    const context = await demo().browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${demo().url}/demo/snippet/`);
    const apart = await page.locator('fieldset label').evaluateAll((labels) =>
      labels
        .map((label) => {
          const radio = label.querySelector('input')!.getBoundingClientRect();
          // The first line of the label's words.
          const range = document.createRange();
          range.selectNodeContents(label);
          range.setStartAfter(label.querySelector('input')!);
          const line = range.getClientRects()[0]!;
          const beside = line.left >= radio.right && line.top < radio.bottom && line.bottom > radio.top;
          return beside ? null : (label.textContent ?? '').trim();
        })
        .filter((text) => text !== null),
    );
    assert.deepEqual(apart, [], `at ${width} px, these start away from their radio button`);
    await context.close();
  }
});

test('a pasted profile address or capitals give the handle; a bad one clears the preview and greys Copy', async () => {
  const page = await demo().open('/demo/snippet/');
  const handle = page.getByLabel('Your creator handle');
  await handle.fill('https://marketplace.example/creators/Nova-Studio?ref=share#personas');
  await page.waitForFunction(() => document.getElementById('snippet')!.textContent!.includes('creator="nova-studio"'));
  await page.locator('#preview aip-persona-card').first().waitFor();

  const copy = page.getByRole('button', { name: 'Copy snippet' });
  const colour = () => copy.evaluate((b) => getComputedStyle(b).backgroundColor);
  const enabled = await colour();
  await handle.fill('Nova Studio!');
  await page.getByText('The preview shows once the handle is valid.').waitFor();
  assert.equal(await page.locator('#preview aip-storefront').count(), 0, "no other creator's catalog stays up");
  assert.equal(await copy.isDisabled(), true);
  assert.notEqual(await colour(), enabled, 'a disabled Copy looks disabled');
  await handle.fill('');
  await page.getByText('Enter your creator handle.').waitFor();
  await page.close();
});

test("a card chosen right after typing another handle is one of that creator's, and one for sale", async () => {
  const page = await demo().open('/demo/snippet/');
  const handle = page.getByLabel('Your creator handle');
  await handle.fill('lumen-foundry');
  await page.getByLabel("One persona's card").check();
  await page.waitForFunction(() => !(document.getElementById('copy') as HTMLButtonElement).disabled);
  // Nova Studio's first persona by name is exclusively licensed: the menu starts at one for sale.
  const catalog = await page.evaluate(async () =>
    (await fetch('/v1/catalog?creator=nova-studio&limit=100&sort=name')).json(),
  );
  assert.notEqual(catalog.items[0].availability, 'open', 'the seed still has a first persona not for sale');
  // Until the menu holds this creator's personas, there is nothing to copy: read in the same task as the typing,
  // since the menu may hold them by the time a separate read arrives.
  const disabledAtOnce = await handle.evaluate((input: HTMLInputElement) => {
    input.value = 'nova-studio';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return (document.getElementById('copy') as HTMLButtonElement).disabled;
  });
  assert.equal(disabledAtOnce, true);
  await page.waitForFunction(() => !(document.getElementById('copy') as HTMLButtonElement).disabled);
  const chosen = /persona="([^"]+)"/.exec(await page.locator('#snippet').innerText())![1];
  const listing = catalog.items.find((p: { id: string }) => p.id === chosen);
  assert.ok(listing, `${chosen} is one of nova-studio's personas`);
  assert.equal(listing.availability, 'open');
  const first = page.getByLabel('Persona', { exact: true }).locator('option').first();
  assert.match(await first.innerText(), /\(not for sale now\)$/);
  await page.close();
});

test('a card for a handle with no personas says so in the preview, not that it is loading', async () => {
  const page = await demo().open('/demo/snippet/');
  await page.getByLabel("One persona's card").check();
  await page.getByLabel('Your creator handle').fill('nobody-here');
  await page.getByText('No persona to show: this handle has no published personas at this content rating.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Copy snippet' }).isDisabled(), true);
  await page.close();
});

test('a page size out of range says so, and the snippet keeps the default', async () => {
  const page = await demo().open('/demo/snippet/');
  await page.getByLabel('Cards per page').fill('0');
  await page.getByText('Choose a whole number from 1 to 100; the snippet uses 12.').waitFor();
  assert.equal(await page.getByLabel('Cards per page').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#snippet').innerText(), /page-size="12"/);
  await page.getByLabel('Cards per page').fill('24');
  assert.match(await page.locator('#snippet').innerText(), /page-size="24"/);
  assert.equal(await page.getByLabel('Cards per page').getAttribute('aria-invalid'), 'false');
  await page.close();
});

test('a creator whose personas are all rated lets them in with "Content shown", and the snippet says so', async () => {
  const page = await demo().open('/demo/snippet/');
  await page.getByLabel("One persona's card").check();
  await page.getByLabel('Your creator handle').fill('velvet-hour');
  // At the default, general audiences only, the builder says why the menu is empty.
  await page.getByText('"velvet-hour" has published personas, all rated above what "Content shown" lets in.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Copy snippet' }).isDisabled(), true);

  await page.getByLabel('Content shown').selectOption('explicit');
  await page.waitForFunction(() => !(document.getElementById('copy') as HTMLButtonElement).disabled);
  const names = await page.getByLabel('Persona', { exact: true }).locator('option').allInnerTexts();
  const rated = await page.evaluate(async () =>
    (await fetch('/v1/catalog?creator=velvet-hour&rating=explicit&limit=100')).json(),
  );
  assert.equal(names.length, rated.items.length);
  assert.ok(names.length > 0);
  const line = (await page.locator('#snippet').innerText()).split('\n')[1];
  assert.match(line, /<aip-storefront [^>]*creator="velvet-hour" max-rating="explicit"[^>]*>/);
  // The preview runs it: the card is there, its image covered until the visitor confirms 18+.
  await page.locator('#preview aip-persona-card [part="rating-cover"]').waitFor();
  await page.close();
});
