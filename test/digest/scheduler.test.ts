import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import type { Knowledge } from '../../src/core/knowledge/types.js';
import { firstDigestDate } from '../../src/core/schedule.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { type DigestStore, subscriptionId } from '../../src/store/digest-store.js';
import { forgetWorkspace } from '../../src/store/workspaces.js';
import { realEngine, type SchedulerWorld, schedulerOn, tempDbPath, testClock } from '../helpers/bot.js';
import { type FakeSlack, fakeWorkspace, startFakeSlack } from '../helpers/fake-slack.js';

let fake: FakeSlack;
const open: SchedulerWorld[] = [];
const channel = fakeWorkspace.channelId;
const subId = subscriptionId(fakeWorkspace.teamId, channel);

beforeAll(async () => {
  fake = await startFakeSlack({ botToken: 'xoxb-test-0000000000-abcdefabcdef' });
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
  fake.reset();
});

async function world(
  dbPath: string,
  clock: ReturnType<typeof testClock>,
  options: Parameters<typeof schedulerOn>[3] = {},
): Promise<SchedulerWorld> {
  const w = await schedulerOn(dbPath, fake, clock, options);
  open.push(w);
  return w;
}

async function subscribe(
  w: SchedulerWorld,
  at: Date,
  time: string,
  zone: string,
  startDate: string,
): Promise<void> {
  const [h, m] = time.split(':').map(Number) as [number, number];
  await w.store.subscribe({
    teamId: fakeWorkspace.teamId,
    channelId: channel,
    minutes: h * 60 + m,
    zone,
    userId: fakeWorkspace.userId,
    startDate,
    now: at,
  });
}

/**
 * An instance that subscribed the channel for `time` (UTC) from 1 June, claimed 1 June's digest at
 * `at`, and stopped there: what a restarted instance finds.
 */
async function claimedThenStopped(at: string, time: string) {
  const dbPath = tempDbPath();
  const clock = testClock(at);
  const crashed = await world(dbPath, clock);
  await subscribe(crashed, clock.now(), time, 'UTC', '2026-06-01');
  expect(await crashed.store.claim(subId, '2026-06-01', clock.now(), 'crashed')).toBe(true);
  return { dbPath, clock, crashed };
}

const posts = (): number => fake.callsTo('chat.postMessage').filter((c) => !c.error).length;

describe('due times', () => {
  it('posts once a local day, from its local time on', async () => {
    const clock = testClock('2026-06-01T06:00:00Z');
    const w = await world(tempDbPath(), clock);
    await subscribe(w, clock.now(), '09:00', 'Europe/Amsterdam', '2026-06-01');
    clock.set('2026-06-01T06:59:00Z'); // 08:59 CEST
    expect((await w.scheduler.tick()).posted).toEqual([]);
    clock.set('2026-06-01T07:00:00Z'); // 09:00 CEST
    expect((await w.scheduler.tick()).posted).toEqual([`${channel} 2026-06-01`]);
    clock.set('2026-06-01T21:00:00Z');
    await w.scheduler.tick();
    expect(posts()).toBe(1);
    clock.set('2026-06-02T07:00:30Z');
    await w.scheduler.tick();
    expect(posts()).toBe(2);
    const message = fake.callsTo('chat.postMessage')[0]?.args;
    expect(message?.channel).toBe(channel);
    expect(JSON.stringify(message?.blocks)).toContain('State of the race');
  });

  it('does not start before its start date', async () => {
    const clock = testClock('2026-06-01T10:00:00Z');
    const w = await world(tempDbPath(), clock);
    await subscribe(w, clock.now(), '09:00', 'UTC', '2026-06-02');
    await w.scheduler.tick();
    expect(posts()).toBe(0);
    expect((await w.scheduler.tick()).missed).toEqual([]);
  });
});

