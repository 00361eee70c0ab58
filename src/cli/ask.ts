import '../dotenv.js';
import { createEngine } from '../core/engine.js';
import { renderText, toJson } from '../core/render-text.js';
import { endWhenReaderLeaves } from './closed-pipe.js';
import { loadOrExit } from './load-or-exit.js';

const usage = `Usage:
  npm run ask -- "who backs rutte"          answer as text, with its evidence
  npm run ask -- --json "who backs rutte"   answer as one JSON object
  npm run ask -- --json < questions.txt     one JSON object per line of input`;

const args = process.argv.slice(2);
const json = args.includes('--json');
const words = args.filter((a) => a !== '--json');
const question = words.join(' ');
if (args.includes('--help') || args.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
// Checked before the model is trained, which takes seconds.
if (!json && question.trim() === '') {
  console.error(`Give a question to ask.\n${usage}`);
  process.exit(2);
}
endWhenReaderLeaves();
const engine = createEngine(loadOrExit().knowledge);

if (json && words.length === 0) {
  // One answer per line of input, "\n" or "\r\n" ending a line (a lone "\r" does not), so the
  // output lines up with the input.
  process.stdin.setEncoding('utf8');
  let pending = '';
  const answer = (line: string): void => {
    process.stdout.write(`${JSON.stringify(toJson(engine.ask(line.replace(/\r$/, ''))))}\n`);
  };
  for await (const chunk of process.stdin) {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) answer(line);
  }
  if (pending !== '') answer(pending);
} else if (json) {
  // A question given, even an empty one, is answered: the engine says what an empty one lacks.
  console.log(JSON.stringify(toJson(engine.ask(question))));
} else {
  console.log(renderText(engine.ask(question)));
}
