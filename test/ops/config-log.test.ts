import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { readiness } from '../../src/health.js';
import { jsonLog, redactor } from '../../src/log.js';
import { openDatabase, pingDatabase } from '../../src/store/database.js';
import { parseEncryptionKey, tokenCipher } from '../../src/store/token-cipher.js';
import { botToken, signingSecret, startPatienceMs, tempDbPath } from '../helpers/bot.js';

const oauthEnv = {
  SLACK_CLIENT_ID: '1111111111.2222222222',
  SLACK_CLIENT_SECRET: 'c0ffee'.repeat(6),
  SLACK_STATE_SECRET: 'state-secret-0123456789',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  SLACK_SIGNING_SECRET: signingSecret,
};

describe('configuration for many workspaces', () => {
  it('selects OAuth when the client credentials and key are set', () => {
    const r = parseConfig(oauthEnv);
    if (!r.ok || r.config.mode !== 'http') throw new Error(JSON.stringify(r));
    expect(r.config.auth.kind).toBe('oauth');
    expect(r.config.secrets).toEqual(
      expect.arrayContaining([
        oauthEnv.SLACK_CLIENT_SECRET,
        oauthEnv.SLACK_STATE_SECRET,
        oauthEnv.TOKEN_ENCRYPTION_KEY,
      ]),
    );
  });

  it('names every missing OAuth variable at once, and refuses a bot token beside them', () => {
    const r = parseConfig({ SLACK_CLIENT_ID: oauthEnv.SLACK_CLIENT_ID, SLACK_BOT_TOKEN: botToken });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.variable)).toEqual([
      'SLACK_CLIENT_SECRET',
      'SLACK_STATE_SECRET',
      'TOKEN_ENCRYPTION_KEY',
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
    ]);
  });

  it('names a malformed variable and what is missing beside it at once', () => {
    const r = parseConfig({ SLACK_SIGNING_SECRET: 'abc' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.variable)).toEqual(['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN']);
    const badToken = parseConfig({ SLACK_BOT_TOKEN: 'abc' });
    expect(badToken.ok ? [] : badToken.problems.map((p) => p.variable)).toEqual([
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
    ]);
  });

  it('rejects an encryption key that is not 32 bytes, without echoing it', () => {
    const r = parseConfig({ ...oauthEnv, TOKEN_ENCRYPTION_KEY: 'short-key-value' });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('TOKEN_ENCRYPTION_KEY');
    expect(JSON.stringify(r)).not.toContain('short-key-value');
  });

  it('keeps single-workspace mode as it was', () => {
    const r = parseConfig({ SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret });
    expect(r.ok && r.config.mode === 'http' && r.config.auth).toEqual({ kind: 'token', botToken });
  });

  it('reads PostgreSQL URLs, keeping their password among the secrets', () => {
    const r = parseConfig({ ...oauthEnv, DATABASE_URL: 'postgres://bot:pa55word@db.internal:5432/nato' });
    expect(r.ok && r.config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://bot:pa55word@db.internal:5432/nato',
    });
    expect(r.ok && r.config.secrets).toContain('pa55word');
  });
});

describe('token encryption', () => {
  it('accepts 32-byte keys as base64 or hex only', () => {
    expect(parseEncryptionKey(Buffer.alloc(32, 1).toString('base64'))?.length).toBe(32);
    expect(parseEncryptionKey('ab'.repeat(32))?.length).toBe(32);
    expect(parseEncryptionKey(Buffer.alloc(16, 1).toString('base64'))).toBeUndefined();
    expect(parseEncryptionKey('not a key')).toBeUndefined();
  });

  it('round-trips, uses a fresh IV each time, and refuses tampering or another row', () => {
    const c = tokenCipher(Buffer.alloc(32, 5));
    const a = c.encrypt('xoxb-secret', 'T:TA');
    expect(a).not.toContain('xoxb');
    expect(c.encrypt('xoxb-secret', 'T:TA')).not.toBe(a);
    expect(c.decrypt(a, 'T:TA')).toBe('xoxb-secret');
    expect(() => c.decrypt(a, 'T:TB')).toThrow();
    const parts = a.split('.');
    const flipped = [...parts.slice(0, 3), Buffer.from('x').toString('base64') + (parts[3] ?? '')].join('.');
    expect(() => c.decrypt(flipped, 'T:TA')).toThrow();
  });
});