describe('restarts', () => {
  it('posts late the same day after a missed due time, and records a day that was wholly missed', async () => {
    const dbPath = tempDbPath();
    const clock = testClock('2026-06-01T08:00:00Z');
    const first = await world(dbPath, clock);
    await subscribe(first, clock.now(), '09:00', 'UTC', '2026-06-01');
    clock.set('2026-06-01T09:00:00Z');
    await first.scheduler.tick();
    await first.close();
    open.splice(open.indexOf(first), 1);

    // Down all of 2 June; back at 15:00 on 3 June.
    clock.set('2026-06-03T15:00:00Z');
    const second = await world(dbPath, clock);
    const report = await second.scheduler.tick();
    expect(report.missed).toEqual([`${channel} 2026-06-02`]);
    expect(report.posted).toEqual([`${channel} 2026-06-03`]);
    expect((await second.store.delivery(subId, '2026-06-02'))?.status).toBe('missed');
    expect(posts()).toBe(2);
  });

  it('finishes a claim that never reached Slack, once, after a restart', async () => {
    const { dbPath, clock } = await claimedThenStopped('2026-06-01T09:05:00Z', '09:00');

    const restarted = await world(dbPath, clock, { instance: 'restarted' });
    await restarted.scheduler.tick();
    expect(posts()).toBe(0); // the claim is fresh: its owner may still be posting
    clock.set('2026-06-01T09:10:00Z');
    await restarted.scheduler.tick();
    await restarted.scheduler.tick();
    expect(posts()).toBe(1);
    expect((await restarted.store.delivery(subId, '2026-06-01'))?.status).toBe('posted');
  });

  it('never resends a digest whose process stopped while posting; it records the outcome as unknown', async () => {
    const { dbPath, clock, crashed } = await claimedThenStopped('2026-06-01T09:05:00Z', '09:00');
    await crashed.store.update(subId, '2026-06-01', { status: 'sending' });

    clock.set('2026-06-01T09:30:00Z');
    const restarted = await world(dbPath, clock);
    await restarted.scheduler.tick();
    await restarted.scheduler.tick();
    expect(posts()).toBe(0);
    expect((await restarted.store.delivery(subId, '2026-06-01'))?.status).toBe('unknown');
  });

  it('finishes after midnight a digest rate limited just before it, once', async () => {
    const clock = testClock('2026-06-01T23:59:50Z');
    const w = await world(tempDbPath(), clock);
    await subscribe(w, clock.now(), '23:59', 'UTC', '2026-06-01');
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    await w.scheduler.tick();
    expect((await w.store.delivery(subId, '2026-06-01'))?.status).toBe('rate_limited');
    clock.set('2026-06-02T00:00:15Z'); // due at 00:00:20
    await w.scheduler.tick();
    expect(posts()).toBe(0);
    clock.set('2026-06-02T00:00:30Z');
    await w.scheduler.tick();
    await w.scheduler.tick();
    expect(posts()).toBe(1);
    expect(String(fake.callsTo('chat.postMessage')[0]?.args.text)).toContain('digest for 2026-06-01');
    expect((await w.store.delivery(subId, '2026-06-01'))?.status).toBe('posted');
  });

  it('finishes the next day a claim whose instance stopped before midnight, and records an older one as missed', async () => {
    const { dbPath, clock } = await claimedThenStopped('2026-06-01T23:59:05Z', '23:59');

    clock.set('2026-06-02T00:10:00Z');
    const restarted = await world(dbPath, clock, { instance: 'restarted' });
    await restarted.scheduler.tick();
    await restarted.scheduler.tick();
    expect(posts()).toBe(1);
    expect((await restarted.store.delivery(subId, '2026-06-01'))?.status).toBe('posted');

    // A claim left two days before the bot came back: missed, with a record and a warning.
    await restarted.store.claim(subId, '2026-06-10', clock.now(), 'crashed');
    clock.set('2026-06-12T00:10:00Z');
    const report = await restarted.scheduler.tick();
    expect(report.missed).toContain(`${channel} 2026-06-10`);
    expect((await restarted.store.delivery(subId, '2026-06-10'))?.status).toBe('missed');
    expect((await restarted.store.delivery(subId, '2026-06-11'))?.status).toBe('missed');
    expect(posts()).toBe(1);
  });

  it('keeps subscriptions across restarts', async () => {
    const dbPath = tempDbPath();
    const clock = testClock('2026-06-01T08:00:00Z');
    const first = await world(dbPath, clock);
    await subscribe(first, clock.now(), '07:45', 'Europe/Amsterdam', '2026-06-02');
    const second = await world(dbPath, clock);
    expect(await second.store.get(subId)).toMatchObject({
      minutes: 465,
      zone: 'Europe/Amsterdam',
      status: 'active',
    });
  });
});

