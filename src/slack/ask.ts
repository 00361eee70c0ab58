import { candidatesOf, normalizeQuestion, outcomeToLog } from '../core/curation.js';
import type { Engine } from '../core/engine.js';
import type { Result } from '../core/result.js';
import type { SlackDeps } from './deps.js';
import { type Message, renderResult } from './render/answer.js';

const cacheSize = 1000;
const replies = new WeakMap<Engine, Map<string, { result: Result; message: Message }>>();

/**
 * The `/nato` reply to a question, computed once per question and knowledge: popular questions
 * are asked again and again, and a reload (a new engine) starts a fresh cache.
 */
export function commandReplyFor(
  engine: Engine,
  text: string,
  question: string,
): { result: Result; message: Message } {
  let cache = replies.get(engine);
  if (!cache) {
    cache = new Map();
    replies.set(engine, cache);
  }
  const key = `${text}\u0000${question}`;
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last, so the oldest entry is the one dropped.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = engine.ask(text);
  const reply = {
    result,
    message: renderResult(result, { surface: 'ephemeral', question, feedback: 'ephemeral' }),
  };
  cache.set(key, reply);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  return reply;
}

export interface Asker {
  teamId: string | undefined;
  enterpriseId: string | undefined;
}

/** The workspace a button click came from. */
export function askerOf(body: {
  team?: { id: string } | null;
  user: { team_id?: string };
  enterprise?: { id: string } | null;
}): Asker {
  return { teamId: body.team?.id ?? body.user.team_id, enterpriseId: body.enterprise?.id };
}

/**
 * Answers a question and counts it for the curators: every question counts toward the answer
 * rate, and declined, ambiguous or weak answers are logged. Logging never fails an answer.
 */
export async function answerAndLog(
  deps: SlackDeps,
  text: string,
  asker: Asker,
  onLogError: (message: string) => void,
): Promise<Result> {
  const result = deps.engine().ask(text);
  await logAsked(deps, text, result, asker, onLogError);
  return result;
}

/** Counts a question already answered (see answerAndLog). */
export async function logAsked(
  deps: SlackDeps,
  text: string,
  result: Result,
  asker: Asker,
  onLogError: (message: string) => void,
): Promise<void> {
  const curation = deps.curation;
  if (curation && asker.teamId && text.trim() !== '') {
    try {
      await curation.store.recordAsked({
        teamId: asker.teamId,
        enterpriseId: asker.enterpriseId ?? null,
        text,
        normalized: normalizeQuestion(text),
        outcome: outcomeToLog(result),
        candidates: candidatesOf(result),
        now: curation.now(),
      });
    } catch (error) {
      onLogError(`could not log a question for curators: ${(error as Error).message}`);
    }
  }
}
