import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { curatorCommand } from '../../../core/curation.js';
import { parseDigestCommand } from '../../../core/digest-command.js';
import { answerAndLog } from '../../ask.js';
import type { SlackDeps } from '../../deps.js';
import { renderResult } from '../../render/answer.js';
import { handleCuratorCommand } from './curator.js';
import { handleDigestCommand } from './digest.js';

/** `/nato <question or subcommand>`: answered ephemerally, with a button to share it. */
export function natoCommand(deps: SlackDeps) {
  return async (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { ack, command, respond, logger } = args;
    await ack();
    const question = command.text ?? '';
    try {
      const digest = parseDigestCommand(question);
      if (digest) {
        await handleDigestCommand(deps.digest, digest, args);
        return;
      }
      const curator = curatorCommand(question);
      if (curator) {
        await handleCuratorCommand(deps, curator, args);
        return;
      }
      const result = await answerAndLog(
        deps,
        question.trim() === '' ? 'help' : question,
        { teamId: command.team_id, enterpriseId: command.enterprise_id },
        (m) => logger.warn(m),
      );
      await respond({
        response_type: 'ephemeral',
        ...renderResult(result, { surface: 'ephemeral', question, feedback: 'ephemeral' }),
      });
    } catch (error) {
      logger.error(`/nato failed: ${(error as Error).message}`);
      await respond({
        response_type: 'ephemeral',
        text: 'Sorry, something went wrong on my side while answering. Please try again in a moment.',
      }).catch(() => undefined);
    }
  };
}