describe('what a tick asks the database', () => {
  /** The real store, noting the name of each method the scheduler calls. */
  const counting =
    (calls: string[]) =>
    (store: DigestStore): DigestStore =>
      new Proxy(store, {
        get(target, name, receiver) {
          const value = Reflect.get(target, name, receiver);
          return typeof value === 'function'
            ? (...args: unknown[]) => {
                calls.push(String(name));
                return value.apply(target, args);
              }
            : value;
        },
      });

  it('asks about a channel only while its day may still change, however many channels there are', async () => {
    const clock = testClock('2026-06-10T06:00:00Z');
    const calls: string[] = [];
    const w = await world(tempDbPath(), clock, { wrapStore: counting(calls) });
    const channels = Array.from({ length: 20 }, (_, i) => `C0LOAD${String(i).padStart(3, '0')}`);
    for (const channelId of channels) {
      await w.store.subscribe({
        teamId: fakeWorkspace.teamId,
        channelId,
        minutes: 9 * 60,
        zone: 'UTC',
        userId: fakeWorkspace.userId,
        startDate: '2026-06-01',
        now: clock.now(),
      });
    }

    // Nine days with no digest on record, then the day's digest: each recorded or posted once.
    clock.set('2026-06-10T09:00:00Z');
    const first = await w.scheduler.tick();
    expect(first.missed).toHaveLength(20 * 9);
    expect(first.posted).toHaveLength(20);
    // Nothing left to change today: the next ticks read the subscriptions and the unfinished
    // deliveries, once each, and nothing per channel.
    for (const at of ['2026-06-10T09:00:30Z', '2026-06-10T15:00:00Z']) {
      calls.length = 0;
      clock.set(at);
      expect(await w.scheduler.tick()).toEqual({ posted: [], missed: [], failed: [] });
      expect(calls.sort()).toEqual(['listActive', 'unfinished']);
    }
    expect(posts()).toBe(20);

    // A new day asks again, and posts each channel's digest once.
    clock.set('2026-06-11T09:00:00Z');
    expect((await w.scheduler.tick()).posted).toHaveLength(20);
    expect(posts()).toBe(40);
    expect(
      await w.store.delivery(subscriptionId(fakeWorkspace.teamId, 'C0LOAD007'), '2026-06-05'),
    ).toMatchObject({
      status: 'missed',
    });
  });
});

describe('what a tick read a while ago', () => {
  it('does not record as unknown a digest another instance posted while this tick was busy', async () => {
    const clock = testClock('2026-06-02T00:00:30Z');
    const w = await world(tempDbPath(), clock);
    const [first, second] = ['C0AAAFIRST', 'C0BBBSECOND'];
    for (const [channelId, minutes] of [
      [first, 0],
      [second, 23 * 60 + 59],
    ] as const) {
      await w.store.subscribe({
        teamId: fakeWorkspace.teamId,
        channelId,
        minutes,
        zone: 'UTC',
        userId: fakeWorkspace.userId,
        startDate: '2026-06-01',
        now: clock.now(),
      });
    }
    // Another instance is posting the second channel's digest for 1 June.
    const secondId = subscriptionId(fakeWorkspace.teamId, second);
    await w.store.claim(secondId, '2026-06-01', new Date('2026-06-01T23:59:10Z'), 'other');
    const claim = { instance: 'other', attempts: 1, factId: null };
    await w.store.startSending(secondId, '2026-06-01', claim, new Date('2026-06-02T00:00:20Z'));
    // This tick's post to the first channel is slow; meanwhile the other instance's post is
    // recorded, and more than two minutes pass.
    fake.delayNext('chat.postMessage', 300);
    const tick = w.scheduler.tick();
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
    await w.store.update(secondId, '2026-06-01', { status: 'posted', posted_at: '2026-06-02T00:00:21Z' });
    clock.set('2026-06-02T00:02:40Z');
    await tick;
    expect(await w.store.delivery(secondId, '2026-06-01')).toMatchObject({ status: 'posted' });
  });

  it('posts again after the workspace reinstalled and subscribed anew the same day, and records no missed day', async () => {
    const clock = testClock('2026-06-01T08:00:00Z');
    const w = await world(tempDbPath(), clock);
    await subscribe(w, clock.now(), '09:00', 'UTC', '2026-06-01');
    clock.set('2026-06-01T09:00:00Z');
    await w.scheduler.tick();
    expect(posts()).toBe(1);
    // Uninstalled (everything stored for the workspace goes), reinstalled, and on again at 17:00.
    await forgetWorkspace(w.db, { teamId: fakeWorkspace.teamId });
    clock.set('2026-06-01T16:00:00Z');
    await subscribe(w, clock.now(), '17:00', 'UTC', '2026-06-01');
    clock.set('2026-06-01T17:00:00Z');
    expect((await w.scheduler.tick()).posted).toEqual([`${channel} 2026-06-01`]);
    clock.set('2026-06-02T08:00:00Z');
    expect((await w.scheduler.tick()).missed).toEqual([]);
  });

  it('records as missed a digest rate limited on the day its schedule moved to the next, instead of leaving it unfinished', async () => {
    const clock = testClock('2026-06-01T09:00:00Z');
    const w = await world(tempDbPath(), clock);
    await subscribe(w, clock.now(), '09:00', 'UTC', '2026-06-01');
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    await w.scheduler.tick();
    // `digest on 10:00` within the 30 s: the day has a delivery, so the new schedule starts tomorrow.
    const start = firstDigestDate(clock.now(), 'UTC', 10 * 60, await w.store.history(subId, channel));
    expect(start).toBe('2026-06-02');
    await subscribe(w, clock.now(), '10:00', 'UTC', start);
    const missed: string[] = [];
    for (const at of ['2026-06-01T09:01:00Z', '2026-06-01T12:00:00Z', '2026-06-02T10:00:00Z']) {
      clock.set(at);
      missed.push(...(await w.scheduler.tick()).missed);
    }
    expect(missed).toEqual([`${channel} 2026-06-01`]);
    expect(await w.store.delivery(subId, '2026-06-01')).toMatchObject({
      status: 'missed',
      error: expect.stringContaining('schedule changed'),
    });
    expect(posts()).toBe(1); // the new schedule's first digest, on 2 June
  });
});

