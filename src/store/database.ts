import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, type Migration, Migrator, SqliteDialect } from 'kysely';
import { migrations } from './migrations.js';
import type { DatabaseSchema } from './schema.js';

export type Db = Kysely<DatabaseSchema>;

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export const defaultDatabasePath = './data/nato-bot.sqlite';

/** DATABASE_URL: a file path or `file:` URL means SQLite; `postgres://` means PostgreSQL. */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget | { error: string } {
  if (!url) return { kind: 'sqlite', path: defaultDatabasePath };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (url.startsWith('file:')) {
    const path = url.replace(/^file:(\/\/)?/, '');
    return path ? { kind: 'sqlite', path: decodeURIComponent(path) } : { error: 'file: URL has no path' };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    return { error: 'must be a file path, a file: URL or a postgres:// URL' };
  }
  return { kind: 'sqlite', path: url };
}

/** Opens the database, creating the SQLite file and its folder on first start, and migrates it. */
export async function openDatabase(target: DatabaseTarget): Promise<Db> {
  if (target.kind === 'postgres') {
    throw new Error('PostgreSQL is not available in this version: use a SQLite file for DATABASE_URL');
  }
  if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
  const sqlite = new Database(target.path);
  // WAL lets a second process read while one writes; busy_timeout makes writers wait their turn.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return db;
}

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
