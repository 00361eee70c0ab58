import { createHash } from 'node:crypto';
import type { Surface } from '../store/curation-store.js';

/** What a 👍/👎 button carries back: enough to store the vote without another lookup. */
export interface FeedbackRef {
  /** The question, cut to fit a button value. */
  q: string;
  /** The fact (or built-in answer) that answered. */
  f: string;
  s: Surface;
}

export function encodeFeedback(ref: FeedbackRef): string {
  return JSON.stringify({ ...ref, q: ref.q.slice(0, 1500) });
}

export function decodeFeedback(value: string | undefined): FeedbackRef | undefined {
  try {
    const v = JSON.parse(value ?? '') as Partial<FeedbackRef>;
    const surfaces: Surface[] = ['ephemeral', 'shared', 'thread', 'dm'];
    if (typeof v.q !== 'string' || typeof v.f !== 'string' || !surfaces.includes(v.s as Surface))
      return undefined;
    return { q: v.q, f: v.f, s: v.s as Surface };
  } catch {
    return undefined;
  }
}

/** One answer message: a second vote by the same person on it replaces the first. */
export function answerKey(
  ref: FeedbackRef,
  channel: string | undefined,
  messageTs: string | undefined,
): string {
  const where = channel && messageTs ? `${channel}:${messageTs}` : '';
  return createHash('sha256').update(`${where}|${ref.f}|${ref.q}`).digest('hex').slice(0, 32);
}
