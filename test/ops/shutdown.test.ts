/**
 * Operability of a real bot process: /healthz and /readyz, and a graceful shutdown on SIGTERM
 * and SIGINT that finishes the post in flight, records it, and exits within 10 seconds.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { digestStore } from '../../src/store/digest-store.js';
import { botToken, signingSecret, startPatienceMs } from '../helpers/bot.js';
import { type FakeSlack, fakeWorkspace, startFakeSlack } from '../helpers/fake-slack.js';
import { killAll, startBotProcess, subscribeDueNow } from '../helpers/processes.js';
import { mentionEvent, sendEvent } from '../helpers/slack-requests.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ botToken });
});
afterEach(() => {
  killAll();
  fake.reset();
});
afterAll(async () => {
  await fake.close();
});

function env(dbPath: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: fake.apiUrl,
    DATABASE_URL: dbPath,
    DIGEST_TICK_SECONDS: '1',
    LOG_LEVEL: 'info',
  };
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'nato-bot-')), 'bot.sqlite');
const get = async (port: number, path: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; checks?: Record<string, string> } };
};

describe('health and shutdown', { timeout: startPatienceMs + 30_000 }, () => {
  it('finishes the digest post in flight on SIGTERM, records it, and exits 0', async () => {
    const dbPath = tempDb();
    const today = await subscribeDueNow({ kind: 'sqlite', path: dbPath }, [fakeWorkspace.channelId]);
    fake.delayNext('chat.postMessage', 2500);
    const bot = startBotProcess(env(dbPath));
    const port = await bot.port;
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1, 10_000);

    // Alive, but not ready: the first tick is still waiting on Slack.
    expect(await get(port, '/healthz')).toEqual({ status: 200, body: { ok: true } });
    const notYet = await get(port, '/readyz');
    expect(notYet.status).toBe(503);
    expect(notYet.body.checks).toEqual({ accepting: 'ok', database: 'ok', scheduler: 'no tick yet' });

    const { code, ms } = await bot.signal('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeGreaterThan(1000); // it waited for Slack's answer…
    expect(ms).toBeLessThan(10_000); // …within the deadline
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    const after = await openDatabase({ kind: 'sqlite', path: dbPath });
    const delivery = await digestStore(after).delivery(
      `${fakeWorkspace.teamId}:${fakeWorkspace.channelId}`,
      today,
    );
    await after.destroy();
    expect(delivery).toMatchObject({ status: 'posted', message_ts: expect.stringMatching(/^\d+\.\d+$/) });
    const log = bot.lines.join('\n');
    expect(log).toMatch(/"msg":"SIGTERM: shutting down/);
    expect(log).toMatch(/"msg":"shutdown complete in \d+ ms"/);
  });

  it('is ready once a tick finished, and on SIGINT answers the event in flight before exiting', async () => {
    const bot = startBotProcess(env(tempDb()));
    const port = await bot.port;
    const deadline = Date.now() + 5000;
    let ready = await get(port, '/readyz');
    while (ready.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      ready = await get(port, '/readyz');
    }
    expect(ready).toEqual({
      status: 200,
      body: { ok: true, checks: { accepting: 'ok', database: 'ok', scheduler: 'ok' } },
    });

    fake.delayNext('chat.postMessage', 2000);
    const event = mentionEvent({ text: 'who backs rutte' });
    expect((await sendEvent(`http://127.0.0.1:${port}`, signingSecret, event)).status).toBe(200);
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1, 5000);
    const { code, ms } = await bot.signal('SIGINT');
    expect(code).toBe(0);
    expect(ms).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(10_000);
    expect(bot.lines.join('\n')).toMatch(/"msg":"shutdown complete/);
    expect(bot.lines.join('\n')).not.toMatch(/listener failed/);
  });
});
