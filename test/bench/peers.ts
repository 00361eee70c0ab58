/**
 * Part 3: answer quality against peers. MiniSearch (BM25 full-text search with fuzzy matching) and
 * nlp.js (a neural intent classifier) are built from the same knowledge as our engine: one
 * document or intent per fact, from its example questions, keywords and the aliases of its subjects.
 * Each peer answers with its best fact, or "unknown" under a cut-off tuned on the dev half (with
 * its few options), as our engine's thresholds were. Peers get the raw text, commands included. One
 * more nlp.js also learns the labelled questions (the dev half), as our engine's model does.
 */
import { type Container, containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import MiniSearch from 'minisearch';
import { createEngine, parseCommand } from '../../src/core/engine.js';
import type { Fact, Knowledge } from '../../src/core/knowledge/types.js';
import { metaFacts } from '../../src/core/meta.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { type EvalCase, type Half, loadEvalSet, outcomeOf } from '../eval/evaluate.js';
import { fmt, pct, table } from './stats.js';

/** A peer's best guess for a question: a fact id and its score, or nothing at all. */
interface Guess {
  id: string | undefined;
  score: number;
}

type Guesser = (q: string) => Promise<Guess>;

interface Trained {
  options: string;
  guess: Guesser;
}

interface FactText {
  id: string;
  questions: string[];
  keywords: string[];
  aliases: string[];
}

/** What every system learns from: the facts (built-in ones included) with their subjects' names. */
function factTexts(knowledge: Knowledge): FactText[] {
  const facts: Fact[] = [...knowledge.facts, ...metaFacts];
  return facts.map((f) => ({
    id: f.id,
    questions: f.questions,
    keywords: f.keywords,
    aliases: f.subjects.flatMap((s) => {
      const e = knowledge.entityById.get(s);
      return e ? [e.name, ...e.aliases] : [];
    }),
  }));
}

const countTerms = (q: string): number => q.split(/[\n\r\p{Z}\p{P}]+/u).filter(Boolean).length;

/**
 * BM25 scores grow with the length of the question, so one raw cut-off treats short and long
 * questions differently; the score per question word is offered as an option, to be fair to it.
 */
function miniSearchPeer(facts: FactText[], withAliases: boolean, fuzzy: number, perTerm: boolean): Trained {
  const index = new MiniSearch<{ id: string; questions: string; keywords: string; aliases: string }>({
    fields: withAliases ? ['questions', 'keywords', 'aliases'] : ['questions', 'keywords'],
    searchOptions: { fuzzy, prefix: true, combineWith: 'OR' },
  });
  index.addAll(
    facts.map((f) => ({
      id: f.id,
      questions: f.questions.join('\n'),
      keywords: f.keywords.join('\n'),
      aliases: f.aliases.join('\n'),
    })),
  );
  return {
    options: `fuzzy ${fuzzy}, prefix, ${withAliases ? 'with' : 'without'} aliases, ${perTerm ? 'score per word' : 'raw score'}`,
    guess: async (q) => {
      const best = index.search(q)[0];
      if (!best) return { id: undefined, score: 0 };
      return { id: String(best.id), score: perTerm ? best.score / Math.max(1, countTerms(q)) : best.score };
    },
  };
}

interface NlpInstance {
  settings: Record<string, unknown>;
  addLanguage(locale: string): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(
    locale: string,
    utterance: string,
    context?: undefined,
    settings?: { spellCheck: boolean },
  ): Promise<{ classifications?: { intent: string; score: number }[] }>;
}

/**
 * One nlp.js model, asked without and with its spell check. Spell checking happens when it
 * processes a question, not when it learns, so one model serves both: asked so, it gave the same
 * guess as a model trained with the spell check on for each of 13,024 eval questions, with and
 * without the labelled questions. Learning the labelled questions takes most of a minute.
 */
async function nlpjsPeers(
  facts: FactText[],
  withAliases: boolean,
  labelled: EvalCase[] = [],
): Promise<Record<'plain' | 'spellChecked', Trained>> {
  const container: Container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  const nlp = container.get('nlp') as NlpInstance;
  // Offline and quiet: no model file read or written, no training log; our own cut-off, not its 0.5.
  Object.assign(nlp.settings, { autoSave: false, autoLoad: false, threshold: 0 });
  Object.assign(container.getConfiguration('nlu-??') ?? {}, { log: false, spellCheck: false });
  nlp.addLanguage('en');
  for (const f of facts) {
    for (const q of f.questions) nlp.addDocument('en', q, f.id);
    if (f.keywords.length > 0) nlp.addDocument('en', f.keywords.join(' '), f.id);
    if (withAliases && f.aliases.length > 0) nlp.addDocument('en', f.aliases.join(' '), f.id);
  }
  // The labelled questions our engine learns from, unanswerable ones as an intent of their own.
  for (const c of labelled) nlp.addDocument('en', c.q, c.expect);
  await nlp.train();
  const peer = (spellCheck: boolean): Trained => ({
    options: `${spellCheck ? 'spell check' : 'no spell check'}, ${withAliases ? 'with' : 'without'} aliases${labelled.length > 0 ? ', labelled questions' : ''}`,
    guess: async (q) => {
      const best = (await nlp.process('en', q, undefined, { spellCheck })).classifications?.[0];
      if (!best || best.intent === 'None' || best.intent === 'unknown') return { id: undefined, score: 0 };
      return { id: best.intent, score: best.score };
    },
  });
  return { plain: peer(false), spellChecked: peer(true) };
}

export interface HalfScore {
  accuracy: number;
  abstention: number;
  /** In-scope accuracy on questions that are not one of our structured commands. */
  freeTextAccuracy: number;
  msPerQuestion: number;
}

export interface PeerRow {
  name: string;
  options: string;
  cutOff: string;
  dev: HalfScore;
  test: HalfScore;
}

function scoreOutcomes(cases: EvalCase[], outcomes: string[], ms: number): HalfScore {
  let inScope = 0;
  let correct = 0;
  let outOfScope = 0;
  let abstained = 0;
  let freeText = 0;
  let freeTextCorrect = 0;
  cases.forEach((c, i) => {
    const got = outcomes[i];
    if (c.expect === 'unknown') {
      outOfScope++;
      if (got === 'unknown') abstained++;
      return;
    }
    inScope++;
    if (got === c.expect) correct++;
    if (!parseCommand(c.q)) {
      freeText++;
      if (got === c.expect) freeTextCorrect++;
    }
  });
  return {
    accuracy: correct / inScope,
    abstention: abstained / outOfScope,
    freeTextAccuracy: freeTextCorrect / freeText,
    msPerQuestion: ms / cases.length,
  };
}

interface Guessed {
  guesses: Guess[];
  ms: number;
}

async function guessAll(guess: Guesser, cases: EvalCase[]): Promise<Guessed> {
  const guesses: Guess[] = [];
  const start = performance.now();
  for (const c of cases) guesses.push(await guess(c.q));
  return { guesses, ms: performance.now() - start };
}

const outcomesAt = (guesses: Guess[], cutOff: number): string[] =>
  guesses.map((g) => (g.id !== undefined && g.score >= cutOff ? g.id : 'unknown'));

/**
 * The cut-off maximising in-scope accuracy + abstention on dev: every distinct score is tried, and
 * of the best range of cut-offs the middle one is taken, so the choice does not sit on one question.
 */
function tuneCutOff(cases: EvalCase[], guesses: Guess[]): { cutOff: number; objective: number } {
  const scores = [...new Set(guesses.map((g) => g.score))].sort((a, b) => a - b);
  const candidates = [0, ...scores.map((s, i) => (i === 0 ? s / 2 : (s + (scores[i - 1] as number)) / 2))];
  candidates.push((scores.at(-1) ?? 0) + 1);
  let best = Number.NEGATIVE_INFINITY;
  let bestRange: number[] = [];
  // Counted directly rather than through scoreOutcomes, which also sorts out the commands: this
  // runs once per distinct score, so its cost grows with the square of the dev half.
  const inScope = cases.filter((c) => c.expect !== 'unknown').length;
  const outOfScope = cases.length - inScope;
  const objectiveAt = (cutOff: number): number => {
    let correct = 0;
    let abstained = 0;
    cases.forEach((c, i) => {
      const g = guesses[i] as Guess;
      const got = g.id !== undefined && g.score >= cutOff ? g.id : 'unknown';
      if (got !== c.expect) return;
      if (c.expect === 'unknown') abstained++;
      else correct++;
    });
    return correct / inScope + abstained / outOfScope;
  };
  for (const cutOff of candidates) {
    const objective = objectiveAt(cutOff);
    if (objective > best + 1e-12) {
      best = objective;
      bestRange = [cutOff];
    } else if (Math.abs(objective - best) <= 1e-12) bestRange.push(cutOff);
  }
  return { cutOff: bestRange[Math.floor((bestRange.length - 1) / 2)] ?? 0, objective: best };
}

/** Every fourth dev question: enough to choose options and a cut-off, in a quarter of the time. */
const tuningShare = 4;

async function tunedPeer(name: string, variants: Trained[], all: Record<Half, EvalCase[]>): Promise<PeerRow> {
  const set = { dev: all.dev.filter((_, i) => i % tuningShare === 0), test: all.test };
  let chosen: { variant: Trained; cutOff: number; objective: number; dev: Guessed } | undefined;
  for (const variant of variants) {
    const dev = await guessAll(variant.guess, set.dev);
    const { cutOff, objective } = tuneCutOff(set.dev, dev.guesses);
    if (!chosen || objective > chosen.objective) chosen = { variant, cutOff, objective, dev };
  }
  if (!chosen) throw new Error(`${name}: no variant to tune`);
  const test = await guessAll(chosen.variant.guess, set.test);
  // Timed on a second pass, as for every system, so no figure is a cold first pass.
  const timed = await guessAll(chosen.variant.guess, set.test);
  return {
    name,
    options: chosen.variant.options,
    cutOff: `score >= ${fmt(chosen.cutOff, 3)}`,
    dev: scoreOutcomes(set.dev, outcomesAt(chosen.dev.guesses, chosen.cutOff), chosen.dev.ms),
    test: scoreOutcomes(set.test, outcomesAt(test.guesses, chosen.cutOff), timed.ms),
  };
}

export interface PeersResult {
  rows: PeerRow[];
  dev: number;
  test: number;
}

export async function benchPeers(log: (line: string) => void): Promise<PeersResult> {
  const { knowledge } = loadKnowledge();
  const set = loadEvalSet();
  const facts = factTexts(knowledge);

  const engine = createEngine(knowledge);
  const ours = (cases: EvalCase[]): HalfScore => {
    const outcomes = cases.map((c) => outcomeOf(engine.ask(c.q)));
    const start = performance.now();
    for (const c of cases) engine.ask(c.q);
    return scoreOutcomes(cases, outcomes, performance.now() - start);
  };
  const rows: PeerRow[] = [
    {
      name: 'nato-bot engine',
      options: 'as shipped',
      cutOff: 'built in (learned from dev)',
      dev: ours(set.dev),
      test: ours(set.test),
    },
  ];
  log('peers: our engine scored');

  const miniVariants: Trained[] = [];
  for (const withAliases of [true, false]) {
    for (const fuzzy of [0.1, 0.2]) {
      for (const perTerm of [false, true])
        miniVariants.push(miniSearchPeer(facts, withAliases, fuzzy, perTerm));
    }
  }
  rows.push(await tunedPeer('MiniSearch 7 (BM25 + fuzzy)', miniVariants, set));
  log('peers: MiniSearch tuned and scored');

  const nlpVariants: Trained[] = [];
  for (const withAliases of [true, false]) {
    const { plain, spellChecked } = await nlpjsPeers(facts, withAliases);
    nlpVariants.push(plain, spellChecked);
  }
  rows.push(await tunedPeer('nlp.js 4 (neural intents)', nlpVariants, set));
  log('peers: nlp.js trained, tuned and scored');

  // The same classifier, also learning the labelled questions our engine learns from.
  const { plain, spellChecked } = await nlpjsPeers(facts, true, set.dev);
  const learning = [spellChecked, plain];
  rows.push(await tunedPeer('nlp.js 4 + labelled questions', learning, set));
  log('peers: nlp.js with the labelled questions trained, tuned and scored');
  return { rows, dev: set.dev.length, test: set.test.length };
}

export function peersTable(r: PeersResult): string {
  return table(
    `Part 3 — answer quality on the eval questions (dev ${r.dev}, test ${r.test}; test held out; peers' dev figures on one dev question in ${tuningShare})`,
    [
      'system',
      'dev acc',
      'dev abst',
      'test acc',
      'test abst',
      'test free-text acc',
      'ms/q',
      'options and cut-off (chosen on dev)',
    ],
    r.rows.map((row) => [
      row.name,
      pct(row.dev.accuracy),
      pct(row.dev.abstention),
      pct(row.test.accuracy),
      pct(row.test.abstention),
      pct(row.test.freeTextAccuracy),
      fmt(row.test.msPerQuestion, 3),
      `${row.options}; ${row.cutOff}`,
    ]),
    [
      'acc = in-scope questions answered with the right fact; abst = out-of-scope questions declined ("unknown").',
      'free-text acc = in-scope accuracy without the questions our engine parses as commands (who-is, who-backs, ...),',
      'which it answers by rule; peers always get the raw text. Peers learn one document / intent per fact (built-in',
      'facts included) from its example questions, keywords and its subjects’ aliases; options and cut-off maximise',
      'dev accuracy + dev abstention. ms/q = time per test question on a second pass (all in this process).',
      'Our engine and the last row learn from the labelled questions, which are the dev half: their dev figures are on',
      'questions they learned from. Compare the test columns.',
    ],
  );
}
