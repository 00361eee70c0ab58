import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { actionIds } from '../../ids.js';
import { feedbackVote } from './feedback.js';
import { shareAnswer } from './share.js';
import { answerSuggestion } from './suggestion.js';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(actionIds.share, shareAnswer(deps));
  // Suggestion buttons carry an index ("answer_suggestion:2") so their ids are unique in a block.
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${actionIds.suggestion}(:\\d+)?$`),
    answerSuggestion(deps),
  );
  app.action<BlockAction<ButtonAction>>(actionIds.feedbackUp, feedbackVote(deps, 1));
  app.action<BlockAction<ButtonAction>>(actionIds.feedbackDown, feedbackVote(deps, -1));
}
