/**
 * Privacy: nothing a public client can reach shows a creator's email or
 * payout wallet, or a buyer's email (the seed's license holders, or the buyer
 * of an order), in JSON or in the HTML pages; and the elements talk to
 * nobody but the API's origin through a whole browse and purchase.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { Order } from '../../src/api/schemas.js';
import type { AipCheckout } from '../../src/components/checkout/checkout.js';
import { placeOrder } from '../helpers.js';
import { get, isolatedMarketplace, post, seed, type Isolated } from '../server/http.js';
import { AGREEMENT_VERSION, newKey, quote } from '../server/purchase.js';
import { allRoots } from './dom-audit.js';

const NOW = '2026-06-01T12:00:00.000Z';
const BUYER_EMAIL = 'order-buyer-5d2e@buyers.example';
const HOLDER_EMAIL = seed.personas
  .find((p) => p.id === 'elio-marchetti')!
  .licenses!.find((l) => l.license === 'exclusive')!.buyer.email;

/** Every private string in the demo seed, plus the buyer of the order made below. */
const SECRETS = [
  ...seed.creators.flatMap((c) => [c.email, c.payoutWallet ?? '']),
  ...seed.personas.flatMap((p) => (p.licenses ?? []).map((l) => l.buyer.email)),
  BUYER_EMAIL,
].filter((s) => s !== '');

/** The private strings (compared case-insensitively) found in `text`. */
const leaks = (text: string) => SECRETS.filter((secret) => text.toLowerCase().includes(secret.toLowerCase()));

/** The other name of this test server (localhost ↔ 127.0.0.1): another origin, the same marketplace. */
function otherOrigin(): string {
  const other = new URL(location.href);
  other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return other.origin;
}

