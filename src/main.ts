import './dotenv.js';
import { hostname } from 'node:os';
import { runChat } from './cli/chat.js';
import { loadOrExit } from './cli/load-or-exit.js';
import { formatConfigProblems, parseConfig } from './config.js';
import { createEngine } from './core/engine.js';
import { formatProblem } from './core/knowledge/compile.js';
import {
  type ClientFor,
  digestClient,
  installedClients,
  singleClient,
  slackPoster,
} from './digest/poster.js';
import { createScheduler } from './digest/scheduler.js';
import { readiness } from './health.js';
import { defaultKnowledgeDir } from './knowledge/load.js';
import { knowledgeHolder } from './knowledge/reloader.js';
import { warmUp } from './knowledge/warm-up.js';
import { jsonLog } from './log.js';
import {
  type Readiness,
  type RunningApp,
  type SlackStartError,
  startFailureMessage,
  startSlackApp,
} from './slack/app.js';
import { memoryConversations } from './slack/conversations.js';
import { curatorCheck, reloaderCheck } from './slack/curators.js';
import { curationStore } from './store/curation-store.js';
import { type Db, openDatabase, pingDatabase } from './store/database.js';
import { digestStore } from './store/digest-store.js';
import { databaseDedupe } from './store/event-claims.js';
import { databaseInstallations, type Installations } from './store/installations.js';
import { tokenCipher } from './store/token-cipher.js';
import { forgetWorkspace } from './store/workspaces.js';

/** A shutdown that takes longer than this exits anyway, with status 1. */
const shutdownDeadlineMs = 10_000;

