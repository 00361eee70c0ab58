import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { curatorCommand } from '../../../core/curation.js';
import { parseDigestCommand } from '../../../core/digest-command.js';
import { decodeSlackEntities } from '../../../core/text.js';
import { answerFailure, type CommandReply, commandReplyFor, logAsked, remember } from '../../ask.js';
import { conversationKey } from '../../conversations.js';
import { workspaceOf } from '../../dedupe.js';
import type { SlackDeps } from '../../deps.js';
import { handleCuratorCommand } from './curator.js';
import { handleDigestCommand } from './digest.js';

/**
 * `/nato <question or subcommand>`: answered ephemerally, with a button to share it. An answer
 * takes well under a millisecond, so it travels in the acknowledgement itself: one HTTP round
 * trip instead of two. Subcommands that need the database or Slack ack first, then respond.
 */
export function natoCommand(deps: SlackDeps) {
  return async (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { ack, command, respond, logger } = args;
    // As typed: "Q&A" arrives as "Q&amp;A", and is echoed, shared and logged as typed.
    const question = decodeSlackEntities(command.text ?? '');
    const digest = parseDigestCommand(question);
    const curator = digest ? undefined : curatorCommand(question);
    if (digest || curator) {
      await ack();
      try {
        if (digest) await handleDigestCommand(deps.digest, digest, args);
        else if (curator) await handleCuratorCommand(deps, curator, args);
      } catch (error) {
        logger.error(`/nato ${digest ? 'digest' : curator} failed: ${(error as Error).message}`);
        await respond({ response_type: 'ephemeral', text: answerFailure }).catch(() => undefined);
      }
      return;
    }
    const asker = { teamId: command.team_id, enterpriseId: command.enterprise_id };
    const workspace = workspaceOf(asker);
    const conversation = workspace
      ? conversationKey(workspace, command.channel_id, command.user_id)
      : undefined;
    let reply: CommandReply;
    try {
      const previous = conversation ? deps.conversations.topic(conversation) : undefined;
      reply = commandReplyFor(deps.engine(), question, previous);
    } catch (error) {
      logger.error(`/nato failed: ${(error as Error).message}`);
      await ack({ response_type: 'ephemeral', text: answerFailure });
      return;
    }
    await ack(reply.ack);
    if (conversation) remember(deps, conversation, question, reply.result);
    await logAsked(deps, reply.asked, asker, (m) => logger.warn(m));
  };
}
