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
  // The labelled questions, dealt by set into five parts, each scored by an engine that did not
  // learn from it: 91.7% / 92.6% / 95.0% on 19,176 questions.
  dev: { accuracy: 0.91, abstention: 0.92, reach: 0.945 },
  // The held-out sets, 5,000 questions: 96.4% / 97.0% / 97.7%. (The first 3,400 of them, on which
  // the floors were 0.965 / 0.975 / 0.975, score 97.9% / 97.3% / 98.5%; the sets added since, four
  // of colleagues asking in quick succession, are the hardest.)
  test: { accuracy: 0.96, abstention: 0.965, reach: 0.972 },
  // The same, each asked after the one before it, as follow-ups are read in a conversation:
  // 96.6% / 97.0% / 97.7%.
  inTurn: { accuracy: 0.96, abstention: 0.965, reach: 0.972 },
  // Those of them worded unlike any labelled question, 3,615: 95.1% / 96.0% / 96.8%.
  newlyWorded: { accuracy: 0.945, abstention: 0.955, reach: 0.963 },
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
