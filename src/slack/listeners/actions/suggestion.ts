import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerAndLog, askerOf, remember } from '../../ask.js';
import { conversationKey } from '../../conversations.js';
import { workspaceOf } from '../../dedupe.js';
import type { SlackDeps } from '../../deps.js';
import { renderResult } from '../../render/answer.js';

/** A suggestion button: answers the suggested question where the buttons were. */
export function answerSuggestion(deps: SlackDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
    client,
    logger,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const question = action.value ?? '';
    const asker = askerOf(body);
    const result = await answerAndLog(deps, question, asker, (m) => logger.warn(m));
    const container = body.container as { is_ephemeral?: boolean; channel_id?: string };
    // The suggestion is a whole question, answered alone; what it asked is what the clicker's next
    // follow-up in that channel leans on ("is he running?" after "Who is Krisjanis Karins?").
    const channel = body.channel?.id ?? container.channel_id;
    const workspace = workspaceOf(asker);
    if (workspace && channel)
      remember(deps, conversationKey(workspace, channel, body.user.id), question, result);
    if (container.is_ephemeral || !body.channel || !body.message) {
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        ...renderResult(result, { surface: 'ephemeral', question, feedback: 'ephemeral' }),
      });
      return;
    }
    // The buttons sat on a public reply. In a channel it was a thread reply (or the thread's
    // start): answer in that thread. In a direct message the bot answers at the top level, as it
    // answered the question, unless the buttons were inside a thread there.
    const direct = body.channel.id.startsWith('D');
    const threadTs = (body.message.thread_ts as string | undefined) ?? (direct ? undefined : body.message.ts);
    await client.chat.postMessage({
      channel: body.channel.id,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...renderResult(result, { surface: 'public', question, feedback: direct ? 'dm' : 'thread' }),
      unfurl_links: false,
      unfurl_media: false,
    });
  };
}
