import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { commentInput } from '../../render/feedback.js';

/** The 👎 form: what was wrong, stored with the vote. */
export function feedbackComment(deps: SlackDeps) {
  return async ({ ack, view, body }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const text = view.state.values[commentInput.block]?.[commentInput.action]?.value?.trim() ?? '';
    if (text.length > 500) {
      await ack({
        response_action: 'errors',
        errors: { [commentInput.block]: 'Please keep it under 500 characters.' },
      });
      return;
    }
    await ack();
    const meta = JSON.parse(view.private_metadata || '{}') as { k?: string; t?: string };
    if (!text || !meta.k || !meta.t || !deps.curation) return;
    await deps.curation.store.comment(meta.t, body.user.id, meta.k, text, deps.curation.now());
  };
}
