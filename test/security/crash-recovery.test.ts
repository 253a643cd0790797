/**
 * A marketplace stopped in the middle of a payment's confirmations and
 * started again on the same database file: the purchase is never half
 * written (no license, certificate or ledger row without its completed
 * order, and none twice), it completes after the restart, and a buyer's
 * `<aip-checkout>` that was following it gets there by polling alone.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import * as v from 'valibot';
import '../../src/index.js';
import { OrderSchema } from '../../src/api/schemas.js';
import type { AipCheckout } from '../../src/components/checkout/checkout.js';
import type { AipCheckoutCompleteEvent } from '../../src/events/checkout.js';
import { placeOrder as checkOut } from '../helpers.js';
import { counts, get, isolatedMarketplace, type Isolated } from '../server/http.js';
import { fetchOrder, order as placeOrder, waitForOrder } from '../server/purchase.js';

const NOW = '2026-06-01T12:00:00.000Z';
/** Long enough that no confirmation arrives while the test looks. */
const FROZEN_MS = 60_000;

describe('crash recovery', function () {
  this.timeout(20_000);
  let m: Isolated;

  beforeEach(async () => {
    m = await isolatedMarketplace(NOW, { file: true, confirmations: 3, confirmationIntervalMs: 300 });
  });

  afterEach(async () => {
    sessionStorage.clear();
    await m.dispose();
  });

  /** The rows a completed sale writes, for one order: none, or exactly one license, one certificate, two ledger rows. */
  async function expectWhole(orderId: string, completed: boolean, before: Record<string, number>) {
    const after = await counts(m.id);
    const ledger = await m.ledger(orderId);
    if (completed) {
      expect(after.licenses - before.licenses).to.equal(1);
      expect(after.certificates - before.certificates).to.equal(1);
      expect(ledger.map((row) => row.party)).to.deep.equal(['creator', 'platform']);
    } else {
      expect(after.licenses).to.equal(before.licenses);
      expect(after.certificates).to.equal(before.certificates);
      expect(ledger).to.deep.equal([]);
    }
    expect(after.ledger - before.ledger).to.equal(ledger.length);
  }

  it('keeps the confirmations received, writes nothing half way, and completes after the restart', async () => {
    const placed = await placeOrder(m.base, 'mara-lindqvist', 'commercial');
    const before = await counts(m.id);
    const paying = await get(`${m.base}/checkout/${placed.id}/pay`, { method: 'POST' });
    expect(paying.res.status, paying.text).to.equal(200);
    await waitForOrder(m.base, placed.id, (o) => (o.confirmations?.received ?? 0) >= 1);

    // Stopped mid-confirmation, started again with confirmations held back: the state is as it was left.
    await m.restart({ confirmationIntervalMs: FROZEN_MS });
    const held = await fetchOrder(m.base, placed.id);
    expect(held.status).to.equal('confirming');
    expect(held.confirmations!.received).to.be.within(1, 2);
    expect(held.certificateId).to.equal(null);
    await expectWhole(placed.id, false, before);
    expect((await counts(m.id)).orders).to.equal(before.orders);

    // Started again with confirmations flowing: it completes once, with every row of the sale.
    await m.restart({ confirmationIntervalMs: 20 });
    const done = await waitForOrder(m.base, placed.id, (o) => o.status !== 'confirming');
    expect(done.status).to.equal('completed');
    expect(done.confirmations).to.deep.equal({ received: 3, required: 3 });
    expect(done.certificateId).to.match(/^cert-/);
    await expectWhole(placed.id, true, before);
    const certificate = await get(`${m.base}/v1/certificates/${done.certificateId}`);
    expect(certificate.res.status).to.equal(200);

    // A third start finds nothing left to resume and writes nothing more.
    const settled = await counts(m.id);
    await m.restart({ confirmationIntervalMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await counts(m.id)).to.deep.equal(settled);
    expect(v.parse(OrderSchema, (await get(`${m.base}/v1/orders/${placed.id}`)).body).status).to.equal('completed');
  });

  it('an Exclusive payment interrupted by a restart still holds the other, which is then refused before any charge', async () => {
    const a = await placeOrder(m.base, 'juno-okafor', 'exclusive', { email: 'a@example.com', name: 'A' });
    const b = await placeOrder(m.base, 'juno-okafor', 'exclusive', { email: 'b@example.com', name: 'B' });
    const before = await counts(m.id);
    const pay = (id: string) => get(`${m.base}/checkout/${id}/pay`, { method: 'POST' });
    expect((await pay(a.id)).res.status).to.equal(200);
    await waitForOrder(m.base, a.id, (o) => (o.confirmations?.received ?? 0) >= 1);
    await m.restart({ confirmationIntervalMs: FROZEN_MS });
    // After the restart A is still confirming, so B's payment still waits for it.
    expect((await pay(b.id)).res.status).to.equal(409);
    expect((await fetchOrder(m.base, b.id)).status).to.equal('awaiting_payment');
    await m.restart({ confirmationIntervalMs: 20 });
    expect((await waitForOrder(m.base, a.id, (o) => o.status !== 'confirming')).status).to.equal('completed');
    expect((await pay(b.id)).res.status).to.equal(409);
    const loser = await fetchOrder(m.base, b.id);
    expect(loser.status).to.equal('rejected');
    expect(loser.failure).to.deep.equal({ code: 'exclusive_active', refunded: false });
    await expectWhole(a.id, true, before);
    expect(await m.ledger(b.id)).to.deep.equal([]);
  });

  it('the checkout element rides out the restart by polling and shows the certificate', async () => {
    const el = await fixture<AipCheckout>(
      html`<aip-checkout api=${m.base} persona="noor-haddad" license="commercial" poll-interval="250"></aip-checkout>`,
    );
    const $ = <T extends HTMLElement>(s: string) => el.shadowRoot!.querySelector<T>(s);
    const { id } = await checkOut(el, { name: 'Robin Example', email: 'robin@example.com' });
    const before = await counts(m.id);

    // The buyer pays on the hosted page; the server stops after the first confirmation.
    expect((await get(`${m.base}/checkout/${id}/pay`, { method: 'POST' })).res.status).to.equal(200);
    await waitForOrder(m.base, id, (o) => (o.confirmations?.received ?? 0) >= 1);
    await m.restart({ confirmationIntervalMs: FROZEN_MS });
    await waitUntil(() => /confirm/i.test(el.shadowRoot!.textContent ?? ''), 'the element follows the confirmations', {
      timeout: 8000,
    });
    await expectWhole(id, false, before);

    // Back with confirmations flowing: the element learns of the completion by itself.
    const complete = oneEvent(el, 'aip-checkout-complete') as Promise<AipCheckoutCompleteEvent>;
    await m.restart({ confirmationIntervalMs: 20 });
    const event = await complete;
    expect(event.detail.orderId).to.equal(id);
    await waitUntil(() => $('[part="certificate"] dl'), 'the certificate', { timeout: 8000 });
    expect($('[part="certificate"]')!.textContent).to.contain('Robin Example');
    await expectWhole(id, true, before);
  });
});
