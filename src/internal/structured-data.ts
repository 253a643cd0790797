import { minorUnitDigits } from '../api/money.js';
import type { PersonaSummary } from '../api/schemas.js';

/**
 * schema.org data for a listing, built from the same summary the card shows.
 * Only for general-audience listings: rated content is never described to
 * crawlers. Returns null when there is nothing to publish.
 */
export function productJsonLd(p: PersonaSummary): Record<string, unknown> | null {
  if (p.contentRating !== 'general') return null;
  const digits = minorUnitDigits(p.commercialPrice.currency);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: `AI-generated, fictional persona by ${p.creator.name}`,
    image: p.titleImage.url,
    sku: p.id,
    brand: { '@type': 'Brand', name: p.creator.name },
    category: p.niche,
    keywords: p.tags.join(', '),
    ...(p.availability === 'open'
      ? {
          offers: {
            '@type': 'Offer',
            name: 'Commercial License',
            price: (p.commercialPrice.amount / 10 ** digits).toFixed(digits),
            priceCurrency: p.commercialPrice.currency,
            availability: 'https://schema.org/InStock',
          },
        }
      : {}),
  };
}

/**
 * Puts (or replaces, or removes) a JSON-LD block in `host`'s light DOM, where
 * crawlers read it. It is a data block, never executed, so strict CSPs allow it.
 */
export function writeJsonLd(host: HTMLElement, data: Record<string, unknown> | null): void {
  let script = host.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"][data-aip]');
  if (!data) {
    script?.remove();
    return;
  }
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.aip = '';
    host.append(script);
  }
  const text = JSON.stringify(data);
  if (script.textContent !== text) script.textContent = text;
}
