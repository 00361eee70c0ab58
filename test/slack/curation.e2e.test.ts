import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultKnowledgeDir } from '../../src/knowledge/load.js';
import { actionIds, callbackIds } from '../../src/slack/ids.js';
import { commentInput } from '../../src/slack/render/feedback.js';
import { type Bot, reloadPatienceMs, signingSecret, startBot, testClock } from '../helpers/bot.js';
import { fakeWorkspace } from '../helpers/fake-slack.js';
import {
  blockActionsPayload,
  commandReply,
  sendAction,
  sendCommand,
  viewSubmissionPayload,
} from '../helpers/slack-requests.js';

type Json = Record<string, unknown>;
const curator = 'U0CURATOR';
let bot: Bot;
let knowledgeDir: string;
let n = 0;
const clock = testClock('2026-06-01T10:00:00Z');

beforeAll(async () => {
  knowledgeDir = join(mkdtempSync(join(tmpdir(), 'nato-knowledge-')), 'knowledge');
  cpSync(defaultKnowledgeDir, knowledgeDir, { recursive: true });
  bot = await startBot({ clock, curators: [curator], knowledgeDir });
});
afterAll(async () => {
  await bot.stop();
});
beforeEach(() => {
  bot.fake.reset();
});

async function command(text: string, user: string = fakeWorkspace.userId): Promise<Json> {
  const id = `cur-${++n}`;
  const res = await sendCommand(bot.base, signingSecret, {
    text,
    user_id: user,
    response_url: bot.fake.responseUrl(id),
  });
  expect(res.status).toBe(200);
  // A reload replies once the new model has learned; every other reply takes milliseconds.
  const patience = text === 'reload' ? reloadPatienceMs : undefined;
  const reply = await commandReply(
    res,
    () => bot.fake.responsesTo(id),
    (ready) => bot.fake.waitFor(ready, patience),
  );
  expect(bot.fake.rejectedResponses).toEqual([]);
  return reply;
}

function button(body: Json, actionId: string): Json {
  const found = ((body.blocks as Json[]) ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Json[])
    .find((e) => e.action_id === actionId);
  expect(found, `button ${actionId}`).toBeDefined();
  return found as Json;
}

/** Clicks a button on one answer message (the same message_ts, as Slack sends for one message). */
async function click(actionId: string, value: string, messageTs = '1700000000.000900'): Promise<string> {
  const id = `click-${++n}`;
  const payload = blockActionsPayload({ actionId, value, messageTs, responseUrl: bot.fake.responseUrl(id) });
  const res = await sendAction(bot.base, signingSecret, payload);
  expect(res.status).toBe(200);
  return id;
}

async function votes(): Promise<Json[]> {
  return (await bot.world.db.selectFrom('feedback').selectAll().execute()) as unknown as Json[];
}

describe('feedback on answers', () => {
  it('puts 👍 and 👎 on answers on every surface', async () => {
    const body = await command('who-backs rutte');
    expect(button(body, actionIds.feedbackUp).text).toEqual({ type: 'plain_text', text: '👍' });
    button(body, actionIds.feedbackDown);
  });

  it('stores a vote, and a changed vote replaces it', async () => {
    const body = await command('who is kallas');
    const value = String(button(body, actionIds.feedbackUp).value);
    const up = await click(actionIds.feedbackUp, value);
    await bot.fake.waitFor(() => bot.fake.responsesTo(up).length === 1);
    expect(bot.fake.responsesTo(up)[0]?.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
    });
    expect(await votes()).toMatchObject([{ fact_id: 'kallas-profile', question: 'who is kallas', vote: 1 }]);

    await click(actionIds.feedbackDown, value);
    await bot.fake.waitFor(() => bot.fake.callsTo('views.open').length === 1);
    const all = await votes();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ vote: -1, surface: 'ephemeral', team_id: fakeWorkspace.teamId });
  });

  it('takes what was wrong from the 👎 form and stores it with the vote', async () => {
    const body = await command('when is the summit');
    await click(
      actionIds.feedbackDown,
      String(button(body, actionIds.feedbackDown).value),
      '1700000000.000950',
    );
    await bot.fake.waitFor(() => bot.fake.callsTo('views.open').length === 1);
    const opened = bot.fake.callsTo('views.open')[0];
    expect(opened?.error).toBeUndefined();
    const view = opened?.args.view as Json;
    const submission = viewSubmissionPayload({
      callbackId: callbackIds.feedbackComment,
      privateMetadata: view.private_metadata,
      blocks: view.blocks,
      values: {
        [commentInput.block]: {
          [commentInput.action]: { type: 'plain_text_input', value: 'It should give the exact dates' },
        },
      },
    });
    const res = await sendAction(bot.base, signingSecret, submission);
    expect(res.status).toBe(200);
    await bot.fake.waitFor(() => false, 300).catch(() => undefined);
    const stored = (await votes()).find((v) => v.fact_id === 'leaders-summit');
    expect(stored).toMatchObject({ vote: -1, comment: 'It should give the exact dates' });
  });
});

