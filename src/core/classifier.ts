import type { Analysis } from './index.js';

/** A question with the answer it should get: a fact id, or "unknown" when the sources do not answer it. */
export interface LabelledExample {
  analysis: Analysis;
  label: string;
}

export interface Opinion {
  label: string;
  /** The model's probability for that label (0..1). */
  p: number;
}

export interface Classifier {
  readonly labels: readonly string[];
  classify(a: Analysis): Opinion;
}

/**
 * Words this long also count by their first `prefixLength` letters. Chosen on the labelled
 * questions, each part scored by models that did not learn from it, by the rule the floors in
 * engine.ts were chosen by (fewer wrong answers and fewer answerable questions declined, read
 * alone and in turn): words of eight letters or more gave 25 more right answers, 9 more right
 * declines and 18 fewer wrong answers (in turn, 20 fewer); seven or more, 13 fewer wrong; six or
 * more, or the first five letters, more wrong answers; nine or more, more questions declined.
 * The gain is about the size of what the voters' orders of learning move: with two other sets of
 * orders it was 3 and 19 more right outcomes, with 9 fewer and 2 more wrong answers.
 */
const prefixFrom = 8;
const prefixLength = 4;

/**
 * What the model sees of a question: its canonical terms (names as entity markers, typos
 * corrected, synonyms merged), neighbouring pairs of them, the words the knowledge never uses,
 * the term a "which X" question asks about, the word it opens with, and every word as typed
 * (typos corrected), function words included ("how should I ask you things?" is all of those),
 * with neighbouring pairs of those too, and the first letters of each long one.
 */
function features(a: Analysis): string[] {
  const p = a.phrasing;
  const out = new Set<string>(p);
  const typed = a.corrected.split(' ').filter((w) => w !== '');
  for (let i = 0; i < typed.length; i++) {
    out.add(`=${typed[i]}`);
    // "running nato" is leading it; "who is running" alone asks who is a candidate.
    if (i + 1 < typed.length) out.add(`=${typed[i]} ${typed[i + 1]}`);
  }
  for (let i = 0; i + 1 < p.length; i++) out.add(`${p[i]} ${p[i + 1]}`);
  if (a.foreign.length > 0) out.add('!foreign');
  for (const w of a.foreign) out.add(`!foreign:${w}`);
  if (a.focus) out.add(`!focus:${a.focus}`);
  // The word a question opens with says what kind of answer it wants: "is…?" wants a yes or no.
  if (a.words[0]) out.add(`!first:${a.words[0]}`);
  // A long word's first letters stand for its family: "endorsement" and "endorsing", "candidacy"
  // and "candidates", "announcement" and "announced".
  for (const w of typed) if (w.length >= prefixFrom) out.add(`~${w.slice(0, prefixLength)}`);
  return [...out];
}

const epochs = 5;
/** How far the biases move per example, shrinking pass by pass. */
const learningRate = 0.5;
/**
 * How far a weight moves: each weight's step is this over the root of the sum of its squared
 * gradients so far (AdaGrad), so a weight that has learned much moves little, and a word that few
 * examples use still learns from each of them what it says. Chosen on the labelled questions, each
 * part scored by models that did not learn from it, by the floors' rule (fewer wrong answers and
 * fewer answerable questions declined, read alone and in turn), against one rate for all weights
 * (0.5, shrinking pass by pass): 0.7 gave 39 more right answers, 31 more right declines, 54 fewer
 * wrong answers and 16 fewer answerable questions declined; with the two other sets of orders of
 * learning, 39 and 82 more right answers, 47 and 36 more right declines, 42 and 29 fewer wrong,
 * 44 and 89 fewer declined. 1.0 and 0.5 failed the rule with one set of orders each (3 more wrong
 * answers; 7 more declined); 0.2 declined far more. With it, three or eight passes, a pull
 * towards zero of 3e-4 or 3e-5, and leaving out 0.2 or 0.4 of the features all did worse.
 */
const weightRate = 0.7;
const decay = 1e-4;
/** A gradient this small changes nothing worth the time: skipping it makes training a third faster. */
const negligible = 1e-3;
/**
 * How many models learn, each from the examples in its own order (and leaving out its own
 * features), before their weights are averaged into the one model that answers. One model's
 * answer depends on the order it met the examples in (about 0.15 points of accuracy either way);
 * averaged, they keep what all of them learned. Averaging their weights, which averages their
 * scores, replaced averaging their probabilities (2026-11-30): chosen on the labelled questions,
 * each part scored by models that did not learn from it, by the floors' rule (fewer wrong answers
 * and fewer answerable questions declined, read alone and in turn), three averaged so gave 18
 * fewer wrong answers and 11 fewer declined (in turn, 22 and 7), and passed the rule with two
 * other sets of orders too (49 fewer wrong and 16 fewer declined over the three, in turn 50 and
 * 9). Five averaged so gave, over the three sets, 70 fewer wrong answers and 65 fewer declined
 * than three (in turn 74 and 63), with 100 more right answers, for two thirds more learning;
 * eight and twelve gave no more right answers than five with the first set, and five of three
 * passes each (the learning of three of five) passed the rule with two of the three sets only.
 * Answering adds up one model's scores, whatever the number of voters.
 */
