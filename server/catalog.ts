/**
 * Read side of the marketplace: the public catalog, personas and creator
 * profiles, straight from SQLite.
 *
 * Licensing state is never stored: it is computed in SQL from the license
 * records at the clock's "now", so the `availability` filter pages correctly
 * and an Exclusive that has just expired reopens the persona at once.
 *
 * Catalog paging is keyset-based: each sort has a partial index on
 * (sort key, id) over published rows, the cursor carries the last row's key
 * and id, and the next page starts strictly after it, so a page costs
 * O(limit) however deep it is.
 */
import type { Database, Statement } from 'better-sqlite3';
import {
  SORTS,
  Slug,
  ratingRank,
  type Availability,
  type CatalogPage,
  type CatalogQuery,
  type ContentRating,
  type CommercialTail,
  type Creator,
  type Image,
  type Niche,
  type Persona,
  type PersonaSummary,
  type Preview,
  type PricingPolicy,
  type Sort,
  type UseCase,
} from '../src/api/schemas.js';
import * as v from 'valibot';
import { computeTierPrices } from '../src/api/pricing.js';
import { invalid } from './errors.js';
import { AVATAR_SIZE, srcsetWidths } from './media.js';
import { buildOffers } from './rules.js';

// ---------------------------------------------------------------------------
// SQL building blocks.

/**
 * What makes a persona public: published and sellable under the current policy.
 *
 * The unary `+` keeps the price floor out of index range constraints: left
 * usable, SQLite takes it as the lower bound of a `price_asc` walk instead of
 * the cursor's `(key, id) >` bound, and re-reads every earlier row on every
 * page, or it picks the per-creator price index for another sort and sorts in
 * a temporary B-tree. It is a filter, never where a walk starts.
 */
const PUBLIC = `p.status = 'published' AND p.currency = @currency AND +p.commercial_price_cents >= @minPrice`;

const OWNED = `EXISTS (SELECT 1 FROM licenses l WHERE l.persona_id = p.id AND l.license = 'ownership'
  AND l.effective_at <= @now)`;
const EXCLUSIVE_ACTIVE = `EXISTS (SELECT 1 FROM licenses l WHERE l.persona_id = p.id AND l.license = 'exclusive'
  AND l.effective_at <= @now AND l.expires_at > @now)`;
const EXCLUSIVE_UNTIL = `(SELECT max(l.expires_at) FROM licenses l WHERE l.persona_id = p.id AND l.license = 'exclusive'
  AND l.effective_at <= @now AND l.expires_at > @now)`;

const AVAILABILITY_FILTER: Record<Availability, string> = {
  assigned: OWNED,
  exclusive_active: `NOT ${OWNED} AND ${EXCLUSIVE_ACTIVE}`,
  open: `NOT ${OWNED} AND NOT ${EXCLUSIVE_ACTIVE}`,
};

const SUMMARY_COLUMNS = `p.id, p.name, p.niche, p.content_rating, p.commercial_price_cents, p.currency,
  p.published_at, c.handle AS creator_handle, c.name AS creator_name,
  m.width AS title_width, m.height AS title_height, m.alt AS title_alt,
  ${OWNED} AS owned, ${EXCLUSIVE_UNTIL} AS exclusive_until`;

const SUMMARY_FROM = `personas p
  JOIN creators c ON c.id = p.creator_id
  JOIN media m ON m.persona_id = p.id AND m.role = 'title'`;

interface SortSpec {
  /** The column the sort orders by (the keyset key). */
  key: 'published_at' | 'commercial_price_cents' | 'name';
  keyType: 'string' | 'number';
  /** Descending sorts also break ties by descending id, so one index serves both. */
  descending: boolean;
}

const SORT_SPECS: Record<Sort, SortSpec> = {
  newest: { key: 'published_at', keyType: 'string', descending: true },
  price_asc: { key: 'commercial_price_cents', keyType: 'number', descending: false },
  price_desc: { key: 'commercial_price_cents', keyType: 'number', descending: true },
  name: { key: 'name', keyType: 'string', descending: false },
};

interface SummaryRow {
  id: string;
  name: string;
  niche: Niche;
  content_rating: PersonaSummary['contentRating'];
  commercial_price_cents: number;
  currency: string;
  published_at: string;
  creator_handle: string;
  creator_name: string;
  title_width: number;
  title_height: number;
  title_alt: string;
  owned: 0 | 1;
  exclusive_until: string | null;
}

