import Fuse from 'fuse.js';
import { beyondTheArticle } from './beyond.js';
import { type Classifier, type LabelledExample, stepSize, trainInSteps } from './classifier.js';
import type { Entity, Fact, Knowledge } from './knowledge/types.js';
import { domainWords, everydayWords, rewritePhrases, stopWords, synonymGroups } from './lexicon.js';
import { metaFacts } from './meta.js';
import {
  capitalizedWords,
  editDistance,
  normalize,
  stem,
  stripSlackMarkup,
  typoBudget,
  words,
} from './text.js';

/** A word or phrase of a question recognised as an entity ("kalllas" -> kallas). */
export interface Mention {
  entityId: string;
  start: number;
  end: number;
  fuzzy: boolean;
  /** For a fuzzy match, the alias word it was corrected to. Always present, so mentions share one shape. */
  word: string | undefined;
}

/** A question reduced to what the matcher compares: canonical terms and entity markers (`@id`). */
export interface Analysis {
  words: string[];
  mentions: Mention[];
  /** Canonical content terms, entity markers included, in order of appearance, without repeats. */
  terms: string[];
  /** Content words that the knowledge never uses, even allowing for typos. */
  foreign: string[];
  /** The question's words with typos corrected, for comparing wording. */
  corrected: string;
  /**
   * The term a "which X", "what X" or "how many X" asks about: an answer that does not cover it
   * answers another question.
   */
  focus: string | undefined;
  /** The question's wording in canonical terms, names as entity markers, for comparing phrasing. */
  phrasing: string[];
}

export interface AskedWith {
  questions: number;
  terms: ReadonlyMap<string, number>;
}

/** Everything the engine precomputes from the knowledge once, at load or reload. */
export interface KnowledgeIndex {
  knowledge: Knowledge;
  /** Every canonical term used anywhere in the knowledge. */
  vocab: ReadonlySet<string>;
  /** Inverse document frequency of each term over facts. */
  idf: ReadonlyMap<string, number>;
  /** Each fact's terms with how central each is to the fact (0..1). */
  factTerms: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Facts that use a term, for narrowing candidates before scoring. */
  postings: ReadonlyMap<string, readonly Fact[]>;
  /** How closely the question's wording matches each fact's closest example question (0..1). */
  phrasingScores(a: Analysis): Map<string, number>;
  analyze(text: string): Analysis;
  /** The entity a name refers to, typo-tolerant; used by `who-is <name>`. */
  resolveName(name: string): Entity | undefined;
  profileOf: ReadonlyMap<string, Fact>;
  /**
   * "france" → "France": words the sources only ever write with capitals, as they write them (a
   * word also written in lower case, like "summit", is not in it). For writing suggestions.
   */
  nameCasing: ReadonlyMap<string, string>;
  /** Facts whose answer gives a number or a count ("two-thirds", "a decade", "57", "a few"). */
  numbered: ReadonlySet<string>;
  /** People who are the subject of exactly one statement: "what did Kirby say?" means that one. */
  soleSpeakers: ReadonlySet<string>;
  /** The candidate with the most backing facts. */
  leadingCandidate: Entity | undefined;
  /**
   * A model that learned from the labelled questions (and the example questions of the facts they
   * name) which wording goes with which answer, or with none; absent when the knowledge has no
   * labelled questions, or none the sources leave unanswered, to learn from.
   */
  classifier: Classifier | undefined;
  /**
   * For each answer, how many questions it was learned from (labelled, and the fact's own
   * examples), and how many of them use each term: "what are the upcoming milestones?" is asked of
   * the timeline, though its answer never says "upcoming".
   */
  askedWith: ReadonlyMap<string, AskedWith>;
  /** A fact, or a built-in answer (timeline, about, help), by id. */
  answerable: ReadonlyMap<string, Fact>;
}

const canonical = new Map<string, string>();
for (const group of synonymGroups) {
  const head = stem(group[0] as string);
  for (const w of group) canonical.set(stem(w), head);
}

