import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type InstallationStore, type Logger, type LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Config } from '../config.js';
import type { SlackDeps } from './deps.js';
import { botScopes } from './ids.js';
import { registerListeners } from './listeners/index.js';

export type SlackConfig = Exclude<Config, { mode: 'local' }>;

/** What /readyz reports: ok, and each check's state in a word or two. */
export interface Readiness {
  ok: boolean;
  checks: Record<string, string>;
}

/** Process-level services for the app, beside the listeners' deps. */
export interface AppServices {
  /** Bolt's logger interface; default Bolt's console logger at the configured level. */
  logger?: Logger;
  /** Installations (OAuth mode only; required there). */
  installationStore?: InstallationStore;
  /** Backs GET /readyz; without it, /readyz answers like /healthz. */
  readiness?: () => Promise<Readiness>;
}

export interface RunningApp {
  app: App;
  /** The HTTP port bound (in Socket Mode: the port configured for health and OAuth pages). */
  port: number | undefined;
  /** Stops taking requests, then waits for listeners already running to finish. */
  stop(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** Builds the Bolt app for either connection mode and either kind of auth, every listener registered. */
export function createSlackApp(
  config: SlackConfig,
  deps: SlackDeps,
  services: AppServices = {},
): { app: App; idle: () => Promise<void> } {
  const apiUrl = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const clientOptions = () => ({
    ...apiUrl,
    // Replies are cheap to lose and costly to duplicate: no silent retries of a lost response.
    // Set explicitly, so Socket Mode does not write its own retry policy into these options.
    retryConfig: { retries: 0 },
  });
  const customRoutes = [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req: IncomingMessage, res: ServerResponse) => json(res, 200, { ok: true }),
    },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        const check = services.readiness ?? (async (): Promise<Readiness> => ({ ok: true, checks: {} }));
        check().then(
          (r) => {
            // In Socket Mode nothing reaches the bot while its connection to Slack is down.
            const slack = socket?.();
            const ready =
              slack === undefined ? r : { ok: r.ok && slack === 'ok', checks: { ...r.checks, slack } };
            json(res, ready.ok ? 200 : 503, ready);
          },
          (error: Error) => json(res, 503, { ok: false, checks: { error: error.message } }),
        );
      },
    },
  ];
  const auth =
    config.auth.kind === 'token'
      ? { token: config.auth.botToken }
      : {
          clientId: config.auth.clientId,
          clientSecret: config.auth.clientSecret,
          stateSecret: config.auth.stateSecret,
          scopes: botScopes,
          installationStore: loggedInstalls(required(services.installationStore), services.logger),
        };
  const installerOptions = {
    // "Add to Slack" links go straight to Slack's consent page.
    directInstall: true,
    // Bolt gives these to the OAuth client and, in Socket Mode, to the socket client. That one
    // must keep retrying apps.connections.open when it reconnects: with no retries, one 503 there
    // is an error it treats as fatal, and the process dies. Left unset, it sets its own policy.
    clientOptions: config.mode === 'socket' ? { ...apiUrl } : clientOptions(),
    ...(config.mode === 'socket' ? { port: config.port } : {}),
    callbackOptions: { failure: installFailure },
  };
  const common = {
    ...auth,
    ...(services.logger ? { logger: services.logger } : {}),
    logLevel: config.logLevel as LogLevel,
    clientOptions: clientOptions(),
    installerOptions,
    customRoutes,
    // No listener reads `context.conversation`; Bolt's default conversation store would look
    // one up on every request (and build an Error with a stack trace for each miss).
    convoStore: false as const,
    // Bolt otherwise checks a bot token with auth.test in its constructor, where a refusal is a
    // rejection nobody awaits until the first event (the process dies of it); `startSlackApp`
    // awaits `init()`, so the refusal is reported.
    deferInitialization: true,
  };
  const app =
    config.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.appToken })
      : new App({ ...common, signingSecret: config.signingSecret, endpoints: '/slack/events' });
  const socket = config.mode === 'socket' ? socketState(app) : undefined;

  const route = registerListeners(app, deps);
  // The one global middleware (besides Bolt's own): hands events, clicks and form submissions to
  // their listeners, the command on to Bolt's, and counts the listeners at work, so a shutdown can
  // wait for their replies.
  let inFlight = 0;
  let wake: (() => void) | undefined;
  app.use(async (args) => {
    inFlight += 1;
    try {
      await (route(args) ?? args.next());
    } finally {
      inFlight -= 1;
      if (inFlight === 0) wake?.();
    }
  });
  app.error(async (error) => {
    app.logger.error(`listener failed: ${error.code ?? ''} ${error.message}`);
  });
  const idle = (): Promise<void> =>
    inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve));
  return { app, idle };
}

