import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { renderHome } from '../../render/home.js';

/** The Home tab: an overview of the race, published for the user who opened it. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: renderHome(deps.engine()) });
  };
}
