// A buyer on the demo creator's site buys licenses end to end: the studio's
// persona page, the platform's hosted checkout page in the overlay, the
// simulated payment and its confirmations, and the License Certificate.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { useDemo } from './harness.js';

const demo = useDemo();

/** The element's own text, whitespace collapsed. */
const textOf = async (page: Page, selector: string) =>
  (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();

/** Fills the checkout like a buyer, pays on the hosted page, waits for the certificate. */
async function checkOut(page: Page, buyer: { name: string; email: string }) {
  const checkout = page.locator('aip-checkout');
  await checkout.getByRole('button', { name: /^Buy / }).click();
  await checkout.getByLabel('Full name').fill(buyer.name);
  await checkout.getByLabel('Email').fill(buyer.email);
  await checkout.getByRole('checkbox').check();
  await checkout.getByRole('button', { name: 'Continue to payment' }).click();

  // The platform's page, in the overlay's frame.
  const hosted = page.frameLocator('aip-checkout iframe');
  await hosted.getByRole('button', { name: /pay/i }).click();
  await checkout.locator('[part~="certificate"] dl').waitFor({ timeout: 15_000 });
  return Object.fromEntries(
    await checkout
      .locator('[part~="certificate"] dl > div')
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('dt')!.textContent!.trim(), r.querySelector('dd')!.textContent!.trim()]),
      ),
  ) as Record<string, string>;
}

/** The days `months` after each of `instants`, formatted, as one pattern (a payment may straddle midnight). */
const daysAfter = (months: number, instants: Date[], format: Intl.DateTimeFormat) =>
  [
    ...new Set(
      instants.map((instant) => {
        const d = new Date(instant);
        d.setUTCMonth(d.getUTCMonth() + months);
        return format.format(d).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }),
    ),
  ].join('|');

/** The day a badge names, `months` after the payment made between `instants`, in the buyer's own time zone. */
const dateIn = (months: number, instants: Date[]) =>
  new RegExp(
    `Exclusively licensed until (${daysAfter(months, instants, new Intl.DateTimeFormat('en', { dateStyle: 'medium' }))})`,
  );

/**
 * A certificate's date `months` after the payment made between `instants`: in UTC, with the time, as the
 * platform's own certificate states it.
 */
const certificateInstant = (months: number, instants: Date[]) => {
  const day = daysAfter(months, instants, new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }));
  return new RegExp(`^(${day}) at \\d{1,2}:\\d{2} [AP]M UTC$`);
};

test('a buyer buys the Exclusive: certificate, then "Exclusively licensed until …" everywhere', async () => {
  const page = await demo().open('/demo/creator/');
  await page.locator('aip-persona-card').filter({ hasText: 'Sana Whitfield' }).locator('button.select').click();
  await page.waitForURL(/persona\.html\?id=sana-whitfield/);

  const picker = page.locator('aip-license-picker');
  await picker.locator('input[value="exclusive"]').check();
  const checkout = page.locator('aip-checkout');
  assert.match(await textOf(page, 'aip-checkout [part~="start-button"]'), /^Buy Exclusive License · \$800$/);

  const completed = page.evaluate(
    () =>
      new Promise<{ license: string; price: { amount: number } }>((resolve) =>
        document.addEventListener('aip-checkout-complete', (e) => resolve(e.detail), { once: true }),
      ),
  );
  const paying = [new Date()];
  const certificate = await checkOut(page, { name: 'Avery Exclusive', email: 'avery@example.com' });
  paying.push(new Date());
  const until = dateIn(12, paying);
  assert.equal(certificate['License'], 'Exclusive License');
  assert.equal(certificate['Licensed to'], 'Avery Exclusive');
  assert.match(certificate['Effective']!, certificateInstant(0, paying));
  assert.match(certificate['Expires']!, certificateInstant(12, paying));
  assert.match(certificate['Certificate ID'], /^cert-/);
  assert.deepEqual(await completed, {
    ...(await completed),
    license: 'exclusive',
    price: { amount: 80000, currency: 'USD' },
  });
  assert.equal(await checkout.locator('dialog[open]').count(), 0, 'the overlay closed');

  // The same page updates without a reload: the badge and the picker.
  await page.locator('aip-persona-detail [part~="badge"]').filter({ hasText: until }).waitFor();
  await picker.locator('[part~="reason"]').filter({ hasText: until }).first().waitFor();
  assert.equal(await picker.locator('input[value="exclusive"]').isDisabled(), true);

  // And the studio's catalog says so too.
  await page.goto(`${demo().url}/demo/creator/`);
  const card = page.locator('aip-persona-card').filter({ hasText: 'Sana Whitfield' });
  await card.locator('[part~="badge"]').filter({ hasText: until }).waitFor();

  // The certificate's page on the platform.
  const id = certificate['Certificate ID'];
  const view = await demo().open(`/certificates/${id}`);
  assert.match(await view.locator('body').innerText(), /Avery Exclusive/);
  await view.close();
  assert.deepEqual(demo().pageErrors, []);
  await page.close();
});

