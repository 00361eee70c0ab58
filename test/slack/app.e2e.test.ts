import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actionIds } from '../../src/slack/ids.js';
import { type Bot, signingSecret, startBot } from '../helpers/bot.js';
import { dmChannelFor, type FakeSlack, fakeWorkspace } from '../helpers/fake-slack.js';
import {
  blockActionsPayload,
  commandReply,
  dmEvent,
  homeOpenedEvent,
  mentionEvent,
  sendAction,
  sendCommand,
  sendEvent,
  sendUrlVerification,
} from '../helpers/slack-requests.js';

let bot: Bot;
let fake: FakeSlack;
let base: string;

beforeAll(async () => {
  bot = await startBot();
  fake = bot.fake;
  base = bot.base;
});

afterAll(async () => {
  await bot.stop();
});

afterEach(() => {
  fake.reset();
});

type Json = Record<string, unknown>;
const blocksText = (blocks: unknown): string => JSON.stringify(blocks ?? []);
/** Button values are data sent back to the app, never rendered: only shown text matters. */
const shownText = (blocks: unknown): string => blocksText(blocks).replace(/"value":"(?:[^"\\]|\\.)*"/g, '');
const buttons = (blocks: unknown): Json[] =>
  ((blocks as Json[]) ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Json[]);

async function command(text: string, id: string): Promise<Json> {
  const res = await sendCommand(base, signingSecret, { text, response_url: fake.responseUrl(id) });
  expect(res.status).toBe(200);
  return commandReply(res, () => fake.responsesTo(id), fake.waitFor);
}

