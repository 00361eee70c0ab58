import { createInterface } from 'node:readline';
import { createEngine } from '../core/engine.js';
import { renderText, toJson } from '../core/render-text.js';
import { loadOrExit } from './load-or-exit.js';

const usage = `Usage:
  npm run ask -- "who backs rutte"          answer as text, with its evidence
  npm run ask -- --json "who backs rutte"   answer as one JSON object
  npm run ask -- --json < questions.txt     one JSON object per line of input`;

const args = process.argv.slice(2);
const json = args.includes('--json');
const question = args.filter((a) => a !== '--json').join(' ');
if (args.includes('--help') || args.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
const engine = createEngine(loadOrExit().knowledge);

if (question.trim() !== '') {
  const result = engine.ask(question);
  console.log(json ? JSON.stringify(toJson(result)) : renderText(result));
} else if (json) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) process.stdout.write(`${JSON.stringify(toJson(engine.ask(line)))}\n`);
} else {
  console.error(`Give a question to ask.\n${usage}`);
  process.exit(2);
}
