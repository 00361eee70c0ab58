import { createEngine, type Engine } from '../../src/core/engine.js';
import type { Knowledge } from '../../src/core/knowledge/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

export interface Labelled {
  q: string;
  expect: string;
}

/**
 * The real knowledge with a model that learned these questions only, so that a test of what the
 * engine does with the model's opinion does not hang on what the full model happens to learn.
 */
export function taughtEngine(
  questions: Labelled[],
  knowledge: Knowledge = loadKnowledge().knowledge,
): Engine {
  return createEngine({ ...knowledge, labelled: [{ name: 'taught', file: 'test', questions }] });
}

/** Several wordings of a question, each with the same answer. */
export function askedAs(expect: string, ...wordings: string[]): Labelled[] {
  return wordings.map((q) => ({ q, expect }));
}
