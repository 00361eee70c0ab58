import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { renderResult } from '../../render/answer.js';

/** "Share in channel": posts the same answer publicly, says who shared it, removes the private copy. */
export function shareAnswer(deps: SlackDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
    logger,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const question = action.value ?? '';
    const result = deps.engine().ask(question);
    // The button sits only under an answer, and carries its question: without an answer to it, the
    // button was altered (or the knowledge changed since), and the channel gets nothing.
    if (result.kind !== 'answered') {
      logger.info(`share of a question with no answer (${result.kind}) not posted`);
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'There’s nothing to share: that button holds no question I can answer.',
      });
      return;
    }
    const message = renderResult(result, {
      surface: 'shared',
      sharedBy: body.user.id,
      question,
      feedback: 'shared',
    });
    await respond({ response_type: 'in_channel', replace_original: false, ...message });
    await respond({ delete_original: true });
  };
}
