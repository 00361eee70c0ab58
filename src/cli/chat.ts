import '../dotenv.js';
import { createInterface } from 'node:readline';
import { curatorCommand } from '../core/curation.js';
import { parseDigestCommand } from '../core/digest-command.js';
import { conversation, createEngine, type Engine } from '../core/engine.js';
import { renderText } from '../core/render-text.js';
import type { Result } from '../core/result.js';
import { withoutCommandName } from '../core/text.js';
import { endWhenReaderLeaves } from './closed-pipe.js';
import { loadOrExit } from './load-or-exit.js';

/**
 * What the chat says: answers, and a pointer for the commands that only make sense in Slack.
 * `ask` holds what the session is about, so a follow-up ("and Germany?") is understood.
 */
function reply(ask: (question: string) => Result, text: string): string {
  const bare = withoutCommandName(text);
  // "/nato" alone gives the usage, as in Slack.
  if (bare.trim() === '') return renderText(ask('help'));
  const digest = parseDigestCommand(bare);
  if (digest?.action === 'invalid') return `${digest.message} Nothing was changed.`;
  if (digest) {
    return 'Daily digests are posted to Slack channels (/nato digest on in a channel). To see one here: npm run digest -- preview';
  }
  if (curatorCommand(bare)) {
    return 'The curators’ report and reload work in Slack. Here: npm run report, and restart the chat to reload the knowledge.';
  }
  return renderText(ask(text));
}

/** A terminal session: type what you would type in Slack and read the answers. */
export async function runChat(engine: Engine, banner?: string): Promise<void> {
  endWhenReaderLeaves();
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (banner) console.log(banner);
  console.log(
    'Ask about the race for NATO secretary general, e.g. "/nato who-backs rutte" or "who is kallas?".',
  );
  console.log('Type "help" for commands, "exit" or Ctrl-D to leave.\n');
  rl.setPrompt('you> ');
  rl.prompt();
  const ask = conversation(engine);
  // Line by line, so that piped input (`printf '…' | npm run chat`) is answered in full too.
  for await (const line of rl) {
    const text = line.trim();
    // "exit", "quit", and the same with a slash as people type in chat apps.
    if (/^\/?(?:exit|quit)$/i.test(text)) break;
    if (text !== '') console.log(`\nnato-bot> ${reply(ask, text).replace(/\n/g, '\n          ')}\n`);
    rl.prompt();
  }
  rl.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runChat(createEngine(loadOrExit().knowledge));
}
