// Two marketplaces on one database file, as two server processes would run
// (the README's "second server sharing the data"): a write made through one
// connection changes what the other serves, though its read cache keeps
// answers until its own connection writes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createMarketplace } from '../server/index.js';

const dir = mkdtempSync(join(tmpdir(), 'aip-shared-'));
const file = join(dir, 'marketplace.sqlite');
const first = createMarketplace({ db: file });
const second = createMarketplace({ db: file });
after(() => {
  first.close();
  second.close();
  rmSync(dir, { recursive: true, force: true });
});

const read = async (app: typeof first.app, path: string) => {
  const res = await app.request(`http://127.0.0.1${path}`);
  assert.equal(res.status, 200, path);
  return { etag: res.headers.get('etag'), body: (await res.json()) as { name?: string; items?: { name: string }[] } };
};

test("a change written by the other server's connection is served at once, with a new ETag", async () => {
  const before = await read(first.app, '/v1/personas/noor-haddad');
  const page = await read(first.app, '/v1/catalog?q=Noor');
  assert.equal(before.body.name, 'Noor Haddad');

  second.db.prepare("UPDATE personas SET name = 'Noor Haddad-Rahman' WHERE id = 'noor-haddad'").run();

  const after = await read(first.app, '/v1/personas/noor-haddad');
  assert.equal(after.body.name, 'Noor Haddad-Rahman');
  assert.notEqual(after.etag, before.etag);
  const pageAfter = await read(first.app, '/v1/catalog?q=Noor');
  assert.deepEqual(
    pageAfter.body.items?.map((p) => p.name),
    ['Noor Haddad-Rahman'],
  );
  assert.notEqual(pageAfter.etag, page.etag);
});
