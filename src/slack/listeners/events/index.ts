import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import type { Route } from '../route.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { appUninstalled } from './app-uninstalled.js';
import { messageIm } from './message-im.js';
import { tokensRevoked } from './tokens-revoked.js';

type EventListener<E extends string> = (
  args: SlackEventMiddlewareArgs<E> & AllMiddlewareArgs,
) => Promise<void>;

interface EventListeners {
  app_mention: EventListener<'app_mention'>;
  message: EventListener<'message'>;
  app_home_opened: EventListener<'app_home_opened'>;
  app_uninstalled: EventListener<'app_uninstalled'>;
  tokens_revoked: EventListener<'tokens_revoked'>;
}

/** Events, by type. */
export function eventRoute(deps: SlackDeps): Route {
  const listeners: EventListeners = {
    app_mention: appMention(deps),
    message: messageIm(deps),
    app_home_opened: appHomeOpened(deps),
    app_uninstalled: appUninstalled(deps),
    tokens_revoked: tokensRevoked(deps),
  };
  return (args) => {
    if (!('event' in args) || !Object.hasOwn(listeners, args.event.type)) return undefined;
    // The type selects the listener, so the arguments are those of its event type.
    const listener = listeners[args.event.type as keyof EventListeners] as EventListener<string>;
    return listener(args);
  };
}
