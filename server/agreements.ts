/**
 * Human-readable agreement pages, linked from every offer's `agreement.url`.
 *
 * The reference server's wording is a plain-language summary written for this
 * project, not the platform's legal text; the page says so.
 */
import type { License } from '../src/api/schemas.js';
import { AGREEMENT_VERSIONS, TERM_MONTHS } from './rules.js';

interface AgreementText {
  title: string;
  summary: string;
  terms: string[];
}

const TEXTS: Record<License, AgreementText> = {
  commercial: {
    title: 'Commercial License',
    summary: 'A non-exclusive right to use the licensed persona package in your own commercial work for a fixed term.',
    terms: [
      `The term is ${TERM_MONTHS.commercial} months, counted from the effective date recorded when payment completes.`,
      'You may use the package in advertising, marketing and branded campaigns, on social media, websites and landing pages, in presentations, packaging and promotional material, and in content you publish commercially.',
      'People who work for you (employees, controlled affiliates, contractors) may handle the files on your behalf.',
      'The license is non-exclusive and non-transferable. You may not resell, sublicense or relicense the package, or pass it on.',
      'Other buyers may license the same package. A later Exclusive sale stops new Commercial sales; yours keeps running to its own expiry but cannot be renewed.',
      'Only the files listed as deliverables are included. Nothing else is implied.',
      'Sales are final. A License Certificate is issued for every completed purchase.',
    ],
  },
  exclusive: {
    title: 'Exclusive License',
    summary: 'A single buyer’s exclusive right to exploit the persona package commercially for a fixed term.',
    terms: [
      `The term is ${TERM_MONTHS.exclusive} months from the effective date, unless the order states a shorter term.`,
      'From the effective date no new Commercial license and no second Exclusive license is sold for the package.',
      'Commercial licenses sold before the effective date keep running until they expire (the disclosed tail). They cannot be renewed.',
      'An Exclusive license does not transfer ownership, title or authorship.',
      'While your Exclusive is active you, and only you, may buy the Ownership / Assignment of the package.',
      'When the term ends without an Ownership sale, the package returns to normal sale.',
      'Sales are final. A License Certificate is issued for every completed purchase.',
    ],
  },
  ownership: {
    title: 'Ownership / Assignment',
    summary:
      'The transfer of the assignable rights the creator controls in the persona package and its listed deliverables.',
    terms: [
      'Only the buyer who holds the package’s active Exclusive license may buy it.',
      'There is no term: the assignment takes effect at closing, once payment and any required execution steps are complete.',
      'You may use, adapt, localise and commercially exploit the package, make derivatives, sublicense, resell and redistribute it, and use it in AI workflows including training and fine-tuning.',
      'Only rights the creator actually controls are transferred. Where a right cannot be assigned, you receive the widest contractual control available instead.',
      'Prompts, datasets, documentation, source files and model weights are included only when listed as deliverables.',
      'The sale ends every further sale of the package on the platform.',
      'Sales are final. A License Certificate and a transaction record are issued at closing.',
    ],
  },
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** Is this a license whose agreement exists in this version? */
export function agreementExists(license: string, version: string): license is License {
  return Object.hasOwn(AGREEMENT_VERSIONS, license) && AGREEMENT_VERSIONS[license as License] === version;
}

/**
 * The agreement pages' policy: nothing runs, and the only stylesheet is their
 * own (`AGREEMENT_CSS`, served beside them), so no inline style is needed.
 */
export const AGREEMENT_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** The agreement pages' stylesheet, served at `/agreements/agreement.css`. */
export const AGREEMENT_CSS = `body { font: 1rem/1.6 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
.meta, .note { color: #555; font-size: 0.9rem; }
li { margin: 0.4rem 0; }
`;

/**
 * The agreement page for one tier and version, as a complete HTML document
 * whose stylesheet is at `stylesheet` (an absolute URL on the same origin).
 */
export function renderAgreement(license: License, version: string, stylesheet: string): string {
  const text = TEXTS[license];
  const items = text.terms.map((term) => `      <li>${escapeHtml(term)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(text.title)} — agreement version ${escapeHtml(version)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${escapeHtml(stylesheet)}">
</head>
<body>
  <main>
    <h1>${escapeHtml(text.title)}</h1>
    <p class="meta">Agreement version ${escapeHtml(version)}</p>
    <p>${escapeHtml(text.summary)}</p>
    <ul>
${items}
    </ul>
    <p class="note">Reference marketplace: this page summarises the tier in plain language for development and testing. It is not the platform’s legal agreement.</p>
  </main>
</body>
</html>
`;
}
