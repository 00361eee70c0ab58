import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { messageKey, workspaceOf } from '../../dedupe.js';
import type { SlackDeps } from '../../deps.js';
import { replyInThread } from './reply.js';

/** Subtypes of a message that a person wrote and sent. */
const asked: ReadonlySet<string> = new Set(['file_share', 'thread_broadcast']);

/** A direct message to the bot: any question, no mention needed. */
export function messageIm(deps: SlackDeps) {
  return async ({
    event,
    client,
    context,
    logger,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    // Edits, deletions, joins and bot posts (our own replies included) carry a subtype or bot_id;
    // a message with a file attached, or a thread reply also sent to the conversation, is still
    // someone asking.
    if (event.channel_type !== 'im' || (event.subtype !== undefined && !asked.has(event.subtype))) return;
    if ('bot_id' in event && event.bot_id) return;
    if (!('user' in event) || event.user === context.botUserId) return;
    const text = 'text' in event && typeof event.text === 'string' ? event.text : '';
    if (!(await deps.dedupe.claim(workspaceOf(context), messageKey(event.channel, event.ts)))) return;
    const threadTs =
      'thread_ts' in event && typeof event.thread_ts === 'string' ? event.thread_ts : undefined;
    await replyInThread(
      deps,
      client,
      { channel: event.channel, text, ts: event.ts, threadTs, user: event.user },
      false,
      { teamId: context.teamId, enterpriseId: context.enterpriseId },
      (m) => logger.warn(m),
    );
  };
}