const voters = 5;

/**
 * The share of an example's features the model is not shown each time it meets the example while
 * learning, so it does not lean on a few of a wording's words but learns from each of them what
 * it says ("who is formally in vs just rumoured" gets the candidates, which it declined before).
 * Its weights are then scaled by the share it saw, so a question with all its features scores as
 * an example did while learning. Chosen on the labelled questions, each part scored by models
 * that did not learn from it, by the floors' rule (fewer wrong answers and fewer answerable
 * questions declined, read alone and in turn): 0.3 gave 29 fewer wrong answers, 19 fewer declined
 * and 45 more right answers; 0.1 and 0.2 gained less, 0.4 and more declined more. With two other
 * sets of orders of learning it gave 79 and 103 fewer wrong answers, and 3 fewer and 23 more
 * declined.
 */
const dropout = 0.3;
/**
 * Which features are left out, and when, is drawn from the voter's seed plus this. The sequence
 * moves the labelled questions' figures as the voters' orders of learning do: with 0.3, four
 * sequences gave 965 to 997 wrong answers and 620 to 681 answerable questions declined (without
 * leaving out, 1,026 and 639); this one, the first measured, gave 997 and 620.
 */
const leaveOutSeed = 77;

/** Examples per step of training: a step takes a few milliseconds. */
export const stepSize = 200;

type Vector = { x: number[]; y: number };

/**
 * Multinomial logistic regression over `features`, trained by stochastic gradient descent with
 * AdaGrad steps in a fixed order per voter, the voters' weights then averaged and a share of
 * the naive Bayes word counts added (`countsWeight`), so the same examples always give the same
 * model. It pauses (yields) every `stepSize` examples, and every `featuresPerStep` features while
 * it adds the counts, so a caller can let other work run while it learns.
 */
export function* trainInSteps(examples: readonly LabelledExample[]): Generator<void, Classifier> {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const K = labels.length;
  const featureIndex = new Map<string, number>();
  const data: Vector[] = examples.map((e) => ({
    x: features(e.analysis).map((f) => {
      let i = featureIndex.get(f);
      if (i === undefined) {
        i = featureIndex.size;
        featureIndex.set(f, i);
      }
      return i;
    }),
    y: labelIndex.get(e.label) as number,
  }));
  const F = featureIndex.size;
  // The voters' weights and biases, averaged, in single precision: one model answers.
  const weights = new Float32Array(F * K);
  const bias = new Float64Array(K);
  // One voter learns at a time, in the same arrays: start-up's peak memory holds one voter's, not five.
  const model: Model = { weights: new Float64Array(F * K), bias: new Float64Array(K) };
  const squares = new Float64Array(F * K);
  // Each voter's weights, scaled by the share of features it saw (`dropout`), count equally.
  const share = (1 - dropout) / voters;
  for (let v = 0; v < voters; v++) {
    yield* learn(data, model, squares, 7 + 1000 * v);
    for (let i = 0; i < weights.length; i++)
      weights[i] = (weights[i] as number) + (model.weights[i] as number) * share;
    for (let k = 0; k < K; k++) bias[k] = (bias[k] as number) + (model.bias[k] as number) / voters;
  }
  // The voters' running sums are done with: the counts reuse their memory.
  yield* addWordCounts(data, weights, bias, squares);
  return {
    labels,
    classify(a) {
      const scores = Float64Array.from(bias);
      for (const f of features(a)) {
        const i = featureIndex.get(f);
        if (i === undefined) continue;
        const base = i * K;
        for (let k = 0; k < K; k++) scores[k] = (scores[k] as number) + (weights[base + k] as number);
      }
      softmaxInPlace(scores);
      let best = 0;
      for (let k = 1; k < K; k++) if ((scores[k] as number) > (scores[best] as number)) best = k;
      return { label: labels[best] as string, p: scores[best] as number };
    },
  };
}

