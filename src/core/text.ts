/**
 * Text normalisation shared by the index (knowledge) and the queries (questions), so both sides
 * agree on what a word is.
 */

const contractions: [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bain't\b/g, 'is not'],
  [/\blet's\b/g, 'let us'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(who|what|where|when|why|how|that|there|it|he|she|here)'s\b/g, '$1 is'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'d\b/g, '$1 would'],
  [/\bi'm\b/g, 'i am'],
  // The same contractions typed without the apostrophe, as chat often is.
  [/\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)nt\b/g, '$1 not'],
  [/\bwont\b/g, 'will not'],
  [/\bcant\b/g, 'can not'],
  [/\b(what|who|where|how|that|there|here)s\b/g, '$1 is'],
  [/\bim\b/g, 'i am'],
  // Possessive: "rutte's" -> "rutte", "allies'" -> "allies".
  [/\b(\w+)'s\b/g, '$1'],
  [/\b(\w+s)'(?=\s|$)/g, '$1'],
];

const applyContractions = compileRewrites(contractions);

/** The text after a leading "/nato": in Slack the command's text arrives without it. */
export function withoutCommandName(text: string): string {
  return text.trim().replace(/^\/nato\b\s*/i, '');
}

/** Removes Slack markup: mentions, channel links, special mentions, URLs and :emoji: codes. */
export function stripSlackMarkup(text: string): string {
  if (!/[<:&]/.test(text)) return text;
  return decodeSlackEntities(
    text
      // <#C123|general> -> general ; <http://x|label> -> label
      .replace(/<#[A-Z0-9]+\|([^>]*)>/g, ' $1 ')
      .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, ' $1 ')
      // <@U123>, <!channel>, <!subteam^S1|@team>, <#C123>, <http://x>
      .replace(/<[@#!][^>]*>/g, ' ')
      .replace(/<(?:https?|mailto):[^>]*>/g, ' ')
      .replace(/:[a-z0-9_+'-]+:/gi, ' '),
  );
}

/**
 * Slack sends `&`, `<` and `>` that a person typed as `&amp;`, `&lt;` and `&gt;`, keeping the bare
 * characters for its own markup (`<@U123>`): this gives back what was typed.
 */
export function decodeSlackEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The texts normalised last, with what they gave: one message is normalised whole more than once
 * (is it empty? which words does it hold?) before it is answered.
 */
const normalised = new Map<string, string>();
const normalisedKept = 64;

/** Lower-case ASCII-ish text with words separated by single spaces. */
export function normalize(text: string): string {
  const known = normalised.get(text);
  if (known !== undefined) return known;
  const out = normalizeOnce(text);
  if (normalised.size >= normalisedKept) normalised.clear();
  normalised.set(text, out);
  return out;
}

function normalizeOnce(text: string): string {
  let s = stripSlackMarkup(text).toLowerCase();
  // Accents, typographic quotes and dashes: only text outside plain ASCII has any.
  if (/[^ -~\t\n\r]/.test(s)) {
    s = s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[’‘`´]/g, "'")
      .replace(/[—–]/g, ' ');
  } else if (s.includes('`')) s = s.replace(/`/g, "'");
  s = applyContractions(s);
  return (/\d/.test(s) ? numbers(s) : s)
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/(^|\s)-+|-+(?=\s|$)/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function numbers(s: string): string {
  return (
    s
      // Fractions people type for "two-thirds" and the like.
      .replace(/\b2\s*\/\s*3\b/g, ' two thirds ')
      .replace(/\b1\s*\/\s*3\b/g, ' one third ')
      .replace(/\b1\s*\/\s*2\b/g, ' half ')
      .replace(/\b3\s*\/\s*4\b/g, ' three quarters ')
      .replace(/(\d)[.,](\d)/g, '$1$2')
  );
}

export function words(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}

/** A light suffix stripper: enough to make "backing", "backed" and "backs" one term. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && w.length > 4 && /(sh|ch|x|ss|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3)
    w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  // Three rolling rows (the one before the previous is needed for transpositions).
  let before = new Int32Array(b.length + 1);
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (before[j - 2] as number) + 1);
      }
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length] as number;
}

/** How many typos a word of this length may carry and still be recognised. */
export function typoBudget(length: number): number {
  if (length < 4) return 0;
  // Up to eight letters, one slip: two would turn real words into others ("channel", "change").
  if (length < 9) return 1;
  return 2;
}

/** One non-global pattern matching wherever any of `patterns` (all plain /g) would match. */
function unionOf(patterns: RegExp[]): RegExp {
  for (const re of patterns) {
    if (re.flags !== 'g') throw new Error(`unionOf expects /g patterns, got /${re.source}/${re.flags}`);
  }
  return new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'));
}

/**
 * Rewrite rules applied in order, fast: a rule that starts with a word (`\bsec`, `\b(?:come|came) out`)
 * can only match where that word is, so it is tried only on text that holds one of its first
 * words. Rules that start otherwise are always tried. The result is the same as applying every
 * rule in turn.
 */
export function compileRewrites(rules: readonly (readonly [RegExp, string])[]): (text: string) => string {
  const compiled = rules.map(([re, to], at) => ({ re, to, at, firsts: firstWords(re) }));
  // Rules by the words they start with; the other rules as one pattern, which one scan tests.
  const byFirst = new Map<string, number[]>();
  for (const rule of compiled) {
    for (const w of rule.firsts ?? []) byFirst.set(w, [...(byFirst.get(w) ?? []), rule.at]);
  }
  const others = compiled.filter((r) => !r.firsts).map((r) => r.at);
  const othersPattern = unionOf(others.map((at) => (compiled[at] as (typeof compiled)[number]).re));
  /** The rules from `from` on that could change `s`, in order; the others too when `withOthers`. */
  const candidates = (s: string, from: number, withOthers: boolean): number[] => {
    const found: number[] = [];
    for (const w of s.split(/[^a-z0-9_]+/)) {
      const rules = byFirst.get(w);
      if (rules) for (const at of rules) if (at >= from) found.push(at);
    }
    if (withOthers) for (const at of others) if (at >= from) found.push(at);
    if (found.length < 2) return found;
    // In order, each once: most texts name few rules' first words, so a sort beats a set.
    found.sort((x, y) => x - y);
    let kept = 1;
    for (let i = 1; i < found.length; i++)
      if (found[i] !== found[kept - 1]) found[kept++] = found[i] as number;
    found.length = kept;
    return found;
  };
  return (text) => {
    let s = text;
    // Once one of the other rules could match, they all stay candidates: one that no longer
    // matches after a rewrite changes nothing, and the long pattern is not scanned again.
    let withOthers = othersPattern.test(s);
    let todo = candidates(s, 0, withOthers);
    for (let k = 0; k < todo.length; k++) {
      const rule = compiled[todo[k] as number] as (typeof compiled)[number];
      const next = s.replace(rule.re, rule.to);
      if (next !== s) {
        s = next;
        // The rewritten text may hold words that later rules start with.
        withOthers ||= othersPattern.test(s);
        todo = candidates(s, rule.at + 1, withOthers);
        k = -1;
      }
    }
    return s;
  };
}

/**
 * The words a match of `re` must start with, when its source begins with `\b` and a word or a
 * group of plain alternatives followed by a space or `\b`; otherwise undefined (no shortcut).
 */
export function firstWords(re: RegExp): Set<string> | undefined {
  const src = re.source;
  if (!src.startsWith('\\b') || hasTopLevelAlternative(src)) return undefined;
  const rest = src.slice(2);
  // The word must end at a space or \b that is not itself optional (" ?" would not end it).
  const plain = /^([a-z]+)(?: (?![?*{])|\\b)/.exec(rest);
  if (plain) return new Set([plain[1] as string]);
  const group = /^\((?:\?:)?([a-z |]+)\)(?: (?![?*{])|\\b)/.exec(rest);
  if (!group) return undefined;
  const firsts = new Set<string>();
  for (const alternative of (group[1] as string).split('|')) {
    const first = alternative.split(' ')[0];
    if (!first) return undefined;
    firsts.add(first);
  }
  return firsts;
}

/** "a|b" at the top of a pattern: its matches need not start with the first branch's words. */
function hasTopLevelAlternative(src: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** Words written with a capital inside a sentence, as names are; all-caps shouting is not a name. */
export function capitalizedWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of stripSlackMarkup(text).split(/[.!?]\s+|\n/)) {
    const ws = sentence.trim().split(/\s+/).slice(1);
    for (const w of ws) {
      const bare = w.replace(/[^\p{L}’'-]/gu, '').replace(/[’']s$/, '');
      if (/^\p{Lu}\p{Ll}+$/u.test(bare)) out.add(words(bare)[0] ?? '');
    }
  }
  return out;
}
