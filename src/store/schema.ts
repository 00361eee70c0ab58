/**
 * Tables, as Kysely sees them. Times are ISO-8601 UTC strings; local dates are YYYY-MM-DD.
 * Every table that holds a workspace's data carries its `team_id`, so one workspace's rows can be
 * listed or deleted without touching another's. `knowledge_facts` describes the knowledge files,
 * not any workspace.
 */

export type SubscriptionStatus = 'active' | 'paused' | 'off';
export type DeliveryStatus =
  | 'claimed'
  | 'sending'
  | 'posted'
  | 'rate_limited'
  | 'unknown'
  | 'failed'
  | 'missed';

export interface SubscriptionRow {
  id: string;
  team_id: string;
  /** The Enterprise Grid organisation of the workspace, when it has one. */
  enterprise_id: string | null;
  channel_id: string;
  /** Minutes after local midnight. */
  minutes: number;
  zone: string;
  status: SubscriptionStatus;
  status_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** First local date the subscription is due. */
  start_date: string;
}

export interface DeliveryRow {
  subscription_id: string;
  team_id: string;
  local_date: string;
  status: DeliveryStatus;
  attempts: number;
  claimed_at: string;
  claimed_by: string;
  retry_at: string | null;
  posted_at: string | null;
  message_ts: string | null;
  fact_id: string | null;
  error: string | null;
}

export interface FactCycleRow {
  subscription_id: string;
  team_id: string;
  fact_id: string;
}

export interface KnowledgeFactRow {
  fact_id: string;
  first_seen_at: string;
}

export interface EventClaimRow {
  key: string;
  team_id: string;
  claimed_at: string;
}

/** One row per installation: `E:<enterprise id>` for an org-wide install, else `T:<team id>`. */
export interface InstallationRow {
  id: string;
  team_id: string | null;
  enterprise_id: string | null;
  /** 1 for an org-wide (Enterprise Grid) install, else 0; an integer, to stay portable. */
  is_enterprise_install: number;
  /** The whole installation (tokens included), encrypted with TOKEN_ENCRYPTION_KEY. */
  secret: string;
  installed_at: string;
  updated_at: string;
}

/** A 👍 or 👎 on an answer: one per person and answer, a changed vote replaces the old one. */
export interface FeedbackRow {
  team_id: string;
  enterprise_id: string | null;
  user_id: string;
  answer_key: string;
  question: string;
  fact_id: string;
  surface: string;
  /** 1 or -1. */
  vote: number;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

/** A question the bot declined, could not pin down, or answered weakly: counted per day. */
export interface QuestionLogRow {
  team_id: string;
  enterprise_id: string | null;
  normalized: string;
  day: string;
  text: string;
  outcome: string;
  /** JSON array of the best candidates. */
  candidates: string;
  count: number;
  first_at: string;
  last_at: string;
}

/** How many questions a workspace asked on a day, and how many were answered. */
export interface QuestionStatsRow {
  team_id: string;
  enterprise_id: string | null;
  day: string;
  asked: number;
  answered: number;
}

export interface DatabaseSchema {
  feedback: FeedbackRow;
  question_log: QuestionLogRow;
  question_stats: QuestionStatsRow;
  subscriptions: SubscriptionRow;
  deliveries: DeliveryRow;
  fact_cycle: FactCycleRow;
  knowledge_facts: KnowledgeFactRow;
  event_claims: EventClaimRow;
  installations: InstallationRow;
}
