import { createEngine } from '../../src/core/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { type Half, loadEvalSet, score } from './evaluate.js';

const showMisses = process.argv.includes('--misses');
const halves = process.argv.includes('--dev-only') ? (['dev'] as Half[]) : (['dev', 'test'] as Half[]);
const engine = createEngine(loadKnowledge().knowledge);
const set = loadEvalSet();
const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

const row = (cells: string[]): string =>
  cells.map((c, i) => (i === 0 ? c.padEnd(6) : c.padStart(i === 1 ? 9 : 24))).join('  ');
console.log(row(['half', 'questions', 'in-scope accuracy', 'abstention', 'right or one click away']));
for (const half of halves) {
  const s = score(set[half], (q) => engine.ask(q));
  console.log(
    row([
      half,
      String(set[half].length),
      `${pct(s.accuracy)} (${s.inScopeCorrect}/${s.inScope})`,
      `${pct(s.abstention)} (${s.abstained}/${s.outOfScope})`,
      `${pct(s.reach)} (${s.inScopeCorrect + s.offered}/${s.inScope})`,
    ]),
  );
  if (showMisses) {
    for (const m of s.misses)
      console.log(`   miss: ${JSON.stringify(m.q)} expected ${m.expect}, got ${m.got}`);
  }
}
console.log(
  '\nRight or one click away: in-scope questions answered right, plus those declined with the right answer among the suggestion buttons shown instead.',
);
