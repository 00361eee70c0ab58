import type { DigestHistory } from '../core/schedule.js';
import type { Db } from './database.js';
import type { DeliveryRow, DeliveryStatus, SubscriptionRow, SubscriptionStatus } from './schema.js';

export type Subscription = SubscriptionRow;
export type Delivery = DeliveryRow;

export function subscriptionId(teamId: string, channelId: string): string {
  return `${teamId}:${channelId}`;
}

/** The workspace of a subscription id (Slack team ids never contain ':'). */
export function teamOfSubscription(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

/** Subscriptions, delivery claims and the fact-of-the-day cycle, on any Kysely database. */
export interface DigestStore {
  subscribe(input: {
    teamId: string;
    /** The workspace's Enterprise Grid organisation, if any (for an org-wide install's token). */
    enterpriseId?: string | null;
    channelId: string;
    minutes: number;
    zone: string;
    userId: string;
    startDate: string;
    now: Date;
  }): Promise<Subscription>;
  setStatus(id: string, status: SubscriptionStatus, reason: string | null, now: Date): Promise<void>;
  get(id: string): Promise<Subscription | undefined>;
  listActive(): Promise<Subscription[]>;
  listForTeam(teamId: string): Promise<Subscription[]>;
  /** Every workspace's subscriptions that are not turned off: active and paused. */
  listSubscribed(): Promise<Subscription[]>;
  /**
   * The subscriptions of a channel that are not turned off, from any workspace: a channel shared
   * between workspaces of an organisation keeps one id.
   */
  forChannel(channelId: string): Promise<Subscription[]>;

  delivery(subscriptionId: string, localDate: string): Promise<Delivery | undefined>;
  /** Inserts the (subscription, local date) claim; true only for the one caller that inserted it. */
  claim(subscriptionId: string, localDate: string, now: Date, instance: string): Promise<boolean>;
  /** Takes over a claim still in `from` (and attempt count), e.g. a stale one; true if this caller won. */
  reclaim(d: Delivery, from: DeliveryStatus, now: Date, instance: string): Promise<boolean>;
  /**
   * Moves this instance's claim (as `attempts` left it) to `sending`, refreshing its time; false if
   * another instance has taken the claim over since, which then posts instead.
   */
  startSending(
    subscriptionId: string,
    localDate: string,
    claim: { instance: string; attempts: number; factId: string | null },
    now: Date,
  ): Promise<boolean>;
  update(
    subscriptionId: string,
    localDate: string,
    changes: Partial<
      Pick<Delivery, 'status' | 'retry_at' | 'posted_at' | 'message_ts' | 'fact_id' | 'error'>
    >,
  ): Promise<void>;
  /**
   * Every subscription's deliveries dated `from` or later that are claimed, rate limited or
   * sending, oldest first: one query a tick, however many channels there are.
   */
  unfinished(from: string): Promise<Delivery[]>;
  /** The days from `from` to before `before` that have a delivery on record, whatever its status. */
  datesOnRecord(subscriptionId: string, from: string, before: string): Promise<Set<string>>;
  /**
   * Records a delivery left unfinished (in `from`, at its attempt count) as missed, or as of
   * unknown outcome, with `reason`; false if another instance has moved it on since.
   */
  abandon(d: Delivery, from: DeliveryStatus, reason: string, as?: 'missed' | 'unknown'): Promise<boolean>;
  /** Records a day that ended without a post; does nothing if the day has a record already. */
  recordMissed(subscriptionId: string, localDate: string, now: Date, instance: string): Promise<boolean>;
  latestDelivery(subscriptionId: string, status?: DeliveryStatus): Promise<Delivery | undefined>;
  /**
   * The subscription's latest date on record, and when the latest digest that may have been
   * posted in its channel went out, whichever workspace's subscription it came from (a channel
   * shared by workspaces of an organisation has one id in all of them). Another subscription's
   * dates are not this one's: they may be another zone's.
   */
  history(subscriptionId: string, channelId: string): Promise<DigestHistory>;

  shownFacts(subscriptionId: string): Promise<Set<string>>;
  markShown(subscriptionId: string, factId: string, resetCycle: boolean): Promise<void>;

  /** Remembers when each fact id was first seen, so digests can say what is new. */
  recordKnownFacts(factIds: string[], now: Date): Promise<void>;
  factsSeenAfter(instant: string): Promise<Set<string>>;
}

/** Deliveries that may still move on; any other status is final. */
export const unfinishedStatuses: readonly DeliveryStatus[] = ['claimed', 'rate_limited', 'sending'];

export function digestStore(db: Db): DigestStore {
  /** The claim: one row per subscription and local day; true only for the caller that inserted it. */
  /** Changes a delivery still in `from`, at the attempt count `d` holds; true if this caller did. */
  const moveOn = async (d: Delivery, from: DeliveryStatus, changes: Partial<Delivery>): Promise<boolean> => {
    const result = await db
      .updateTable('deliveries')
      .set(changes)
      .where('subscription_id', '=', d.subscription_id)
      .where('local_date', '=', d.local_date)
      .where('status', '=', from)
      .where('attempts', '=', d.attempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  };
  const insertDelivery = async (
    subscriptionId: string,
    localDate: string,
    state: Pick<Delivery, 'status' | 'attempts'>,
    now: Date,
    instance: string,
    error: string | null,
  ): Promise<boolean> => {
    const inserted = await db
      .insertInto('deliveries')
      .values({
        subscription_id: subscriptionId,
        team_id: teamOfSubscription(subscriptionId),
        local_date: localDate,
        ...state,
        claimed_at: now.toISOString(),
        claimed_by: instance,
        retry_at: null,
        posted_at: null,
        message_ts: null,
        fact_id: null,
        error,
      })
      .onConflict((oc) => oc.columns(['subscription_id', 'local_date']).doNothing())
      .returning('subscription_id')
      .executeTakeFirst();
    return inserted !== undefined;
  };
  /** Subscriptions that are not turned off: active and paused. */
  const subscribed = () => db.selectFrom('subscriptions').selectAll().where('status', '!=', 'off');
  return {
    async subscribe(input) {
      const id = subscriptionId(input.teamId, input.channelId);
      const at = input.now.toISOString();
      const row: Subscription = {
        id,
        team_id: input.teamId,
        enterprise_id: input.enterpriseId ?? null,
        channel_id: input.channelId,
        minutes: input.minutes,
        zone: input.zone,
        status: 'active',
        status_reason: null,
        created_by: input.userId,
        created_at: at,
        updated_at: at,
        start_date: input.startDate,
      };
      await db
        .insertInto('subscriptions')
        .values(row)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            enterprise_id: row.enterprise_id,
            minutes: row.minutes,
            zone: row.zone,
            status: 'active',
            status_reason: null,
            created_by: row.created_by,
            updated_at: at,
            start_date: row.start_date,
          }),
        )
        .execute();
      return (await this.get(id)) as Subscription;
    },
    async setStatus(id, status, reason, now) {
      await db
        .updateTable('subscriptions')
        .set({ status, status_reason: reason, updated_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
    },
    async get(id) {
      return db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listActive() {
      return db
        .selectFrom('subscriptions')
        .selectAll()
        .where('status', '=', 'active')
        .orderBy('id')
        .execute();
    },
    async forChannel(channelId) {
      return subscribed().where('channel_id', '=', channelId).execute();
    },
    async listSubscribed() {
      return subscribed().orderBy('id').execute();
    },
    async listForTeam(teamId) {
      return subscribed().where('team_id', '=', teamId).orderBy('channel_id').execute();
    },

    async delivery(subscriptionId, localDate) {
      return db
        .selectFrom('deliveries')
        .selectAll()
        .where('subscription_id', '=', subscriptionId)
        .where('local_date', '=', localDate)
        .executeTakeFirst();
    },
    async claim(subscriptionId, localDate, now, instance) {
      return insertDelivery(
        subscriptionId,
        localDate,
        { status: 'claimed', attempts: 1 },
        now,
        instance,
        null,
      );
    },
    async reclaim(d, from, now, instance) {
      return moveOn(d, from, {
        status: 'claimed',
        attempts: d.attempts + 1,
        claimed_at: now.toISOString(),
        claimed_by: instance,
      });
    },
    async startSending(subscriptionId, localDate, claim, now) {
      const result = await db
        .updateTable('deliveries')
        .set({ status: 'sending', fact_id: claim.factId, error: null, claimed_at: now.toISOString() })
        .where('subscription_id', '=', subscriptionId)
        .where('local_date', '=', localDate)
        .where('status', '=', 'claimed')
        .where('claimed_by', '=', claim.instance)
        .where('attempts', '=', claim.attempts)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async update(subscriptionId, localDate, changes) {
      await db
        .updateTable('deliveries')
        .set(changes)
        .where('subscription_id', '=', subscriptionId)
        .where('local_date', '=', localDate)
        .execute();
    },
    async unfinished(from) {
      return db
        .selectFrom('deliveries')
        .selectAll()
        .where('local_date', '>=', from)
        .where('status', 'in', unfinishedStatuses)
        .orderBy('local_date')
        .execute();
    },
    async datesOnRecord(subscriptionId, from, before) {
      const rows = await db
        .selectFrom('deliveries')
        .select('local_date')
        .where('subscription_id', '=', subscriptionId)
        .where('local_date', '>=', from)
        .where('local_date', '<', before)
        .execute();
      return new Set(rows.map((r) => r.local_date));
    },
    async abandon(d, from, reason, as = 'missed') {
      return moveOn(d, from, { status: as, error: reason });
    },
    async recordMissed(subscriptionId, localDate, now, instance) {
      return insertDelivery(
        subscriptionId,
        localDate,
        { status: 'missed', attempts: 0 },
        now,
        instance,
        'the bot was not running at any time that day after the digest was due',
      );
    },
    async latestDelivery(subscriptionId, status) {
      let q = db
        .selectFrom('deliveries')
        .selectAll()
        .where('subscription_id', '=', subscriptionId)
        .orderBy('local_date', 'desc');
      if (status) q = q.where('status', '=', status);
      return q.executeTakeFirst();
    },
    async history(subscriptionId, channelId) {
      const latest = await this.latestDelivery(subscriptionId);
      const ofChannel = db
        .selectFrom('deliveries')
        .innerJoin('subscriptions', 'subscriptions.id', 'deliveries.subscription_id')
        .where('subscriptions.channel_id', '=', channelId);
      // A digest whose post was made, or may have been: Slack may have it.
      const sent = await ofChannel
        .select(['deliveries.posted_at', 'deliveries.claimed_at'])
        .where('deliveries.status', 'in', ['posted', 'sending', 'unknown'])
        .orderBy('deliveries.claimed_at', 'desc')
        .executeTakeFirst();
      const at = sent ? (sent.posted_at ?? sent.claimed_at) : undefined;
      return { lastDate: latest?.local_date, lastPostAt: at ? new Date(at) : undefined };
    },

    async shownFacts(subscriptionId) {
      const rows = await db
        .selectFrom('fact_cycle')
        .select('fact_id')
        .where('subscription_id', '=', subscriptionId)
        .execute();
      return new Set(rows.map((r) => r.fact_id));
    },
    async markShown(subscriptionId, factId, resetCycle) {
      await db.transaction().execute(async (tx) => {
        if (resetCycle)
          await tx.deleteFrom('fact_cycle').where('subscription_id', '=', subscriptionId).execute();
        await tx
          .insertInto('fact_cycle')
          .values({
            subscription_id: subscriptionId,
            team_id: teamOfSubscription(subscriptionId),
            fact_id: factId,
          })
          .onConflict((oc) => oc.columns(['subscription_id', 'fact_id']).doNothing())
          .execute();
      });
    },

    async recordKnownFacts(factIds, now) {
      if (factIds.length === 0) return;
      const at = now.toISOString();
      for (let i = 0; i < factIds.length; i += 200) {
        await db
          .insertInto('knowledge_facts')
          .values(factIds.slice(i, i + 200).map((fact_id) => ({ fact_id, first_seen_at: at })))
          .onConflict((oc) => oc.column('fact_id').doNothing())
          .execute();
      }
    },
    async factsSeenAfter(instant) {
      const rows = await db
        .selectFrom('knowledge_facts')
        .select('fact_id')
        .where('first_seen_at', '>', instant)
        .execute();
      return new Set(rows.map((r) => r.fact_id));
    },
  };
}
