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

/** Slack refuses a button whose value is over 2,000 characters. */
const valueLimit = 2000;

export function encodeFeedback(ref: FeedbackRef): string {
  // Quotes, backslashes and line breaks take two characters each once encoded: cut the question
  // until the whole value fits.
  let q = ref.q.slice(0, 1500);
  let value = JSON.stringify({ ...ref, q });
  while (value.length > valueLimit && q !== '') {
    q = q.slice(0, Math.max(0, q.length - Math.ceil((value.length - valueLimit) / 2)));
    value = JSON.stringify({ ...ref, q });
  }
  return value;
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
