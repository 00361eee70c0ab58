import type { SlackDeps } from '../../deps.js';
import { callbackIds } from '../../ids.js';
import type { Route } from '../route.js';
import { feedbackComment } from './feedback-comment.js';

/** Form submissions, by callback id. */
export function viewRoute(deps: SlackDeps): Route {
  const listener = feedbackComment(deps);
  return (args) =>
    'view' in args &&
    args.body.type === 'view_submission' &&
    args.view.callback_id === callbackIds.feedbackComment
      ? listener(args)
      : undefined;
}
