import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import { metaFacts } from '../../src/core/meta.js';
import type { Result } from '../../src/core/result.js';
import { warmUpQuestions } from '../../src/core/warm-up.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { warmUp } from '../../src/knowledge/warm-up.js';
import { loadEvalSet } from '../eval/evaluate.js';

const { knowledge } = loadKnowledge();
const questions = [...warmUpQuestions(knowledge)];

describe('warm-up questions', () => {
  it('ask every example question of every fact and of the built-in answers', () => {
    const asked = new Set(questions);
    for (const fact of [...metaFacts, ...knowledge.facts]) {
      for (const q of fact.questions) expect(asked, `${fact.id}: ${q}`).toContain(q);
    }
  });

  it('come in the shapes users send, so every path of the engine is compiled', () => {
    const has = (re: RegExp): boolean => questions.some((q) => re.test(q));
    expect(has(/^<@U\w+> [A-Z ]+/)).toBe(true); // a mention, in capitals
    expect(has(/^> .*:thinking_face: <https:\/\/example\.com\|link>/)).toBe(true); // quote, emoji, link
    expect(has(/^who-is \w/)).toBe(true);
    expect(has(/^who-backs \w/)).toBe(true);
    expect(has(/ in Qorvania$/)).toBe(true); // a name the knowledge does not know
    expect(questions.some((q) => q.split(' ').length > 25)).toBe(true); // a long message
    // A doubled letter in the longest word.
    expect(questions).toContain('which couuntries support rutte');
    expect(questions.filter((q) => q.trim() === '')).toHaveLength(1);
    expect(questions).toContain('ok, thanks a lot!');
    expect(has(/: is he one of the names in the mix, and /)).toBe(true); // "he" in a long message
  });

  it('give every fact a turn before any fact gets its second example, so a short budget covers them all', () => {
    const facts = [...metaFacts, ...knowledge.facts];
    // Eight fixed questions, then at most nine shapes of each fact's first example.
    const firstRound = questions.slice(0, 8 + 9 * facts.length);
    for (const f of facts) expect(firstRound, f.id).toContain(f.questions[0]);
    expect(firstRound).not.toContain(knowledge.facts[0]?.questions[1]);
  });
});

describe('warmUp', () => {
  it('asks the warm-up questions twice over when the budget allows', async () => {
    const engine = createEngine(knowledge);
    let asked = 0;
    const counting = {
      ...engine,
      ask: (q: string): Result => {
        asked++;
        return engine.ask(q);
      },
    };
    const result = await warmUp(counting, 1e9);
    expect(result.questions).toBe(2 * questions.length);
    expect(asked).toBe(2 * questions.length);
  });

  it('stops when the budget is spent', async () => {
    let clock = 0;
    const engine = createEngine(knowledge);
    // Each reading of the clock moves it on by 1 ms.
    const result = await warmUp(engine, 50, () => clock++);
    expect(result.questions).toBeGreaterThan(0);
    expect(result.questions).toBeLessThanOrEqual(50);
    expect(result.ms).toBeGreaterThanOrEqual(50);
  });

  it('gives other work its turn while it runs, so a reload does not hold up answers', async () => {
    let clock = 0;
    let done = false;
    let doneWhenOtherWorkRan: boolean | undefined;
    setImmediate(() => {
      doneWhenOtherWorkRan = done;
    });
    await warmUp(createEngine(knowledge), 100, () => clock++).then(() => {
      done = true;
    });
    expect(doneWhenOtherWorkRan).toBe(false);
  });

  it('changes no answer', async () => {
    const cold = createEngine(knowledge);
    const warm = createEngine(knowledge);
    await warmUp(warm, 1e9);
    const { dev } = loadEvalSet();
    for (const { q } of dev.slice(0, 300)) expect(warm.ask(q), q).toEqual(cold.ask(q));
  });
});
