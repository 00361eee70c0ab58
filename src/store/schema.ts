/** Tables, as Kysely sees them. Times are ISO-8601 UTC strings; local dates are YYYY-MM-DD. */

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
  fact_id: string;
}

export interface KnowledgeFactRow {
  fact_id: string;
  first_seen_at: string;
}

export interface EventClaimRow {
  key: string;
  claimed_at: string;
}

export interface DatabaseSchema {
  subscriptions: SubscriptionRow;
  deliveries: DeliveryRow;
  fact_cycle: FactCycleRow;
  knowledge_facts: KnowledgeFactRow;
  event_claims: EventClaimRow;
}