describe('a day that ended unfinished', () => {
  it('records as missed, not posted beside the next day’s, a morning digest left unfinished when its day ended', async () => {
    // An instance claimed 1 June's digest and stopped; the bot is back the next morning.
    const { dbPath, clock } = await claimedThenStopped('2026-06-01T09:00:00Z', '09:00');
    clock.set('2026-06-02T10:00:00Z');
    const restarted = await world(dbPath, clock, { instance: 'restarted' });
    const report = await restarted.scheduler.tick();
    expect(report.posted).toEqual([`${channel} 2026-06-02`]);
    expect(report.missed).toEqual([`${channel} 2026-06-01`]);
    expect(await restarted.store.delivery(subId, '2026-06-01')).toMatchObject({
      status: 'missed',
      error: expect.stringContaining('its day ended'),
    });
    expect(posts()).toBe(1);
  });

  it('records as missed a digest rate limited when its channel turned the digest off', async () => {
    const clock = testClock('2026-06-01T09:00:00Z');
    const w = await world(tempDbPath(), clock);
    await subscribe(w, clock.now(), '09:00', 'UTC', '2026-06-01');
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    await w.scheduler.tick();
    await w.store.setStatus(subId, 'off', null, clock.now());
    clock.set('2026-06-01T09:01:00Z');
    expect((await w.scheduler.tick()).missed).toEqual([`${channel} 2026-06-01`]);
    expect(await w.store.delivery(subId, '2026-06-01')).toMatchObject({
      status: 'missed',
      error: expect.stringContaining('turned off or paused'),
    });
    expect(posts()).toBe(0);
  });
});

