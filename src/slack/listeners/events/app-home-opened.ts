import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { formatTimeOfDay } from '../../../core/schedule.js';
import type { SlackDeps } from '../../deps.js';
import { type HomeSubscription, renderHome } from '../../render/home.js';

/** The Home tab: an overview of the race and the workspace's digests, published for its viewer. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({
    event,
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const subscriptions: HomeSubscription[] =
      deps.digest && context.teamId
        ? (await deps.digest.store.listForTeam(context.teamId)).map((s) => ({
            channelId: s.channel_id,
            time: formatTimeOfDay(s.minutes),
            zone: s.zone,
            paused: s.status === 'paused' ? s.status_reason : null,
          }))
        : [];
    await client.views.publish({ user_id: event.user, view: renderHome(deps.engine(), subscriptions) });
  };
}
