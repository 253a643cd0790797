import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { CreatorSchema } from '../../src/api/schemas.js';
import { counts, expectError, get, published, seed } from './http.js';

describe('GET /v1/creators/:handle', () => {
  it('answers every seeded creator’s public profile', async () => {
    for (const source of seed.creators) {
      const fetched = await get(`/v1/creators/${source.handle}`);
      expect(fetched.res.status, fetched.text).to.equal(200);
      const creator = v.parse(CreatorSchema, fetched.body);
      expect(creator.handle).to.equal(source.handle);
      expect(creator.name).to.equal(source.name);
      expect(creator.website).to.equal(source.website);
      expect(creator.publishedCount).to.equal(published.filter((p) => p.creator === source.handle).length);
      expect(creator.avatar.url).to.equal(`${location.origin}/media/creators/${source.handle}/avatar.svg`);
      expect(creator.bio.length).to.be.greaterThan(20);
    }
  });

  it('counts only published personas (nova-studio has a draft too)', async () => {
    const { body } = await get('/v1/creators/nova-studio');
    const nova = seed.personas.filter((p) => p.creator === 'nova-studio');
    expect(nova.length).to.be.greaterThan(published.filter((p) => p.creator === 'nova-studio').length);
    expect((body as { publishedCount: number }).publishedCount).to.be.at.least(8);
  });

  it('never exposes contact or payout data, not even in the raw JSON', async () => {
    for (const source of seed.creators) {
      const { text, body } = await get(`/v1/creators/${source.handle}`);
      expect(Object.keys(body as object)).to.have.members([
        'handle',
        'name',
        'bio',
        'avatar',
        'website',
        'publishedCount',
        'joinedAt',
      ]);
      expect(text).to.not.contain(source.email);
      if (source.payoutWallet) expect(text).to.not.contain(source.payoutWallet);
      expect(text).to.not.match(/email|payout|wallet/i);
      expect(text).to.not.contain('@');
    }
  });

  it('404s an unknown creator', async () => {
    expectError(await get('/v1/creators/nobody-here'), 404, 'not_found');
  });

  for (const handle of ['Nova-Studio', 'nova_studio', 'nova-studio-', 'x'.repeat(70)]) {
    it(`rejects the handle ${JSON.stringify(handle.slice(0, 20))} with a 400 naming handle`, async () => {
      const before = await counts();
      expectError(await get(`/v1/creators/${handle}`), 400, 'invalid_request', 'handle');
      expect(await counts()).to.deep.equal(before);
    });
  }

  it('supports ETag revalidation', async () => {
    const first = await get('/v1/creators/pixel-harbor');
    const again = await get('/v1/creators/pixel-harbor', {
      headers: { 'If-None-Match': first.res.headers.get('etag')! },
    });
    expect(again.res.status).to.equal(304);
  });
});
