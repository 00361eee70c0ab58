/**
 * What people get when something is off: a channel where Slack refuses the bot's reply, a button
 * the bot no longer knows, a form or a button whose data is not what the bot put there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actionIds, callbackIds } from '../../src/slack/ids.js';
import { commentInput } from '../../src/slack/render/feedback.js';
import { type Bot, signingSecret, startBot } from '../helpers/bot.js';
import { dmChannelFor, type FakeSlack, fakeWorkspace } from '../helpers/fake-slack.js';
import {
  blockActionsPayload,
  dmEvent,
  mentionEvent,
  sendAction,
  sendEvent,
  viewSubmissionPayload,
} from '../helpers/slack-requests.js';

type Json = Record<string, unknown>;
const lines: string[] = [];
let bot: Bot;
let fake: FakeSlack;

beforeAll(async () => {
  bot = await startBot({ logLines: lines, logLevel: 'info' });
  fake = bot.fake;
});
afterAll(async () => {
  await bot.stop();
});
afterEach(() => {
  fake.reset();
  lines.length = 0;
});

const logged = (level: string): string[] =>
  lines
    .map((l) => JSON.parse(l) as { level: string; msg: string })
    .flatMap((l) => (l.level === level ? [l.msg] : []));

describe('a channel that refuses the bot’s reply', () => {
  it('shows the answer to the asker alone, saying why, in an announcement channel', async () => {
    const channel = 'C0ANNOUNCE';
    fake.setChannel(channel, { refuses: { 'chat.postMessage': 'restricted_action' } });
    await sendEvent(bot.base, signingSecret, mentionEvent({ text: 'who backs Rutte?', channel }));
    await fake.waitFor(() => logged('warn').length === 1);
    const call = fake.callsTo('chat.postEphemeral')[0] as { args: Json; error?: string };
    expect(call.error).toBeUndefined();
    expect(call.args).toMatchObject({ channel, user: fakeWorkspace.userId });
    // Slack shows an ephemeral reply in a thread only once the thread exists: this one does not.
    expect(call.args.thread_ts).toBeUndefined();
    expect(String(call.args.text)).toMatch(/only you can see/);
    expect(String(call.args.text)).toContain('United Kingdom');
    expect(JSON.stringify(call.args.blocks)).toContain('restricted_action');
    expect(logged('error')).toEqual([]);
    const warnings = logged('warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('restricted_action');
    expect(lines.join('\n')).not.toContain('    at ');
  });

  it('answers a question asked in a thread there in that thread', async () => {
    const channel = 'C0ANNOUNCE2';
    fake.setChannel(channel, { refuses: { 'chat.postMessage': 'restricted_action' } });
    const threadTs = '1700000000.000100';
    await sendEvent(bot.base, signingSecret, mentionEvent({ text: 'who is kallas', channel, threadTs }));
    await fake.waitFor(() => fake.callsTo('chat.postEphemeral').length === 1);
    expect(fake.callsTo('chat.postEphemeral')[0]?.args).toMatchObject({ channel, thread_ts: threadTs });
    await fake.waitFor(() => logged('warn').length === 1);
  });

  it('shows a direct message’s answer privately when Slack refuses the reply there', async () => {
    fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await sendEvent(bot.base, signingSecret, dmEvent({ text: 'who is kallas' }));
    await fake.waitFor(() => logged('warn').length === 1);
    const call = fake.callsTo('chat.postEphemeral')[0];
    expect(call?.args).toMatchObject({
      channel: dmChannelFor(fakeWorkspace.userId),
      user: fakeWorkspace.userId,
    });
    expect(String(call?.args.text)).toContain('Kallas');
  });

  it('logs one warning and stops when Slack refuses the private reply too', async () => {
    const channel = 'C0ARCHIVED';
    fake.setChannel(channel, { is_archived: true });
    await sendEvent(bot.base, signingSecret, mentionEvent({ text: 'who backs Rutte?', channel }));
    await fake.waitFor(() => logged('warn').length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.callsTo('chat.postEphemeral')[0]?.error).toBe('is_archived');
    expect(logged('error')).toEqual([]);
    expect(logged('warn')).toHaveLength(1);
    expect(logged('warn')[0]).toContain('is_archived');
    expect(lines.join('\n')).not.toContain('    at ');
  });
});

describe('a button the bot does not know', () => {
  it('is acknowledged and otherwise ignored: a suggestion without its number, or one from an older version', async () => {
    for (const actionId of [`${actionIds.suggestion}:`, 'answer_more_v1']) {
      const payload = blockActionsPayload({ actionId, value: 'x', responseUrl: fake.responseUrl(actionId) });
      expect((await sendAction(bot.base, signingSecret, payload)).status).toBe(200);
    }
    await fake.waitFor(() => logged('info').some((m) => m.includes('answer_more_v1')));
    expect(logged('error')).toEqual([]);
    expect(fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(fake.responses).toEqual([]);
  });
});

describe('a form the bot does not know', () => {
  it('is acknowledged and otherwise ignored', async () => {
    const form = viewSubmissionPayload({ callbackId: 'old_form_v1', privateMetadata: '', values: {} });
    expect((await sendAction(bot.base, signingSecret, form)).status).toBe(200);
    await fake.waitFor(() => logged('info').some((m) => m.includes('old_form_v1')));
    expect(logged('error')).toEqual([]);
    expect(fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });
});

describe('a feedback form whose data is not what the bot put there', () => {
  it('is acknowledged, logged in one line and otherwise ignored', async () => {
    const values = {
      [commentInput.block]: { [commentInput.action]: { type: 'plain_text_input', value: 'Wrong year' } },
    };
    for (const privateMetadata of ['{"k":', 'null']) {
      const form = viewSubmissionPayload({
        callbackId: callbackIds.feedbackComment,
        privateMetadata,
        values,
      });
      const res = await sendAction(bot.base, signingSecret, form);
      expect(res.status).toBe(200);
      expect(res.body).toBe('');
    }
    await fake.waitFor(() => logged('warn').length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(logged('error')).toEqual([]);
    expect(logged('warn')).toHaveLength(2);
    for (const warning of logged('warn')) expect(warning).toContain('private_metadata');
    expect(lines.join('\n')).not.toContain('    at ');
    const comments = await bot.world.db.selectFrom('feedback').select('comment').execute();
    expect(comments.filter((c) => c.comment !== null)).toEqual([]);
  });
});

describe('a Share button without a question it answers', () => {
  it('posts nothing in the channel, and tells the one who clicked there is nothing to share', async () => {
    // Empty, emoji only, and a question no answer of the bot's carries a Share button for.
    for (const value of ['', ':wave:', 'where is nato headquartered?']) {
      const id = `share-${value}`;
      const payload = blockActionsPayload({
        actionId: actionIds.share,
        value,
        responseUrl: fake.responseUrl(id),
      });
      expect((await sendAction(bot.base, signingSecret, payload)).status).toBe(200);
      await fake.waitFor(() => fake.responsesTo(id).length === 1);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.responses).toHaveLength(3);
    for (const { body } of fake.responses) {
      expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(body.text)).toMatch(/nothing to share/);
    }
    expect(fake.rejectedResponses).toEqual([]);
    expect(logged('error')).toEqual([]);
  });
});
