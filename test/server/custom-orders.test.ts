/**
 * `POST /v1/custom-orders`: a brief for new work on a persona. What a client
 * sees for a good brief, for every field a rule refuses (nothing written), and
 * for a retried or reused `Idempotency-Key`.
 */
import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { CustomOrderSchema, type CustomOrderRequest } from '../../src/api/schemas.js';
import { counts, expectError, get, isolatedMarketplace, post, seed, type Fetched, type Isolated } from './http.js';

const NOW = '2026-06-01T12:00:00.000Z';
const TODAY = '2026-06-01';

const BRIEF: CustomOrderRequest = {
  personaId: 'mara-lindqvist',
  buyer: { email: 'buyer@example.com', name: 'Harbor Coffee Co.' },
  type: 'seasonal_campaign',
  goal: 'An autumn launch for our new roast',
  channel: 'Instagram',
  deliverableCount: 4,
  formats: ['4:5', '9:16'],
  references: ['https://example.com/moodboard'],
  mustAvoid: 'No other coffee brands in shot',
  deadline: '2026-07-15',
  budget: { amount: 60000, currency: 'USD' },
  rating: 'general',
};

let keys = 0;
const newKey = () => `custom-order-test-${Date.now()}-${(keys += 1)}`;

describe('POST /v1/custom-orders', () => {
  let market: Isolated;

  before(async () => {
    market = await isolatedMarketplace(NOW);
  });

  after(async () => {
    await market.dispose();
  });

  const send = (body: unknown, key: string | null = newKey(), init: RequestInit = {}) =>
    post(`${market.base}/v1/custom-orders`, body, {
      ...init,
      headers: { ...(key === null ? {} : { 'Idempotency-Key': key }), ...(init.headers as Record<string, string>) },
    });

  /** Sends a request that must be refused, and proves it wrote nothing. */
  async function refused(request: () => Promise<Fetched>, status: number, code: string, field?: string) {
    const before = await counts(market.id);
    const fetched = await request();
    expectError(fetched, status, code, field);
    expect(await counts(market.id)).to.deep.equal(before);
    return fetched;
  }

  /** Sends a brief that must make exactly one row; returns what the client got. */
  async function created(body: unknown, key = newKey()) {
    const before = await counts(market.id);
    const fetched = await send(body, key);
    expect(fetched.res.status, fetched.text).to.equal(201);
    expect(await counts(market.id)).to.deep.equal({ ...before, custom_orders: before.custom_orders + 1 });
    return v.parse(CustomOrderSchema, fetched.body);
  }

  describe('a brief', () => {
    it('answers 201 with a short request number and status submitted, stored once', async () => {
      const before = await counts(market.id);
      const fetched = await send(BRIEF);
      expect(fetched.res.status, fetched.text).to.equal(201);
      expect(fetched.res.headers.get('content-type')).to.match(/^application\/json/);
      expect(fetched.res.headers.get('cache-control')).to.equal('no-store');
      expect(Object.keys(fetched.body as object).sort()).to.deep.equal(['id', 'status']);
      const order = v.parse(CustomOrderSchema, fetched.body);
      expect(order.id).to.match(/^co-[a-z2-7]{8}$/);
      expect(order.status).to.equal('submitted');
      expect(await counts(market.id)).to.deep.equal({ ...before, custom_orders: before.custom_orders + 1 });
    });

    it('gives every brief its own number', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 5; i += 1) ids.add((await created(BRIEF)).id);
      expect(ids.size).to.equal(5);
    });

    it('never answers with the creator’s contact or payout data', async () => {
      const creator = seed.creators.find((c) => c.handle === seed.personas[0].creator)!;
      const fetched = await send(BRIEF);
      expect(fetched.res.status).to.equal(201);
      expect(fetched.text).to.not.contain(creator.email);
      if (creator.payoutWallet) expect(fetched.text).to.not.contain(creator.payoutWallet);
    });

    it('accepts a deadline of today, the optional fields left out, and a rating equal to the persona’s', async () => {
      await created({ ...BRIEF, deadline: TODAY });
      const { references: _r, mustAvoid: _m, ...required } = BRIEF;
      await created(required);
      await created({ ...BRIEF, personaId: 'lena-voss', rating: 'suggestive' });
      await created({ ...BRIEF, personaId: 'lena-voss', rating: 'general' });
    });

    it('accepts any visible ASCII key up to 200 characters', async () => {
      await created(BRIEF, 'k');
      await created(BRIEF, `${'x'.repeat(199)}!`);
      await created(BRIEF, '~!@#$%^&*()_+{}|:"<>?');
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a repeat of the same key and body with 200 and the same number, storing nothing more', async () => {
      const key = newKey();
      const first = await created(BRIEF, key);
      const before = await counts(market.id);
      const again = await send(BRIEF, key);
      expect(again.res.status, again.text).to.equal(200);
      expect(v.parse(CustomOrderSchema, again.body)).to.deep.equal(first);
      expect(await counts(market.id)).to.deep.equal(before);
    });

    it('treats the same brief with its keys in another order and padded text as the same request', async () => {
      const key = newKey();
      const first = await created(BRIEF, key);
      const reordered = Object.fromEntries(Object.entries({ ...BRIEF, goal: `  ${BRIEF.goal} ` }).reverse());
      const again = await send(reordered, key);
      expect(again.res.status, again.text).to.equal(200);
      expect(v.parse(CustomOrderSchema, again.body).id).to.equal(first.id);
    });

    it('refuses the same key with a different body: 422 naming Idempotency-Key', async () => {
      const key = newKey();
      await created(BRIEF, key);
      await refused(() => send({ ...BRIEF, deliverableCount: 5 }, key), 422, 'business_rule', 'Idempotency-Key');
    });

    it('files a brief whose answer fail=lost drops, so the same key then finds it', async () => {
      const key = newKey();
      const before = await counts(market.id);
      const lost = await post(`${market.base}/_fault/fail=lost/v1/custom-orders`, BRIEF, {
        headers: { 'Idempotency-Key': key },
      });
      expectError(lost, 502, 'unavailable');
      expect((await counts(market.id)).custom_orders).to.equal(before.custom_orders + 1);
      const again = await send(BRIEF, key);
      expect(again.res.status, again.text).to.equal(200);
      expect((await counts(market.id)).custom_orders).to.equal(before.custom_orders + 1);
    });

    it('makes one brief from 20 concurrent posts with one key', async () => {
      const key = newKey();
      const before = await counts(market.id);
      const answers = await Promise.all(Array.from({ length: 20 }, () => send(BRIEF, key)));
      const statuses = answers.map((a) => a.res.status);
      expect(statuses.filter((s) => s === 201)).to.have.length(1);
      expect(statuses.filter((s) => s === 200)).to.have.length(19);
      expect(new Set(answers.map((a) => (a.body as { id: string }).id)).size).to.equal(1);
      expect((await counts(market.id)).custom_orders).to.equal(before.custom_orders + 1);
    });

    it('lets a key refused for its body be used again once the body is right', async () => {
      const key = newKey();
      await refused(() => send({ ...BRIEF, deadline: '2020-01-01' }, key), 400, 'invalid_request', 'deadline');
      await created(BRIEF, key);
    });

    const badKeys: [string, string | null][] = [
      ['a missing key', null],
      ['an empty key', ''],
      ['a key with a space', 'two words'],
      ['a key over 200 characters', 'k'.repeat(201)],
    ];
    for (const [name, key] of badKeys) {
      it(`refuses ${name} with a 400 naming Idempotency-Key`, async () => {
        await refused(() => send(BRIEF, key), 400, 'invalid_request', 'Idempotency-Key');
      });
    }

    it('refuses a key with characters beyond ASCII', async () => {
      // fetch() itself refuses non-Latin-1 header values, so send Latin-1 bytes.
      await refused(() => send(BRIEF, 'clé'), 400, 'invalid_request', 'Idempotency-Key');
    });
  });

  describe('invalid briefs: 400 naming the field, nothing written', () => {
    const cases: [string, unknown, string][] = [
      ['no personaId', { ...BRIEF, personaId: undefined }, 'personaId'],
      ['a personaId that is not a slug', { ...BRIEF, personaId: 'Mara' }, 'personaId'],
      ['no buyer', { ...BRIEF, buyer: undefined }, 'buyer'],
      ['a buyer email that is not an email', { ...BRIEF, buyer: { ...BRIEF.buyer, email: 'buyer' } }, 'buyer.email'],
      ['a blank buyer name', { ...BRIEF, buyer: { ...BRIEF.buyer, name: '   ' } }, 'buyer.name'],
      ['an unknown buyer field', { ...BRIEF, buyer: { ...BRIEF.buyer, phone: '555' } }, 'buyer.phone'],
      ['an unknown type', { ...BRIEF, type: 'portrait' }, 'type'],
      ['a blank goal', { ...BRIEF, goal: ' ' }, 'goal'],
      ['an overlong goal', { ...BRIEF, goal: 'g'.repeat(2001) }, 'goal'],
      ['a blank channel', { ...BRIEF, channel: '' }, 'channel'],
      ['no deliverables', { ...BRIEF, deliverableCount: 0 }, 'deliverableCount'],
      ['101 deliverables', { ...BRIEF, deliverableCount: 101 }, 'deliverableCount'],
      ['a fractional deliverable count', { ...BRIEF, deliverableCount: 1.5 }, 'deliverableCount'],
      ['no formats', { ...BRIEF, formats: [] }, 'formats'],
      ['eleven formats', { ...BRIEF, formats: Array(11).fill('1:1') }, 'formats'],
      ['a blank format', { ...BRIEF, formats: ['4:5', '  '] }, 'formats.1'],
      ['a reference that is not an http URL', { ...BRIEF, references: ['javascript:alert(1)'] }, 'references.0'],
      ['an overlong must-avoid list', { ...BRIEF, mustAvoid: 'm'.repeat(2001) }, 'mustAvoid'],
      ['a deadline that is not a date', { ...BRIEF, deadline: 'next week' }, 'deadline'],
      ['a deadline with a time', { ...BRIEF, deadline: '2026-07-15T00:00:00Z' }, 'deadline'],
      ['a deadline that is not on the calendar', { ...BRIEF, deadline: '2026-02-30' }, 'deadline'],
      ['no budget', { ...BRIEF, budget: undefined }, 'budget'],
      ['a budget in dollars, not cents', { ...BRIEF, budget: { amount: 600.5, currency: 'USD' } }, 'budget.amount'],
      ['a budget of nothing', { ...BRIEF, budget: { amount: 0, currency: 'USD' } }, 'budget.amount'],
      ['a budget in another currency', { ...BRIEF, budget: { amount: 60000, currency: 'EUR' } }, 'budget.currency'],
      ['an unknown rating', { ...BRIEF, rating: 'mild' }, 'rating'],
      ['an unknown field', { ...BRIEF, creatorEmail: 'x@example.com' }, 'creatorEmail'],
    ];
    for (const [name, body, field] of cases) {
      it(`refuses ${name}`, async () => {
        await refused(() => send(body), 400, 'invalid_request', field);
      });
    }

    it('refuses a deadline in the past at the marketplace’s clock, saying so', async () => {
      const fetched = await refused(
        () => send({ ...BRIEF, deadline: '2026-05-31' }),
        400,
        'invalid_request',
        'deadline',
      );
      expect((fetched.body as { error: { message: string } }).error.message).to.match(/must not be in the past/);
    });

    it('refuses a rating above the persona’s, naming the persona’s rating', async () => {
      const fetched = await refused(() => send({ ...BRIEF, rating: 'suggestive' }), 400, 'invalid_request', 'rating');
      const { details } = (fetched.body as { error: { details: { field: string; message: string }[] } }).error;
      expect(details).to.deep.equal([{ field: 'rating', message: "can't be above this persona's rating (general)" }]);
    });

    it('names every rule a brief breaks at once', async () => {
      const fetched = await refused(
        () => send({ ...BRIEF, deadline: '2026-01-01', budget: { amount: 0, currency: 'EUR' }, rating: 'explicit' }),
        400,
        'invalid_request',
      );
      const fields = (fetched.body as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
      expect(fields.sort()).to.deep.equal(['budget.amount', 'budget.currency', 'deadline', 'rating']);
    });

    it('refuses a body that is not JSON, naming the body', async () => {
      await refused(() => send('not json'), 400, 'invalid_request', '(body)');
    });

    it('404s an unknown or unpublished persona, naming personaId', async () => {
      await refused(() => send({ ...BRIEF, personaId: 'no-such-persona' }), 404, 'not_found', 'personaId');
      await refused(() => send({ ...BRIEF, personaId: 'aria-bellweather' }), 404, 'not_found', 'personaId');
    });

    it('answers GET with a 405 allowing POST', async () => {
      const fetched = await refused(() => get(`${market.base}/v1/custom-orders`), 405, 'invalid_request');
      expect(fetched.res.headers.get('allow')).to.equal('POST, OPTIONS');
    });
  });
});
