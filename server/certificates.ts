/**
 * License Certificates: issued when an order completes (see `orders.ts`),
 * served as JSON (`GET /v1/certificates/<id>`) and as a printable page
 * (`GET /certificates/<id>`). Both name the buyer, never their email.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Certificate, License } from '../src/api/schemas.js';
import { BASE_CSS, escapeHtml, pageDocument, timeElement } from './pages.js';
import { TIER_NAMES } from './rules.js';

/** A certificate with what it certifies, read from its license record. */
interface CertificateRow {
  id: string;
  license: License;
  persona_id: string;
  persona_name: string;
  buyer_name: string;
  effective_at: string;
  expires_at: string | null;
  rights: string;
  issued_at: string;
}

export class CertificateStore {
  readonly #select: Statement;

  constructor(db: Database) {
    // The buyer's email stays in the license record: it is not even read here.
    this.#select = db.prepare(
      `SELECT c.id, l.license, l.persona_id, p.name AS persona_name, l.buyer_name, l.effective_at, l.expires_at,
         c.rights, c.issued_at
       FROM certificates c JOIN licenses l ON l.id = c.license_id JOIN personas p ON p.id = l.persona_id
       WHERE c.id = ?`,
    );
  }

  /** A certificate as the API answers it, or `null`. */
  get(id: string, apiOrigin: string): (Certificate & { issuedAt: string }) | null {
    const row = this.#select.get(id) as CertificateRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      license: row.license,
      personaId: row.persona_id,
      personaName: row.persona_name,
      buyer: { name: row.buyer_name },
      effectiveAt: row.effective_at,
      expiresAt: row.expires_at,
      rights: JSON.parse(row.rights) as string[],
      url: certificatePageUrl(apiOrigin, row.id),
      issuedAt: row.issued_at,
    };
  }
}

/** The human-readable copy of a certificate, under the API's origin (and prefix). */
export function certificatePageUrl(apiOrigin: string, id: string): string {
  return `${apiOrigin}/certificates/${id}`;
}

/** The printable certificate page. */
export function renderCertificatePage(certificate: Certificate & { issuedAt: string }, apiOrigin: string): string {
  const tier = TIER_NAMES[certificate.license];
  const rights = certificate.rights.map((right) => `      <li>${escapeHtml(right)}</li>`).join('\n');
  const body = `<main class="page certificate">
  <p class="platform">AI-People marketplace</p>
  <h1>License Certificate</h1>
  <p class="lead">This certifies that <strong>${escapeHtml(certificate.buyer.name)}</strong> holds the
    <strong>${escapeHtml(tier)}</strong> license of the persona package
    <strong>${escapeHtml(certificate.personaName)}</strong>.</p>
  <dl>
    <dt>Certificate</dt>
    <dd><code>${escapeHtml(certificate.id)}</code></dd>
    <dt>License</dt>
    <dd>${escapeHtml(tier)}</dd>
    <dt>Persona package</dt>
    <dd>${escapeHtml(certificate.personaName)} (<code>${escapeHtml(certificate.personaId)}</code>)</dd>
    <dt>Licensee</dt>
    <dd>${escapeHtml(certificate.buyer.name)}</dd>
    <dt>Effective</dt>
    <dd>${timeElement(certificate.effectiveAt)}</dd>
    <dt>Expires</dt>
    <dd>${certificate.expiresAt ? timeElement(certificate.expiresAt) : 'Never: the assignment has no term'}</dd>
    <dt>Issued</dt>
    <dd>${timeElement(certificate.issuedAt)}</dd>
  </dl>
  <h2>Core rights</h2>
  <ul class="rights">
${rights}
  </ul>
  <p class="note">The persona is AI-generated and fictional. Issued by the reference marketplace, which simulates
    payments for development and testing: this page is not a legal document.</p>
</main>`;
  return pageDocument({
    title: `License Certificate ${certificate.id}`,
    stylesheet: `${apiOrigin}/certificates/certificate.css`,
    body,
  });
}

export const CERTIFICATE_CSS = `${BASE_CSS}
.certificate { max-width: 42rem; }
.certificate .lead { font-size: 1.125rem; margin: 0.75rem 0 1.25rem; }
.rights { padding-left: 1.25rem; }
.rights li { margin: 0.35rem 0; }
@media print {
  :root { color-scheme: light; --ink: #000000; --muted: #333333; --bg: #ffffff; --accent: #000000; }
  body { font-size: 11pt; }
  .certificate { max-width: none; padding: 0; }
  .certificate h1 { font-size: 20pt; }
}
`;
