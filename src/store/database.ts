import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  Kysely,
  type Migration,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
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

export interface OpenOptions {
  /** Called when an idle PostgreSQL connection fails (the pool replaces it); default: ignored. */
  onPoolError?: (error: Error) => void;
}

/**
 * Opens the database and migrates it. SQLite: the file and its folder are created on first start.
 * PostgreSQL: tables live in the connection's current schema (set one with
 * `?options=-c%20search_path%3Dmyschema` in the URL; default `public`).
 */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Db> {
  const db = await connectDatabase(target, options);
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** Opens the database without migrating it (`openDatabase` does both). */
export async function connectDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Db> {
  if (target.kind === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const sqlite = new Database(target.path);
    // WAL lets a second process read while one writes; busy_timeout makes writers wait their turn.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    return new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle connection that breaks (server restart) must not crash the process.
  pool.on('error', (error) => options.onPoolError?.(error));
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
    return db;
  } catch (error) {
    await db.destroy();
    throw new Error(postgresMessage(error));
  }
}

/** A readable reason, without the URL (which may hold a password). */
function postgresMessage(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: unknown[] };
  if (e.code === 'ECONNREFUSED') return 'PostgreSQL refused the connection: is the server running?';
  if (Array.isArray(e.errors) && e.errors.length > 0) return postgresMessage(e.errors[0]);
  return e.message ?? String(error);
}

/** Runs the migrations up to the latest, or up to and including `to`. */
export async function migrate(db: Db, to?: string): Promise<void> {
  let schema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const row = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    schema = row.rows[0]?.schema ?? undefined;
    if (!schema) throw new Error('the connection has no current schema: check search_path in DATABASE_URL');
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
    // Kysely looks for its migration table in every schema unless told which one is ours.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = to ? await migrator.migrateTo(to) : await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function pingDatabase(db: Db, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([sql`select 1`.execute(db).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