/** True when `long` is `short` with one letter added somewhere. */
function droppedOneLetter(short: string, long: string): boolean {
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

export function termOf(word: string): string {
  const s = stem(word);
  return canonical.get(s) ?? s;
}

const entityTerm = (id: string): string => `@${id}`;

/** Words that move a role to another holder: "the next prime minister", "a former defence secretary". */
const roleShifters = new Set(['next', 'new', 'future', 'previous', 'incoming', 'successor', 'another']);

/** A word that carries no topic, also when inflected ("wants", "happened"). */
export function isStopWord(word: string): boolean {
  return stopWords.has(word) || stopWords.has(stem(word));
}

/** Domain words as canonical terms; a word a synonym group claims keeps its meaning there. */
export const domainTerms: ReadonlySet<string> = new Set(
  [...domainWords].map(stem).filter((s) => (canonical.get(s) ?? s) === s),
);

/** The words the matcher compares: normalised, with idioms and set phrases rewritten. */
export function tokens(text: string): string[] {
  const s = rewritePhrases(normalize(text));
  return s ? s.split(' ') : [];
}

const successorWords = new Set(['successor', 'successors', 'replacement', 'replacements', 'shoes']);
const succeedWords = new Set([
  'succeed',
  'succeeds',
  'succeeding',
  'replace',
  'replaces',
  'replacing',
  'follow',
  'follows',
]);
/** "Working towards Stoltenberg's job", "the frontrunner for his post": his post is the race. */
const postWords = new Set(['job', 'post', 'seat', 'chair', 'spot', 'role']);
const goalWords = new Set([
  'for',
  'towards',
  'toward',
  'to',
  'into',
  'get',
  'getting',
  'take',
  'taking',
  'eyeing',
  'after',
  'fill',
  'filling',
  'want',
  'wants',
  'wanted',
]);
/** Words before the leading candidate's name that make it the measure of another candidate. */
const measureWords = new Set(['besides', 'except', 'excluding']);
const measurePhrases = new Set([
  'other than',
  'apart from',
  'aside from',
  'instead of',
  'alternative to',
  'alternatives to',
  'rival to',
  'rivals to',
  'challenger to',
  'challengers to',
]);
/** Of words some of which are in use, the one used least: `uses` counts where. */
export function rarestOf(ws: readonly string[], uses: (w: string) => number): string | undefined {
  let best: string | undefined;
  for (const w of ws) {
    const n = uses(w);
    if (n > 0 && (best === undefined || n < uses(best))) best = w;
  }
  return best;
}

/** The word with one letter dropped, every way. */
function dropOne(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** A word more example questions than this use is too common to gather examples by. */
const commonExamples = 1000;
/** Function words that still shape what a question asks: kept when comparing wording. */
const questionWords = new Set(['who', 'what', 'where', 'why', 'how', 'which', 'whose', 'whom']);

/**
 * Everything the engine precomputes from the knowledge, its model included. It pauses (yields)
 * every few milliseconds while the model learns; `createEngine` runs it to the end at once.
 */
export function* buildIndexInSteps(knowledge: Knowledge): Generator<void, KnowledgeIndex> {
  const backingCount = new Map<string, number>();
  for (const f of knowledge.facts) {
    if (f.backing) backingCount.set(f.backing.candidate, (backingCount.get(f.backing.candidate) ?? 0) + 1);
  }
  // The candidate most facts say someone backs: the one the race is measured against.
  const leadingId = [...backingCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  // Aliases by their first word, longest first, so "dutch prime minister" wins over "dutch".
  const phrases = new Map<string, { words: string[]; entityId: string }[]>();
  // The same aliases keyed by the whole phrase (first alias wins), and the longest alias per
  // first word: an exact lookup costs a few map reads however many entities there are.
  const exactPhrases = new Map<string, { words: string[]; entityId: string }>();
  const longest = new Map<string, number>();
  const aliasWords = new Map<string, Set<string>>();
  const addAlias = (alias: string, entityId: string): void => {
    const ws = words(alias);
    const first = ws[0];
    if (!first) return;
    const key = ws.join(' ');
    if (exactPhrases.get(key)?.entityId === entityId) return;
    const entry = { words: ws, entityId };
    if (!exactPhrases.has(key)) exactPhrases.set(key, entry);
    longest.set(first, Math.max(longest.get(first) ?? 0, ws.length));
    const list = phrases.get(first) ?? [];
    list.push(entry);
    phrases.set(first, list);
    if (ws.length === 1 && !stopWords.has(first)) {
      const ids = aliasWords.get(first) ?? new Set<string>();
      ids.add(entityId);
      aliasWords.set(first, ids);
    }
  };
  /**
   * A word read as a possessive typed without its apostrophe ("stoltenbergs"), without its "s";
   * undefined for a short word, or one that is a name of its own: "the norwegians" are Norway,
   * not "the norwegian" Stoltenberg.
   */
  const withoutPossessive = (w: string): string | undefined =>
    w.length >= 5 && w.endsWith('s') && !exactPhrases.has(w) ? w.slice(0, -1) : undefined;
  const exactAt = (ws: string[], i: number): { words: string[]; entityId: string } | undefined => {
    const first = ws[i] as string;
    const bareFirst = withoutPossessive(first);
    for (const head of bareFirst ? [first, bareFirst] : [first]) {
      for (let len = Math.min(longest.get(head) ?? 0, ws.length - i); len >= 1; len--) {
        const tail = ws.slice(i + 1, i + len);
        const found = exactPhrases.get([head, ...tail].join(' '));
        if (found) return found;
        const bareLast = withoutPossessive(tail.at(-1) ?? '');
        if (bareLast) {
          const bare = exactPhrases.get([head, ...tail.slice(0, -1), bareLast].join(' '));
          if (bare) return bare;
        }
      }
    }
    return undefined;
  };
  for (const e of knowledge.entities) {
    addAlias(e.name, e.id);
    for (const a of e.aliases) addAlias(a, e.id);
  }

  const allFacts = [...knowledge.facts, ...metaFacts];

  // Every word the knowledge uses, as written: typo correction targets. Names are added here; the
  // words of the facts as they are read below, so that each text is read once.
  const surface = new Set<string>();
  const addSurface = (ws: readonly string[]): void => {
    for (const w of ws) if (!isStopWord(w)) surface.add(w);
  };
  for (const e of knowledge.entities) for (const a of [e.name, ...e.aliases]) addSurface(tokens(a));
  // Typo targets by the keys they are found under (see indexSurface), and in the order they came.
  const byDropped = new Map<string, string[]>();
  const rank = new Map<string, number>();
  const knownTerms = new Set<string>();
  // No word longer than this, two typos included, can be one the knowledge uses.
  let longestTarget = 0;
  const indexSurface = (): void => {
    const push = (key: string, w: string): void => {
      const list = byDropped.get(key);
      if (list) list.push(w);
      else byDropped.set(key, [w]);
    };
    // Stop words are correction targets too, so "ther" becomes "there", not "other".
    for (const w of [...surface, ...[...stopWords].filter((x) => x.length >= 3)]) {
      if (rank.has(w)) continue;
      rank.set(w, rank.size);
      longestTarget = Math.max(longestTarget, w.length);
      // Each word under itself and every way of dropping one letter: two words one edit apart
      // share a key, so correction looks up a few keys instead of comparing every word. A long
      // typed word (two edits allowed) is looked up with two letters dropped too; that finds two
      // edits of which one adds or drops a letter, not two changed letters ("stoltanbirg").
      push(w, w);
      for (const k of dropOne(w)) push(k, w);
    }
    for (const w of surface) knownTerms.add(termOf(w));
    for (const group of synonymGroups) for (const w of group) knownTerms.add(termOf(w));
  };
  const correctionCache = new Map<string, string | undefined>();
  const correct = (word: string): string | undefined => {
    if (correctionCache.has(word)) return correctionCache.get(word);
    const order = (x: string, y: string): number => (rank.get(x) ?? 0) - (rank.get(y) ?? 0);
    if (word.length === 3) {
      // Three letters only count as a typo for a dropped letter: "wen" is "when", "jon" is "john".
      const found = (byDropped.get(word) ?? [])
        .filter((c) => c.length === 4 && droppedOneLetter(word, c))
        .sort(order)[0];
      correctionCache.set(word, found);
      return found;
    }
    const budget = typoBudget(word.length);
    // A pasted hash or "hahahaha…" is no known word: its keys would number its length squared.
    if (word.length > longestTarget + budget) {
      correctionCache.set(word, undefined);
      return undefined;
    }
    const keys = [word, ...dropOne(word)];
    if (budget >= 2) keys.push(...dropOne(word).flatMap(dropOne));
    const near = new Set<string>();
    for (const k of keys) for (const c of byDropped.get(k) ?? []) near.add(c);
    // Another first letter is allowed only in long words, one slip away (see below).
    const sameFirst = [...near].filter((c) => c[0] === word[0]);
    const sameSecond = word.length >= 7 ? [...near].filter((c) => c[1] === word[1]) : [];
    let best: string | undefined;
    let bestCost = budget + 1;
    for (let len = word.length - budget; len <= word.length + budget; len++) {
      const ofLength = (cs: string[]): string[] => cs.filter((c) => c.length === len).sort(order);
      for (const candidate of [...ofLength(sameFirst), ...ofLength(sameSecond)]) {
        // Four-letter words are only corrected for swapped letters ("bakc"), not for any one change.
        if (Math.max(candidate.length, word.length) < 5 && !sameLetters(word, candidate)) continue;
        const d = editDistance(word, candidate, budget);
        if (d > budget) continue;
        const sameStart = candidate[0] === word[0];
        // Typos rarely hit the first letter: two changes there make another word ("sitting", "citing"),
        // and a stop word must be one slip away ("weather" is not "whether").
        if (d > 1 && (!sameStart || stopWords.has(candidate))) continue;
        if (!sameStart && word.length < 7) continue;
        // Among equally close words, prefer one that starts like the typed word, then one whose
        // second letter is the typed one too ("resing" is "resign", not "rising").
        const cost = d + (sameStart ? 0 : 0.5) + (candidate[1] === word[1] ? 0 : 0.25);
        if (cost < bestCost) {
          bestCost = cost;
          best = candidate;
        }
      }
    }
    // Bounded: a long-running bot sees an endless stream of new words.
    if (correctionCache.size >= 10_000) correctionCache.clear();
    correctionCache.set(word, best);
    return best;
  };

  const nameWords = new Map(knowledge.entities.map((e) => [e.id, new Set(words(e.name))]));
  /** An alias that describes a role ("dutch prime minister") rather than naming the entity. */
  const isRoleAlias = (p: { words: string[]; entityId: string }): boolean =>
    p.words.length > 1 && !p.words.some((w) => nameWords.get(p.entityId)?.has(w));

  const findMentions = (
    ws: string[],
    fuzzy: boolean,
    everyday: ReadonlySet<number> = new Set(),
  ): Mention[] => {
    const mentions: Mention[] = [];
    // A name may carry a possessive typed without its apostrophe ("stoltenbergs term").
    const close = (a: string | undefined, b: string): boolean =>
      a === b ||
      (a !== undefined && withoutPossessive(a) === b) ||
      (fuzzy &&
        a !== undefined &&
        ((a.length >= 4 && editDistance(a, b, 1) <= 1) || (a.length === 3 && droppedOneLetter(a, b))));
    for (let i = 0; i < ws.length; ) {
      const w = ws[i] as string;
      if (everyday.has(i)) {
        i += 1;
        continue;
      }
      let exact = exactAt(ws, i);
      if (!exact && fuzzy && !isStopWord(w)) {
        // Typos inside a name ("united staets", "jon kirbey"): only at question time, only for
        // phrases that start with this word or the word it corrects to.
        const options = [
          ...(phrases.get(w) ?? []),
          ...(!phrases.has(w) && w.length >= 3 ? (phrases.get(correct(w) ?? '') ?? []) : []),
        ].sort((x, y) => y.words.length - x.words.length);
        exact = options.find((p) => p.words.every((pw, k) => close(ws[i + k], pw)));
      }
      // "the next Dutch prime minister" is not Rutte: a role named with a time word is someone else.
      if (exact && isRoleAlias(exact) && roleShifters.has(ws[i - 1] ?? '')) {
        i += exact.words.length;
        continue;
      }
      if (exact) {
        mentions.push({
          entityId: exact.entityId,
          start: i,
          end: i + exact.words.length,
          fuzzy: false,
          word: undefined,
        });
        i += exact.words.length;
        continue;
      }
      if (fuzzy && !isStopWord(w) && !knownTerms.has(termOf(w)) && w.length >= 3) {
        const fixed = correct(w);
        // Names get a tighter typo budget than other words: "married" must not become "madrid".
        const near = fixed && editDistance(w, fixed, 2) <= (w.length >= 8 ? 2 : 1);
        const ids = fixed && near ? aliasWords.get(fixed) : undefined;
        if (fixed && ids && ids.size > 0) {
          for (const id of ids)
            mentions.push({ entityId: id, start: i, end: i + 1, fuzzy: true, word: fixed });
          i += 1;
          continue;
        }
      }
      i += 1;
    }
    return mentions;
  };

  // Words of a person's role ("prime minister" for Rutte) say who, not what, once the person is named.
  const roleWords = new Map<string, Set<string>>();
  for (const e of knowledge.entities) {
    if (e.kind === 'person' && e.role)
      roleWords.set(e.id, new Set(tokens(e.role).filter((w) => !isStopWord(w))));
  }

  const analyzeWith = (text: string, fuzzy: boolean, vocab: ReadonlySet<string> | undefined): Analysis => {
    // Clauses, so that a clause of pure chatter ("my manager asked this morning") can be set aside.
    const clauses = stripSlackMarkup(text).split(/[?!:;\n]+|[.,](?=\s|$)/);
    const ws: string[] = [];
    const clauseOf: number[] = [];
    clauses.forEach((c, k) => {
      for (const w of tokens(c)) {
        ws.push(w);
        clauseOf.push(k);
      }
    });
    // "I'll polish the wording", "a turkey sandwich": everyday words, not Poland or Türkiye. A
    // capital inside a sentence makes it the name ("are the Polish a holdout?"), and only a
    // neighbour in the same clause counts ("Is Iohannis Polish? His name…").
    // Read only for a message that holds one of those words: analysis runs for every labelled
    // question at start-up.
    let capitalized: ReadonlySet<string> | undefined;
    const everydayAt = new Set<number>();
    ws.forEach((w, i) => {
      const reading = everydayWords.get(w);
      if (!reading) return;
      capitalized ??= capitalizedWords(text);
      if (capitalized.has(w)) return;
      const near = (k: number, set: ReadonlySet<string> | undefined): boolean =>
        clauseOf[k] === clauseOf[i] && (set?.has(ws[k] as string) ?? false);
      if ((near(i - 1, reading.before) || near(i + 1, reading.after)) && !near(i - 1, reading.notAfter))
        everydayAt.add(i);
    });
    const mentions = findMentions(ws, fuzzy, everydayAt);
    const inMention = new Set<number>();
    for (const m of mentions) for (let k = m.start; k < m.end; k++) inMention.add(k);
    const roles = new Set(vocab ? mentions.flatMap((m) => [...(roleWords.get(m.entityId) ?? [])]) : []);
    const fixedWords = [...ws];
    const termAt: (string | undefined)[] = [];
    const foreignAt = new Set<number>();
    const phrasing: string[] = [];
    ws.forEach((w, i) => {
      const mention = mentions.find((m) => m.start === i);
      if (mention) {
        if (mention.word) fixedWords[i] = mention.word;
        phrasing.push(entityTerm(mention.entityId));
        return;
      }
      if (inMention.has(i)) return;
      if (isStopWord(w) || roles.has(w)) {
        if (questionWords.has(w)) phrasing.push(w);
        return;
      }
      let t = termOf(w);
      if (vocab && !vocab.has(t) && !domainWords.has(w) && !domainTerms.has(t)) {
        const fixed = fuzzy && !/\d/.test(w) ? correct(w) : undefined;
        if (fixed && stopWords.has(fixed)) {
          fixedWords[i] = fixed;
          if (questionWords.has(fixed)) phrasing.push(fixed);
          return;
        }
        if (fixed) {
          t = termOf(fixed);
          fixedWords[i] = fixed;
        } else foreignAt.add(i);
      }
      termAt[i] = t;
      phrasing.push(t);
    });
    // A misspelt first name next to a recognised name ("kaya kalas") is part of that name.
    for (const i of [...foreignAt]) {
      const next = mentions.find((m) => m.start === i + 1 || m.end === i);
      const names = next ? nameWords.get(next.entityId) : undefined;
      if (names && [...names].some((n) => editDistance(ws[i] as string, n, 2) <= Math.min(2, n.length - 3))) {
        foreignAt.delete(i);
        termAt[i] = undefined;
      }
    }
    // A clause with no word the knowledge knows is chatter around the question, when another
    // clause carries it; its unknown words then say nothing about what is asked.
    const knownClauses = new Set<number>();
    ws.forEach((_, i) => {
      if (inMention.has(i) || (termAt[i] !== undefined && !foreignAt.has(i)))
        knownClauses.add(clauseOf[i] as number);
    });
    // "Stoltenberg's successor", "who will replace Stoltenberg", "a successor to Stoltenberg",
    // "succeed the current secretary general", "working towards Stoltenberg's job": the name
    // stands for the race for his post, which every fact is about, not for the man himself (the
    // last three, 2026-11-30: on the labelled questions 4 more right answers and 4 fewer
    // declined, alone and in turn, the model unchanged). So does the leading
    // candidate as the measure of another ("is Kallas a real challenger to Rutte?", "who else
    // besides Rutte?"): the question is about the other. On the labelled questions, each part
    // scored by an engine that did not learn from it, 3 more right answers and 3 fewer wrong.
    const person = (m: Mention): boolean => knowledge.entityById.get(m.entityId)?.kind === 'person';
    const namesTheRace = (m: Mention): boolean =>
      successorWords.has(ws[m.end] ?? '') ||
      (ws[m.end] === 's' && successorWords.has(ws[m.end + 1] ?? '')) ||
      succeedWords.has(ws[m.start - 1] ?? '') ||
      // A person's post as a goal, a successor to a person, succeeding the person so named.
      (person(m) &&
        ((postWords.has(ws[m.end] ?? '') && goalWords.has(ws[m.start - 1] ?? '')) ||
          (successorWords.has(ws[m.start - 2] ?? '') &&
            (ws[m.start - 1] === 'to' || ws[m.start - 1] === 'of')) ||
          (ws[m.start - 1] === 'the' && succeedWords.has(ws[m.start - 2] ?? '')))) ||
      (m.entityId === leadingId &&
        (measureWords.has(ws[m.start - 1] ?? '') ||
          measurePhrases.has(ws.slice(Math.max(0, m.start - 2), m.start).join(' '))));
    const terms: string[] = [];
    const foreign: string[] = [];
    const push = (t: string): void => {
      if (!terms.includes(t)) terms.push(t);
    };
    ws.forEach((w, i) => {
      const starting = mentions.filter((m) => m.start === i);
      if (starting.length > 0) {
        for (const m of starting) if (!namesTheRace(m)) push(entityTerm(m.entityId));
        return;
      }
      const t = termAt[i];
      if (t === undefined) return;
      if (foreignAt.has(i)) {
        if (knownClauses.size > 0 && !knownClauses.has(clauseOf[i] as number)) return;
        foreign.push(w);
      }
      push(t);
    });
    let focus: string | undefined;
    ws.forEach((_, i) => {
      const asks =
        /^(which|what|whose)$/.test(ws[i - 1] ?? '') ||
        /^how (many|much)$/.test(ws.slice(i - 2, i).join(' '));
      if (focus !== undefined || !asks) return;
      // Skip function words to the noun asked about ("which news outlets"); a name ends the search.
      for (let k = i; k < ws.length && focus === undefined; k++) {
        const fixed = fixedWords[k] as string;
        if (inMention.has(k)) focus = '';
        else if (!isStopWord(ws[k] as string) && !isStopWord(fixed)) focus = termOf(fixed);
      }
    });
    if (focus === '') focus = undefined;
    return { words: ws, mentions, terms, foreign, corrected: fixedWords.join(' '), focus, phrasing };
  };

  // Fact vocabularies: what each fact is about, in canonical terms, weighted by where the term
  // stands: the example questions and keywords say what a fact is about; its quotes only touch on it.
  const factTerms = new Map<string, Map<string, number>>();
  // Example questions in canonical terms (names as entity markers), compared by overlap (Dice).
  const examples: { at: number; factId: string; terms: Set<string> }[] = [];
  const read = (text: string): Analysis => {
    const a = analyzeWith(text, false, undefined);
    addSurface(a.words);
    return a;
  };
  const people = new Set(knowledge.entities.filter((e) => e.kind === 'person').map((e) => entityTerm(e.id)));
  for (const f of allFacts) {
    const weights = new Map<string, number>();
    const add = (text: string, w: number): Analysis => {
      const a = read(text);
      for (const t of a.terms) weights.set(t, Math.max(weights.get(t) ?? 0, w));
      return a;
    };
    for (const q of f.questions)
      examples.push({ at: examples.length, factId: f.id, terms: new Set(add(q, 1).phrasing) });
    for (const k of f.keywords) add(k, 1);
    add(f.answer, 0.7);
    for (const e of f.evidence) add(e.quote, 0.5);
    // A fact is about its subjects: another person its examples or answer name in passing
    // ("is Kallas eyeing Stoltenberg's job?") is only touched on.
    const subjects = new Set(f.subjects.map(entityTerm));
    for (const [t, w] of weights) {
      if (people.has(t) && !subjects.has(t)) weights.set(t, Math.min(w, 0.6));
    }
    for (const s of f.subjects) weights.set(entityTerm(s), 1);
    if (f.id === 'timeline') {
      // The timeline is made of the dated facts: it speaks of their people and events too.
      for (const dated of knowledge.facts.filter((d) => d.date)) {
        for (const t of read(dated.answer).terms) {
          weights.set(t, Math.max(weights.get(t) ?? 0, 0.5));
        }
        for (const e of dated.subjects)
          weights.set(entityTerm(e), Math.max(weights.get(entityTerm(e)) ?? 0, 0.8));
      }
    }
    if (f.kind === 'statement') {
      // A statement is what someone said and thinks: "what does Rutte think about …?".
      for (const t of [termOf('say'), termOf('view')]) weights.set(t, Math.max(weights.get(t) ?? 0, 0.7));
    }
    if (f.backing) {
      // Backing someone is a position: "where does Germany stand on Rutte?".
      weights.set(termOf('view'), Math.max(weights.get(termOf('view')) ?? 0, 0.7));
    }
    if (f.backing || f.kind === 'backers') {
      // Backing someone is backing a candidacy: "has the UK endorsed Rutte's candidacy?".
      weights.set(termOf('candidacy'), Math.max(weights.get(termOf('candidacy')) ?? 0, 0.7));
    }
    if (f.backing) {
      for (const s of [f.backing.backer, f.backing.candidate, ...f.backing.saidBy]) {
        weights.set(entityTerm(s), Math.max(weights.get(entityTerm(s)) ?? 0, 0.9));
      }
    }
    factTerms.set(f.id, weights);
  }
  indexSurface();
  const vocab = new Set<string>();
  for (const weights of factTerms.values()) for (const t of weights.keys()) vocab.add(t);
  for (const e of knowledge.entities) vocab.add(entityTerm(e.id));
  for (const w of surface) vocab.add(termOf(w));

  const df = new Map<string, number>();
  const postings = new Map<string, Fact[]>();
  for (const f of allFacts) {
    for (const t of (factTerms.get(f.id) ?? new Map()).keys()) {
      df.set(t, (df.get(t) ?? 0) + 1);
      const list = postings.get(t) ?? [];
      list.push(f);
      postings.set(t, list);
    }
  }
  // Postings in order of how much the term weighs in the fact, then by id (as ties are broken):
  // a common word gathers its first facts only.
  const byId = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  for (const [t, list] of postings) {
    if (list.length <= 1) continue;
    const weightIn = (f: Fact): number => factTerms.get(f.id)?.get(t) ?? 0;
    list.sort((x, y) => weightIn(y) - weightIn(x) || byId(x.id, y.id));
  }
  const n = allFacts.length;
  const idf = new Map<string, number>();
  for (const [t, count] of df) idf.set(t, Math.log(1 + n / count));

  const analyze = (text: string): Analysis => analyzeWith(text, true, vocab);
  // Examples by term, so a question is compared only with the examples it shares a word with.
  const examplesByTerm = new Map<string, (typeof examples)[number][]>();
  for (const ex of examples) {
    for (const t of ex.terms) {
      const list = examplesByTerm.get(t) ?? [];
      list.push(ex);
      examplesByTerm.set(t, list);
    }
  }
  for (const list of examplesByTerm.values()) {
    if (list.length > commonExamples) list.sort((x, y) => byId(x.factId, y.factId));
  }
  const seen = new Uint32Array(examples.length);
  let asks = 0;
  const phrasingScores = (a: Analysis): Map<string, number> => {
    const query = new Set(a.phrasing);
    const scores = new Map<string, number>();
    if (query.size === 0) return scores;
    // Words in many examples ("who", "what") pick nothing out: gather by the rarer words when
    // there are any, so the cost follows how specific the question is, not how big the knowledge.
    const uses = (t: string): number => examplesByTerm.get(t)?.length ?? 0;
    const common = Math.min(commonExamples, Math.max(100, examples.length * 0.2));
    const picking = [...query].filter((t) => uses(t) <= common);
    // Each example is compared once: marked with this question's number instead of kept in a set.
    if (asks === 0xffffffff) {
      seen.fill(0);
      asks = 0;
    }
    const asked = ++asks;
    const compare = (ex: (typeof examples)[number]): void => {
      if (seen[ex.at] === asked) return;
      seen[ex.at] = asked;
      let shared = 0;
      for (const t of ex.terms) if (query.has(t)) shared++;
      const s = (2 * shared) / (ex.terms.size + query.size);
      if (s > (scores.get(ex.factId) ?? 0)) scores.set(ex.factId, s);
    };
    if (picking.length > 0) {
      for (const t of picking) for (const ex of examplesByTerm.get(t) ?? []) compare(ex);
    } else {
      const list = examplesByTerm.get(rarestOf([...query], uses) ?? '') ?? [];
      for (let k = 0; k < Math.min(list.length, commonExamples); k++)
        compare(list[k] as (typeof examples)[number]);
    }
    return scores;
  };

  const profileOf = new Map<string, Fact>();
  for (const f of knowledge.facts) {
    const subject = f.subjects[0];
    if (f.kind === 'profile' && subject && !profileOf.has(subject)) profileOf.set(subject, f);
  }

  const written = new Map<string, string | null>();
  for (const source of knowledge.sources) {
    for (const m of source.text.matchAll(/[\p{L}]+/gu)) {
      const w = m[0];
      // A sentence's or a line's first word is capitalised whatever it is ("There is no deadline").
      if (/(?:^|\n|[.!?]["”’]?)\s*["“‘]?$/u.test(source.text.slice(Math.max(0, m.index - 4), m.index)))
        continue;
      const lower = w.toLowerCase();
      if (w === lower) written.set(lower, null);
      else if (!written.has(lower)) written.set(lower, w);
    }
  }
  const nameCasing = new Map<string, string>();
  for (const [lower, w] of written) if (w) nameCasing.set(lower, w);

  const statements = new Map<string, number>();
  for (const f of knowledge.facts) {
    const s = f.subjects[0];
    if (f.kind === 'statement' && s && knowledge.entityById.get(s)?.kind === 'person')
      statements.set(s, (statements.get(s) ?? 0) + 1);
  }
  const soleSpeakers = new Set([...statements].filter(([, n]) => n === 1).map(([s]) => s));

  const numbered = new Set(knowledge.facts.filter((f) => statesCount(f.answer)).map((f) => f.id));

  // Names as people type them after who-is / who-backs, for fuzzy lookup by fuse.js when the
  // name is neither an alias nor one typo away from one ("who-is mark", "who-is steffen h").
  const names = new Fuse(
    knowledge.entities.map((e) => ({ id: e.id, names: [e.name, ...e.aliases] })),
    { keys: ['names'], includeScore: true, ignoreLocation: true, threshold: 0.3, minMatchCharLength: 3 },
  );
  const resolveName = (name: string): Entity | undefined => {
    const ws = words(name);
    const m = findMentions(ws, true)[0];
    if (m) return knowledge.entityById.get(m.entityId);
    const query = ws.join(' ');
    if (query.length < 3) return undefined;
    const best = names.search(query, { limit: 1 })[0];
    // fuse.js's threshold is per match, not a cut-off on the final score: apply our own.
    return best && (best.score ?? 1) <= 0.25 ? knowledge.entityById.get(best.item.id) : undefined;
  };

  const answerable = new Map(allFacts.map((f) => [f.id, f]));
  const { classifier, askedWith } = yield* learn(knowledge, allFacts, analyze);
  return {
    knowledge,
    answerable,
    classifier,
    askedWith,
    vocab,
    idf,
    factTerms,
    postings,
    phrasingScores,
    analyze,
    resolveName,
    profileOf,
    nameCasing,
    soleSpeakers,
    numbered,
    leadingCandidate: leadingId ? knowledge.entityById.get(leadingId) : undefined,
  };
}

/**
 * Trains the model on the labelled questions and the example questions of the facts they name,
 * except those the rules decline outright. A fact no labelled question names (an article added
 * without them) is left to the rules alone.
 */
function* learn(
  knowledge: Knowledge,
  facts: Fact[],
  analyze: (text: string) => Analysis,
): Generator<void, { classifier: Classifier | undefined; askedWith: Map<string, AskedWith> }> {
  const askedWith = new Map<string, { questions: number; terms: Map<string, number> }>();
  const labelled = knowledge.labelled.flatMap((set) => set.questions);
  // Without questions the sources leave unanswered, it could only ever pick a fact.
  if (!labelled.some((l) => l.expect === 'unknown')) return { classifier: undefined, askedWith };
  const named = new Set(labelled.map((l) => l.expect));
  const asked = facts
    .filter((f) => named.has(f.id))
    .flatMap((f) => f.questions.map((q) => ({ q, expect: f.id })));
  const examples: LabelledExample[] = [];
  for (const l of [...asked, ...labelled]) {
    const analysis = analyze(l.q);
    // The rules decline these before the model is asked. Learning from them would only teach it
    // their words ("did Rutte get the job?") for questions it is asked ("did Biden say Rutte
    // should get the job?").
    if (beyondTheArticle(analysis.words)) continue;
    examples.push({ analysis, label: l.expect });
    const counts = askedWith.get(l.expect) ?? { questions: 0, terms: new Map<string, number>() };
    askedWith.set(l.expect, counts);
    counts.questions++;
    for (const t of analysis.terms) counts.terms.set(t, (counts.terms.get(t) ?? 0) + 1);
    if (examples.length % stepSize === 0) yield;
  }
  return { classifier: yield* trainInSteps(examples), askedWith };
}

const countWords =
  /\b(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|decades?|few|several|half|thirds?|quarters?|percent|majority)\b/gi;

/** Whether a text states a number or a count; years and "one of" do not count. */
function statesCount(text: string): boolean {
  return [...text.matchAll(countWords)].some((m) => {
    const w = m[0].toLowerCase();
    if (/^(?:1[89]|20)\d\d$/.test(w)) return false;
    return !(w === 'one' && /^\s+(?:of|to)\b/i.test(text.slice((m.index ?? 0) + w.length)));
  });
}
