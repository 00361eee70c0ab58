/**
 * Socket Mode end to end: a real bot process opens its connection through the fake's
 * apps.connections.open, answers a mention and a slash command sent over the socket, and says in
 * /readyz when that connection is down, until it is back.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { botToken, startPatienceMs } from '../helpers/bot.js';
import { type FakeSlack, fakeWorkspace, startFakeSlack } from '../helpers/fake-slack.js';
import { killAll, startBotProcess } from '../helpers/processes.js';
import { commandPayload, eventCallback, mentionEvent } from '../helpers/slack-requests.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ botToken });
});
afterEach(() => {
  killAll();
  fake.socket.accept();
  fake.reset();
});
afterAll(async () => {
  await fake.close();
});

/** A port free now: in Socket Mode the bot serves its health checks on PORT, and logs PORT as given. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type Ready = { status: number; checks: Record<string, string> };
const readyz = async (port: number): Promise<Ready> => {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: res.status, checks: ((await res.json()) as { checks: Record<string, string> }).checks };
};
/** Polls /readyz until `wanted` holds of it. */
async function readyzUntil(port: number, wanted: (r: Ready) => boolean, what: string): Promise<Ready> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await readyz(port);
    if (wanted(r)) return r;
    if (Date.now() > deadline) throw new Error(`/readyz never ${what}: ${JSON.stringify(r)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Socket Mode', { timeout: startPatienceMs + 60_000 }, () => {
  it('answers over the socket, and is not ready while the connection to Slack is down', async () => {
    const bot = startBotProcess({
      SLACK_API_URL: fake.apiUrl,
      SLACK_BOT_TOKEN: botToken,
      SLACK_APP_TOKEN: 'xapp-1-A0NATO-1-test',
      DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'nato-socket-')), 'bot.sqlite'),
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    });
    const port = await bot.port;
    expect(fake.socket.open).toBe(1);
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-A0NATO-1-test');
    const up = await readyzUntil(port, (r) => r.status === 200, 'became ready');
    expect(up.checks).toEqual({ accepting: 'ok', database: 'ok', scheduler: 'ok', slack: 'ok' });

    // A mention arrives as an events_api envelope: acknowledged at once, answered in a thread.
    const mention = mentionEvent({ text: 'who backs rutte?' });
    expect(await fake.socket.send('events_api', eventCallback(mention))).toBeUndefined();
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
    const post = fake.callsTo('chat.postMessage')[0];
    expect(post?.args).toMatchObject({ channel: fakeWorkspace.channelId, thread_ts: mention.ts });
    expect(String(post?.args.text)).toContain('United Kingdom');

    // A slash command's answer comes back in its acknowledgement, which Slack shows.
    const ack = await fake.socket.send(
      'slash_commands',
      commandPayload({ text: 'who-is kallas', response_url: fake.responseUrl('socket-1') }),
    );
    expect(ack).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(ack)).toContain('Kaja Kallas');

    // Slack unreachable: not ready, and says since when; back once the bot has reconnected.
    fake.socket.drop({ refuse: true });
    const down = await readyzUntil(port, (r) => r.status === 503, 'went unready');
    expect(down.checks).toMatchObject({ accepting: 'ok', database: 'ok' });
    expect(down.checks.slack).toMatch(/^disconnected since \d{4}-\d{2}-\d{2}T/);
    fake.socket.accept();
    await readyzUntil(port, (r) => r.status === 200 && r.checks.slack === 'ok', 'recovered');
    expect(fake.socket.open).toBe(1);
    expect(fake.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(2);

    // Slack failing to hand out a new connection for a moment (a 503) is retried, not fatal.
    const opened = fake.callsTo('apps.connections.open').length;
    fake.failNext('apps.connections.open', { status: 503 });
    fake.socket.drop();
    await fake.waitFor(() => fake.callsTo('apps.connections.open').length >= opened + 2, 30_000);
    await readyzUntil(port, (r) => r.status === 200 && r.checks.slack === 'ok', 'recovered after a 503');
    expect(bot.child.exitCode).toBeNull();

    // Slack's routine refresh: the bot reconnects, and answers over the new connection.
    const before = fake.callsTo('apps.connections.open').length;
    fake.socket.refresh();
    await fake.waitFor(() => fake.callsTo('apps.connections.open').length > before, 30_000);
    await readyzUntil(port, (r) => r.status === 200 && r.checks.slack === 'ok', 'recovered after a refresh');
    await fake.socket.send('events_api', eventCallback(mentionEvent({ text: 'who is kallas?' })));
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 2);
    expect(String(fake.callsTo('chat.postMessage')[1]?.args.text)).toContain('Kaja Kallas');
    expect(bot.lines.join('\n')).not.toMatch(/\n\s+at /);
  });
});
