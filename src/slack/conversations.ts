/**
 * What each person was last asking about in a channel or direct message, so that a follow-up
 * ("and Germany?", "who said that?") is read with the question before it. Kept in memory for
 * `ttlMs`: a follow-up comes within minutes, and a restart only forgets what the next question
 * would replace anyway.
 */
export interface Conversations {
  /** The topic remembered for `key`, if it is recent enough. */
  topic(key: string): string | undefined;
  remember(key: string, topic: string): void;
}

/** One conversation per person per channel (a DM is a channel); threads in it share it. */
export function conversationKey(workspace: string, channel: string, user: string): string {
  return `${workspace}|${channel}|${user}`;
}

export function memoryConversations(
  ttlMs = 30 * 60 * 1000,
  max = 10_000,
  now: () => number = Date.now,
): Conversations {
  const topics = new Map<string, { topic: string; at: number }>();
  return {
    topic(key) {
      const held = topics.get(key);
      if (!held) return undefined;
      if (now() - held.at < ttlMs) return held.topic;
      topics.delete(key);
      return undefined;
    },
    remember(key, topic) {
      // Most recent last, so the entries dropped when full are the oldest.
      topics.delete(key);
      topics.set(key, { topic, at: now() });
      for (const oldest of topics.keys()) {
        if (topics.size <= max) break;
        topics.delete(oldest);
      }
    },
  };
}
