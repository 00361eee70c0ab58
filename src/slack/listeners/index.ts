import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { actionRoute } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { eventRoute } from './events/index.js';
import { firstOf, type Route } from './route.js';
import { viewRoute } from './views/index.js';

/**
 * Registers `/nato` as a Bolt listener, and returns the route to the listeners of events, button
 * clicks and form submissions, which the app's global middleware follows (see app.ts). Bolt 5 runs
 * the matching chain of every registered listener on every request: with a Bolt listener per event
 * type, button and form, every slash command paid for all of them.
 */
export function registerListeners(app: App, deps: SlackDeps): Route {
  registerCommands(app, deps);
  return firstOf([eventRoute(deps), actionRoute(deps), viewRoute(deps)]);
}
