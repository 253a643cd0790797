/**
 * A generated catalog for scale tests, benchmarks and demos of a big
 * marketplace: `createMarketplace({ generate: 10_000 })` or
 * `npm run server -- --generate 10000`.
 *
 * `generateSeed(n, policy, now)` returns an ordinary seed document (the format
 * in server/README.md), so the generated catalog goes through the same
 * validation and the same single-transaction insert as any other seed.
 *
 * It is deterministic: every choice comes from a PRNG seeded with the
 * record's number, so persona `i` is the same whatever `n` is, and the same
 * `n` always gives the same catalog. Times are fixed offsets from `now` (the
 * marketplace clock at seed time), as the demo seed's are.
 *
 * What it makes, for `n` personas:
 * - `n` published, `general`-rated personas numbered 1…n (id `<name>-<i>`),
 *   plus `ceil(n / 100)` published rated ones (id `<name>-r<k>`, suggestive,
 *   erotic or explicit), so the default catalog (rating `general`) lists
 *   exactly `n` of them;
 * - up to 24 generated creators (only those that got a persona), three of
 *   them with a `%`, an `_` or a non-ASCII letter in their name, for search
 *   tests;
 * - niches, 1–3 use cases, 2–5 tags from per-niche pools, 1–3 previews,
 *   1–3 deliverables;
 * - prices at or above the policy minimum in steps of 1000 minor units, many
 *   equal (to exercise tie-breaking), one in twenty premium;
 * - publication times in pairs sharing an instant, 47 minutes between pairs;
 * - license history: every 7th general persona published in the last 180
 *   days has a Commercial license running, every 97th an Exclusive in force,
 *   every 211th is assigned (Exclusive, then Ownership by its holder).
 *   Everything else is open.
 */
import { USE_CASES, type ContentRating, type Niche, type PricingPolicy } from '../src/api/schemas.js';
import { rngFrom, type Rng } from './media.js';
import type { SeedCatalogInput } from './seed.js';

/** The most personas one generation may make (the general ones; rated ones come on top). */
export const MAX_GENERATE = 100_000;

type SeedPersona = SeedCatalogInput['personas'][number];
type SeedCreator = SeedCatalogInput['creators'][number];
type SeedLicense = NonNullable<SeedPersona['licenses']>[number];

const CREATORS: readonly { handle: string; name: string }[] = [
  { handle: 'northlight-collective', name: 'Northlight Collective' },
  { handle: 'marigold-and-main', name: 'Marigold & Main' },
  { handle: 'paper-crane-studio', name: 'Paper Crane Studio' },
  { handle: 'studio-100', name: 'Studio 100%' },
  { handle: 'quartz-room', name: 'Quartz Room' },
  { handle: 'tidewater-media', name: 'Tidewater Media' },
  { handle: 'render-lab', name: 'Render_Lab' },
  { handle: 'copper-fern', name: 'Copper Fern' },
  { handle: 'blue-hour-works', name: 'Blue Hour Works' },
  { handle: 'atelier-eclat', name: 'Atelier Éclat' },
  { handle: 'signal-and-noise', name: 'Signal & Noise' },
  { handle: 'juniper-lane', name: 'Juniper Lane' },
  { handle: 'orbit-nine', name: 'Orbit Nine' },
  { handle: 'saltgrass-studio', name: 'Saltgrass Studio' },
  { handle: 'meridian-faces', name: 'Meridian Faces' },
  { handle: 'lantern-row', name: 'Lantern Row' },
  { handle: 'ember-and-ash', name: 'Ember & Ash' },
  { handle: 'polar-atlas', name: 'Polar Atlas' },
  { handle: 'fable-foundry', name: 'Fable Foundry' },
  { handle: 'open-field-studio', name: 'Open Field Studio' },
  { handle: 'neon-orchard', name: 'Neon Orchard' },
  { handle: 'wild-clay', name: 'Wild Clay' },
  { handle: 'harborline-studio', name: 'Harborline Studio' },
  { handle: 'still-water-agency', name: 'Still Water Agency' },
];

const FIRST_NAMES = [
  'Ada', 'Bea', 'Cato', 'Dara', 'Eli', 'Fenna', 'Gus', 'Hale', 'Iris', 'Jonah', 'Kira', 'Lior', 'Maren', 'Nico',
  'Odile', 'Pax', 'Rhea', 'Silas', 'Talia', 'Uma', 'Vero', 'Wren', 'Yara', 'Zane', 'Zoë', 'Élodie', 'Åsa',
  'Søren', 'Inès', 'Mateo', 'Noa', 'Remy', 'Sade', 'Tomas', 'Ilse', 'Kofi', 'Luca', 'Mei', 'Aiyana', 'Bram',
] as const; // prettier-ignore

