import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { callbackIds } from '../../ids.js';
import type { Route } from '../route.js';
import { feedbackComment } from './feedback-comment.js';

/** Form submissions, by callback id. */
export function viewRoute(deps: SlackDeps): Route {
  const listener = feedbackComment(deps);
  return (args) => {
    if (!('view' in args)) return undefined;
    if (args.body.type === 'view_submission' && args.view.callback_id === callbackIds.feedbackComment)
      return listener(args);
    return ignored(args);
  };
}

/**
 * A form the bot does not know (one opened by an earlier version, or altered), or a form closed:
 * Slack still waits for the acknowledgement, and shows the person an error without it.
 */
async function ignored(args: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  await args.ack();
  if (args.body.type === 'view_submission')
    args.logger.info(`ignored a form this version does not know: ${JSON.stringify(args.view.callback_id)}`);
}
