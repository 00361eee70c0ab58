import { createHash } from 'node:crypto';
import { z } from 'zod';
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

/** What the 👎 form carries to its submission: the answer voted on and the voter's workspace. */
const formMetadata = z.object({ k: z.string().min(1), t: z.string().min(1) });
export type FormMetadata = z.infer<typeof formMetadata>;

export function encodeFormMetadata(metadata: FormMetadata): string {
  return JSON.stringify(metadata);
}

/** The form's metadata, or why it is not what `encodeFormMetadata` wrote. */
export function decodeFormMetadata(text: string): FormMetadata | { invalid: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { invalid: 'not JSON' };
  }
  const parsed = formMetadata.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(
    (i) => (i.path.length > 0 ? `${i.path.join('.')}: ` : '') + i.message,
  );
  return { invalid: issues.join('; ') };
}
