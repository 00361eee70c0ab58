/**
 * Synthetic knowledge bases N times the size of the real one, for measuring how the engine scales.
 *
 * Copy 0 is the real knowledge file, unchanged, so every eval question still has its answer. Copies
 * 1..N-1 are clones, each in its own file with its own article, as a new article would arrive: ids,
 * entity names and aliases get a suffix unique to the copy (new articles bring new people), and other
 * content words are swapped for one of about sqrt(N) variants, so the vocabulary grows like real text
 * does (Heaps' law, beta about 0.5). Everything is a pure function of the base and N.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { domainWords, stopWords } from '../../src/core/lexicon.js';
import { defaultKnowledgeDir } from '../../src/knowledge/load.js';
import { fnv1a } from './stats.js';

interface RawSource {
  id: string;
  file: string;
  [key: string]: unknown;
}

interface RawEntity {
  id: string;
  name: string;
  aliases: string[];
  country?: string;
  [key: string]: unknown;
}

interface RawFact {
  id: string;
  subjects: string[];
  answer: string;
  questions: string[];
  keywords?: (string | number)[];
  note?: string;
  backing?: { backer: string; candidate: string; said_by?: string[] };
  date?: { start: string; end: string; label: string };
  evidence: { source?: string; quote: string }[];
  [key: string]: unknown;
}

interface RawFile {
  sources: RawSource[];
  entities: RawEntity[];
  facts: RawFact[];
}

const consonants = 'bdfgklmnprstvz';
const vowels = 'aeiou';

/** A short pronounceable code for a number: 0 -> "ba", 1 -> "be", 70 -> "babe"; letters only, as ids need. */
export function syllableCode(n: number): string {
  let code = '';
  let rest = n;
  do {
    const s = rest % (consonants.length * vowels.length);
    code += `${consonants[Math.floor(s / vowels.length)]}${vowels[s % vowels.length]}`;
    rest = Math.floor(rest / (consonants.length * vowels.length));
  } while (rest > 0);
  return code;
}

function keepCase(original: string, word: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return word.toUpperCase();
  const first = original.charAt(0);
  return first !== first.toLowerCase() ? `${word.charAt(0).toUpperCase()}${word.slice(1)}` : word;
}

export type WordMap = (text: string) => string;

/** Rewrites the words of a text for copy `copy` of `size`; the same word always becomes the same word. */
function wordMap(copy: number, size: number, nameWords: ReadonlySet<string>): WordMap {
  const variants = Math.max(1, Math.round(Math.sqrt(size)));
  const own = syllableCode(copy);
  const cache = new Map<string, string>();
  const mapWord = (lower: string): string => {
    const hit = cache.get(lower);
    if (hit !== undefined) return hit;
    let out = lower;
    if (nameWords.has(lower)) out = `${lower}${own}`;
    else if (lower.length >= 4 && !stopWords.has(lower) && !domainWords.has(lower)) {
      const v = fnv1a(`${lower}:${copy}`) % variants;
      // "q" never starts a syllable code, so variants never collide with copy suffixes.
      if (v > 0) out = `${lower}q${syllableCode(v)}`;
    }
    cache.set(lower, out);
    return out;
  };
  return (text) => text.replace(/\p{L}+/gu, (w) => keepCase(w, mapWord(w.toLowerCase())));
}

/** Words of entity names and aliases: these become new names in every copy. */
function nameWordsOf(base: RawFile): Set<string> {
  const out = new Set<string>();
  for (const e of base.entities) {
    for (const a of [e.name, ...e.aliases]) {
      for (const w of a.toLowerCase().match(/\p{L}+/gu) ?? []) {
        // Initials ("u s") stay as they are, so a possessive "s" is not renamed everywhere.
        if (w.length >= 3 && !stopWords.has(w) && !domainWords.has(w)) out.add(w);
      }
    }
  }
  return out;
}

