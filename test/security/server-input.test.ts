/**
 * Hostile input to every write endpoint of the reference marketplace (and the
 * catalog's cursor): wrong types, unknown fields, oversize bodies, bad ids,
 * bad JSON, the wrong media type. Each is answered in the one error shape
 * with the right status and field, and writes nothing: the row counts of
 * every table are the same before and after.
 */
import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { OrderSchema, type CustomOrderRequest, type Order, type Quote } from '../../src/api/schemas.js';
import { counts, expectError, get, isolatedMarketplace, post, type Fetched, type Isolated } from '../server/http.js';
import { AGREEMENT_VERSION, newKey, orderRequest, quote } from '../server/purchase.js';

const NOW = '2026-06-01T12:00:00.000Z';
const LIMIT = 16 * 1024;

const BRIEF: CustomOrderRequest = {
  personaId: 'mara-lindqvist',
  buyer: { email: 'buyer@example.com', name: 'Harbor Coffee Co.' },
  type: 'seasonal_campaign',
  goal: 'An autumn launch',
  channel: 'Instagram',
  deliverableCount: 2,
  formats: ['4:5'],
  references: [],
  mustAvoid: '',
  deadline: '2026-07-15',
  budget: { amount: 60000, currency: 'USD' },
  rating: 'general',
};

