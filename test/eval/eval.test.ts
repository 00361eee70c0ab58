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
  // This round's floors are above what the engine scored before the voters' weights were
  // averaged and five voters learned (2026-11-30; dev 93.2% / 92.9% / 95.4%; test 97.3% / 96.9% /
  // 97.9%, in turn 97.5% / 96.5% / 98.0%, newly worded 96.4% / 95.8% / 97.3%), so that going back
  // fails. The abstention floors for the held-out sets were lowered in an earlier round,
  // knowingly, because the held-out sets grew: the two sets added then were written from prompts
  // that ask for a quarter of unanswerable questions and for strict labels.
  // The labelled questions, dealt by set into five parts, each scored by an engine that did not
  // learn from it: 94.0% / 93.2% / 95.9% on 22,494 questions (93.6% before the outgoing chief's
  // post, a dated fact's time, an event's country, any candidate and an alternative counted as
  // the fact's, 2026-11-30; 93.7% before the evening's "before" and alternatives a few words
  // apart, and 93.8% before a name needed one in 250 of a fact's questions, not one in a hundred;
  // 15,296 right before the model added the word counts, 15,309 with them, 15,313 now).
  // Not raised for that: the model's order of learning alone moves this
  // row by about 0.2 points, and the order shipped scores near the top of that range (see
  // test/eval/HISTORY.md), so a floor above 93.4% would fail most changes that make it learn anew.
  dev: { accuracy: 0.934, abstention: 0.93, reach: 0.955 },
  // The held-out sets, 7,400 questions: 97.6% / 97.1% / 98.1% (97.5% / 97.0% before the word
  // counts, 2026-11-30). The first 5,400 score higher; the
  // sets of colleagues asking in quick succession, added since, are the hardest.
  // Abstention raised with "she" no longer answered with what was found about a man (2026-12-01:
  // 3 more right declines on each held-out row: 97.3%, 97.0%, 96.4% and 96.0%).
  test: { accuracy: 0.975, abstention: 0.972, reach: 0.98 },
  // The same, each asked after the one before it, as follow-ups are read in a conversation:
  // 97.8% / 96.8% / 98.3% (97.7% / 96.6% before the word counts).
  inTurn: { accuracy: 0.977, abstention: 0.969, reach: 0.981 },
  // Those of them worded unlike any labelled question, 5,416: 96.8% / 96.2% / 97.5% (96.7% /
  // 96.1% / 97.4% before the word counts).
  // These held-out floors sit at the top of what the model's order of learning alone moves them
  // by: the engine learning in nine other orders scored 3,875 to 3,893 of these 4,023 in-scope
  // questions right (3,893 as shipped), 5,397 to 5,417 of the whole test half's 5,551 (5,417), and
  // declined 1,781 to 1,794 of its 1,849 unanswerable ones (1,796). All were raised with the word
  // counts, which added 1 to 3 right answers and 2 or 3 right declines to each held-out row
  // (5,417, 5,427 and 3,893 right: 97.59%, 97.77% and 96.77%), so that going back fails.
  // A change that makes the model learn anew (another order, or a change to what it reads) is
  // therefore likely to fall under them by chance alone; see test/eval/HISTORY.md.
  newlyWorded: { accuracy: 0.967, abstention: 0.963, reach: 0.974 },
  // The same, each asked after the one before it in the whole test sequence, as the bot reads a
  // conversation: 97.02% / 95.8% / 97.66% (3,903 right, 2026-12-01; 3,902 before "which country?"
  // pointed back). In-scope sits at the target itself, 97%.
  newlyWordedInTurn: { accuracy: 0.97, abstention: 0.959, reach: 0.976 },
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
    newlyWordedInTurn: () => {
      const fresh = new Set(newlyWorded(test, dev));
      return scoreInTurn(test, engine, (c) => fresh.has(c));
    },
  };
  for (const half of ['dev', 'test', 'inTurn', 'newlyWorded', 'newlyWordedInTurn'] as const) {
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
