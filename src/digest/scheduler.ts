import { buildDigest, chooseFactOfDay, cycleComplete, type Digest } from '../core/digest.js';
import type { Engine } from '../core/engine.js';
import {
  addDays,
  daysBetween,
  isValidZone,
  type LocalTime,
  lastMinutesOfYesterday,
  localTime,
} from '../core/schedule.js';
import { renderDigest } from '../slack/render/digest.js';
import {
  type Delivery,
  type DigestStore,
  type Subscription,
  unfinishedStatuses,
} from '../store/digest-store.js';
import type { Poster } from './poster.js';

export interface SchedulerLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface SchedulerDeps {
  store: DigestStore;
  engine: () => Engine;
  post: Poster;
  now: () => Date;
  logger: SchedulerLogger;
  /** Names this process in claims, for the logs of a multi-instance deployment. */
  instance: string;
  tickSeconds: number;
  /** A claim older than this that never reached Slack is taken over. */
  staleClaimSeconds?: number;
}

export interface TickReport {
  posted: string[];
  missed: string[];
  failed: string[];
}

/** No clock jumps by more than two hours: only a digest this late can lose its day to one. */
const lateInTheDay = 22 * 60;

/** Why a digest paused when its time zone is one this server does not know. */
export const unknownZone = 'unknown_time_zone';

/** How far back a restart looks for days that ended without a digest. */
const missedLookbackDays = 31;

export interface Scheduler {
  tick(): Promise<TickReport>;
  start(): void;
  /** Stops ticking and waits for a tick in flight to finish the post it is making. */
  stop(): Promise<void>;
  /**
   * When the scheduler last made progress, for readiness checks: a tick finished, or a channel
   * within one was handled. Undefined before the first.
   */
  lastTickAt(): Date | undefined;
  /** The digest a channel would get next, without posting or recording anything. */
  preview(subscriptionId: string | undefined, localDate: string): Promise<Digest>;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const staleMs = (deps.staleClaimSeconds ?? 120) * 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickReport> | undefined;
  let stopping = false;
  let lastTick: Date | undefined;
  /**
   * What this process has seen settled, per subscription, so a tick asks the database only about
   * what may still change: for its local day, whether every earlier day is on record, and the days
   * whose delivery is finished (posted, failed, missed or unknown), which nothing moves on.
   * Forgotten when the day changes, or the subscription does (a new time, a resume, or a new
   * subscription after an uninstall, whose deliveries went with the old one).
   */
  const settled = new Map<
    string,
    { day: string; version: string; earlierOnRecord: boolean; done: Set<string> }
  >();
  const settledFor = (sub: Subscription, day: string) => {
    let s = settled.get(sub.id);
    if (!s || s.day !== day || s.version !== sub.updated_at) {
      s = { day, version: sub.updated_at, earlierOnRecord: false, done: new Set() };
      settled.set(sub.id, s);
    }
    return s;
  };

  async function digestFor(sub: Subscription | undefined, localDate: string): Promise<Digest> {
    const engine = deps.engine();
    const facts = engine.knowledge.facts;
    let factOfDay = chooseFactOfDay(facts, new Set());
    let newFacts: typeof facts = [];
    if (sub) {
      const shown = await deps.store.shownFacts(sub.id);
      factOfDay = chooseFactOfDay(facts, cycleComplete(facts, shown) ? new Set() : shown);
      const last = await deps.store.latestDelivery(sub.id, 'posted');
      if (last?.posted_at) {
        const fresh = await deps.store.factsSeenAfter(last.posted_at);
        newFacts = facts.filter((f) => fresh.has(f.id));
      }
    }
    return buildDigest(engine, { date: localDate, factOfDay, newFacts });
  }

