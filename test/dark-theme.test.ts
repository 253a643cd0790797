/**
 * The dark token set, as a partner with a dark site uses it: `theme="dark"` on
 * the storefront, on a dark page. axe (colour contrast included) on each
 * element in the states a buyer meets, and the colours actually applied.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { DARK_TOKENS } from '../src/styles/tokens.js';
import { backdrop, contrast, rgba } from './paint.js';

/** Every element matching `selector` in `root` and in every shadow root below it. */
function all(root: Element | ShadowRoot, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...all(el.shadowRoot, selector));
  return found;
}

/** `host inner`: an element matching `inner` somewhere inside an element matching `host` (through shadow roots). */
function deep(root: Element, selector: string): Element | null {
  const [host, ...rest] = selector.split(' ');
  const inner = rest.join(' ');
  for (const el of all(root, host)) {
    const hit = all(el.shadowRoot ?? el, inner)[0];
    if (hit) return hit;
  }
  return null;
}

async function darkPage(content: unknown) {
  return fixture<HTMLElement>(
    html`<div style="background: #121217; color: #ececf1; color-scheme: dark; padding: 16px">
      <aip-storefront theme="dark">${content}</aip-storefront>
    </div>`,
  );
}

const until = (page: HTMLElement, selector: string) =>
  waitUntil(() => deep(page, selector), `no ${selector}`, { timeout: 8000 });

describe('dark theme', function () {
  this.timeout(20_000);

  it('a catalog of cards is axe clean, in the dark colours', async () => {
    const page = await darkPage(html`<aip-catalog page-size="6"></aip-catalog>`);
    await until(page, 'aip-persona-card [part="title"]');
    await expect(page).to.be.accessible();
    const title = deep(page, 'aip-persona-card [part="title"]')!;
    const expected = DARK_TOKENS['--aip-color-text']!;
    const probe = document.createElement('span');
    probe.style.color = expected;
    document.body.append(probe);
    const want = getComputedStyle(probe).color;
    probe.remove();
    expect(getComputedStyle(title).color).to.equal(want);
  });

  it("placeholders in the catalog's search and the brief's fields are readable on the dark fields (4.5:1)", async () => {
    // axe does not check placeholder text: measured here, as painted.
    const page = await darkPage(
      html`<aip-catalog page-size="2"></aip-catalog><aip-custom-order persona="noor-haddad"></aip-custom-order>`,
    );
    await until(page, 'aip-catalog [part="search"]');
    await until(page, 'aip-custom-order input[placeholder]');
    const fields = all(page, 'input[placeholder]');
    expect(fields.length, 'the search and the brief both have placeholders').to.be.at.least(2);
    const low = fields
      .map((f) => ({
        id: f.id || f.getAttribute('part'),
        ratio: contrast(rgba(getComputedStyle(f, '::placeholder').color), backdrop(f)),
      }))
      .filter((f) => f.ratio < 4.5)
      .map((f) => `${f.id}: ${f.ratio.toFixed(2)}:1`);
    expect(low).to.deep.equal([]);
  });

  it('a persona in full, with the picker, checkout and custom-order brief, is axe clean', async () => {
    const page = await darkPage(
      html`<aip-persona-detail persona="noor-haddad">
        <aip-checkout slot="checkout" persona="noor-haddad" license="commercial"></aip-checkout>
        <aip-custom-order slot="custom-order" persona="noor-haddad"></aip-custom-order>
      </aip-persona-detail>`,
    );
    await until(page, 'aip-license-picker [part~="price"]');
    await until(page, 'aip-checkout [part~="start-button"]');
    await until(page, 'aip-custom-order [part~="submit-button"]');
    await expect(page).to.be.accessible();
  });

  it('the checkout and custom-order forms with their errors shown are axe clean', async () => {
    const page = await darkPage(
      html`<aip-checkout persona="noor-haddad" license="commercial"></aip-checkout>
        <aip-custom-order persona="noor-haddad"></aip-custom-order>`,
    );
    await until(page, 'aip-checkout [part~="start-button"]');
    (deep(page, 'aip-checkout [part~="start-button"]') as HTMLElement).click();
    await until(page, 'aip-checkout [part~="submit-button"]');
    (deep(page, 'aip-checkout [part~="submit-button"]') as HTMLElement).click();
    await until(page, 'aip-checkout [part~="field-error"]');
    await until(page, 'aip-custom-order [part~="submit-button"]');
    (deep(page, 'aip-custom-order [part~="submit-button"]') as HTMLElement).click();
    await until(page, 'aip-custom-order [part~="field-error"]');
    await expect(page).to.be.accessible();
  });

  it('an unavailable tier and the error state are axe clean', async () => {
    const page = await darkPage(
      html`<aip-license-picker persona="elio-marchetti"></aip-license-picker>
        <aip-persona-card api="/_fault/status=503,retry-after=0" persona="noor-haddad"></aip-persona-card>`,
    );
    await until(page, 'aip-license-picker [part~="reason"]');
    await until(page, 'aip-persona-card [role="alert"]');
    await expect(page).to.be.accessible();
  });
});
