import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { conversation, createEngine, type Engine } from '../../src/core/engine.js';
import type { Knowledge } from '../../src/core/knowledge/types.js';
import type { Result } from '../../src/core/result.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

const caseSchema = z.strictObject({ q: z.string(), expect: z.string() });
const fileSchema = z.strictObject({ test: z.array(caseSchema) });

export type EvalCase = z.infer<typeof caseSchema>;

export type Half = 'dev' | 'test';

/** Both halves: the labelled questions the engine learns from (dev), and the held-out ones (test). */
export function loadEvalSet(knowledge: Knowledge = loadKnowledge().knowledge): Record<Half, EvalCase[]> {
  return { dev: knowledge.labelled.flatMap((s) => s.questions), test: loadTestSet() };
}

const wording = (q: string): string =>
  q
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Held-out questions worded unlike every labelled one. Writers often type the same short question
 * ("who backs rutte?"); this part shows what wording nobody wrote before scores.
 */
export function newlyWorded(cases: EvalCase[], labelled: EvalCase[]): EvalCase[] {
  const seen = new Set(labelled.map((c) => wording(c.q)));
  return cases.filter((c) => !seen.has(wording(c.q)));
}

/** The held-out questions: nothing learns from them. */
export function loadTestSet(): EvalCase[] {
  const text = readFileSync(resolve(import.meta.dirname, 'questions.yml'), 'utf8');
  return fileSchema.parse(parse(text)).test;
}

/** How many parts the labelled sets are dealt into for scoring them. */
export const folds = 5;

/**
 * The labelled questions the engine learns from, scored by engines that did not learn from them:
 * the sets are dealt into `folds` parts, and each part is scored by an engine that learned from
 * the other parts only. A set is never split, so no question is scored by a model that learned
 * its sibling paraphrases from the same writer.
 */
export function scoreLabelledHeldOut(knowledge: Knowledge): Score {
  const scores = Array.from({ length: folds }, (_, fold) => {
    const inFold = (_: unknown, i: number): boolean => i % folds === fold;
    const engine = createEngine({
      ...knowledge,
      labelled: knowledge.labelled.filter((s, i) => !inFold(s, i)),
    });
    const questions = knowledge.labelled.filter(inFold).flatMap((s) => s.questions);
    return score(questions, (q) => engine.ask(q));
  });
  return combine(scores);
}

/**
 * The questions asked one after another, each read with what the one before it was about, as in a
 * conversation with the bot: a question that stands alone must get the same answer, and one that
 * leans on the question before it ("and Germany?") may now get one.
 */
export function scoreInTurn(cases: EvalCase[], engine: Engine, counted?: (c: EvalCase) => boolean): Score {
  return score(cases, conversation(engine), (query) => engine.ask(query), counted);
}

function combine(scores: Score[]): Score {
  const sum = (k: 'inScope' | 'inScopeCorrect' | 'outOfScope' | 'abstained' | 'offered'): number =>
    scores.reduce((n, s) => n + s[k], 0);
  return tally(
    sum('inScope'),
    sum('inScopeCorrect'),
    sum('outOfScope'),
    sum('abstained'),
    sum('offered'),
    scores.flatMap((s) => s.misses),
  );
}

export interface Miss {
  q: string;
  expect: string;
  got: string;
}

export interface Score {
  inScope: number;
  inScopeCorrect: number;
  outOfScope: number;
  abstained: number;
  /** In-scope questions declined with the right fact among the suggestions offered instead. */
  offered: number;
  /** Share of in-scope questions answered with the right fact. */
  accuracy: number;
  /** Share of in-scope questions answered right, or declined with the right answer one click away. */
  reach: number;
  /** Share of out-of-scope questions the engine declined. */
  abstention: number;
  misses: Miss[];
}

/** What a result counts as: the answering fact's id, or "unknown" when the engine declined. */
export function outcomeOf(result: Result): string {
  return result.kind === 'answered' ? result.id : 'unknown';
}

/**
 * `click` answers a suggestion button; by default, as `ask` answers a question. Every case is asked,
 * in order (a conversation goes through all of them), and those `counted` are scored.
 */
export function score(
  cases: EvalCase[],
  ask: (q: string) => Result,
  click: (query: string) => Result = ask,
  counted: (c: EvalCase) => boolean = () => true,
): Score {
  let inScope = 0;
  let inScopeCorrect = 0;
  let outOfScope = 0;
  let abstained = 0;
  let offered = 0;
  const misses: Miss[] = [];
  for (const c of cases) {
    const result = ask(c.q);
    if (!counted(c)) continue;
    const got = outcomeOf(result);
    if (c.expect === 'unknown') {
      outOfScope++;
      if (got === 'unknown') abstained++;
    } else {
      inScope++;
      if (got === c.expect) inScopeCorrect++;
      // A declined question shows its suggestions as buttons; one of them may ask the right thing.
      else if (
        result.kind !== 'answered' &&
        result.suggestions.some((s) => outcomeOf(click(s.query)) === c.expect)
      )
        offered++;
    }
    if (got !== c.expect) misses.push({ q: c.q, expect: c.expect, got });
  }
  return tally(inScope, inScopeCorrect, outOfScope, abstained, offered, misses);
}

function tally(
  inScope: number,
  inScopeCorrect: number,
  outOfScope: number,
  abstained: number,
  offered: number,
  misses: Miss[],
): Score {
  return {
    inScope,
    inScopeCorrect,
    outOfScope,
    abstained,
    offered,
    accuracy: inScope ? inScopeCorrect / inScope : 0,
    reach: inScope ? (inScopeCorrect + offered) / inScope : 0,
    abstention: outOfScope ? abstained / outOfScope : 0,
    misses,
  };
}
