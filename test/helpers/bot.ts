import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogLevelName, SlackAuth } from '../../src/config.js';
import { createEngine, type Engine } from '../../src/core/engine.js';
import {
  type ClientFor,
  digestClient,
  installedClients,
  singleClient,
  slackPoster,
} from '../../src/digest/poster.js';
import { createScheduler, type Scheduler } from '../../src/digest/scheduler.js';
import { defaultKnowledgeDir, loadKnowledge } from '../../src/knowledge/load.js';
import { type KnowledgeHolder, knowledgeHolder } from '../../src/knowledge/reloader.js';
import { type JsonLog, jsonLog } from '../../src/log.js';
import { type Readiness, type RunningApp, type SlackConfig, startSlackApp } from '../../src/slack/app.js';
import { memoryConversations } from '../../src/slack/conversations.js';
import { curatorCheck, reloaderCheck } from '../../src/slack/curators.js';
import { type CurationStore, curationStore } from '../../src/store/curation-store.js';
import { type DatabaseTarget, type Db, openDatabase } from '../../src/store/database.js';
import { type DigestStore, digestStore } from '../../src/store/digest-store.js';
import { databaseDedupe } from '../../src/store/event-claims.js';
import { databaseInstallations, type Installations } from '../../src/store/installations.js';
import { tokenCipher } from '../../src/store/token-cipher.js';
import { forgetWorkspace } from '../../src/store/workspaces.js';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';

export const botToken = 'xoxb-test-0000000000-abcdefabcdef';
export const signingSecret = 'a'.repeat(32);

/**
 * How long a test waits for a knowledge reload to finish. A reload learns the model again from
 * every labelled question, in steps between requests: a few seconds alone, but over 10 s on a
 * 2-core machine while other test files start bots beside it. Tests wait for the reload's reply
 * or log line, never for a time; this only bounds how long before one gives up.
 */
export const reloadPatienceMs = 45_000;

/**
 * How long a test waits for a bot process to start: to listen, or to answer from the command line.
 * A bot learns its model before it listens: a few seconds alone, but over 15 s on a 2-core machine
 * while other test files start bots and learn beside it. Tests wait for the start-up log line or
 * the answer, never for a time; this only bounds how long before one gives up. Waits that follow
 * start-up keep their own, shorter bounds.
 */
export const startPatienceMs = 60_000;

/** OAuth credentials for tests (many-workspace mode). */
export const oauthCredentials = {
  clientId: '1111111111.2222222222',
  clientSecret: 'c0ffee'.repeat(6),
  stateSecret: 'test-state-secret-0123456789',
  encryptionKey: Buffer.alloc(32, 7),
} as const;

let sharedEngine: Engine | undefined;
export function realEngine(): Engine {
  sharedEngine ??= createEngine(loadKnowledge().knowledge);
  return sharedEngine;
}

/** A clock the test moves by hand. */
export interface TestClock {
  now(): Date;
  set(iso: string): void;
}

export function testClock(iso: string): TestClock {
  let t = new Date(iso);
  return { now: () => t, set: (next) => (t = new Date(next)) };
}

export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'nato-bot-')), 'test.sqlite');
}

export interface SchedulerWorld {
  db: Db;
  store: DigestStore;
  scheduler: Scheduler;
  close(): Promise<void>;
}

/** A scheduler on a real SQLite file, posting through the real digest client to `fake`. */
export async function schedulerOn(
  database: string | DatabaseTarget,
  fake: FakeSlack,
  clock: TestClock,
  options: {
    instance?: string;
    timeoutMs?: number;
    engine?: () => Engine;
    /** Per-workspace clients; default the single test bot token. */
    clientFor?: (db: Db) => ClientFor;
    /** What the scheduler is given in place of the real store (which it wraps), e.g. to count its calls. */
    wrapStore?: (store: DigestStore) => DigestStore;
  } = {},
): Promise<SchedulerWorld> {
  const db = await openDatabase(typeof database === 'string' ? { kind: 'sqlite', path: database } : database);
  const store = digestStore(db);
  const engine = options.engine ?? realEngine;
  await store.recordKnownFacts(
    engine().knowledge.facts.map((f) => f.id),
    clock.now(),
  );
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const scheduler = createScheduler({
    store: options.wrapStore?.(store) ?? store,
    engine,
    post: slackPoster(
      options.clientFor?.(db) ?? singleClient(digestClient(botToken, fake.apiUrl, options.timeoutMs ?? 2000)),
    ),
    now: clock.now,
    logger: quiet,
    instance: options.instance ?? 'test',
    tickSeconds: 3600,
  });
  return {
    db,
    store,
    scheduler,
    close: async () => {
      await scheduler.stop();
      await db.destroy();
    },
  };
}

