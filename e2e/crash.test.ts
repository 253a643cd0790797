// The standalone marketplace killed (SIGKILL: no shutdown code runs) while a
// payment is being confirmed, then started again on the same database file:
// nothing half written, and the order completes exactly once.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';

const dir = mkdtempSync(join(tmpdir(), 'aip-crash-'));
const dbFile = join(dir, 'marketplace.sqlite');
after(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `npm run server` on the file; resolves with its base URL once it answers. */
async function start(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      '0',
      '--db',
      dbFile,
      '--confirmations',
      '3',
      '--confirmation-interval',
      '400',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  return { child, base };
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/** What the database holds for one order, read straight from the file. */
function rows(orderId: string) {
  const db = new Database(dbFile, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get(orderId) as { n: number }).n;
    return {
      status: (db.prepare('SELECT status FROM orders WHERE id = ?').get(orderId) as { status: string }).status,
      licenses: count('SELECT COUNT(*) AS n FROM licenses WHERE order_id = ?'),
      certificates: count('SELECT COUNT(*) AS n FROM certificates WHERE order_id = ?'),
      ledger: count('SELECT COUNT(*) AS n FROM ledger WHERE order_id = ?'),
      ledgerTotal: (
        db.prepare('SELECT COALESCE(SUM(amount_cents), 0) AS n FROM ledger WHERE order_id = ?').get(orderId) as {
          n: number;
        }
      ).n,
    };
  } finally {
    db.close();
  }
}

test('killed mid-confirmation and restarted: no half-written sale, and the order completes once', async () => {
  let { child, base } = await start();
  try {
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(base + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const quote = await post('/v1/quotes', { personaId: 'amara-eze', license: 'exclusive' });
    assert.equal(quote.status, 201);
    const order = await post(
      '/v1/orders',
      {
        quoteId: quote.body.id,
        buyer: { email: 'kim@example.com', name: 'Kim Crash' },
        acceptedAgreement: { license: 'exclusive', version: '2026-03-18' },
      },
      { 'Idempotency-Key': 'crash-test-1' },
    );
    assert.equal(order.status, 201);
    const id = order.body.id as string;
    const price = (order.body.price as { amount: number }).amount;

    // The buyer pays on the hosted page: confirmations start arriving, one every 400 ms.
    const paid = await fetch(`${base}/checkout/${id}/pay`, { method: 'POST' });
    assert.equal(paid.status, 200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await kill(child);

    const killed = rows(id);
    assert.equal(killed.status, 'confirming', 'killed while confirming');
    assert.deepEqual(
      [killed.licenses, killed.certificates, killed.ledger],
      [0, 0, 0],
      'no license, certificate or ledger row before completion',
    );

    // Started again: the confirmations resume and the sale completes, once.
    ({ child, base } = await start());
    let status = '';
    for (let i = 0; i < 60 && status !== 'completed'; i++) {
      status = ((await (await fetch(`${base}/v1/orders/${id}`)).json()) as { status: string }).status;
      if (status !== 'completed') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status, 'completed');
    const done = rows(id);
    assert.deepEqual(
      { licenses: done.licenses, certificates: done.certificates, ledger: done.ledger, total: done.ledgerTotal },
      { licenses: 1, certificates: 1, ledger: 2, total: price },
    );
    // The same key still names the same order, and the Exclusive now shows.
    const again = await post(
      '/v1/orders',
      {
        quoteId: quote.body.id,
        buyer: { email: 'kim@example.com', name: 'Kim Crash' },
        acceptedAgreement: { license: 'exclusive', version: '2026-03-18' },
      },
      { 'Idempotency-Key': 'crash-test-1' },
    );
    assert.deepEqual([again.status, again.body.id], [200, id]);
    const persona = (await (await fetch(`${base}/v1/personas/amara-eze`)).json()) as { availability: string };
    assert.equal(persona.availability, 'exclusive_active');
  } finally {
    await kill(child);
  }
});
