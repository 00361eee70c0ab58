import type { AddressInfo } from 'node:net';
import { App, type LogLevel } from '@slack/bolt';
import type { Config } from '../config.js';
import type { SlackDeps } from './deps.js';
import { registerListeners } from './listeners/index.js';

export type SlackConfig = Exclude<Config, { mode: 'local' }>;

export interface RunningApp {
  app: App;
  /** The HTTP port actually bound (HTTP mode only). */
  port: number | undefined;
  stop(): Promise<void>;
}

/** Builds the Bolt app for either connection mode, with every listener registered. */
export function createSlackApp(config: SlackConfig, deps: SlackDeps): App {
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // Replies are cheap to lose and costly to duplicate: no silent retries of a lost response.
    // Set explicitly, so Socket Mode does not write its own retry policy into these options.
    retryConfig: { retries: 0 },
  };
  const common = { token: config.botToken, logLevel: config.logLevel as LogLevel, clientOptions };
  const app =
    config.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.appToken })
      : new App({
          ...common,
          signingSecret: config.signingSecret,
          endpoints: '/slack/events',
          customRoutes: [
            {
              path: '/healthz',
              method: ['GET'],
              handler: (_req, res) => {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end('{"ok":true}');
              },
            },
          ],
        });
  registerListeners(app, deps);
  app.error(async (error) => {
    app.logger.error(`listener failed: ${error.code ?? ''} ${error.message}`);
  });
  return app;
}

export async function startSlackApp(config: SlackConfig, deps: SlackDeps): Promise<RunningApp> {
  const app = createSlackApp(config, deps);
  if (config.mode === 'socket') {
    await app.start();
    return { app, port: undefined, stop: () => app.stop() as Promise<void> };
  }
  const server = (await app.start(config.port)) as { address(): AddressInfo | string | null };
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return { app, port, stop: () => app.stop() as Promise<void> };
}