describe('/nato over HTTP', () => {
  it('answers who-backs rutte ephemerally with evidence, source date and a Share button', async () => {
    const body = await command('who-backs rutte', 'cmd1');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('United States');
    const blocks = blocksText(body.blocks);
    expect(blocks).toContain('His chances have strengthened');
    expect(blocks).toContain('as of late February 2024');
    const share = buttons(body.blocks).find((b) => b.action_id === actionIds.share);
    expect(share?.value).toBe('who-backs rutte');
  });

  it('shows usage for an empty command', async () => {
    const body = await command('', 'cmd-empty');
    expect(body.text).toContain('who-backs');
    expect(body.text).toContain('timeline');
  });

  it('declines a 5,000-character command with a clear message', async () => {
    const body = await command('who backs rutte '.repeat(313).slice(0, 5000), 'cmd-long');
    expect(body.text).toContain('5,000 characters');
    expect(fake.rejectedResponses).toEqual([]);
  });

  it('escapes <!channel> typed into a question, so nobody is pinged', async () => {
    const body = await command('<!channel> who is <!here> kallas <@U999>', 'cmd-esc');
    const all = `${String(body.text)}${shownText(body.blocks)}`;
    expect(all).not.toMatch(/<!channel>|<!here>|<@U999>/);
    expect(blocksText(body.blocks)).toContain('&lt;!channel&gt;');
  });

  it('echoes and shares a question with & and < as typed, escaped once', async () => {
    // Slack sends what a person typed as "&", "<" and ">" as entities.
    const body = await command('who backs rutte &amp; why &lt;3', 'cmd-amp');
    const blocks = blocksText(body.blocks);
    expect(blocks).toContain('You asked: who backs rutte &amp; why &lt;3');
    expect(blocks).not.toContain('&amp;amp;');
    const share = buttons(body.blocks).find((b) => b.action_id === actionIds.share);
    expect(share?.value).toBe('who backs rutte & why <3');
  });

  it('shares an answer in the channel, saying who shared it', async () => {
    const payload = blockActionsPayload({
      actionId: actionIds.share,
      value: 'who-backs rutte',
      responseUrl: fake.responseUrl('share1'),
    });
    const res = await sendAction(base, signingSecret, payload);
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.responsesTo('share1').length === 2);
    const [shared, removed] = fake.responsesTo('share1').map((r) => r.body);
    expect(shared?.response_type).toBe('in_channel');
    expect(blocksText(shared?.blocks)).toContain(`Shared by <@${fakeWorkspace.userId}>`);
    expect(buttons(shared?.blocks).some((b) => b.action_id === actionIds.share)).toBe(false);
    expect(removed).toEqual({ delete_original: true });
  });

  it('answers a suggestion button in place', async () => {
    const payload = blockActionsPayload({
      actionId: `${actionIds.suggestion}:1`,
      value: 'candidates',
      responseUrl: fake.responseUrl('sugg1'),
    });
    await sendAction(base, signingSecret, payload);
    await fake.waitFor(() => fake.responsesTo('sugg1').length === 1);
    const body = (fake.responsesTo('sugg1')[0] as { body: Json }).body;
    expect(body.replace_original).toBe(true);
    expect(body.text).toContain('Kaja Kallas');
  });

  it('answers a suggestion under a channel reply in that thread, and under a DM answer in the DM', async () => {
    const click = async (channelId: string, message: Json): Promise<Json> => {
      fake.reset();
      const payload = blockActionsPayload({
        actionId: `${actionIds.suggestion}:0`,
        value: 'candidates',
        channelId,
        messageTs: String(message.ts),
        message,
        responseUrl: fake.responseUrl(`sugg-${channelId}`),
      });
      expect((await sendAction(base, signingSecret, payload)).status).toBe(200);
      await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
      return (fake.callsTo('chat.postMessage')[0] as { args: Json }).args;
    };
    const reply = { type: 'message', ts: '1700000000.000300', thread_ts: '1700000000.000100', text: 'x' };
    const inChannel = await click(fakeWorkspace.channelId, reply);
    expect(inChannel.thread_ts).toBe('1700000000.000100');
    const dm = dmChannelFor(fakeWorkspace.userId);
    const inDm = await click(dm, { type: 'message', ts: '1700000000.000500', text: 'x' });
    expect(inDm.channel).toBe(dm);
    expect(inDm.thread_ts).toBeUndefined();
    expect(String(inDm.text)).toContain('Kaja Kallas');
  });

  it('offers suggestion buttons for a question it cannot answer', async () => {
    const body = await command('where is nato headquartered?', 'cmd-unknown');
    expect(body.text).toMatch(/don’t know/);
    expect(buttons(body.blocks).length).toBeGreaterThan(0);
    expect(buttons(body.blocks).every((b) => String(b.action_id).startsWith(actionIds.suggestion))).toBe(
      true,
    );
  });
});