/**
 * How much the word counts weigh beside the learned weights, and how many times each feature is
 * counted for every label before any example is (its smoothing). Counting which features each
 * answer's questions use, as a naive Bayes model does, and adding a share of the log of each
 * feature's frequency under each label to the averaged weights, lets a feature that met only a
 * few examples speak by how often it came with each answer, which the weights learned one step at
 * a time say less of. It takes one pass over the examples and draws nothing at random, so the
 * voters learn exactly as before. Chosen on the labelled questions, each part scored by engines
 * that did not learn from it, by the floors' rule on the mean of the seven orders of learning
 * not used for a choice before this one (looked at twice for it): 0.02 and 0.4 gave 11.2 more
 * right answers, 4.3 fewer wrong and 6.3 fewer declined (in turn 11.3, 5.2 and 5.6) per order;
 * 0.02 and 0.3 gave 18.4 more right and 13.7 fewer declined, but 0.8 more wrong. Less smoothing
 * answered more, unanswerable questions too; more smoothing, or more weight with a smoothing of 1,
 * declined more. It takes about 50 ms at load on an idle core (72,000 features by 44 answers) and
 * nothing per question. See test/eval/HISTORY.md.
 */
const countsWeight = 0.02;
const countsSmoothing = 0.4;

/** Features per step while the counts are added: a step takes a few milliseconds. */
const featuresPerStep = 4000;

/**
 * Adds `countsWeight` times the log of each feature's smoothed frequency among the features of
 * each label's examples to its weight for that label, and `countsWeight` times the log of each
 * label's share of the examples to its bias (multinomial naive Bayes, each feature counted once
 * per example). `counts` is memory to count in, one number per weight; its contents are lost.
 */
function* addWordCounts(
  data: readonly Vector[],
  weights: Float32Array,
  bias: Float64Array,
  counts: Float64Array,
): Generator<void> {
  const K = bias.length;
  const F = weights.length / K;
  counts.fill(0);
  const featureTotals = new Float64Array(K);
  const examples = new Float64Array(K);
  let done = 0;
  for (const { x, y } of data) {
    if (++done % stepSize === 0) yield;
    examples[y] = (examples[y] as number) + 1;
    featureTotals[y] = (featureTotals[y] as number) + x.length;
    for (const f of x) counts[f * K + y] = (counts[f * K + y] as number) + 1;
  }
  const logTotal = Array.from(featureTotals, (n) => Math.log(n + countsSmoothing * F));
  for (let f = 0; f < F; f++) {
    if (f % featuresPerStep === 0) yield;
    for (let k = 0; k < K; k++) {
      const at = f * K + k;
      const logFrequency = Math.log((counts[at] as number) + countsSmoothing) - (logTotal[k] as number);
      weights[at] = (weights[at] as number) + countsWeight * logFrequency;
    }
  }
  for (let k = 0; k < K; k++)
    bias[k] = (bias[k] as number) + countsWeight * Math.log((examples[k] as number) / data.length);
}

/** One model as it learns: a weight per feature and label, and a bias per label. */
interface Model {
  weights: Float64Array;
  bias: Float64Array;
}

/** The probability of each label for a question's features, written into `out`. */
function probabilities(model: Model, x: readonly number[], out: Float64Array): void {
  const K = out.length;
  out.set(model.bias);
  for (const f of x) {
    const base = f * K;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + (model.weights[base + k] as number);
  }
  softmaxInPlace(out);
}

/**
 * Learns one model into `model`, from zero, meeting the examples in an order shuffled from `seed`
 * each pass, its weights not yet scaled for the features it was not shown. `squares` holds each
 * weight's squared gradients so far, which set its step (`weightRate`).
 */
function* learn(
  source: readonly Vector[],
  model: Model,
  squares: Float64Array,
  seed: number,
): Generator<void> {
  const data = [...source];
  const { weights, bias } = model;
  const K = bias.length;
  weights.fill(0);
  bias.fill(0);
  squares.fill(0);
  const z = new Float64Array(K);
  const random = randomFrom(seed);
  // Its own sequence, so that leaving features out does not change the order examples come in.
  const leaveOut = randomFrom(seed + leaveOutSeed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = data.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [data[i], data[j]] = [data[j] as Vector, data[i] as Vector];
    }
    const step = learningRate / (1 + epoch * 0.1);
    let done = 0;
    for (const { x: all, y } of data) {
      if (++done % stepSize === 0) yield;
      const x = all.filter(() => leaveOut() >= dropout);
      probabilities(model, x, z);
      for (let k = 0; k < K; k++) {
        const g = (z[k] as number) - (k === y ? 1 : 0);
        // A class the example already rules out has nothing to learn from it.
        if (g > -negligible && g < negligible) continue;
        bias[k] = (bias[k] as number) - step * g * 0.1;
        for (const f of x) {
          const at = f * K + k;
          const w = weights[at] as number;
          const gradient = g + decay * w;
          const sum = (squares[at] as number) + gradient * gradient;
          squares[at] = sum;
          // The small constant keeps the step finite should a weight's first gradient be 0.
          weights[at] = w - (weightRate * gradient) / Math.sqrt(sum + 1e-8);
        }
      }
    }
  }
}

/** A deterministic sequence of numbers in [0, 1) from `seed` (a linear congruential generator). */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp((z[k] as number) - max);
    z[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k++) z[k] = (z[k] as number) / sum;
}
