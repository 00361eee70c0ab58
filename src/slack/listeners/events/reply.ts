import type { webApi } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { renderResult } from '../../render/answer.js';

/** Answers a message in its thread (or starts one on it); used by mentions and direct messages. */
export async function replyInThread(
  deps: SlackDeps,
  client: webApi.WebClient,
  message: { channel: string; text: string; ts: string; threadTs?: string | undefined },
  threaded: boolean,
): Promise<void> {
  const result = deps.engine().ask(message.text);
  const rendered = renderResult(result, { surface: 'public', question: message.text });
  const threadTs = message.threadTs ?? (threaded ? message.ts : undefined);
  await client.chat.postMessage({
    channel: message.channel,
    ...rendered,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    unfurl_links: false,
    unfurl_media: false,
  });
}