function cloneFile(base: RawFile, copy: number, map: WordMap, sourceFile: (id: string) => string): RawFile {
  const suffix = `-${syllableCode(copy)}`;
  const id = (ref: string): string => `${ref}${suffix}`;
  return {
    sources: base.sources.map((s) => ({ ...s, id: id(s.id), file: sourceFile(id(s.id)) })),
    entities: base.entities.map((e) => ({
      ...e,
      id: id(e.id),
      name: map(e.name),
      aliases: e.aliases.map(map),
      ...(e.country === undefined ? {} : { country: id(e.country) }),
    })),
    facts: base.facts.map((f) => ({
      ...f,
      id: id(f.id),
      subjects: f.subjects.map(id),
      answer: map(f.answer),
      questions: f.questions.map(map),
      ...(f.keywords === undefined
        ? {}
        : { keywords: f.keywords.map((k) => (typeof k === 'number' ? k : map(k))) }),
      ...(f.note === undefined ? {} : { note: map(f.note) }),
      ...(f.backing === undefined
        ? {}
        : {
            backing: {
              backer: id(f.backing.backer),
              candidate: id(f.backing.candidate),
              said_by: (f.backing.said_by ?? []).map(id),
            },
          }),
      evidence: f.evidence.map((e) => ({
        ...(e.source === undefined ? {} : { source: id(e.source) }),
        quote: map(e.quote),
      })),
    })),
  };
}

export interface SyntheticDir {
  dir: string;
  files: number;
  bytes: number;
  /** Distinct words in the knowledge files. */
  words: number;
  remove(): void;
}

/**
 * Writes a knowledge folder `size` times the real one into a fresh temporary directory. The real
 * knowledge must be one file of facts with its articles under `sources/`, as it is today; its
 * labelled questions are copied as they are, so every size learns from the same questions.
 */
export function writeSyntheticKnowledge(size: number, baseDir: string = defaultKnowledgeDir): SyntheticDir {
  const dir = mkdtempSync(join(tmpdir(), `nato-bench-${size}x-`));
  mkdirSync(join(dir, 'sources'));
  const baseFile = join(baseDir, 'nato-race.yml');
  const baseText = readFileSync(baseFile, 'utf8');
  const base = parse(baseText) as RawFile;
  copyFileSync(baseFile, join(dir, basename(baseFile)));
  let bytes = baseText.length;
  const labelledFile = join(baseDir, 'nato-race-questions.yml');
  if (existsSync(labelledFile)) {
    copyFileSync(labelledFile, join(dir, basename(labelledFile)));
    bytes += statSync(labelledFile).size;
  }
  // Distinct words of the knowledge files (not the articles), to show how the vocabulary grows.
  const vocabulary = new Set<string>();
  const countWords = (text: string): void => {
    for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) vocabulary.add(w);
  };
  countWords(baseText);
  const nameWords = nameWordsOf(base);
  const articles = new Map<string, string>();
  for (const s of base.sources) {
    const text = readFileSync(join(baseDir, s.file), 'utf8');
    articles.set(s.id, text);
    mkdirSync(join(dir, s.file, '..'), { recursive: true });
    writeFileSync(join(dir, s.file), text);
    bytes += text.length;
  }
  for (let copy = 1; copy < size; copy++) {
    const code = syllableCode(copy);
    const map = wordMap(copy, size, nameWords);
    const clone = cloneFile(base, copy, map, (id) => `sources/${id}.txt`);
    // The clone's article must hold its quotes verbatim: it is rewritten with the same word map.
    base.sources.forEach((s, i) => {
      const text = map(articles.get(s.id) ?? '');
      const file = (clone.sources[i] as RawSource).file;
      writeFileSync(join(dir, file), text);
      bytes += text.length;
    });
    // Written as JSON, which is YAML too: 40 times quicker to write than block YAML, and the
    // loader reads it as it reads any knowledge file.
    const yml = JSON.stringify(clone, null, 1);
    // Named to sort after the real file, which the loader reads first, as it does today.
    writeFileSync(join(dir, `synthetic-${code}.yml`), yml);
    bytes += yml.length;
    countWords(yml);
  }
  return {
    dir,
    files: size,
    bytes,
    words: vocabulary.size,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