  async function deliver(
    sub: Subscription,
    localDate: string,
    attempts: number,
    report: TickReport,
  ): Promise<void> {
    const digest = await digestFor(sub, localDate);
    const factId = digest.factOfDay?.fact.id ?? null;
    const claim = { instance: deps.instance, attempts, factId };
    if (!(await deps.store.startSending(sub.id, localDate, claim, deps.now()))) {
      deps.logger.warn(`digest for ${sub.channel_id} ${localDate} was taken over by another instance`);
      return;
    }
    const outcome = await deps.post(
      { teamId: sub.team_id, enterpriseId: sub.enterprise_id, channel: sub.channel_id },
      renderDigest(digest),
    );
    const now = deps.now();
    const label = `${sub.channel_id} ${localDate}`;
    // Every outcome but a rate limit is final: once it is recorded, later ticks need not ask about
    // this day again.
    const finished = (): void => {
      settledFor(sub, localTime(now, sub.zone).date).done.add(localDate);
    };
    switch (outcome.kind) {
      case 'posted': {
        await deps.store.update(sub.id, localDate, {
          status: 'posted',
          posted_at: now.toISOString(),
          message_ts: outcome.ts,
        });
        finished();
        if (factId) {
          const shown = await deps.store.shownFacts(sub.id);
          await deps.store.markShown(sub.id, factId, cycleComplete(deps.engine().knowledge.facts, shown));
        }
        report.posted.push(label);
        deps.logger.info(`digest posted to ${label}`);
        return;
      }
      case 'rate_limited': {
        const retryAt = new Date(now.getTime() + outcome.retryAfterSeconds * 1000).toISOString();
        await deps.store.update(sub.id, localDate, {
          status: 'rate_limited',
          retry_at: retryAt,
          error: 'ratelimited',
        });
        deps.logger.warn(`digest for ${label} rate limited; retrying after ${outcome.retryAfterSeconds}s`);
        return;
      }
      case 'channel_unavailable': {
        await deps.store.update(sub.id, localDate, { status: 'failed', error: outcome.error });
        finished();
        await deps.store.setStatus(sub.id, 'paused', outcome.error, now);
        report.failed.push(label);
        deps.logger.warn(`digest for ${label} paused: Slack answered ${outcome.error}`);
        return;
      }
      case 'unknown': {
        // Slack may or may not have posted: recording it beats a second post.
        await deps.store.update(sub.id, localDate, { status: 'unknown', error: outcome.error });
        finished();
        report.failed.push(label);
        deps.logger.warn(`digest for ${label} has an unknown outcome (${outcome.error}); not resent`);
        return;
      }
      case 'failed': {
        await deps.store.update(sub.id, localDate, { status: 'failed', error: outcome.error });
        finished();
        report.failed.push(label);
        deps.logger.error(`digest for ${label} failed: ${outcome.error}`);
        return;
      }
    }
  }

  /**
   * Takes over a delivery that is ours to finish: a stale claim, or a rate-limited one now due.
   * Returns the claim's attempt number, or 0 when there is nothing to take over.
   */
  async function resume(d: Delivery, now: Date): Promise<number> {
    const next = d.attempts + 1;
    if (d.status === 'claimed' && now.getTime() - Date.parse(d.claimed_at) > staleMs) {
      return (await deps.store.reclaim(d, 'claimed', now, deps.instance)) ? next : 0;
    }
    if (d.status === 'rate_limited' && d.retry_at && d.retry_at <= now.toISOString()) {
      return (await deps.store.reclaim(d, 'rate_limited', now, deps.instance)) ? next : 0;
    }
    if (d.status === 'sending' && now.getTime() - Date.parse(d.claimed_at) > staleMs) {
      // The process stopped while Slack was being called: whether it posted is unknown. Only if
      // it is still so: `d` may have been read a while ago, and its post finished since.
      await deps.store.abandon(d, 'sending', 'stopped while posting; outcome unknown, not resent', 'unknown');
    }
    return 0;
  }

