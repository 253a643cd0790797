/**
 * Catalog seeds: the JSON format, its validation, and loading it into an
 * empty database. The format is documented in server/README.md.
 *
 * Validation happens in two steps: the valibot schema checks each field's
 * shape, then `checkSeedRules` checks what a schema can't (references between
 * records, prices against the active policy, and a license history the
 * platform rules allow). Either step fails with a `SeedError` that names the
 * offending field, e.g. `personas[3].licenses[0].effectiveAt`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import {
  CONTENT_RATINGS,
  CurrencyCode,
  HttpUrl,
  LICENSES,
  NICHES,
  Slug,
  USE_CASES,
  ratingRank,
  type License,
  type PricingPolicy,
} from '../src/api/schemas.js';
import { computeTierPrices } from '../src/api/pricing.js';
import type { Database } from './db.js';
import { TITLE_SIZE } from './media.js';
import { TERM_MONTHS } from './rules.js';
import { addMonths, isTimeSpec, resolveTimeSpec } from './time.js';

export const DEMO_SEED_FILE = fileURLToPath(new URL('./seed/demo-catalog.json', import.meta.url));

/** Moderation states; only `published` is ever visible publicly. */
export const MODERATION_STATUSES = ['draft', 'submitted', 'in_review', 'published', 'rejected'] as const;

const TimeSpec = v.pipe(
  v.string(),
  v.check(isTimeSpec, 'must be "now", an offset such as "-30d" or "+5m", or an ISO 8601 instant'),
);
const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max));
const Email = v.pipe(v.string(), v.trim(), v.email('must be an email address'), v.maxLength(254));
const Dimension = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(16), v.maxValue(8000));
const Tag = v.pipe(
  v.string(),
  v.regex(
    /^[a-z0-9+](?:[a-z0-9 +&'-]{0,38}[a-z0-9+])?$/,
    "must be 1–40 characters: lower-case letters, digits, inner spaces, + & ' -",
  ),
);

const SeedCreatorSchema = v.strictObject({
  handle: Slug,
  name: Text(200),
  bio: v.optional(v.pipe(v.string(), v.maxLength(2000)), ''),
  website: v.optional(v.nullable(HttpUrl), null),
  /** Private. */
  email: Email,
  /** Private. */
  payoutWallet: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200))), null),
  joinedAt: TimeSpec,
});

const SeedImageSchema = v.strictObject({ width: Dimension, height: Dimension, alt: Text(500) });

/**
 * A preview: a picture, or (`"kind": "video"`) a short clip of the given
 * length. Every clip plays the same stock footage (server/assets), with its
 * first frame drawn like a picture of the persona as its poster.
 */
const SeedPreviewSchema = v.union([
  SeedImageSchema,
  v.strictObject({
    kind: v.literal('video'),
    width: Dimension,
    height: Dimension,
    durationSeconds: v.pipe(v.number(), v.minValue(1), v.maxValue(600)),
    alt: Text(500),
  }),
]);

const SeedLicenseSchema = v.strictObject({
  license: v.picklist(LICENSES),
  buyer: v.strictObject({ name: Text(120), email: Email }),
  effectiveAt: TimeSpec,
  /** Defaults to the tier's full term; Ownership has none. */
  expiresAt: v.optional(TimeSpec),
});

const SeedPersonaSchema = v.strictObject({
  id: Slug,
  creator: Slug,
  name: Text(200),
  niche: v.picklist(NICHES),
  status: v.picklist(MODERATION_STATUSES),
  contentRating: v.picklist(CONTENT_RATINGS),
  /** The Commercial price in minor units. */
  commercialPrice: v.pipe(v.number(), v.integer('must be a whole number of minor units'), v.minValue(1)),
  currency: v.optional(CurrencyCode),
  createdAt: TimeSpec,
  publishedAt: v.optional(TimeSpec),
  description: Text(5000),
  tags: v.pipe(v.array(Tag), v.maxLength(20)),
  useCases: v.pipe(v.array(v.picklist(USE_CASES)), v.minLength(1, 'needs at least one use case')),
  deliverables: v.pipe(v.array(Text(200)), v.minLength(1, 'needs at least one deliverable'), v.maxLength(30)),
  titleImage: v.strictObject({
    alt: Text(500),
    width: v.optional(Dimension, TITLE_SIZE.width),
    height: v.optional(Dimension, TITLE_SIZE.height),
  }),
  previews: v.pipe(v.array(SeedPreviewSchema), v.maxLength(12)),
  licenses: v.optional(v.array(SeedLicenseSchema), []),
});

