import { candidatesOf, type LoggedOutcome, normalizeQuestion, outcomeToLog } from '../core/curation.js';
import { type Engine, parseCommand, topicAfter } from '../core/engine.js';
import type { Result } from '../core/result.js';
import type { SlackDeps } from './deps.js';
import { type Message, renderResult } from './render/answer.js';

/** The reply when answering itself failed: the asker hears something rather than nothing. */
export const answerFailure =
  'Sorry, something went wrong on my side while answering. Please try again in a moment.';

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
  result: Result;
}

const cacheSize = 1000;
const replies = new WeakMap<Engine, Map<string, CommandReply>>();

/**
 * The `/nato` reply to a question, computed once per question and knowledge: popular questions
 * are asked again and again, and a reload (a new engine) starts a fresh cache. Everything that
 * depends only on the question and the knowledge (the rendered blocks, the normalised question
 * for the curators' log) is in the cache, so a repeat costs a lookup.
 */
export function commandReplyFor(engine: Engine, question: string, previous?: string): CommandReply {
  let cache = replies.get(engine);
  if (!cache) {
    cache = new Map();
    replies.set(engine, cache);
  }
  const hit = cache.get(question);
  const alone = hit ?? commandReply(question, engine.ask(question.trim() === '' ? 'help' : question));
  if (hit) {
    // Most recently used last, so the oldest entry is the one dropped.
    cache.delete(question);
  }
  cache.set(question, alone);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  // A follow-up ("and Germany?") is read with the question before it; a command never is.
  if (!previous || question.trim() === '' || parseCommand(question)) return alone;
  const inTurn = engine.ask(question, previous);
  // Read with the previous question, or declined because of it ("does Germany back her?" after
  // "who is Kallas?"), it is answered as in a direct message.
  const same =
    inTurn.kind === alone.result.kind &&
    inTurn.text === alone.result.text &&
    !(inTurn.kind === 'answered' && inTurn.followUp);
  return same ? alone : commandReply(question, inTurn);
}

function commandReply(question: string, result: Result): CommandReply {
  const message = renderResult(result, { surface: 'ephemeral', question, feedback: 'ephemeral' });
  return {
    ack: { response_type: 'ephemeral', ...message },
    asked: askedOf(question.trim() === '' ? 'help' : question, result),
    result,
  };
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
 * rate, and declined, ambiguous or weak answers are logged. Logging never fails an answer. With a
 * conversation, a follow-up is read with what its asker asked before, and the topic is kept.
 */
export async function answerAndLog(
  deps: SlackDeps,
  text: string,
  asker: Asker,
  onLogError: (message: string) => void,
  conversation?: string,
): Promise<Result> {
  const previous = conversation ? deps.conversations.topic(conversation) : undefined;
  const result = deps.engine().ask(text, previous);
  if (conversation) remember(deps, conversation, text, result);
  if (deps.curation) await logAsked(deps, askedOf(text, result), asker, onLogError);
  return result;
}

/** Keeps what a conversation is about after a question, for its next follow-up. */
export function remember(deps: SlackDeps, conversation: string, question: string, result: Result): void {
  const topic = topicAfter(deps.engine().index, question, result);
  if (topic) deps.conversations.remember(conversation, topic);
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
