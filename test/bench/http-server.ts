/**
 * A server for the HTTP benchmark, in its own process so it does not share an event loop with the
 * load generator: `bot` (the real app, startSlackApp in HTTP mode), `bare` (a Bolt app that only
 * acks `/nato` with a fixed text) or `sink` (answers 200 to every response_url post, and counts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/core/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { startSlackApp } from '../../src/slack/app.js';
import { memoryDedupe } from '../../src/slack/dedupe.js';
import { slashCommand } from '../../src/slack/ids.js';
import { startFakeSlack } from '../helpers/fake-slack.js';

export type ServerMode = 'bot' | 'bare' | 'sink';

export interface ServerInput {
  mode: ServerMode;
  botToken: string;
  signingSecret: string;
}

/** From the server: its port once listening; when asked, the posts it took (sink) and its CPU time. */
export type ServerMessage = { type: 'ready'; port: number } | { type: 'stats'; posts: number; cpuMs: number };
/** To the server. */
export type ServerRequest = { type: 'stats' };

async function startBot(input: ServerInput): Promise<number> {
  // The fake Web API only answers auth.test at start-up: replies go to the response_url sink.
  const fake = await startFakeSlack({ botToken: input.botToken });
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: input.botToken,
    SLACK_SIGNING_SECRET: input.signingSecret,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'error',
    PORT: '3000',
    DATABASE_URL: ':memory:',
  });
  if (!parsed.ok || parsed.config.mode !== 'http') {
    throw new Error(
      `bench config rejected: ${JSON.stringify(parsed.ok ? parsed.config.mode : parsed.problems)}`,
    );
  }
  const engine = createEngine(loadKnowledge().knowledge);
  const running = await startSlackApp(
    { ...parsed.config, port: 0 },
    { engine: () => engine, dedupe: memoryDedupe() },
  );
  return running.port ?? 0;
}

async function startBare(input: ServerInput): Promise<number> {
  const fake = await startFakeSlack({ botToken: input.botToken });
  const app = new App({
    token: input.botToken,
    signingSecret: input.signingSecret,
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  app.command(slashCommand, async ({ ack }) => {
    await ack('Working on it.');
  });
  const server = (await app.start(0)) as { address(): AddressInfo | string | null };
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

let sinkPosts = 0;

function startSink(): Promise<number> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      sinkPosts++;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((ready) => {
    server.listen(0, '127.0.0.1', () => ready((server.address() as AddressInfo).port));
  });
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '{}') as ServerInput;
  const port =
    input.mode === 'bot'
      ? await startBot(input)
      : input.mode === 'bare'
        ? await startBare(input)
        : await startSink();
  const send = (m: ServerMessage): void => {
    process.send?.(m);
  };
  process.on('message', (raw) => {
    if ((raw as ServerRequest).type !== 'stats') return;
    const cpu = process.cpuUsage();
    send({ type: 'stats', posts: sinkPosts, cpuMs: (cpu.user + cpu.system) / 1000 });
  });
  // The parent going away ends the server.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port });
}

main().catch((error: unknown) => {
  console.error(`bench server failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
