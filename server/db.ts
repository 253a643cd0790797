/**
 * Opening the marketplace database and bringing its schema up to date.
 *
 * Migrations are the numbered `migrations/NNN_name.sql` files, applied in
 * order, each inside its own transaction together with its row in
 * `schema_migrations`, so a failing migration leaves no half-applied schema.
 * Foreign keys are off while they run (SQLite's way to rebuild a table that
 * others reference) and checked before each one commits.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export type { Database } from 'better-sqlite3';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_FILE = /^(\d+)_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations shipped with the server, in the order they apply. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir)) {
    const match = MIGRATION_FILE.exec(file);
    if (!match) continue;
    migrations.push({ version: Number(match[1]), name: match[2], sql: readFileSync(join(dir, file), 'utf8') });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i += 1) {
    if (migrations[i].version === migrations[i - 1].version) {
      throw new Error(`Two migrations share version ${migrations[i].version}`);
    }
  }
  return migrations;
}

/** Applies every migration the database has not seen yet; returns the versions applied. */
export function migrate(db: Database.Database, migrations: Migration[] = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const pending = migrations.filter((migration) => !done.has(migration.version));
  if (pending.length === 0) return [];
  // A table rebuild drops a table other tables point at; with foreign keys on, the drop itself would fail.
  // The pragma has no effect inside a transaction, so it is set around them.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  if (enforced) db.pragma('foreign_keys = OFF');
  const applied: number[] = [];
  try {
    for (const migration of pending) {
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (broken.length > 0) {
          const { table, parent } = broken[0];
          throw new Error(
            `Migration ${migration.version} (${migration.name}) leaves ${broken.length} row(s) whose foreign keys ` +
              `point nowhere, the first in "${table}" (to "${parent}")`,
          );
        }
        record.run(migration.version, migration.name, new Date().toISOString());
      })();
      applied.push(migration.version);
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return applied;
}

/**
 * Opens (creating if needed) a database file, or `:memory:`, with foreign keys
 * enforced and, for files, write-ahead logging; then migrates it.
 */
export function openDatabase(path: string): Database.Database {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(inMemory ? ':memory:' : path);
  try {
    db.pragma('foreign_keys = ON');
    if (!inMemory) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
    }
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Row counts per table (migration bookkeeping included), keyed by table name. */
export function countRows(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    // Table names come from sqlite_schema itself, never from a request, and an identifier can't be bound.
    // eslint-disable-next-line no-restricted-syntax
    counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n;
  }
  return counts;
}
