/**
 * Slack re-delivers an event when its ack was late, with the same event id. A reply is sent only
 * by whoever first claims the event's key; a retry whose first delivery never arrived still
 * claims it and is answered.
 */
export interface EventDedupe {
  /** True the first time a workspace's key is claimed, false on every later claim. */
  claim(teamId: string, key: string): Promise<boolean>;
}

/** In-process claims, kept for `ttlMs` (Slack stops retrying after about 5 minutes). */
export function memoryDedupe(ttlMs = 60 * 60 * 1000, now: () => number = Date.now): EventDedupe {
  const seen = new Map<string, number>();
  return {
    async claim(teamId, eventKey) {
      const key = `${teamId}|${eventKey}`;
      const t = now();
      for (const [k, at] of seen) {
        if (t - at < ttlMs) break;
        seen.delete(k);
      }
      if (seen.has(key)) return false;
      seen.set(key, t);
      return true;
    },
  };
}

/** One key per message, so a message delivered as both app_mention and message.im is answered once. */
export function messageKey(channel: string, ts: string): string {
  return `message:${channel}:${ts}`;
}

/** The workspace an event belongs to, for scoping claims: its team, or its org for an org-wide event. */
export function workspaceOf(context: { teamId?: string; enterpriseId?: string }): string {
  return context.teamId ?? context.enterpriseId ?? '';
}