const LAST_NAMES = [
  'Quill', 'Harrow', 'Linden', 'Marsh', 'Oakes', 'Pryce', 'Rowe', 'Sterling', 'Thorne', 'Vale', 'Whitlock',
  'Aster', 'Brook', 'Calder', 'Dune', 'Ellery', 'Frost', 'Grey', 'Hollis', 'Ives', 'Jarrow', 'Kemp', 'Lark',
  'Núñez', 'Öztürk', 'Çelik', 'Müller', 'Nakamoto', 'Okoro', 'Park', 'Reyes', 'Sato', 'Tan', 'Varga',
] as const; // prettier-ignore

const TAGS: Record<Niche, readonly string[]> = {
  lifestyle: ['slow living', 'coffee', 'travel', 'plant care', 'golden hour', 'cozy', 'bookish', 'home office'],
  business: ['b2b', 'saas', 'fintech', 'leadership', 'onboarding', 'keynote', 'consulting', 'podcast'],
  fashion: ['street style', 'denim', 'vintage', 'luxury', 'k-beauty', 'runway', 'skincare', 'minimal'],
  fitness: ['yoga', 'hiit', 'running', 'pilates', 'boxing', 'mobility', 'nutrition', 'outdoors'],
  gaming: ['esports', 'cosplay', 'streaming', 'pixel art', 'sci-fi', 'fantasy', 'retro', 'anime'],
  romance: ['date night', 'candlelight', 'poetry', 'slow burn', 'letters', 'beach'],
  adult: ['boudoir', 'after dark', 'velvet', 'noir'],
};
const COMMON_TAGS = ['studio light', 'city', 'warm tones', 'rock & roll', 'editorial', 'ugc', 'seasonal', 'calm'];

const DELIVERABLES = [
  '24 photos, JPEG, 4000×5000',
  '12 photos, PNG, 2048×2048',
  '36 lifestyle photos, JPEG',
  '6 vertical videos, 1080×1920',
  '10 talking-head clips, 1920×1080',
  'Character sheet, PDF',
  'Prompt and style guide, PDF',
  'Voice and tone guide, PDF',
  'Brand-safe usage notes, PDF',
  '8 product-in-hand shots, JPEG',
] as const;

const PREVIEW_SIZES = [
  [1080, 1350],
  [1080, 1080],
  [1920, 1080],
  [1080, 1920],
] as const;

const SCENES = [
  'shot in soft window light',
  'at a busy street market',
  'in a minimalist studio',
  'on a windy coastline',
  'at a late-night desk',
  'in a sunlit kitchen',
  'on a rooftop at dusk',
  'in a neon-lit arcade',
] as const;

/** General personas' niches, weighted: lifestyle and business are the most common. */
const GENERAL_NICHES: readonly Niche[] = [
  'lifestyle', 'lifestyle', 'lifestyle', 'business', 'business', 'fashion', 'fashion', 'fitness', 'fitness',
  'gaming', 'romance',
]; // prettier-ignore

const RATED: readonly { rating: ContentRating; niches: readonly Niche[] }[] = [
  { rating: 'suggestive', niches: ['romance', 'fashion', 'gaming'] },
  { rating: 'erotic', niches: ['adult', 'romance'] },
  { rating: 'explicit', niches: ['adult'] },
];

const MINUTE = 60_000;
const DAY = 86_400_000;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** `count` distinct items of `items`, in a PRNG-chosen order. */
function pickSome<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]);
  return chosen;
}

const TRANSLITERATE: Record<string, string> = { ø: 'o', Ø: 'o', æ: 'ae', ß: 'ss' };

/** An ASCII slug of a name: `Søren Öztürk` → `soren-ozturk`. */
function slugify(text: string): string {
  return text
    .replace(/[øØæß]/g, (ch) => TRANSLITERATE[ch])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Checks the `generate` option: a whole number from 0 to `MAX_GENERATE`. */
export function checkGenerateCount(count: unknown): number {
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || count > MAX_GENERATE) {
    throw new RangeError(`generate must be a whole number from 0 to ${MAX_GENERATE}, got ${String(count)}`);
  }
  return count;
}

interface PersonaPlan {
  id: string;
  rng: Rng;
  rating: ContentRating;
  niche: Niche;
  publishedMs: number;
  /** 1-based number among the general personas; 0 for rated ones (no license history). */
  general: number;
}

