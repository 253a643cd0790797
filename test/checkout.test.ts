/**
 * `<aip-checkout>` against isolated reference marketplaces (frozen clock, fast
 * payment confirmations): the buyer's whole path to a License Certificate, and
 * every way it can go wrong without a second order or a wrong price.
 */
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { AipCheckout } from '../src/components/checkout/checkout.js';
import '../src/components/checkout/index.js';
import '../src/components/persona-card/index.js';
import '../src/components/persona-detail/index.js';
import '../src/components/storefront/index.js';
import { AipClient } from '../src/api/client.js';
import { ApiError } from '../src/api/errors.js';
import type { AipCheckoutCompleteEvent, AipCheckoutErrorEvent } from '../src/events/checkout.js';
import type { Order } from '../src/api/schemas.js';
import { captureWarnings, fillCheckout, placeOrder, requestsMatching } from './helpers.js';
import { counts, get, post } from './server/http.js';

const NOW = '2026-06-01T00:00:00.000Z';

interface Market {
  id: string;
  base: string;
  setClock(now: string | null): Promise<void>;
  dispose(): Promise<void>;
}

async function market(options: Record<string, unknown> = {}): Promise<Market> {
  const { id, base } = (await executeServerCommand('marketplace:create', {
    now: NOW,
    confirmations: 2,
    confirmationIntervalMs: 20,
    ...options,
  })) as { id: string; base: string };
  return {
    id,
    base,
    setClock: async (now) => void (await executeServerCommand('marketplace:set-clock', { id, now })),
    dispose: async () => void (await executeServerCommand('marketplace:dispose', { id })),
  };
}

const root = (el: AipCheckout) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: AipCheckout, selector: string) => root(el).querySelector<T>(selector);
const text = (el: AipCheckout) => root(el).textContent!.replace(/\s+/g, ' ');

async function waitForText(el: AipCheckout, pattern: RegExp, message?: string) {
  await waitUntil(() => pattern.test(text(el)), message ?? `waiting for ${pattern}: ${text(el)}`, { timeout: 5000 });
}

async function mount(m: Market, persona: string, license: string, extra: Partial<AipCheckout> = {}) {
  const el = await fixture<AipCheckout>(
    html`<aip-checkout api=${m.base} persona=${persona} license=${license} poll-interval="250"></aip-checkout>`,
  );
  Object.assign(el, extra);
  await waitUntil(() => $(el, '[part~="start-button"]') || $(el, '.muted'), 'checkout did not load', {
    timeout: 5000,
  });
  return el;
}

/** A checkout in the detail view's slot, following the tier picked there (Juno Okafor's listing). */
async function inDetailView(m: Market) {
  const page = await fixture<HTMLElement>(
    html`<aip-storefront api=${m.base}>
      <aip-persona-detail persona="juno-okafor">
        <aip-checkout slot="checkout" poll-interval="250"></aip-checkout>
      </aip-persona-detail>
    </aip-storefront>`,
  );
  return { el: page.querySelector('aip-checkout')!, detailView: page.querySelector('aip-persona-detail')! };
}

/** The same server under the other loopback name: another origin, as a partner's API host would be. */
function otherOrigin(): string {
  const other = new URL(location.href);
  other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return other.origin;
}

/** Opens the form and fills it like a buyer. */
const fillDetails = (el: AipCheckout, name = 'Robin Example', email = 'robin@example.com') =>
  fillCheckout(el, { name, email });

const submit = (el: AipCheckout) => $(el, '[part~="submit-button"]')!.click();

async function currentOrder(el: AipCheckout): Promise<Order> {
  await waitUntil(() => (el as unknown as { order: Order | null }).order, 'no order yet', { timeout: 5000 });
  return (el as unknown as { order: Order }).order;
}

/** Another buyer buys a tier through the API alone (quote, order, sandbox payment). */
async function buyViaApi(m: Market, personaId: string, license: string, email = 'other@example.com') {
  const quote = (await post<{ id: string }>(`${m.base}/v1/quotes`, { personaId, license, buyerEmail: email })).body;
  const order = await post<{ id: string }>(
    `${m.base}/v1/orders`,
    {
      quoteId: quote.id,
      buyer: { email, name: 'Other Buyer' },
      acceptedAgreement: { license, version: '2026-03-18' },
    },
    { headers: { 'Idempotency-Key': `other-${Math.random()}` } },
  );
  const paid = await post<Order>(`${m.base}/v1/sandbox/orders/${order.body.id}/pay`, {});
  expect(paid.res.status, paid.text).to.equal(200);
  return paid.body;
}

/** Clicks "Pay" on the hosted checkout page inside the overlay's iframe (same origin in tests). */
async function payInFrame(el: AipCheckout) {
  await waitUntil(() => $(el, 'iframe'), 'no payment frame', { timeout: 5000 });
  const frame = $<HTMLIFrameElement>(el, 'iframe')!;
  await waitUntil(
    () =>
      frame.contentDocument?.readyState === 'complete' &&
      [...frame.contentDocument.querySelectorAll('button')].some((b) => /pay/i.test(b.textContent!)),
    'the hosted page has no pay button',
    { timeout: 5000 },
  );
  const button = [...frame.contentDocument!.querySelectorAll('button')].find((b) => /pay/i.test(b.textContent!))!;
  button.click();
}

