import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createEngine, type Engine } from '../../src/core/engine.js';
import { digestClient, slackPoster } from '../../src/digest/poster.js';
import { createScheduler, type Scheduler } from '../../src/digest/scheduler.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { type RunningApp, type SlackConfig, startSlackApp } from '../../src/slack/app.js';
import { type Db, openDatabase } from '../../src/store/database.js';
import { type DigestStore, digestStore } from '../../src/store/digest-store.js';
import { databaseDedupe } from '../../src/store/event-claims.js';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';

export const botToken = 'xoxb-test-0000000000-abcdefabcdef';
export const signingSecret = 'a'.repeat(32);

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
  dbPath: string,
  fake: FakeSlack,
  clock: TestClock,
  options: { instance?: string; timeoutMs?: number; engine?: () => Engine } = {},
): Promise<SchedulerWorld> {
  const db = await openDatabase({ kind: 'sqlite', path: dbPath });
  const store = digestStore(db);
  const engine = options.engine ?? realEngine;
  await store.recordKnownFacts(
    engine().knowledge.facts.map((f) => f.id),
    clock.now(),
  );
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const scheduler = createScheduler({
    store,
    engine,
    post: slackPoster(digestClient(botToken, fake.apiUrl, options.timeoutMs ?? 2000)),
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
  stop(): Promise<void>;
}

/** The real Bolt app in HTTP mode on a free loopback port, against a fake Slack Web API. */
export async function startBot(
  options: { clock?: TestClock; dbPath?: string; fake?: FakeSlack } = {},
): Promise<Bot> {
  const fake = options.fake ?? (await startFakeSlack({ botToken }));
  const clock = options.clock ?? { now: () => new Date(), set: () => undefined };
  const world = await schedulerOn(options.dbPath ?? tempDbPath(), fake, clock);
  const config: SlackConfig = {
    mode: 'http',
    botToken,
    signingSecret,
    port: 0,
    apiUrl: fake.apiUrl,
    logLevel: 'error',
    knowledgeDir: undefined,
    database: { kind: 'sqlite', path: ':memory:' },
    digestTickSeconds: 3600,
  };
  const running = await startSlackApp(config, {
    engine: realEngine,
    dedupe: databaseDedupe(world.db),
    digest: { store: world.store, scheduler: world.scheduler, now: clock.now },
  });
  return {
    fake,
    base: `http://127.0.0.1:${running.port}`,
    world,
    running,
    stop: async () => {
      await running.stop();
      await world.close();
      if (!options.fake) await fake.close();
    },
  };
}