function makePersona(plan: PersonaPlan, policy: PricingPolicy, nowMs: number): SeedPersona & { creator: string } {
  const { rng, niche, publishedMs } = plan;
  const name = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
  const creator = CREATORS[Math.floor(rng() ** 1.5 * CREATORS.length)];
  // Skewed towards the minimum; one in twenty is a premium listing.
  const steps = rng() < 0.05 ? 100 + Math.floor(rng() * 400) : Math.floor(rng() ** 2.2 * 100);
  const price = policy.minimumCommercialPrice + steps * 1000;
  const tags = pickSome(rng, [...TAGS[niche], ...COMMON_TAGS], 2 + Math.floor(rng() * 4));
  const useCases = pickSome(rng, USE_CASES, 1 + Math.floor(rng() * 3));
  const deliverables = pickSome(rng, DELIVERABLES, 1 + Math.floor(rng() * 3));
  const previews = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => {
    const [width, height] = pick(rng, PREVIEW_SIZES);
    return { width, height, alt: `${name}, ${pick(rng, SCENES)}` };
  });
  const createdMs = publishedMs - Math.floor((1 + rng() * 30) * DAY);
  return {
    id: `${slugify(name)}-${plan.id}`,
    creator: creator.handle,
    name,
    niche,
    status: 'published',
    contentRating: plan.rating,
    commercialPrice: price,
    currency: policy.currency,
    createdAt: iso(createdMs),
    publishedAt: iso(publishedMs),
    description: `${name} is an AI-generated fictional persona for ${niche} content, ${pick(rng, SCENES)}. Generated for catalog scale tests.`,
    tags,
    useCases,
    deliverables,
    titleImage: { alt: `Stylised portrait of ${name}, an AI-generated persona` },
    previews,
    licenses: plan.general > 0 ? licenseHistory(plan.general, publishedMs, nowMs) : [],
  };
}

/** Seeded license history for general persona `i`, all of it within the rules. */
function licenseHistory(i: number, publishedMs: number, nowMs: number): SeedLicense[] {
  const age = nowMs - publishedMs;
  const buyer = (role: string) => ({ name: `Buyer ${role} ${i}`, email: `buyer-${role}-${i}@example.com` });
  const licenses: SeedLicense[] = [];
  // A Commercial license bought a quarter of the way into the listing's life, still running (6-month term).
  if (i % 7 === 0 && age < 180 * DAY) {
    licenses.push({ license: 'commercial', buyer: buyer('c'), effectiveAt: iso(publishedMs + Math.floor(age / 4)) });
  }
  if (i % 211 === 0) {
    const holder = buyer('x');
    const exclusiveAt = nowMs - Math.min(Math.floor(age / 2), 60 * DAY);
    const ownershipAt = nowMs - Math.min(Math.floor(age / 4), 10 * DAY);
    licenses.push({ license: 'exclusive', buyer: holder, effectiveAt: iso(exclusiveAt) });
    licenses.push({ license: 'ownership', buyer: holder, effectiveAt: iso(ownershipAt) });
  } else if (i % 97 === 0) {
    const exclusiveAt = nowMs - Math.min(Math.floor(age / 2), 30 * DAY);
    licenses.push({ license: 'exclusive', buyer: buyer('x'), effectiveAt: iso(exclusiveAt) });
  }
  return licenses;
}

/**
 * A deterministic seed with `count` general personas (and `ceil(count / 100)`
 * rated ones) by generated creators, timed relative to `now`.
 */
export function generateSeed(count: number, policy: PricingPolicy, now: Date): SeedCatalogInput {
  checkGenerateCount(count);
  const nowMs = now.getTime();
  const personas: (SeedPersona & { creator: string })[] = [];
  for (let i = 1; i <= count; i += 1) {
    const rng = rngFrom(`generated:${i}`);
    personas.push(
      makePersona(
        {
          id: String(i),
          rng,
          rating: 'general',
          niche: pick(rng, GENERAL_NICHES),
          // Two personas share each instant, so newest-first paging has ties to break by id.
          publishedMs: nowMs - (60 + Math.floor((i - 1) / 2) * 47) * MINUTE,
          general: i,
        },
        policy,
        nowMs,
      ),
    );
  }
  const rated = Math.ceil(count / 100);
  for (let k = 1; k <= rated; k += 1) {
    const rng = rngFrom(`generated-rated:${k}`);
    const { rating, niches } = RATED[(k - 1) % RATED.length];
    personas.push(
      makePersona(
        {
          id: `r${k}`,
          rng,
          rating,
          niche: pick(rng, niches),
          publishedMs: nowMs - (73 + (k - 1) * 2350) * MINUTE,
          general: 0,
        },
        policy,
        nowMs,
      ),
    );
  }

  const used = new Set(personas.map((p) => p.creator));
  const creators: SeedCreator[] = CREATORS.filter((c) => used.has(c.handle)).map((c, n) => ({
    handle: c.handle,
    name: c.name,
    bio: `${c.name} is a generated studio in the reference marketplace's scale catalog.`,
    website: null,
    email: `${c.handle}@example.com`,
    joinedAt: iso(nowMs - (3 * 365 + n) * DAY - (60 + Math.ceil(count / 2) * 47) * MINUTE),
  }));
  return {
    version: 1,
    description: `Generated catalog: ${count} general personas and ${rated} rated ones`,
    creators,
    personas,
  };
}