describe('privacy', function () {
  this.timeout(30_000);
  let m: Isolated;

  before(async () => {
    m = await isolatedMarketplace(NOW, { confirmations: 1, confirmationIntervalMs: 10 });
  });

  after(async () => {
    await m.dispose();
  });

  it('has secrets to look for: every creator’s email and wallet, every licensee’s email', () => {
    expect(SECRETS.length).to.be.greaterThan(seed.creators.length * 2);
  });

  it('no public answer or page shows a creator’s contact or payout data, or a buyer’s email', async () => {
    const seen: [string, string][] = [];
    const read = async (path: string, init: RequestInit = {}) => {
      const fetched = await get(`${m.base}${path}`, init);
      expect(fetched.res.status, `${path}: ${fetched.text}`).to.be.below(500);
      seen.push([path, fetched.text]);
      return fetched;
    };

    await read('/v1/pricing-policy');
    const published = seed.personas.filter((p) => p.status === 'published');
    let cursor: string | null = null;
    let listed = 0;
    do {
      const page: { body: unknown } = await read(
        `/v1/catalog?rating=explicit&limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      const body = page.body as { items: unknown[]; nextCursor: string | null };
      listed += body.items.length;
      cursor = body.nextCursor;
    } while (cursor);
    expect(listed).to.equal(published.length);
    for (const p of seed.personas) await read(`/v1/personas/${p.id}`);
    for (const c of seed.creators) {
      await read(`/v1/creators/${c.handle}`);
      await read(`/media/creators/${c.handle}/avatar.svg`);
    }
    await read('/media/personas/mara-lindqvist/title.svg');
    for (const license of ['commercial', 'exclusive', 'ownership'])
      await read(`/agreements/${license}/${AGREEMENT_VERSION}`);

    // A purchase, with the buyer's email in it: the quote, the order, its pages and the certificate.
    const q = await quote(m.base, 'mara-lindqvist', 'commercial');
    const made = await post<Order>(
      `${m.base}/v1/orders`,
      {
        quoteId: q.id,
        buyer: { email: BUYER_EMAIL, name: 'Private Buyer' },
        acceptedAgreement: { license: 'commercial', version: AGREEMENT_VERSION },
      },
      { headers: { 'Idempotency-Key': newKey('privacy') } },
    );
    expect(made.res.status, made.text).to.equal(201);
    seen.push(['POST /v1/orders', made.text]);
    await read(`/checkout/${made.body.id}`);
    const paid = await read(`/v1/sandbox/orders/${made.body.id}/pay`, { method: 'POST' });
    const certificateId = (paid.body as Order).certificateId!;
    await read(`/v1/orders/${made.body.id}`);
    await read(`/checkout/${made.body.id}`);
    await read(`/v1/certificates/${certificateId}`);
    await read(`/certificates/${certificateId}`);

    // Refusals that are about private facts say why without naming anyone.
    const ownership = await post(`${m.base}/v1/quotes`, {
      personaId: 'elio-marchetti',
      license: 'ownership',
      buyerEmail: 'someone@example.com',
    });
    expect(ownership.res.status).to.equal(409);
    seen.push(['ownership refused', ownership.text]);
    const holder = await post(`${m.base}/v1/quotes`, {
      personaId: 'elio-marchetti',
      license: 'ownership',
      buyerEmail: HOLDER_EMAIL,
    });
    expect(holder.res.status, holder.text).to.equal(201);
    seen.push(['ownership quoted', holder.text.replace(HOLDER_EMAIL, '')]);

    const brief = await post(
      `${m.base}/v1/custom-orders`,
      {
        personaId: 'mara-lindqvist',
        buyer: { email: BUYER_EMAIL, name: 'Private Buyer' },
        type: 'other',
        goal: 'A launch',
        channel: 'Web',
        deliverableCount: 1,
        formats: ['1:1'],
        deadline: '2026-07-01',
        budget: { amount: 50000, currency: 'USD' },
        rating: 'general',
      },
      { headers: { 'Idempotency-Key': newKey('privacy-brief') } },
    );
    expect(brief.res.status, brief.text).to.equal(201);
    seen.push(['POST /v1/custom-orders', brief.text]);
    await read('/checkout/order-nope');
    await read('/certificates/cert-nope');

    const found = seen.flatMap(([path, text]) => leaks(text).map((secret) => `${path}: ${secret}`));
    expect(found).to.deep.equal([]);
    expect(seen.length).to.be.greaterThan(seed.personas.length + seed.creators.length * 2);
  });

  it('the elements ask nobody but the API’s origin, through a browse, a detail and a checkout', async () => {
    const api = `${otherOrigin()}${m.base}`;
    const apiOrigin = new URL(api).origin;
    const requested: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) requested.push(entry.name);
    });
    observer.observe({ type: 'resource' });
    try {
      const root = await fixture<HTMLElement>(
        html`<div>
          <aip-storefront api=${api}><aip-catalog page-size="6"></aip-catalog></aip-storefront>
          <aip-storefront api=${api}>
            <aip-persona-detail persona="juno-okafor">
              <aip-checkout slot="checkout" poll-interval="250"></aip-checkout>
              <aip-custom-order slot="custom-order" persona="juno-okafor"></aip-custom-order>
            </aip-persona-detail>
          </aip-storefront>
        </div>`,
      );
      // Browse: open a card's detail in the catalog's dialog.
      const catalog = root.querySelector('aip-catalog')!;
      await waitUntil(
        () => catalog.shadowRoot!.querySelector('aip-persona-card')?.shadowRoot?.querySelector('.select'),
        'cards',
        { timeout: 8000 },
      );
      catalog
        .shadowRoot!.querySelector('aip-persona-card')!
        .shadowRoot!.querySelector<HTMLButtonElement>('.select')!
        .click();
      await waitUntil(
        () =>
          catalog
            .shadowRoot!.querySelector('dialog[open] aip-persona-detail')
            ?.shadowRoot?.querySelector('[part="creator-name"]'),
        'the detail',
        { timeout: 8000 },
      );

      // Buy: pick the tier, fill the checkout, pay (from Node, so the test's own request isn't counted).
      const checkout = root.querySelector<AipCheckout>('aip-checkout')!;
      const detail = root.querySelector('aip-persona-detail')!;
      const picker = await waitUntil(
        () =>
          detail
            .shadowRoot!.querySelector('aip-license-picker')
            ?.shadowRoot?.querySelector<HTMLElement>('[part~="tier"]'),
        'tiers',
        { timeout: 8000 },
      ).then(() => detail.shadowRoot!.querySelector('aip-license-picker')!);
      picker.shadowRoot!.querySelector<HTMLElement>('[part~="tier"]')!.click();
      const $ = <T extends HTMLElement>(s: string) => checkout.shadowRoot!.querySelector<T>(s);
      const order = await placeOrder(checkout, { name: 'Robin Example', email: 'robin@example.com' });
      // The page the elements show (the hosted checkout in the overlay's frame) comes from the API's origin too.
      const frames = () => allRoots().flatMap((r) => [...r.querySelectorAll('iframe')]);
      await waitUntil(() => frames().length > 0, 'the hosted checkout in its frame', { timeout: 8000 });
      for (const frame of frames()) expect(new URL(frame.src).origin, frame.src).to.equal(apiOrigin);
      const paid = await m.request(`/v1/sandbox/orders/${order.id}/pay`, { method: 'POST' });
      expect(paid.status, paid.text).to.equal(200);
      await waitUntil(() => $('[part="certificate"] dl'), 'the certificate', { timeout: 8000 });
      await new Promise((resolve) => setTimeout(resolve, 100));

      expect(requested.length).to.be.greaterThan(5);
      const elsewhere = requested.filter((url) => new URL(url).origin !== apiOrigin);
      expect(elsewhere).to.deep.equal([]);
    } finally {
      observer.disconnect();
    }
  });
});
