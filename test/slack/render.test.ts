import { describe, expect, it } from 'vitest';
import { buildDigest, chooseFactOfDay } from '../../src/core/digest.js';
import type { Result } from '../../src/core/result.js';
import { decodeFeedback } from '../../src/slack/feedback.js';
import { actionIds } from '../../src/slack/ids.js';
import { renderResult, type Surface } from '../../src/slack/render/answer.js';
import { renderDigest } from '../../src/slack/render/digest.js';
import { renderHome } from '../../src/slack/render/home.js';
import { escapeMrkdwn, escapeWithin, listWithin, truncate } from '../../src/slack/render/mrkdwn.js';
import { loadEvalSet } from '../eval/evaluate.js';
import { realEngine } from '../helpers/bot.js';
import { validateBlocks } from '../helpers/fake-slack.js';

const engine = realEngine();
const surfaces: Surface[] = ['ephemeral', 'public', 'shared'];

describe('escaping for mrkdwn', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@U123|bob> & <!here>', '&lt;@U123|bob&gt; &amp; &lt;!here&gt;'],
    ['&lt;', '&amp;lt;'],
    ['plain text', 'plain text'],
  ])('%s -> %s', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it('truncates without cutting an entity in half', () => {
    const out = escapeWithin(`${'a'.repeat(8)}<<<<`, 12);
    expect(out.length).toBeLessThanOrEqual(12);
    expect(out).not.toMatch(/&[a-z]*…$/);
    expect(out.endsWith('…')).toBe(true);
  });

  it('truncates without leaving half of an emoji or a mathematical letter', () => {
    const loneHalf = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const max of [10, 11]) {
      expect(escapeWithin(`a${'𝐀'.repeat(20)}`, max)).not.toMatch(loneHalf);
      expect(truncate(`a${'🎉'.repeat(20)}`, max)).not.toMatch(loneHalf);
    }
  });
});