describe('<aip-checkout>', function () {
  this.timeout(20_000);
  let m: Market;

  beforeEach(async () => {
    m = await market();
  });

  afterEach(async () => {
    sessionStorage.clear();
    await m.dispose();
  });

  it('offers the chosen tier at the listing price, and says when there is nothing to buy', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    expect($(el, '[part~="start-button"]')!.textContent!.trim()).to.match(/Commercial License · \$99$/);
    el.license = '';
    await el.updateComplete;
    expect(text(el)).to.contain('Choose a license to check out.');
    expect($(el, '[part~="start-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('in the detail view, before a tier is picked, asks for a license (the persona is on screen)', async () => {
    const { el, detailView } = await inDetailView(m);
    await waitUntil(() => /Juno Okafor/.test(detailView.shadowRoot!.textContent!), 'the detail did not load', {
      timeout: 5000,
    });
    await el.updateComplete;
    expect(text(el)).to.contain('Choose a license to check out.');
    expect(text(el)).not.to.contain('Choose a persona');
    await expect(el).to.be.accessible();
  });

  it("in the detail view, after a reload, carries on with the buyer's order before any tier is picked", async () => {
    const first = await inDetailView(m);
    const picker = await waitUntil(
      () => first.detailView.shadowRoot!.querySelector('aip-license-picker'),
      'no picker',
      {
        timeout: 5000,
      },
    ).then(() => first.detailView.shadowRoot!.querySelector('aip-license-picker')!);
    await waitUntil(() => picker.shadowRoot?.querySelector('input[value="commercial"]'), 'no tiers', { timeout: 5000 });
    picker.shadowRoot!.querySelector<HTMLInputElement>('input[value="commercial"]')!.click();
    const order = await placeOrder(first.el);
    first.el.closest('aip-storefront')!.remove();
    // The listing page again (a reload, or back from the payment page): no tier picked yet.
    const { el } = await inDetailView(m);
    await waitForText(el, /Waiting for your payment of \$99\./);
    expect((await currentOrder(el)).id).to.equal(order.id);
    expect([el.persona, el.license]).to.deep.equal(['juno-okafor', 'commercial']);
    expect((await counts(m.id)).orders).to.equal(1);
  });

  it('in the detail view, another listing shown: the checkout follows it with no tier or price from the last one', async () => {
    const { el, detailView } = await inDetailView(m);
    const picker = await waitUntil(() => detailView.shadowRoot!.querySelector('aip-license-picker'), 'no picker', {
      timeout: 5000,
    }).then(() => detailView.shadowRoot!.querySelector('aip-license-picker')!);
    const exclusive = await waitUntil(() => picker.shadowRoot?.querySelector('input[value="exclusive"]'), 'no tiers', {
      timeout: 5000,
    }).then(() => picker.shadowRoot!.querySelector<HTMLInputElement>('input[value="exclusive"]')!);
    exclusive.click();
    await waitForText(el, /Buy Exclusive License/);
    expect([el.persona, el.license]).to.deep.equal(['juno-okafor', 'exclusive']);
    detailView.persona = 'elio-marchetti';
    await waitUntil(() => el.persona === 'elio-marchetti', 'the checkout did not follow the listing', {
      timeout: 5000,
    });
    expect([el.license, el.price]).to.deep.equal(['', null]);
    await waitForText(el, /Choose a license to check out/);
  });

  it('in the detail view, a reload of the listing that fails after the sale leaves the certificate and listing shown', async () => {
    // The listing loads, then every later request for it fails: the connection drops just after the payment.
    const api = `${m.base}/_fault/status=503,only=personas,after=1`;
    const page = await fixture<HTMLElement>(
      html`<aip-storefront api=${api} retries="0">
        <aip-persona-detail persona="juno-okafor">
          <aip-checkout slot="checkout" poll-interval="250"></aip-checkout>
        </aip-persona-detail>
      </aip-storefront>`,
    );
    const el = page.querySelector('aip-checkout')!;
    const detailView = page.querySelector('aip-persona-detail')!;
    const picker = await waitUntil(() => detailView.shadowRoot!.querySelector('aip-license-picker'), 'no picker', {
      timeout: 5000,
    }).then(() => detailView.shadowRoot!.querySelector('aip-license-picker')!);
    await waitUntil(() => picker.shadowRoot?.querySelector('input[value="commercial"]'), 'no tiers', { timeout: 5000 });
    picker.shadowRoot!.querySelector<HTMLInputElement>('input[value="commercial"]')!.click();
    await fillDetails(el);
    submit(el);
    await payInFrame(el);
    await waitForText(el, /Certificate ID/);
    // The sale reloads the listing everywhere; that reload fails.
    const reloads = () => requestsMatching(`${api}/v1/personas/juno-okafor`).length;
    await waitUntil(() => reloads() >= 2, 'the listing was not loaded again after the sale', { timeout: 5000 });
    // Until both elements have had the reload's failure.
    const failed = (host: HTMLElement) => (host as unknown as { loader: { status: number } }).loader.status === 3;
    await waitUntil(() => failed(el) && failed(detailView), 'the reload did not fail', { timeout: 5000 });
    await Promise.all([detailView.updateComplete, el.updateComplete]);
    expect(text(el)).to.match(/Certificate ID/);
    expect(text(el)).not.to.contain('could not be loaded');
    const detailText = detailView.shadowRoot!.textContent!;
    expect(detailText).to.contain('Juno Okafor');
    expect(detailText).not.to.contain('could not be loaded');
    expect(detailView.shadowRoot!.querySelector<HTMLElement>('[part="purchase"]')!.hidden).to.equal(false);
  });

  it('on another marketplace where the listing is gone, offers nothing to buy from the last one', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    expect($(el, '[part~="start-button"]')).to.not.equal(null);
    el.api = `${m.base}/_fault/status=404,only=personas`;
    await waitUntil(() => !$(el, '[part~="start-button"]'), 'the Buy button stayed', { timeout: 5000 });
    await el.updateComplete;
    expect(text(el)).not.to.contain('Buy Commercial License');
  });

  it('lets the host veto the checkout (aip-checkout-start is cancelable)', async () => {
    const el = await mount(m, 'juno-okafor', 'exclusive');
    const seen: unknown[] = [];
    el.addEventListener('aip-checkout-start', (e) => {
      seen.push(e.detail);
      e.preventDefault();
    });
    $(el, '[part~="start-button"]')!.click();
    await el.updateComplete;
    expect(seen).to.deep.equal([
      { persona: 'juno-okafor', license: 'exclusive', price: { amount: 50000, currency: 'USD' } },
    ]);
    expect($(el, 'form')).to.equal(null);
  });

  it('checks the details inline before asking for a price, and keeps what was typed', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    const before = await counts(m.id);
    $(el, '[part~="start-button"]')!.click();
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('buyer-name');
    const email = $<HTMLInputElement>(el, '#buyer-email')!;
    email.value = 'not-an-email';
    email.dispatchEvent(new Event('input'));
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('buyer-name');
    const errors = [...root(el).querySelectorAll('[part~="field-error"]')].map((e) => e.textContent!.trim());
    expect(errors).to.deep.equal([
      'Enter your full name.',
      'Enter an email address, like name@example.com.',
      'Accept the license agreement to continue.',
    ]);
    expect($(el, '#buyer-email')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#buyer-email')!.getAttribute('aria-describedby')).to.equal('buyer-email-error');
    expect($<HTMLInputElement>(el, '#buyer-email')!.value).to.equal('not-an-email');
    expect(await counts(m.id)).to.deep.equal(before);
    await expect(el).to.be.accessible();
  });

  it('tabbing through the empty form marks nothing invalid; a field is checked on leaving once it was changed', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    $(el, '[part~="start-button"]')!.click();
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('buyer-name');
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const invalid = () => [...root(el).querySelectorAll('[aria-invalid="true"]')].map((e) => e.id);
    expect(invalid()).to.deep.equal([]);
    expect($(el, '[part~="field-error"]')).to.equal(null);
    $<HTMLInputElement>(el, '#buyer-email')!.focus();
    await sendKeys({ type: 'robin' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(invalid()).to.deep.equal(['buyer-email']);
    expect($(el, '#buyer-email-error')!.textContent!.trim()).to.equal('Enter an email address, like name@example.com.');
  });

  it('every failed submit is said again in the live region, and focuses the first field at fault', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    $(el, '[part~="start-button"]')!.click();
    await el.updateComplete;
    const live = $(el, '[aria-live]')!;
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(live.textContent!.trim()));
    observer.observe(live, { subtree: true, childList: true, characterData: true });
    const attention = 'Some details need your attention.';
    /** Sends the form from its button, as a buyer would, and waits for the live region to say it. */
    const send = async () => {
      said.length = 0;
      $(el, '[part~="submit-button"]')!.focus();
      submit(el);
      await waitUntil(() => said.at(-1) === attention, `the live region said ${JSON.stringify(said)}`, {
        timeout: 3000,
      });
      await el.updateComplete;
    };
    await send();
    expect(root(el).activeElement?.id).to.equal('buyer-name');
    const name = $<HTMLInputElement>(el, '#buyer-name')!;
    name.value = 'Robin Example';
    name.dispatchEvent(new Event('input'));
    await send();
    expect(root(el).activeElement?.id).to.equal('buyer-email');
    await send();
    expect(root(el).activeElement?.id).to.equal('buyer-email');
    observer.disconnect();
  });

  it("says the overlay's hosted page is loading until it has, rather than showing an empty box", async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    await fillDetails(el);
    // Seen as the frame is put in, before its page can have loaded.
    const opened = new Promise<{ note: HTMLElement | null; noteShown: boolean; loaded: () => boolean }>((resolve) => {
      const observer = new MutationObserver(() => {
        const frame = $<HTMLIFrameElement>(el, 'dialog iframe');
        if (!frame) return;
        observer.disconnect();
        let loaded = false;
        frame.addEventListener('load', () => (loaded = true));
        const note = $(el, 'dialog .frame-loading');
        resolve({ note, noteShown: !!note?.checkVisibility(), loaded: () => loaded });
      });
      observer.observe(root(el), { childList: true, subtree: true });
    });
    submit(el);
    const { note, noteShown, loaded } = await opened;
    expect(note?.textContent?.trim()).to.equal('Loading…');
    expect(noteShown, 'the note shows while the page loads').to.equal(true);
    await waitUntil(loaded, 'the hosted page did not load', { timeout: 5000 });
    expect(note!.checkVisibility(), 'the note is gone once the page is there').to.equal(false);
  });

  /** On a marketplace of its own (these options), a Commercial order of Juno Okafor's, its overlay open. */
  async function overlayOn(options: Record<string, unknown>): Promise<AipCheckout> {
    await m.dispose();
    m = await market(options);
    const el = await mount(m, 'juno-okafor', 'commercial');
    await fillDetails(el);
    submit(el);
    await waitUntil(() => $(el, 'dialog[open] iframe'), 'the overlay did not open', { timeout: 5000 });
    return el;
  }

  it('offers the hosted page in a tab of its own when it is slow to arrive in the overlay', async () => {
    const el = await overlayOn({ hostedPageDelayMs: 15_000 });
    const note = $(el, 'dialog .frame-loading')!;
    expect(note.textContent!.trim()).to.equal('Loading…');
    expect(note.getAttribute('role'), 'what it says next is heard').to.equal('status');
    await waitUntil(() => /Still loading/.test(note.textContent!), 'the slow page was never said', { timeout: 8000 });
    const link = note.querySelector('a')!;
    const order = await currentOrder(el);
    // Its name says where it opens, for those who can't see the new tab appear.
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Open the secure checkout (opens in a new tab)');
    // The order's own hosted page, in the buyer's language.
    const page = new URL(link.href);
    expect(page.searchParams.get('locale')).to.match(/^en\b/);
    page.search = '';
    expect(page.href).to.equal(order.checkoutUrl);
    expect(link.target).to.equal('_blank');
    // The hosted page tells the checkout it was paid through its opener, as from the popup.
    expect(link.rel).to.equal('opener');
    expect(link.checkVisibility(), 'the link shows over the empty frame').to.equal(true);
    expect($(el, 'dialog[open]') !== null, 'the overlay stays: the frame may still arrive').to.equal(true);
  });

  it("says the payment's progress inside the overlay, where a screen reader can hear it", async () => {
    // Confirmations slow enough for a poll or two to see them arrive.
    const el = await overlayOn({ confirmationIntervalMs: 400 });
    const regions = () => [...root(el).querySelectorAll('[aria-live]')];
    const inside = regions().filter((r) => r.closest('dialog'));
    expect(inside).to.have.length(1);
    const said: string[] = [];
    const outside: string[] = [];
    const observer = new MutationObserver(() => {
      said.push(inside[0]!.textContent!.trim());
      for (const r of regions()) if (!r.closest('dialog') && r.textContent!.trim()) outside.push(r.textContent!);
    });
    observer.observe(inside[0]!, { subtree: true, childList: true, characterData: true });
    observer.observe(root(el), { subtree: true, childList: true, characterData: true });
    await payInFrame(el);
    await waitForText(el, /Certificate ID/);
    observer.disconnect();
    // The page behind the modal is inert: what it said there while the overlay was open was never heard.
    expect(
      said.some((text) => /^Payment received/.test(text)),
      said.join(' | '),
    ).to.equal(true);
    expect(outside.filter((text) => /^Payment received/.test(text.trim()))).to.deep.equal([]);
  });

  it('buys a Commercial license in the overlay: pay on the hosted page, see a 6-month certificate', async () => {
    // Under a host's own level-2 heading: the checkout's title is an h3, the certificate's an h4.
    const el = await mount(m, 'juno-okafor', 'commercial', { headingLevel: 3 });
    await fillDetails(el);
    const completed = oneEvent(el, 'aip-checkout-complete') as Promise<AipCheckoutCompleteEvent>;
    submit(el);
    await waitUntil(() => $(el, 'dialog[open]'), 'the overlay did not open', { timeout: 5000 });
    const dialog = $<HTMLDialogElement>(el, 'dialog[open]')!;
    const order = await currentOrder(el);
    // The hosted page, asked for in the storefront's language (the page's, here the browser's).
    expect(dialog.querySelector('iframe')!.src).to.equal(`${order.checkoutUrl}?locale=${navigator.language}`);
    // The finished step's tick is seen, not read out as "check mark".
    const done = $(el, '[part="steps"] li.done')!;
    expect(getComputedStyle(done, '::after').content).to.equal('" ✓" / ""');
    await payInFrame(el);
    const { detail } = await completed;
    expect(detail).to.deep.equal({
      orderId: order.id,
      persona: 'juno-okafor',
      certificateId: detail.certificateId,
      license: 'commercial',
      price: { amount: 9900, currency: 'USD' },
    });
    await waitForText(el, /Certificate ID/);
    expect($(el, 'dialog[open]')).to.equal(null);
    // The rights are the agreement's own English on a page of any language: a screen reader reads them as English.
    const rights = $(el, '[part~="certificate"] .rights')!;
    expect(rights.textContent).to.match(/\w/);
    expect(rights.lang).to.equal('en');
    const cert = (
      await get<{ effectiveAt: string; expiresAt: string }>(`${m.base}/v1/certificates/${detail.certificateId}`)
    ).body;
    expect(cert.effectiveAt).to.equal(NOW);
    expect(cert.expiresAt.slice(0, 10)).to.equal('2026-12-01');
    const rows = Object.fromEntries(
      [...root(el).querySelectorAll('[part~="certificate"] dl > div')].map((row) => [
        row.querySelector('dt')!.textContent!.trim(),
        row.querySelector('dd')!.textContent!.trim(),
      ]),
    );
    expect(rows).to.deep.equal({
      License: 'Commercial License',
      Persona: 'Juno Okafor',
      'Licensed to': 'Robin Example',
      // In UTC, as the platform's certificate states them, whatever the buyer's time zone.
      Effective: 'June 1, 2026 at 12:00 AM UTC',
      Expires: 'December 1, 2026 at 12:00 AM UTC',
      'Price paid': '$99',
      'Certificate ID': detail.certificateId,
    });
    expect(root(el).activeElement?.id).to.equal('certificate-title');
    expect([$(el, '[part="title"]')!.localName, root(el).activeElement!.localName]).to.deep.equal(['h3', 'h4']);
    expect((await counts(m.id)).orders).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('an Exclusive sale shows "Exclusively licensed until …" on every element showing the persona', async () => {
    const page = await fixture<HTMLElement>(
      html`<aip-storefront api=${m.base}>
        <aip-persona-card persona="sana-whitfield"></aip-persona-card>
        <aip-checkout persona="sana-whitfield" license="exclusive" poll-interval="250"></aip-checkout>
      </aip-storefront>`,
    );
    const el = page.querySelector('aip-checkout')!;
    const card = page.querySelector('aip-persona-card')!;
    await waitUntil(() => $(el, '[part~="start-button"]'), 'no start button', { timeout: 5000 });
    await waitUntil(() => /Sana/.test(card.shadowRoot!.textContent!), 'card did not load', { timeout: 5000 });
    expect(card.shadowRoot!.textContent).not.to.match(/Exclusively licensed/);
    await fillDetails(el);
    submit(el);
    await payInFrame(el);
    await waitForText(el, /Certificate ID/);
    await waitUntil(
      () => /Exclusively licensed until Jun 1, 2027/.test(card.shadowRoot!.textContent!),
      `card still says: ${card.shadowRoot!.textContent!.replace(/\s+/g, ' ')}`,
      { timeout: 5000 },
    );
  });

  it("Ownership while an Exclusive is in force: another email is told so at the field; the holder's buys it", async () => {
    // Marcus Bell's Exclusive License is held by licensing@stride-health.example (the demo seed).
    const el = await mount(m, 'marcus-bell', 'ownership');
    expect(text(el)).to.contain(
      'Only the buyer who holds the Exclusive License in force can buy Ownership / Assignment',
    );
    await fillDetails(el, 'Robin Example', 'robin@example.com');
    expect(text(el)).to.contain('The email your Exclusive License was issued to.');
    submit(el);
    await waitForText(el, /This email doesn't hold the Exclusive License in force/);
    expect(root(el).activeElement?.id).to.equal('buyer-email');
    expect($(el, '#buyer-email')!.getAttribute('aria-invalid')).to.equal('true');
    expect((await counts(m.id)).orders).to.equal(0);
    await expect(el).to.be.accessible();

    const email = $<HTMLInputElement>(el, '#buyer-email')!;
    email.value = ' Licensing@Stride-Health.example ';
    email.dispatchEvent(new Event('input'));
    submit(el);
    await payInFrame(el);
    await waitForText(el, /Certificate ID/);
    expect(text(el)).to.contain('Ownership / Assignment');
    expect((await counts(m.id)).orders).to.equal(1);
  });

  it('an Exclusive states the Commercial licenses it lives with, and asks again when more were sold meanwhile', async () => {
    // Felix Hartmann has one Commercial license running (the demo seed).
    const el = await mount(m, 'felix-hartmann', 'exclusive');
    await fillDetails(el);
    expect($(el, '[part~="tail"]')!.textContent).to.match(/^\s*1 Commercial license sold earlier stays active until /);

    // Another buyer's Commercial license completes while this buyer reads the form.
    const persona = (
      await get<{ offers: { license: string; agreement: { version: string } }[] }>(
        `${m.base}/v1/personas/felix-hartmann`,
      )
    ).body;
    const email = 'other@example.com';
    const quote = await post<{ id: string }>(`${m.base}/v1/quotes`, {
      personaId: 'felix-hartmann',
      license: 'commercial',
    });
    const version = persona.offers.find((o) => o.license === 'commercial')!.agreement.version;
    const other = await post<{ id: string }>(
      `${m.base}/v1/orders`,
      {
        quoteId: quote.body.id,
        buyer: { email, name: 'Other Buyer' },
        acceptedAgreement: { license: 'commercial', version },
      },
      { headers: { 'Idempotency-Key': `other-${Date.now()}` } },
    );
    expect((await post(`${m.base}/v1/sandbox/orders/${other.body.id}/pay`, {})).res.status).to.equal(200);

    submit(el);
    await waitForText(el, /What comes with this license has changed/);
    expect($(el, '[part~="price-change"]')!.textContent).to.match(
      /2 Commercial licenses sold earlier stay active, the last until /,
    );
    // The price is as shown: nothing says otherwise.
    expect($(el, '[part~="price-change"]')!.textContent).not.to.match(/new price|now costs/);
    expect((await counts(m.id)).orders).to.equal(1); // the other buyer's only: nothing is ordered unconfirmed
    await expect(el).to.be.accessible();
    // Going back to the form, it states the new tail too.
    $<HTMLButtonElement>(el, '[part~="price-change"] button:not(.primary)')!.click();
    await el.updateComplete;
    $(el, '[part~="start-button"]')!.click();
    await el.updateComplete;
    const agree = $<HTMLInputElement>(el, '#agree')!;
    if (!agree.checked) agree.click();
    await waitUntil(() => /^\s*2 Commercial licenses/.test($(el, '[part~="tail"]')?.textContent ?? ''), 'the new tail');
    submit(el);
    await payInFrame(el);
    await waitForText(el, /Certificate ID/);
  });

  it('makes one order however often the buyer clicks', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    await fillDetails(el);
    submit(el);
    submit(el);
    submit(el);
    await currentOrder(el);
    await aTimeout(300);
    const after = await counts(m.id);
    expect(after.orders).to.equal(1);
    expect(after.quotes).to.equal(1);
  });

  it('a tampered page price changes nothing the server charges: the buyer confirms the real price', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    el.price = 100; // $1.00 on the page
    await el.updateComplete;
    expect($(el, '[part~="start-button"]')!.textContent!.trim()).to.match(/· \$1$/);
    await fillDetails(el);
    submit(el);
    await waitForText(el, /The price has changed/);
    expect(text(el)).to.contain('now costs $99, not $1 as shown before');
    expect((await counts(m.id)).orders).to.equal(0);
    const completed = oneEvent(el, 'aip-checkout-complete') as Promise<AipCheckoutCompleteEvent>;
    $(el, '[part~="price-change"] button.primary')!.click();
    const order = await currentOrder(el);
    expect(order.price).to.deep.equal({ amount: 9900, currency: 'USD' });
    await payInFrame(el);
    expect((await completed).detail.price).to.deep.equal({ amount: 9900, currency: 'USD' });
  });

  it('heeds payment messages only from the API origin, of the right shape, for its order', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    el.pollInterval = 600_000; // no polling: only a message can wake it
    await fillDetails(el);
    submit(el);
    const order = await currentOrder(el);
    // Close the overlay with its button: the hosted page must not be the one to speak.
    $(el, 'dialog .dialog-head button')!.click();
    await waitUntil(() => $(el, 'dialog[open]') === null && $(el, 'iframe') === null, 'the overlay closed', {
      timeout: 2000,
    });
    await el.updateComplete;
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Return to payment');
    await buyViaApi(m, 'noor-haddad', 'commercial'); // unrelated, warms the server
    const paid = await post<Order>(`${m.base}/v1/sandbox/orders/${order.id}/pay`, {});
    expect(paid.body.status).to.equal('completed');

    // A frame of another origin (sandboxed: opaque origin) sends a perfect message.
    const forged = document.createElement('iframe');
    forged.setAttribute('sandbox', 'allow-scripts');
    forged.srcdoc = `<script>parent.postMessage(${JSON.stringify({
      type: 'aip-checkout',
      orderId: order.id,
      status: 'completed',
    })}, '*');</script>`;
    const delivered = new Promise((resolve) => {
      const listen = (e: MessageEvent) => {
        if (e.source === forged.contentWindow) {
          window.removeEventListener('message', listen);
          resolve(e.origin);
        }
      };
      window.addEventListener('message', listen);
    });
    document.body.append(forged);
    expect(await delivered).to.equal('null');
    // Right origin, wrong shape or wrong order.
    window.postMessage({ type: 'aip-checkout', orderId: order.id, status: 'nonsense' }, location.origin);
    window.postMessage({ type: 'aip-checkout', orderId: 'order-someone-else', status: 'completed' }, location.origin);
    await aTimeout(400);
    forged.remove();
    expect(text(el)).to.contain('Waiting for your payment');

    window.postMessage({ type: 'aip-checkout', orderId: order.id, status: 'completed' }, location.origin);
    await waitForText(el, /Certificate ID/);
  });

  it("with the API on another origin, heeds the hosted page's message from there, not one from the page's own", async () => {
    const api = `${otherOrigin()}${m.base}`;
    const el = await fixture<AipCheckout>(
      html`<aip-checkout api=${api} persona="juno-okafor" license="commercial" poll-interval="600000"></aip-checkout>`,
    );
    await fillDetails(el);
    submit(el);
    const order = await currentOrder(el);
    expect(new URL(order.checkoutUrl).origin).to.equal(new URL(api).origin);
    // Close the overlay (Escape), pay behind its back: only a message can tell the checkout now.
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open && $(el, 'iframe'), 'the payment overlay', {
      timeout: 5000,
    });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'iframe'), 'the hosted page closed', { timeout: 5000 });
    const paid = await post<Order>(`${m.base}/v1/sandbox/orders/${order.id}/pay`, {});
    expect(paid.body.status).to.equal('completed');

    // A perfect message, but from this page's origin, which is not the API's.
    window.postMessage({ type: 'aip-checkout', orderId: order.id, status: 'completed' }, location.origin);
    await aTimeout(400);
    expect(text(el)).to.contain('Waiting for your payment');

    // Back to the hosted page (served from the API's origin): it finds the order paid and says so.
    [...root(el).querySelectorAll<HTMLButtonElement>('[part~="status"] button')]
      .find((b) => b.textContent!.includes('Return to payment'))!
      .click();
    await waitUntil(() => $<HTMLIFrameElement>(el, 'iframe')?.src.startsWith(`${api}/checkout/`), 'the hosted page', {
      timeout: 5000,
    });
    await waitForText(el, /Certificate ID/);
  });

  it('says when the tier was just sold exclusively, and refreshes the options', async () => {
    const el = await mount(m, 'ines-caldera', 'exclusive');
    await fillDetails(el);
    await buyViaApi(m, 'ines-caldera', 'exclusive');
    const failed = oneEvent(el, 'aip-checkout-error') as Promise<AipCheckoutErrorEvent>;
    submit(el);
    const { detail } = await failed;
    expect(detail.code).to.equal('tier_unavailable');
    expect(detail.message).to.match(/can't be bought any more\. Exclusively licensed/);
    // For the host's logs: the marketplace's own answer behind it.
    expect(detail.error?.status).to.equal(409);
    expect(detail.error?.code).to.equal('conflict');
    expect($(el, '[part~="error"]')!.textContent).to.contain(detail.message);
    expect(root(el).activeElement).to.equal($(el, '[part~="error"]'));
    $(el, '[part~="error"] button')!.click();
    await waitForText(el, /Exclusively licensed until Jun 1, 2027\./);
    expect($(el, '[part~="start-button"]')).to.equal(null);
    expect((await counts(m.id)).orders).to.equal(1); // the other buyer's only
  });

  it('an order refused at payment because another Exclusive took effect first offers another license, not the same tier', async () => {
    const el = await mount(m, 'ines-caldera', 'exclusive');
    await fillDetails(el);
    submit(el);
    const order = await currentOrder(el);
    $(el, 'dialog .dialog-head button')!.click();
    await buyViaApi(m, 'ines-caldera', 'exclusive'); // the other buyer completes first
    const failed = oneEvent(el, 'aip-checkout-error') as Promise<AipCheckoutErrorEvent>;
    const paid = await post(`${m.base}/v1/sandbox/orders/${order.id}/pay`, {});
    expect(paid.res.status).to.equal(409);
    const { detail } = await failed;
    expect(detail.code).to.equal('order_rejected');
    expect(detail.message).to.equal(
      "Another buyer's Exclusive License took effect first, so this license can't be issued. Nothing was charged.",
    );
    // The buyer was paying: the problem is at the payment step, not back at "Your details".
    expect($(el, '[part~="steps"] [aria-current="step"]')!.textContent!.trim()).to.equal('Payment');
    const remedy = $(el, '[part~="error"] button')!;
    expect(remedy.textContent!.trim()).to.equal('Choose another license');
    await expect(el).to.be.accessible();
    remedy.click();
    // The options were refreshed: the tier shows as sold, with no form to fill in for it again.
    await waitForText(el, /Exclusively licensed until Jun 1, 2027\./);
    // Focus stays in the checkout (on its heading, above what it now says), not on the page's <body>.
    expect(root(el).activeElement).to.equal($(el, '[part~="title"]'));
    expect($(el, 'form')).to.equal(null);
    expect($(el, '[part~="start-button"]')).to.equal(null);
    expect((await counts(m.id)).orders).to.equal(2); // the other buyer's and the rejected one
  });

  it('an Exclusive refused at payment because another Commercial license was sold first starts again at the form, which states it', async () => {
    // Felix Hartmann has one Commercial license running (the demo seed).
    const el = await mount(m, 'felix-hartmann', 'exclusive');
    await fillDetails(el);
    submit(el);
    const order = await currentOrder(el);
    $(el, 'dialog .dialog-head button')!.click();
    await buyViaApi(m, 'felix-hartmann', 'commercial'); // completes before this buyer pays
    const failed = oneEvent(el, 'aip-checkout-error') as Promise<AipCheckoutErrorEvent>;
    expect((await post(`${m.base}/v1/sandbox/orders/${order.id}/pay`, {})).res.status).to.equal(409);
    const { detail } = await failed;
    expect(detail.code).to.equal('order_rejected');
    expect(detail.message).to.equal(
      'Another Commercial License was sold first. It would run beside this Exclusive License, which was offered without it. Nothing was charged.',
    );
    const remedy = $(el, '[part~="error"] button')!;
    expect(remedy.textContent!.trim()).to.equal('Start again');
    await expect(el).to.be.accessible();
    remedy.click();
    // Still on sale: back to the form, which states the two licenses now running, to be agreed to again.
    await waitUntil(() => /^\s*2 Commercial licenses/.test($(el, '[part~="tail"]')?.textContent ?? ''), 'the new tail');
    expect($<HTMLInputElement>(el, '#agree')!.checked).to.equal(false);
    $<HTMLInputElement>(el, '#agree')!.click();
    submit(el);
    await payInFrame(el);
    await waitForText(el, /Certificate ID/);
  });

  it('an Exclusive whose order is refused because another Commercial license was sold after its quote starts again at the form', async () => {
    const el = await mount(m, 'felix-hartmann', 'exclusive');
    el.price = 100; // forces the "price changed" confirmation, where the buyer may linger
    await fillDetails(el);
    submit(el);
    await waitForText(el, /price/i);
    await waitUntil(() => $(el, '[part~="price-change"] button.primary'), 'no price confirmation');
    await buyViaApi(m, 'felix-hartmann', 'commercial'); // completes after the quote, before the order
    const failed = oneEvent(el, 'aip-checkout-error') as Promise<AipCheckoutErrorEvent>;
    $(el, '[part~="price-change"] button.primary')!.click();
    const { detail } = await failed;
    expect(detail.code).to.equal('tail_changed');
    expect(detail.error?.status).to.equal(409);
    expect(detail.message).to.equal(
      'Another Commercial License was sold first. It would run beside this Exclusive License, which was offered without it. Nothing was charged.',
    );
    expect((await counts(m.id)).orders).to.equal(1); // the other buyer's only
    const remedy = $(el, '[part~="error"] button')!;
    expect(remedy.textContent!.trim()).to.equal('Start again');
    remedy.click();
    await waitUntil(() => /^\s*2 Commercial licenses/.test($(el, '[part~="tail"]')?.textContent ?? ''), 'the new tail');
    expect($<HTMLInputElement>(el, '#agree')!.checked).to.equal(false);
  });

  it('never sends the buyer to a payment page the API places on another origin', async () => {
    // A misconfigured proxy moves the order's hosted checkout page elsewhere.
    const el = await fixture<AipCheckout>(
      html`<aip-checkout
        api=${`${m.base}/_fault/body=foreign-urls,only=orders`}
        persona="juno-okafor"
        license="commercial"
      ></aip-checkout>`,
    );
    await waitUntil(() => $(el, '[part~="start-button"]'), 'checkout did not load', { timeout: 5000 });
    await fillDetails(el);
    const failed = oneEvent(el, 'aip-checkout-error') as Promise<AipCheckoutErrorEvent>;
    submit(el);
    const { detail } = await failed;
    expect(detail.code).to.equal('malformed_response');
    expect(detail.error?.message).to.contain("checkoutUrl is not on the marketplace's origin");
    expect($(el, 'iframe') === null).to.equal(true);
    // The order was made; trying again with the same key finds it, and nothing is lost.
    expect($(el, '[part~="error"] button')!.textContent!.trim()).to.equal('Try again');
    expect((await counts(m.id)).orders).to.equal(1);
  });

  it("the client refuses an order or certificate whose page is not on the API's origin", async () => {
    const done = await buyViaApi(m, 'juno-okafor', 'commercial');
    const refused = async (call: Promise<unknown>) => {
      try {
        await call;
      } catch (error) {
        return error instanceof ApiError ? error.code : String(error);
      }
      return 'accepted';
    };
    const moved = (only: string) => new AipClient({ baseUrl: `${m.base}/_fault/body=foreign-urls,only=${only}` });
    expect(await refused(moved('orders').order(done.id))).to.equal('malformed_response');
    expect(await refused(moved('certificates').certificate(done.certificateId!))).to.equal('malformed_response');
    // The same answers on the API's origin are accepted.
    const plain = new AipClient({ baseUrl: m.base });
    expect(await refused(plain.order(done.id))).to.equal('accepted');
    expect(await refused(plain.certificate(done.certificateId!))).to.equal('accepted');
  });

  it('asks for a new price when the quote expired, then carries on', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    el.price = 100; // forces the "price changed" confirmation, where the buyer may linger
    await fillDetails(el);
    submit(el);
    await waitForText(el, /The price has changed/);
    expect(text(el)).to.contain('now costs $99, not $1 as shown before. The platform charges the new price.');
    await m.setClock('2026-06-01T00:16:00.000Z');
    const failed = oneEvent(el, 'aip-checkout-error') as Promise<AipCheckoutErrorEvent>;
    $(el, '[part~="price-change"] button.primary')!.click();
    expect((await failed).detail.code).to.equal('quote_expired');
    expect(text(el)).to.contain('Your price quote expired');
    // The summary keeps the price the buyer accepted, not the page's $1 they were told was wrong.
    expect($(el, '[part~="summary"]')!.textContent!.replace(/\s+/g, ' ')).to.match(/Price \$99 $/);
    $(el, '[part~="error"] button')!.click();
    await waitForText(el, /The price has changed/);
    $(el, '[part~="price-change"] button.primary')!.click();
    await currentOrder(el);
    const after = await counts(m.id);
    expect(after.quotes).to.equal(2);
    expect(after.orders).to.equal(1);
  });

  it('says when the price it offers to confirm is no longer held, and then gets a new one', async () => {
    // A marketplace on this device's clock, whose quotes are held for 3 s.
    const short = await market({ now: undefined, quoteTtlMs: 3000 });
    try {
      const el = await mount(short, 'juno-okafor', 'commercial');
      el.price = 100; // forces the "price changed" confirmation, where the buyer may linger
      await fillDetails(el);
      submit(el);
      await waitForText(el, /This price is held until/);
      const confirm = () => $(el, '[part~="price-change"] button.primary')!.textContent!.trim();
      expect(confirm()).to.equal('Continue at $99');
      await waitUntil(
        () => /This price was held until .* Get a new price to go on\./.test(text(el)),
        'the hold ended',
        {
          timeout: 8000,
        },
      );
      expect(confirm()).to.equal('Get a new price');
      expect(text(el)).to.contain('The price held for you has expired.'); // said to screen readers too
      $(el, '[part~="price-change"] button.primary')!.click();
      await waitForText(el, /This price is held until/);
      const after = await counts(short.id);
      expect([after.quotes, after.orders]).to.deep.equal([2, 0]);
    } finally {
      await short.dispose();
    }
  });

  it('keeps a price held for weeks offered as held: the hold is not said to end early', async () => {
    // A marketplace whose clock is 30 days ahead of this device: its quote's hold ends beyond what one timer can wait.
    const ahead = await market({ now: new Date(Date.now() + 30 * 24 * 3600_000).toISOString() });
    try {
      const el = await mount(ahead, 'juno-okafor', 'commercial');
      el.price = 100; // forces the "price changed" confirmation
      await fillDetails(el);
      submit(el);
      await waitForText(el, /This price is held until/);
      await new Promise((done) => setTimeout(done, 300));
      expect(text(el)).to.not.contain('expired');
      expect($(el, '[part~="price-change"] button.primary')!.textContent!.trim()).to.equal('Continue at $99');
    } finally {
      await ahead.dispose();
    }
  });

  it('retries a failed order request with the same key: still one order', async () => {
    // The first POST /v1/orders fails with a 503; everything else works.
    const el = await mount(m, 'juno-okafor', 'commercial');
    el.api = `${m.base}/_fault/status=503,only=orders,times=1`;
    await fillDetails(el);
    submit(el);
    await waitForText(el, /Trying again is safe/);
    const key = JSON.parse(Object.values({ ...sessionStorage }).find((s) => s.includes('"key"'))!).key as string;
    expect((await counts(m.id)).orders).to.equal(0);
    $(el, '[part~="error"] button')!.focus();
    $(el, '[part~="error"] button')!.click();
    await el.updateComplete;
    // "Try again" goes while the order is sent: focus is on the button that says so, not lost to the page.
    expect(root(el).activeElement?.getAttribute('part')).to.equal('submit-button');
    expect(root(el).activeElement?.textContent).to.contain('Creating your order');
    const order = await currentOrder(el);
    const stored = JSON.parse(Object.values({ ...sessionStorage }).find((s) => s.includes(order.id))!) as {
      key: string;
    };
    expect(stored.key).to.equal(key);
    expect((await counts(m.id)).orders).to.equal(1);
  });

  it("an unreadable quote is said in plain words (the validator's findings go to the console), with a way on", async () => {
    // The first quote comes back in the wrong shape; the next one is fine.
    const el = await mount(m, 'juno-okafor', 'commercial');
    el.api = `${m.base}/_fault/body=schema,only=quotes,times=1`;
    await fillDetails(el);
    let detail: AipCheckoutErrorEvent['detail'] | undefined;
    const warnings = await captureWarnings(async () => {
      const failed = oneEvent(el, 'aip-checkout-error') as Promise<AipCheckoutErrorEvent>;
      submit(el);
      detail = (await failed).detail;
    });
    const shown = $(el, '[part~="error"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(shown).to.contain(
      "We couldn't get the price for this license (the marketplace sent an answer that could not be read).",
    );
    expect(shown).not.to.match(/unexpected answer|Invalid type|Expected|received/);
    expect(detail!.code).to.equal('malformed_response');
    expect(detail!.message).to.equal(shown.replace(/ Get a new price$/, ''));
    expect(warnings.join('\n')).to.match(/<aip-checkout>: .*unexpected answer \(id: Invalid type/);
    // What to do next: ask for the price again (a quote creates no order).
    const next = $(el, '[part~="error"] button')!;
    expect(next.textContent!.trim()).to.equal('Get a new price');
    next.focus();
    next.click();
    await el.updateComplete;
    // The button goes while the price is asked for: focus is on the button that says so, not lost to the page.
    expect(root(el).activeElement?.getAttribute('part')).to.equal('submit-button');
    expect(root(el).activeElement?.textContent).to.contain('Getting your price');
    await currentOrder(el);
    expect((await counts(m.id)).orders).to.equal(1);
  });

  it('an order answer it cannot read is said in plain words, and trying again is safe', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    el.api = `${m.base}/_fault/body=schema,only=orders,times=1`;
    await fillDetails(el);
    const warnings = await captureWarnings(async () => {
      const failed = oneEvent(el, 'aip-checkout-error') as Promise<AipCheckoutErrorEvent>;
      submit(el);
      await failed;
    });
    const shown = $(el, '[part~="error"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(shown).to.contain(
      "We couldn't confirm that your order was created (the marketplace sent an answer that could not be read). " +
        'Trying again is safe: it cannot create a second order.',
    );
    expect(shown).not.to.match(/unexpected answer|Invalid type/);
    expect(warnings.join('\n')).to.match(/unexpected answer/);
    $(el, '[part~="error"] button')!.click();
    await currentOrder(el);
    expect((await counts(m.id)).orders).to.equal(1);
  });

  it('a long Retry-After is said in minutes, and "Try again" waits until it is over', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    el.api = `${m.base}/_fault/status=429,retry-after=600,only=orders`;
    await fillDetails(el);
    submit(el);
    await waitForText(el, /Trying again is safe/);
    expect(text(el)).to.contain('Please wait 10 min before trying again.');
    const retry = $(el, '[part~="error"] button')!;
    expect(retry.textContent!.trim()).to.equal('Try again');
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    const sent = requestsMatching(`${m.base}/_fault/status=429,retry-after=600,only=orders/v1/orders`).length;
    retry.click();
    await el.updateComplete;
    expect(requestsMatching(`${m.base}/_fault/status=429,retry-after=600,only=orders/v1/orders`).length).to.equal(sent);
    expect(text(el)).to.contain('Please wait 10 min before trying again.');
    await expect(el).to.be.accessible();
  });

  it('"Try again" after a Retry-After becomes usable when the wait is over, and makes the one order', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    el.api = `${m.base}/_fault/status=429,retry-after=1,only=orders,times=1`;
    await fillDetails(el);
    submit(el);
    await waitForText(el, /Please wait 1 s before trying again\./);
    const retry = () => $(el, '[part~="error"] button')!;
    expect(retry().getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => retry().getAttribute('aria-disabled') === 'false', 'still waiting', { timeout: 5000 });
    retry().click();
    await currentOrder(el);
    expect((await counts(m.id)).orders).to.equal(1);
  });

  it('leaves no stale progress in the live region once a failure is shown', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    el.api = `${m.base}/_fault/status=503,only=quotes,times=1`;
    const live = () => $(el, '[aria-live]')!.textContent!.trim();
    await fillDetails(el);
    submit(el);
    await waitForText(el, /We couldn't get the price/);
    expect(live()).not.to.contain('Getting your price');
    expect(live()).to.equal('');
    // Later in the flow: an order that expires unpaid after "Order created…" was said.
    $(el, '[part~="error"] button')!.click();
    await currentOrder(el);
    await waitUntil(() => /Order created/.test(live()), 'the order was not announced', { timeout: 5000 });
    $(el, 'dialog .dialog-head button')!.click();
    await m.setClock('2026-06-01T01:00:00.000Z');
    await waitForText(el, /Nothing was charged/);
    expect(live()).to.equal('');
  });

  it('after a reload, carries on with the same order instead of making another', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    await fillDetails(el);
    submit(el);
    const order = await currentOrder(el);
    el.remove();
    const again = await mount(m, 'juno-okafor', '');
    await waitForText(again, /Waiting for your payment of \$99\./);
    expect((await currentOrder(again)).id).to.equal(order.id);
    expect(again.license).to.equal('commercial');
    expect((await counts(m.id)).orders).to.equal(1);
    // The payment completes elsewhere; polling brings the certificate.
    await post(`${m.base}/v1/sandbox/orders/${order.id}/pay`, {});
    await waitForText(again, /Certificate ID/);
  });

  it('tells the buyer when an unpaid order expired, and starts again cleanly', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    await fillDetails(el);
    submit(el);
    await currentOrder(el);
    $(el, 'dialog .dialog-head button')!.click();
    await m.setClock('2026-06-01T01:00:00.000Z');
    const failed = oneEvent(el, 'aip-checkout-error') as Promise<AipCheckoutErrorEvent>;
    const { detail } = await failed;
    expect(detail.code).to.equal('order_expired');
    expect(detail.error, 'the checkout found this itself').to.equal(null);
    expect(text(el)).to.contain('Nothing was charged');
    $(el, '[part~="error"] button')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#buyer-name')!.value).to.equal('Robin Example');
    await expect(el).to.be.accessible();
  });

  describe("the storefront's language, past the checkout itself", () => {
    async function inLanguage(base: string, locale: string) {
      const store = await fixture<HTMLElement>(
        html`<aip-storefront api=${base} locale=${locale}>
          <aip-checkout persona="ines-caldera" license="exclusive" poll-interval="250"></aip-checkout>
        </aip-storefront>`,
      );
      const el = store.querySelector<AipCheckout>('aip-checkout')!;
      await fillDetails(el);
      submit(el);
      const order = await currentOrder(el);
      $(el, 'dialog .dialog-head button')!.click();
      return { el, order };
    }

    it('opens the hosted payment page in German', async () => {
      const store = await fixture<HTMLElement>(
        html`<aip-storefront api=${m.base} locale="de-DE">
          <aip-checkout persona="juno-okafor" license="commercial" poll-interval="250"></aip-checkout>
        </aip-storefront>`,
      );
      const el = store.querySelector<AipCheckout>('aip-checkout')!;
      await fillDetails(el);
      submit(el);
      await waitUntil(() => $(el, 'dialog[open] iframe'), 'the overlay did not open', { timeout: 5000 });
      const iframe = $<HTMLIFrameElement>(el, 'dialog[open] iframe')!;
      await waitUntil(() => iframe.contentDocument?.querySelector('h1'), 'the hosted page did not load', {
        timeout: 5000,
      });
      expect(iframe.contentDocument!.documentElement.lang).to.equal('de');
      expect(iframe.contentDocument!.querySelector('h1')!.textContent).to.equal('Kauf abschließen');
    });

    it("says a busy or failing marketplace in German, not in the server's English", async () => {
      for (const [fault, said] of [
        ['status=503', 'der Marktplatz ist gerade nicht erreichbar'],
        ['status=500', 'beim Marktplatz ist ein Problem aufgetreten'],
        ['status=429', 'der Marktplatz ist ausgelastet'],
      ] as const) {
        const store = await fixture<HTMLElement>(
          html`<aip-storefront api=${m.base} locale="de-DE" retries="0">
            <aip-checkout persona="juno-okafor" license="commercial"></aip-checkout>
          </aip-storefront>`,
        );
        const el = store.querySelector<AipCheckout>('aip-checkout')!;
        await waitUntil(() => $(el, '[part~="start-button"]'), 'no buy button', { timeout: 5000 });
        el.api = `${m.base}/_fault/${fault},only=quotes,times=1`;
        await fillDetails(el);
        submit(el);
        await waitForText(el, /Der Preis für diese Lizenz konnte nicht ermittelt werden/);
        expect(text(el), fault).to.contain(`Der Preis für diese Lizenz konnte nicht ermittelt werden (${said}).`);
        expect(text(el), fault).not.to.match(/Simulated|failure|HTTP/);
      }
    });

    it('refused before payment: German reason, nothing charged, no English', async () => {
      const { el, order } = await inLanguage(m.base, 'de-DE');
      await buyViaApi(m, 'ines-caldera', 'exclusive');
      expect((await post(`${m.base}/v1/sandbox/orders/${order.id}/pay`, {})).res.status).to.equal(409);
      await waitForText(
        el,
        /Die Exklusive Lizenz eines anderen Käufers ist zuerst wirksam geworden, daher kann diese Lizenz nicht ausgestellt werden\. Es wurde nichts berechnet\./,
      );
      expect(text(el)).not.to.match(/Another buyer|charged|license/);
    });

    it('rejected after payment: Spanish reason, and the payment is returned', async () => {
      // The holder buys Ownership a minute before their Exclusive ends, and it ends while the payment is confirming.
      const slow = await market({ confirmationIntervalMs: 400 });
      try {
        const persona = (await get<{ exclusiveUntil: string }>(`${slow.base}/v1/personas/marcus-bell`)).body;
        await slow.setClock(new Date(Date.parse(persona.exclusiveUntil) - 60_000).toISOString());
        const store = await fixture<HTMLElement>(
          html`<aip-storefront api=${slow.base} locale="es-ES">
            <aip-checkout persona="marcus-bell" license="ownership" poll-interval="250"></aip-checkout>
          </aip-storefront>`,
        );
        const el = store.querySelector<AipCheckout>('aip-checkout')!;
        await fillDetails(el, 'Stride Health', 'licensing@stride-health.example');
        submit(el);
        const order = await currentOrder(el);
        $(el, 'dialog .dialog-head button')!.click();
        const paying = await get(`${slow.base}/checkout/${order.id}/pay`, { method: 'POST' });
        expect(paying.res.status, paying.text).to.equal(200);
        await slow.setClock(persona.exclusiveUntil);
        await waitForText(
          el,
          /La Propiedad \/ cesión requiere una Licencia exclusiva vigente, que usted ya no tiene\. Se le devuelve el pago íntegro\./,
        );
        expect(text(el)).not.to.match(/Ownership needs|returned in full/);
      } finally {
        await slow.dispose();
      }
    });

    it('expired unpaid: when the hold ended, in German date and time', async () => {
      const { el } = await inLanguage(m.base, 'de-DE');
      await m.setClock('2026-06-01T01:00:00.000Z');
      const held = new Date('2026-06-01T00:30:00.000Z').toLocaleString('de-DE', {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
      await waitForText(el, /Diese Bestellung war bis .* reserviert und ist abgelaufen/);
      expect(text(el)).to.contain(
        `Diese Bestellung war bis ${held} Uhr reserviert und ist abgelaufen, bevor die Zahlung eingegangen ist. Es wurde nichts berechnet.`,
      );
      expect(text(el)).not.to.match(/held until|UTC/);
    });
  });

  describe('in a dialog of the host page that the host closes', () => {
    /** The checkout in the host's own modal dialog (a site's "Buy" popup), a button of the page behind it. */
    async function inHostDialog(api: string) {
      const page = await fixture<HTMLElement>(
        html`<div>
          <dialog>
            <aip-checkout api=${api} persona="juno-okafor" license="commercial" poll-interval="250"></aip-checkout>
          </dialog>
          <button id="behind">Behind</button>
        </div>`,
      );
      const host = page.querySelector('dialog')!;
      host.showModal();
      const el = page.querySelector('aip-checkout')!;
      await waitUntil(() => $(el, '[part~="start-button"]'), 'checkout did not load', { timeout: 5000 });
      return { page, host, el };
    }

    /** Whether the page behind takes a click again and scrolls: no modal left over it, no hold on its root. */
    function pageIsFree(page: HTMLElement) {
      const behind = page.querySelector('#behind')!;
      const box = behind.getBoundingClientRect();
      return {
        click: document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === behind,
        scroll: document.documentElement.style.overflowY === '',
      };
    }

    it('closed while the order is being made: no payment overlay opens unseen over the page', async () => {
      const { page, host, el } = await inHostDialog(`${m.base}/_fault/latency=1000,only=orders`);
      await fillDetails(el);
      submit(el);
      await waitForText(el, /Creating your order/);
      host.close();
      await currentOrder(el);
      await waitUntil(() => $(el, '[part~="status"] button'), `the order waits for payment: ${text(el)}`, {
        timeout: 5000,
      });
      expect($<HTMLDialogElement>(el, 'dialog')?.open ?? false, 'the payment overlay is open').to.equal(false);
      expect(pageIsFree(page)).to.deep.equal({ click: true, scroll: true });
      // Back in the host's dialog, the buyer opens the payment page, and sees it.
      host.showModal();
      $(el, '[part~="status"] button')!.click();
      await waitUntil(() => $(el, 'dialog[open]'), 'the overlay did not open', { timeout: 5000 });
      expect($(el, 'dialog[open]')!.getClientRects().length).to.equal(1);
    });

    it('closed with the payment overlay open: the overlay closes with it, and the order waits', async () => {
      const { page, host, el } = await inHostDialog(m.base);
      await fillDetails(el);
      submit(el);
      await waitUntil(() => $(el, 'dialog[open]'), 'the overlay did not open', { timeout: 5000 });
      host.close();
      await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog')?.open, 'the overlay stayed open', { timeout: 5000 });
      expect(pageIsFree(page)).to.deep.equal({ click: true, scroll: true });
      expect($(el, '[part~="status"] button')).to.not.equal(null);
    });
  });

  describe('the host changes what is bought while it is under way', () => {
    it('another tier chosen while the price is on its way: that price is dropped, and the new tier is bought', async () => {
      const el = await mount(m, 'juno-okafor', 'commercial');
      el.api = `${m.base}/_fault/latency=1500,only=quotes,times=1`;
      await fillDetails(el);
      submit(el);
      await waitForText(el, /Getting your price/);
      el.license = 'exclusive';
      // Back on the form for the new tier; its agreement is accepted anew.
      await waitUntil(() => $(el, '#agree'), 'the form again');
      expect($<HTMLInputElement>(el, '#agree')!.checked).to.equal(false);
      expect($<HTMLInputElement>(el, '#buyer-name')!.value).to.equal('Robin Example');
      expect(text(el)).to.contain('Exclusive License');
      $<HTMLInputElement>(el, '#agree')!.click();
      await el.updateComplete;
      submit(el);
      const order = await currentOrder(el);
      expect(order.license).to.equal('exclusive');
      expect(text(el)).to.contain('Exclusive License');
    });

    it('another tier chosen while an unpaid order waits: the order is left to expire, nothing shows it as the new tier', async () => {
      const el = await mount(m, 'juno-okafor', 'commercial');
      await fillDetails(el);
      submit(el);
      const first = await currentOrder(el);
      $(el, 'dialog .dialog-head button')!.click();
      await waitForText(el, /Waiting for your payment/);
      el.license = 'exclusive';
      await waitUntil(() => $(el, '#agree'), 'the form again');
      expect((el as unknown as { order: Order | null }).order).to.equal(null);
      expect(text(el)).not.to.contain(first.id);
      expect(Object.values({ ...sessionStorage }).some((v) => v.includes(first.id))).to.equal(false);
    });

    it('a paid order keeps showing its own tier whatever tier is chosen afterwards', async () => {
      const el = await mount(m, 'juno-okafor', 'commercial');
      await fillDetails(el);
      submit(el);
      const order = await currentOrder(el);
      await payInFrame(el);
      await waitForText(el, /Certificate ID/);
      el.license = 'exclusive';
      await el.updateComplete;
      expect(text(el)).to.contain('Commercial License');
      expect(text(el)).not.to.contain('Exclusive License');
      expect((el as unknown as { order: Order }).order.id).to.equal(order.id);
    });

    it("another listing: the last one's order is not shown as this one's, and this one's price is its own", async () => {
      const el = await mount(m, 'juno-okafor', 'commercial');
      el.api = `${m.base}/_fault/latency=1500,only=orders,times=1`;
      await fillDetails(el);
      submit(el);
      await waitForText(el, /Creating your order/);
      el.persona = 'elio-marchetti';
      await waitForText(el, /Elio Marchetti/);
      await el.updateComplete;
      expect(text(el)).not.to.match(/Juno Okafor|Creating your order|Waiting for your payment/);
      // Nothing the last listing's order request answers later lands here.
      await new Promise((done) => setTimeout(done, 1800));
      expect((el as unknown as { order: Order | null }).order).to.equal(null);
    });

    it('moved in the page while its order is being created: it carries on with the same order', async () => {
      const el = await mount(m, 'juno-okafor', 'commercial');
      el.api = `${m.base}/_fault/latency=800,only=orders,times=1`;
      await fillDetails(el);
      submit(el);
      await waitForText(el, /Creating your order/);
      const box = document.createElement('div');
      el.parentElement!.append(box);
      box.append(el); // disconnects, then connects again
      const order = await currentOrder(el);
      await waitForText(el, /Waiting for your payment|Pay with/);
      expect((await counts(m.id)).orders).to.equal(1);
      expect(order.license).to.equal('commercial');
    });

    it('moved in the page while its price is on its way: it asks again and carries on', async () => {
      const el = await mount(m, 'juno-okafor', 'commercial');
      el.api = `${m.base}/_fault/latency=800,only=quotes,times=1`;
      await fillDetails(el);
      submit(el);
      await waitForText(el, /Getting your price/);
      const box = document.createElement('div');
      el.parentElement!.append(box);
      box.append(el);
      await currentOrder(el);
      expect((await counts(m.id)).orders).to.equal(1);
    });

    it('tells the host of a sale once: not again after a reload, and even when the certificate does not load', async () => {
      const el = await mount(m, 'juno-okafor', 'commercial');
      el.api = `${m.base}/_fault/status=500,only=certificates`;
      const completed: string[] = [];
      document.addEventListener('aip-checkout-complete', (e) => completed.push(e.detail.orderId));
      await fillDetails(el);
      submit(el);
      const order = await currentOrder(el);
      await payInFrame(el);
      await waitUntil(() => completed.length, 'no aip-checkout-complete although the order completed', {
        timeout: 5000,
      });
      await waitForText(el, /Load the certificate again|certificate/i);
      // The same tab again (a reload): the stored attempt resumes the completed order without a second event.
      const api = el.api;
      el.remove();
      const again = await mount(m, 'juno-okafor', 'commercial');
      again.api = api;
      await waitUntil(() => (again as unknown as { order: Order | null }).order, 'resumed');
      await new Promise((done) => setTimeout(done, 300));
      expect(completed).to.deep.equal([order.id]);
    });
  });

  it('back online, it asks for the order at once instead of after its longer wait', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial');
    await fillDetails(el);
    submit(el);
    const order = await currentOrder(el);
    el.pollInterval = 600_000; // only coming back online can make it ask now
    await new Promise((done) => setTimeout(done, 300));
    const asked = () => requestsMatching(`${m.base}/v1/orders/${order.id}`).length;
    const before = asked();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => asked() > before, 'no request for the order after coming back online', { timeout: 3000 });
  });

  it('two checkouts of one listing, each fixed to a tier: each resumes only its own order', async () => {
    const commercial = await mount(m, 'juno-okafor', 'commercial');
    await fillDetails(commercial);
    submit(commercial);
    const order = await currentOrder(commercial);
    commercial.remove();
    // After a reload, the page's other checkout (Exclusive) must not take the Commercial order for its own.
    const exclusive = await mount(m, 'juno-okafor', 'exclusive');
    await new Promise((done) => setTimeout(done, 300));
    expect((exclusive as unknown as { order: Order | null }).order).to.equal(null);
    expect(exclusive.license).to.equal('exclusive');
    const back = await mount(m, 'juno-okafor', 'commercial');
    expect((await currentOrder(back)).id).to.equal(order.id);
  });

  it('redirect mode leaves for the hosted page and picks the order up when the buyer comes back', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial', { mode: 'redirect' });
    let left = '';
    (el as unknown as { navigate(url: string): void }).navigate = (url) => (left = url);
    await fillDetails(el);
    submit(el);
    const order = await currentOrder(el);
    await waitUntil(() => left, 'did not navigate', { timeout: 5000 });
    expect(left).to.equal(`${order.checkoutUrl}?locale=${navigator.language}`);
    el.remove();
    // Back from the hosted page in the same tab (its session storage holds the attempt); the address names the order.
    await post(`${m.base}/v1/sandbox/orders/${order.id}/pay`, {});
    const url = location.href;
    history.replaceState(null, '', `?keep=1&aip-order=${order.id}&aip-status=completed`);
    try {
      const back = await mount(m, 'juno-okafor', '');
      await waitForText(back, /Certificate ID/);
      // The address no longer names the order: copied or leaked in a Referer, it shows nothing.
      expect(location.search).to.equal('?keep=1');
    } finally {
      history.replaceState(null, '', url);
    }
  });

  it('the overlay keeps "Close" whole on a 320 px phone with large text, where the page breaks words anywhere', async () => {
    await setViewport({ width: 320, height: 700 });
    document.documentElement.style.fontSize = '200%';
    try {
      const el = await mount(m, 'juno-okafor', 'commercial');
      el.style.overflowWrap = 'anywhere';
      await fillDetails(el);
      submit(el);
      await waitUntil(() => $(el, 'dialog[open]'), 'the overlay did not open', { timeout: 5000 });
      const close = $(el, 'dialog[open] .dialog-head button')!;
      const words = document.createRange();
      words.selectNodeContents(close);
      // One line box for the word: not "Clo" / "se".
      expect([...words.getClientRects()].filter((r) => r.width > 0)).to.have.length(1);
      $<HTMLDialogElement>(el, 'dialog[open]')!.close();
    } finally {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('a listing that cannot be loaded is one red box, not a box within a box', async () => {
    const el = await fixture<AipCheckout>(
      html`<aip-checkout api="/_fault/status=503" persona="juno-okafor" license="commercial"></aip-checkout>`,
    );
    await waitUntil(() => $(el, '[part="error"]'), 'the error', { timeout: 5000 });
    const box = $(el, '[part="error"]')!;
    expect(getComputedStyle(box).borderTopStyle).to.equal('solid');
    const inner = [...box.querySelectorAll('*')].filter((e) => getComputedStyle(e).borderTopStyle !== 'none');
    expect(inner.map((e) => e.localName)).to.deep.equal(['button']);
  });

  it("an address naming someone's order shows nothing of it in another session", async () => {
    const el = await mount(m, 'juno-okafor', 'commercial', { mode: 'redirect' });
    (el as unknown as { navigate(url: string): void }).navigate = () => {};
    await fillDetails(el);
    submit(el);
    const order = await currentOrder(el);
    el.remove();
    await post(`${m.base}/v1/sandbox/orders/${order.id}/pay`, {});
    // Someone else opens the buyer's return address: a fresh session, no stored attempt.
    sessionStorage.clear();
    const url = location.href;
    history.replaceState(null, '', `?aip-order=${order.id}&aip-status=completed`);
    try {
      const other = await mount(m, 'juno-okafor', 'commercial');
      await waitForText(other, /Buy Commercial License/);
      await new Promise((done) => setTimeout(done, 500));
      expect(text(other)).not.to.match(/Certificate ID|Robin Example/);
      expect(location.search).to.equal('');
    } finally {
      history.replaceState(null, '', url);
    }
  });

  it('popup mode: after "Continue to payment" focus moves to the waiting state, not to the page', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial', { mode: 'popup' });
    el.pollInterval = 600_000;
    await fillDetails(el);
    $(el, '[part~="submit-button"]')!.focus();
    submit(el);
    await waitForText(el, /Waiting for your payment/);
    await el.updateComplete;
    (el as unknown as { popup: Window | null }).popup?.close();
    expect(root(el).activeElement?.textContent!.trim()).to.equal('Open the secure checkout');
    await expect(el).to.be.accessible();
  });

  it('popup mode: the hosted page in its own window tells the page it is paid', async () => {
    const el = await mount(m, 'juno-okafor', 'commercial', { mode: 'popup' });
    el.pollInterval = 600_000; // only the popup's message can finish it
    await fillDetails(el);
    submit(el);
    await currentOrder(el);
    const popup = (el as unknown as { popup: Window | null }).popup!;
    expect(popup, 'the popup was blocked').to.not.equal(null);
    await waitUntil(
      () =>
        popup.location.href !== 'about:blank' &&
        popup.document?.readyState === 'complete' &&
        [...popup.document.querySelectorAll('button')].some((b) => /pay/i.test(b.textContent!)),
      'the popup has no pay button',
      { timeout: 5000 },
    );
    [...popup.document.querySelectorAll('button')].find((b) => /pay/i.test(b.textContent!))!.click();
    await waitForText(el, /Certificate ID/);
    expect(popup.closed).to.equal(true);
  });
});
