import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { decodeFormMetadata } from '../../feedback.js';
import { commentInput } from '../../render/feedback.js';

/** The 👎 form: what was wrong, stored with the vote. */
export function feedbackComment(deps: SlackDeps) {
  return async ({ ack, view, body, logger }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const text = view.state.values[commentInput.block]?.[commentInput.action]?.value?.trim() ?? '';
    if (text.length > 500) {
      await ack({
        response_action: 'errors',
        errors: { [commentInput.block]: 'Please keep it under 500 characters.' },
      });
      return;
    }
    await ack();
    // The bot wrote it when it opened the form; anything else was altered on the way.
    const meta = decodeFormMetadata(view.private_metadata);
    if ('invalid' in meta) {
      logger.warn(`ignored a feedback form whose private_metadata is not the bot's: ${meta.invalid}`);
      return;
    }
    if (!text || !deps.curation) return;
    await deps.curation.store.comment(meta.t, body.user.id, meta.k, text, deps.curation.now());
  };
}