export interface Bot {
  fake: FakeSlack;
  base: string;
  world: SchedulerWorld;
  running: RunningApp;
  /** The installation store (OAuth mode only). */
  installations: Installations | undefined;
  curation: CurationStore;
  knowledge: KnowledgeHolder;
  stop(): Promise<void>;
}

export interface BotOptions {
  clock?: TestClock;
  dbPath?: string;
  database?: DatabaseTarget;
  fake?: FakeSlack;
  /** Many-workspace mode: OAuth with installations in the database. */
  oauth?: boolean;
  /** Receives every JSON log line of the app (default: none kept). */
  logLines?: string[];
  logLevel?: LogLevelName;
  readiness?: () => Promise<Readiness>;
  /** Users allowed `/nato report` and `/nato reload` besides workspace admins. */
  curators?: string[];
  /** The knowledge folder `/nato reload` reads (default: the real one). */
  knowledgeDir?: string;
}

/** The real Bolt app in HTTP mode on a free loopback port, against a fake Slack Web API. */
export async function startBot(options: BotOptions = {}): Promise<Bot> {
  const fake = options.fake ?? (await startFakeSlack(options.oauth ? {} : { botToken }));
  const clock = options.clock ?? { now: () => new Date(), set: () => undefined };
  let installations: Installations | undefined;
  const world = await schedulerOn(options.database ?? options.dbPath ?? tempDbPath(), fake, clock, {
    ...(options.oauth
      ? {
          clientFor: (db: Db) => {
            const found = databaseInstallations(db, tokenCipher(oauthCredentials.encryptionKey), clock.now);
            installations = found;
            return installedClients((team, enterprise) => found.botToken(team, enterprise), fake.apiUrl);
          },
        }
      : {}),
  });
  const auth: SlackAuth = options.oauth
    ? { kind: 'oauth', ...oauthCredentials }
    : { kind: 'token', botToken };
  const logLevel = options.logLevel ?? 'error';
  const config: SlackConfig = {
    mode: 'http',
    auth,
    signingSecret,
    port: 0,
    apiUrl: fake.apiUrl,
    logLevel,
    knowledgeDir: undefined,
    database: { kind: 'sqlite', path: ':memory:' },
    digestTickSeconds: 3600,
    curatorUserIds: options.curators ?? [],
    questionLogDays: 90,
    secrets: [],
  };
  const knowledge = knowledgeHolder(
    options.knowledgeDir ?? defaultKnowledgeDir,
    options.knowledgeDir ? createEngine(loadKnowledge(options.knowledgeDir).knowledge) : realEngine(),
    async (e) =>
      world.store.recordKnownFacts(
        e.knowledge.facts.map((f) => f.id),
        clock.now(),
      ),
  );
  const curation = curationStore(world.db);
  const lines = options.logLines;
  const logger: JsonLog = jsonLog({
    level: logLevel,
    secrets: [signingSecret, oauthCredentials.clientSecret, oauthCredentials.stateSecret],
    write: (line) => lines?.push(line),
  });
  const running = await startSlackApp(
    config,
    {
      engine: knowledge.engine,
      dedupe: databaseDedupe(world.db),
      conversations: memoryConversations(undefined, undefined, () => clock.now().getTime()),
      digest: { store: world.store, scheduler: world.scheduler, now: clock.now },
      curation: {
        store: curation,
        now: clock.now,
        isCurator: curatorCheck(options.curators ?? []),
        mayReload: reloaderCheck(options.curators ?? [], Boolean(options.oauth)),
        knowledge,
      },
      forgetWorkspace: (workspace) => forgetWorkspace(world.db, workspace),
    },
    {
      logger,
      ...(installations ? { installationStore: installations } : {}),
      ...(options.readiness ? { readiness: options.readiness } : {}),
    },
  );
  return {
    fake,
    base: `http://127.0.0.1:${running.port}`,
    world,
    running,
    installations,
    curation,
    knowledge,
    stop: async () => {
      await running.stop();
      await world.close();
      if (!options.fake) await fake.close();
    },
  };
}
