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
    const lines = result.problems.slice(0, 15).map((p) => `• ${escapeWithin(formatProblem(p), 300)}`);
    const more = result.problems.length > 15 ? `\n…and ${result.problems.length - 15} more.` : '';
    await sayPrivately(
      respond,
      `The knowledge files are invalid, so I kept answering from the knowledge I had. Fix these and run \`/nato reload\` again:\n${lines.join('\n')}${more}`,
    );
    return;
  }
  logger.info(`knowledge reloaded by ${command.user_id}: ${result.facts} facts`);
  const added = result.added.length > 0 ? ` New: ${result.added.map(escapeMrkdwn).join(', ')}.` : '';
  const removed =
    result.removed.length > 0 ? ` Removed: ${result.removed.map(escapeMrkdwn).join(', ')}.` : '';
  await sayPrivately(respond, `Knowledge reloaded: ${result.facts} facts.${added}${removed}`);
}
