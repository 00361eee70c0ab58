import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import type { Result } from '../../src/core/result.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadTestSet, newlyWorded, score, scoreInTurn, scoreLabelledHeldOut } from './evaluate.js';

/**
 * Floors a little under the figures `npm run eval` measures, so a regression in matching or
 * abstention fails CI. Raise them when the figures improve; never lower them to make a change pass.
 */
const floors = {
  // The abstention floors for the held-out sets were lowered a round ago, knowingly, because the
  // held-out sets grew, not because the engine changed: the two sets added then (README, "Figures")
  // were written from prompts that ask for a quarter of unanswerable questions and for strict
  // labels, and the colleagues' set scored 79.2% abstention when measured. This round's floors are
  // above what the engine without leaving features out while learning scored (dev 92.7% / 92.3% /
  // 94.9%; test 96.9% / 96.1% / 97.8%), so that going back fails.
  // The labelled questions, dealt by set into five parts, each scored by an engine that did not
  // learn from it: 93.0% / 92.4% / 95.1% on 22,494 questions.
  dev: { accuracy: 0.928, abstention: 0.922, reach: 0.949 },
  // The held-out sets, 7,400 questions: 97.2% / 96.3% / 97.9%. The first 5,400 score higher; the
  // sets of colleagues asking in quick succession, added since, are the hardest.
  test: { accuracy: 0.97, abstention: 0.96, reach: 0.977 },
  // The same, each asked after the one before it, as follow-ups are read in a conversation:
  // 97.5% / 96.0% / 98.1%.
  inTurn: { accuracy: 0.973, abstention: 0.958, reach: 0.978 },
  // Those of them worded unlike any labelled question, 5,416: 96.3% / 95.1% / 97.2%.
  newlyWorded: { accuracy: 0.961, abstention: 0.949, reach: 0.97 },
} as const;

const knowledge = loadKnowledge().knowledge;
const engine = createEngine(knowledge);
const test = loadTestSet();
const dev = knowledge.labelled.flatMap((s) => s.questions);

describe('answer quality on the evaluation questions', () => {
  const halves = {
    dev: () => scoreLabelledHeldOut(knowledge),
    test: () => score(test, (q) => engine.ask(q)),
    inTurn: () => scoreInTurn(test, engine),
    newlyWorded: () => score(newlyWorded(test, dev), (q) => engine.ask(q)),
  };
  for (const half of ['dev', 'test', 'inTurn', 'newlyWorded'] as const) {
    it(`${half} half: in-scope accuracy, abstention and right-or-one-click-away stay above their floors`, () => {
      const s = halves[half]();
      expect(s.accuracy, `${half} in-scope accuracy`).toBeGreaterThanOrEqual(floors[half].accuracy);
      expect(s.abstention, `${half} abstention`).toBeGreaterThanOrEqual(floors[half].abstention);
      expect(s.reach, `${half} right or one click away`).toBeGreaterThanOrEqual(floors[half].reach);
    }, 120_000);
  }

  it('has the size and mix the evaluation needs', () => {
    const all = [...dev, ...test];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.filter((c) => c.expect === 'unknown').length).toBeGreaterThanOrEqual(40);
    const ids = new Set([...engine.knowledge.facts.map((f) => f.id), 'timeline', 'about', 'help', 'unknown']);
    expect(all.filter((c) => !ids.has(c.expect)).map((c) => c.expect)).toEqual([]);
  });

  it('counts a declined question as one click away only when a suggestion asks the right thing', () => {
    const declined = (query: string): Result => ({
      kind: 'unknown',
      text: 'I don’t know',
      confidence: 0,
      reason: 'off-topic',
      suggestions: [{ label: query, query }],
    });
    const answered = (id: string): Result => ({
      kind: 'answered',
      id,
      factIds: [id],
      text: id,
      confidence: 1,
      evidence: [],
      notes: [],
      sources: [],
      suggestions: [],
    });
    const ask = (q: string): Result =>
      q === 'near'
        ? declined('right one')
        : q === 'far'
          ? declined('wrong one')
          : answered(q.replace(' one', ''));
    const s = score(
      [
        { q: 'near', expect: 'right' },
        { q: 'far', expect: 'right' },
        { q: 'right', expect: 'right' },
      ],
      ask,
    );
    expect([s.inScopeCorrect, s.offered]).toEqual([1, 1]);
    expect(s.accuracy).toBeCloseTo(1 / 3);
    expect(s.reach).toBeCloseTo(2 / 3);
  });
});
