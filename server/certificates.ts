/**
 * License Certificates: issued when an order completes (see `orders.ts`),
 * served as JSON (`GET /v1/certificates/<id>`) and as a printable page
 * (`GET /certificates/<id>`). Both name the buyer, never their email.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Certificate, License } from '../src/api/schemas.js';
import { BASE_CSS, escapeHtml, pageDocument, timeElement } from './pages.js';
import type { PageTexts } from './page-texts.js';

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

/** The printable certificate page, in the page's language; the rights stay in the agreement's English. */
export function renderCertificatePage(
  certificate: Certificate & { issuedAt: string },
  apiOrigin: string,
  texts: PageTexts,
): string {
  const tier = texts.tiers[certificate.license];
  const time = (iso: string) => timeElement(iso, texts.dateLocale);
  const strong = (value: string) => `<strong>${escapeHtml(value)}</strong>`;
  const rights = certificate.rights.map((right) => `      <li>${escapeHtml(right)}</li>`).join('\n');
  const rightsLanguage = texts.rightsLanguage ? `\n  <p class="note">${escapeHtml(texts.rightsLanguage)}</p>` : '';
  const body = `<main class="page certificate">
  <p class="platform">${escapeHtml(texts.platform)}</p>
  <h1>${escapeHtml(texts.certificateHeading)}</h1>
  <p class="lead">${texts.certifies(strong(certificate.buyer.name), strong(tier), strong(certificate.personaName))}</p>
  <dl>
    <dt>${escapeHtml(texts.certificate)}</dt>
    <dd><code>${escapeHtml(certificate.id)}</code></dd>
    <dt>${escapeHtml(texts.license)}</dt>
    <dd>${escapeHtml(tier)}</dd>
    <dt>${escapeHtml(texts.personaPackage)}</dt>
    <dd>${escapeHtml(certificate.personaName)} (<code>${escapeHtml(certificate.personaId)}</code>)</dd>
    <dt>${escapeHtml(texts.licensee)}</dt>
    <dd>${escapeHtml(certificate.buyer.name)}</dd>
    <dt>${escapeHtml(texts.effective)}</dt>
    <dd>${time(certificate.effectiveAt)}</dd>
    <dt>${escapeHtml(texts.expires)}</dt>
    <dd>${certificate.expiresAt ? time(certificate.expiresAt) : escapeHtml(texts.noTerm)}</dd>
    <dt>${escapeHtml(texts.issued)}</dt>
    <dd>${time(certificate.issuedAt)}</dd>
  </dl>
  <h2>${escapeHtml(texts.coreRights)}</h2>${rightsLanguage}
  <ul class="rights" lang="en">
${rights}
  </ul>
  <p class="note">${escapeHtml(texts.certificateNote)}</p>
</main>`;
  return pageDocument({
    lang: texts.lang,
    title: texts.certificateTitle(certificate.id),
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