describe('events over HTTP', () => {
  it('answers a mention in a thread on the message, with the mention stripped', async () => {
    const event = mentionEvent({ text: 'who backs Rutte?' });
    const res = await sendEvent(base, signingSecret, event);
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
    const args = (fake.callsTo('chat.postMessage')[0] as { args: Json }).args;
    expect(args.channel).toBe(fakeWorkspace.channelId);
    expect(args.thread_ts).toBe(event.ts);
    expect(args.text).toContain('United Kingdom');
  });

  it('answers a mention inside a thread in that thread', async () => {
    const event = mentionEvent({ text: 'who is kallas', threadTs: '1700000000.000100' });
    await sendEvent(base, signingSecret, event);
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
    expect((fake.callsTo('chat.postMessage')[0] as { args: Json }).args.thread_ts).toBe('1700000000.000100');
  });

  it('answers a direct message, and ignores bot messages and edits', async () => {
    await sendEvent(base, signingSecret, dmEvent({ text: 'my own reply', botId: fakeWorkspace.botId }));
    await sendEvent(base, signingSecret, dmEvent({ text: 'edited', subtype: 'message_changed' }));
    await sendEvent(base, signingSecret, dmEvent({ text: 'who backs rutte' }));
    // A screenshot attached to the question.
    await sendEvent(base, signingSecret, dmEvent({ text: 'who is kallas?', subtype: 'file_share' }));
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length >= 2);
    await new Promise((r) => setTimeout(r, 100));
    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => String(p.args.text)).join('\n')).toContain('Kallas');
    expect(posts[0]?.args.channel).toBe(dmChannelFor(fakeWorkspace.userId));
    expect(posts[0]?.args.thread_ts).toBeUndefined();
  });

  it('replies once to an event delivered twice, and answers a retry whose first delivery was lost', async () => {
    const event = mentionEvent({ text: 'timeline' });
    await sendEvent(base, signingSecret, event, { eventId: 'EvTWICE' });
    await sendEvent(base, signingSecret, event, { eventId: 'EvTWICE', retryNum: 1 });
    const lost = mentionEvent({ text: 'candidates' });
    await sendEvent(base, signingSecret, lost, { eventId: 'EvLOST', retryNum: 1, retryReason: 'http_error' });
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length >= 2);
    await new Promise((r) => setTimeout(r, 150));
    const threads = fake.callsTo('chat.postMessage').map((c) => c.args.thread_ts);
    expect(threads.sort()).toEqual([event.ts, lost.ts].sort());
  });

  it('replies once to a message that arrives as both app_mention and message.im', async () => {
    const dm = dmEvent({ text: `<@${fakeWorkspace.botUserId}> who is iohannis` });
    const mention = {
      ...mentionEvent({ text: dm.text as string, ts: dm.ts as string }),
      channel: dm.channel,
    };
    await sendEvent(base, signingSecret, dm);
    await sendEvent(base, signingSecret, mention);
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length >= 1);
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('escapes <!channel> in a mention reply', async () => {
    await sendEvent(base, signingSecret, mentionEvent({ text: '&lt;!channel&gt; who is kallas?' }));
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
    const args = (fake.callsTo('chat.postMessage')[0] as { args: Json }).args;
    expect(`${String(args.text)}${shownText(args.blocks)}`).not.toContain('<!channel>');
    expect(String(args.text)).toContain('Kallas');
  });

  it('answers a mention and a DM holding a long unbroken word, such as a pasted hash', async () => {
    const text = `who backs rutte? ${'a1b2'.repeat(100)}`;
    await sendEvent(base, signingSecret, mentionEvent({ text }));
    await sendEvent(base, signingSecret, dmEvent({ text: 'x'.repeat(1001) }));
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 2);
    const texts = fake.callsTo('chat.postMessage').map((c) => String(c.args.text));
    expect(texts.some((t) => t.includes('United Kingdom'))).toBe(true);
    expect(texts.some((t) => t.includes('1,001 characters'))).toBe(true);
  });

  it('points digest and curator commands typed as a message to the slash command, and runs none', async () => {
    const asked = [
      dmEvent({ text: 'digest on 9:00   Europe/Kyiv', user: 'U0TYPED1' }),
      mentionEvent({ text: 'digest off' }),
      dmEvent({ text: 'report', user: 'U0TYPED2' }),
      mentionEvent({ text: `<@${fakeWorkspace.botUserId}> reload` }),
      // What a person typed as "<!channel>" arrives escaped, and goes back escaped.
      dmEvent({ text: 'digest on &lt;!channel&gt;', user: 'U0TYPED3' }),
    ];
    for (const event of asked) await sendEvent(base, signingSecret, event);
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === asked.length);
    const replyTo = (event: Json): string => {
      const post = fake
        .callsTo('chat.postMessage')
        .find((c) => c.args.channel === event.channel && (c.args.thread_ts ?? event.ts) === event.ts);
      expect(post?.error).toBeUndefined();
      return `${String(post?.args.text)}\n${blocksText(post?.args.blocks)}`;
    };
    const [digestOn, digestOff, report, reload, escaped] = asked.map(replyTo) as string[];
    expect(digestOn).toContain(
      'Digest settings are made with the slash command, in the channel that should get it: `/nato digest on 9:00 Europe/Kyiv`',
    );
    expect(digestOff).toContain('`/nato digest off`');
    expect(report).toContain('slash command');
    expect(report).toContain('`/nato report`');
    expect(reload).toContain('`/nato reload`');
    expect(escaped).toContain('&lt;!channel&gt;');
    expect(escaped).not.toContain('<!channel>');
    for (const reply of [digestOn, digestOff, report, reload]) {
      expect(reply).not.toMatch(/don’t know|Reuters/);
    }
    expect(await bot.world.store.listForTeam(fakeWorkspace.teamId)).toEqual([]);
  });

  it('answers an emoji-only mention without crashing', async () => {
    await sendEvent(base, signingSecret, mentionEvent({ text: ':wave: :tada: 🎉' }));
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
    expect((fake.callsTo('chat.postMessage')[0] as { args: Json }).args.text).toMatch(
      /didn’t find a question/,
    );
  });

  it('publishes the App Home with the race overview', async () => {
    await sendEvent(base, signingSecret, homeOpenedEvent({}));
    await fake.waitFor(() => fake.callsTo('views.publish').length === 1);
    const call = fake.callsTo('views.publish')[0] as { args: Json; error?: string };
    expect(call.error).toBeUndefined();
    expect(call.args.user_id).toBe(fakeWorkspace.userId);
    const view = blocksText(call.args.view);
    expect(view).toContain('Mark Rutte');
    expect(view).toContain('Key dates');
    expect(view).toContain('late February 2024');
  });
});

