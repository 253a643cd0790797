/**
 * License Certificates: `GET /v1/certificates/{id}` for integrators and the
 * printable page at `GET /certificates/{id}` for people. Both name the buyer,
 * never their email.
 */
import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { CertificateSchema, type Certificate } from '../../src/api/schemas.js';
import { expectError, get, isolatedMarketplace, type Isolated } from './http.js';
import { buy, plusMonths } from './purchase.js';

const NOW = '2026-06-01T00:00:00.000Z';
/** The pages' policy; only the hosted checkout adds the origin that made its order to `frame-ancestors`. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'self'";
const BUYER = { email: 'legal@markup.example', name: 'Markup <img src=x onerror=alert(1)> & Co' };

describe('certificates', () => {
  let market: Isolated;
  let certificate: Certificate;

  before(async () => {
    market = await isolatedMarketplace(NOW);
    const done = await buy(market.base, 'mara-lindqvist', 'commercial', BUYER);
    const fetched = await get(`${market.base}/v1/certificates/${done.certificateId}`);
    expect(fetched.res.status, fetched.text).to.equal(200);
    certificate = v.parse(CertificateSchema, fetched.body);
  });

  after(async () => {
    await market.dispose();
  });

  describe('GET /v1/certificates/{id}', () => {
    it('answers the certificate: type, buyer name, package, effective date, expiry, core rights, page URL', async () => {
      const fetched = await get(`${market.base}/v1/certificates/${certificate.id}`);
      expect(fetched.res.headers.get('content-type')).to.match(/^application\/json/);
      expect(fetched.res.headers.get('etag')).to.be.a('string');
      expect(fetched.text).to.not.contain(BUYER.email);
      expect(certificate).to.deep.include({
        license: 'commercial',
        personaId: 'mara-lindqvist',
        personaName: 'Mara Lindqvist',
        buyer: { name: BUYER.name },
        effectiveAt: NOW,
        expiresAt: plusMonths(NOW, 6),
        url: `${location.origin}${market.base}/certificates/${certificate.id}`,
      });
      expect(certificate.rights.length).to.be.at.least(3);
      expect(certificate.rights.every((right) => right.length > 0 && right.length <= 200)).to.equal(true);
    });

    it("is the same on every read, kept by the buyer's browser only, and revalidates with its ETag", async () => {
      const first = await get(`${market.base}/v1/certificates/${certificate.id}`);
      // It names the buyer: no shared cache may keep it.
      expect(first.res.headers.get('cache-control')).to.equal('private, no-cache');
      const again = await get(`${market.base}/v1/certificates/${certificate.id}`, {
        headers: { 'If-None-Match': first.res.headers.get('etag')! },
      });
      expect(again.res.status).to.equal(304);
    });

    it('404s an unknown certificate and 400s an id that is not a slug', async () => {
      expectError(await get(`${market.base}/v1/certificates/cert-nope`), 404, 'not_found');
      expectError(await get(`${market.base}/v1/certificates/Cert_1`), 400, 'invalid_request', 'id');
    });
  });

  describe('GET /certificates/{id}', () => {
    async function page(): Promise<{ res: Response; document: Document; text: string }> {
      const fetched = await get(certificate.url.slice(location.origin.length));
      expect(fetched.res.status).to.equal(200);
      return { ...fetched, document: new DOMParser().parseFromString(fetched.text, 'text/html') };
    }

    it('is HTML under the strict CSP, with no inline script or style', async () => {
      const { res, document: doc } = await page();
      expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).to.equal(CSP);
      expect(res.headers.get('referrer-policy')).to.equal('no-referrer');
      expect(doc.querySelectorAll('script:not([src]), style, [style]')).to.have.length(0);
      const css = await get(`${market.base}/certificates/certificate.css`);
      expect(css.res.status).to.equal(200);
      expect(css.res.headers.get('content-type')).to.equal('text/css; charset=utf-8');
      expect(css.text).to.contain('@media print');
    });

    it('prints the certificate for a person: buyer, tier, package, dates and rights, and no email', async () => {
      const { document: doc, text } = await page();
      expect(doc.querySelector('h1')!.textContent).to.equal('License Certificate');
      expect(text).to.not.contain(BUYER.email);
      // The buyer's name is text, not markup.
      expect(doc.querySelectorAll('img')).to.have.length(0);
      const fields = Object.fromEntries(
        [...doc.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]),
      );
      expect(fields).to.deep.equal({
        Certificate: certificate.id,
        License: 'Commercial License',
        'Persona package': 'Mara Lindqvist (mara-lindqvist)',
        Licensee: BUYER.name,
        Effective: '1 June 2026 at 00:00 UTC',
        Expires: '1 December 2026 at 00:00 UTC',
        Issued: '1 June 2026 at 00:00 UTC',
      });
      expect(doc.querySelector('time')!.getAttribute('datetime')).to.equal(NOW);
      expect([...doc.querySelectorAll('.rights li')].map((li) => li.textContent)).to.deep.equal(certificate.rights);
    });

    it('says an Ownership assignment never expires', async () => {
      const holder = { email: 'owner@example.com', name: 'Owner Ltd' };
      await buy(market.base, 'juno-okafor', 'exclusive', holder);
      const owned = await buy(market.base, 'juno-okafor', 'ownership', holder);
      const fetched = await get(`${market.base}/certificates/${owned.certificateId}`);
      const doc = new DOMParser().parseFromString(fetched.text, 'text/html');
      const expires = [...doc.querySelectorAll('dt')].find((dt) => dt.textContent === 'Expires')!;
      expect(expires.nextElementSibling!.textContent).to.match(/^Never/);
    });

    it('answers an unknown certificate with a 404 page', async () => {
      const fetched = await get(`${market.base}/certificates/cert-nope`);
      expect(fetched.res.status).to.equal(404);
      expect(fetched.res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      expect(fetched.text).to.contain('Certificate not found');
    });
  });
});