test('another buyer buys a Commercial license and gets a 6-month certificate', async () => {
  // A fresh browser context: another person, another session.
  const context = await demo().browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${demo().url}/demo/creator/persona.html?id=juno-okafor`);
  await page.locator('aip-license-picker input[value="commercial"]').check();
  const paying = [new Date()];
  const certificate = await checkOut(page, { name: 'Blake Commercial', email: 'blake@example.com' });
  paying.push(new Date());
  assert.equal(certificate['License'], 'Commercial License');
  assert.equal(certificate['Licensed to'], 'Blake Commercial');
  assert.match(certificate['Expires']!, certificateInstant(6, paying));
  assert.equal(certificate['Price paid'], '$99');
  await context.close();
});

test('a buyer sends a custom-order brief from the persona page and gets a request number', async () => {
  const page = await demo().open('/demo/creator/persona.html?id=noor-haddad');
  const form = page.locator('aip-custom-order');
  await form.getByRole('radio', { name: 'Seasonal campaign' }).check();
  await form.getByLabel('Goal').fill('Autumn launch of a ceramic mug line, warm and calm.');
  await form.getByLabel('Channel').fill('Instagram');
  await form.getByLabel('Number of deliverables').fill('6');
  await form.getByRole('checkbox', { name: '4:5' }).check();
  await form.getByRole('checkbox', { name: '9:16' }).check();
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Deadline').fill(deadline);
  await form.getByLabel('Budget (US dollars)').fill('450');
  await form.getByLabel('Your name').fill('Casey Brief');
  await form.getByLabel('Your email').fill('casey@example.com');
  const submitted = page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.addEventListener('aip-custom-order-submitted', (e) => resolve(e.detail.id), { once: true }),
      ),
  );
  await form.getByRole('button', { name: 'Send brief' }).click();
  const id = await submitted;
  assert.match(id, /^co-[a-z2-7]{8}$/);
  assert.equal((await form.locator('[part~="request-number"]').innerText()).trim(), id);
  assert.deepEqual(demo().pageErrors, []);
  await page.close();
});

/**
 * A site builder's page on `builderOrigin` frames the demo persona page; a buyer chooses the Commercial tier and
 * fills the checkout up to "Continue to payment". Returns the page, its context and the framed checkout.
 */
async function framedCheckout(builderOrigin: string, persona: string, buyer: { name: string; email: string }) {
  const context = await demo().browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const embedded = `${demo().url}/demo/creator/persona.html?id=${persona}`;
  await page.goto(`${builderOrigin}/e2e/fixtures/site-builder.html?src=${encodeURIComponent(embedded)}`);
  const framed = page.frameLocator('iframe');
  await framed.locator('aip-license-picker input[value="commercial"]').check();
  const checkout = framed.locator('aip-checkout');
  await checkout.getByRole('button', { name: /^Buy / }).click();
  await checkout.getByLabel('Full name').fill(buyer.name);
  await checkout.getByLabel('Email').fill(buyer.email);
  await checkout.getByRole('checkbox').check();
  return { context, checkout };
}

test("a creator's page framed by another site (a site builder's embed block) pays in a popup, not an overlay the payment page refuses", async () => {
  // The builder's page, served on this machine's other loopback name: another origin.
  const builder = demo().url.replace('127.0.0.1', 'localhost');
  const { context, checkout } = await framedCheckout(builder, 'noor-haddad', {
    name: 'Frankie Framed',
    email: 'frankie@example.com',
  });
  const popup = context.waitForEvent('page');
  await checkout.getByRole('button', { name: 'Continue to payment' }).click();
  const hosted = await popup;
  assert.equal(await checkout.locator('iframe').count(), 0, 'no overlay frame');
  await hosted.getByRole('button', { name: /pay/i }).click();
  await checkout.locator('[part~="certificate"] dl').waitFor({ timeout: 15_000 });
  assert.match(await checkout.locator('[part~="certificate"]').innerText(), /Frankie Framed/);
  await context.close();
});

test('a creator page framed by its own site keeps the overlay', async () => {
  const { context, checkout } = await framedCheckout(demo().url, 'juno-okafor', {
    name: 'Sam Sameorigin',
    email: 'sam@example.com',
  });
  let popups = 0;
  context.on('page', () => popups++);
  await checkout.getByRole('button', { name: 'Continue to payment' }).click();
  await checkout.locator('dialog[open] iframe').waitFor();
  await checkout.frameLocator('dialog[open] iframe').getByRole('button', { name: /pay/i }).click();
  await checkout.locator('[part~="certificate"] dl').waitFor({ timeout: 15_000 });
  assert.equal(popups, 0);
  await context.close();
});
