import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { digestStore } from '../../src/store/digest-store.js';
import { botToken, signingSecret } from '../helpers/bot.js';
import { type FakeSlack, fakeWorkspace, startFakeSlack } from '../helpers/fake-slack.js';

const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
let fake: FakeSlack;
const children: ChildProcess[] = [];

beforeAll(async () => {
  fake = await startFakeSlack({ botToken });
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await fake.close();
});

function startProcess(dbPath: string): ChildProcess {
  const child = spawn(tsx, [join(root, 'src', 'main.ts')], {
    cwd: mkdtempSync(join(tmpdir(), 'nato-bot-cwd-')),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATABASE_URL: dbPath,
      DIGEST_TICK_SECONDS: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  return child;
}

async function stopProcess(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

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

    const a = startProcess(dbPath);
    const b = startProcess(dbPath);
    await fake.waitFor(() => digestPosts().length >= 1, 15_000);
    await fake.waitFor(() => fake.callsTo('auth.test').length >= 2, 15_000);
    await sleep(3000); // several more ticks of both
    expect(digestPosts()).toHaveLength(1);
    expect(await stopProcess(a)).toBe(0);
    expect(await stopProcess(b)).toBe(0);

    const c = startProcess(dbPath);
    await fake.waitFor(() => fake.callsTo('auth.test').length >= 3, 15_000);
    await sleep(2500);
    expect(digestPosts()).toHaveLength(1);
    await stopProcess(c);
  }, 40_000);
});
