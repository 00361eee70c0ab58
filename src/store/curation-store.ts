import type { LoggedOutcome, Report, ReportWindow } from '../core/curation.js';
import type { Db } from './database.js';
import type { Workspace } from './workspaces.js';

export type Surface = 'ephemeral' | 'shared' | 'thread' | 'dm';

export interface VoteInput {
  teamId: string;
  enterpriseId: string | null;
  userId: string;
  /** Identifies the answer voted on, so voting twice on it replaces the first vote. */
  answerKey: string;
  question: string;
  factId: string;
  surface: Surface;
  vote: 1 | -1;
  now: Date;
}

/** Votes, the log of unanswered questions, and the counts behind the answer rate. */
export interface CurationStore {
  vote(v: VoteInput): Promise<void>;
  comment(teamId: string, userId: string, answerKey: string, comment: string, now: Date): Promise<boolean>;
  recordAsked(input: {
    teamId: string;
    enterpriseId: string | null;
    text: string;
    normalized: string;
    outcome: LoggedOutcome | undefined;
    candidates: string[];
    now: Date;
  }): Promise<void>;
  report(teamId: string | undefined, now: Date, windows: number[]): Promise<Report>;
  /** Deletes question texts and comments older than `days`; returns how many rows went. */
  purge(days: number, now: Date): Promise<number>;
  /**
   * Deletes a workspace's questions, votes and counts, those not yet written included; for an
   * org-wide install, every workspace's of the organisation.
   */
  deleteWorkspace(workspace: Workspace): Promise<void>;
  /** Writes the answer-rate counts kept in memory (see recordAsked); call before shutdown too. */
  flush(): Promise<void>;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);
const daysAgo = (now: Date, n: number): Date => new Date(now.getTime() - n * 86_400_000);

/** Counts of confidently answered questions kept in memory before a write: the hot path stays cheap. */
const flushEvery = 200;

