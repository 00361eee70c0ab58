import type { CuratorCommand } from '../../../core/curation.js';
import { formatProblem } from '../../../core/knowledge/compile.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn, escapeWithin } from '../../render/mrkdwn.js';
import { renderReport } from '../../render/report.js';
import { type CommandArgs, sayPrivately } from './reply.js';

export async function handleCuratorCommand(
  deps: SlackDeps,
  cmd: CuratorCommand,
  args: CommandArgs,
): Promise<void> {
  const { command, client, respond, logger } = args;
  const curation = deps.curation;
  if (!curation) {
    await sayPrivately(respond, 'The curators’ tools are not set up on this installation of nato-bot.');
    return;
  }
  if (!(await curation.isCurator(command.user_id, client))) {
    await sayPrivately(
      respond,
      `Sorry, \`/nato ${cmd}\` is for the people who curate the bot’s knowledge: workspace admins and the users in CURATOR_USER_IDS. You can still ask me anything, and 👍/👎 on my answers tells the curators how I’m doing.`,
    );
    return;
  }
  if (cmd === 'report') {
    const report = await curation.store.report(command.team_id, curation.now(), [7, 30]);
    await respond({ response_type: 'ephemeral', ...renderReport(report) });
    return;
  }
  const result = await curation.knowledge.reload();
  if (!result.ok) {
    logger.warn(`knowledge reload refused: ${result.problems.length} problem(s)`);
    for (const p of result.problems.slice(0, maxLoggedProblems)) logger.warn(`  ${formatProblem(p)}`);
    const intro =
      'The knowledge files are invalid, so I kept answering from the knowledge I had. Fix these and run `/nato reload` again (`npm run knowledge:check` lists them all):';
    const lines = result.problems.map((p) => `• ${escapeWithin(formatProblem(p), 300)}`);
    await sayPrivately(
      respond,
      `${intro}
${listWithin(lines, replyLimit - intro.length, '\n')}`,
    );
    return;
  }
  logger.info(`knowledge reloaded by ${command.user_id}: ${result.facts} facts`);
  const head = `Knowledge reloaded: ${result.facts} facts.`;
  // Each list gets half of what is left of a section, so neither pushes the reply past Slack's limit.
  const room = Math.floor((replyLimit - head.length) / 2) - 20;
  const added =
    result.added.length > 0 ? ` New: ${listWithin(result.added.map(escapeMrkdwn), room, ', ')}.` : '';
  const removed =
    result.removed.length > 0 ? ` Removed: ${listWithin(result.removed.map(escapeMrkdwn), room, ', ')}.` : '';
  await sayPrivately(respond, `${head}${added}${removed}`);
}

/** Slack refuses a section of over 3,000 characters; a reply stays under it with room to spare. */
const replyLimit = 2900;
const maxLoggedProblems = 50;

/**
 * As many of `items` as fit in `room` characters joined by `separator`, then "…and N more" for the
 * rest. Each item is short (a problem is cut to 300 characters), so at least one always fits.
 */
export function listWithin(items: readonly string[], room: number, separator: string): string {
  const shown: string[] = [];
  let length = 0;
  for (const [i, item] of items.entries()) {
    const rest = items.length - i - 1;
    const tail = rest > 0 ? `${separator}…and ${rest} more` : '';
    const next = length + (shown.length > 0 ? separator.length : 0) + item.length;
    if (shown.length > 0 && next + tail.length > room) break;
    shown.push(item);
    length = next;
  }
  const more = items.length - shown.length;
  return `${shown.join(separator)}${more > 0 ? `${separator}…and ${more} more` : ''}`;
}
