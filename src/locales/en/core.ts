/**
 * English, the source language: the messages of the elements a page of cards
 * loads at once (storefront, catalog, card, price) and of what every element
 * shares (load failures, labels of the API's codes, the 18+ confirmation).
 *
 * Ids are stable: hosts override them (`storefront.messages`) and every other
 * language's catalogue (`../de.ts`, `../es.ts`) has exactly these ids.
 * `{name}` marks a value; a message whose wording depends on `{count}` gives
 * one text per plural category (`one`, `other`, …, as `Intl.PluralRules` names them).
 */
import type { Message } from '../../internal/i18n.js';

export default {
  // Shared wording.
  'common.try-again': 'Try again',
  'common.cancel': 'Cancel',
  'common.loading': 'Loading…',
  'common.slow': 'Still loading: the connection or the marketplace is slow right now.',
  'common.by': 'by {creator}',
  'common.from': 'From {price}',
  'common.disclosure': 'AI-generated · fictional persona',
  'persona.alt': '{name}, AI persona',
  'persona.gone': 'This persona is not listed on the marketplace.',
  'persona.unusable': 'This listing cannot be shown here.',
  'persona.failed': 'This persona could not be loaded.',
  'listing.not-shown': 'This listing is not shown on this site.',

  // What to do after a failed load, by cause; {wait} is a duration (time.*).
  'hint.network': 'Check your connection, then try again.',
  'hint.offline': "You're offline. This will load again as soon as you're back online.",
  'hint.timeout': 'The marketplace took too long to answer. Check your connection, then try again.',
  'hint.busy': 'The marketplace is busy. Wait a moment, then try again.',
  'hint.busy-wait': 'The marketplace is busy. Try again in {wait}.',
  'hint.unavailable': 'The marketplace is unavailable right now. Try again in a moment.',
  'hint.unavailable-wait': 'The marketplace is unavailable right now. Try again in {wait}.',
  'hint.malformed': 'The marketplace sent an answer that could not be read. Try again in a moment.',
  'hint.problem': 'The marketplace had a problem. Try again in a moment.',
  'time.seconds': '{count} s',
  'time.minutes': '{count} min',

  // Availability badge.
  'badge.assigned': 'Assigned',
  'badge.exclusive': 'Exclusively licensed',
  'badge.exclusive-until': 'Exclusively licensed until {date}',

  // Niches.
  'niche.lifestyle': 'Lifestyle',
  'niche.business': 'Business',
  'niche.fashion': 'Fashion',
  'niche.fitness': 'Fitness',
  'niche.gaming': 'Gaming',
  'niche.romance': 'Romance',
  'niche.adult': 'Adult (18+)',

  // Use cases.
  'use-case.marketing_campaigns': 'Marketing campaigns',
  'use-case.social_media': 'Social media content',
  'use-case.customer_guidance': 'Customer guidance',
  'use-case.ecommerce_visuals': 'E-commerce visuals',
  'use-case.education_training': 'Education & training',
  'use-case.creator_content': 'Creator-style content',
  'use-case.subscription_platforms': 'Subscription platforms',
  'use-case.brand_ambassadors': 'Digital brand ambassadors',
  'use-case.ai_media_production': 'AI media production',

  // Content ratings, in a sentence ("rated suggestive").
  'rating.general': 'general',
  'rating.suggestive': 'suggestive',
  'rating.erotic': 'erotic',
  'rating.explicit': 'explicit',

  // The 18+ confirmation.
  'age.title': 'Adult content',
  'age.text-images':
    '{name} is rated {rating}. Confirm that you are 18 or older to see rated images for the rest of this browsing session.',
  'age.confirm': 'I am 18 or older',

  // <aip-persona-card>
  'card.fallback': 'You can still open it on the marketplace:',
  'card.cover': 'Rated {rating}: image hidden',
  'card.show': 'Show',
  // The Show button's name: not the persona's name alone, which is the name of the button that opens it.
  'card.show-image': 'Show the image of {name}',
  'card.tags': 'Tags',
  'card.more-tags': '+{count} more',
  'card.sold': 'No longer for sale',
  'card.unavailable': 'Not available now',

  // <aip-catalog>
  'catalog.label': 'Personas',
  'catalog.toolbar': 'Search and filter {label}',
  'catalog.search': 'Search',
  'catalog.search-placeholder': 'Name, niche, tag…',
  'catalog.use-case': 'Use case',
  'catalog.any-use-case': 'All use cases',
  'catalog.tag': 'Tag',
  'catalog.availability': 'Availability',
  'catalog.any-availability': 'Any',
  'catalog.rating': 'Content rating',
  'catalog.sort': 'Sort by',
  'sort.newest': 'Newest',
  'sort.price_asc': 'Price: low to high',
  'sort.price_desc': 'Price: high to low',
  'sort.name': 'Name',
  'availability.open': 'Available to license',
  'availability.exclusive_active': 'Exclusively licensed',
  'availability.assigned': 'Assigned',
  'rating-filter.general': 'General audiences',
  'rating-filter.suggestive': 'Up to suggestive',
  'rating-filter.erotic': 'Up to erotic',
  'rating-filter.explicit': 'Up to explicit',
  'catalog.loading': 'Loading personas…',
  'catalog.results': { one: '{count} persona shown.', other: '{count} personas shown.' },
  'catalog.more-loaded': { one: '{count} more persona loaded.', other: '{count} more personas loaded.' },
  'catalog.show-more': 'Show more',
  'catalog.more-failed': 'More personas could not be loaded.',
  'catalog.no-match': 'No personas match this search.',
  'catalog.no-match-hint': 'Try other words or fewer filters.',
  'catalog.clear': 'Clear filters',
  'catalog.empty': 'No personas to show yet.',
  'catalog.empty-creator': 'No personas to show from this creator yet.',
  'catalog.empty-hint': 'New listings appear here as soon as the marketplace publishes them.',
  'catalog.failed': 'The catalog could not be loaded.',
  'catalog.opening': 'Opening {name}…',
  'catalog.open-failed': '{name} could not be opened. Check your connection, then choose it again.',
  'catalog.dialog': 'Persona',
  'catalog.close': 'Close {name}',

  // schema.org data for search engines.
  'jsonld.description': 'AI-generated, fictional persona by {creator}',
  'license.commercial': 'Commercial License',
} satisfies Record<string, Message>;