export function curationStore(db: Db): CurationStore {
  const pending = new Map<string, { teamId: string; enterpriseId: string | null; day: string; n: number }>();
  let pendingTotal = 0;
  const addStats = async (
    teamId: string,
    enterpriseId: string | null,
    today: string,
    asked: number,
    answered: number,
  ): Promise<void> => {
    await db
      .insertInto('question_stats')
      .values({ team_id: teamId, enterprise_id: enterpriseId, day: today, asked, answered })
      .onConflict((oc) =>
        oc.columns(['team_id', 'day']).doUpdateSet((eb) => ({
          asked: eb('question_stats.asked', '+', asked),
          answered: eb('question_stats.answered', '+', answered),
        })),
      )
      .execute();
  };
  const flush = async (): Promise<void> => {
    const batch = [...pending.values()];
    pending.clear();
    pendingTotal = 0;
    for (const b of batch) await addStats(b.teamId, b.enterpriseId, b.day, b.n, b.n);
  };
  return {
    flush,
    async vote(v) {
      const at = v.now.toISOString();
      await db
        .insertInto('feedback')
        .values({
          team_id: v.teamId,
          enterprise_id: v.enterpriseId,
          user_id: v.userId,
          answer_key: v.answerKey,
          question: v.question,
          fact_id: v.factId,
          surface: v.surface,
          vote: v.vote,
          comment: null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['team_id', 'user_id', 'answer_key']).doUpdateSet({ vote: v.vote, updated_at: at }),
        )
        .execute();
    },
    async comment(teamId, userId, answerKey, comment, now) {
      const r = await db
        .updateTable('feedback')
        .set({ comment, updated_at: now.toISOString() })
        .where('team_id', '=', teamId)
        .where('user_id', '=', userId)
        .where('answer_key', '=', answerKey)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async recordAsked(input) {
      const today = day(input.now);
      if (!input.outcome) {
        // A confident answer only moves the answer rate: counted in memory, written in batches.
        const key = `${input.teamId}|${today}`;
        const entry = pending.get(key) ?? {
          teamId: input.teamId,
          enterpriseId: input.enterpriseId,
          day: today,
          n: 0,
        };
        entry.n++;
        pending.set(key, entry);
        if (++pendingTotal >= flushEvery) await flush();
        return;
      }
      const at = input.now.toISOString();
      await addStats(input.teamId, input.enterpriseId, today, 1, input.outcome === 'low-confidence' ? 1 : 0);
      // Repeats of the same normalised question on a day are counted, not stored again.
      await db
        .insertInto('question_log')
        .values({
          team_id: input.teamId,
          enterprise_id: input.enterpriseId,
          normalized: input.normalized,
          day: today,
          text: input.text.slice(0, 1000),
          outcome: input.outcome,
          candidates: JSON.stringify(input.candidates),
          count: 1,
          first_at: at,
          last_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['team_id', 'normalized', 'day']).doUpdateSet((eb) => ({
            count: eb('question_log.count', '+', 1),
            last_at: at,
            text: input.text.slice(0, 1000),
            outcome: input.outcome as LoggedOutcome,
            candidates: JSON.stringify(input.candidates),
          })),
        )
        .execute();
    },
    async report(teamId, now, windows) {
      await flush();
      const out: ReportWindow[] = [];
      for (const days of windows) {
        const since = day(daysAgo(now, days - 1));
        const sinceAt = daysAgo(now, days).toISOString();
        let stats = db
          .selectFrom('question_stats')
          .select((eb) => [
            eb.fn.sum<number>('asked').as('asked'),
            eb.fn.sum<number>('answered').as('answered'),
          ])
          .where('day', '>=', since);
        if (teamId) stats = stats.where('team_id', '=', teamId);
        const totals = await stats.executeTakeFirst();
        let log = db
          .selectFrom('question_log')
          .select((eb) => [
            'normalized',
            eb.fn.sum<number>('count').as('count'),
            eb.fn.max('last_at').as('last_at'),
            eb.fn.max('text').as('text'),
          ])
          .where('day', '>=', since)
          .groupBy('normalized')
          .orderBy('count', 'desc')
          .orderBy('normalized')
          .limit(10);
        if (teamId) log = log.where('team_id', '=', teamId);
        const unanswered = (await log.execute()).map((r) => ({
          text: String(r.text),
          count: Number(r.count),
          lastAsked: String(r.last_at),
        }));
        let votes = db.selectFrom('feedback').selectAll().where('updated_at', '>=', sinceAt);
        if (teamId) votes = votes.where('team_id', '=', teamId);
        const byFact = new Map<string, ReportWindow['disliked'][number]>();
        for (const v of await votes.orderBy('updated_at', 'desc').execute()) {
          const entry = byFact.get(v.fact_id) ?? {
            factId: v.fact_id,
            question: v.question,
            down: 0,
            up: 0,
            comments: [],
          };
          if (Number(v.vote) < 0) entry.down++;
          else entry.up++;
          if (v.comment && entry.comments.length < 5) entry.comments.push(v.comment);
          byFact.set(v.fact_id, entry);
        }
        const disliked = [...byFact.values()]
          .filter((d) => d.down > 0)
          .sort((a, b) => b.down - a.down || a.factId.localeCompare(b.factId))
          .slice(0, 10);
        out.push({
          days,
          asked: Number(totals?.asked ?? 0),
          answered: Number(totals?.answered ?? 0),
          unanswered,
          disliked,
        });
      }
      return { generatedAt: now.toISOString(), windows: out };
    },
    async purge(days, now) {
      const cutoff = daysAgo(now, days).toISOString();
      const a = await db.deleteFrom('question_log').where('last_at', '<', cutoff).executeTakeFirst();
      const b = await db.deleteFrom('feedback').where('updated_at', '<', cutoff).executeTakeFirst();
      return Number(a.numDeletedRows) + Number(b.numDeletedRows);
    },
    async deleteWorkspace({ teamId, enterpriseId, isEnterpriseInstall }) {
      const orgWide = isEnterpriseInstall && enterpriseId ? enterpriseId : undefined;
      for (const [key, entry] of pending)
        if (entry.teamId === teamId || (orgWide && entry.enterpriseId === orgWide)) pending.delete(key);
      for (const table of ['feedback', 'question_log', 'question_stats'] as const) {
        if (teamId) await db.deleteFrom(table).where('team_id', '=', teamId).execute();
        if (orgWide) await db.deleteFrom(table).where('enterprise_id', '=', orgWide).execute();
      }
    },
  };
}
