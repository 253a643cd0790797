/**
 * The catalog at scale: a generated marketplace of 10 000 general personas
 * (plus 100 rated ones), made once for this file in an isolated marketplace.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import * as v from 'valibot';
import {
  AVAILABILITIES,
  CatalogPageSchema,
  SORTS,
  type CatalogPage,
  type PersonaSummary,
  type Sort,
} from '../../src/api/schemas.js';
import { counts, expectSorted, get, isolatedMarketplace, walkCatalog, type Isolated } from './http.js';

const N = 10_000;
const RATED = Math.ceil(N / 100);
const NOW = '2026-06-01T00:00:00.000Z';
const LIMIT = 100;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const casefold = (text: string) => text.normalize('NFC').toLowerCase();

interface Walk {
  items: PersonaSummary[];
  /** The cursor that fetched each page (`null` for the first). */
  cursors: (string | null)[];
}

/** Walks every page of `query`, keeping each page's cursor. */
async function walkPages(base: string, query: string): Promise<Walk> {
  const walk: Walk = { items: [], cursors: [] };
  let cursor: string | null = null;
  do {
    const url: string = `${base}/v1/catalog?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await fetch(url, { cache: 'no-store' });
    const body = (await res.json()) as CatalogPage;
    expect(res.status, url).to.equal(200);
    // Validating every page against the contract would double the walk's time; check a sample.
    if (walk.cursors.length % 10 === 0 || body.nextCursor === null) v.parse(CatalogPageSchema, body);
    walk.cursors.push(cursor);
    walk.items.push(...body.items);
    cursor = body.nextCursor;
    if (walk.cursors.length > N / LIMIT + 10) throw new Error('cursor walk does not end');
  } while (cursor);
  return walk;
}

describe('a generated catalog of 10 000 personas', function () {
  this.timeout(30_000);
  let market: Isolated;
  /** Every published persona, every rating, newest first. */
  let everything: PersonaSummary[];
  const walks = new Map<string, Walk>();
  const walking = new Map<Sort, Promise<Walk>>();
  /** The walk of one sort; the first call starts all four side by side (one at a time takes twice as long). */
  const walkOf = (sort: Sort) => {
    if (walking.size === 0) {
      for (const s of SORTS) {
        const walk = walkPages(market.base, `sort=${s}&rating=explicit&limit=${LIMIT}`);
        walk.catch(() => {}); // reported by the test that awaits it
        walking.set(s, walk);
      }
    }
    return walking.get(sort)!;
  };

  const explain = (query: string) =>
    executeServerCommand('marketplace:explain', { id: market.id, query }) as Promise<string[]>;

  before(async function () {
    this.timeout(60_000);
    const started = performance.now();
    market = await isolatedMarketplace(NOW, { generate: N, seed: false });
    console.log(`generated ${N + RATED} personas in ${Math.round(performance.now() - started)} ms`);
  });

  after(async () => {
    await market?.dispose();
  });

  for (const sort of SORTS) {
    it(`sort=${sort}: walks all ${N + RATED} personas 100 at a time, in order, without duplicates or gaps`, async () => {
      const walk = await walkOf(sort);
      walks.set(sort, walk);
      const total = (await counts(market.id)).personas;
      expect(total).to.equal(N + RATED);
      expect(walk.cursors).to.have.length(Math.ceil(total / LIMIT));
      expect(walk.items).to.have.length(total);
      const ids = walk.items.map((p) => p.id);
      expect(new Set(ids).size, 'no duplicates').to.equal(total);
      if (sort === 'newest') everything = walk.items;
      else
        expect([...ids].sort(), 'the same personas in every order').to.deep.equal(everything.map((p) => p.id).sort());
      expectSorted(walk.items, sort);
    });
  }

  it('serves the last page as fast as the first, in every sort', async () => {
    // Keyset paging: the last page of the walk is read from the cursor on, not after skipping 10 000 rows.
    // The two pages are fetched alternately, so a busy machine slows both alike.
    const timeOf = async (url: string) => {
      const started = performance.now();
      const res = await fetch(url, { cache: 'no-store' });
      await res.json();
      return performance.now() - started;
    };
    for (const sort of SORTS) {
      const walk = walks.get(sort)!;
      const first = `${market.base}/v1/catalog?sort=${sort}&rating=explicit&limit=${LIMIT}`;
      const last = `${first}&cursor=${encodeURIComponent(walk.cursors.at(-1)!)}`;
      const [a, b]: number[][] = [[], []];
      for (let round = 0; round < 9; round += 1) {
        a.push(await timeOf(first));
        b.push(await timeOf(last));
      }
      const [firstMs, lastMs] = [median(a), median(b)];
      console.log(
        `sort=${sort}: page 1 ${firstMs.toFixed(1)} ms, page ${walk.cursors.length} ${lastMs.toFixed(1)} ms (medians of 9)`,
      );
      expect(lastMs, `${sort}: page 1 ${firstMs} ms, last page ${lastMs} ms`).to.be.lessThan(firstMs * 3 + 5);
    }
  });

  it('is generated in one go, and varied', async () => {
    // How long generation took is logged above as a figure, not asserted: machines and their load differ.
    const rows = await counts(market.id);
    expect(rows.creators).to.be.within(10, 24);
    expect(everything.filter((p) => p.contentRating === 'general')).to.have.length(N);
    expect(new Set(everything.map((p) => p.contentRating)).size).to.equal(4);
    expect(new Set(everything.map((p) => p.niche)).size).to.be.at.least(6);
    expect(new Set(everything.flatMap((p) => p.tags)).size).to.be.at.least(40);
    expect(new Set(everything.flatMap((p) => p.useCases)).size).to.equal(9);
    expect(new Set(everything.map((p) => p.commercialPrice.amount)).size).to.be.at.least(50);
    const policy = (await get<{ minimumCommercialPrice: number }>('/v1/pricing-policy')).body;
    expect(Math.min(...everything.map((p) => p.commercialPrice.amount))).to.be.at.least(policy.minimumCommercialPrice);
  });

  it('is deterministic: persona i is the same whatever the size, and the same size gives the same catalog', async () => {
    const small = await isolatedMarketplace(NOW, { generate: 300, seed: false });
    const again = await isolatedMarketplace(NOW, { generate: 300, seed: false });
    try {
      // Media URLs start with each marketplace's own base; the rest must match exactly.
      const unbased = <T>(items: T, base: string): T => JSON.parse(JSON.stringify(items).replaceAll(base, ''));
      const a = unbased((await walkCatalog(`rating=explicit&limit=${LIMIT}`, small.base)).items, small.base);
      const b = unbased((await walkCatalog(`rating=explicit&limit=${LIMIT}`, again.base)).items, again.base);
      expect(a).to.have.length(303);
      expect(b).to.deep.equal(a);
      const byId = new Map(unbased(everything, market.base).map((p) => [p.id, p]));
      for (const item of a.filter((p) => p.contentRating === 'general')) {
        expect(byId.get(item.id), item.id).to.deep.equal(item);
      }
    } finally {
      await small.dispose();
      await again.dispose();
    }
  });

  it('adds to the demo catalog unless the seed is turned off', async () => {
    const both = await isolatedMarketplace(NOW, { generate: 50 });
    try {
      const ids = (await walkCatalog(`rating=explicit&limit=${LIMIT}`, both.base)).items.map((p) => p.id);
      expect(ids).to.include('mara-lindqvist');
      expect(ids.filter((id) => /-\d+$/.test(id))).to.have.length(50);
    } finally {
      await both.dispose();
    }
  });

  describe('query plans', () => {
    /** The plan lines for the personas table (`p`), the ones that decide the walk. */
    const personaSteps = (plan: string[]) => plan.filter((line) => /^(?:SCAN|SEARCH) p\b/.test(line));

    const cursorAt = (sort: string, page: number) => {
      const cursor = walks.get(sort)?.cursors[page];
      if (!cursor) throw new Error(`no cursor for page ${page} of sort=${sort} (the walk test runs first)`);
      return cursor;
    };

    const KEYS = { newest: 'published_at', price_asc: 'commercial_price_cents', price_desc: 'commercial_price_cents', name: 'name' } as const; // prettier-ignore
    const INDEX = { newest: 'newest', price_asc: 'price', price_desc: 'price', name: 'name' } as const;

    for (const sort of SORTS) {
      it(`sort=${sort}: every page is an index walk that starts at the cursor, never a sort`, async () => {
        const key = KEYS[sort];
        const op = sort === 'newest' || sort === 'price_desc' ? '<' : '>';
        const cursor = encodeURIComponent(cursorAt(sort, 80));
        const cases: [string, RegExp][] = [
          [`sort=${sort}`, new RegExp(`USING INDEX personas_published_${INDEX[sort]}\\b`)],
          [
            `sort=${sort}&cursor=${cursor}`,
            new RegExp(`USING INDEX personas_published_${INDEX[sort]} \\(\\(${key},id\\)${op}\\(\\?,\\?\\)\\)$`),
          ],
          [
            `sort=${sort}&creator=studio-100`,
            new RegExp(`USING INDEX personas_creator_${INDEX[sort]} \\(creator_id=\\?\\)$`),
          ],
          [
            `sort=${sort}&creator=studio-100&cursor=${cursor}`,
            new RegExp(
              `USING INDEX personas_creator_${INDEX[sort]} \\(creator_id=\\? AND \\(${key},id\\)${op}\\(\\?,\\?\\)\\)$`,
            ),
          ],
        ];
        for (const [query, expected] of cases) {
          const plan = await explain(query);
          expect(plan.join('\n'), query).to.not.match(/TEMP B-TREE/);
          const steps = personaSteps(plan);
          expect(steps, `${query}\n${plan.join('\n')}`).to.have.length(1);
          expect(steps[0], query).to.match(expected);
        }
      });
    }

    it('filters are checked along the same walk: no sort, no scan of the table', async () => {
      const cursor = encodeURIComponent(cursorAt('price_asc', 50));
      const filters = [
        'tag=yoga',
        'useCase=social_media',
        'rating=explicit',
        'q=lark',
        'q=%C3%A9clat',
        ...AVAILABILITIES.map((a) => `availability=${a}`),
        'tag=yoga&useCase=social_media&rating=suggestive',
      ];
      for (const filter of filters) {
        for (const query of [`${filter}&sort=price_asc`, `${filter}&sort=price_asc&cursor=${cursor}`]) {
          const plan = await explain(query);
          expect(plan.join('\n'), query).to.not.match(/TEMP B-TREE/);
          const steps = personaSteps(plan);
          expect(steps, query).to.have.length(1);
          expect(steps[0], query).to.match(/USING INDEX personas_published_price/);
        }
      }
    });
  });

  describe('q', () => {
    /** What `q` should find, worked out from every persona: name, niche, a tag or the creator's name. */
    const expected = (q: string) => {
      const needle = casefold(q.trim());
      return everything
        .filter((p) => [p.name, p.niche, p.creator.name, ...p.tags].some((text) => casefold(text).includes(needle)))
        .map((p) => p.id)
        .sort();
    };
    const search = async (q: string) =>
      (await walkCatalog(`q=${encodeURIComponent(q)}&rating=explicit&limit=${LIMIT}`, market.base)).items
        .map((p) => p.id)
        .sort();
    /** Runs the searches side by side (each is a scan); answers in the same order. */
    const searchAll = (queries: string[]) => Promise.all(queries.map(search));
    const byCreator = (handle: string) =>
      everything
        .filter((p) => p.creator.handle === handle)
        .map((p) => p.id)
        .sort();

    it('treats % and _ as literal characters', async () => {
      const percent = byCreator('studio-100');
      const underscore = byCreator('render-lab');
      expect(percent.length).to.be.greaterThan(0);
      expect(underscore.length).to.be.greaterThan(0);
      const [a, b, c, d] = await searchAll(['%', '100%', '_', 'r_l']);
      expect(a).to.deep.equal(percent);
      expect(b).to.deep.equal(percent);
      expect(c).to.deep.equal(underscore);
      expect(d).to.deep.equal(underscore);
      const none = ['%%', '_%', 'studio_100', 'render%lab', 'ren_er', '\\'];
      (await searchAll(none)).forEach((found, i) => expect(found, none[i]).to.deep.equal([]));
    });

    it('is case-insensitive, beyond ASCII too', async () => {
      const eclat = byCreator('atelier-eclat');
      expect(eclat.length).to.be.greaterThan(0);
      const spellings = ['éclat', 'ÉCLAT', 'Éclat', 'e\u0301clat', 'ATELIER É'];
      (await searchAll(spellings)).forEach((found, i) => expect(found, spellings[i]).to.deep.equal(eclat));
      const pairs = [
        ['zoë', 'ZOË'],
        ['núñez', 'NÚÑEZ'],
        ['öztürk', 'ÖZTÜRK'],
        ['lark', 'LaRk'],
        ['studio 100%', 'STUDIO 100%'],
      ];
      const found = await searchAll(pairs.flat());
      pairs.forEach(([lower, upper], i) => {
        const [a, b] = [found[2 * i], found[2 * i + 1]];
        expect(a.length, lower).to.be.greaterThan(0);
        expect(a, lower).to.deep.equal(expected(lower));
        expect(b, upper).to.deep.equal(a);
      });
    });

    it('finds what a scan of the whole catalog finds', async () => {
      const queries = ['yoga', 'Quill', 'marigold &', 'Åsa', 'esports', 'Ç', 'ROCK & ROLL', 'nothing-like-this'];
      (await searchAll(queries)).forEach((found, i) => expect(found, queries[i]).to.deep.equal(expected(queries[i])));
    });
  });

  it('answers If-None-Match with 304 on a deep page', async () => {
    const cursor = walks.get('price_asc')?.cursors[90];
    expect(cursor, 'the price_asc walk ran').to.be.a('string');
    const url = `${market.base}/v1/catalog?sort=price_asc&limit=${LIMIT}&cursor=${encodeURIComponent(cursor!)}`;
    const first = await get<CatalogPage>(url);
    expect(first.res.status).to.equal(200);
    expect(first.body.items).to.have.length(LIMIT);
    const etag = first.res.headers.get('etag');
    expect(etag).to.match(/^"[^"]+"$/);
    const again = await get(url, { headers: { 'If-None-Match': etag! } });
    expect(again.res.status).to.equal(304);
    expect(again.text).to.equal('');
    expect(again.res.headers.get('etag')).to.equal(etag);
    const next = await get(`${url.replace(/cursor=[^&]+/, `cursor=${encodeURIComponent(first.body.nextCursor!)}`)}`, {
      headers: { 'If-None-Match': etag! },
    });
    expect(next.res.status).to.equal(200);
  });

  it('has the seeded licensing states: every 211th assigned, every 97th under an Exclusive', async () => {
    const number = (p: PersonaSummary) => Number(/-(\d+)$/.exec(p.id)![1]);
    const assigned = (await walkCatalog(`availability=assigned&limit=${LIMIT}`, market.base)).items;
    expect(assigned.map(number).sort((a, b) => a - b)).to.deep.equal(
      Array.from({ length: Math.floor(N / 211) }, (_, i) => (i + 1) * 211),
    );
    const exclusive = (await walkCatalog(`availability=exclusive_active&limit=${LIMIT}`, market.base)).items;
    expect(exclusive.every((p) => number(p) % 97 === 0 && number(p) % 211 !== 0)).to.equal(true);
    expect(exclusive.every((p) => p.exclusiveUntil !== null && p.exclusiveUntil > NOW)).to.equal(true);
    expect(exclusive.length).to.equal(Math.floor(N / 97));
  });

  it('serves a generated persona’s title image at every srcset width', async () => {
    const [item] = everything;
    expect(item.titleImage.srcset?.map((s) => s.width)).to.deep.equal([320, 480, 800]);
    for (const { url, width } of item.titleImage.srcset!) {
      expect(url.startsWith(`${location.origin}${market.base}/media/`), url).to.equal(true);
      const { res, text } = await get(url);
      expect(res.status, url).to.equal(200);
      expect(text).to.contain(`width="${width}" height="${width * 1.25}"`);
    }
  });
});