export const SeedCatalogSchema = v.strictObject({
  /** Lets editors point at a JSON Schema; ignored by the server. */
  $schema: v.optional(v.string()),
  /** Free text for humans. */
  description: v.optional(v.string()),
  version: v.literal(1, 'must be 1'),
  creators: v.pipe(v.array(SeedCreatorSchema), v.minLength(1, 'needs at least one creator')),
  personas: v.array(SeedPersonaSchema),
});

export type SeedCatalogInput = v.InferInput<typeof SeedCatalogSchema>;
export type SeedCatalog = v.InferOutput<typeof SeedCatalogSchema>;

/** A seed that can't be loaded, with the path of the field at fault. */
export class SeedError extends Error {
  override name = 'SeedError';
  constructor(
    readonly field: string,
    readonly reason: string,
    source = 'seed',
  ) {
    super(`Invalid ${source}: ${field}: ${reason}`);
  }
}

/** `personas.3.licenses.0` → `personas[3].licenses[0]`. */
function prettyPath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** Parses a seed's shape; throws a `SeedError` for the first bad field. */
export function parseSeed(input: unknown, source = 'seed'): SeedCatalog {
  const result = v.safeParse(SeedCatalogSchema, input);
  if (!result.success) {
    const issue = result.issues[0];
    const message = issue.type === 'strict_object' ? 'is not a field of the seed format' : issue.message;
    throw new SeedError(prettyPath(v.getDotPath(issue) ?? '(root)'), message, source);
  }
  return result.output;
}

/** Reads and parses a seed file. */
export function readSeedFile(path: string): SeedCatalog {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SeedError('(file)', `cannot read ${path} as JSON: ${(error as Error).message}`, `seed ${path}`);
  }
  return parseSeed(raw, `seed ${path}`);
}

// ---------------------------------------------------------------------------
// Resolving times and checking the rules.

const TIER_NAMES: Record<License, string> = {
  commercial: 'Commercial',
  exclusive: 'Exclusive',
  ownership: 'Ownership',
};

interface ResolvedLicense {
  license: License;
  buyerName: string;
  buyerEmail: string;
  effectiveAt: Date;
  expiresAt: Date | null;
}

/** Applies the tier's term, or checks an explicit expiry against it. */
function resolveLicense(
  record: SeedCatalog['personas'][number]['licenses'][number],
  now: Date,
  fail: (field: string, reason: string) => never,
): ResolvedLicense {
  const effectiveAt = resolveTimeSpec(record.effectiveAt, now);
  const term = TERM_MONTHS[record.license];
  let expiresAt: Date | null = null;
  if (term === null) {
    if (record.expiresAt !== undefined) fail('expiresAt', `must be absent: ${TIER_NAMES[record.license]} has no term`);
  } else {
    const fullTerm = addMonths(effectiveAt, term);
    expiresAt = record.expiresAt === undefined ? fullTerm : resolveTimeSpec(record.expiresAt, now);
    if (expiresAt <= effectiveAt) fail('expiresAt', 'must be after effectiveAt');
    if (expiresAt > fullTerm) {
      fail('expiresAt', `is past the ${term}-month term of the ${TIER_NAMES[record.license]} license`);
    }
  }
  if (effectiveAt > now) fail('effectiveAt', 'must not be in the future: rights start when payment completes');
  return {
    license: record.license,
    buyerName: record.buyer.name,
    buyerEmail: record.buyer.email,
    effectiveAt,
    expiresAt,
  };
}

/**
 * Replays a persona's license history in date order and rejects any sale the
 * platform would have refused: Commercial or Exclusive during an active
 * Exclusive, anything after Ownership, Ownership by anyone but the active
 * Exclusive holder.
 */
function checkHistory(
  licenses: ResolvedLicense[],
  fail: (index: number, field: string, reason: string) => never,
): void {
  const order = licenses.map((license, index) => ({ license, index }));
  order.sort((a, b) => a.license.effectiveAt.getTime() - b.license.effectiveAt.getTime() || a.index - b.index);
  const seen: ResolvedLicense[] = [];
  for (const { license, index } of order) {
    const at = license.effectiveAt;
    const activeExclusive = seen.find(
      (l) => l.license === 'exclusive' && l.effectiveAt <= at && (l.expiresAt === null || at < l.expiresAt),
    );
    if (seen.some((l) => l.license === 'ownership')) {
      fail(index, 'effectiveAt', 'the persona was already assigned (Ownership) by then');
    }
    if (license.license === 'ownership') {
      if (!activeExclusive) fail(index, 'license', 'Ownership needs an active Exclusive at its effective date');
      if (activeExclusive.buyerEmail !== license.buyerEmail) {
        fail(index, 'buyer', 'only the active Exclusive holder may buy Ownership');
      }
    } else if (activeExclusive) {
      fail(index, 'effectiveAt', `no ${TIER_NAMES[license.license]} sale is possible while an Exclusive is active`);
    }
    seen.push(license);
  }
}