  /** Records each earlier day with no delivery as missed: once a local day, one query when none is. */
  async function recordMissedDays(
    sub: Subscription,
    today: string,
    now: Date,
    report: TickReport,
  ): Promise<void> {
    const known = settledFor(sub, today);
    if (known.earlierOnRecord) return;
    const from = [sub.start_date, addDays(today, -missedLookbackDays)].sort().at(-1) as string;
    const onRecord = await deps.store.datesOnRecord(sub.id, from, today);
    for (let day = from; daysBetween(day, today) > 0; day = addDays(day, 1)) {
      if (onRecord.has(day)) continue;
      if (await deps.store.recordMissed(sub.id, day, now, deps.instance)) {
        report.missed.push(`${sub.channel_id} ${day}`);
        deps.logger.warn(`digest for ${sub.channel_id} on ${day} was missed: the bot was down all that day`);
      }
    }
    known.earlierOnRecord = true;
  }

  /**
   * Deliveries of earlier days still unfinished: one rate limited just before midnight, or claimed
   * by an instance that stopped. A late-evening digest (22:00 or later) that ran past midnight is
   * finished in the first hours of the next day, late, where the channel's next digest is most of
   * a day away; any other is recorded as missed rather than posted beside the day's own, as is one
   * dated before the schedule the channel has now. A day's digest is never dropped without a
   * record and a warning.
   */
  async function finishEarlierDays(
    sub: Subscription,
    unfinished: readonly Delivery[],
    local: LocalTime,
    now: Date,
    report: TickReport,
  ) {
    const today = local.date;
    const yesterday = addDays(today, -1);
    const spilled = sub.minutes >= lateInTheDay && local.minutes < 24 * 60 - lateInTheDay;
    // Not from the start date: a digest rate limited on the day its schedule moved on (`digest on`
    // with a new time) is dated before the new start, and is finished too.
    const from = addDays(today, -missedLookbackDays);
    for (const d of unfinished) {
      if (d.local_date < from || d.local_date >= today) continue;
      const rescheduled = d.local_date < sub.start_date;
      if (d.status === 'sending' || (d.local_date === yesterday && spilled && !rescheduled)) {
        const attempts = await resume(d, now);
        if (attempts > 0) await deliver(sub, d.local_date, attempts, report);
        continue;
      }
      await giveUp(d, now, report, sub.channel_id, rescheduled ? 'its schedule changed' : 'its day ended');
    }
  }

  /**
   * Records as missed a delivery nobody will finish (rate limited, or claimed by an instance that
   * stopped), with a warning saying `why`: "its day ended". A fresh claim is another instance's.
   */
  async function giveUp(d: Delivery, now: Date, report: TickReport, channel: string, why: string) {
    const stale = d.status === 'rate_limited' || now.getTime() - Date.parse(d.claimed_at) > staleMs;
    if (!stale || d.status === 'sending') return;
    if (await deps.store.abandon(d, d.status, `still unfinished when ${why}; not posted late`)) {
      const label = `${channel} ${d.local_date}`;
      report.missed.push(label);
      deps.logger.warn(
        `digest for ${label} was missed: it was still ${d.status.replace('_', ' ')} when ${why}`,
      );
    }
  }

  /** Claims the day's delivery, or takes over one that is ours to finish, and posts it. */
  async function claimAndDeliver(
    sub: Subscription,
    localDate: string,
    today: string,
    now: Date,
    report: TickReport,
  ): Promise<void> {
    const known = settledFor(sub, today);
    if (known.done.has(localDate)) return;
    const existing = await deps.store.delivery(sub.id, localDate);
    if (existing && !unfinishedStatuses.includes(existing.status)) {
      known.done.add(localDate);
      return;
    }
    const attempts = existing
      ? await resume(existing, now)
      : (await deps.store.claim(sub.id, localDate, now, deps.instance))
        ? 1
        : 0;
    if (attempts > 0) await deliver(sub, localDate, attempts, report);
  }

