import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { subscriptionId } from '../../src/store/digest-store.js';
import { type Bot, signingSecret, startBot, type TestClock, testClock } from '../helpers/bot.js';
import { fakeWorkspace } from '../helpers/fake-slack.js';
import { homeOpenedEvent, sendCommand, sendEvent } from '../helpers/slack-requests.js';

let bot: Bot;
let clock: TestClock;
let n = 0;

beforeAll(async () => {
  clock = testClock('2026-06-01T06:00:00Z');
  bot = await startBot({ clock });
});
afterAll(async () => {
  await bot.stop();
});
beforeEach(() => {
  bot.fake.reset();
});

async function digest(
  text: string,
  channel: string = fakeWorkspace.channelId,
  user: string = fakeWorkspace.userId,
  team: string = fakeWorkspace.teamId,
): Promise<string> {
  const id = `digest-${++n}`;
  const res = await sendCommand(bot.base, signingSecret, {
    text,
    response_url: bot.fake.responseUrl(id),
    channel_id: channel,
    user_id: user,
    team_id: team,
  });
  expect(res.status).toBe(200);
  await bot.fake.waitFor(() => bot.fake.responsesTo(id).length > 0);
  const body = bot.fake.responsesTo(id)[0]?.body as { text: string; blocks?: unknown };
  expect(bot.fake.rejectedResponses).toEqual([]);
  return `${body.text}\n${JSON.stringify(body.blocks ?? [])}`;
}

const sub = (channel: string) => bot.world.store.get(subscriptionId(fakeWorkspace.teamId, channel));

/** Records this workspace's digest for `date` in `channel` as posted at `at`. */
async function postedHere(channel: string, date: string, at: string): Promise<void> {
  const id = subscriptionId(fakeWorkspace.teamId, channel);
  expect(await bot.world.store.claim(id, date, new Date(at), 'test')).toBe(true);
  await bot.world.store.update(id, date, { status: 'posted', posted_at: at });
}

