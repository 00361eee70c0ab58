import type { CuratorCommand } from '../../../core/curation.js';
import { formatProblem } from '../../../core/knowledge/compile.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn, escapeWithin, listWithin } from '../../render/mrkdwn.js';
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
  if (!(await curation.mayReload(command.user_id, client))) {
    await sayPrivately(
      respond,
      '`/nato reload` changes the answers of every workspace this bot serves, so only its operators (the users in CURATOR_USER_IDS) may run it. `/nato report` shows how I’m doing in your workspace.',
    );
    return;
  }
  const result = await curation.knowledge.reload();
  if (!result.ok) {
    logger.warn(`knowledge reload refused: ${result.problems.length} problem(s)`);
    for (const p of result.problems.slice(0, maxLoggedProblems)) logger.warn(`  ${formatProblem(p)}`);
    const intro =
      'The knowledge files are invalid, so I kept answering from the knowledge I had. Fix these and run `/nato reload` again (`npm run knowledge:check` lists them all):';
    const lines = result.problems.map((p) => `• ${escapeWithin(formatProblem(p), 300)}`);
    await sayPrivately(respond, `${intro}\n${listWithin(lines, replyLimit - intro.length, '\n')}`);
    return;
  }
  logger.info(`knowledge reloaded by ${command.user_id} of ${command.team_id}: ${result.facts} facts`);
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