describe('JSON logs', () => {
  it('writes one JSON object per line at or above the level', () => {
    const lines: string[] = [];
    const log = jsonLog({ level: 'info', write: (l) => lines.push(l), now: () => new Date(0) });
    log.debug('hidden');
    log.info('hello', { n: 1 });
    log.error(new Error('boom'));
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { time: '1970-01-01T00:00:00.000Z', level: 'info', name: 'nato-bot', msg: 'hello {"n":1}' },
      {
        time: '1970-01-01T00:00:00.000Z',
        level: 'error',
        name: 'nato-bot',
        msg: 'boom',
        error: { message: 'boom' },
      },
    ]);
    log.setLevel('debug' as never);
    log.debug('still hidden: LOG_LEVEL decides');
    expect(lines).toHaveLength(2);
  });

  it('masks Slack tokens, URL passwords and configured secrets wherever they appear', () => {
    const secret = 'c0ffee'.repeat(6);
    const redact = redactor([secret]);
    const line = JSON.stringify({
      msg: `token xoxb-123-456-abcDEF and xapp-1-A1-2-ff, xoxp-9-9 in "Bearer xoxe.xoxb-1-abc"; postgres://bot:pa55@db/x; ${secret}`,
    });
    const out = redact(line);
    for (const leaked of ['xoxb-123', 'xapp-1', 'xoxp-9', 'xoxb-1-abc', 'pa55', secret])
      expect(out).not.toContain(leaked);
    expect(JSON.parse(out).msg).toContain('postgres://bot:[redacted]@db/x');
  });

  it('masks a token handed to Bolt-style variadic logging', () => {
    const lines: string[] = [];
    const log = jsonLog({ level: 'debug', secrets: [signingSecret], write: (l) => lines.push(l) });
    log.debug('auth', { token: botToken, signingSecret }, new Error(`bad token ${botToken}`));
    expect(lines.join('')).not.toContain(botToken);
    expect(lines.join('')).not.toContain(signingSecret);
  });
});

describe('readiness', () => {
  const base = {
    accepting: true,
    pingDatabase: async () => true,
    lastTickAt: () => new Date('2026-06-01T08:59:30Z'),
    tickSeconds: 30,
    now: () => new Date('2026-06-01T09:00:00Z'),
  };

  it('is ready when accepting, the database answers and a tick finished lately', async () => {
    expect(await readiness(base)).toEqual({
      ok: true,
      checks: { accepting: 'ok', database: 'ok', scheduler: 'ok' },
    });
  });

  it.each([
    [{ accepting: false }, { accepting: 'shutting down' }],
    [{ pingDatabase: async () => false }, { database: 'unreachable' }],
    [{ lastTickAt: () => undefined }, { scheduler: 'no tick yet' }],
    [
      { lastTickAt: () => new Date('2026-06-01T08:57:00Z') },
      { scheduler: 'last tick at 2026-06-01T08:57:00.000Z' },
    ],
  ])('is not ready when %o', async (change, check) => {
    const r = await readiness({ ...base, ...change });
    expect(r.ok).toBe(false);
    expect(r.checks).toMatchObject(check);
  });

  it('sees a closed database as unreachable', async () => {
    const db = await openDatabase({ kind: 'sqlite', path: tempDbPath() });
    expect(await pingDatabase(db)).toBe(true);
    await db.destroy();
    expect(await pingDatabase(db)).toBe(false);
  });
});

describe('start-up on PostgreSQL', { timeout: startPatienceMs + 10_000 }, () => {
  it('exits 1 with a readable reason when the server is unreachable, without the password', () => {
    const r = spawnSync(
      resolve(import.meta.dirname, '../../node_modules/.bin/tsx'),
      [resolve(import.meta.dirname, '../../src/main.ts')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          SLACK_BOT_TOKEN: botToken,
          SLACK_SIGNING_SECRET: signingSecret,
          DATABASE_URL: 'postgres://bot:hunter2pass@127.0.0.1:1/nato',
        },
        encoding: 'utf8',
        timeout: startPatienceMs,
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL');
    expect(r.stderr).toContain('PostgreSQL refused the connection');
    expect(r.stderr + r.stdout).not.toContain('hunter2pass');
  });
});
