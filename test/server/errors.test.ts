import { expect } from '@open-wc/testing';
import { expectError, get } from './http.js';

const ROUTES = [
  '/v1/pricing-policy',
  '/v1/catalog',
  '/v1/personas/mara-lindqvist',
  '/v1/creators/nova-studio',
  '/media/personas/mara-lindqvist/title.svg',
  '/media/creators/nova-studio/avatar.svg',
  '/agreements/commercial/2026-03-18',
];

describe('marketplace errors', () => {
  const unknown = [
    '/v1',
    '/v1/',
    '/v1/nothing',
    '/v1/personas',
    '/v1/personas/mara-lindqvist/extra',
    '/v1/catalog/extra',
    '/media/nothing.svg',
    '/agreements/commercial',
  ];
  for (const path of unknown) {
    it(`404s the unknown route ${path} in the error shape`, async () => {
      expectError(await get(path), 404, 'not_found');
    });
  }

  for (const path of ROUTES) {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      it(`answers ${method} ${path} with 405 in the error shape`, async () => {
        const fetched = await get(path, { method });
        expectError(fetched, 405, 'invalid_request');
        expect(fetched.res.headers.get('allow')).to.contain('GET');
      });
    }
  }

  it('answers HEAD like GET without a body', async () => {
    const head = await get('/v1/catalog?limit=1', { method: 'HEAD' });
    expect(head.res.status).to.equal(200);
    expect(head.text).to.equal('');
    expect(head.res.headers.get('etag')).to.match(/^"/);
  });

  it('turns an exception into a 500 in the error shape, with no stack or internals', async () => {
    const fetched = await get('/_fault/fail=throw/v1/catalog');
    expectError(fetched, 500, 'internal');
    expect(fetched.text).to.not.match(/\bat\s|\.ts\b|Error:|fail=throw|sqlite/i);
  });
});
