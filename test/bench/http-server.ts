/**
 * A server for the HTTP benchmark, in its own process so it does not share an event loop with the
 * load generator: `bot` (the real app in HTTP mode, with its database), `bare` (a Bolt app that
 * only acks `/nato` with a fixed text), `bare-body` (the same, acking with the bot's reply to the
 * bench's question instead: a reference for what that body costs) or `sink` (answers 200 to every
 * response_url post, and counts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, LogLevel } from '@slack/bolt';
import { createEngine } from '../../src/core/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { type CommandReply, commandReplyFor } from '../../src/slack/ask.js';
import { slashCommand } from '../../src/slack/ids.js';
import { startBot as startTestBot } from '../helpers/bot.js';
import { startFakeSlack } from '../helpers/fake-slack.js';

export type ServerMode = 'bot' | 'bare' | 'bare-body' | 'sink';

export interface ServerInput {
  mode: ServerMode;
  botToken: string;
  signingSecret: string;
  /** The text of the bench's `/nato` command. */
  question: string;
}

type AckBody = string | CommandReply['ack'];

/** What the bot acks `/nato <question>` with, built by the bot's own code. */
function botReply(question: string): AckBody {
  return commandReplyFor(createEngine(loadKnowledge().knowledge), question).ack;
}

/** From the server: its port once listening; when asked, the posts it took (sink) and its CPU time. */
export type ServerMessage = { type: 'ready'; port: number } | { type: 'stats'; posts: number; cpuMs: number };
/** To the server. */
export type ServerRequest = { type: 'stats' };

async function startBot(): Promise<number> {
  // The app as the composition root builds it (test/helpers/bot.ts): answer-rate counts and the
  // curators' log in a SQLite file, event claims, the JSON logger. The fake Web API only answers
  // auth.test at start-up: answers travel in the acknowledgement.
  const dir = mkdtempSync(join(tmpdir(), 'nato-bench-'));
  // Stopped or disconnected, the server leaves no database behind.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  process.once('SIGTERM', () => process.exit(0));
  const bot = await startTestBot({ dbPath: join(dir, 'bench.sqlite'), logLevel: 'error' });
  return bot.running.port ?? 0;
}

async function startBare(input: ServerInput, body: AckBody = 'Working on it.'): Promise<number> {
  const fake = await startFakeSlack({ botToken: input.botToken });
  const app = new App({
    token: input.botToken,
    signingSecret: input.signingSecret,
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  app.command(slashCommand, async ({ ack }) => {
    await ack(body);
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
      ? await startBot()
      : input.mode === 'bare'
        ? await startBare(input)
        : input.mode === 'bare-body'
          ? await startBare(input, botReply(input.question))
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
