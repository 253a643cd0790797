import type { Persona } from '../api/schemas.js';
import type { LicenseMessageId } from '../locales/ids.js';
import type { Translate } from './i18n.js';
import { decimalPrice } from './structured-data.js';

// Apart from the cards' structured data, so a page of cards doesn't carry it.

/**
 * schema.org data for a full listing, built from the same persona the detail
 * view shows: a `Product` whose `brand` is the creator, with one `Offer` per
 * license tier that can be bought now (none when every tier is closed). Only
 * for general-audience listings; null otherwise.
 */
export function personaJsonLd(p: Persona, t: Translate<LicenseMessageId>): Record<string, unknown> | null {
  if (p.contentRating !== 'general') return null;
  const images = [p.titleImage.url, ...p.previews.flatMap((v) => (v.kind === 'image' ? [v.url] : []))];
  const offers = p.offers
    .filter((o) => o.available)
    .map((o) => ({
      '@type': 'Offer',
      name: t(`license.${o.license}`),
      sku: `${p.id}-${o.license}`,
      price: decimalPrice(o.price),
      priceCurrency: o.price.currency,
      availability: 'https://schema.org/InStock',
    }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: p.description || t('jsonld.description', { creator: p.creator.name }),
    image: images,
    sku: p.id,
    brand: { '@type': 'Brand', name: p.creator.name },
    category: p.niche,
    keywords: p.tags.join(', '),
    ...(offers.length ? { offers } : {}),
  };
}