// ---------------------------------------------------------------------------
// Cursors: opaque to clients, base64url JSON inside.

interface CursorData {
  /** The sort the cursor belongs to. */
  s: Sort;
  /** The last row's sort key. */
  k: string | number;
  /** The last row's id. */
  i: string;
}

export function encodeCursor(data: CursorData): string {
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');
}

/** Decodes a cursor for `sort`, or throws a 400 naming `cursor`. */
export function decodeCursor(cursor: string, sort: Sort): CursorData {
  const bad = () => invalid('cursor', 'is not a cursor this catalog issued');
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof data !== 'object' || data === null) throw bad();
  const { s, k, i } = data as Record<string, unknown>;
  if (typeof s !== 'string' || !(SORTS as readonly string[]).includes(s)) throw bad();
  if (s !== sort) throw invalid('cursor', `belongs to sort "${s}", not "${sort}"`);
  const spec = SORT_SPECS[sort];
  const keyOk = spec.keyType === 'number' ? Number.isSafeInteger(k) : typeof k === 'string' && k.length <= 400;
  if (!keyOk || typeof i !== 'string' || !v.is(Slug, i)) throw bad();
  return { s: sort, k: k as string | number, i };
}

// ---------------------------------------------------------------------------

/** Unicode case folding for search: NFC, then lower case. */
export function casefold(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** The SQL name of `casefold`, registered on the store's connection. */
const CASEFOLD = 'aip_casefold';

/** Escapes `%`, `_` and the escape character itself for a LIKE pattern. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export interface CatalogContext {
  /** The clock's "now", ISO. */
  now: string;
  /** Origin for absolute URLs in the response. */
  origin: string;
}

/** A persona's licensing state from its `owned` flag and active Exclusive's expiry. */
function availabilityOf(owned: 0 | 1, exclusiveUntil: string | null): Availability {
  return owned ? 'assigned' : exclusiveUntil ? 'exclusive_active' : 'open';
}

/** What selling a persona depends on, read at one instant. Server-side only: it holds buyer emails. */
export interface LicensingSubject {
  id: string;
  name: string;
  contentRating: ContentRating;
  /** The creator's row id (for the ledger). Never served. */
  creatorId: number;
  commercialPriceCents: number;
  availability: Availability;
  /** The active Exclusive's expiry, when `exclusive_active`. */
  exclusiveUntil: string | null;
  /** The emails of the Exclusive holder(s) in force, as stored. Never served. */
  exclusiveHolderEmails: string[];
}

export class CatalogStore {
  readonly #db: Database;
  readonly #policy: PricingPolicy;
  readonly #statements = new Map<string, Statement>();

