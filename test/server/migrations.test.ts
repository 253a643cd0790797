/**
 * Upgrading a marketplace database: a file written by the server at an older
 * schema opens under the current one with every order, license, certificate
 * and ledger row kept, and the new rules apply from then on.
 */
import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { CertificateSchema, OrderSchema } from '../../src/api/schemas.js';
import { counts, expectError, get, isolatedMarketplace, type Isolated } from './http.js';
import { buy, fetchOrder, order, sandboxPay } from './purchase.js';

const NOW = '2026-06-01T00:00:00.000Z';
const EARLIER = '2026-05-20T10:00:00.000Z';
const LATER = '2026-05-20T10:10:00.000Z';

// Rows as a server at migration 002 wrote them: a completed Commercial order with its license, certificate and
// ledger; an Exclusive order rejected with a 002 code; an Exclusive order still awaiting payment, whose quote (like
// every quote before 003) recorded no Commercial licenses.
const AT_002 = `
INSERT INTO quotes (id, persona_id, license, price_cents, currency, policy_version, agreement_version, created_at,
  expires_at) VALUES
  ('quote-old-1', 'juno-okafor', 'commercial', 15000, 'USD', 'v1', '2026-03-18', '${EARLIER}', '${LATER}'),
  ('quote-old-2', 'noor-haddad', 'exclusive', 50000, 'USD', 'v1', '2026-03-18', '${EARLIER}', '${LATER}'),
  ('quote-old-3', 'mara-lindqvist', 'exclusive', 50000, 'USD', 'v1', '2026-03-18', '${NOW}', '2026-06-01T00:15:00.000Z');
INSERT INTO orders (id, quote_id, persona_id, license, price_cents, currency, buyer_name, buyer_email,
  agreement_version, idempotency_key, request_hash, status, payment_reference, confirmations, rejection_reason,
  created_at, expires_at, paid_at, completed_at, rejection_code) VALUES
  ('order-old-done', 'quote-old-1', 'juno-okafor', 'commercial', 15000, 'USD', 'Old Buyer', 'old@example.com',
   '2026-03-18', 'key-old-1', 'hash-1', 'completed', 'ref-1', 3, NULL, '${EARLIER}', '${LATER}', '${EARLIER}',
   '${EARLIER}', NULL),
  ('order-old-rejected', 'quote-old-2', 'noor-haddad', 'exclusive', 50000, 'USD', 'Late Buyer', 'late@example.com',
   '2026-03-18', 'key-old-2', 'hash-2', 'rejected', 'ref-2', 3, 'Another buyer''s Exclusive license took effect first.',
   '${EARLIER}', '${LATER}', '${EARLIER}', NULL, 'exclusive_active'),
  ('order-old-open', 'quote-old-3', 'mara-lindqvist', 'exclusive', 50000, 'USD', 'Open Buyer', 'open@example.com',
   '2026-03-18', 'key-old-3', 'hash-3', 'awaiting_payment', NULL, 0, NULL, '${NOW}', '2026-06-01T00:30:00.000Z',
   NULL, NULL, NULL);
INSERT INTO licenses (id, persona_id, license, buyer_name, buyer_email, effective_at, expires_at, order_id, created_at)
  VALUES ('license-old-1', 'juno-okafor', 'commercial', 'Old Buyer', 'old@example.com', '${EARLIER}',
   '2026-11-20T10:00:00.000Z', 'order-old-done', '${EARLIER}');
INSERT INTO certificates (id, license_id, order_id, rights, issued_at)
  VALUES ('cert-old-1', 'license-old-1', 'order-old-done', '["Use it"]', '${EARLIER}');
INSERT INTO ledger (order_id, party, creator_id, amount_cents, currency, created_at) VALUES
  ('order-old-done', 'creator', (SELECT creator_id FROM personas WHERE id = 'juno-okafor'), 11250, 'USD', '${EARLIER}'),
  ('order-old-done', 'platform', NULL, 3750, 'USD', '${EARLIER}');
`;

describe('upgrading a database written at migration 002', () => {
  let market: Isolated;

  beforeEach(async () => {
    market = await isolatedMarketplace(NOW, { file: true, legacy: { version: 2, sql: AT_002 } });
  });

  afterEach(async () => {
    await market.dispose();
  });

  it('keeps every order, license, certificate and ledger row', async () => {
    const rows = await counts(market.id);
    expect(rows.orders).to.equal(3);
    expect(rows.certificates).to.equal(1);
    expect(rows.ledger).to.equal(2);
    expect(rows.schema_migrations).to.be.greaterThan(2);

    const done = await fetchOrder(market.base, 'order-old-done');
    expect(done.status).to.equal('completed');
    expect(done.certificateId).to.equal('cert-old-1');
    const certificate = await get(`${market.base}/v1/certificates/cert-old-1`);
    expect(certificate.res.status, certificate.text).to.equal(200);
    expect(v.parse(CertificateSchema, certificate.body).buyer.name).to.equal('Old Buyer');
    expect(await market.ledger('order-old-done')).to.deep.equal([
      { party: 'creator', amount: 11250, currency: 'USD' },
      { party: 'platform', amount: 3750, currency: 'USD' },
    ]);

    const rejected = await fetchOrder(market.base, 'order-old-rejected');
    expect(rejected.status).to.equal('rejected');
    expect(rejected.failure).to.deep.equal({ code: 'exclusive_active', refunded: true });
  });

  it('still completes an Exclusive ordered before the upgrade, whose quote recorded no Commercial licenses', async () => {
    await buy(market.base, 'mara-lindqvist', 'commercial', { email: 'studio@example.com', name: 'Studio' });
    const paid = await sandboxPay(market.base, 'order-old-open');
    expect(paid.res.status, paid.text).to.equal(200);
    expect(v.parse(OrderSchema, paid.body).status).to.equal('completed');
  });

  it('rejects with the code the upgrade adds', async () => {
    const placed = await order(market.base, 'juno-okafor', 'exclusive');
    await buy(market.base, 'juno-okafor', 'commercial', { email: 'studio@example.com', name: 'Studio' });
    expectError(await sandboxPay(market.base, placed.id), 409, 'conflict', 'license');
    expect((await fetchOrder(market.base, placed.id)).failure).to.deep.equal({
      code: 'commercial_tail_grew',
      refunded: false,
    });
  });
});
