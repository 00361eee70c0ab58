import '../dotenv.js';
import { parseArgs } from 'node:util';
import { formatConfigProblems, parseConfig } from '../config.js';
import { buildDigest, chooseFactOfDay, renderDigestText } from '../core/digest.js';
import { createEngine } from '../core/engine.js';
import { formatTimeOfDay, knownZone, localTime, resolveZone } from '../core/schedule.js';
import { createScheduler } from '../digest/scheduler.js';
import { openDatabase } from '../store/database.js';
import { digestStore, subscriptionId } from '../store/digest-store.js';
import { parseArgsOrExit } from './args.js';
import { endWhenReaderLeaves } from './closed-pipe.js';
import { loadOrExit } from './load-or-exit.js';

const usage = `Usage:
  npm run digest -- preview [--zone Europe/Amsterdam]         the next digest, as text
  npm run digest -- preview --team T123 --channel C123         that channel's next digest (reads DATABASE_URL)
  npm run digest -- list                                        subscribed channels (reads DATABASE_URL)`;

const { values, positionals } = parseArgsOrExit(
  () =>
    parseArgs({
      options: { zone: { type: 'string' }, channel: { type: 'string' }, team: { type: 'string' } },
      allowPositionals: true,
    }),
  usage,
);
const command = positionals[0];
// What was asked for is checked before the model is trained, which takes seconds.
if (command !== 'preview' && command !== 'list') {
  console.error(usage);
  process.exit(command ? 2 : 0);
}
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(formatConfigProblems(parsed.problems));
  process.exit(1);
}
endWhenReaderLeaves();
const knowledgeDir = parsed.config.knowledgeDir;
const engineNow = () => createEngine(loadOrExit(knowledgeDir).knowledge);
const now = new Date();

if (command === 'preview' && !values.channel) {
  const engine = engineNow();
  const zone = values.zone ? resolveZone(values.zone) : 'UTC';
  if (!zone) {
    console.error(`"${values.zone}" is not a time zone I know; use an IANA name such as Europe/Amsterdam.`);
    process.exit(2);
  }
  const factOfDay = chooseFactOfDay(engine.knowledge.facts, new Set());
  console.log(
    renderDigestText(buildDigest(engine, { date: localTime(now, zone).date, factOfDay, newFacts: [] })),
  );
} else {
  const db = await openDatabase(parsed.config.database);
  const store = digestStore(db);
  if (command === 'list') {
    const subs = await store.listSubscribed();
    if (subs.length === 0) console.log('No channel is subscribed.');
    for (const s of subs)
      console.log(
        `${s.team_id} ${s.channel_id} at ${formatTimeOfDay(s.minutes)} ${s.zone}${s.status === 'paused' ? ` paused (${s.status_reason ?? 'no reason recorded'})` : ''}`,
      );
  } else {
    const engine = engineNow();
    const id = subscriptionId(values.team ?? '', values.channel ?? '');
    const sub = await store.get(id);
    if (!sub) {
      console.error(
        `No subscription for team "${values.team ?? ''}" channel "${values.channel}". See "npm run digest -- list".`,
      );
      process.exit(2);
    }
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const scheduler = createScheduler({
      store,
      engine: () => engine,
      post: async () => ({ kind: 'failed', error: 'preview only' }),
      now: () => now,
      logger: log,
      instance: 'preview',
      tickSeconds: 60,
    });
    // A zone this server's time-zone data does not know reads as UTC here.
    const zone = knownZone(sub.zone) ?? 'UTC';
    console.log(renderDigestText(await scheduler.preview(id, localTime(now, zone).date)));
  }
  await db.destroy();
}
