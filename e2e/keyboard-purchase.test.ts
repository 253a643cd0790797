// The whole purchase by keyboard alone, on the demo creator site: browse the
// catalog, open a persona, choose a tier, check out, pay on the platform's
// hosted page in the overlay, read the certificate. Focus is checked at every
// step: it is always somewhere meaningful, dialogs take it and give it back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { settled, useDemo } from './harness.js';

const demo = useDemo();

interface Focus {
  /** Path of hosts from the document down: e.g. ['aip-checkout', 'input#buyer-name']. */
  path: string[];
  /** The focused element's accessible text (value, label or text). */
  text: string;
}

/** Where focus is, through shadow roots (an iframe counts as the focused element in the page). */
async function focus(page: Page): Promise<Focus> {
  // A string, not a function: the test's compiler would add helpers the page doesn't have.
  return page.evaluate(`(() => {
    const path = [];
    let el = document.activeElement;
    while (el) {
      const part = el.getAttribute('part');
      path.push(el.localName + (el.id ? '#' + el.id : '') + (part ? '[part=' + part + ']' : ''));
      const inner = el.shadowRoot ? el.shadowRoot.activeElement : null;
      if (!inner) break;
      el = inner;
    }
    const text = (el && (el.value || el.getAttribute('aria-label') || el.textContent)) || '';
    return { path, text: text.replace(/\\s+/g, ' ').trim() };
  })()`);
}

/** Presses Tab until `match` says focus arrived, failing if focus is ever lost to <body> or never arrives. */
async function tabTo(page: Page, what: string, match: (f: Focus) => boolean, max = 40, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    const now = await focus(page);
    if (match(now)) return now;
    await page.keyboard.press(key);
    const after = await focus(page);
    assert.notDeepEqual(after.path, ['body'], `focus was lost to <body> on the way to ${what}`);
  }
  assert.fail(`Tab never reached ${what}; focus is at ${(await focus(page)).path.join(' > ')}`);
}

const last = (f: Focus) => f.path.at(-1) ?? '';

test('browse, choose a tier, check out, pay and read the certificate, by keyboard only', async () => {
  const page = await demo().open('/demo/creator/');
  await page.locator('aip-persona-card [part="title"]').first().waitFor();

  // The grid is one Tab stop; the arrow keys move between cards.
  await tabTo(
    page,
    'the first card',
    (f) => last(f).startsWith('button') && f.path.some((p) => p.startsWith('aip-persona-card')),
  );
  await tabTo(page, 'Noor Haddad', (f) => f.text.includes('Noor Haddad'), 12, 'ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForURL(/persona\.html\?id=noor-haddad/);
  await page.locator('aip-license-picker input[value="commercial"]').waitFor();

  // The picker is a radio group: Tab into it lands on a tier, Space chooses it.
  await tabTo(page, 'the Commercial tier', (f) => last(f).startsWith('input#tier-commercial'));
  await page.keyboard.press('Space');
  const picked = await page.locator('aip-license-picker').evaluate((el: HTMLElement & { value: string }) => el.value);
  assert.equal(picked, 'commercial');

  // The checkout follows the picker; its Buy button is the next stop after the picker's links and compare button.
  await tabTo(page, 'the Buy button', (f) => last(f).includes('start-button'));
  await page.keyboard.press('Enter');
  const atForm = await focus(page);
  assert.ok(
    last(atForm).startsWith('input#buyer-name'),
    `the form takes focus at its first field: ${atForm.path.join(' > ')}`,
  );
  await page.keyboard.type('Kim Keyboard');
  await page.keyboard.press('Tab');
  assert.ok(last(await focus(page)).startsWith('input#buyer-email'));
  await page.keyboard.type('kim@example.com');
  await tabTo(page, 'the agreement checkbox', (f) => last(f).startsWith('input#agree'));
  await page.keyboard.press('Space');
  await tabTo(page, 'Continue to payment', (f) => last(f).includes('submit-button'));
  await page.keyboard.press('Enter');

  // The overlay is modal: focus moves into it, and Tab stays inside (its Close button, then the hosted page).
  const dialog = page.locator('aip-checkout dialog[open]');
  await dialog.waitFor();
  const inDialog = await focus(page);
  assert.ok(
    inDialog.path.some((p) => p.startsWith('aip-checkout')),
    `focus moved into the overlay: ${inDialog.path.join(' > ')}`,
  );
  const hosted = page.frameLocator('aip-checkout iframe');
  const pay = hosted.getByRole('button', { name: /pay/i });
  await pay.waitFor();
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    const now = await focus(page);
    assert.ok(
      now.path.some((p) => p.startsWith('aip-checkout')) || last(now).startsWith('iframe'),
      `Tab left the modal overlay: ${now.path.join(' > ')}`,
    );
    reached = await pay.evaluate((button) => button === document.activeElement);
  }
  assert.ok(reached, 'Tab reached the hosted page’s pay button');
  await page.keyboard.press('Enter');

  // Paid: the overlay closes by itself and focus goes to the certificate's heading.
  const certificate = page.locator('aip-checkout [part~="certificate"]');
  await certificate.locator('dl').waitFor({ timeout: 15_000 });
  assert.equal(await dialog.count(), 0);
  const onCertificate = await settled(
    () => focus(page),
    (f) => last(f).startsWith('h3#certificate-title'),
  );
  assert.ok(
    last(onCertificate).startsWith('h3#certificate-title'),
    `focus is on the certificate: ${onCertificate.path.join(' > ')}`,
  );
  assert.match(await certificate.innerText(), /Licensed to\s+Kim Keyboard/);

  // And on from there: the certificate link is reachable.
  await tabTo(page, 'the certificate link', (f) => f.text === 'View the certificate');
  assert.deepEqual(demo().pageErrors, []);
  await page.close();
});

test('Escape closes the payment overlay and gives focus back; the order waits and can be reopened', async () => {
  const page = await demo().open('/demo/creator/persona.html?id=owen-castillo');
  await page.locator('aip-license-picker input[value="commercial"]').waitFor();
  await page.locator('aip-license-picker input[value="commercial"]').check();
  const checkout = page.locator('aip-checkout');
  await checkout.getByRole('button', { name: /^Buy / }).click();
  await checkout.getByLabel('Full name').fill('Esc Ape');
  await checkout.getByLabel('Email').fill('esc@example.com');
  await checkout.getByRole('checkbox').check();
  await checkout.getByRole('button', { name: 'Continue to payment' }).press('Enter');
  await checkout.locator('dialog[open]').waitFor();
  await page.keyboard.press('Escape');
  await checkout
    .locator('dialog[open]')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  assert.equal(await checkout.locator('dialog[open]').count(), 0, 'Escape closed the overlay');
  const back = await settled(
    () => focus(page),
    (f) => f.text === 'Return to payment',
  );
  assert.equal(back.text, 'Return to payment', `focus came back to the way in: ${back.path.join(' > ')}`);
  await page.keyboard.press('Enter');
  await checkout.locator('dialog[open]').waitFor();
  await page.close();
});
