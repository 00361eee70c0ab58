/**
 * Many workspaces: the real Bolt app in OAuth mode over HTTP, installed through its own
 * /slack/install and /slack/oauth_redirect against the fake Slack API (oauth.v2.access), with
 * installations in a real SQLite file. Checks isolation between workspaces, uninstall, and that
 * no token reaches a log line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botScopes } from '../../src/slack/ids.js';
import { type Bot, oauthCredentials, signingSecret, startBot, testClock } from '../helpers/bot.js';
import type { FakeInstall } from '../helpers/fake-slack.js';
import { mentionEvent, sendCommand, sendEvent } from '../helpers/slack-requests.js';

const clock = testClock('2026-06-01T08:00:00.000Z');
const logLines: string[] = [];
let bot: Bot;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  bot = await startBot({ oauth: true, clock, logLines, logLevel: 'debug' });
});
afterAll(async () => {
  await bot?.stop();
});

/** Runs the browser's part of an install: /slack/install, then Slack's redirect back with a code. */
async function install(code: string, workspace: FakeInstall): Promise<Response> {
  const start = await fetch(`${bot.base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location') ?? '');
  expect(authorize.searchParams.get('client_id')).toBe(oauthCredentials.clientId);
  const state = authorize.searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  bot.fake.grantInstall(code, workspace);
  return fetch(`${bot.base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}

/** An event as Slack sends it for an org-wide install: no team in the authorization. */
const orgAuthorization = (enterpriseId: string) => [
  { enterprise_id: enterpriseId, team_id: null, user_id: 'U0BOT', is_bot: true, is_enterprise_install: true },
];

const replies = (channel: string) =>
  bot.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe('installing in many workspaces', () => {
  it('asks Slack for exactly the bot scopes the app needs', async () => {
    const start = await fetch(`${bot.base}/slack/install`, { redirect: 'manual' });
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorize.searchParams.get('scope')?.split(',').sort()).toEqual(botScopes);
  });

  it('stores each installation, with its token encrypted', async () => {
    for (const [code, team] of [
      ['code-a', 'TA'],
      ['code-b', 'TB'],
    ] as const) {
      const done = await install(code, { teamId: team, teamName: `Team ${team}` });
      expect(done.status).toBe(200);
      const token = bot.fake.callsTo('oauth.v2.access').at(-1);
      expect(token?.args.code).toBe(code);
    }
    tokens.TA = (await bot.installations?.botToken('TA', null)) ?? '';
    tokens.TB = (await bot.installations?.botToken('TB', null)) ?? '';
    expect(bot.fake.tokenOwner(tokens.TA)).toBe('TA');
    expect(bot.fake.tokenOwner(tokens.TB)).toBe('TB');
    const rows = await bot.world.db.selectFrom('installations').selectAll().orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual(['T:TA', 'T:TB']);
    expect(JSON.stringify(rows)).not.toMatch(/xoxb-/);
  });

  it('refuses a callback whose state was not issued by /slack/install', async () => {
    bot.fake.grantInstall('code-forged', { teamId: 'TF' });
    const res = await fetch(`${bot.base}/slack/oauth_redirect?code=code-forged&state=forged`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('This install link has expired, or was finished in another browser.');
    expect(await bot.installations?.botToken('TF', null)).toBeUndefined();
    expect(bot.fake.callsTo('oauth.v2.access').some((c) => c.args.code === 'code-forged')).toBe(false);
  });

  it('says plainly that an install cancelled on Slack’s consent page installed nothing', async () => {
    const start = await fetch(`${bot.base}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const res = await fetch(
      `${bot.base}/slack/oauth_redirect?error=access_denied&state=${encodeURIComponent(state)}`,
      { headers: { cookie }, redirect: 'manual' },
    );
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('The installation was cancelled, so nothing was installed.');
    expect(page).toContain('href="/slack/install"');
  });

  it("answers each workspace's events with that workspace's token", async () => {
    await sendEvent(bot.base, signingSecret, mentionEvent({ text: 'who backs rutte', channel: 'CAAA' }), {
      teamId: 'TA',
    });
    await sendEvent(bot.base, signingSecret, mentionEvent({ text: 'who backs rutte', channel: 'CBBB' }), {
      teamId: 'TB',
    });
    await bot.fake.waitFor(() => replies('CAAA').length === 1 && replies('CBBB').length === 1);
    expect(replies('CAAA')[0]?.token).toBe(tokens.TA);
    expect(replies('CBBB')[0]?.token).toBe(tokens.TB);
  });

  it("keeps one workspace's digest subscriptions out of another's", async () => {
    for (const [team, channel] of [
      ['TA', 'CAAA'],
      ['TB', 'CBBB'],
    ] as const) {
      await sendCommand(bot.base, signingSecret, {
        text: 'digest on 09:00 UTC',
        team_id: team,
        channel_id: channel,
        response_url: bot.fake.responseUrl(`on-${team}`),
      });
      await bot.fake.waitFor(() => bot.fake.responsesTo(`on-${team}`).length === 1);
    }
    await sendCommand(bot.base, signingSecret, {
      text: 'digest status',
      team_id: 'TB',
      channel_id: 'CAAA',
      response_url: bot.fake.responseUrl('status-b-in-a'),
    });
    await bot.fake.waitFor(() => bot.fake.responsesTo('status-b-in-a').length === 1);
    // Same channel id, other workspace (a channel the two share): TB has no digest of its own
    // there, and is told that TA's posts in it.
    const status = JSON.stringify(bot.fake.responsesTo('status-b-in-a')[0]?.body);
    expect(status).toContain('from another workspace that shares this channel');
    expect(status).not.toContain('is *on*');
    expect((await bot.world.store.listForTeam('TA')).map((s) => s.channel_id)).toEqual(['CAAA']);
    expect((await bot.world.store.listForTeam('TB')).map((s) => s.channel_id)).toEqual(['CBBB']);
  });

  it("lets one workspace's admin see its report, but not reload the knowledge every workspace answers from", async () => {
    bot.fake.setUser('U0BADMIN', { is_admin: true });
    for (const text of ['reload', 'report']) {
      await sendCommand(bot.base, signingSecret, {
        text,
        team_id: 'TB',
        user_id: 'U0BADMIN',
        response_url: bot.fake.responseUrl(`admin-${text}`),
      });
      await bot.fake.waitFor(() => bot.fake.responsesTo(`admin-${text}`).length === 1);
    }
    const reload = JSON.stringify(bot.fake.responsesTo('admin-reload')[0]?.body);
    expect(reload).toContain('only its operators (the users in CURATOR_USER_IDS)');
    expect(reload).not.toContain('Knowledge reloaded');
    expect(JSON.stringify(bot.fake.responsesTo('admin-report')[0]?.body)).toMatch(/answer rate|answered/i);
  });

  it("posts each workspace's digest with its own token", async () => {
    clock.set('2026-06-01T09:05:00.000Z');
    const report = await bot.world.scheduler.tick();
    expect(report.posted.sort()).toEqual(['CAAA 2026-06-01', 'CBBB 2026-06-01']);
    const digests = bot.fake
      .callsTo('chat.postMessage')
      .filter((c) => String(c.args.text).includes('digest'));
    expect(digests.map((c) => [c.args.channel, bot.fake.tokenOwner(c.token)]).sort()).toEqual([
      ['CAAA', 'TA'],
      ['CBBB', 'TB'],
    ]);
  });

  it("deletes a workspace's installation, subscriptions and deliveries on app_uninstalled", async () => {
    const res = await sendEvent(
      bot.base,
      signingSecret,
      { type: 'app_uninstalled', event_ts: '1700000000.000001' },
      {
        teamId: 'TA',
      },
    );
    expect(res.status).toBe(200);
    const db = bot.world.db;
    const left = async (team: string) => ({
      installations: (await db.selectFrom('installations').select('id').where('team_id', '=', team).execute())
        .length,
      subscriptions: (await db.selectFrom('subscriptions').select('id').where('team_id', '=', team).execute())
        .length,
      deliveries: (await db.selectFrom('deliveries').select('team_id').where('team_id', '=', team).execute())
        .length,
    });
    await waitUntil(async () => (await left('TA')).installations === 0);
    expect(await left('TA')).toEqual({ installations: 0, subscriptions: 0, deliveries: 0 });
    expect(await left('TB')).toEqual({ installations: 1, subscriptions: 1, deliveries: 1 });
    // The uninstalled workspace gets no answer any more: there is no token to answer with.
    const before = bot.fake.callsTo('chat.postMessage').length;
    await sendEvent(bot.base, signingSecret, mentionEvent({ text: 'who backs rutte', channel: 'CAAA' }), {
      teamId: 'TA',
    });
    await sendEvent(bot.base, signingSecret, mentionEvent({ text: 'timeline', channel: 'CBBB' }), {
      teamId: 'TB',
    });
    await bot.fake.waitFor(() => replies('CBBB').length === 3);
    expect(bot.fake.callsTo('chat.postMessage').length).toBe(before + 1);
  });

  it('deletes the workspace on tokens_revoked for its bot token, not for user tokens alone', async () => {
    const revoke = (tokensRevoked: Record<string, string[]>) =>
      sendEvent(
        bot.base,
        signingSecret,
        { type: 'tokens_revoked', tokens: tokensRevoked, event_ts: '1700000000.000002' },
        {
          teamId: 'TB',
        },
      );
    await revoke({ oauth: ['U0USER'] });
    await new Promise((r) => setTimeout(r, 200));
    expect(await bot.installations?.botToken('TB', null)).toBe(tokens.TB);
    await revoke({ bot: ['U0BOT'] });
    await waitUntil(async () => (await bot.installations?.botToken('TB', null)) === undefined);
    expect(await bot.world.store.listForTeam('TB')).toEqual([]);
  });

  it('files an org-wide install under its enterprise, answers its workspaces, and forgets it on uninstall', async () => {
    const done = await install('code-org', { enterpriseId: 'E1', isEnterpriseInstall: true });
    expect(done.status).toBe(200);
    const row = await bot.world.db
      .selectFrom('installations')
      .selectAll()
      .where('id', '=', 'E:E1')
      .executeTakeFirst();
    expect(row).toMatchObject({ enterprise_id: 'E1', team_id: null, is_enterprise_install: 1 });
    await sendEvent(bot.base, signingSecret, mentionEvent({ text: 'who backs rutte', channel: 'CORG' }), {
      teamId: 'TORG1',
      authorizations: orgAuthorization('E1'),
    });
    await bot.fake.waitFor(() => replies('CORG').length === 1);
    expect(bot.fake.tokenOwner(replies('CORG')[0]?.token)).toBe('E1');
    await sendEvent(
      bot.base,
      signingSecret,
      { type: 'app_uninstalled', event_ts: '1700000000.000003' },
      {
        teamId: 'TORG1',
        authorizations: orgAuthorization('E1'),
      },
    );
    await waitUntil(async () => (await bot.installations?.botToken('TORG1', 'E1')) === undefined);
  });

  it('never writes a token or secret to the log', () => {
    expect(logLines.length).toBeGreaterThan(10);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
    const all = logLines.join('\n');
    expect(all).toMatch(/installed in workspace TA/);
    for (const secret of [
      ...Object.values(tokens),
      oauthCredentials.clientSecret,
      oauthCredentials.stateSecret,
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(all).not.toMatch(/xox[bpae]-[A-Za-z0-9]/);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
