import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, type types, verifySlackRequest, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack, validateBlocks } from './fake-slack.js';
import {
  blockActionsPayload,
  dmEvent,
  homeOpenedEvent,
  mentionEvent,
  sendAction,
  sendCommand,
  sendEvent,
  sendUrlVerification,
  sign,
} from './slack-requests.js';

const botToken = 'xoxb-test-token';
const signingSecret = 'test-signing-secret';

let fake: FakeSlack;

beforeEach(async () => {
  fake = await startFakeSlack({ botToken });
});

afterEach(async () => {
  await fake.close();
});

/** The client logs Slack's `[ERROR]` messages; these tests provoke them on purpose. */
const silent: webApi.Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => webApi.LogLevel.ERROR,
  setName: () => undefined,
};

function client(options: Partial<webApi.WebClientOptions> = {}, token = botToken): webApi.WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logger: silent,
    ...options,
  });
}

/** The Slack error code a rejected Web API call carries, or 'no error'. */
async function slackErrorOf(call: Promise<unknown>): Promise<{ error: string; messages: string[] }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Error && 'data' in error) {
      const data = (error as webApi.WebAPIPlatformError).data;
      return { error: data.error, messages: data.response_metadata?.messages ?? [] };
    }
    throw error;
  }
  return { error: 'no error', messages: [] };
}