describe('/nato digest', () => {
  it('subscribes at a given time and zone, and reports status', async () => {
    const reply = await digest('digest on 07:30 Europe/Amsterdam', 'C0DIGESTA');
    expect(reply).toContain('every day at 07:30 (Europe/Amsterdam)');
    expect(reply).toContain('The first one comes tomorrow'); // it is 08:00 in Amsterdam
    expect(await sub('C0DIGESTA')).toMatchObject({
      minutes: 450,
      zone: 'Europe/Amsterdam',
      status: 'active',
    });
    const status = await digest('digest status', 'C0DIGESTA');
    expect(status).toContain('is *on*, every day at 07:30 (Europe/Amsterdam)');
    expect(status).toContain('Last post: none yet');
  });

  it('defaults to 09:00 in the user’s Slack time zone', async () => {
    bot.fake.setUser('U0TOKYO', { tz: 'Asia/Tokyo' });
    const reply = await digest('digest on', 'C0DIGESTB', 'U0TOKYO');
    expect(reply).toContain('09:00 (Asia/Tokyo)');
    expect(bot.fake.callsTo('users.info')[0]?.args.user).toBe('U0TOKYO');
  });

  it('maps a common abbreviation to a zone', async () => {
    const reply = await digest('digest on 8am EST', 'C0DIGESTC');
    expect(reply).toContain('08:00 (America/New_York)');
  });

  it('rejects a bad time with an example and changes nothing', async () => {
    const reply = await digest('digest on 25:61 UTC', 'C0DIGESTD');
    expect(reply).toContain('not a time I can read');
    expect(reply).toContain('digest on 09:00 Europe/Amsterdam');
    expect(reply).toContain('Nothing was changed');
    expect(await sub('C0DIGESTD')).toBeUndefined();
  });

  it('rejects an unknown zone with an example and changes nothing, escaping what was typed', async () => {
    await digest('digest on 09:00 UTC', 'C0DIGESTE');
    const reply = await digest('digest on 10:00 Mars/Olympus_Mons', 'C0DIGESTE');
    expect(reply).toContain('not a time zone I know');
    expect(await sub('C0DIGESTE')).toMatchObject({ minutes: 540, zone: 'UTC' });
    const sneaky = await digest('digest on 10:00 <!channel>', 'C0DIGESTE');
    expect(sneaky).not.toContain('<!channel>');
  });

  it('refuses an Etc/GMT zone, whose sign is reversed, saying why and what to use, and changes nothing', async () => {
    const reply = await digest('digest on 09:00 Etc/GMT+2', 'C0DIGESTETC');
    expect(reply).toContain('“Etc/GMT+2” is a fixed offset with its sign reversed: it means UTC−2');
    expect(reply).toContain('summer time');
    expect(reply).toContain('such as Europe/Berlin');
    expect(reply).toContain('Nothing was changed');
    expect(await sub('C0DIGESTETC')).toBeUndefined();
  });

  it('says how to invite the bot where it is not a member', async () => {
    bot.fake.setChannel('C0NOTIN', { is_member: false, name: 'elsewhere' });
    const reply = await digest('digest on', 'C0NOTIN');
    expect(reply).toContain('/invite @nato-bot');
    expect(await sub('C0NOTIN')).toBeUndefined();
  });

  it('says a direct message between people cannot have a digest, instead of asking to invite the bot', async () => {
    // Slack answers channel_not_found to the bot for a DM it is not part of.
    bot.fake.setChannel('D0TWOPEOPLE', { exists: false });
    const reply = await digest('digest on', 'D0TWOPEOPLE');
    expect(reply).toContain('can’t post in a direct message between people');
    expect(reply).not.toContain('/invite');
    expect(await sub('D0TWOPEOPLE')).toBeUndefined();
  });

  it('moving the zone never sends a day’s digest twice, and says when the first one comes', async () => {
    const channel = 'C0DIGESTZ';
    expect(await digest('digest on 09:00 Asia/Tokyo', channel)).toContain('The first one comes tomorrow');
    // Tokyo's digest for 2 June goes out at 09:00 there: 00:00 UTC, 20:00 on 1 June in New York.
    await postedHere(channel, '2026-06-02', '2026-06-02T00:00:05Z');
    clock.set('2026-06-02T00:30:00Z');
    try {
      const reply = await digest('digest on 22:00 America/New_York', channel);
      expect(reply).toContain(
        'The first one comes on 2026-06-03, as the digest for 2026-06-02 has already been sent or tried here.',
      );
      expect(await sub(channel)).toMatchObject({ zone: 'America/New_York', start_date: '2026-06-03' });
      expect(await digest('digest status', channel)).toContain('Next post: 2026-06-03 at 22:00');
    } finally {
      clock.set('2026-06-01T06:00:00Z');
    }
  });

  it('turns the digest off, and says so when there is none', async () => {
    await digest('digest on 09:00 UTC', 'C0DIGESTF');
    expect(await digest('digest off', 'C0DIGESTF')).toContain('turned off');
    expect((await sub('C0DIGESTF'))?.status).toBe('off');
    expect(await digest('digest off', 'C0DIGESTF')).toContain('no daily digest to turn off');
    expect(await digest('digest status', 'C0DIGESTF')).toContain('has no daily digest');
  });

  it('keeps the channel’s time and zone when turned back on without them', async () => {
    await digest('digest on 07:30 Europe/Amsterdam', 'C0DIGESTR');
    await digest('digest off', 'C0DIGESTR');
    bot.fake.setUser('U0NEWYORK', { tz: 'America/New_York' });
    expect(await digest('digest on', 'C0DIGESTR', 'U0NEWYORK')).toContain(
      'every day at 07:30 (Europe/Amsterdam)',
    );
    expect(await digest('digest on 10:00', 'C0DIGESTR', 'U0NEWYORK')).toContain(
      'every day at 10:00 (Europe/Amsterdam)',
    );
    expect(await sub('C0DIGESTR')).toMatchObject({
      minutes: 600,
      zone: 'Europe/Amsterdam',
      status: 'active',
    });
  });

  it('says how to resume a digest whose time zone this server does not know, and previews it', async () => {
    await bot.world.store.subscribe({
      teamId: fakeWorkspace.teamId,
      channelId: 'C0DIGESTM',
      minutes: 540,
      zone: 'Mars/Olympus',
      userId: fakeWorkspace.userId,
      startDate: '2026-01-01',
      now: new Date(),
    });
    const status = await digest('digest status', 'C0DIGESTM');
    expect(status).toContain('does not know its time zone, Mars/Olympus');
    expect(status).toContain('digest on 09:00 &lt;time zone&gt;');
    expect(await digest('digest preview', 'C0DIGESTM')).toContain('Preview of the next digest');
    // Slack may give a user a zone this server does not know: the digest starts in UTC, and says so.
    bot.fake.setUser('U0MARS', { tz: 'Mars/Olympus' });
    expect(await digest('digest on', 'C0DIGESTY', 'U0MARS')).toContain('every day at 09:00 (UTC)');
  });

  it('says how to resume a digest paused by what Slack answered, by what it answered', async () => {
    const pausedBy = async (channel: string, error: string): Promise<string> => {
      expect(await digest('digest on 09:00 UTC', channel)).toContain('every day at 09:00 (UTC)');
      await bot.world.store.setStatus(
        subscriptionId(fakeWorkspace.teamId, channel),
        'paused',
        error,
        new Date(),
      );
      return digest('digest status', channel);
    };
    const restricted = await pausedBy('C0DIGESTR', 'restricted_action');
    expect(restricted).toContain('Slack answered `restricted_action`');
    expect(restricted).toContain('*Posting permissions*');
    expect(restricted).not.toContain('/invite');
    expect(await pausedBy('C0DIGESTN', 'not_in_channel')).toContain('Invite me with `/invite @nato-bot`');
  });

  it('keeps one digest in a channel shared by two workspaces of an organisation', async () => {
    await digest('digest on 08:00 Europe/Paris', 'C0SHARED');
    const other = (text: string) => digest(text, 'C0SHARED', fakeWorkspace.userId, 'T0OTHERWS');
    expect(await other('digest on 10:00 Asia/Tokyo')).toContain(
      'already gets a daily digest, at 08:00 (Europe/Paris)',
    );
    expect(await bot.world.store.get(subscriptionId('T0OTHERWS', 'C0SHARED'))).toBeUndefined();
    expect(await bot.world.store.forChannel('C0SHARED')).toHaveLength(1);
    expect(await other('digest status')).toContain(
      'gets its daily digest at 08:00 (Europe/Paris) from another workspace',
    );
  });

  it('never gives a shared channel a second digest in a day when the other workspace takes it over', async () => {
    await digest('digest on 05:00 UTC', 'C0SHARED2');
    // It is 06:00 UTC: today's digest went out from this workspace at 05:00, then it was turned off.
    await postedHere('C0SHARED2', '2026-06-01', '2026-06-01T05:00:05Z');
    await digest('digest off', 'C0SHARED2');
    // The other workspace that shares the channel turns it on for later today: it starts tomorrow.
    const reply = await digest('digest on 10:00 UTC', 'C0SHARED2', fakeWorkspace.userId, 'T0OTHERWS');
    expect(reply).toContain(
      'The first one comes tomorrow, as today’s digest has already been sent or tried here.',
    );
    expect(await bot.world.store.get(subscriptionId('T0OTHERWS', 'C0SHARED2'))).toMatchObject({
      start_date: '2026-06-02',
    });
  });

  it('takes from another workspace’s digest only when it was posted, not its date, which is another zone’s', async () => {
    // Tokyo's digest for 2 June went out at 09:00 there, 00:00 UTC: 17:00 on 1 June in Los Angeles.
    await digest('digest on 09:00 Asia/Tokyo', 'C0SHARED3');
    await postedHere('C0SHARED3', '2026-06-02', '2026-06-02T00:00:05Z');
    await digest('digest off', 'C0SHARED3');
    clock.set('2026-06-02T00:05:00Z');
    try {
      // In Los Angeles it is still 1 June, whose digest went out at 17:00: the first is 2 June's.
      const other = await digest(
        'digest on 18:00 America/Los_Angeles',
        'C0SHARED3',
        fakeWorkspace.userId,
        'T0OTHERWS',
      );
      expect(other).toContain(
        'The first one comes tomorrow, as today’s digest has already been sent or tried here.',
      );
      expect(await bot.world.store.get(subscriptionId('T0OTHERWS', 'C0SHARED3'))).toMatchObject({
        start_date: '2026-06-02',
      });
    } finally {
      clock.set('2026-06-01T06:00:00Z');
    }
  });

  it('previews the next digest ephemerally without recording it', async () => {
    await digest('digest on 09:00 UTC', 'C0DIGESTG');
    const reply = await digest('digest preview', 'C0DIGESTG');
    expect(reply).toContain('only you can see this');
    expect(reply).toContain('Fact of the day');
    expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(
      await bot.world.store.latestDelivery(subscriptionId(fakeWorkspace.teamId, 'C0DIGESTG')),
    ).toBeUndefined();
  });

  it('lists the workspace’s subscribed channels in the App Home', async () => {
    await digest('digest on 06:15 Europe/Lisbon', 'C0DIGESTH');
    await sendEvent(bot.base, signingSecret, homeOpenedEvent({}));
    await bot.fake.waitFor(() => bot.fake.callsTo('views.publish').length === 1);
    const view = JSON.stringify(bot.fake.callsTo('views.publish')[0]?.args.view);
    expect(view).toContain('<#C0DIGESTH> at 06:15 (Europe/Lisbon)');
    expect(bot.fake.callsTo('views.publish')[0]?.error).toBeUndefined();
  });
});
