import type { Engine } from '../core/engine.js';
import { warmUpQuestions } from '../core/warm-up.js';
import { inTurns } from './in-turns.js';

/** Enough for two passes over today's knowledge on a slow 2-core machine; a large one stops early. */
export const warmUpBudgetMs = 1_000;

export interface WarmUp {
  questions: number;
  ms: number;
}

/**
 * Asks the engine its warm-up questions, twice over, or until the budget is spent, so that the
 * first users are not the ones who wait for the JIT. Answers are unchanged by it. Other work gets
 * its turn while it runs, so a reload does not hold up answers.
 */
export function warmUp(
  engine: Engine,
  budgetMs: number = warmUpBudgetMs,
  now: () => number = () => performance.now(),
): Promise<WarmUp> {
  return inTurns(asking(engine, budgetMs, now), now);
}

function* asking(engine: Engine, budgetMs: number, now: () => number): Generator<void, WarmUp> {
  const start = now();
  let questions = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (const q of warmUpQuestions(engine.knowledge)) {
      engine.ask(q);
      questions++;
      const t = now();
      if (t - start >= budgetMs) return { questions, ms: t - start };
      yield;
    }
  }
  return { questions, ms: now() - start };
}
