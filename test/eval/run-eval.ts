import { createEngine } from '../../src/core/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { type Half, loadEvalSet, score } from './evaluate.js';

const showMisses = process.argv.includes('--misses');
const halves = process.argv.includes('--dev-only') ? (['dev'] as Half[]) : (['dev', 'test'] as Half[]);
const engine = createEngine(loadKnowledge().knowledge);
const set = loadEvalSet();
const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

console.log('half   questions  in-scope accuracy      abstention (out of scope)');
for (const half of halves) {
  const s = score(set[half], (q) => engine.ask(q));
  console.log(
    `${half.padEnd(6)} ${String(set[half].length).padStart(9)}  ${pct(s.accuracy).padStart(6)} (${s.inScopeCorrect}/${s.inScope})`.padEnd(
      41,
    ) + `${pct(s.abstention).padStart(6)} (${s.abstained}/${s.outOfScope})`,
  );
  if (showMisses)
    for (const m of s.misses)
      console.log(`   miss: ${JSON.stringify(m.q)} expected ${m.expect}, got ${m.got}`);
}