/** A seed with every time resolved and every rule checked, ready to insert. */
export interface ResolvedSeed {
  creators: (SeedCatalog['creators'][number] & { joinedAtIso: string })[];
  personas: (SeedCatalog['personas'][number] & {
    currencyCode: string;
    createdAtIso: string;
    publishedAtIso: string | null;
    resolvedLicenses: ResolvedLicense[];
  })[];
}

/** Checks what the schema can't and resolves relative times against `now`. */
export function checkSeedRules(seed: SeedCatalog, policy: PricingPolicy, now: Date, source = 'seed'): ResolvedSeed {
  const fail = (field: string, reason: string): never => {
    throw new SeedError(field, reason, source);
  };
  const handles = new Set<string>();
  const creators = seed.creators.map((creator, i) => {
    if (handles.has(creator.handle)) fail(`creators[${i}].handle`, `duplicate handle "${creator.handle}"`);
    handles.add(creator.handle);
    return { ...creator, joinedAtIso: resolveTimeSpec(creator.joinedAt, now).toISOString() };
  });

  const ids = new Set<string>();
  const personas = seed.personas.map((persona, i) => {
    const at = (field: string) => `personas[${i}].${field}`;
    if (ids.has(persona.id)) fail(at('id'), `duplicate id "${persona.id}"`);
    ids.add(persona.id);
    if (!handles.has(persona.creator)) fail(at('creator'), `no creator with handle "${persona.creator}"`);
    const currencyCode = persona.currency ?? policy.currency;
    if (currencyCode !== policy.currency) {
      fail(at('currency'), `must be the pricing policy's currency (${policy.currency})`);
    }
    if (persona.commercialPrice < policy.minimumCommercialPrice) {
      fail(at('commercialPrice'), `is below the platform minimum of ${policy.minimumCommercialPrice}`);
    }
    // Every tier must have a price: one too large to represent would fail each read of the persona.
    try {
      computeTierPrices(policy, persona.commercialPrice);
    } catch (error) {
      fail(at('commercialPrice'), (error as Error).message);
    }
    const published = persona.status === 'published';
    if (published && persona.publishedAt === undefined) fail(at('publishedAt'), 'is required for a published persona');
    if (!published && persona.publishedAt !== undefined) {
      fail(at('publishedAt'), `must be absent for a ${persona.status} persona`);
    }
    const createdAt = resolveTimeSpec(persona.createdAt, now);
    const publishedAt = persona.publishedAt === undefined ? null : resolveTimeSpec(persona.publishedAt, now);
    if (publishedAt && publishedAt < createdAt) fail(at('publishedAt'), 'is before createdAt');
    if (publishedAt && publishedAt > now) fail(at('publishedAt'), 'must not be in the future');
    const tags = new Set<string>();
    persona.tags.forEach((tag, t) => {
      if (tags.has(tag)) fail(at(`tags[${t}]`), `duplicate tag "${tag}"`);
      tags.add(tag);
    });
    if (new Set(persona.useCases).size !== persona.useCases.length) fail(at('useCases'), 'lists a use case twice');
    if (!published && persona.licenses.length > 0) {
      fail(at('licenses'), 'only a published persona can have been licensed');
    }

    const resolvedLicenses = persona.licenses.map((record, l) =>
      resolveLicense(record, now, (field, reason) => fail(at(`licenses[${l}].${field}`), reason)),
    );
    resolvedLicenses.forEach((license, l) => {
      if (publishedAt && license.effectiveAt < publishedAt) {
        fail(at(`licenses[${l}].effectiveAt`), 'is before the persona was published');
      }
    });
    checkHistory(resolvedLicenses, (l, field, reason) => fail(at(`licenses[${l}].${field}`), reason));

    return {
      ...persona,
      currencyCode,
      createdAtIso: createdAt.toISOString(),
      publishedAtIso: publishedAt?.toISOString() ?? null,
      resolvedLicenses,
    };
  });
  return { creators, personas };
}

// ---------------------------------------------------------------------------
// Loading.

/** Is the database still empty of catalog data (no creators)? */
export function isUnseeded(db: Database): boolean {
  return (db.prepare('SELECT count(*) AS n FROM creators').get() as { n: number }).n === 0;
}

