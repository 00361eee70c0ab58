import { createInterface } from 'node:readline/promises';
import { createEngine, type Engine } from '../core/engine.js';
import { renderText } from '../core/render-text.js';
import { loadOrExit } from './load-or-exit.js';

/** A terminal session: type what you would type in Slack and read the answers. */
export async function runChat(engine: Engine, banner?: string): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (banner) console.log(banner);
  console.log(
    'Ask about the race for NATO secretary general, e.g. "/nato who-backs rutte" or "who is kallas?".',
  );
  console.log('Type "help" for commands, "exit" or Ctrl-D to leave.\n');
  rl.on('SIGINT', () => rl.close());
  try {
    for (;;) {
      let line: string;
      try {
        line = await rl.question('you> ');
      } catch {
        break;
      }
      const text = line.trim();
      if (text === 'exit' || text === 'quit') break;
      if (text === '') continue;
      console.log(`\nnato-bot> ${renderText(engine.ask(text)).replace(/\n/g, '\n          ')}\n`);
    }
  } finally {
    rl.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runChat(createEngine(loadOrExit().knowledge));
}