describe('follow-ups over HTTP', () => {
  const posts = (): Json[] => fake.callsTo('chat.postMessage').map((c) => c.args as Json);

  it('reads a direct message with the question its sender asked before, and no one else’s', async () => {
    const user = 'U0FOLLOWA';
    await sendEvent(base, signingSecret, dmEvent({ text: 'does the us back rutte?', user }));
    await fake.waitFor(() => posts().length === 1);
    await sendEvent(base, signingSecret, dmEvent({ text: 'who said that?', user }));
    await fake.waitFor(() => posts().length === 2);
    const followUp = posts()[1] as Json;
    expect(followUp.channel).toBe(dmChannelFor(user));
    expect(blocksText(followUp.blocks)).toContain(
      'Read with your previous question: “does the us back rutte — who said that”',
    );
    // The one who voiced the United States' backing: Kirby, by what he confirmed, not the backing.
    expect(followUp.text).toContain('John Kirby, the National Security Council spokesperson, confirmed');
    expect(followUp.text).not.toContain('Yes.');
    // The same words from someone else, in a channel, have nothing before them to lean on.
    await sendEvent(base, signingSecret, mentionEvent({ text: 'who said that?', user: 'U0FOLLOWB' }));
    await fake.waitFor(() => posts().length === 3);
    expect(blocksText((posts()[2] as Json).blocks)).not.toContain('Read with your previous question');
    expect((posts()[2] as Json).text).not.toBe(followUp.text);
  });

  /** `/nato` as one person, in the default channel: follow-ups lean on what they asked before. */
  const commandAs =
    (user: string) =>
    async (text: string, id: string): Promise<Json> => {
      const res = await sendCommand(base, signingSecret, {
        text,
        user_id: user,
        response_url: fake.responseUrl(id),
      });
      expect(res.status).toBe(200);
      return commandReply(res, () => fake.responsesTo(id), fake.waitFor);
    };

  it('reads a /nato follow-up with the previous /nato question, and shares the question it was read as', async () => {
    const user = 'U0FOLLOWC';
    const ask = commandAs(user);
    await ask('does spain back rutte?', 'follow1');
    const belgium = await ask('and belgium?', 'follow2');
    expect(belgium.text).toMatch(/doesn’t say whether Belgium/);
    expect(blocksText(belgium.blocks)).toContain(
      'Read with your previous question: “does Belgium back rutte”',
    );
    const share = buttons(belgium.blocks).find((b) => b.action_id === actionIds.share);
    expect(share?.value).toBe('does Belgium back rutte');
    // In another channel there is no conversation to read it with.
    const res = await sendCommand(base, signingSecret, {
      text: 'who said that?',
      user_id: user,
      channel_id: 'C0OTHER01',
      response_url: fake.responseUrl('follow3'),
    });
    const alone = await commandReply(res, () => fake.responsesTo('follow3'), fake.waitFor);
    expect(blocksText(alone.blocks)).not.toContain('Read with your previous question');
    // In the same channel, it is read with the question before it.
    const said = await ask('who said that?', 'follow4');
    expect(blocksText(said.blocks)).toContain(
      'Read with your previous question: “does belgium back rutte — who said that”',
    );
  });

  it('declines a /nato follow-up the previous question rules out, as a direct message does', async () => {
    const ask = commandAs('U0FOLLOWD');
    await ask('who is kallas?', 'rule1');
    const her = await ask('does germany back her?', 'rule2');
    expect(her.text).toContain('I don’t know: the article doesn’t say that about Kaja Kallas.');
    await ask('who backs rutte?', 'rule3');
    expect((await ask('and kallas?', 'rule4')).text).toContain(
      'the article names no backers for Kaja Kallas',
    );
  });

  it('reads a follow-up with the suggestion its asker clicked before it', async () => {
    const user = 'U0FOLLOWE';
    const payload = blockActionsPayload({
      actionId: `${actionIds.suggestion}:0`,
      value: 'who-is karins',
      userId: user,
      responseUrl: fake.responseUrl('click1'),
    });
    expect((await sendAction(base, signingSecret, payload)).status).toBe(200);
    await fake.waitFor(() => fake.responsesTo('click1').length === 1);
    const running = await commandAs(user)('is he running?', 'click2');
    expect(running.text).toContain('Karins');
    expect(blocksText(running.blocks)).toContain('Read with your previous question');
  });
});

