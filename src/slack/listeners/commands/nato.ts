import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseDigestCommand } from '../../../core/digest-command.js';
import type { SlackDeps } from '../../deps.js';
import { renderResult } from '../../render/answer.js';
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
      const result = deps.engine().ask(question.trim() === '' ? 'help' : question);
      await respond({
        response_type: 'ephemeral',
        ...renderResult(result, { surface: 'ephemeral', question }),
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