describe('answers render to blocks Slack accepts', () => {
  const questions = [...loadEvalSet().dev, ...loadEvalSet().test].map((c) => c.q);
  const extremes = [
    '',
    '🎉🎉🎉',
    'x'.repeat(5000),
    '<!channel> '.repeat(300),
    'who-backs rutte',
    'timeline',
    'help',
    // Each quote takes two characters in a 👍/👎 button's value, which Slack caps at 2,000.
    `who backs rutte ${'"'.repeat(980)}`,
  ];

  it('for every evaluation question and odd input, on every surface', () => {
    const problems: string[] = [];
    for (const q of [...questions, ...extremes]) {
      const result = engine.ask(q);
      for (const surface of surfaces) {
        const m = renderResult(result, { surface, question: q, sharedBy: 'U0USER', feedback: 'thread' });
        const found = validateBlocks(m.blocks);
        if (found.length > 0)
          problems.push(`${surface} ${JSON.stringify(q.slice(0, 60))}: ${found.join('; ')}`);
        if (m.text.length === 0 || m.text.length > 4000)
          problems.push(`${surface} ${q}: text length ${m.text.length}`);
        if (
          /<!(channel|here|everyone)>/.test(m.text + JSON.stringify(m.blocks).replace(/"value":"[^"]*"/g, ''))
        ) {
          problems.push(`${surface} ${q}: unescaped special mention`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the question in a 👍/👎 value as long as the value fits', () => {
    const question = `who backs rutte ${'"'.repeat(980)}`;
    const result = engine.ask(question);
    expect(result.kind).toBe('answered');
    const m = renderResult(result, { surface: 'public', question, feedback: 'thread' });
    const up = JSON.stringify(m.blocks).includes(actionIds.feedbackUp);
    expect(up).toBe(true);
    const value = (m.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === actionIds.feedbackUp)?.value as string;
    expect(value.length).toBeLessThanOrEqual(2000);
    const ref = decodeFeedback(value);
    expect(ref?.f).toBe(result.kind === 'answered' ? result.id : '');
    expect(question.startsWith(ref?.q ?? '')).toBe(true);
    expect(ref?.q.length).toBeGreaterThan(900);
  });

  it('offers Share only on ephemeral answers, and says who shared', () => {
    const result = engine.ask('who-backs rutte');
    const actions = (s: Surface) =>
      JSON.stringify(
        renderResult(result, { surface: s, question: 'who-backs rutte', sharedBy: 'U0SHARER' }).blocks,
      );
    expect(actions('ephemeral')).toContain(actionIds.share);
    expect(actions('public')).not.toContain(actionIds.share);
    expect(actions('shared')).not.toContain(actionIds.share);
    expect(actions('shared')).toContain('Shared by <@U0SHARER>');
  });

  it('shows the editor’s note with the answer it belongs to', () => {
    const m = renderResult(engine.ask('who-is karins'), { surface: 'public' });
    expect(JSON.stringify(m.blocks)).toContain('Latvia');
    expect(m.text).toContain('Latvia');
  });

  it('gives suggestion buttons unique action ids', () => {
    const unknown: Result = {
      kind: 'unknown',
      text: 'no',
      confidence: 0,
      reason: 'off-topic',
      suggestions: [
        { label: 'A', query: 'a' },
        { label: 'B', query: 'b' },
        { label: 'C', query: 'c' },
      ],
    };
    const m = renderResult(unknown, { surface: 'public' });
    expect(validateBlocks(m.blocks)).toEqual([]);
    const ids = JSON.stringify(m.blocks).match(new RegExp(`${actionIds.suggestion}:\\d`, 'g'));
    expect(ids).toEqual([
      `${actionIds.suggestion}:0`,
      `${actionIds.suggestion}:1`,
      `${actionIds.suggestion}:2`,
    ]);
  });
});

describe('the App Home and the digest render to blocks Slack accepts', () => {
  it('home view, with and without subscriptions', () => {
    expect(validateBlocks(renderHome(engine).blocks, 'home')).toEqual([]);
    const many = Array.from({ length: 60 }, (_, i) => ({
      channelId: `C0${i}`,
      time: '09:00',
      zone: 'Europe/Amsterdam',
      paused: i % 2 ? 'not_in_channel' : null,
    }));
    expect(validateBlocks(renderHome(engine, many).blocks, 'home')).toEqual([]);
    // Real channel ids and long zone names: 40 such lines pass a section's 3,000 characters.
    const long = Array.from({ length: 60 }, (_, i) => ({
      channelId: `C0${String(i).padStart(9, '0')}`,
      time: '09:00',
      zone: 'America/Argentina/ComodRivadavia',
      paused: 'channel_not_found',
    }));
    const home = renderHome(engine, long);
    expect(validateBlocks(home.blocks, 'home')).toEqual([]);
    const listed = JSON.stringify(home.blocks);
    expect(listed).toContain('<#C0000000000>');
    expect(listed).toMatch(/…and \d+ more/);
  });

  it('digest for every fact of the day and with many new facts', () => {
    const facts = engine.knowledge.facts;
    for (const fact of facts) {
      const m = renderDigest(buildDigest(engine, { date: '2024-03-01', factOfDay: fact, newFacts: facts }));
      expect(validateBlocks(m.blocks), fact.id).toEqual([]);
      expect(m.text.length).toBeGreaterThan(0);
    }
    const first = chooseFactOfDay(facts, new Set());
    const m = renderDigest(buildDigest(engine, { date: '2024-03-01', factOfDay: first, newFacts: [] }));
    expect(JSON.stringify(m.blocks)).toContain('in 4 months'); // the July summit, seen from March
  });
});

describe('a list within a reply', () => {
  const items = Array.from({ length: 40 }, (_, i) => `fact-number-${i}`);

  it('shows what fits and counts the rest', () => {
    const text = listWithin(items, 200, ', ');
    expect(text.length).toBeLessThanOrEqual(200);
    const more = /…and (\d+) more$/.exec(text);
    const shown = text.replace(/, …and \d+ more$/, '').split(', ');
    expect(shown[0]).toBe('fact-number-0');
    expect(shown.length + Number(more?.[1])).toBe(40);
  });

  it('shows everything when it fits', () => {
    expect(listWithin(items.slice(0, 3), 200, ', ')).toBe('fact-number-0, fact-number-1, fact-number-2');
  });
});