describe('request verification', () => {
  it('answers url_verification with its challenge', async () => {
    const res = await sendUrlVerification(base, signingSecret, 'challenge-123');
    expect(res.status).toBe(200);
    expect(res.body).toContain('challenge-123');
  });

  it('rejects a bad signature with 401 and does nothing', async () => {
    const res = await sendEvent(base, signingSecret, mentionEvent({ text: 'who backs rutte' }), {
      signature: `v0=${'0'.repeat(64)}`,
    });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('rejects a request signed more than five minutes ago', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await sendCommand(
      base,
      signingSecret,
      { text: 'who-backs rutte', response_url: fake.responseUrl('stale') },
      { timestamp: stale },
    );
    expect(res.status).toBe(401);
  });

  it('serves GET /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
  });
});

describe('start-up', () => {
  const main = resolve(import.meta.dirname, '../../src/main.ts');
  const tsx = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
  const run = (env: Record<string, string>) =>
    spawnSync(tsx, [main], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      encoding: 'utf8',
      input: '',
      timeout: 20_000,
      cwd: resolve(import.meta.dirname, '..', '..', 'test'),
    });

  it('exits 1 naming SLACK_BOT_TOKEN when it is missing', () => {
    const r = run({ SLACK_SIGNING_SECRET: signingSecret });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN');
    expect(r.stderr).not.toContain('    at ');
  });

  it('exits 1 with a clear message on a malformed token, without echoing it', () => {
    const r = run({ SLACK_BOT_TOKEN: 'xoxp-secret-value-123', SLACK_SIGNING_SECRET: signingSecret });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN must be a token that starts with "xoxb-"');
    expect(r.stderr).not.toContain('secret-value');
  });

  it('refuses to start on an invalid knowledge folder, naming file and line', () => {
    const r = run({ KNOWLEDGE_DIR: resolve(import.meta.dirname, '../fixtures/bad-knowledge') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/facts\.yml:\d+/);
  });
});
