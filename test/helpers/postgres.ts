/**
 * The real PostgreSQL server for tests: 127.0.0.1:5432, database `test`, trust auth, user
 * postgres or root (or TEST_DATABASE_URL). Each caller gets its own schema, so test files running
 * in parallel never share tables. Without a server the PostgreSQL tests are skipped with a line
 * saying so, except in CI (CI=true), where they run and fail.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/store/database.js';

export type PostgresProbe = { ok: true; url: string } | { ok: false; reason: string };

const candidates = process.env.TEST_DATABASE_URL
  ? [process.env.TEST_DATABASE_URL]
  : ['postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'];

async function probe(): Promise<PostgresProbe> {
  const reasons: string[] = [];
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return { ok: true, url };
    } catch (error) {
      const e = error as { code?: string; message?: string };
      reasons.push(`${new URL(url).username}@${new URL(url).host}: ${e.code ?? e.message ?? String(error)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return { ok: false, reason: reasons.join('; ') };
}

export const postgres: PostgresProbe = await probe();
export const inCi = process.env.CI === 'true' || process.env.CI === '1';
/** For `describe.skipIf`: no server, and not in CI. */
export const skipPostgres = !postgres.ok && !inCi;

if (!postgres.ok) {
  console.warn(
    inCi
      ? `PostgreSQL tests FAIL: CI is set but no PostgreSQL server answered (${postgres.reason}).`
      : `PostgreSQL tests SKIPPED: no server on 127.0.0.1:5432 (${postgres.reason}). ` +
          'They run where one is (set TEST_DATABASE_URL for another) and must run in CI.',
  );
}

export interface TestSchema {
  name: string;
  /** DATABASE_URL for this schema. */
  url: string;
  target: DatabaseTarget;
  drop(): Promise<void>;
}

/** A new, empty schema on the test server; drop() removes it with everything in it. */
export async function freshSchema(label = 't'): Promise<TestSchema> {
  if (!postgres.ok)
    throw new Error(`PostgreSQL is required here (CI=true) but unavailable: ${postgres.reason}`);
  const base = postgres.url;
  const name = `nato_${label}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await admin(base, `create schema ${name}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    target: { kind: 'postgres', url: url.toString() },
    drop: () => admin(base, `drop schema if exists ${name} cascade`),
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
