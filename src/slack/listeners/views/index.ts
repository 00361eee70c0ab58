import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { callbackIds } from '../../ids.js';
import { feedbackComment } from './feedback-comment.js';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(callbackIds.feedbackComment, feedbackComment(deps));
}
