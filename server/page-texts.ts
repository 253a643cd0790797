/**
 * The words of the marketplace's own pages (hosted checkout, certificate) in
 * English, German and Spanish. A page speaks the language its address asks
 * for (`?locale=de-DE`, which `<aip-checkout>` adds from the storefront's
 * locale), else the browser's `Accept-Language`, else English.
 *
 * The API's own prose (`failureReason`, error messages) stays English: it is
 * for integrators and logs; clients word the codes beside it themselves. The
 * English rejection and expiry texts below are that prose, so there is one
 * source for each sentence.
 */
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import type { License, RejectionCode } from '../src/api/schemas.js';

export const PAGE_LANGUAGES = ['en', 'de', 'es'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export interface PageTexts {
  lang: PageLanguage;
  /** Locales for `Intl`: money as the marketplace shows it, dates in words. */
  moneyLocale: string;
  dateLocale: string;
  tiers: Record<License, string>;
  // Hosted checkout.
  checkoutPlatform: string;
  checkoutTitle: (persona: string, tier: string) => string;
  checkoutHeading: string;
  orderHeading: string;
  persona: string;
  license: string;
  price: string;
  order: string;
  term: (months: number | null) => string;
  orderNote: string;
  payHeading: string;
  payNote: string;
  youPay: string;
  rate: string;
  fixedRate: string;
  toWallet: string;
  sandbox: string;
  heldUntil: string;
  payButton: string;
  statusHeading: string;
  awaiting: string;
  /** `{received}` and `{required}` are filled in by the page's script as confirmations arrive. */
  confirming: string;
  completed: string;
  expiredStatus: string;
  rejectedStatus: string;
  viewCertificate: string;
  returnTo: (host: string) => string;
  noScript: string;
  sending: string;
  payFailed: string;
  /** Pay was refused because another buyer's payment for the persona, which would take this tier, is confirming. */
  paymentPending: string;
  /** Why an unpaid order expired; `until` is already formatted. */
  expiredReason: (until: string) => string;
  /** Why an order was rejected, and what became of the money. */
  rejectedReason: (code: RejectionCode, tier: string, paid: boolean) => string;
  orderNotFound: [heading: string, text: string];
  // Certificate.
  platform: string;
  certificateTitle: (id: string) => string;
  certificateHeading: string;
  /** The lead sentence around three already-marked-up values. */
  certifies: (buyer: string, tier: string, persona: string) => string;
  certificate: string;
  personaPackage: string;
  licensee: string;
  effective: string;
  expires: string;
  noTerm: string;
  issued: string;
  coreRights: string;
  /** Said above the rights when they are not in the page's language; null in English. */
  rightsLanguage: string | null;
  certificateNote: string;
  certificateNotFound: [heading: string, text: string];
}

const en: PageTexts = {
  lang: 'en',
  moneyLocale: 'en-US',
  dateLocale: 'en-GB',
  // The legal names, as the widgets give them: Ownership is an assignment, not a license.
  tiers: { commercial: 'Commercial License', exclusive: 'Exclusive License', ownership: 'Ownership / Assignment' },
  checkoutPlatform: 'AI-People marketplace · hosted checkout',
  checkoutTitle: (persona, tier) => `Checkout — ${persona}, ${tier}`,
  checkoutHeading: 'Complete your purchase',
  orderHeading: 'Your order',
  persona: 'Persona',
  license: 'License',
  price: 'Price',
  order: 'Order',
  term: (months) => (months === null ? '(no term)' : `(${months} months)`),
  orderNote: 'The persona is AI-generated and fictional. Sales are final.',
  payHeading: 'Pay with USDC (test network)',
  payNote: 'Simulated payment: no real money moves and no wallet is needed.',
  youPay: 'You pay',
  rate: 'Rate',
  fixedRate: '(fixed test rate)',
  toWallet: 'To wallet',
  sandbox: '(sandbox)',
  heldUntil: 'Held until',
  payButton: 'Pay with test USDC',
  statusHeading: 'Payment status',
  awaiting: 'Waiting for your payment.',
  confirming: 'Confirming payment — {received} of {required}',
  completed: 'Payment complete. Your License Certificate is ready.',
  expiredStatus: 'This order has expired.',
  rejectedStatus: 'The license could not be issued.',
  viewCertificate: 'View your License Certificate',
  returnTo: (host) => `Return to ${host}`,
  noScript: 'This page needs JavaScript to send the test payment.',
  sending: 'Sending your test payment…',
  payFailed: 'The test payment could not be sent. Check your connection and try again.',
  paymentPending:
    "Another buyer's payment for this persona is being confirmed, and it decides whether this license can still be issued. Nothing was charged. Try again in a few seconds.",
  expiredReason: (until) =>
    `This order was held until ${until} and expired before it was paid. Ask for a new quote to buy the license.`,
  rejectedReason: (code, tier, paid) => {
    const refund = paid ? 'Your payment is returned in full.' : 'Nothing was charged.';
    const before = paid ? 'before your payment completed' : 'before your payment';
    switch (code) {
      case 'exclusive_active':
        return `Another buyer's Exclusive License took effect first, so this ${tier} can't be issued. ${refund}`;
      case 'assigned':
        return `Another buyer bought Ownership / Assignment of this persona ${before}, so no license can be issued. ${refund}`;
      case 'exclusive_holder_only':
      case 'requires_active_exclusive':
        return `Ownership / Assignment needs the Exclusive License in force, and you no longer hold it. ${refund}`;
      case 'unpublished':
        return `The persona was withdrawn from sale ${before}. ${refund}`;
      case 'commercial_tail_grew':
        return `Another Commercial License was sold ${before}. It would run beside this Exclusive License, which was offered without it. ${refund}`;
    }
  },
  orderNotFound: ['Order not found', 'There is no order at this address.'],
  platform: 'AI-People marketplace',
  certificateTitle: (id) => `License Certificate ${id}`,
  certificateHeading: 'License Certificate',
  certifies: (buyer, tier, persona) =>
    `This certifies that ${buyer} holds the\n    ${tier} of the persona package\n    ${persona}.`,
  certificate: 'Certificate',
  personaPackage: 'Persona package',
  licensee: 'Licensee',
  effective: 'Effective',
  expires: 'Expires',
  noTerm: 'Never: the assignment has no term',
  issued: 'Issued',
  coreRights: 'Core rights',
  rightsLanguage: null,
  certificateNote:
    'The persona is AI-generated and fictional. Issued by the reference marketplace, which simulates\n    payments for development and testing: this page is not a legal document.',
  certificateNotFound: ['Certificate not found', 'There is no License Certificate at this address.'],
};

const de: PageTexts = {
  lang: 'de',
  moneyLocale: 'de-DE',
  dateLocale: 'de-DE',
  tiers: { commercial: 'Kommerzielle Lizenz', exclusive: 'Exklusive Lizenz', ownership: 'Eigentum / Abtretung' },
  checkoutPlatform: 'AI-People-Marktplatz · gehosteter Checkout',
  checkoutTitle: (persona, tier) => `Checkout – ${persona}, ${tier}`,
  checkoutHeading: 'Kauf abschließen',
  orderHeading: 'Ihre Bestellung',
  persona: 'Persona',
  license: 'Lizenz',
  price: 'Preis',
  order: 'Bestellung',
  term: (months) => (months === null ? '(ohne Laufzeit)' : `(${months} Monate)`),
  orderNote: 'Die Persona ist KI-generiert und fiktiv. Alle Verkäufe sind endgültig.',
  payHeading: 'Mit USDC bezahlen (Testnetz)',
  payNote: 'Simulierte Zahlung: Es fließt kein echtes Geld, und Sie brauchen keine Wallet.',
  youPay: 'Sie zahlen',
  rate: 'Kurs',
  fixedRate: '(fester Testkurs)',
  toWallet: 'An Wallet',
  sandbox: '(Sandbox)',
  heldUntil: 'Reserviert bis',
  payButton: 'Mit Test-USDC bezahlen',
  statusHeading: 'Zahlungsstatus',
  awaiting: 'Ihre Zahlung steht aus.',
  confirming: 'Zahlung wird bestätigt – {received} von {required}',
  completed: 'Zahlung abgeschlossen. Ihr Lizenzzertifikat ist bereit.',
  expiredStatus: 'Diese Bestellung ist abgelaufen.',
  rejectedStatus: 'Die Lizenz konnte nicht ausgestellt werden.',
  viewCertificate: 'Ihr Lizenzzertifikat ansehen',
  returnTo: (host) => `Zurück zu ${host}`,
  noScript: 'Diese Seite braucht JavaScript, um die Testzahlung zu senden.',
  sending: 'Ihre Testzahlung wird gesendet…',
  payFailed: 'Die Testzahlung konnte nicht gesendet werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  paymentPending:
    'Die Zahlung einer anderen Partei für diese Persona wird gerade bestätigt; davon hängt ab, ob diese Lizenz noch ausgestellt werden kann. Es wurde nichts berechnet. Versuchen Sie es in ein paar Sekunden erneut.',
  expiredReason: (until) =>
    `Diese Bestellung war bis ${until} reserviert und ist abgelaufen, bevor sie bezahlt wurde. Fordern Sie ein neues Angebot an, um die Lizenz zu kaufen.`,
  rejectedReason: (code, tier, paid) => {
    const refund = paid ? 'Ihre Zahlung wird vollständig erstattet.' : 'Es wurde nichts berechnet.';
    switch (code) {
      case 'exclusive_active':
        return `Die Exklusive Lizenz einer anderen Partei ist zuerst wirksam geworden, daher kann „${tier}“ nicht ausgestellt werden. ${refund}`;
      case 'assigned':
        return `Ein anderer Käufer hat vor Ihrer Zahlung Eigentum / Abtretung dieser Persona erworben, daher kann keine Lizenz ausgestellt werden. ${refund}`;
      case 'exclusive_holder_only':
      case 'requires_active_exclusive':
        return `Eigentum / Abtretung setzt eine wirksame Exklusive Lizenz voraus, die Sie nicht mehr halten. ${refund}`;
      case 'unpublished':
        return `Die Persona wurde vor Ihrer Zahlung aus dem Verkauf genommen. ${refund}`;
      case 'commercial_tail_grew':
        return `Vor Ihrer Zahlung wurde eine weitere Kommerzielle Lizenz verkauft. Sie liefe neben dieser Exklusiven Lizenz weiter, die ohne sie angeboten wurde. ${refund}`;
    }
  },
  orderNotFound: ['Bestellung nicht gefunden', 'Unter dieser Adresse gibt es keine Bestellung.'],
  platform: 'AI-People-Marktplatz',
  certificateTitle: (id) => `Lizenzzertifikat ${id}`,
  certificateHeading: 'Lizenzzertifikat',
  certifies: (buyer, tier, persona) =>
    `Hiermit wird bestätigt, dass ${buyer} für das Persona-Paket\n    ${persona} Folgendes erworben hat:\n    ${tier}.`,
  certificate: 'Zertifikat',
  personaPackage: 'Persona-Paket',
  licensee: 'Lizenznehmer',
  effective: 'Wirksam ab',
  expires: 'Läuft ab',
  noTerm: 'Nie: Die Abtretung hat keine Laufzeit',
  issued: 'Ausgestellt',
  coreRights: 'Kernrechte',
  rightsLanguage: 'Die Rechte stehen auf Englisch, in der Sprache des Lizenzvertrags.',
  certificateNote:
    'Die Persona ist KI-generiert und fiktiv. Ausgestellt vom Referenz-Marktplatz, der Zahlungen für\n    Entwicklung und Tests simuliert: Diese Seite ist kein rechtsgültiges Dokument.',
  certificateNotFound: ['Zertifikat nicht gefunden', 'Unter dieser Adresse gibt es kein Lizenzzertifikat.'],
};

const es: PageTexts = {
  lang: 'es',
  moneyLocale: 'es-ES',
  dateLocale: 'es-ES',
  tiers: { commercial: 'Licencia comercial', exclusive: 'Licencia exclusiva', ownership: 'Propiedad / cesión' },
  checkoutPlatform: 'Marketplace AI-People · pago alojado',
  checkoutTitle: (persona, tier) => `Pago – ${persona}, ${tier}`,
  checkoutHeading: 'Complete su compra',
  orderHeading: 'Su pedido',
  persona: 'Persona',
  license: 'Licencia',
  price: 'Precio',
  order: 'Pedido',
  term: (months) => (months === null ? '(sin plazo)' : `(${months} meses)`),
  orderNote: 'La persona está generada por IA y es ficticia. Las ventas son definitivas.',
  payHeading: 'Pagar con USDC (red de pruebas)',
  payNote: 'Pago simulado: no se mueve dinero real y no necesita ningún monedero.',
  youPay: 'Usted paga',
  rate: 'Tipo de cambio',
  fixedRate: '(tipo fijo de prueba)',
  toWallet: 'Al monedero',
  sandbox: '(sandbox)',
  heldUntil: 'Reservado hasta',
  payButton: 'Pagar con USDC de prueba',
  statusHeading: 'Estado del pago',
  awaiting: 'Esperando su pago.',
  confirming: 'Confirmando el pago – {received} de {required}',
  completed: 'Pago completado. Su certificado de licencia está listo.',
  expiredStatus: 'Este pedido ha vencido.',
  rejectedStatus: 'No se pudo emitir la licencia.',
  viewCertificate: 'Ver su certificado de licencia',
  returnTo: (host) => `Volver a ${host}`,
  noScript: 'Esta página necesita JavaScript para enviar el pago de prueba.',
  sending: 'Enviando su pago de prueba…',
  payFailed: 'No se pudo enviar el pago de prueba. Compruebe su conexión e inténtelo de nuevo.',
  paymentPending:
    'Se está confirmando el pago de otro comprador por esta persona, y de él depende que esta licencia aún pueda emitirse. No se ha cobrado nada. Vuelva a intentarlo en unos segundos.',
  expiredReason: (until) =>
    `Este pedido estaba reservado hasta el ${until} y venció antes de pagarse. Pida un nuevo presupuesto para comprar la licencia.`,
  rejectedReason: (code, tier, paid) => {
    const refund = paid ? 'Se le devuelve el pago íntegro.' : 'No se ha cobrado nada.';
    switch (code) {
      case 'exclusive_active':
        return `La Licencia exclusiva de otro comprador entró en vigor antes, así que no se puede emitir «${tier}». ${refund}`;
      case 'assigned':
        return `Otro comprador adquirió la Propiedad / cesión de esta persona antes de su pago, así que no se puede emitir ninguna licencia. ${refund}`;
      case 'exclusive_holder_only':
      case 'requires_active_exclusive':
        return `La Propiedad / cesión requiere una Licencia exclusiva vigente, que usted ya no tiene. ${refund}`;
      case 'unpublished':
        return `La persona se retiró de la venta antes de su pago. ${refund}`;
      case 'commercial_tail_grew':
        return `Antes de su pago se vendió otra Licencia comercial. Seguiría vigente junto a esta Licencia exclusiva, que se ofreció sin ella. ${refund}`;
    }
  },
  orderNotFound: ['Pedido no encontrado', 'No hay ningún pedido en esta dirección.'],
  platform: 'Marketplace AI-People',
  certificateTitle: (id) => `Certificado de licencia ${id}`,
  certificateHeading: 'Certificado de licencia',
  certifies: (buyer, tier, persona) =>
    `Se certifica que ${buyer} ha adquirido lo siguiente para el paquete de persona\n    ${persona}:\n    ${tier}.`,
  certificate: 'Certificado',
  personaPackage: 'Paquete de persona',
  licensee: 'Licenciatario',
  effective: 'En vigor desde',
  expires: 'Vence',
  noTerm: 'Nunca: la cesión no tiene plazo',
  issued: 'Emitido',
  coreRights: 'Derechos principales',
  rightsLanguage: 'Los derechos figuran en inglés, el idioma del contrato de licencia.',
  certificateNote:
    'La persona está generada por IA y es ficticia. Emitido por el marketplace de referencia, que simula\n    pagos para desarrollo y pruebas: esta página no es un documento legal.',
  certificateNotFound: ['Certificado no encontrado', 'No hay ningún certificado de licencia en esta dirección.'],
};

const TEXTS: Record<PageLanguage, PageTexts> = { en, de, es };

/** The English texts: the API's own prose. */
export const ENGLISH = en;

/** The language of a language tag (`de-AT` → `de`) if the pages have it. */
function supported(tag: string): PageLanguage | null {
  const language = tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return (PAGE_LANGUAGES as readonly string[]).includes(language) ? (language as PageLanguage) : null;
}

/**
 * The texts for a page: the `locale` its address asks for, else the
 * best-weighted `Accept-Language` entry whose language the pages have, else English.
 */
export function pageTexts(c: Context): PageTexts {
  const asked = supported(c.req.query('locale') ?? '');
  if (asked) return TEXTS[asked];
  const language = accepts(c, {
    header: 'Accept-Language',
    supports: [...PAGE_LANGUAGES],
    default: 'en',
    // By language: a browser asking for de-AT gets the German page.
    match: (ranges, { default: fallback }) =>
      ranges
        .filter((range) => range.q > 0)
        .sort((a, b) => b.q - a.q)
        .map((range) => supported(range.type))
        .find((found) => found !== null) ?? fallback,
  });
  return TEXTS[language as PageLanguage];
}
