import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { renderResult } from '../../render/answer.js';

/** `/nato <question or subcommand>`: answered ephemerally, with a button to share it. */
export function natoCommand(deps: SlackDeps) {
  return async ({
    ack,
    command,
    respond,
    logger,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const question = command.text ?? '';
    const result = deps.engine().ask(question.trim() === '' ? 'help' : question);
    const message = renderResult(result, { surface: 'ephemeral', question });
    try {
      await respond({ response_type: 'ephemeral', ...message });
    } catch (error) {
      logger.error(`could not send the answer to /nato: ${String(error)}`);
    }
  };
}
