import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { messageKey, workspaceOf } from '../../dedupe.js';
import type { SlackDeps } from '../../deps.js';
import { replyInThread } from './reply.js';

/** `@nato-bot who backs Rutte?` in a channel: answered in a thread on that message. */
export function appMention(deps: SlackDeps) {
  return async ({
    event,
    client,
    context,
    logger,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (event.subtype || event.bot_id) return;
    if (!(await deps.dedupe.claim(workspaceOf(context), messageKey(event.channel, event.ts)))) return;
    await replyInThread(
      deps,
      client,
      { channel: event.channel, text: event.text, ts: event.ts, threadTs: event.thread_ts, user: event.user },
      true,
      { teamId: context.teamId, enterpriseId: context.enterpriseId },
      (m) => logger.warn(m),
    );
  };
}