  async function runTick(): Promise<TickReport> {
    const report: TickReport = { posted: [], missed: [], failed: [] };
    const active = await deps.store.listActive();
    const ids = new Set(active.map((s) => s.id));
    for (const id of settled.keys()) if (!ids.has(id)) settled.delete(id);
    // Every channel's unfinished deliveries at once; a local day is at most a day from UTC's.
    const unfinished = new Map<string, Delivery[]>();
    const utcDay = deps.now().toISOString().slice(0, 10);
    for (const d of await deps.store.unfinished(addDays(utcDay, -missedLookbackDays - 1))) {
      const list = unfinished.get(d.subscription_id);
      if (list) list.push(d);
      else unfinished.set(d.subscription_id, [d]);
    }
    for (const sub of active) {
      // Shutting down: finish the post in flight, start no other.
      if (stopping) break;
      // The time now, not the tick's start: a claim stamped earlier than it was made would look
      // stale to another instance after a long tick, which would post it too.
      const now = deps.now();
      try {
        // A zone stored by an instance whose time-zone data knew it, which this one's does not:
        // no day can be told here, so the digest pauses and says why instead of failing each tick.
        if (!isValidZone(sub.zone)) {
          await deps.store.setStatus(sub.id, 'paused', unknownZone, now);
          deps.logger.warn(
            `digest for ${sub.channel_id} paused: this server does not know the time zone ${sub.zone}`,
          );
          continue;
        }
        const local = localTime(now, sub.zone);
        // Where the clock jumped past the time at the end of yesterday (Nuuk's spring-forward
        // goes from 23:00 to 00:00), yesterday's digest is due now, as one inside a skipped hour
        // earlier in a day is due when the jump ends.
        const yesterday = addDays(local.date, -1);
        if (
          sub.minutes >= lateInTheDay &&
          yesterday >= sub.start_date &&
          lastMinutesOfYesterday(now, sub.zone) < sub.minutes
        ) {
          await claimAndDeliver(sub, yesterday, local.date, now, report);
        }
        await finishEarlierDays(sub, unfinished.get(sub.id) ?? [], local, now, report);
        await recordMissedDays(sub, local.date, now, report);
        if (local.date < sub.start_date || local.minutes < sub.minutes) continue;
        await claimAndDeliver(sub, local.date, local.date, now, report);
      } catch (error) {
        deps.logger.error(`digest tick failed for ${sub.channel_id}: ${(error as Error).message}`);
      } finally {
        // A long tick (hundreds of channels due at 09:00, or a slow Slack) is still progress.
        lastTick = deps.now();
      }
    }
    // A channel whose digest was turned off or paused while its post was rate limited, or claimed
    // by an instance that stopped: nobody will finish it, so it is recorded, not left open.
    for (const [id, deliveries] of unfinished) {
      if (stopping || ids.has(id)) continue;
      const channel = id.slice(id.indexOf(':') + 1);
      const now = deps.now();
      for (const d of deliveries) {
        if (d.status === 'sending') await resume(d, now);
        else await giveUp(d, now, report, channel, 'its digest was turned off or paused');
      }
    }
    return report;
  }

  return {
    tick() {
      // One tick at a time in a process; other processes are kept apart by the claims.
      if (!running) {
        running = runTick()
          .then((report) => {
            lastTick = deps.now();
            return report;
          })
          // The database gone for a while (a restart, a failover) fails the tick, not the process:
          // readiness says so, and the next tick tries again.
          .catch((error: Error): TickReport => {
            deps.logger.error(`digest tick failed: ${error.message}`);
            return { posted: [], missed: [], failed: [] };
          })
          .finally(() => (running = undefined));
      }
      return running;
    },
    start() {
      if (timer) return;
      stopping = false;
      timer = setInterval(() => void this.tick(), deps.tickSeconds * 1000);
      timer.unref();
      void this.tick();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    lastTickAt: () => lastTick,
    async preview(subscriptionId, localDate) {
      const sub = subscriptionId ? await deps.store.get(subscriptionId) : undefined;
      return digestFor(sub, localDate);
    },
  };
}
