import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { actionIds } from '../../ids.js';
import type { Route } from '../route.js';
import { feedbackVote } from './feedback.js';
import { shareAnswer } from './share.js';
import { answerSuggestion } from './suggestion.js';

type ButtonListener = (
  args: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs,
) => Promise<void>;

/** Button clicks on the bot's messages, by action id. */
export function actionRoute(deps: SlackDeps): Route {
  const listeners = new Map<string, ButtonListener>([
    [actionIds.share, shareAnswer(deps)],
    [actionIds.suggestion, answerSuggestion(deps)],
    [actionIds.feedbackUp, feedbackVote(deps, 1)],
    [actionIds.feedbackDown, feedbackVote(deps, -1)],
  ]);
  // Suggestion buttons carry an index ("answer_suggestion:2") so their ids are unique in a block.
  const suggestion = new RegExp(`^${actionIds.suggestion}:\\d+$`);
  return (args) => {
    if (!('action' in args) || args.body.type !== 'block_actions') return undefined;
    const id = (args.action as { action_id: string }).action_id;
    const listener = listeners.get(suggestion.test(id) ? actionIds.suggestion : id);
    // The bot's messages carry only buttons.
    if (listener)
      return listener(args as SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs);
    return ignored(args, id);
  };
}

/**
 * A button the bot does not know: one left on an older message by an earlier version, or one whose
 * id was altered. Slack still waits for the acknowledgement, and shows the person an error without it.
 */
async function ignored(args: SlackActionMiddlewareArgs & AllMiddlewareArgs, id: string): Promise<void> {
  await args.ack();
  args.logger.info(`ignored a click on a button this version does not know: ${JSON.stringify(id)}`);
}