/** The composition root: config, knowledge, engine, then Slack or the local chat. */
async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(formatConfigProblems(parsed.problems));
    process.exit(1);
  }
  const config = parsed.config;
  const engine = createEngine(loadOrExit(config.knowledgeDir).knowledge);

  if (config.mode === 'local') {
    const why =
      'No Slack credentials are set (SLACK_BOT_TOKEN or SLACK_CLIENT_ID…, with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)';
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

  const log = jsonLog({ level: config.logLevel, secrets: config.secrets });
  const warmed = await warmUp(engine);
  log.info(`engine warmed up: ${warmed.questions} questions in ${Math.round(warmed.ms)} ms`);
  let db: Db;
  try {
    db = await openDatabase(config.database, {
      onPoolError: (error) => log.warn(`database connection lost: ${error.message}`),
    });
  } catch (error) {
    console.error(
      `nato-bot cannot start: the database (DATABASE_URL) could not be opened: ${(error as Error).message}`,
    );
    process.exit(1);
  }
  const now = (): Date => new Date();
  const store = digestStore(db);
  const knownFacts = (e: typeof engine): Promise<void> =>
    store.recordKnownFacts(
      e.knowledge.facts.map((f) => f.id),
      now(),
    );
  await knownFacts(engine);
  // Reloads (`/nato reload`, SIGHUP) swap the engine; facts they add show up in the next digest.
  // A reloaded engine is warmed up before it takes over, like the first one.
  const knowledge = knowledgeHolder(config.knowledgeDir ?? defaultKnowledgeDir, engine, async (e) => {
    await warmUp(e);
    await knownFacts(e);
  });
  process.on('SIGHUP', () => {
    void knowledge.reload().then(
      (result) => {
        if (result.ok)
          log.info(`SIGHUP: knowledge reloaded, ${result.facts} facts (${result.added.length} new)`);
        else {
          log.error(
            `SIGHUP: knowledge not reloaded, the files are invalid; still answering from the old knowledge:\n${result.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
          );
        }
      },
      // A reload that fails (a database error while recording its facts) leaves the bot running.
      (error: Error) =>
        log.error(
          `SIGHUP: knowledge not reloaded (${error.message}); still answering from the old knowledge`,
        ),
    );
  });
  const curation = curationStore(db);
  const purge = async (): Promise<void> => {
    try {
      const removed = await curation.purge(config.questionLogDays, now());
      if (removed > 0)
        log.info(
          `purged ${removed} question log and feedback row(s) older than ${config.questionLogDays} days`,
        );
    } catch (error) {
      log.warn(`could not purge old questions: ${(error as Error).message}`);
    }
  };
  await purge();
  const purgeTimer = setInterval(() => void purge(), 6 * 3600_000);
  purgeTimer.unref();
  const flushTimer = setInterval(() => void curation.flush().catch(() => undefined), 10_000);
  flushTimer.unref();
  let installations: Installations | undefined;
  let clientFor: ClientFor;
  if (config.auth.kind === 'oauth') {
    const found = databaseInstallations(db, tokenCipher(config.auth.encryptionKey), now);
    installations = found;
    clientFor = installedClients((team, enterprise) => found.botToken(team, enterprise), config.apiUrl);
  } else {
    clientFor = singleClient(digestClient(config.auth.botToken, config.apiUrl));
  }
  const scheduler = createScheduler({
    store,
    engine: knowledge.engine,
    post: slackPoster(clientFor),
    now,
    logger: log,
    instance: `${hostname()}:${process.pid}`,
    tickSeconds: config.digestTickSeconds,
  });

  let draining = false;
  const ready = (): Promise<Readiness> =>
    readiness({
      accepting: !draining,
      pingDatabase: () => pingDatabase(db),
      lastTickAt: scheduler.lastTickAt,
      tickSeconds: config.digestTickSeconds,
      now,
    });

  let running: RunningApp;
  try {
    running = await startSlackApp(
      config,
      {
        engine: knowledge.engine,
        dedupe: databaseDedupe(db),
        conversations: memoryConversations(),
        digest: { store, scheduler, now },
        curation: {
          store: curation,
          now,
          isCurator: curatorCheck(config.curatorUserIds),
          mayReload: reloaderCheck(config.curatorUserIds, config.auth.kind === 'oauth'),
          knowledge,
        },
        forgetWorkspace: async (workspace) => {
          const report = await forgetWorkspace(db, workspace);
          // Counts still in memory for that workspace go too.
          await curation.deleteWorkspace(workspace);
          return report;
        },
      },
      { logger: log, ...(installations ? { installationStore: installations } : {}), readiness: ready },
    );
  } catch (error) {
    const hint = startFailureMessage(error as SlackStartError, config.port);
    console.error(`nato-bot cannot start: ${hint}`);
    await db.destroy();
    process.exit(1);
  }
  scheduler.start();
  const workspaces =
    config.auth.kind === 'oauth' ? 'many workspaces (OAuth: GET /slack/install)' : 'one workspace';
  log.info(
    config.mode === 'http'
      ? `running in HTTP mode on port ${running.port} for ${workspaces}: POST /slack/events, GET /healthz, GET /readyz`
      : `connected to Slack in Socket Mode for ${workspaces}; GET /healthz and /readyz on port ${running.port}`,
  );

  const shutdown = async (signal: string): Promise<void> => {
    if (draining) return;
    draining = true;
    const started = Date.now();
    log.info(`${signal}: shutting down (stop taking work, finish posts in flight, close the database)`);
    setTimeout(() => {
      log.error(`shutdown did not finish within ${shutdownDeadlineMs / 1000} s; exiting anyway`);
      process.exit(1);
    }, shutdownDeadlineMs).unref();
    try {
      clearInterval(purgeTimer);
      clearInterval(flushTimer);
      await Promise.all([running.stop(), scheduler.stop()]);
      await curation
        .flush()
        .catch((error: Error) => log.warn(`could not write answer counts: ${error.message}`));
      await db.destroy();
      log.info(`shutdown complete in ${Date.now() - started} ms`);
      process.exit(0);
    } catch (error) {
      log.error(`shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

await main();