/** Raw bodies that are not one JSON object in UTF-8, with the Content-Type they are sent with. */
const NOT_A_JSON_OBJECT: [string, BodyInit, string][] = [
  ['truncated JSON', '{"personaId": "mara', 'application/json'],
  ['JSON with trailing garbage', '{} x', 'application/json'],
  ['a JSON array', '[]', 'application/json'],
  ['a JSON string', '"hello"', 'application/json'],
  ['JSON null', 'null', 'application/json'],
  ['an empty body', '', 'application/json'],
  ['bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'application/json'],
];

/** Valid JSON sent under a media type the API does not read. */
const WRONG_TYPES: [string, string | null][] = [
  ['text/plain', 'text/plain'],
  ['a form', 'application/x-www-form-urlencoded'],
  ['multipart', 'multipart/form-data; boundary=x'],
  ['JSON in Latin-1', 'application/json; charset=iso-8859-1'],
  ['no Content-Type', null],
];

describe('hostile input to the marketplace', function () {
  // Short requests, but another file may hold the shared server's event loop (a 10 000-persona seed).
  this.timeout(30_000);
  let m: Isolated;
  let q: Quote;

  before(async () => {
    m = await isolatedMarketplace(NOW, { confirmationIntervalMs: 20 });
    q = await quote(m.base, 'mara-lindqvist', 'commercial');
  });

  after(async () => {
    await m.dispose();
  });

  /** Sends a request that must be refused in the error shape, and proves it wrote nothing. */
  async function refused(send: () => Promise<Fetched>, status: number, code: string, field?: string) {
    const before = await counts(m.id);
    const fetched = await send();
    expectError(fetched, status, code, field);
    expect(await counts(m.id), fetched.text).to.deep.equal(before);
    return fetched;
  }

  /** POSTs raw bytes with exactly this Content-Type (none when null). */
  function raw(path: string, body: BodyInit, type: string | null, headers: Record<string, string> = {}) {
    const init: RequestInit = { method: 'POST', headers: { ...headers }, body };
    if (type !== null) (init.headers as Record<string, string>)['Content-Type'] = type;
    // A Blob with no type makes fetch send no Content-Type at all.
    if (type === null) init.body = new Blob([body as string]);
    return get(`${m.base}${path}`, init);
  }

  /** Body cases every JSON endpoint shares. */
  function bodyCases(path: string, valid: () => unknown, headers: () => Record<string, string> = () => ({})) {
    for (const [name, body, type] of NOT_A_JSON_OBJECT) {
      it(`refuses ${name} with a 400 naming the body`, async () => {
        await refused(() => raw(path, body, type, headers()), 400, 'invalid_request', '(body)');
      });
    }
    for (const [name, type] of WRONG_TYPES) {
      it(`refuses valid JSON sent as ${name} with a 400 naming Content-Type`, async () => {
        await refused(
          () => raw(path, JSON.stringify(valid()), type, headers()),
          400,
          'invalid_request',
          'Content-Type',
        );
      });
    }
    it('refuses a body one byte over 16 KiB with 413, and a 1 MiB one the same way', async () => {
      const pad = (size: number) => {
        const text = JSON.stringify({ ...(valid() as object), pad: '' });
        return text.replace('"pad":""', `"pad":"${'x'.repeat(size - text.length)}"`);
      };
      expect(pad(LIMIT + 1).length).to.equal(LIMIT + 1);
      await refused(() => raw(path, pad(LIMIT + 1), 'application/json', headers()), 413, 'payload_too_large');
      await refused(() => raw(path, pad(1024 * 1024), 'application/json', headers()), 413, 'payload_too_large');
    });
    it('refuses a __proto__ key rather than merging it', async () => {
      const text = JSON.stringify(valid()).replace(/^\{/, '{"__proto__":{"admin":true},');
      await refused(() => raw(path, text, 'application/json', headers()), 400, 'invalid_request', '__proto__');
      expect(({} as Record<string, unknown>).admin).to.equal(undefined);
    });
  }

  describe('POST /v1/quotes', () => {
    const send = (body: unknown) => post(`${m.base}/v1/quotes`, body);
    const cases: [string, unknown, number, string, string?][] = [
      ['a number for personaId', { personaId: 7, license: 'commercial' }, 400, 'invalid_request', 'personaId'],
      [
        'a path for personaId',
        { personaId: '../../etc/passwd', license: 'commercial' },
        400,
        'invalid_request',
        'personaId',
      ],
      [
        'SQL in personaId',
        { personaId: "mara' OR '1'='1", license: 'commercial' },
        400,
        'invalid_request',
        'personaId',
      ],
      [
        'a 65-character personaId',
        { personaId: 'a'.repeat(65), license: 'commercial' },
        400,
        'invalid_request',
        'personaId',
      ],
      ['an unknown license', { personaId: 'mara-lindqvist', license: 'lifetime' }, 400, 'invalid_request', 'license'],
      [
        'a list for license',
        { personaId: 'mara-lindqvist', license: ['commercial'] },
        400,
        'invalid_request',
        'license',
      ],
      [
        'a number for buyerEmail',
        { personaId: 'mara-lindqvist', license: 'ownership', buyerEmail: 5 },
        400,
        'invalid_request',
        'buyerEmail',
      ],
      [
        'a price of its own',
        { personaId: 'mara-lindqvist', license: 'commercial', price: { amount: 1, currency: 'USD' } },
        400,
        'invalid_request',
        'price',
      ],
      ['an unpublished persona', { personaId: 'aria-bellweather', license: 'commercial' }, 404, 'not_found'],
    ];
    for (const [name, body, status, code, field] of cases) {
      it(`refuses ${name}`, async () => {
        await refused(() => send(body), status, code, field);
      });
    }
    bodyCases('/v1/quotes', () => ({ personaId: 'mara-lindqvist', license: 'commercial' }));
  });

  describe('POST /v1/orders', () => {
    const key = { 'Idempotency-Key': 'security-order' };
    const send = (body: unknown, headers: Record<string, string> = { 'Idempotency-Key': newKey('security') }) =>
      post(`${m.base}/v1/orders`, body, { headers });
    const changed = (changes: Record<string, unknown>) => ({ ...orderRequest(q), ...changes });
    const cases: [string, () => unknown, number, string, string?][] = [
      ['a number for quoteId', () => changed({ quoteId: 42 }), 400, 'invalid_request', 'quoteId'],
      ['SQL in quoteId', () => changed({ quoteId: "x'; DROP TABLE orders;--" }), 400, 'invalid_request', 'quoteId'],
      ['a quote it never issued', () => changed({ quoteId: 'quote-nope' }), 404, 'not_found', 'quoteId'],
      ['a string for buyer', () => changed({ buyer: 'me' }), 400, 'invalid_request', 'buyer'],
      [
        'a buyer email that is not one',
        () => changed({ buyer: { email: 'a@', name: 'A' } }),
        400,
        'invalid_request',
        'buyer.email',
      ],
      [
        'a blank buyer name',
        () => changed({ buyer: { email: 'a@example.com', name: '   ' } }),
        400,
        'invalid_request',
        'buyer.name',
      ],
      [
        'a buyer name over 120 characters',
        () => changed({ buyer: { email: 'a@example.com', name: 'n'.repeat(121) } }),
        400,
        'invalid_request',
        'buyer.name',
      ],
      [
        'no accepted agreement',
        () => changed({ acceptedAgreement: undefined }),
        400,
        'invalid_request',
        'acceptedAgreement',
      ],
      ['an unknown top-level field', () => changed({ status: 'completed' }), 400, 'invalid_request', 'status'],
      [
        'an unknown buyer field',
        () => changed({ buyer: { email: 'a@example.com', name: 'A', role: 'admin' } }),
        400,
        'invalid_request',
        'buyer.role',
      ],
      [
        'a price in the agreement',
        () => changed({ acceptedAgreement: { license: 'commercial', version: AGREEMENT_VERSION, price: 1 } }),
        400,
        'invalid_request',
        'acceptedAgreement.price',
      ],
      [
        'a javascript: return URL',
        () => changed({ returnUrl: 'javascript:alert(1)' }),
        400,
        'invalid_request',
        'returnUrl',
      ],
      [
        'a data: return URL',
        () => changed({ returnUrl: 'data:text/html,<script>alert(1)</script>' }),
        400,
        'invalid_request',
        'returnUrl',
      ],
      [
        'a return URL with a space in it (a srcset would read two addresses)',
        () => changed({ returnUrl: 'https://shop.example/a.svg 1w, https://elsewhere.example/t.svg' }),
        400,
        'invalid_request',
        'returnUrl',
      ],
    ];
    for (const [name, body, status, code, field] of cases) {
      it(`refuses ${name}`, async () => {
        await refused(() => send(body()), status, code, field);
      });
    }
    it('refuses a missing, over-long or non-ASCII Idempotency-Key', async () => {
      const headerSets: Record<string, string>[] = [
        {},
        { 'Idempotency-Key': 'k'.repeat(201) },
        { 'Idempotency-Key': 'clé' },
      ];
      for (const headers of headerSets) {
        // A non-ASCII header value can't be sent by fetch: it goes from Node, as a raw request
        // (which answers status and text only; the shape, code and field are still checked).
        const fetched = /^[\x20-\x7e]*$/.test(Object.values(headers)[0] ?? '')
          ? () => send(orderRequest(q), headers)
          : async () => {
              const r = await m.request('/v1/orders', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', ...headers },
                body: JSON.stringify(orderRequest(q)),
              });
              return {
                res: new Response(r.text, { status: r.status, headers: { 'Content-Type': 'application/json' } }),
                text: r.text,
                body: JSON.parse(r.text) as unknown,
              };
            };
        await refused(fetched, 400, 'invalid_request', 'Idempotency-Key');
      }
    });
    it('stores SQL-looking text as text: the order is made and every table is still there', async () => {
      const fresh = await quote(m.base, 'juno-okafor', 'commercial');
      const before = await counts(m.id);
      const name = "Robert'); DROP TABLE orders;--";
      const made = await send(orderRequest(fresh, { buyer: { email: 'bobby@example.com', name } }));
      expect(made.res.status, made.text).to.equal(201);
      expect(await counts(m.id)).to.deep.equal({ ...before, orders: before.orders + 1 });
      const order = v.parse(OrderSchema, (await get(`${m.base}/v1/orders/${(made.body as Order).id}`)).body);
      expect(order.status).to.equal('awaiting_payment');
    });
    bodyCases(
      '/v1/orders',
      () => orderRequest(q),
      () => key,
    );
  });

  describe('POST /v1/custom-orders', () => {
    const send = (body: unknown) =>
      post(`${m.base}/v1/custom-orders`, body, { headers: { 'Idempotency-Key': newKey('security-brief') } });
    const changed = (changes: Record<string, unknown>) => ({ ...BRIEF, ...changes });
    const cases: [string, unknown, string][] = [
      ['a string for deliverableCount', changed({ deliverableCount: '2' }), 'deliverableCount'],
      ['a fractional budget', changed({ budget: { amount: 1.5, currency: 'USD' } }), 'budget.amount'],
      ['a negative budget', changed({ budget: { amount: -100, currency: 'USD' } }), 'budget.amount'],
      ['a string for formats', changed({ formats: '4:5' }), 'formats'],
      ['a javascript: reference', changed({ references: ['javascript:alert(1)'] }), 'references.0'],
      ['a deadline that is not a date', changed({ deadline: 'tomorrow' }), 'deadline'],
      ['an unknown rating', changed({ rating: 'spicy' }), 'rating'],
      ['the creator’s email asked for', changed({ creatorEmail: 'x@example.com' }), 'creatorEmail'],
      ['a goal over 2 000 characters', changed({ goal: 'g'.repeat(2001) }), 'goal'],
      ['a markup persona id', changed({ personaId: '<script>' }), 'personaId'],
    ];
    for (const [name, body, field] of cases) {
      it(`refuses ${name}`, async () => {
        await refused(() => send(body), 400, 'invalid_request', field);
      });
    }
    bodyCases(
      '/v1/custom-orders',
      () => BRIEF,
      () => ({ 'Idempotency-Key': 'security-brief' }),
    );
  });

  for (const [label, payPath] of [
    ['POST /v1/sandbox/orders/{id}/pay', (id: string) => `/v1/sandbox/orders/${id}/pay`],
    ['POST /checkout/{orderId}/pay', (id: string) => `/checkout/${id}/pay`],
  ] as const) {
    describe(label, () => {
      let order: Order;
      before(async () => {
        const fresh = await quote(m.base, 'noor-haddad', 'commercial');
        const made = await post<Order>(`${m.base}/v1/orders`, orderRequest(fresh), {
          headers: { 'Idempotency-Key': newKey('security-pay') },
        });
        expect(made.res.status, made.text).to.equal(201);
        order = made.body;
      });
      after(async () => {
        // Still payable: none of the refusals touched it.
        const current = v.parse(OrderSchema, (await get(`${m.base}/v1/orders/${order.id}`)).body);
        expect(current.status).to.equal('awaiting_payment');
      });

      for (const [name, id] of [
        ['an unknown order', 'order-nope'],
        ['an id that is not a slug', 'Not_A_Slug'],
        ['an encoded path', '..%2F..%2Fv1%2Fcatalog'],
        ['a very long id', 'o'.repeat(300)],
        ['SQL in the id', "x'%20OR%20'1'='1"],
      ]) {
        it(`404s ${name}`, async () => {
          await refused(() => get(`${m.base}${payPath(id)}`, { method: 'POST' }), 404, 'not_found');
        });
      }
      it('refuses a body with a field in it (it takes no parameters), naming the field', async () => {
        await refused(
          () => post(`${m.base}${payPath(order.id)}`, { status: 'completed' }),
          400,
          'invalid_request',
          'status',
        );
        await refused(() => post(`${m.base}${payPath(order.id)}`, { amount: 0 }), 400, 'invalid_request', 'amount');
      });
      it('refuses bad JSON and a non-empty body of another media type', async () => {
        await refused(() => raw(payPath(order.id), '{"status":', 'application/json'), 400, 'invalid_request', '(body)');
        await refused(() => raw(payPath(order.id), '[]', 'application/json'), 400, 'invalid_request', '(body)');
        await refused(
          () => raw(payPath(order.id), 'status=completed', 'application/x-www-form-urlencoded'),
          400,
          'invalid_request',
          'Content-Type',
        );
      });
      it('refuses a body over 16 KiB with 413', async () => {
        await refused(
          () => raw(payPath(order.id), `{"x":"${'x'.repeat(LIMIT)}"}`, 'application/json'),
          413,
          'payload_too_large',
        );
      });
    });
  }

  describe('GET /v1/catalog cursors', () => {
    const cursor = (value: unknown) =>
      btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const bad: [string, string][] = [
      ['garbage', '***'],
      ['base64 of text', btoa('not json')],
      ['a cursor holding SQL', cursor({ s: 'newest', k: "' OR 1=1 --", i: "x' OR '1'='1" })],
      ['a cursor with an object for its key', cursor({ s: 'newest', k: { $gt: '' }, i: 'x' })],
      ['a cursor for another sort', cursor({ s: 'price_asc', k: 100, i: 'mara-lindqvist' })],
      ['a 501-character cursor', 'A'.repeat(501)],
    ];
    for (const [name, value] of bad) {
      it(`400s ${name}, naming cursor`, async () => {
        await refused(
          () => get(`${m.base}/v1/catalog?cursor=${encodeURIComponent(value)}`),
          400,
          'invalid_request',
          'cursor',
        );
      });
    }
    it('searches for SQL-looking text as text: no match, no error', async () => {
      for (const q of ["' OR 1=1 --", '%', '_', '\\', '"; DROP TABLE personas; --']) {
        const fetched = await get(`${m.base}/v1/catalog?q=${encodeURIComponent(q)}`);
        expect(fetched.res.status, q).to.equal(200);
        expect((fetched.body as { items: unknown[] }).items, q).to.deep.equal([]);
      }
    });
  });
});
