import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';

/** A surface's listeners: runs the one for this request, or returns undefined when none is. */
export type Route = (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void> | undefined;

/** The first route that takes the request. */
export function firstOf(routes: Route[]): Route {
  return (args) => {
    for (const route of routes) {
      const running = route(args);
      if (running) return running;
    }
    return undefined;
  };
}