describe('daylight-saving time', () => {
  const cases = [
    {
      name: 'America/New_York spring forward: 02:30 does not exist, it posts at 03:00',
      zone: 'America/New_York',
      time: '02:30',
      date: '2026-03-08',
      ticks: [
        ['2026-03-08T06:59:00Z', 0], // 01:59 EST
        ['2026-03-08T07:00:00Z', 1], // 03:00 EDT
        ['2026-03-08T08:00:00Z', 1],
      ],
    },
    {
      name: 'America/New_York fall back: 01:30 happens twice, it posts once',
      zone: 'America/New_York',
      time: '01:30',
      date: '2026-11-01',
      ticks: [
        ['2026-11-01T05:29:00Z', 0], // 01:29 EDT
        ['2026-11-01T05:30:00Z', 1], // 01:30 EDT
        ['2026-11-01T06:30:00Z', 1], // 01:30 EST, again
        ['2026-11-01T07:30:00Z', 1],
      ],
    },
    {
      name: 'Europe/Amsterdam spring forward: 02:30 does not exist, it posts at 03:00',
      zone: 'Europe/Amsterdam',
      time: '02:30',
      date: '2026-03-29',
      ticks: [
        ['2026-03-29T00:59:00Z', 0], // 01:59 CET
        ['2026-03-29T01:00:00Z', 1], // 03:00 CEST
      ],
    },
    {
      name: 'Europe/Amsterdam fall back: 02:30 happens twice, it posts once',
      zone: 'Europe/Amsterdam',
      time: '02:30',
      date: '2026-10-25',
      ticks: [
        ['2026-10-25T00:29:00Z', 0], // 02:29 CEST
        ['2026-10-25T00:30:00Z', 1], // 02:30 CEST
        ['2026-10-25T01:30:00Z', 1], // 02:30 CET, again
      ],
    },
  ] as const;

  it('posts a digest whose time a spring-forward at the end of the day skipped, once, when the jump ends', async () => {
    // America/Nuuk, 28 March 2026: from 23:00 the clock jumps to 00:00 on the 29th.
    const clock = testClock('2026-03-28T12:00:00Z');
    const w = await world(tempDbPath(), clock);
    await subscribe(w, clock.now(), '23:30', 'America/Nuuk', '2026-03-28');
    const ticks: [string, number][] = [
      ['2026-03-29T00:59:00Z', 0], // 22:59 on the 28th
      ['2026-03-29T01:00:00Z', 1], // 00:00 on the 29th: the 28th's digest
      ['2026-03-29T12:00:00Z', 1],
      ['2026-03-30T00:29:00Z', 1], // 23:29 on the 29th
      ['2026-03-30T00:30:00Z', 2], // 23:30 on the 29th
      ['2026-03-30T12:00:00Z', 2],
    ];
    for (const [at, expected] of ticks) {
      clock.set(at);
      await w.scheduler.tick();
      expect(posts(), `after the tick at ${at}`).toBe(expected);
    }
    expect((await w.store.delivery(subId, '2026-03-28'))?.status).toBe('posted');
    expect((await w.store.delivery(subId, '2026-03-29'))?.status).toBe('posted');
  });

  for (const c of cases) {
    it(c.name, async () => {
      const clock = testClock(`${c.date}T00:00:00Z`);
      const w = await world(tempDbPath(), clock);
      await subscribe(w, clock.now(), c.time, c.zone, c.date);
      for (const [at, expected] of c.ticks) {
        clock.set(at);
        await w.scheduler.tick();
        expect(posts(), `after the tick at ${at}`).toBe(expected);
      }
      expect((await w.store.delivery(subId, c.date))?.status).toBe('posted');
    });
  }
});

describe('several schedulers', () => {
  it('two schedulers ticking at once on one database post exactly once', async () => {
    const dbPath = tempDbPath();
    const clock = testClock('2026-06-01T09:00:00Z');
    const a = await world(dbPath, clock, { instance: 'a' });
    const b = await world(dbPath, clock, { instance: 'b' });
    await subscribe(a, clock.now(), '09:00', 'UTC', '2026-06-01');
    for (let i = 0; i < 5; i++) {
      await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
    }
    expect(posts()).toBe(1);
  });
});

