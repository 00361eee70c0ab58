import '../dotenv.js';
import { formatProblem } from '../core/knowledge/compile.js';
import { checkKnowledgeDir, defaultKnowledgeDir } from '../knowledge/load.js';
import { endWhenReaderLeaves } from './closed-pipe.js';

endWhenReaderLeaves();
// The folder named, else the one the bot would load (KNOWLEDGE_DIR), else the bundled one.
const dir = process.argv[2] ?? (process.env.KNOWLEDGE_DIR || defaultKnowledgeDir);
const result = checkKnowledgeDir(dir);
if (!result.ok) {
  console.error(`Knowledge in ${dir} is invalid (${result.problems.length} problem(s)):`);
  for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
const { knowledge, coverage } = result;
console.log(
  `Knowledge OK: ${knowledge.sources.length} source(s), ${knowledge.entities.length} entities, ${knowledge.facts.length} facts.`,
);
for (const c of coverage) {
  const cited = c.sentences - c.uncited.length;
  console.log(`Coverage of ${c.file}: ${cited}/${c.sentences} sentences cited by a fact.`);
  for (const s of c.uncited) console.log(`  not cited: ${s}`);
}
