import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botToken, signingSecret, startPatienceMs } from '../helpers/bot.js';
import { type FakeSlack, fakeWorkspace, startFakeSlack } from '../helpers/fake-slack.js';
import { killAll, startBotProcess, subscribeDueNow } from '../helpers/processes.js';

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
  LOG_LEVEL: 'info', // the start-up line, which gives the port
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const digestPosts = () =>
  fake.callsTo('chat.postMessage').filter((c) => c.args.channel === fakeWorkspace.channelId);

describe('two processes on one database file', { timeout: 2 * startPatienceMs + 40_000 }, () => {
  it('post one digest per channel per day, and nothing more on restart', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'nato-bot-')), 'shared.sqlite');
    await subscribeDueNow({ kind: 'sqlite', path: dbPath }, [fakeWorkspace.channelId]);

    const a = startBotProcess(processEnv(dbPath));
    const b = startBotProcess(processEnv(dbPath));
    await Promise.all([a.port, b.port]);
    await fake.waitFor(() => digestPosts().length >= 1, 15_000);
    await fake.waitFor(() => fake.callsTo('auth.test').length >= 2, 15_000);
    await sleep(3000); // several more ticks of both
    expect(digestPosts()).toHaveLength(1);
    expect((await a.signal('SIGTERM')).code).toBe(0);
    expect((await b.signal('SIGTERM')).code).toBe(0);

    const c = startBotProcess(processEnv(dbPath));
    await c.port;
    await fake.waitFor(() => fake.callsTo('auth.test').length >= 3, 15_000);
    await sleep(2500);
    expect(digestPosts()).toHaveLength(1);
    await c.signal('SIGTERM');
  });
});
