/**
 * The hosted checkout page, `GET /checkout/{orderId}`, loaded the way a
 * partner page shows it: in an iframe (and a popup). What the buyer sees and
 * can do, which messages the embedding page receives and from where, and the
 * strict-CSP rules the page keeps.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import * as v from 'valibot';
import {
  CheckoutMessageSchema,
  OrderSchema,
  PersonaSchema,
  type CheckoutMessage,
  type Order,
} from '../../src/api/schemas.js';
import { get, isolatedMarketplace, post, seed, type Isolated } from './http.js';
import { fetchOrder, newKey, order, orderRequest, placeOrder, quote, sandboxPay } from './purchase.js';

const NOW = '2026-06-01T00:00:00.000Z';
const ORDER_TTL_MS = 30 * 60_000;
/** The pages' policy; only the hosted checkout adds the origin that made its order to `frame-ancestors`. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'self'";

/** The same server under the other loopback name: another origin, as a partner's API host would be. */
function otherOrigin(): string {
  const other = new URL(location.href);
  other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return other.origin;
}

interface Received {
  origin: string;
  source: MessageEventSource | null;
  data: CheckoutMessage;
}

describe('hosted checkout page', () => {
  let market: Isolated;
  let frames: HTMLIFrameElement[] = [];
  let messages: Received[] = [];
  const onMessage = (event: MessageEvent) => {
    if (v.is(CheckoutMessageSchema, event.data)) {
      messages.push({ origin: event.origin, source: event.source, data: event.data });
    }
  };

  before(async () => {
    market = await isolatedMarketplace(NOW, { confirmationIntervalMs: 30 });
  });

  after(async () => {
    await market.dispose();
  });

  beforeEach(() => {
    messages = [];
    window.addEventListener('message', onMessage);
  });

  afterEach(async () => {
    window.removeEventListener('message', onMessage);
    frames.forEach((f) => f.remove());
    frames = [];
    await market.setClock(NOW);
  });

  const pageUrl = (id: string) => `${market.base}/checkout/${id}`;

  /** Loads a URL in an iframe on this page and waits for it (its module script has run by then). */
  async function frame(src: string, width = 480): Promise<HTMLIFrameElement> {
    const iframe = document.createElement('iframe');
    iframe.title = 'Checkout';
    iframe.width = String(width);
    iframe.height = '800';
    const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    iframe.src = src;
    document.body.append(iframe);
    frames.push(iframe);
    await loaded;
    return iframe;
  }

  const doc = (iframe: HTMLIFrameElement) => iframe.contentDocument!;
  const statusText = (iframe: HTMLIFrameElement) => doc(iframe).getElementById('status-text')!.textContent!.trim();
  const payButton = (iframe: HTMLIFrameElement) => doc(iframe).getElementById('pay-button') as HTMLButtonElement;

  /** The page's HTML, parsed the way a browser would (its scripts don't run). */
  async function parsed(id: string): Promise<{ res: Response; document: Document }> {
    const fetched = await get(pageUrl(id));
    expect(fetched.res.status, fetched.text).to.equal(200);
    return { res: fetched.res, document: new DOMParser().parseFromString(fetched.text, 'text/html') };
  }

  async function messageFor(orderId: string, status: string): Promise<Received> {
    await waitUntil(
      () => messages.some((m) => m.data.orderId === orderId && m.data.status === status),
      `no ${status} message for ${orderId}; got ${JSON.stringify(messages.map((m) => m.data))}`,
      { timeout: 5000 },
    );
    return messages.find((m) => m.data.orderId === orderId && m.data.status === status)!;
  }

  /**
   * Marcus Bell's Exclusive holder orders Ownership a minute before the Exclusive ends (the clock is moved there):
   * the order, and the instant the Exclusive ends. A payment still confirming then is rejected and refunded.
   */
  async function ownershipAsExclusiveEnds(m: Isolated): Promise<{ placed: Order; ends: string }> {
    const persona = v.parse(PersonaSchema, (await get(`${m.base}/v1/personas/marcus-bell`)).body);
    const ends = persona.exclusiveUntil!;
    await m.setClock(new Date(Date.parse(ends) - 60_000).toISOString());
    const holder = { email: 'licensing@stride-health.example', name: 'Stride Health' };
    return { placed: await order(m.base, 'marcus-bell', 'ownership', holder), ends };
  }

  /** An order made from Node, so it can carry any Origin header (or none). */
  async function orderFromNode(origin: string | null, changes: object = {}): Promise<Order> {
    const q = await quote(market.base, 'mara-lindqvist', 'commercial');
    const answer = await market.request('/v1/orders', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': newKey(),
        ...(origin === null ? {} : { Origin: origin }),
      },
      body: JSON.stringify({ ...orderRequest(q), ...changes }),
    });
    expect(answer.status, answer.text).to.equal(201);
    return v.parse(OrderSchema, JSON.parse(answer.text));
  }

  describe('the page', () => {
    it('is served as HTML with a strict CSP, no referrer and no caching', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const { res } = await parsed(placed.id);
      expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      // This page made the order, so it may frame the checkout (the overlay).
      expect(res.headers.get('content-security-policy')).to.equal(`${CSP} ${location.origin}`);
      expect(res.headers.get('referrer-policy')).to.equal('no-referrer');
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('cache-control')).to.equal('no-store');
    });

    it('may be framed by the page that made the order only (and the marketplace), so no other site can', async () => {
      const partner = await orderFromNode('https://partner.example');
      expect((await parsed(partner.id)).res.headers.get('content-security-policy')).to.equal(
        `${CSP} https://partner.example`,
      );
      const backend = await orderFromNode(null); // made by a server: nobody frames its page
      expect((await parsed(backend.id)).res.headers.get('content-security-policy')).to.equal(CSP);
    });

    it('has no inline script, style or event handler; its script and stylesheet come from the API origin', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const { document: page } = await parsed(placed.id);
      expect(page.querySelectorAll('script:not([src])')).to.have.length(0);
      expect(page.querySelectorAll('style, [style]')).to.have.length(0);
      const handlers = [...page.querySelectorAll('*')].flatMap((el) =>
        el.getAttributeNames().filter((name) => name.startsWith('on')),
      );
      expect(handlers).to.deep.equal([]);
      const apiBase = `${location.origin}${market.base}`;
      expect([...page.querySelectorAll('script')].map((s) => s.getAttribute('src'))).to.deep.equal([
        `${apiBase}/checkout/checkout.js`,
      ]);
      expect(page.querySelector('link[rel=stylesheet]')!.getAttribute('href')).to.equal(
        `${apiBase}/checkout/checkout.css`,
      );
      const script = await get(`${market.base}/checkout/checkout.js`);
      expect(script.res.headers.get('content-type')).to.equal('text/javascript; charset=utf-8');
      expect(script.text).to.contain("type: 'aip-checkout'");
      const css = await get(`${market.base}/checkout/checkout.css`);
      expect(css.res.headers.get('content-type')).to.equal('text/css; charset=utf-8');
    });

    it('shows the persona, tier, USD price, the test USDC amount and rate, a sandbox wallet and a Pay button', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const { document: page } = await parsed(placed.id);
      expect(page.querySelector('h1')!.textContent).to.equal('Complete your purchase');
      const text = page.body.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Mara Lindqvist');
      expect(text).to.contain('Commercial License (6 months)');
      expect(text).to.contain('$149.00');
      expect(text).to.contain('149.0298 USDC');
      expect(text).to.contain('1 USD = 1.0002 USDC (fixed test rate)');
      expect(text).to.match(/0x[0-9a-f]{40} \(sandbox\)/);
      expect(text).to.contain('AI-generated and fictional');
      const button = page.querySelector('button')!;
      expect(button.textContent).to.equal('Pay with test USDC');
      expect(button.getAttribute('type')).to.equal('button');
      const status = page.getElementById('status-text')!;
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(status.textContent).to.equal('Waiting for your payment.');
      expect([...page.querySelectorAll('h2')].map((h) => h.textContent)).to.deep.equal([
        'Your order',
        'Pay with USDC (test network)',
        'Payment status',
      ]);
    });

    it('formats a four-figure price with a thousands separator', async () => {
      const placed = await order(market.base, 'priya-raman', 'commercial');
      const { document: page } = await parsed(placed.id);
      expect(page.querySelector('#summary-heading + dl .amount')!.textContent).to.equal('$1,299.00');
    });

    it('passes the order to its script in data attributes, the target origin being the one that created the order', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const { document: page } = await parsed(placed.id);
      const data = (page.getElementById('checkout') as HTMLElement).dataset;
      expect(data.orderId).to.equal(placed.id);
      expect(data.status).to.equal('awaiting_payment');
      expect(data.required).to.equal('3');
      expect(data.targetOrigin).to.equal(location.origin);
      expect(data.orderUrl).to.equal(`${location.origin}${market.base}/v1/orders/${placed.id}`);
      const forged = await orderFromNode('https://partner.example');
      expect((await parsed(forged.id)).document.getElementById('checkout')!.dataset.targetOrigin).to.equal(
        'https://partner.example',
      );
      for (const origin of [null, 'null']) {
        const none = await orderFromNode(origin);
        expect((await parsed(none.id)).document.getElementById('checkout')!.dataset.targetOrigin).to.equal('');
      }
    });

    it('escapes what it shows: a persona name and a return URL full of markup stay text', async () => {
      const name = 'Ada <script>alert(1)</script> & "Co"';
      const odd = await isolatedMarketplace(NOW, {
        seed: { ...seed, personas: seed.personas.map((p) => (p.id === 'juno-okafor' ? { ...p, name } : p)) },
      });
      try {
        const returnUrl = 'https://partner.example/back?next="><script>alert(2)</script>';
        const q = await quote(odd.base, 'juno-okafor', 'commercial');
        const placed = await placeOrder(odd.base, q, { returnUrl });
        const fetched = await get(`${odd.base}/checkout/${placed.id}`);
        const page = new DOMParser().parseFromString(fetched.text, 'text/html');
        expect(page.querySelectorAll('script:not([src])')).to.have.length(0);
        expect(page.querySelector('#summary-heading + dl dd')!.textContent).to.equal(name);
        expect(page.title).to.contain(name);
        expect(page.getElementById('checkout')!.dataset.returnUrl).to.equal(returnUrl);
      } finally {
        await odd.dispose();
      }
    });

    it('answers an unknown order with a 404 page under the same CSP', async () => {
      const fetched = await get(pageUrl('order-nope'));
      expect(fetched.res.status).to.equal(404);
      expect(fetched.res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      expect(fetched.res.headers.get('content-security-policy')).to.equal(CSP);
      expect(fetched.text).to.contain('Order not found');
    });

    it('passes axe checks in every state', async () => {
      const awaiting = await order(market.base, 'mara-lindqvist', 'commercial');
      const completed = await order(market.base, 'mara-lindqvist', 'commercial');
      await sandboxPay(market.base, completed.id);
      for (const id of [awaiting.id, completed.id]) {
        const { document: page } = await parsed(id);
        const host = await fixture<HTMLDivElement>(html`<div></div>`);
        host.append(document.importNode(page.querySelector('main')!, true));
        await expect(host).to.be.accessible();
        host.remove();
      }
    });

    it('fits a 320 px wide frame without scrolling sideways', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const iframe = await frame(pageUrl(placed.id), 320);
      expect(doc(iframe).documentElement.scrollWidth).to.be.at.most(320);
      const button = payButton(iframe).getBoundingClientRect();
      expect(button.height).to.be.at.least(24);
      expect(button.right).to.be.at.most(320);
    });
  });

  describe('paying in an iframe', () => {
    it('pays, counts the confirmations in the live region, completes and tells the parent', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const iframe = await frame(pageUrl(placed.id));
      const seen: string[] = [];
      new MutationObserver(() => seen.push(statusText(iframe))).observe(doc(iframe).getElementById('status-text')!, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      payButton(iframe).click();
      const confirming = await messageFor(placed.id, 'confirming');
      const completed = await messageFor(placed.id, 'completed');
      for (const message of [confirming, completed]) {
        expect(message.origin).to.equal(location.origin);
        expect(message.source).to.equal(iframe.contentWindow);
        expect(Object.keys(message.data).sort()).to.deep.equal(['orderId', 'status', 'type']);
      }
      await waitUntil(() => statusText(iframe).startsWith('Payment complete'), 'the page shows completion', {
        timeout: 5000,
      });
      expect(
        seen.some((text) => /^Confirming payment — [0-3] of 3$/.test(text)),
        seen.join(' | '),
      ).to.equal(true);
      expect(doc(iframe).getElementById('pay')!.hidden).to.equal(true);
      // Focus followed the payment into the status region.
      expect(doc(iframe).activeElement!.id).to.equal('status-text');
      const current = await fetchOrder(market.base, placed.id);
      const link = doc(iframe).getElementById('certificate-link') as HTMLAnchorElement;
      expect(doc(iframe).getElementById('certificate')!.hidden).to.equal(false);
      expect(link.href).to.equal(`${location.origin}${market.base}/certificates/${current.certificateId}`);
      expect(messages.filter((m) => m.data.orderId === placed.id).map((m) => m.data.status)).to.deep.equal([
        'confirming',
        'completed',
      ]);
    });

    it('pays by keyboard: the button takes focus and Enter presses it', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const iframe = await frame(pageUrl(placed.id));
      iframe.focus();
      payButton(iframe).focus();
      expect(doc(iframe).activeElement).to.equal(payButton(iframe));
      await sendKeys({ press: 'Enter' });
      await messageFor(placed.id, 'completed');
    });

    it('keeps an edge on the Pay button in forced colours, which drop its fill', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const iframe = await frame(pageUrl(placed.id));
      await emulateMedia({ forcedColors: 'active' } as Parameters<typeof emulateMedia>[0]);
      try {
        const style = iframe.contentWindow!.getComputedStyle(payButton(iframe));
        expect(style.borderTopStyle).to.equal('solid');
        expect(Number.parseFloat(style.borderTopWidth)).to.be.at.least(1);
      } finally {
        await emulateMedia({ forcedColors: 'none' } as Parameters<typeof emulateMedia>[0]);
      }
    });

    it('posts from the API origin to the page’s origin when the API lives on another origin', async () => {
      // Created from this page, cross-origin: the order records this page's origin, its checkout URL is the API's.
      const api = otherOrigin();
      const q = await quote(market.base, 'mara-lindqvist', 'commercial');
      const res = await fetch(`${api}${market.base}/v1/orders`, {
        method: 'POST',
        cache: 'no-store',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
        body: JSON.stringify(orderRequest(q)),
      });
      expect(res.status).to.equal(201);
      const placed = v.parse(OrderSchema, await res.json());
      expect(placed.checkoutUrl.startsWith(`${api}${market.base}/checkout/`)).to.equal(true);
      expect((await sandboxPay(market.base, placed.id)).res.status).to.equal(200);
      // Opened again after completion, it renders that state and says so to the page that framed it.
      const iframe = await frame(placed.checkoutUrl);
      const message = await messageFor(placed.id, 'completed');
      expect(message.origin).to.equal(api);
      expect(message.source).to.equal(iframe.contentWindow);
    });

    for (const [who, origin] of [
      ['to a page on another origin than the one that created the order', 'https://partner.example'],
      ['when no origin was recorded', null],
    ] as const) {
      it(`posts nothing ${who}`, async () => {
        const placed = await orderFromNode(origin);
        const iframe = await frame(pageUrl(placed.id));
        payButton(iframe).click();
        await waitUntil(() => statusText(iframe).startsWith('Payment complete'), 'the page shows completion', {
          timeout: 5000,
        });
        await new Promise((resolve) => setTimeout(resolve, 150));
        expect(messages.filter((m) => m.data.orderId === placed.id)).to.deep.equal([]);
      });
    }

    it('shows a rejected order, says the payment is returned, and tells the parent', async () => {
      // Its own marketplace, with one slow confirmation: the Exclusive below must end
      // while this payment is still confirming, however loaded the machine is.
      const slow = await isolatedMarketplace(NOW, { confirmations: 1, confirmationIntervalMs: 1500 });
      try {
        const { placed: second, ends } = await ownershipAsExclusiveEnds(slow);
        const iframe = await frame(`${slow.base}/checkout/${second.id}`);
        payButton(iframe).click();
        await messageFor(second.id, 'confirming');
        // The holder's Exclusive runs out while the Ownership payment is being confirmed.
        await slow.setClock(ends);
        await messageFor(second.id, 'rejected');
        await waitUntil(() => statusText(iframe).startsWith('The license could not be issued'), 'rejection shown', {
          timeout: 5000,
        });
        expect(statusText(iframe)).to.match(/returned in full/);
        expect(doc(iframe).getElementById('certificate')!.hidden).to.equal(true);
      } finally {
        await slow.dispose();
      }
    });

    it("holds Pay while another buyer's payment that decides this one is confirming: nothing is taken, Pay stays", async () => {
      const slow = await isolatedMarketplace(NOW, { confirmations: 1, confirmationIntervalMs: 1500 });
      try {
        const first = await order(slow.base, 'juno-okafor', 'exclusive', { email: 'a@example.com', name: 'A' });
        const second = await order(slow.base, 'juno-okafor', 'exclusive', { email: 'b@example.com', name: 'B' });
        expect((await post(`${slow.base}/checkout/${first.id}/pay`, '', {})).res.status).to.equal(200);
        const iframe = await frame(`${slow.base}/checkout/${second.id}`);
        payButton(iframe).click();
        const error = doc(iframe).getElementById('pay-error')!;
        await waitUntil(() => !error.hidden, 'the hold is said', { timeout: 5000 });
        expect(error.textContent).to.equal(
          "Another buyer's payment for this persona is being confirmed, and it decides whether this license can still be issued. Nothing was charged. Try again in a few seconds.",
        );
        expect(payButton(iframe).disabled).to.equal(false);
        expect((await fetchOrder(slow.base, second.id)).status).to.equal('awaiting_payment');
        expect(messages.some((m) => m.data.orderId === second.id)).to.equal(false);
      } finally {
        await slow.dispose();
      }
    });

    it('shows an order that expired before the page opened, and tells the parent', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      await market.setClock(new Date(Date.parse(NOW) + ORDER_TTL_MS).toISOString());
      const iframe = await frame(pageUrl(placed.id));
      expect(statusText(iframe)).to.match(/^This order has expired\. .*new quote/);
      expect(doc(iframe).getElementById('pay')!.hidden).to.equal(true);
      await messageFor(placed.id, 'expired');
    });

    it('shows an order that expires while the page is open once Pay is pressed', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const iframe = await frame(pageUrl(placed.id));
      await market.setClock(new Date(Date.parse(NOW) + ORDER_TTL_MS).toISOString());
      payButton(iframe).click();
      await messageFor(placed.id, 'expired');
      await waitUntil(() => statusText(iframe).startsWith('This order has expired'), 'expiry shown', { timeout: 5000 });
      expect(doc(iframe).getElementById('pay')!.hidden).to.equal(true);
      expect((await fetchOrder(market.base, placed.id)).status).to.equal('expired');
    });

    it('links back to the return URL with the order and its status, and stays put when framed', async () => {
      const q = await quote(market.base, 'mara-lindqvist', 'commercial');
      const placed = await placeOrder(market.base, q, { returnUrl: 'https://partner.example/shop?step=done' });
      const iframe = await frame(pageUrl(placed.id));
      const link = () => doc(iframe).getElementById('return-link') as HTMLAnchorElement;
      expect(link().textContent).to.equal('Return to partner.example');
      let href = new URL(link().href);
      expect(href.origin + href.pathname).to.equal('https://partner.example/shop');
      expect([...href.searchParams]).to.deep.equal([
        ['step', 'done'],
        ['aip-order', placed.id],
        ['aip-status', 'awaiting_payment'],
      ]);
      payButton(iframe).click();
      await messageFor(placed.id, 'completed');
      href = new URL(link().href);
      expect(href.searchParams.get('aip-status')).to.equal('completed');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(iframe.contentWindow!.location.pathname).to.equal(`${market.base}/checkout/${placed.id}`);
    });

    it('has no return link without a return URL', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const iframe = await frame(pageUrl(placed.id));
      expect(doc(iframe).getElementById('return-link')).to.equal(null);
    });
  });

  describe('in a popup', () => {
    it('tells the opener', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const popup = window.open(pageUrl(placed.id), 'aip-checkout-test', 'popup,width=480,height=700');
      expect(popup, 'the browser opened the popup').to.not.equal(null);
      try {
        await waitUntil(() => popup!.document.getElementById('pay-button') !== null, 'the popup loaded', {
          timeout: 5000,
        });
        await waitUntil(() => popup!.document.readyState === 'complete', 'the popup ran its script', { timeout: 5000 });
        (popup!.document.getElementById('pay-button') as HTMLButtonElement).click();
        const message = await messageFor(placed.id, 'completed');
        expect(message.source).to.equal(popup);
        expect(message.origin).to.equal(location.origin);
      } finally {
        popup?.close();
      }
    });
  });

  describe('in a tab of its own (redirect mode)', () => {
    it('returns to the return URL when paid, even when the tab was itself opened by another window', async () => {
      // The shop's tab was opened by another page (a link with target=_blank, a mail client): it has an opener,
      // which is not the shop. An order with a return URL is a redirect, so the page goes back, and tells no one.
      const back = `${location.origin}/__after-checkout?step=done`;
      const q = await quote(market.base, 'mara-lindqvist', 'commercial');
      const placed = await placeOrder(market.base, q, { returnUrl: back });
      const tab = window.open(pageUrl(placed.id), 'aip-redirect-test');
      expect(tab, 'the browser opened the tab').to.not.equal(null);
      try {
        await waitUntil(() => tab!.document.getElementById('pay-button') !== null, 'the page loaded', {
          timeout: 5000,
        });
        await waitUntil(() => tab!.document.readyState === 'complete', 'the page ran its script', { timeout: 5000 });
        (tab!.document.getElementById('pay-button') as HTMLButtonElement).click();
        await waitUntil(() => tab!.location.pathname === '/__after-checkout', 'the tab went back to the shop', {
          timeout: 8000,
        });
        const returned = new URL(tab!.location.href);
        expect(returned.searchParams.get('aip-order')).to.equal(placed.id);
        expect(returned.searchParams.get('aip-status')).to.equal('completed');
        expect(messages.some((m) => m.data.orderId === placed.id)).to.equal(false);
      } finally {
        tab?.close();
      }
    });
  });

  describe("in the buyer's language", () => {
    const main = (d: Document) => d.querySelector('main')!.textContent!.replace(/\s+/g, ' ');

    it("speaks German with ?locale=de-DE: texts, money, dates and the script's status lines, then a German certificate", async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const iframe = await frame(`${pageUrl(placed.id)}?locale=de-DE`);
      const d = doc(iframe);
      expect(d.documentElement.lang).to.equal('de');
      expect(d.title).to.equal('Checkout – Mara Lindqvist, Kommerzielle Lizenz');
      expect(d.querySelector('h1')!.textContent).to.equal('Kauf abschließen');
      expect(main(d)).to.contain('Kommerzielle Lizenz (6 Monate)');
      expect(main(d)).to.contain('149,00 $');
      expect(main(d)).to.contain('149,0298 USDC');
      expect(main(d)).to.contain('1 USD = 1,0002 USDC (fester Testkurs)');
      expect(main(d)).to.contain('1. Juni 2026 um 00:30 UTC');
      expect(statusText(iframe)).to.equal('Ihre Zahlung steht aus.');
      expect(payButton(iframe).textContent).to.equal('Mit Test-USDC bezahlen');
      const seen: string[] = [];
      new MutationObserver(() => seen.push(statusText(iframe))).observe(d.getElementById('status-text')!, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      payButton(iframe).click();
      await messageFor(placed.id, 'completed');
      await waitUntil(() => statusText(iframe).startsWith('Zahlung abgeschlossen'), 'completion in German', {
        timeout: 5000,
      });
      expect(
        seen.some((text) => /^Zahlung wird bestätigt – [0-3] von 3$/.test(text)),
        seen.join(' | '),
      ).to.equal(true);
      expect(main(d)).not.to.match(/Payment|Your |Pay with|Waiting|Confirming/);
      const link = d.getElementById('certificate-link') as HTMLAnchorElement;
      expect(link.textContent).to.equal('Ihr Lizenzzertifikat ansehen');
      expect(new URL(link.href).searchParams.get('locale')).to.equal('de');
      const certificate = await get(link.href);
      const page = new DOMParser().parseFromString(certificate.text, 'text/html');
      expect(page.documentElement.lang).to.equal('de');
      expect(page.querySelector('h1')!.textContent).to.equal('Lizenzzertifikat');
      expect(main(page)).to.contain(
        'Hiermit wird bestätigt, dass Harbor Coffee Co. für das Persona-Paket Mara Lindqvist Folgendes erworben hat: Kommerzielle Lizenz.',
      );
      expect(main(page)).to.contain('Die Rechte stehen auf Englisch, in der Sprache des Lizenzvertrags.');
      // The rights are the agreement's own English words, and say so to assistive technology.
      expect(page.querySelector('.rights')!.getAttribute('lang')).to.equal('en');
    });

    it('follows Accept-Language by weight and by language when the address names none, else English', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const heading = async (url: string, acceptLanguage?: string) => {
        const fetched = await get(url, acceptLanguage ? { headers: { 'Accept-Language': acceptLanguage } } : {});
        return new DOMParser().parseFromString(fetched.text, 'text/html').querySelector('h1')!.textContent;
      };
      expect(await heading(pageUrl(placed.id), 'fr-CH, de;q=0.5, es-MX;q=0.8')).to.equal('Complete su compra');
      expect(await heading(pageUrl(placed.id), 'fr, ja;q=0.9')).to.equal('Complete your purchase');
      expect(await heading(`${pageUrl(placed.id)}?locale=fr-FR`, 'de-AT')).to.equal('Kauf abschließen');
      expect(await heading(`${pageUrl(placed.id)}?locale=es`, 'de-AT')).to.equal('Complete su compra');
      expect(await heading(`${market.base}/checkout/order-nope?locale=de`)).to.equal('Bestellung nicht gefunden');
    });

    it('says why an order ended in Spanish, from its code: expired, or rejected with the payment returned', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      await market.setClock(new Date(Date.parse(NOW) + ORDER_TTL_MS).toISOString());
      const expired = await frame(`${pageUrl(placed.id)}?locale=es-ES`);
      expect(statusText(expired)).to.equal(
        'Este pedido ha vencido. Este pedido estaba reservado hasta el 1 de junio de 2026 a las 0:30 UTC y venció antes de pagarse. Pida un nuevo presupuesto para comprar la licencia.',
      );
      const slow = await isolatedMarketplace(NOW, { confirmations: 1, confirmationIntervalMs: 1500 });
      try {
        const { placed: second, ends } = await ownershipAsExclusiveEnds(slow);
        const iframe = await frame(`${slow.base}/checkout/${second.id}?locale=es-ES`);
        payButton(iframe).click();
        await messageFor(second.id, 'confirming');
        await slow.setClock(ends);
        await messageFor(second.id, 'rejected');
        await waitUntil(() => statusText(iframe).startsWith('No se pudo emitir'), 'rejection in Spanish', {
          timeout: 5000,
        });
        expect(statusText(iframe)).to.equal(
          'No se pudo emitir la licencia. La Propiedad / cesión requiere una Licencia exclusiva vigente, que usted ya no tiene. Se le devuelve el pago íntegro.',
        );
      } finally {
        await slow.dispose();
      }
    });
  });

  describe('POST /checkout/{orderId}/pay', () => {
    it('is the page’s own endpoint: 200 with the order confirming, 409 once it is not awaiting payment', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const first = await post(`${pageUrl(placed.id)}/pay`, '', { headers: { 'Content-Type': 'text/plain' } });
      expect(first.res.status, first.text).to.equal(200);
      expect(v.parse(OrderSchema, first.body).status).to.equal('confirming');
      const again = await post(`${pageUrl(placed.id)}/pay`, '', { headers: { 'Content-Type': 'text/plain' } });
      expect(again.res.status).to.equal(409);
    });

    it('refuses a request a browser sends from another site', async () => {
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const res = await fetch(`${otherOrigin()}${pageUrl(placed.id)}/pay`, { method: 'POST', cache: 'no-store' });
      expect(res.status).to.equal(403);
      expect((await fetchOrder(market.base, placed.id)).status).to.equal('awaiting_payment');
    });

    it('refuses a request from a sibling site (Sec-Fetch-Site: same-site), not only from another site', async () => {
      // Another subdomain of the platform's site is still not the hosted page.
      const placed = await order(market.base, 'mara-lindqvist', 'commercial');
      const answer = await market.request(`/checkout/${placed.id}/pay`, {
        method: 'POST',
        headers: { 'Sec-Fetch-Site': 'same-site' },
      });
      expect(answer.status, answer.text).to.equal(403);
      expect(answer.text).to.contain('Sec-Fetch-Site');
      expect((await fetchOrder(market.base, placed.id)).status).to.equal('awaiting_payment');
    });
  });
});