describe('a long tick beside another instance', () => {
  /** Two instances, a and b, on one database, with a channel due at 09:00 UTC. */
  async function pair(clock: ReturnType<typeof testClock>) {
    const dbPath = tempDbPath();
    const a = await world(dbPath, clock, { instance: 'a' });
    const b = await world(dbPath, clock, { instance: 'b' });
    await subscribe(a, clock.now(), '09:00', 'UTC', '2026-06-01');
    return { a, b };
  }

  it('stamps a claim with the time it was made, so a slow tick does not make it look stale', async () => {
    const clock = testClock('2026-06-01T09:00:00Z');
    const { a, b } = await pair(clock);
    // Three minutes of posting to other channels pass before a reaches this one; b ticks as soon
    // as a has claimed it.
    const list = a.store.listActive.bind(a.store);
    a.store.listActive = async () => {
      const subs = await list();
      clock.set('2026-06-01T09:03:00Z');
      return subs;
    };
    const claim = a.store.claim.bind(a.store);
    a.store.claim = async (...args) => {
      const won = await claim(...args);
      await b.scheduler.tick();
      return won;
    };
    await a.scheduler.tick();
    expect(posts()).toBe(1);
    expect(await a.store.delivery(subId, '2026-06-01')).toMatchObject({ status: 'posted', claimed_by: 'a' });
  });

  it('does not post a claim another instance has taken over', async () => {
    const clock = testClock('2026-06-01T09:00:00Z');
    const { a, b } = await pair(clock);
    // a stalls for three minutes after claiming: b takes the claim over as stale and posts.
    const claim = a.store.claim.bind(a.store);
    a.store.claim = async (...args) => {
      const won = await claim(...args);
      clock.set('2026-06-01T09:03:00Z');
      await b.scheduler.tick();
      return won;
    };
    await a.scheduler.tick();
    expect(posts()).toBe(1);
    expect(await a.store.delivery(subId, '2026-06-01')).toMatchObject({
      status: 'posted',
      claimed_by: 'b',
      attempts: 2,
    });
  });
});