/**
 * Inserts a checked seed in one transaction: all of it or nothing.
 * Times are resolved against `now` (the marketplace clock at seed time).
 */
export function applySeed(db: Database, seed: SeedCatalog, policy: PricingPolicy, now: Date, source = 'seed'): void {
  const resolved = checkSeedRules(seed, policy, now, source);
  const insertCreator = db.prepare(
    `INSERT INTO creators (handle, name, bio, website, email, payout_wallet, joined_at)
     VALUES (@handle, @name, @bio, @website, @email, @payoutWallet, @joinedAt)`,
  );
  const insertPersona = db.prepare(
    `INSERT INTO personas (id, creator_id, name, niche, description, content_rating, rating_rank,
       commercial_price_cents, currency, status, created_at, published_at)
     VALUES (@id, (SELECT id FROM creators WHERE handle = @creator), @name, @niche, @description, @contentRating,
       @rank, @price, @currency, @status, @createdAt, @publishedAt)`,
  );
  const insertTag = db.prepare('INSERT INTO persona_tags (persona_id, position, tag) VALUES (?, ?, ?)');
  const insertUseCase = db.prepare('INSERT INTO persona_use_cases (persona_id, position, use_case) VALUES (?, ?, ?)');
  const insertDeliverable = db.prepare('INSERT INTO deliverables (persona_id, position, label) VALUES (?, ?, ?)');
  const insertMedia = db.prepare(
    `INSERT INTO media (persona_id, role, kind, position, width, height, alt, duration_seconds)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLicense = db.prepare(
    `INSERT INTO licenses (id, persona_id, license, buyer_name, buyer_email, effective_at, expires_at, order_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  );

  db.transaction(() => {
    for (const creator of resolved.creators) {
      insertCreator.run({
        handle: creator.handle,
        name: creator.name,
        bio: creator.bio,
        website: creator.website,
        email: creator.email,
        payoutWallet: creator.payoutWallet,
        joinedAt: creator.joinedAtIso,
      });
    }
    for (const persona of resolved.personas) {
      insertPersona.run({
        id: persona.id,
        creator: persona.creator,
        name: persona.name,
        niche: persona.niche,
        description: persona.description,
        contentRating: persona.contentRating,
        rank: ratingRank(persona.contentRating),
        price: persona.commercialPrice,
        currency: persona.currencyCode,
        status: persona.status,
        createdAt: persona.createdAtIso,
        publishedAt: persona.publishedAtIso,
      });
      persona.tags.forEach((tag, i) => insertTag.run(persona.id, i, tag));
      persona.useCases.forEach((useCase, i) => insertUseCase.run(persona.id, i, useCase));
      persona.deliverables.forEach((label, i) => insertDeliverable.run(persona.id, i, label));
      const title = persona.titleImage;
      insertMedia.run(persona.id, 'title', 'image', 0, title.width, title.height, title.alt, null);
      persona.previews.forEach((preview, i) => {
        const video = 'kind' in preview ? preview : null;
        insertMedia.run(
          persona.id,
          'preview',
          video ? 'video' : 'image',
          i + 1,
          preview.width,
          preview.height,
          preview.alt,
          video ? video.durationSeconds : null,
        );
      });
      persona.resolvedLicenses.forEach((license, i) =>
        insertLicense.run(
          `seed-${persona.id}-${i + 1}`,
          persona.id,
          license.license,
          license.buyerName,
          license.buyerEmail,
          license.effectiveAt.toISOString(),
          license.expiresAt?.toISOString() ?? null,
          license.effectiveAt.toISOString(),
        ),
      );
    }
  })();
}

/** Resolves the `seed` option into a parsed seed, or `null` for none. */
export function resolveSeedOption(seed: string | SeedCatalogInput | false | undefined): {
  seed: SeedCatalog;
  source: string;
} | null {
  if (seed === false) return null;
  if (seed === undefined) return { seed: readSeedFile(DEMO_SEED_FILE), source: 'demo seed' };
  if (typeof seed === 'string') return { seed: readSeedFile(seed), source: `seed ${seed}` };
  return { seed: parseSeed(seed), source: 'seed' };
}

/** One seed made of two (the demo catalog and a generated one, say); either may be missing. */
export function combineSeeds(a: SeedCatalog | null, b: SeedCatalog | null): SeedCatalog | null {
  if (!a || !b) return a ?? b;
  return { version: 1, creators: [...a.creators, ...b.creators], personas: [...a.personas, ...b.personas] };
}