const section = (text: string): types.SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text },
});
const button = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'button',
  text: { type: 'plain_text', text: 'Share' },
  action_id: 'share',
  value: 'v',
  ...overrides,
});
const actions = (...elements: unknown[]): Record<string, unknown> => ({ type: 'actions', elements });
const repeat = <T>(count: number, make: (index: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(i));

describe('fake Slack Web API', () => {
  it('answers auth.test with the bot identity Bolt needs at start-up', async () => {
    const result = await client().auth.test();
    expect(result).toMatchObject({
      ok: true,
      team_id: 'T0TEST',
      user_id: 'U0BOT',
      bot_id: 'B0BOT',
      url: expect.stringMatching(/^https:\/\//),
    });
  });

  it('records calls from a real WebClient, with JSON arguments parsed and ts unique and increasing', async () => {
    const web = client();
    const blocks: types.KnownBlock[] = [
      section('*Hello*'),
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Share' }, action_id: 'share', value: 'v' },
        ],
      },
    ];
    const first = await web.chat.postMessage({ channel: 'C0GENERAL', text: 'Hello', blocks });
    const second = await web.chat.postMessage({ channel: 'C0GENERAL', text: 'again', thread_ts: first.ts });
    const ephemeral = await web.chat.postEphemeral({ channel: 'C0GENERAL', user: 'U0USER', text: 'psst' });

    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(first.channel).toBe('C0GENERAL');
    expect(first.message?.text).toBe('Hello');
    const stamps = [first.ts, second.ts, ephemeral.message_ts].map((ts) => Number(ts));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(3);

    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[0]).toMatchObject({
      token: botToken,
      args: { channel: 'C0GENERAL', text: 'Hello', blocks },
    });
    expect(posts[1]?.args.thread_ts).toBe(first.ts);
    expect(fake.calls.map((call) => call.method)).toEqual([
      'chat.postMessage',
      'chat.postMessage',
      'chat.postEphemeral',
    ]);
  });

  it('accepts a rich but valid message, so strictness does not reject good Block Kit', async () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'NATO', emoji: true } },
      { type: 'section', block_id: 'answer', text: { type: 'mrkdwn', text: 'x', verbatim: false } },
      { type: 'section', fields: repeat(10, (i) => ({ type: 'plain_text', text: `f${i}` })) },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'with accessory' },
        accessory: button({ style: 'primary', url: 'https://example.org' }),
      },
      { type: 'divider' },
      { type: 'context', elements: repeat(10, () => ({ type: 'mrkdwn', text: 'source' })) },
      {
        type: 'rich_text',
        elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'q' }] }],
      },
      actions(...repeat(25, (i) => button({ action_id: `a${i}`, style: 'danger' }))),
    ];
    expect(validateBlocks(blocks)).toEqual([]);
    await expect(
      client().apiCall('chat.postMessage', { channel: 'C0GENERAL', text: 'ok', blocks }),
    ).resolves.toMatchObject({
      ok: true,
    });
  });

  const invalidBlocks: Array<[string, unknown[], string]> = [
    ['51 blocks', repeat(51, () => ({ type: 'divider' })), '/blocks'],
    [
      'an unknown block type',
      [{ type: 'banner', text: { type: 'plain_text', text: 'x' } }],
      '/blocks/0/type',
    ],
    ['section text over 3000 characters', [section('x'.repeat(3001))], '/blocks/0/text/text'],
    ['a section with neither text nor fields', [{ type: 'section' }], '/blocks/0'],
    [
      '11 fields',
      [{ type: 'section', fields: repeat(11, () => ({ type: 'mrkdwn', text: 'f' })) }],
      '/blocks/0/fields',
    ],
    [
      'a field over 2000 characters',
      [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2001) }] }],
      '/blocks/0/fields/0/text',
    ],
    ['a mrkdwn header', [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }], '/blocks/0/text/type'],
    [
      'a header over 150 characters',
      [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
      '/blocks/0/text/text',
    ],
    ['an empty context', [{ type: 'context', elements: [] }], '/blocks/0/elements'],
    [
      'a context with 11 elements',
      [{ type: 'context', elements: repeat(11, () => ({ type: 'mrkdwn', text: 'c' })) }],
      '/blocks/0/elements',
    ],
    ['empty actions', [actions()], '/blocks/0/elements'],
    ['26 actions', [actions(...repeat(26, (i) => button({ action_id: `a${i}` })))], '/blocks/0/elements'],
    [
      'mrkdwn button text',
      [actions(button({ text: { type: 'mrkdwn', text: 'b' } }))],
      '/blocks/0/elements/0/text/type',
    ],
    [
      'button text over 75 characters',
      [actions(button({ text: { type: 'plain_text', text: 'b'.repeat(76) } }))],
      '/blocks/0/elements/0/text/text',
    ],
    [
      'a button value over 2000',
      [actions(button({ value: 'v'.repeat(2001) }))],
      '/blocks/0/elements/0/value',
    ],
    [
      'an action_id over 255',
      [actions(button({ action_id: 'a'.repeat(256) }))],
      '/blocks/0/elements/0/action_id',
    ],
    ['a duplicate action_id', [actions(button(), button())], '/blocks/0/elements/1/action_id'],
    [
      'a duplicate block_id',
      [
        { ...section('a'), block_id: 'same' },
        { ...section('b'), block_id: 'same' },
      ],
      '/blocks/1/block_id',
    ],
    ['a block_id over 255', [{ ...section('a'), block_id: 'b'.repeat(256) }], '/blocks/0/block_id'],
    [
      'an unknown text type',
      [{ type: 'section', text: { type: 'markdown', text: 'x' } }],
      '/blocks/0/text/type',
    ],
    ['empty text', [section('')], '/blocks/0/text/text'],
    [
      'emoji on mrkdwn',
      [{ type: 'section', text: { type: 'mrkdwn', text: 'x', emoji: true } }],
      '/blocks/0/text/emoji',
    ],
    [
      'a button style other than primary/danger',
      [actions(button({ style: 'secondary' }))],
      '/blocks/0/elements/0/style',
    ],
    [
      'a url over 3000',
      [actions(button({ url: `https://example.org/${'u'.repeat(3000)}` }))],
      '/blocks/0/elements/0/url',
    ],
  ];

  it.each(invalidBlocks)('refuses %s with invalid_blocks and says where', async (_name, blocks, pointer) => {
    const result = await slackErrorOf(
      client().apiCall('chat.postMessage', { channel: 'C0GENERAL', text: 'fallback', blocks }),
    );
    expect(result.error).toBe('invalid_blocks');
    expect(result.messages.some((message) => message.includes(`[json-pointer:${pointer}]`))).toBe(true);
    expect(result.messages.every((message) => message.startsWith('[ERROR] '))).toBe(true);
    expect(fake.callsTo('chat.postMessage')[0]?.error).toBe('invalid_blocks');
  });

  it('refuses blocks that are not a JSON array', async () => {
    const response = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${botToken}` },
      body: 'channel=C0GENERAL&text=x&blocks=%5Bnot-json',
    });
    expect(await response.json()).toMatchObject({ ok: false, error: 'invalid_blocks_format' });
  });

  it('checks tokens: missing, malformed and not the configured bot token', async () => {
    const post = { channel: 'C0GENERAL', text: 'x' };
    const response = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'channel=C0GENERAL&text=x',
    });
    expect(await response.json()).toEqual({ ok: false, error: 'not_authed' });
    expect((await slackErrorOf(client({}, 'xoxq-nope').chat.postMessage(post))).error).toBe('invalid_auth');
    expect((await slackErrorOf(client({}, 'xoxb-other').chat.postMessage(post))).error).toBe('invalid_auth');
    expect(fake.calls.map((call) => call.error)).toEqual(['not_authed', 'invalid_auth', 'invalid_auth']);
  });

  it('opens a socket only for an app-level token, and takes that token for nothing else', async () => {
    const opened = await client({}, 'xapp-1-A0NATO-1-any').apps.connections.open();
    expect(opened.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/);
    expect((await slackErrorOf(client().apps.connections.open())).error).toBe('not_allowed_token_type');
    const post = client({}, 'xapp-1-A0NATO-1-any').chat.postMessage({ channel: 'C0GENERAL', text: 'x' });
    expect((await slackErrorOf(post)).error).toBe('not_allowed_token_type');
    // Nothing is connected until the app opens the URL.
    expect(fake.socket.open).toBe(0);
    await expect(fake.socket.send('events_api', {})).rejects.toThrow(/no Socket Mode connection/);
  });

  it('reads JSON bodies, but like Slack takes their token only from the Authorization header', async () => {
    const body = JSON.stringify({ channel: 'C0GENERAL', text: 'json', blocks: [section('b')] });
    const withHeader = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${botToken}` },
      body,
    });
    expect(await withHeader.json()).toMatchObject({ ok: true, channel: 'C0GENERAL' });
    const tokenInBody = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: botToken, channel: 'C0GENERAL', text: 'json' }),
    });
    expect(await tokenInBody.json()).toEqual({ ok: false, error: 'not_authed' });
  });

  it('refuses posts without a usable channel', async () => {
    const web = client();
    fake.setChannel('C0LEFT', { is_member: false });
    fake.setChannel('C0OLD', { is_archived: true });
    fake.setChannel('C0GONE', { exists: false });
    const errors = await Promise.all(
      [undefined, 'general', 'C0GONE', 'C0LEFT', 'C0OLD'].map(
        async (channel) =>
          (await slackErrorOf(web.apiCall('chat.postMessage', { channel, text: 'x' }))).error,
      ),
    );
    expect(errors).toEqual([
      'channel_not_found',
      'channel_not_found',
      'channel_not_found',
      'not_in_channel',
      'is_archived',
    ]);
  });

  it('answers the errors a channel was set to refuse a method with, and nothing else', async () => {
    const web = client();
    fake.setChannel('C0NEWS', { refuses: { 'chat.postMessage': 'restricted_action' } });
    const posted = web.chat.postMessage({ channel: 'C0NEWS', text: 'x' });
    expect((await slackErrorOf(posted)).error).toBe('restricted_action');
    expect(fake.callsTo('chat.postMessage')[0]?.error).toBe('restricted_action');
    // The same channel takes what it was not set to refuse, and other channels take everything.
    await expect(
      web.chat.postEphemeral({ channel: 'C0NEWS', user: 'U0USER', text: 'x' }),
    ).resolves.toMatchObject({ ok: true });
    await expect(web.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
    // A token Slack refuses is refused first, as Slack checks it before the channel.
    const stranger = client({}, 'xoxb-someone-else');
    expect((await slackErrorOf(stranger.chat.postMessage({ channel: 'C0NEWS', text: 'x' }))).error).toBe(
      'invalid_auth',
    );
  });

  it('refuses a message with neither text nor blocks, and text over 40,000 characters', async () => {
    const web = client();
    expect((await slackErrorOf(web.apiCall('chat.postMessage', { channel: 'C0GENERAL' }))).error).toBe(
      'no_text',
    );
    expect((await slackErrorOf(web.chat.postMessage({ channel: 'C0GENERAL', text: '' }))).error).toBe(
      'no_text',
    );
    const tooLong = web.chat.postMessage({ channel: 'C0GENERAL', text: 'x'.repeat(40_001) });
    expect((await slackErrorOf(tooLong)).error).toBe('msg_too_long');
  });

  it('needs channel and user for chat.postEphemeral', async () => {
    const web = client();
    const noUser = web.apiCall('chat.postEphemeral', { channel: 'C0GENERAL', text: 'x' });
    expect((await slackErrorOf(noUser)).error).toBe('invalid_arguments');
    const noChannel = web.apiCall('chat.postEphemeral', { user: 'U0USER', text: 'x' });
    expect((await slackErrorOf(noChannel)).error).toBe('channel_not_found');
  });

  it('updates only messages it has seen posted', async () => {
    const web = client();
    const posted = await web.chat.postMessage({ channel: 'C0GENERAL', text: 'v1' });
    const updated = await web.chat.update({ channel: 'C0GENERAL', ts: posted.ts ?? '', text: 'v2' });
    expect(updated).toMatchObject({ ok: true, ts: posted.ts, text: 'v2' });
    const unknown = web.chat.update({ channel: 'C0GENERAL', ts: '1600000000.000100', text: 'v2' });
    expect((await slackErrorOf(unknown)).error).toBe('message_not_found');
  });

  it('publishes home views and refuses bad ones with invalid_arguments', async () => {
    const web = client();
    const published = await web.views.publish({
      user_id: 'U0USER',
      view: { type: 'home', blocks: [section('hi')] },
    });
    expect(published.view?.id).toMatch(/^V/);
    expect(fake.callsTo('views.publish')[0]?.args.view).toEqual({ type: 'home', blocks: [section('hi')] });

    const cases: unknown[] = [
      { type: 'modal', blocks: [], title: { type: 'plain_text', text: 't' } },
      { type: 'home' },
      { type: 'home', blocks: repeat(101, () => ({ type: 'divider' })) },
      { type: 'home', blocks: [section('x'.repeat(3001))] },
    ];
    for (const view of cases) {
      const result = await slackErrorOf(web.apiCall('views.publish', { user_id: 'U0USER', view }));
      expect(result.error).toBe('invalid_arguments');
      expect(result.messages.length).toBeGreaterThan(0);
    }
    expect(
      validateBlocks(
        repeat(100, () => ({ type: 'divider' })),
        'home',
      ),
    ).toEqual([]);
  });

  it('answers users.info and conversations.info from what the test set', async () => {
    const web = client();
    fake.setUser('U0ADMIN', { tz: 'Asia/Kolkata', is_admin: true, real_name: 'Ada' });
    const admin = await web.users.info({ user: 'U0ADMIN' });
    expect(admin.user).toMatchObject({
      id: 'U0ADMIN',
      tz: 'Asia/Kolkata',
      tz_offset: 19_800,
      is_admin: true,
    });
    expect((await web.users.info({ user: 'U0ANYONE' })).user).toMatchObject({
      tz: 'UTC',
      tz_offset: 0,
      is_admin: false,
    });
    expect((await slackErrorOf(web.users.info({ user: 'nobody' }))).error).toBe('user_not_found');

    fake.setChannel('C0QUIET', { is_member: false, name: 'quiet' });
    const quiet = await web.conversations.info({ channel: 'C0QUIET' });
    expect(quiet.channel).toMatchObject({
      id: 'C0QUIET',
      name: 'quiet',
      is_member: false,
      is_archived: false,
    });
    expect((await web.conversations.info({ channel: 'D0USERDM' })).channel).toMatchObject({
      is_im: true,
      user: 'U0USER',
    });
    fake.setChannel('C0GONE', { exists: false });
    const gone = web.conversations.info({ channel: 'C0GONE' });
    expect((await slackErrorOf(gone)).error).toBe('channel_not_found');
  });

  it('exchanges an OAuth code once', async () => {
    const web = new webApi.WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    const args = { client_id: '1.2', client_secret: 's', code: 'c-1' };
    const installed = await web.oauth.v2.access(args);
    expect(installed).toMatchObject({
      ok: true,
      access_token: botToken,
      bot_user_id: 'U0BOT',
      team: { id: 'T0TEST' },
    });
    expect((await slackErrorOf(web.oauth.v2.access(args))).error).toBe('invalid_code');
  });

  it('answers unknown_method for anything else', async () => {
    expect(
      (await slackErrorOf(client().apiCall('chat.scheduleMessage', { channel: 'C0GENERAL' }))).error,
    ).toBe('unknown_method');
  });

  it('fails the next call as told, records it, then recovers', async () => {
    const web = client();
    fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const failed = web.chat.postMessage({ channel: 'C0GENERAL', text: 'x' });
    expect((await slackErrorOf(failed)).error).toBe('not_in_channel');
    await expect(web.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
    expect(fake.callsTo('chat.postMessage').map((call) => call.failed ?? false)).toEqual([true, false]);
  });

  it('answers 429 with Retry-After', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 }, 2);
    const web = client({ rejectRateLimitedCalls: true });
    await expect(web.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).rejects.toMatchObject({
      code: webApi.ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    const raw = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${botToken}` },
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('7');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('answers an HTTP error status', async () => {
    fake.failNext('users.info', { status: 500 });
    await expect(client().users.info({ user: 'U0USER' })).rejects.toMatchObject({
      code: webApi.ErrorCode.HTTPError,
      statusCode: 500,
    });
  });

  it('hangs a call until the client gives up, and still closes cleanly', async () => {
    fake.failNext('chat.postMessage', { hang: true });
    const started = Date.now();
    await expect(
      client({ timeout: 200 }).chat.postMessage({ channel: 'C0GENERAL', text: 'x' }),
    ).rejects.toMatchObject({
      code: webApi.ErrorCode.RequestError,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fake.callsTo('chat.postMessage')[0]?.failed).toBe(true);
  });

  it('close() ends a hung request that the client still waits on', async () => {
    fake.failNext('auth.test', { hang: true });
    const pending = client().auth.test();
    await fake.waitFor(() => fake.calls.length === 1);
    await fake.close();
    await expect(pending).rejects.toMatchObject({ code: webApi.ErrorCode.RequestError });
  });

  it('waitFor resolves when the condition holds and otherwise lists what it saw', async () => {
    await client().chat.postMessage({ channel: 'C0GENERAL', text: 'seen-text' });
    await expect(fake.waitFor(() => fake.calls.length === 1)).resolves.toBeUndefined();
    await expect(fake.waitFor(() => fake.calls.length === 2, 50)).rejects.toThrow(
      /chat\.postMessage.*seen-text/,
    );
  });

  it('reset() forgets calls, responses and failures', async () => {
    fake.failNext('auth.test', { error: 'invalid_auth' });
    await client().chat.postMessage({ channel: 'C0GENERAL', text: 'x' });
    fake.reset();
    expect(fake.calls).toEqual([]);
    await expect(client().auth.test()).resolves.toMatchObject({ ok: true });
  });
});

describe('fake response_url', () => {
  const postTo = (url: string, body: unknown): Promise<Response> =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('records valid posts and allows five per URL, like Slack', async () => {
    const url = fake.responseUrl('cmd-1');
    for (let i = 0; i < 5; i += 1) {
      const response = await postTo(url, { text: `reply ${i}`, response_type: 'ephemeral' });
      expect(response.status).toBe(200);
    }
    const sixth = await postTo(url, { text: 'one too many' });
    expect(sixth.status).toBe(404);
    expect(await sixth.text()).toBe('used_url');
    expect(fake.responsesTo('cmd-1').map((post) => post.body.text)).toEqual(repeat(5, (i) => `reply ${i}`));
    expect(fake.responsesTo('other')).toEqual([]);
    expect(fake.rejectedResponses).toMatchObject([{ id: 'cmd-1', status: 404, error: 'used_url' }]);
  });

  it('refuses invalid blocks and empty messages with 400', async () => {
    const url = fake.responseUrl('cmd-2');
    const invalid = await postTo(url, {
      text: 'x',
      blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }],
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toBe('invalid_blocks');
    const empty = await postTo(url, { response_type: 'in_channel' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toBe('no_text');
    expect((await postTo(url, { delete_original: true })).status).toBe(200);
    expect(fake.responsesTo('cmd-2')).toHaveLength(1);
  });

  it('can fail the next post', async () => {
    fake.failNext('response_url', { status: 500 });
    expect((await postTo(fake.responseUrl('cmd-3'), { text: 'x' })).status).toBe(500);
    expect((await postTo(fake.responseUrl('cmd-3'), { text: 'x' })).status).toBe(200);
  });
});

describe('sign', () => {
  it('matches an HMAC computed independently and Bolt verification', () => {
    const body = 'token=abc&team_id=T0TEST&text=hello+world';
    const expected = `v0=${createHmac('sha256', 'shh')
      .update(Buffer.from(`v0:1700000000:${body}`, 'utf8'))
      .digest('hex')}`;
    expect(sign('shh', 1_700_000_000, body)).toBe(expected);
    expect(sign('shh', 1_700_000_000, body)).toMatch(/^v0=[0-9a-f]{64}$/);
    const now = Math.floor(Date.now() / 1000);
    expect(() =>
      verifySlackRequest({
        signingSecret: 'shh',
        body,
        headers: { 'x-slack-signature': sign('shh', now, body), 'x-slack-request-timestamp': now },
      }),
    ).not.toThrow();
  });
});

describe('slack-requests against a real Bolt app', () => {
  let app: App;
  let baseUrl: string;

  beforeEach(async () => {
    app = new App({
      token: botToken,
      signingSecret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/nato', async ({ ack, command, respond }) => {
      await ack();
      await respond({ text: `you asked: ${command.text}`, response_type: 'ephemeral' });
    });
    app.event('app_mention', async ({ event, say }) => {
      await say({ text: `mention from ${event.user}`, thread_ts: event.thread_ts ?? event.ts });
    });
    app.message(async ({ message, say }) => {
      if (message.channel_type === 'im' && !('bot_id' in message && message.bot_id !== undefined)) {
        await say('dm answer');
      }
    });
    app.event('app_home_opened', async ({ event, client: web }) => {
      await web.views.publish({ user_id: event.user, view: { type: 'home', blocks: [section('home')] } });
    });
    app.action('answer_share', async ({ ack, action, respond }) => {
      await ack();
      if (action.type === 'button') await respond({ text: `shared ${action.value}`, replace_original: true });
    });
    const server = (await app.start(0)) as Server;
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await app.stop();
  });

  it('delivers a slash command that Bolt accepts', async () => {
    const response = await sendCommand(baseUrl, signingSecret, {
      text: 'who leads?',
      response_url: fake.responseUrl('cmd'),
    });
    expect(response.status).toBe(200);
    await fake.waitFor(() => fake.responsesTo('cmd').length === 1);
    expect(fake.responsesTo('cmd')[0]?.body).toMatchObject({ text: 'you asked: who leads?' });
    expect(fake.callsTo('auth.test')).toHaveLength(1);
  });

  it('delivers app_mention, DM and app_home_opened events', async () => {
    const mention = mentionEvent({ text: 'hello &lt;there&gt;', ts: '1700000001.000100' });
    expect(mention.text).toBe('<@U0BOT> hello &lt;there&gt;');
    expect(JSON.stringify(mention.blocks)).toContain('"text":" hello <there>"');
    expect((await sendEvent(baseUrl, signingSecret, mention)).status).toBe(200);
    expect((await sendEvent(baseUrl, signingSecret, dmEvent({ text: 'hi' }))).status).toBe(200);
    await sendEvent(baseUrl, signingSecret, dmEvent({ text: 'from a bot', botId: 'B0OTHER' }));
    expect((await sendEvent(baseUrl, signingSecret, homeOpenedEvent({}))).status).toBe(200);

    await fake.waitFor(
      () => fake.callsTo('chat.postMessage').length === 2 && fake.callsTo('views.publish').length === 1,
    );
    const posts = fake.callsTo('chat.postMessage').map((call) => call.args);
    expect(posts).toContainEqual(
      expect.objectContaining({
        channel: 'C0GENERAL',
        thread_ts: '1700000001.000100',
        text: 'mention from U0USER',
      }),
    );
    expect(posts).toContainEqual(expect.objectContaining({ channel: 'D0USERDM', text: 'dm answer' }));
    expect(fake.callsTo('views.publish')[0]?.args.user_id).toBe('U0USER');
  });

  it('delivers a button click that Bolt accepts', async () => {
    const payload = blockActionsPayload({
      actionId: 'answer_share',
      value: 'q-42',
      responseUrl: fake.responseUrl('act'),
    });
    expect((await sendAction(baseUrl, signingSecret, payload)).status).toBe(200);
    await fake.waitFor(() => fake.responsesTo('act').length === 1);
    expect(fake.responsesTo('act')[0]?.body).toMatchObject({ text: 'shared q-42', replace_original: true });
  });

  it('passes url_verification, and Bolt refuses bad signatures and stale timestamps', async () => {
    const verified = await sendUrlVerification(baseUrl, signingSecret, 'challenge-123');
    expect(verified.status).toBe(200);
    expect(verified.json).toEqual({ challenge: 'challenge-123' });

    const forged = await sendCommand(baseUrl, 'wrong-secret', {
      text: 'x',
      response_url: fake.responseUrl('f'),
    });
    expect(forged.status).toBe(401);
    const stale = await sendEvent(baseUrl, signingSecret, dmEvent({ text: 'old' }), {
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(stale.status).toBe(401);
    const badSignature = await sendUrlVerification(baseUrl, signingSecret, 'c', { signature: 'v0=00' });
    expect(badSignature.status).toBe(401);
  });

  it('sends retry headers that Bolt reads into context.retryNum', async () => {
    const seen: Array<number | undefined> = [];
    app.event('app_mention', async ({ context }) => {
      seen.push(context.retryNum);
    });
    const event = mentionEvent({ text: 'again' });
    await sendEvent(baseUrl, signingSecret, event, { eventId: 'Ev0SAME', retryNum: 1 });
    // Wait for the other app_mention listener too, so nothing is in flight at teardown.
    await fake.waitFor(() => seen.length === 1 && fake.callsTo('chat.postMessage').length === 1);
    expect(seen).toEqual([1]);
  });
});
