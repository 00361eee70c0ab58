import { candidatesOf, type LoggedOutcome, normalizeQuestion, outcomeToLog } from '../core/curation.js';
import type { Engine } from '../core/engine.js';
import type { Result } from '../core/result.js';
import type { SlackDeps } from './deps.js';
import { type Message, renderResult } from './render/answer.js';

/** What the curators' log keeps of a question and its result (see logAsked). */
export interface Asked {
  text: string;
  normalized: string;
  outcome: LoggedOutcome | undefined;
  candidates: string[];
}

/** Normalising a question costs more than answering it from the cache: `/nato` caches this too. */
export function askedOf(text: string, result: Result): Asked {
  return {
    text,
    normalized: normalizeQuestion(text),
    outcome: outcomeToLog(result),
    candidates: candidatesOf(result),
  };
}

/** A `/nato` answer: the acknowledgement that carries it, and what the curators' log keeps. */
export interface CommandReply {
  ack: Message & { response_type: 'ephemeral' };
  asked: Asked;
}

const cacheSize = 1000;
const replies = new WeakMap<Engine, Map<string, CommandReply>>();

/**
 * The `/nato` reply to a question, computed once per question and knowledge: popular questions
 * are asked again and again, and a reload (a new engine) starts a fresh cache. Everything that
 * depends only on the question and the knowledge (the rendered blocks, the normalised question
 * for the curators' log) is in the cache, so a repeat costs a lookup.
 */
export function commandReplyFor(engine: Engine, question: string): CommandReply {
  let cache = replies.get(engine);
  if (!cache) {
    cache = new Map();
    replies.set(engine, cache);
  }
  const hit = cache.get(question);
  if (hit) {
    // Most recently used last, so the oldest entry is the one dropped.
    cache.delete(question);
    cache.set(question, hit);
    return hit;
  }
  const text = question.trim() === '' ? 'help' : question;
  const result = engine.ask(text);
  const message = renderResult(result, { surface: 'ephemeral', question, feedback: 'ephemeral' });
  const reply: CommandReply = {
    ack: { response_type: 'ephemeral', ...message },
    asked: askedOf(text, result),
  };
  cache.set(question, reply);
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
  if (deps.curation) await logAsked(deps, askedOf(text, result), asker, onLogError);
  return result;
}

/** Counts a question already answered (see answerAndLog). */
export async function logAsked(
  deps: SlackDeps,
  asked: Asked,
  asker: Asker,
  onLogError: (message: string) => void,
): Promise<void> {
  const curation = deps.curation;
  if (curation && asker.teamId && asked.text.trim() !== '') {
    try {
      await curation.store.recordAsked({
        teamId: asker.teamId,
        enterpriseId: asker.enterpriseId ?? null,
        ...asked,
        now: curation.now(),
      });
    } catch (error) {
      onLogError(`could not log a question for curators: ${(error as Error).message}`);
    }
  }
}