  constructor(db: Database, policy: PricingPolicy) {
    this.#db = db;
    this.#policy = policy;
    db.function(CASEFOLD, { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? casefold(text) : text,
    );
  }

  /** Prepared statements, cached by SQL text (the catalog builds a few dozen variants at most). */
  #prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** License start and end instants, sorted, as of the database version they were read at. */
  #boundaries: { version: string; instants: string[] } | null = null;

  /**
   * A stamp that changes whenever a public read (catalog page, persona,
   * creator) could answer differently: after any write on the database's
   * connection (SQLite's `total_changes()`) or on another one, as a second
   * server sharing the file makes (`PRAGMA data_version`), or when the clock
   * crosses the start or the end of a license, which is when availability,
   * offers and the Commercial tail change. Equal stamps mean equal answers, so
   * the API can serve a cached body (see `app.ts`).
   */
  readStamp(now: string): string {
    const version = this.#prepare("SELECT total_changes() || '.' || data_version FROM pragma_data_version")
      .pluck()
      .get() as string;
    if (this.#boundaries?.version !== version) {
      const instants = this.#prepare(
        `SELECT effective_at FROM licenses UNION SELECT expires_at FROM licenses WHERE expires_at IS NOT NULL
         ORDER BY 1`,
      )
        .pluck()
        .all() as string[];
      this.#boundaries = { version, instants };
    }
    // How many instants are at or before now (ISO strings compare as instants): a binary search.
    const { instants } = this.#boundaries;
    let low = 0;
    let high = instants.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (instants[mid] <= now) low = mid + 1;
      else high = mid;
    }
    return `${version}:${low}`;
  }

  #baseParams(now: string) {
    return { now, currency: this.#policy.currency, minPrice: this.#policy.minimumCommercialPrice };
  }

  /** One page of the public catalog. */
  catalog(query: CatalogQuery, ctx: CatalogContext): CatalogPage {
    const spec = SORT_SPECS[query.sort];
    const { sql, params } = this.#catalogSql(query, ctx.now);
    const rows = this.#prepare(sql).all(params) as SummaryRow[];

    const hasMore = rows.length > query.limit;
    const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
    const last = pageRows.at(-1);
    return {
      items: this.#summaries(pageRows, ctx),
      nextCursor: hasMore && last ? encodeCursor({ s: query.sort, k: last[spec.key], i: last.id }) : null,
    };
  }

  /**
   * SQLite's query plan for a catalog page, one line per step (`EXPLAIN QUERY
   * PLAN`'s `detail` column, indented by depth): lets tests prove that paging
   * walks an index rather than sorting.
   */
  explainCatalog(query: CatalogQuery, now: string): string[] {
    const { sql, params } = this.#catalogSql(query, now);
    // `sql` is the catalog's own query, built from fixed fragments with every value bound (#catalogSql).
    // eslint-disable-next-line no-restricted-syntax
    const rows = this.#db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as {
      id: number;
      parent: number;
      detail: string;
    }[];
    const depth = new Map<number, number>([[0, 0]]);
    return rows.map((row) => {
      const level = (depth.get(row.parent) ?? 0) + 1;
      depth.set(row.id, level);
      return `${'  '.repeat(level - 1)}${row.detail}`;
    });
  }

  #catalogSql(query: CatalogQuery, now: string): { sql: string; params: Record<string, string | number> } {
    const spec = SORT_SPECS[query.sort];
    const params: Record<string, string | number> = {
      ...this.#baseParams(now),
      rank: ratingRank(query.rating),
      limit: query.limit + 1,
    };
    const where = [PUBLIC, 'p.rating_rank <= @rank'];
    if (query.creator !== undefined) {
      where.push('c.handle = @creator');
      params.creator = query.creator;
    }
    if (query.useCase !== undefined) {
      where.push('EXISTS (SELECT 1 FROM persona_use_cases u WHERE u.persona_id = p.id AND u.use_case = @useCase)');
      params.useCase = query.useCase;
    }
    if (query.tag !== undefined) {
      where.push('EXISTS (SELECT 1 FROM persona_tags t WHERE t.persona_id = p.id AND t.tag = @tag)');
      params.tag = query.tag;
    }
    if (query.q !== undefined && query.q !== '') {
      if (/^[\x20-\x7e]*$/.test(query.q)) {
        // ASCII text: LIKE folds ASCII case itself, and is the faster scan.
        where.push(`(p.name LIKE @q ESCAPE '\\' OR p.niche LIKE @q ESCAPE '\\' OR c.name LIKE @q ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM persona_tags t WHERE t.persona_id = p.id AND t.tag LIKE @q ESCAPE '\\'))`);
        params.q = likeContains(query.q);
      } else {
        // Beyond ASCII LIKE compares exactly, so fold both sides (`Éclat` finds `éclat`); niches are ASCII.
        where.push(`(instr(${CASEFOLD}(p.name), @q) > 0 OR instr(${CASEFOLD}(c.name), @q) > 0
          OR EXISTS (SELECT 1 FROM persona_tags t WHERE t.persona_id = p.id AND instr(${CASEFOLD}(t.tag), @q) > 0))`);
        params.q = casefold(query.q);
      }
    }
    if (query.availability !== undefined) where.push(AVAILABILITY_FILTER[query.availability]);
    const column = `p.${spec.key}`;
    if (query.cursor !== undefined) {
      const cursor = decodeCursor(query.cursor, query.sort);
      where.push(`(${column}, p.id) ${spec.descending ? '<' : '>'} (@afterKey, @afterId)`);
      params.afterKey = cursor.k;
      params.afterId = cursor.i;
    }
    const direction = spec.descending ? 'DESC' : 'ASC';
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM}
      WHERE ${where.join('\n  AND ')}
      ORDER BY ${column} ${direction}, p.id ${direction}
      LIMIT @limit`;
    return { sql, params };
  }

  /** One public persona in full, or `null` if there is no such public persona. */
  persona(id: string, ctx: CatalogContext): Persona | null {
    const row = this.#prepare(
      `SELECT ${SUMMARY_COLUMNS}, p.description FROM ${SUMMARY_FROM} WHERE p.id = @id AND ${PUBLIC}`,
    ).get({ ...this.#baseParams(ctx.now), id }) as (SummaryRow & { description: string }) | undefined;
    if (!row) return null;
    const [summary] = this.#summaries([row], ctx);

    const previews = this.#prepare(
      `SELECT position, kind, width, height, alt, duration_seconds FROM media
       WHERE persona_id = ? AND role = 'preview' ORDER BY position`,
    ).all(id) as {
      position: number;
      kind: 'image' | 'video';
      width: number;
      height: number;
      alt: string;
      duration_seconds: number | null;
    }[];
    const deliverables = this.#prepare('SELECT label FROM deliverables WHERE persona_id = ? ORDER BY position')
      .pluck()
      .all(id) as string[];
    return {
      ...summary,
      description: row.description,
      previews: previews.map((p): Preview => {
        // A clip's poster is the picture its position would have.
        const picture = `${ctx.origin}/media/personas/${id}/preview-${p.position}.svg`;
        const size = { width: p.width, height: p.height, alt: p.alt };
        return p.kind === 'video'
          ? {
              kind: 'video',
              url: `${ctx.origin}/media/personas/${id}/preview-${p.position}.webm`,
              poster: picture,
              ...size,
              durationSeconds: p.duration_seconds ?? 0,
            }
          : { kind: 'image', url: picture, ...size };
      }),
      deliverables,
      offers: buildOffers(this.#policy, row.commercial_price_cents, summary.availability, ctx.origin),
      commercialTail: this.commercialTail(id, ctx.now),
    };
  }

  /** The Commercial licenses of a persona running at `now`: the tail an Exclusive bought now lives with. */
  commercialTail(id: string, now: string): CommercialTail {
    const tail = this.#prepare(
      `SELECT count(*) AS count, max(expires_at) AS until FROM licenses
       WHERE persona_id = @id AND license = 'commercial' AND effective_at <= @now AND expires_at > @now`,
    ).get({ id, now }) as { count: number; until: string | null };
    return { count: tail.count, until: tail.until };
  }

  /** A public persona's price and licensing state at `now`, or `null` if there is no such public persona. */
  licensingSubject(id: string, now: string): LicensingSubject | null {
    const row = this.#prepare(
      `SELECT p.id, p.name, p.content_rating, p.creator_id, p.commercial_price_cents,
         ${OWNED} AS owned, ${EXCLUSIVE_UNTIL} AS exclusive_until
       FROM personas p WHERE p.id = @id AND ${PUBLIC}`,
    ).get({ ...this.#baseParams(now), id }) as
      | {
          id: string;
          name: string;
          content_rating: ContentRating;
          creator_id: number;
          commercial_price_cents: number;
          owned: 0 | 1;
          exclusive_until: string | null;
        }
      | undefined;
    if (!row) return null;
    const availability = availabilityOf(row.owned, row.exclusive_until);
    const holders =
      availability === 'exclusive_active'
        ? (this.#prepare(
            `SELECT buyer_email FROM licenses
             WHERE persona_id = @id AND license = 'exclusive' AND effective_at <= @now AND expires_at > @now`,
          )
            .pluck()
            .all({ id, now }) as string[])
        : [];
    return {
      id: row.id,
      name: row.name,
      contentRating: row.content_rating,
      creatorId: row.creator_id,
      commercialPriceCents: row.commercial_price_cents,
      availability,
      exclusiveUntil: availability === 'exclusive_active' ? row.exclusive_until : null,
      exclusiveHolderEmails: holders,
    };
  }

  /** A creator's public profile (never contact or payout data), or `null`. */
  creator(handle: string, ctx: CatalogContext): Creator | null {
    // Select the public columns by name: email and payout_wallet are never read here.
    const row = this.#prepare(
      `SELECT c.handle, c.name, c.bio, c.website, c.joined_at,
         (SELECT count(*) FROM personas p WHERE p.creator_id = c.id AND ${PUBLIC}) AS published_count
       FROM creators c WHERE c.handle = @handle`,
    ).get({ ...this.#baseParams(ctx.now), handle }) as
      | {
          handle: string;
          name: string;
          bio: string;
          website: string | null;
          joined_at: string;
          published_count: number;
        }
      | undefined;
    if (!row) return null;
    return {
      handle: row.handle,
      name: row.name,
      bio: row.bio,
      avatar: {
        url: `${ctx.origin}/media/creators/${row.handle}/avatar.svg`,
        ...AVATAR_SIZE,
        alt: `Studio mark of ${row.name}`,
      },
      website: row.website,
      publishedCount: row.published_count,
      joinedAt: row.joined_at,
    };
  }

  /** What a persona picture needs to be drawn, if the persona is public and has it. */
  personaMedia(
    id: string,
    role: 'title' | 'preview',
    position: number,
  ): { niche: Niche; kind: 'image' | 'video'; width: number; height: number } | null {
    const row = this.#prepare(
      `SELECT p.niche, m.kind, m.width, m.height FROM media m JOIN personas p ON p.id = m.persona_id
       WHERE m.persona_id = @id AND m.role = @role AND m.position = @position AND ${PUBLIC}`,
    ).get({ currency: this.#policy.currency, minPrice: this.#policy.minimumCommercialPrice, id, role, position }) as
      { niche: Niche; kind: 'image' | 'video'; width: number; height: number } | undefined;
    return row ?? null;
  }

  /** Does a creator with this handle exist? */
  creatorExists(handle: string): boolean {
    return this.#prepare('SELECT 1 FROM creators WHERE handle = ?').get(handle) !== undefined;
  }

  /** Published personas priced below the policy minimum (hidden from public reads). */
  belowMinimum(): string[] {
    return this.#prepare(
      `SELECT id FROM personas WHERE status = 'published' AND (commercial_price_cents < ? OR currency <> ?)`,
    )
      .pluck()
      .all(this.#policy.minimumCommercialPrice, this.#policy.currency) as string[];
  }

  /**
   * Published personas the policy can't price (its tiers would not rise from Commercial to Ownership, say, with
   * equal floors), each with the reason. Every read of one would fail.
   */
  unpriceable(): { id: string; reason: string }[] {
    const rows = this.#prepare(
      `SELECT id, commercial_price_cents AS price FROM personas
       WHERE status = 'published' AND commercial_price_cents >= ? AND currency = ?`,
    ).all(this.#policy.minimumCommercialPrice, this.#policy.currency) as { id: string; price: number }[];
    return rows.flatMap(({ id, price }) => {
      try {
        computeTierPrices(this.#policy, price);
        return [];
      } catch (error) {
        return [{ id, reason: (error as Error).message }];
      }
    });
  }

  /** A title image's `srcset`, when it comes in more than one width. */
  #srcset(row: SummaryRow, origin: string): Pick<Image, 'srcset'> {
    const widths = srcsetWidths(row.title_width);
    if (widths.length < 2) return {};
    return {
      srcset: widths.map((width) => ({ url: `${origin}/media/personas/${row.id}/title.svg?w=${width}`, width })),
    };
  }

  #summaries(rows: SummaryRow[], ctx: CatalogContext): PersonaSummary[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const tags = new Map<string, string[]>();
    for (const { persona_id, tag } of this.#prepare(
      `SELECT persona_id, tag FROM persona_tags
       WHERE persona_id IN (SELECT value FROM json_each(?)) ORDER BY persona_id, position`,
    ).all(ids) as { persona_id: string; tag: string }[]) {
      tags.set(persona_id, [...(tags.get(persona_id) ?? []), tag]);
    }
    const useCases = new Map<string, UseCase[]>();
    for (const { persona_id, use_case } of this.#prepare(
      `SELECT persona_id, use_case FROM persona_use_cases
       WHERE persona_id IN (SELECT value FROM json_each(?)) ORDER BY persona_id, position`,
    ).all(ids) as { persona_id: string; use_case: UseCase }[]) {
      useCases.set(persona_id, [...(useCases.get(persona_id) ?? []), use_case]);
    }

    return rows.map((row) => {
      const availability = availabilityOf(row.owned, row.exclusive_until);
      return {
        id: row.id,
        name: row.name,
        creator: { handle: row.creator_handle, name: row.creator_name },
        titleImage: {
          url: `${ctx.origin}/media/personas/${row.id}/title.svg`,
          width: row.title_width,
          height: row.title_height,
          alt: row.title_alt,
          ...this.#srcset(row, ctx.origin),
        },
        niche: row.niche,
        tags: tags.get(row.id) ?? [],
        useCases: useCases.get(row.id) ?? [],
        contentRating: row.content_rating,
        commercialPrice: { amount: row.commercial_price_cents, currency: row.currency },
        availability,
        exclusiveUntil: availability === 'exclusive_active' ? row.exclusive_until : null,
        publishedAt: row.published_at,
      };
    });
  }
}