export async function startSlackApp(
  config: SlackConfig,
  deps: SlackDeps,
  services: AppServices = {},
): Promise<RunningApp> {
  const { app, idle } = createSlackApp(config, deps, services);
  const stop = async (): Promise<void> => {
    await (app.stop() as Promise<unknown>);
    await idle();
  };
  // Checks the bot token (auth.test), if one is set.
  await app.init().catch(blame('SLACK_BOT_TOKEN'));
  if (config.mode === 'socket') {
    // The Socket Mode receiver serves the health checks on the port, but leaves its listening
    // error unhandled, which would end the process with a stack trace: find out first.
    await portFree(config.port);
    // Slack answers invalid_auth for either token; the bot token has passed by now.
    await app.start().catch(blame('SLACK_APP_TOKEN'));
    return { app, port: config.port, stop };
  }
  const server = (await app.start(config.port)) as { address(): AddressInfo | string | null };
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return { app, port, stop };
}

/**
 * The page a person sees when an install does not complete: in plain words, with a way to start
 * again. Pressing Cancel on Slack's consent page is no server error, and an install link opened
 * in another browser, or left too long, is the visitor's to restart.
 */
function installFailure(
  error: { code?: string },
  _options: unknown,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const cancelled = new URL(req.url ?? '/', 'http://localhost').searchParams.get('error') === 'access_denied';
  const stale = error.code === 'slack_oauth_invalid_state' || error.code === 'slack_oauth_missing_state';
  const [status, message] = cancelled
    ? [200, 'The installation was cancelled, so nothing was installed.']
    : stale
      ? [400, 'This install link has expired, or was finished in another browser.']
      : [500, 'Slack could not complete the installation. Please try again in a moment.'];
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>nato-bot</title></head><body><p>${message}</p><p><a href="/slack/install">Add nato-bot to Slack</a></p></body></html>`,
  );
}

/**
 * The state of the Socket Mode connection, for readiness: "ok" while it is open, else since when
 * it has been down ("disconnected since …"). Read from the events of Bolt's socket client, which
 * reconnects by itself after Slack recycles a connection or the network drops.
 */
function socketState(app: App): (() => string) | undefined {
  // Bolt keeps its receiver private; the one it builds for socketMode is a SocketModeReceiver.
  // Should a later Bolt keep it elsewhere, readiness goes without this check rather than fail.
  const receiver: unknown = Reflect.get(app, 'receiver');
  if (!(receiver instanceof SocketModeReceiver)) {
    app.logger.warn('Socket Mode: the connection state cannot be read; /readyz does not report it');
    return undefined;
  }
  let state = 'not connected yet';
  receiver.client.on('connected', () => {
    state = 'ok';
  });
  // Closed, then reconnecting (perhaps many times): down since the first close.
  const down = (): void => {
    if (state === 'ok') state = `disconnected since ${new Date().toISOString()}`;
  };
  receiver.client.on('close', down);
  receiver.client.on('disconnected', down);
  return () => state;
}

/** Resolves once `port` could be listened on (and is free again); rejects with EADDRINUSE if not. */
function portFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** Which variable's token Slack refused, for the start-up message (see `SlackStartError`). */
export interface SlackStartError extends Error {
  slackToken?: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';
}

const tokenRefusals = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked']);

/** What `startSlackApp`'s failure tells whoever started the bot, and what to do about it. */
export function startFailureMessage(error: SlackStartError, port: number): string {
  const code = (error as { data?: { error?: string } }).data?.error;
  if (code && tokenRefusals.has(code)) {
    return error.slackToken === 'SLACK_APP_TOKEN'
      ? `Slack rejected SLACK_APP_TOKEN (${code}): under Basic Information → App-Level Tokens, generate a token with the connections:write scope and copy it (it starts with xapp-).`
      : `Slack rejected SLACK_BOT_TOKEN (${code}): copy the current "Bot User OAuth Token" from OAuth & Permissions.`;
  }
  if (code) return `Slack did not accept the connection: ${code}`;
  if ((error as { code?: string }).code === 'EADDRINUSE') {
    return `port ${port} is already in use: stop whatever is using it, or set PORT to a free port.`;
  }
  return `it could not connect to Slack: ${error.message}`;
}

function blame(variable: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN'): (error: unknown) => never {
  return (error) => {
    if (error && typeof error === 'object') (error as SlackStartError).slackToken = variable;
    throw error;
  };
}

function required(store: InstallationStore | undefined): InstallationStore {
  if (!store) throw new Error('OAuth mode needs an installation store');
  return store;
}

/** Logs each new installation by workspace id (never its tokens). */
function loggedInstalls(store: InstallationStore, logger: Logger | undefined): InstallationStore {
  return {
    storeInstallation: async (installation, l) => {
      await store.storeInstallation(installation, l);
      const where = installation.isEnterpriseInstall
        ? `org ${installation.enterprise?.id}`
        : `workspace ${installation.team?.id}`;
      logger?.info(`installed in ${where}`);
    },
    fetchInstallation: (q, l) => store.fetchInstallation(q, l),
    ...(store.deleteInstallation ? { deleteInstallation: store.deleteInstallation.bind(store) } : {}),
  };
}
