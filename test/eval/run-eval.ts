import { createEngine } from '../../src/core/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import {
  folds,
  loadTestSet,
  newlyWorded,
  type Score,
  score,
  scoreInTurn,
  scoreLabelledHeldOut,
} from './evaluate.js';

const showMisses = process.argv.includes('--misses');
const devOnly = process.argv.includes('--dev-only');
const knowledge = loadKnowledge().knowledge;
const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

const row = (cells: string[]): string =>
  cells.map((c, i) => (i === 0 ? c.padEnd(6) : c.padStart(i === 1 ? 9 : 24))).join('  ');
const report = (half: string, questions: number, s: Score): void => {
  console.log(
    row([
      half,
      String(questions),
      `${pct(s.accuracy)} (${s.inScopeCorrect}/${s.inScope})`,
      `${pct(s.abstention)} (${s.abstained}/${s.outOfScope})`,
      `${pct(s.reach)} (${s.inScopeCorrect + s.offered}/${s.inScope})`,
    ]),
  );
  if (showMisses) {
    for (const m of s.misses)
      console.log(`   miss: ${JSON.stringify(m.q)} expected ${m.expect}, got ${m.got}`);
  }
};

console.log(row(['half', 'questions', 'in-scope accuracy', 'abstention', 'right or one click away']));
const labelled = knowledge.labelled.reduce((n, set) => n + set.questions.length, 0);
report('dev', labelled, scoreLabelledHeldOut(knowledge));
if (!devOnly) {
  const test = loadTestSet();
  const engine = createEngine(knowledge);
  report(
    'test',
    test.length,
    score(test, (q) => engine.ask(q)),
  );
  report('  turn', test.length, scoreInTurn(test, engine));
  const fresh = newlyWorded(
    test,
    knowledge.labelled.flatMap((s) => s.questions),
  );
  report(
    '  new',
    fresh.length,
    score(fresh, (q) => engine.ask(q)),
  );
  const isFresh = new Set(fresh);
  report(
    '  turn',
    fresh.length,
    scoreInTurn(test, engine, (c) => isFresh.has(c)),
  );
}
console.log(
  [
    '',
    `dev: the labelled questions in knowledge/, dealt by set into ${folds} parts, each scored by an engine that learned from the other parts only.`,
    'test: test/eval/questions.yml, held out: nothing learns from it and nobody tunes on it.',
    '  turn: the test questions asked one after another, each read with the one before it as a follow-up would be (the bot does so per person and channel).',
    '  new: the test questions worded unlike any labelled question (ignoring case and punctuation); below it, the same read in turn within the whole test sequence.',
    'Right or one click away: in-scope questions answered right, plus those declined with the right answer among the suggestion buttons shown instead.',
  ].join('\n'),
);