describe('Slack failures', () => {
  it('waits out a 429 for its Retry-After, then posts once', async () => {
    const clock = testClock('2026-06-01T09:00:00Z');
    const w = await world(tempDbPath(), clock);
    await subscribe(w, clock.now(), '09:00', 'UTC', '2026-06-01');
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    await w.scheduler.tick();
    expect(posts()).toBe(0);
    expect((await w.store.delivery(subId, '2026-06-01'))?.status).toBe('rate_limited');
    clock.set('2026-06-01T09:00:20Z');
    await w.scheduler.tick();
    expect(posts()).toBe(0);
    clock.set('2026-06-01T09:00:31Z');
    await w.scheduler.tick();
    await w.scheduler.tick();
    expect(posts()).toBe(1);
  });

  it('waits a minute after a 429 without Retry-After, then posts once', async () => {
    const clock = testClock('2026-06-01T09:00:00Z');
    const w = await world(tempDbPath(), clock);
    await subscribe(w, clock.now(), '09:00', 'UTC', '2026-06-01');
    fake.failNext('chat.postMessage', { status: 429 });
    await w.scheduler.tick();
    expect(await w.store.delivery(subId, '2026-06-01')).toMatchObject({
      status: 'rate_limited',
      retry_at: '2026-06-01T09:01:00.000Z',
    });
    clock.set('2026-06-01T09:01:01Z');
    await w.scheduler.tick();
    await w.scheduler.tick();
    expect(posts()).toBe(1);
  });

  it('pauses a digest whose time zone this server does not know, instead of failing each tick', async () => {
    const clock = testClock('2026-06-01T09:00:00Z');
    const w = await world(tempDbPath(), clock);
    // Stored by an instance whose time-zone data knew the zone.
    await subscribe(w, clock.now(), '09:00', 'Mars/Olympus', '2026-06-01');
    const report = await w.scheduler.tick();
    expect(report).toEqual({ posted: [], missed: [], failed: [] });
    expect(await w.store.get(subId)).toMatchObject({ status: 'paused', status_reason: 'unknown_time_zone' });
    clock.set('2026-06-02T09:00:00Z');
    await w.scheduler.tick();
    expect(posts()).toBe(0);
  });

  it('fails a tick, not the process, while the database is gone', async () => {
    const clock = testClock('2026-06-01T09:00:00Z');
    const w = await world(tempDbPath(), clock);
    await subscribe(w, clock.now(), '09:00', 'UTC', '2026-06-01');
    open.splice(open.indexOf(w), 1);
    await w.db.destroy();
    await expect(w.scheduler.tick()).resolves.toEqual({ posted: [], missed: [], failed: [] });
    expect(w.scheduler.lastTickAt()).toBeUndefined();
    await w.scheduler.stop();
  });

  it('counts each channel handled in a long tick as progress, for readiness', async () => {
    const clock = testClock('2026-06-01T09:00:00Z');
    const w = await world(tempDbPath(), clock);
    for (const channelId of ['C0FIRST', 'C0SECOND'])
      await w.store.subscribe({
        teamId: fakeWorkspace.teamId,
        channelId,
        minutes: 540,
        zone: 'UTC',
        userId: fakeWorkspace.userId,
        startDate: '2026-06-01',
        now: clock.now(),
      });
    fake.delayNext('chat.postMessage', 0);
    fake.delayNext('chat.postMessage', 1500);
    const tick = w.scheduler.tick();
    await fake.waitFor(() => posts() >= 1);
    await new Promise((r) => setTimeout(r, 100));
    // The first channel is done; the second is still being posted.
    expect(w.scheduler.lastTickAt()).toEqual(clock.now());
    await tick;
    expect(posts()).toBe(2);
  });

  it.each(['not_in_channel', 'restricted_action'])(
    'pauses the subscription on %s and says why',
    async (error) => {
      const clock = testClock('2026-06-01T09:00:00Z');
      const w = await world(tempDbPath(), clock);
      await subscribe(w, clock.now(), '09:00', 'UTC', '2026-06-01');
      fake.failNext('chat.postMessage', { error });
      expect((await w.scheduler.tick()).failed).toHaveLength(1);
      expect(await w.store.get(subId)).toMatchObject({ status: 'paused', status_reason: error });
      clock.set('2026-06-02T09:00:00Z');
      await w.scheduler.tick();
      expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    },
  );

  it('records a timeout as an unknown outcome and does not resend', async () => {
    const clock = testClock('2026-06-01T09:00:00Z');
    const w = await world(tempDbPath(), clock, { timeoutMs: 200 });
    await subscribe(w, clock.now(), '09:00', 'UTC', '2026-06-01');
    fake.failNext('chat.postMessage', { hang: true });
    await w.scheduler.tick();
    expect((await w.store.delivery(subId, '2026-06-01'))?.status).toBe('unknown');
    clock.set('2026-06-01T12:00:00Z');
    await w.scheduler.tick();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('the digest content', () => {
  it('cycles the fact of the day through every fact before repeating', async () => {
    const clock = testClock('2026-01-01T09:00:00Z');
    const w = await world(tempDbPath(), clock);
    await subscribe(w, clock.now(), '09:00', 'UTC', '2026-01-01');
    const facts = realEngine().knowledge.facts;
    const shown: string[] = [];
    for (let day = 0; day <= facts.length; day++) {
      clock.set(new Date(Date.parse('2026-01-01T09:00:00Z') + day * 86_400_000).toISOString());
      await w.scheduler.tick();
      const d = await w.store.delivery(subId, clock.now().toISOString().slice(0, 10));
      shown.push(d?.fact_id ?? 'none');
    }
    const firstCycle = shown.slice(0, facts.length);
    expect(new Set(firstCycle).size).toBe(facts.length);
    expect(shown[facts.length]).toBe(shown[0]);
  });

  it('tells a channel what is new since its last digest', async () => {
    const base = loadKnowledge().knowledge;
    const extra = {
      ...(base.facts[0] as Knowledge['facts'][number]),
      id: 'fresh-fact',
      answer: 'A newly added fact.',
    };
    const grown: Knowledge = { ...base, facts: [...base.facts, extra], factById: new Map() };
    let engine = realEngine();
    const clock = testClock('2026-06-01T09:00:00Z');
    const w = await world(tempDbPath(), clock, { engine: () => engine });
    await subscribe(w, clock.now(), '09:00', 'UTC', '2026-06-01');
    await w.scheduler.tick();
    expect(JSON.stringify(fake.callsTo('chat.postMessage')[0]?.args.blocks)).not.toContain('New since');

    clock.set('2026-06-01T15:00:00Z');
    engine = createEngine(grown);
    await w.store.recordKnownFacts(['fresh-fact'], clock.now());
    clock.set('2026-06-02T09:00:00Z');
    await w.scheduler.tick();
    const second = JSON.stringify(fake.callsTo('chat.postMessage')[1]?.args.blocks);
    expect(second).toContain('New since your last digest');
    expect(second).toContain('A newly added fact.');
  });

  it('tells key dates already past as past', async () => {
    const clock = testClock('2026-11-28T09:00:00Z');
    const w = await world(tempDbPath(), clock);
    const digest = await w.scheduler.preview(undefined, '2026-11-28');
    expect(digest.dates.length).toBeGreaterThan(3);
    expect(digest.dates.every((d) => d.past && d.when.startsWith('past'))).toBe(true);
  });
});
