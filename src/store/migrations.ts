import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Versioned schema changes, run in name order at start. Never edit one that has shipped: add the
 * next. Only portable column types, so the same migrations run on SQLite and PostgreSQL.
 */
export const migrations: Record<string, Migration> = {
  '0001_digest': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('subscriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('minutes', 'integer', (c) => c.notNull())
        .addColumn('zone', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_reason', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('subscriptions_team').on('subscriptions').column('team_id').execute();
      await db.schema
        .createTable('deliveries')
        .addColumn('subscription_id', 'text', (c) => c.notNull())
        .addColumn('local_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text', (c) => c.notNull())
        .addColumn('retry_at', 'text')
        .addColumn('posted_at', 'text')
        .addColumn('message_ts', 'text')
        .addColumn('fact_id', 'text')
        .addColumn('error', 'text')
        // The claim: one row per subscription and local day, whoever inserts it first posts.
        .addPrimaryKeyConstraint('deliveries_pk', ['subscription_id', 'local_date'])
        .execute();
      await db.schema
        .createTable('fact_cycle')
        .addColumn('subscription_id', 'text', (c) => c.notNull())
        .addColumn('fact_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('fact_cycle_pk', ['subscription_id', 'fact_id'])
        .execute();
      await db.schema
        .createTable('knowledge_facts')
        .addColumn('fact_id', 'text', (c) => c.primaryKey())
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('event_claims')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002_workspaces': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('subscriptions').addColumn('enterprise_id', 'text').execute();
      // Scope every workspace table by team, backfilled from the subscription it belongs to.
      for (const table of ['deliveries', 'fact_cycle', 'event_claims']) {
        await db.schema
          .alterTable(table)
          .addColumn('team_id', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        await db.schema.createIndex(`${table}_team`).on(table).column('team_id').execute();
      }
      for (const table of ['deliveries', 'fact_cycle']) {
        await sql`update ${sql.table(table)} set team_id = (select s.team_id from subscriptions s where s.id = ${sql.ref(`${table}.subscription_id`)}) where exists (select 1 from subscriptions s where s.id = ${sql.ref(`${table}.subscription_id`)})`.execute(
          db,
        );
      }
      await db.schema
        .createIndex('subscriptions_enterprise')
        .on('subscriptions')
        .column('enterprise_id')
        .execute();
      await db.schema
        .createTable('installations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text')
        .addColumn('enterprise_id', 'text')
        .addColumn('is_enterprise_install', 'integer', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('installed_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0003_curation': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('feedback')
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('enterprise_id', 'text')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('answer_key', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('fact_id', 'text', (c) => c.notNull())
        .addColumn('surface', 'text', (c) => c.notNull())
        .addColumn('vote', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('feedback_pk', ['team_id', 'user_id', 'answer_key'])
        .execute();
      await db.schema
        .createTable('question_log')
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('enterprise_id', 'text')
        .addColumn('normalized', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('candidates', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('first_at', 'text', (c) => c.notNull())
        .addColumn('last_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('question_log_pk', ['team_id', 'normalized', 'day'])
        .execute();
      await db.schema
        .createTable('question_stats')
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('enterprise_id', 'text')
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('asked', 'integer', (c) => c.notNull())
        .addColumn('answered', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('question_stats_pk', ['team_id', 'day'])
        .execute();
      for (const table of ['feedback', 'question_log', 'question_stats']) {
        await db.schema.createIndex(`${table}_enterprise`).on(table).column('enterprise_id').execute();
      }
    },
  },
  '0004_unfinished_deliveries': {
    async up(db: Kysely<unknown>): Promise<void> {
      // Each tick asks for every channel's unfinished deliveries, which are few among a year's.
      await db.schema
        .createIndex('deliveries_status')
        .on('deliveries')
        .columns(['status', 'local_date'])
        .execute();
    },
  },
};
