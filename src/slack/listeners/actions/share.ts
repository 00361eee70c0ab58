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
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const question = action.value ?? '';
    const result = deps.engine().ask(question);
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
