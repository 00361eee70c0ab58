import type { webApi } from '@slack/bolt';
import { decodeSlackEntities } from '../../../core/text.js';
import { type Asker, answerAndLog, answerFailure } from '../../ask.js';
import { conversationKey } from '../../conversations.js';
import { workspaceOf } from '../../dedupe.js';
import type { SlackDeps } from '../../deps.js';
import { type Message, renderResult } from '../../render/answer.js';

/** Answers a message in its thread (or starts one on it); used by mentions and direct messages. */
export async function replyInThread(
  deps: SlackDeps,
  client: webApi.WebClient,
  message: {
    channel: string;
    text: string;
    ts: string;
    threadTs?: string | undefined;
    user: string | undefined;
  },
  threaded: boolean,
  asker: Asker,
  logError: (message: string) => void,
): Promise<void> {
  const workspace = workspaceOf(asker);
  const conversation =
    workspace && message.user ? conversationKey(workspace, message.channel, message.user) : undefined;
  // As typed, for the curators' log and the question the 👍/👎 buttons carry.
  const text = decodeSlackEntities(message.text);
  let rendered: Message;
  try {
    const result = await answerAndLog(deps, text, asker, logError, conversation);
    rendered = renderResult(result, {
      surface: 'public',
      question: text,
      feedback: threaded ? 'thread' : 'dm',
    });
  } catch (error) {
    // Whatever went wrong, the asker hears so instead of silence.
    logError(`answering failed: ${(error as Error).message}`);
    rendered = {
      text: answerFailure,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: answerFailure } }],
    };
  }
  const threadTs = message.threadTs ?? (threaded ? message.ts : undefined);
  await client.chat.postMessage({
    channel: message.channel,
    ...rendered,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    unfurl_links: false,
    unfurl_media: false,
  });
}
