/**
 * Several instances on one PostgreSQL database, as behind a load balancer: three real bot
 * processes with a 1-second tick and one fake Slack Web API. Every event is delivered to all
 * of them; each must be answered once, and each channel must get one digest for the day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { botToken, signingSecret, startPatienceMs } from '../helpers/bot.js';
import { type FakeSlack, fakeWorkspace, startFakeSlack } from '../helpers/fake-slack.js';
import { freshSchema, skipPostgres, type TestSchema } from '../helpers/postgres.js';
import { type BotProcess, killAll, startBotProcess, subscribeDueNow } from '../helpers/processes.js';
import { dmEvent, mentionEvent, sendEvent } from '../helpers/slack-requests.js';

const digestChannels = ['C0DIGESTA', 'C0DIGESTB', 'C0DIGESTC'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skipPostgres)('three instances on one PostgreSQL database', () => {
  let fake: FakeSlack;
  let schema: TestSchema;
  let bots: BotProcess[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack({ botToken });
    schema = await freshSchema('instances');
    await subscribeDueNow(schema.target, digestChannels);
    bots = [1, 2, 3].map(() =>
      startBotProcess({
        SLACK_BOT_TOKEN: botToken,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: fake.apiUrl,
        DATABASE_URL: schema.url,
        DIGEST_TICK_SECONDS: '1',
        LOG_LEVEL: 'debug',
      }),
    );
    await Promise.all(bots.map((b) => b.port));
  }, startPatienceMs + 10_000);

  afterAll(async () => {
    killAll();
    await fake?.close();
    await schema?.drop();
  });

  it('post one digest per channel for the day, however many ticks all of them run', async () => {
    const digests = (channel: string) =>
      fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
    await fake.waitFor(() => digestChannels.every((c) => digests(c).length >= 1), 15_000);
    await sleep(3500); // three more ticks of each instance
    for (const channel of digestChannels) expect(digests(channel), channel).toHaveLength(1);
    const db = await openDatabase(schema.target);
    const rows = await db.selectFrom('deliveries').selectAll().execute();
    await db.destroy();
    expect(rows.map((r) => r.status)).toEqual(['posted', 'posted', 'posted']);
  }, 30_000);

  it('answer each event once when it reaches every instance', async () => {
    const ports = await Promise.all(bots.map((b) => b.port));
    const events = [
      ...Array.from({ length: 6 }, (_, i) => mentionEvent({ text: i % 2 ? 'who backs rutte' : 'timeline' })),
      ...Array.from({ length: 4 }, () => dmEvent({ text: 'who is kallas' })),
    ];
    await Promise.all(
      events.flatMap((event, i) =>
        ports.map((port, p) =>
          sendEvent(`http://127.0.0.1:${port}`, signingSecret, event, {
            eventId: `EvMULTI${i}`,
            // Slack's re-delivery of the same event to another instance.
            ...(p > 0 ? { retryNum: p } : {}),
          }),
        ),
      ),
    );
    // A mention is answered in its thread; a DM in the DM channel.
    const mentions = events.filter((e) => e.type === 'app_mention');
    const posts = () => fake.callsTo('chat.postMessage');
    const repliesTo = (ts: unknown) => posts().filter((c) => c.args.thread_ts === ts);
    const dmReplies = () => posts().filter((c) => c.args.channel === 'D0USERDM');
    await fake.waitFor(
      () => mentions.every((e) => repliesTo(e.ts).length >= 1) && dmReplies().length >= 4,
      10_000,
    );
    await sleep(500);
    for (const e of mentions) expect(repliesTo(e.ts), String(e.ts)).toHaveLength(1);
    expect(dmReplies()).toHaveLength(4);
    expect(posts().filter((c) => c.args.channel === fakeWorkspace.channelId)).toHaveLength(mentions.length);
  }, 30_000);

  it('shut down cleanly on SIGTERM, with JSON logs that name no token', async () => {
    const results = await Promise.all(bots.map((b) => b.signal('SIGTERM')));
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.ms).toBeLessThan(10_000);
    }
    const lines = bots.flatMap((b) => b.lines).filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    const all = lines.join('\n');
    expect(all).not.toContain(botToken);
    expect(all).not.toContain(signingSecret);
    expect(all).not.toMatch(/xox[bpa]-\w/);
    expect(all).toContain('shutdown complete');
  }, 20_000);
});
