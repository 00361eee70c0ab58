import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Result } from '../../src/core/result.js';

const caseSchema = z.strictObject({ q: z.string(), expect: z.string() });
const fileSchema = z.strictObject({ dev: z.array(caseSchema), test: z.array(caseSchema) });

export type EvalCase = z.infer<typeof caseSchema>;
export type Half = 'dev' | 'test';

export function loadEvalSet(): Record<Half, EvalCase[]> {
  const text = readFileSync(resolve(import.meta.dirname, 'questions.yml'), 'utf8');
  return fileSchema.parse(parse(text));
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

export function score(cases: EvalCase[], ask: (q: string) => Result): Score {
  let inScope = 0;
  let inScopeCorrect = 0;
  let outOfScope = 0;
  let abstained = 0;
  let offered = 0;
  const misses: Miss[] = [];
  for (const c of cases) {
    const result = ask(c.q);
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
        result.suggestions.some((s) => outcomeOf(ask(s.query)) === c.expect)
      )
        offered++;
    }
    if (got !== c.expect) misses.push({ q: c.q, expect: c.expect, got });
  }
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
