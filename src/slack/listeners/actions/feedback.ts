import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { askerOf } from '../../ask.js';
import type { SlackDeps } from '../../deps.js';
import { answerKey, decodeFeedback, encodeFormMetadata } from '../../feedback.js';
import { callbackIds } from '../../ids.js';
import { feedbackModal } from '../../render/feedback.js';

/** 👍 or 👎 on an answer: stored (a changed vote replaces the old one), acknowledged quietly. */
export function feedbackVote(deps: SlackDeps, vote: 1 | -1) {
  return async ({
    ack,
    action,
    body,
    respond,
    client,
    logger,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const ref = decodeFeedback(action.value);
    const curation = deps.curation;
    const { teamId, enterpriseId } = askerOf(body);
    if (!ref || !curation || !teamId) return;
    const container = body.container as { channel_id?: string; message_ts?: string };
    const key = answerKey(
      ref,
      container.channel_id ?? body.channel?.id,
      container.message_ts ?? body.message?.ts,
    );
    await curation.store.vote({
      teamId,
      enterpriseId: enterpriseId ?? null,
      userId: body.user.id,
      answerKey: key,
      question: ref.q,
      factId: ref.f,
      surface: ref.s,
      vote,
      now: curation.now(),
    });
    if (vote > 0) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks, noted: 👍' });
      return;
    }
    try {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: feedbackModal(callbackIds.feedbackComment, encodeFormMetadata({ k: key, t: teamId })),
      });
    } catch (error) {
      logger.warn(`could not open the feedback form: ${(error as Error).message}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks, noted: 👎' });
    }
  };
}
