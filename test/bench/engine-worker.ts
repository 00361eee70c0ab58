/**
 * One measurement of the engine at one knowledge size, in a fresh process so that start-up and
 * memory figures are its own. Started by engine-speed.ts with `--expose-gc`; reports over IPC.
 */
import { createEngine } from '../../src/core/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { warmUp } from '../../src/knowledge/warm-up.js';
import { loadEvalSet, outcomeOf } from '../eval/evaluate.js';
import { fnv1a } from './stats.js';

export interface WorkerInput {
  dir: string;
  /** Most time the first pass over the eval questions may take, in ms. */
  coldBudgetMs: number;
  /** Most time the repeated passes may take, in ms. */
  warmBudgetMs: number;
}

export interface StartedMessage {
  type: 'started';
  loadMs: number;
  indexMs: number;
}

export interface DoneMessage {
  type: 'done';
  loadMs: number;
  indexMs: number;
  /** The engine's own warm-up, as the bot runs it at start-up. */
  warmUpMs: number;
  warmUpQuestions: number;
  facts: number;
  entities: number;
  /** Resident set size after start-up and a full GC. */
  rssBytes: number;
  heapUsedBytes: number;
  /** Highest resident set size of the process, start-up included. */
  peakRssBytes: number;
  /** Eval questions there are; `cold` may hold fewer when the budget ran out. */
  cases: number;
  /** First ask of each eval question on this engine, in ms, in the order asked. */
  cold: number[];
  /** Repeated asks of the same questions, in ms. */
  warm: number[];
  /** Questions answered as expected / asked, in the first pass (in scope and out of scope). */
  inScope: { asked: number; correct: number };
  outOfScope: { asked: number; abstained: number };
}

export type WorkerMessage = StartedMessage | DoneMessage;

const gc = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '{}') as WorkerInput;
  const send = (m: WorkerMessage, then?: () => void): void => {
    // The callback runs once the message is handed to the channel, so a large one is not cut off.
    process.send?.(m, undefined, {}, () => then?.());
  };
  const set = loadEvalSet();
  // A fixed shuffle, so that a run stopped by its budget has asked a fair sample of both halves.
  const cases = [...set.dev, ...set.test]
    .map((c) => ({ c, key: fnv1a(c.q) }))
    .sort((a, b) => a.key - b.key)
    .map(({ c }) => c);

  gc();
  const t0 = performance.now();
  const { knowledge } = loadKnowledge(input.dir);
  const t1 = performance.now();
  const engine = createEngine(knowledge);
  const t2 = performance.now();
  send({ type: 'started', loadMs: t1 - t0, indexMs: t2 - t1 });
  // The bot's start-up warm-up: the knowledge's own example questions in the shapes users send
  // (none of them an eval question), so the JIT has compiled the engine before it is timed.
  const warmed = await warmUp(engine);
  gc();
  const memory = process.memoryUsage();

  const cold: number[] = [];
  const inScope = { asked: 0, correct: 0 };
  const outOfScope = { asked: 0, abstained: 0 };
  const coldEnd = performance.now() + input.coldBudgetMs;
  for (const c of cases) {
    const start = performance.now();
    const result = engine.ask(c.q);
    const end = performance.now();
    cold.push(end - start);
    const got = outcomeOf(result);
    if (c.expect === 'unknown') {
      outOfScope.asked++;
      if (got === 'unknown') outOfScope.abstained++;
    } else {
      inScope.asked++;
      if (got === c.expect) inScope.correct++;
    }
    if (end > coldEnd) break;
  }

  const warm: number[] = [];
  const asked = cases.slice(0, cold.length);
  const warmEnd = performance.now() + input.warmBudgetMs;
  for (let pass = 0; pass < 20 && performance.now() < warmEnd; pass++) {
    for (const c of asked) {
      const start = performance.now();
      engine.ask(c.q);
      const end = performance.now();
      warm.push(end - start);
      if (end > warmEnd) break;
    }
  }

  send(
    {
      type: 'done',
      loadMs: t1 - t0,
      indexMs: t2 - t1,
      warmUpMs: warmed.ms,
      warmUpQuestions: warmed.questions,
      facts: knowledge.facts.length,
      entities: knowledge.entities.length,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      cases: cases.length,
      cold,
      warm,
      inScope,
      outOfScope,
    },
    () => process.disconnect?.(),
  );
}

void main();