describe('the curators’ report', () => {
  it('logs an unanswered question once and counts it twice, and shows it to a curator', async () => {
    await command('Where is NATO headquartered?');
    await command('where is nato headquartered');
    const rows = await bot.world.db.selectFrom('question_log').selectAll().execute();
    expect(rows.filter((r) => r.normalized === 'where is nato headquartered')).toMatchObject([{ count: 2 }]);

    const report = JSON.stringify(await command('report', curator));
    expect(report).toContain('Last 7 days');
    expect(report).toContain('Last 30 days');
    expect(report).toContain('2× where is nato headquartered');
    expect(report).toMatch(/answer rate \*\d+\.\d%\*/);
    expect(report).toContain('It should give the exact dates');
  });

  it('counts a question asked again word for word, whose answer comes from the cache', async () => {
    const asked = async (): Promise<{ asked: number; answered: number }> => {
      await bot.curation.flush();
      const rows = await bot.world.db.selectFrom('question_stats').selectAll().execute();
      return {
        asked: rows.reduce((s, r) => s + Number(r.asked), 0),
        answered: rows.reduce((s, r) => s + Number(r.answered), 0),
      };
    };
    const before = await asked();
    const answers = [await command('who-backs kallas'), await command('who-backs kallas')];
    expect(answers[1]).toEqual(answers[0]);
    const declined = [
      await command('what colour is the nato flag?'),
      await command('what colour is the nato flag?'),
    ];
    expect(declined[1]?.text).toMatch(/don’t know/);
    expect(await asked()).toEqual({ asked: before.asked + 4, answered: before.answered + 2 });
    const rows = await bot.world.db.selectFrom('question_log').selectAll().execute();
    expect(rows.filter((r) => r.normalized === 'what colour is the nato flag')).toMatchObject([{ count: 2 }]);
  });

  it('lets a workspace admin see the report', async () => {
    bot.fake.setUser('U0ADMIN', { is_admin: true });
    expect(JSON.stringify(await command('report', 'U0ADMIN'))).toContain('answer rate');
  });

  it('politely refuses anyone else', async () => {
    const body = await command('report');
    expect(body.text).toMatch(/Sorry, `\/nato report` is for the people who curate/);
    expect(JSON.stringify(body)).not.toContain('answer rate');
  });
});

describe('knowledge reload', { timeout: 2 * reloadPatienceMs }, () => {
  const file = () => join(knowledgeDir, 'nato-race.yml');

  it('goes live without a restart, and new facts show up as new in the next digest', async () => {
    const before = await command('who is the deputy chair of the alliance committee');
    expect(before.text).toMatch(/don’t know/);
    const added = `
  - id: test-added-fact
    kind: context
    subjects: [rutte]
    answer: The deputy chair of the alliance committee is named in the article’s first sentence.
    questions: [who is the deputy chair of the alliance committee]
    keywords: [deputy chair, committee]
    evidence:
      - quote: 'Dutch Prime Minister Mark Rutte, aged 57'
`;
    writeFileSync(file(), `${readFileSync(file(), 'utf8')}${added}`);
    clock.set('2026-06-01T11:00:00Z');
    const reply = await command('reload', curator);
    expect(reply.text).toMatch(/Knowledge reloaded: \d+ facts\. New: test-added-fact\./);
    const after = await command('who is the deputy chair of the alliance committee');
    expect(after.text).toContain('deputy chair of the alliance committee is named');
    expect(await bot.world.store.factsSeenAfter('2026-06-01T10:30:00.000Z')).toEqual(
      new Set(['test-added-fact']),
    );
  });

  it('keeps answering from the old knowledge when the new files are invalid, and says what is wrong', async () => {
    const good = readFileSync(file(), 'utf8');
    writeFileSync(
      file(),
      good.replace("quote: 'Dutch Prime Minister Mark Rutte, aged 57'", "quote: 'Mark Rutte, aged 58'"),
    );
    const reply = JSON.stringify(await command('reload', curator));
    expect(reply).toContain('kept answering from the knowledge I had');
    expect(reply).toMatch(/nato-race\.yml:\d+ facts\[\d+\]\.evidence\[0\]\.quote/);
    const still = await command('who is the deputy chair of the alliance committee');
    expect(still.text).toContain('deputy chair of the alliance committee is named');
    writeFileSync(file(), good);
  });

  it('lists as many problems as a Slack reply holds when an edited article breaks many quotes', async () => {
    const article = join(knowledgeDir, 'sources', 'nato-secretary-general-race.txt');
    const good = readFileSync(article, 'utf8');
    writeFileSync(article, good.replaceAll(' the ', ' teh '));
    try {
      const body = await command('reload', curator);
      const text = String(body.text);
      expect(text).toContain('kept answering from the knowledge I had');
      expect(text).toMatch(/evidence\[\d+\]\.quote/);
      const more = /…and (\d+) more$/.exec(text);
      expect(more, 'the rest are counted').not.toBeNull();
      const listed = text.split('\n').filter((l) => l.startsWith('• ')).length;
      expect(listed).toBeGreaterThan(3);
      expect(listed + Number(more?.[1])).toBeGreaterThan(20);
      expect(text.length).toBeLessThanOrEqual(3000);
    } finally {
      writeFileSync(article, good);
    }
  });

  it('is refused to non-curators', async () => {
    expect((await command('reload')).text).toMatch(/Sorry, `\/nato reload`/);
  });
});
