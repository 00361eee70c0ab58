import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadEvalSet, score } from './evaluate.js';

/**
 * Floors a little under the figures `npm run eval` measures, so a regression in matching or
 * abstention fails CI. Raise them when the figures improve; never lower them to make a change pass.
 */
const floors = {
  // Measured: 89.0% / 96.0% on 4,023 questions. The first 2,196 (the eleven earlier sets) give
  // 96.4% / 97.3%; the bank of 1,827 written to stretch the matcher gives 80.4% / 92.7%.
  dev: { accuracy: 0.88, abstention: 0.95 },
  // The twelfth to fifteenth held-out sets, 800 questions: 90.8% / 91.6%.
  test: { accuracy: 0.9, abstention: 0.91 },
} as const;

const engine = createEngine(loadKnowledge().knowledge);
const set = loadEvalSet();

describe('answer quality on the evaluation questions', () => {
  for (const half of ['dev', 'test'] as const) {
    it(`${half} half: in-scope accuracy and abstention stay above their floors`, () => {
      const s = score(set[half], (q) => engine.ask(q));
      expect(s.accuracy, `${half} in-scope accuracy`).toBeGreaterThanOrEqual(floors[half].accuracy);
      expect(s.abstention, `${half} abstention`).toBeGreaterThanOrEqual(floors[half].abstention);
    });
  }

  it('has the size and mix the evaluation needs', () => {
    const all = [...set.dev, ...set.test];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.filter((c) => c.expect === 'unknown').length).toBeGreaterThanOrEqual(40);
    const ids = new Set([...engine.knowledge.facts.map((f) => f.id), 'timeline', 'about', 'help', 'unknown']);
    expect(all.filter((c) => !ids.has(c.expect)).map((c) => c.expect)).toEqual([]);
  });
});
