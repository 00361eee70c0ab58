import { webApi } from '@slack/bolt';
import { curatorCommand } from '../../../core/curation.js';
import { parseDigestCommand } from '../../../core/digest-command.js';
import { decodeSlackEntities, stripSlackMarkup, withoutCommandName } from '../../../core/text.js';
import type { Surface as FeedbackSurface } from '../../../store/curation-store.js';
import { type Asker, answerAndLog, answerFailure } from '../../ask.js';
import { conversationKey } from '../../conversations.js';
import { workspaceOf } from '../../dedupe.js';
import type { SlackDeps } from '../../deps.js';
import { slashCommand } from '../../ids.js';
import { type Message, renderResult } from '../../render/answer.js';
import { escapeMrkdwn } from '../../render/mrkdwn.js';

/** A question in a channel or a direct message, as the listeners pass it on. */
export interface Asked {
  channel: string;
  text: string;
  ts: string;
  threadTs?: string | undefined;
  user: string | undefined;
}

/** The reply, for everyone in the conversation or (when Slack refuses that) for the asker alone. */
type Reply = (feedback: FeedbackSurface) => Message;

/** Answers a message in its thread (or starts one on it); used by mentions and direct messages. */
export async function replyInThread(
  deps: SlackDeps,
  client: webApi.WebClient,
  message: Asked,
  threaded: boolean,
  asker: Asker,
  warn: (message: string) => void,
): Promise<void> {
  const workspace = workspaceOf(asker);
  const conversation =
    workspace && message.user ? conversationKey(workspace, message.channel, message.user) : undefined;
  // As typed, for the curators' log and the question the 👍/👎 buttons carry.
  const text = decodeSlackEntities(message.text);
  const hint = slashCommandHint(message.text);
  let reply: Reply;
  if (hint !== undefined) {
    reply = () => plain(hint);
  } else {
    try {
      const result = await answerAndLog(deps, text, asker, warn, conversation);
      reply = (feedback) => renderResult(result, { surface: 'public', question: text, feedback });
    } catch (error) {
      // Whatever went wrong, the asker hears so instead of silence.
      warn(`answering failed: ${(error as Error).message}`);
      reply = () => plain(answerFailure);
    }
  }
  await post(client, message, threaded, reply, warn);
}

/**
 * The reply to a `/nato` subcommand typed as a message ("digest on 9:00 Europe/Kyiv", "@nato-bot
 * report"), recognised as `/nato` and the terminal chat recognise them: the command to type. A
 * digest is set up for the channel the command is typed in, and the report is shown only to the
 * one who asks, so neither is run from a message. Undefined for anything else: a question.
 */
export function slashCommandHint(typed: string): string | undefined {
  const bare = withoutCommandName(stripSlackMarkup(typed)).split(/\s+/).filter(Boolean).join(' ');
  const digest = parseDigestCommand(bare);
  const curator = digest ? undefined : curatorCommand(bare);
  const command = `\`${slashCommand} ${escapeMrkdwn(bare)}\``;
  const digestWhere = 'Digest settings are made with the slash command, in the channel that should get it';
  if (digest?.action === 'invalid') {
    return `${escapeMrkdwn(digest.message)} ${digestWhere}: \`${slashCommand} digest help\` lists them.`;
  }
  if (digest) return `${digestWhere}: ${command}`;
  if (curator === 'report')
    return `The curators’ report is shown with the slash command, only to you: ${command}`;
  if (curator === 'reload') return `Knowledge reloads are made with the slash command: ${command}`;
  return undefined;
}

/** A message of one mrkdwn section. */
function plain(text: string): Message {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/**
 * Posts the reply where the question was asked. Where Slack refuses that (an announcement channel,
 * where only admins post), the asker gets it privately. A failure is logged, never thrown: there
 * is nobody else to tell.
 */
async function post(
  client: webApi.WebClient,
  message: Asked,
  threaded: boolean,
  reply: Reply,
  warn: (message: string) => void,
): Promise<void> {
  const threadTs = message.threadTs ?? (threaded ? message.ts : undefined);
  const where = `the reply to ${message.user ?? 'a message'} in ${message.channel}`;
  let refused: string | undefined;
  try {
    await client.chat.postMessage({
      channel: message.channel,
      ...reply(threaded ? 'thread' : 'dm'),
      ...(threadTs ? { thread_ts: threadTs } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
    return;
  } catch (error) {
    refused = platformError(error);
    // Not a refusal (a network error, an HTTP error, a rate limit): the post may even have been
    // made, and a private copy could be a second answer.
    if (refused === undefined || message.user === undefined) {
      warn(`could not post ${where}: ${refused ?? (error as Error).message}`);
      return;
    }
  }
  const why = `I couldn’t reply here for everyone to see (Slack said \`${escapeMrkdwn(refused)}\`), so only you can see this.`;
  const answer = reply('ephemeral');
  try {
    await client.chat.postEphemeral({
      channel: message.channel,
      user: message.user,
      text: `${why}\n${answer.text}`,
      blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: why }] }, ...answer.blocks],
      // Slack shows an ephemeral message in a thread only if the thread already exists: the one
      // the question was asked in, not the one a reply to it would have started.
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    });
    warn(`could not post ${where} (${refused}); showed it to them alone`);
  } catch (error) {
    warn(
      `could not post ${where} (${refused}), nor show it to them alone (${platformError(error) ?? (error as Error).message})`,
    );
  }
}

/** The error code of a call Slack answered with `ok: false`, or undefined for any other failure. */
function platformError(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  return e.code === webApi.ErrorCode.PlatformError ? e.data?.error : undefined;
}
