import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { runChat } from './cli/chat.js';
import { loadOrExit } from './cli/load-or-exit.js';
import { formatConfigProblems, parseConfig } from './config.js';
import { createEngine } from './core/engine.js';
import { digestClient, slackPoster } from './digest/poster.js';
import { createScheduler } from './digest/scheduler.js';
import { consoleLog } from './log.js';
import { startSlackApp } from './slack/app.js';
import { type Db, openDatabase } from './store/database.js';
import { digestStore } from './store/digest-store.js';
import { databaseDedupe } from './store/event-claims.js';

/** The composition root: config, knowledge, engine, then Slack or the local chat. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(formatConfigProblems(parsed.problems));
    process.exit(1);
  }
  const config = parsed.config;
  const engine = createEngine(loadOrExit(config.knowledgeDir).knowledge);

  if (config.mode === 'local') {
    const why = 'No Slack credentials are set (SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)';
    if (!process.stdin.isTTY) {
      console.error(
        `nato-bot cannot start: ${why}, and there is no terminal for the local chat.\nSet the variables to connect to Slack (see .env.example and the README), or run "npm start" in a terminal to chat locally.`,
      );
      process.exit(1);
    }
    await runChat(
      engine,
      `${why}: running the local terminal chat instead. See the README to connect to Slack.`,
    );
    return;
  }

  const log = consoleLog(config.logLevel);
  let db: Db;
  try {
    db = await openDatabase(config.database);
  } catch (error) {
    console.error(
      `nato-bot cannot start: the database (DATABASE_URL) could not be opened: ${(error as Error).message}`,
    );
    process.exit(1);
  }
  const now = (): Date => new Date();
  const store = digestStore(db);
  await store.recordKnownFacts(
    engine.knowledge.facts.map((f) => f.id),
    now(),
  );
  const scheduler = createScheduler({
    store,
    engine: () => engine,
    post: slackPoster(digestClient(config.botToken, config.apiUrl)),
    now,
    logger: log,
    instance: `${hostname()}:${process.pid}`,
    tickSeconds: config.digestTickSeconds,
  });

  let running: Awaited<ReturnType<typeof startSlackApp>>;
  try {
    running = await startSlackApp(config, {
      engine: () => engine,
      dedupe: databaseDedupe(db),
      digest: { store, scheduler, now },
    });
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    const hint =
      code === 'invalid_auth' || code === 'not_authed'
        ? 'Slack rejected SLACK_BOT_TOKEN: copy the current "Bot User OAuth Token" from OAuth & Permissions.'
        : `Slack did not accept the connection: ${code ?? (error as Error).message}`;
    console.error(`nato-bot cannot start: ${hint}`);
    await db.destroy();
    process.exit(1);
  }
  scheduler.start();
  log.info(
    config.mode === 'http'
      ? `running in HTTP mode on port ${running.port}: POST /slack/events, GET /healthz`
      : 'connected to Slack in Socket Mode',
  );
  const stop = async (): Promise<void> => {
    await scheduler.stop();
    await running.stop();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

await main();
