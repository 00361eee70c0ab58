import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { digestStore } from '../../src/store/digest-store.js';
import { botToken, signingSecret } from '../helpers/bot.js';
import { type FakeSlack, fakeWorkspace, startFakeSlack } from '../helpers/fake-slack.js';
import { killAll, startBotProcess } from '../helpers/processes.js';

let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack({ botToken });
});
afterAll(async () => {
  killAll();
  await fake.close();
});

const processEnv = (dbPath: string): Record<string, string> => ({
  SLACK_BOT_TOKEN: botToken,
  SLACK_SIGNING_SECRET: signingSecret,
  SLACK_API_URL: fake.apiUrl,
  DATABASE_URL: dbPath,
  DIGEST_TICK_SECONDS: '1',
  LOG_LEVEL: 'warn',
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const digestPosts = () =>
  fake.callsTo('chat.postMessage').filter((c) => c.args.channel === fakeWorkspace.channelId);

describe('two processes on one database file', () => {
  it('post one digest per channel per day, and nothing more on restart', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'nato-bot-')), 'shared.sqlite');
    const db = await openDatabase({ kind: 'sqlite', path: dbPath });
    const now = new Date();
    await digestStore(db).subscribe({
      teamId: fakeWorkspace.teamId,
      channelId: fakeWorkspace.channelId,
      minutes: 0,
      zone: 'UTC',
      userId: fakeWorkspace.userId,
      startDate: now.toISOString().slice(0, 10),
      now,
    });
    await db.destroy();

    const a = startBotProcess(processEnv(dbPath));
    const b = startBotProcess(processEnv(dbPath));
    await fake.waitFor(() => digestPosts().length >= 1, 15_000);
    await fake.waitFor(() => fake.callsTo('auth.test').length >= 2, 15_000);
    await sleep(3000); // several more ticks of both
    expect(digestPosts()).toHaveLength(1);
    expect((await a.signal('SIGTERM')).code).toBe(0);
    expect((await b.signal('SIGTERM')).code).toBe(0);

    const c = startBotProcess(processEnv(dbPath));
    await fake.waitFor(() => fake.callsTo('auth.test').length >= 3, 15_000);
    await sleep(2500);
    expect(digestPosts()).toHaveLength(1);
    await c.signal('SIGTERM');
  }, 40_000);
});
