import { candidatesOf, normalizeQuestion, outcomeToLog } from '../core/curation.js';
import type { Result } from '../core/result.js';
import type { SlackDeps } from './deps.js';

export interface Asker {
  teamId: string | undefined;
  enterpriseId: string | undefined;
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
