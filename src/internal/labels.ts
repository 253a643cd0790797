import type { CustomOrderType, Niche, PersonaSummary, UseCase } from '../api/schemas.js';

/** The availability badge of a listing ("Exclusively licensed until …", "Assigned"), or null when it is open. */
export function availabilityBadge(p: PersonaSummary, formatDate: (iso: string) => string): string | null {
  if (p.availability === 'assigned') return 'Assigned';
  if (p.availability !== 'exclusive_active') return null;
  return p.exclusiveUntil ? `Exclusively licensed until ${formatDate(p.exclusiveUntil)}` : 'Exclusively licensed';
}

/** Display names of the enumerations the API sends as codes. */
export const NICHE_LABELS: Record<Niche, string> = {
  lifestyle: 'Lifestyle',
  business: 'Business',
  fashion: 'Fashion',
  fitness: 'Fitness',
  gaming: 'Gaming',
  romance: 'Romance',
  adult: 'Adult (18+)',
};

export const USE_CASE_LABELS: Record<UseCase, string> = {
  marketing_campaigns: 'Marketing campaigns',
  social_media: 'Social media content',
  customer_guidance: 'Customer guidance',
  ecommerce_visuals: 'E-commerce visuals',
  education_training: 'Education & training',
  creator_content: 'Creator-style content',
  subscription_platforms: 'Subscription platforms',
  brand_ambassadors: 'Digital brand ambassadors',
  ai_media_production: 'AI media production',
};

/** The kinds of custom work, as a buyer reads them. */
export const CUSTOM_ORDER_TYPE_LABELS: Record<CustomOrderType, string> = {
  product_in_scene: 'Product in scene',
  seasonal_campaign: 'Seasonal campaign',
  new_background_or_outfit: 'New background or outfit',
  vertical_video: 'Vertical video',
  social_sequence: 'Social media sequence',
  landing_page_visual: 'Landing-page visual',
  other: 'Other',
};
