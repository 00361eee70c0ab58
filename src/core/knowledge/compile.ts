import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { metaFactIds } from '../meta.js';
import {
  entitySchema,
  factSchema,
  type KnowledgeFileInput,
  knowledgeFileSchema,
  labelledSetSchema,
  sourceSchema,
} from './schema.js';
import type {
  Entity,
  Evidence,
  Fact,
  Knowledge,
  KnowledgeProblem,
  LabelledSet,
  SentenceCoverage,
  Source,
} from './types.js';

export interface KnowledgeFileText {
  /** Path relative to the knowledge folder, used in messages. */
  file: string;
  text: string;
}

/** Reads a source article by its path relative to the knowledge folder; undefined when missing. */
export type ReadSource = (file: string) => string | undefined;

export type CompileResult =
  | { ok: true; knowledge: Knowledge; coverage: SentenceCoverage[] }
  | { ok: false; problems: KnowledgeProblem[] };

type PathPart = string | number;

interface ParsedFile {
  file: string;
  data: KnowledgeFileInput;
  lineOf: (path: PathPart[]) => number | undefined;
  /** Some of its sources failed the schema: quotes naming no source cannot be checked. */
  sourcesUnread?: boolean;
}

/** Validates every knowledge file and the articles they cite; returns all problems at once. */
export function compileKnowledge(files: KnowledgeFileText[], readSource: ReadSource): CompileResult {
  const problems: KnowledgeProblem[] = [];
  const parsed: ParsedFile[] = [];
  if (files.length === 0) {
    return {
      ok: false,
      problems: [
        { file: '.', path: '', line: undefined, message: 'no knowledge files (*.yml) found in the folder' },
      ],
    };
  }
  // What could not be read (entries that failed the schema, or a whole file or list): a reference
  // to it is no second problem.
  const unread = emptyUnread();
  for (const f of files) {
    const result = parseFile(f);
    if ('problems' in result) {
      problems.push(...result.problems);
      // The file's valid entries are checked on: a schema error does not hide a bad quote.
      if (result.valid) parsed.push(result.valid);
      for (const kind of unreadKinds) {
        const r = result.unread[kind];
        if (r === 'any') unread[kind] = 'any';
        else if (unread[kind] !== 'any') for (const id of r) unread[kind].add(id);
      }
    } else parsed.push(result);
  }
  const isUnread = (kind: UnreadKind, id: string): boolean => {
    const r = unread[kind];
    return r === 'any' || r.has(id);
  };

  const sources: Source[] = [];
  const entities: Entity[] = [];
  const facts: Fact[] = [];
  const seen = new Map<string, string>();
  const report = (p: ParsedFile, path: PathPart[], message: string): void => {
    problems.push({ file: p.file, path: formatPath(path), line: p.lineOf(path), message });
  };
  const claimId = (p: ParsedFile, path: PathPart[], kind: string, id: string): void => {
    const key = `${kind}:${id}`;
    const first = seen.get(key);
    if (first)
      report(
        p,
        path,
        `duplicate ${kind} id "${id}": ${first} has it too; each id must be used once across the knowledge files`,
      );
    else seen.set(key, `${p.file} ${formatPath(path)}`);
  };

  for (const p of parsed) {
    p.data.sources.forEach((s, i) => {
      claimId(p, ['sources', i, 'id'], 'source', s.id);
      const text = readSource(s.file);
      if (text === undefined) {
        report(
          p,
          ['sources', i, 'file'],
          `source file "${s.file}" not found next to the knowledge files, or not a file`,
        );
        return;
      }
      sources.push({
        id: s.id,
        title: s.title,
        file: s.file,
        asOf: s.as_of,
        asOfLabel: s.as_of_label,
        asOfDetail: s.as_of_detail,
        url: s.url,
        text,
      });
    });
    p.data.entities.forEach((e, i) => {
      claimId(p, ['entities', i, 'id'], 'entity', e.id);
      entities.push({ ...e, role: e.role, country: e.country, member: e.member, pronoun: e.pronoun });
    });
  }

  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const citations = new Map<string, string[]>();

  for (const p of parsed) {
    p.data.entities.forEach((e, i) => {
      if (e.country && !entityById.has(e.country)) {
        if (isUnread('entity', e.country)) return;
        report(p, ['entities', i, 'country'], `unknown entity "${e.country}"`);
      } else if (e.country && entityById.get(e.country)?.kind !== 'country') {
        // A person's country, or where an event was held: "the conference in Germany" is Munich.
        report(p, ['entities', i, 'country'], `"${e.country}" is not a country`);
      }
    });
    // A file whose sources could not all be read has no default source to check quotes against.
    const ownSources = p.data.sources.map((s) => s.id);
    const sourcesRead = !p.sourcesUnread;
    p.data.facts.forEach((f, i) => {
      const at = (...rest: PathPart[]): PathPart[] => ['facts', i, ...rest];
      claimId(p, at('id'), 'fact', f.id);
      if ((metaFactIds as readonly string[]).includes(f.id)) {
        report(p, at('id'), `"${f.id}" is reserved for the built-in answer of that name; choose another id`);
      }
      if (f.id === 'unknown') {
        report(
          p,
          at('id'),
          '"unknown" is reserved for questions the sources do not answer; choose another id',
        );
      }
      const entityRef = (ref: string, path: PathPart[]): void => {
        if (!entityById.has(ref) && !isUnread('entity', ref)) report(p, path, `unknown entity "${ref}"`);
      };
      f.subjects.forEach((s, j) => {
        entityRef(s, at('subjects', j));
      });
      if (f.backing) {
        entityRef(f.backing.backer, at('backing', 'backer'));
        entityRef(f.backing.candidate, at('backing', 'candidate'));
        f.backing.said_by.forEach((s, j) => {
          entityRef(s, at('backing', 'said_by', j));
        });
      }
      const evidence: Evidence[] = [];
      f.evidence.forEach((ev, j) => {
        const sourceId = ev.source ?? (ownSources.length === 1 ? ownSources[0] : undefined);
        if (!sourcesRead && ev.source === undefined) return;
        if (sourceId === undefined) {
          report(
            p,
            at('evidence', j),
            `name the quote's source with "source:" (this file declares ${ownSources.length} sources)`,
          );
          return;
        }
        const source = sourceById.get(sourceId);
        if (!source) {
          if (!p.data.sources.some((s) => s.id === sourceId) && !isUnread('source', sourceId)) {
            report(p, at('evidence', j, 'source'), `unknown source "${sourceId}"`);
          }
          return;
        }
        if (!source.text.includes(ev.quote)) {
          report(p, at('evidence', j, 'quote'), quoteMismatch(ev.quote, source));
          return;
        }
        evidence.push({ sourceId, quote: ev.quote });
        citations.set(sourceId, [...(citations.get(sourceId) ?? []), ev.quote]);
      });
      facts.push({
        id: f.id,
        kind: f.kind,
        subjects: f.subjects,
        answer: f.answer,
        questions: f.questions,
        keywords: f.keywords,
        note: f.note,
        backing: f.backing
          ? { backer: f.backing.backer, candidate: f.backing.candidate, saidBy: f.backing.said_by }
          : undefined,
        date: f.date,
        evidence,
        file: p.file,
      });
    });
  }

  const answers = new Set<string>([...facts.map((f) => f.id), ...metaFactIds, 'unknown']);
  const labelled: LabelledSet[] = [];
  for (const p of parsed) {
    p.data.labelled.forEach((set, i) => {
      set.questions.forEach((question, j) => {
        if (!answers.has(question.expect) && !isUnread('fact', question.expect)) {
          report(
            p,
            ['labelled', i, 'questions', j, 'expect'],
            `unknown fact "${question.expect}" (use a fact id, timeline, about, help, or unknown)`,
          );
        }
      });
      labelled.push({ name: set.set, file: p.file, questions: set.questions });
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  const knowledge: Knowledge = {
    sources,
    entities,
    facts,
    labelled,
    sourceById,
    entityById,
    factById: new Map(facts.map((f) => [f.id, f])),
  };
  const coverage = sources.map((s) => sentenceCoverage(s, citations.get(s.id) ?? []));
  return { ok: true, knowledge, coverage };
}

/** A file that failed the schema: its problems, and what of it is valid entry by entry. */
interface InvalidFile {
  problems: KnowledgeProblem[];
  valid?: ParsedFile;
  unread: Unread;
}

const unreadKinds = ['source', 'entity', 'fact'] as const;
type UnreadKind = (typeof unreadKinds)[number];
/** Per kind, the ids of entries that could not be read, or "any" when which ones is not known. */
type Unread = Record<UnreadKind, Set<string> | 'any'>;
const emptyUnread = (): Unread => ({ source: new Set(), entity: new Set(), fact: new Set() });
const allUnread = (): Unread => ({ source: 'any', entity: 'any', fact: 'any' });

function parseFile(f: KnowledgeFileText): ParsedFile | InvalidFile {
  // js-yaml reads a file about nine times faster than the yaml package's document model, which
  // knows where each node is: that model is built only when a problem needs a line number, or
  // when js-yaml refuses the text (the document model then says where and why).
  let data: unknown;
  try {
    data = loadYaml(f.text, { schema: CORE_SCHEMA });
  } catch {
    return parseWithPositions(f);
  }
  let positions: ((path: PathPart[]) => number | undefined) | undefined;
  const lineOf = (path: PathPart[]): number | undefined => {
    positions ??= documentOf(f).lineOf;
    return positions(path);
  };
  return validate(f, data, lineOf);
}

function parseWithPositions(f: KnowledgeFileText): ParsedFile | InvalidFile {
  const { doc, lineCounter, lineOf } = documentOf(f);
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file: f.file,
        path: '',
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
      })),
      unread: allUnread(),
    };
  }
  return validate(f, doc.toJS(), lineOf);
}

function documentOf(f: KnowledgeFileText) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(f.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (path: PathPart[]): number | undefined => {
    // Walk down as far as the path exists, so a missing key points at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      // A key's own line: a list or map under it starts on the next.
      const last = path[n - 1];
      const parent = n > 0 && typeof last === 'string' ? doc.getIn(path.slice(0, n - 1), true) : undefined;
      const pair = isMap(parent)
        ? parent.items.find((p) => isScalar(p.key) && p.key.value === last)
        : undefined;
      const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange) return lineCounter.linePos(keyRange[0]).line;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
      if (n === 0 && (isMap(doc.contents) || isSeq(doc.contents))) return 1;
    }
    return undefined;
  };
  return { doc, lineCounter, lineOf };
}

function validate(
  f: KnowledgeFileText,
  data: unknown,
  lineOf: (path: PathPart[]) => number | undefined,
): ParsedFile | InvalidFile {
  const result = knowledgeFileSchema.safeParse(data ?? {});
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue: z.core.$ZodIssue) => {
        const path = issue.path.filter((p): p is PathPart => typeof p !== 'symbol');
        // A misspelt key is found on its own line, not on the first line of the map holding it.
        const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        const line = (key === undefined ? undefined : lineOf([...path, key])) ?? lineOf(path);
        return { file: f.file, path: formatPath(path), line, message: issue.message };
      }),
      ...validEntries(
        f,
        data,
        lineOf,
        // A key the file may not have ("fact:" for "facts:") may hold any kind of entry.
        result.error.issues.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0),
      ),
    };
  }
  return { file: f.file, data: result.data, lineOf };
}

/**
 * The entries of a file that each pass the schema, at their own index (a failed one leaves a hole,
 * so paths and lines stay right), and what could not be read.
 */
function validEntries(
  f: KnowledgeFileText,
  data: unknown,
  lineOf: (path: PathPart[]) => number | undefined,
  strayKey: boolean,
): { valid?: ParsedFile; unread: Unread } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { unread: allUnread() };
  const raw = data as Record<string, unknown>;
  const unread = strayKey ? allUnread() : emptyUnread();
  // Lists with an entry (or the whole list) that failed the schema.
  const failed = new Set<string>();
  const each = <T>(key: string, schema: z.ZodType<T>, kind?: UnreadKind): T[] => {
    const list = raw[key];
    if (list === undefined) return [];
    if (!Array.isArray(list)) {
      // Left empty or not a list: whatever it was meant to hold is unknown.
      failed.add(key);
      if (kind) unread[kind] = 'any';
      return [];
    }
    const kept: T[] = new Array(list.length);
    list.forEach((entry: unknown, i) => {
      const r = schema.safeParse(entry);
      if (r.success) {
        kept[i] = r.data;
        return;
      }
      failed.add(key);
      if (!kind) return;
      const id = (entry as { id?: unknown } | null)?.id;
      const ids = unread[kind];
      if (typeof id !== 'string') unread[kind] = 'any';
      else if (ids !== 'any') ids.add(id);
    });
    return kept;
  };
  const valid: KnowledgeFileInput = {
    sources: each('sources', sourceSchema, 'source'),
    entities: each('entities', entitySchema, 'entity'),
    facts: each('facts', factSchema, 'fact'),
    labelled: each('labelled', labelledSetSchema),
  };
  return { valid: { file: f.file, data: valid, lineOf, sourcesUnread: failed.has('sources') }, unread };
}

function quoteMismatch(quote: string, source: Source): string {
  const straighten = (s: string): string => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  const hint = source.text.includes(quote)
    ? ''
    : straighten(source.text).includes(straighten(quote))
      ? ' (the article uses typographic quotes and apostrophes: ’ “ ”)'
      : '';
  return `quote does not occur verbatim in source "${source.id}" (${source.file})${hint}: "${truncate(quote, 80)}"`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function formatPath(path: PathPart[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part),
    '',
  );
}

/** Splits an article into sentences, leaving out headings (lines with no closing punctuation). */
export function splitSentences(text: string): { sentence: string; start: number }[] {
  const out: { sentence: string; start: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (/[.!?"”]$/.test(trimmed)) {
      // ICU's sentence breaks keep "U.S. envoy", "Feb. 22" and "3.5" whole; a title or an initial
      // before a name ("Mr. Rutte", "J. Biden") is joined back to what follows it.
      let pending: { sentence: string; start: number } | undefined;
      for (const s of sentenceSegmenter.segment(line)) {
        const sentence = s.segment.trim();
        if (!sentence) continue;
        const start = offset + s.index + s.segment.indexOf(sentence);
        const joined = pending
          ? {
              sentence: line.slice(pending.start - offset, start - offset + sentence.length),
              start: pending.start,
            }
          : { sentence, start };
        pending = undefined;
        if (titleOrInitial.test(joined.sentence)) pending = joined;
        else out.push(joined);
      }
      if (pending) out.push(pending);
    }
    offset += line.length + 1;
  }
  return out;
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** A sentence break after these is no break: "Mr.", "Dr.", "Gen.", "St.", an initial ("J."). */
const titleOrInitial =
  /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Adm|Sen|Rep|Gov|Pres|St|Mt|Jr|Sr|vs|No|[A-Z])\.$/;

function sentenceCoverage(source: Source, quotes: string[]): SentenceCoverage {
  const spans: [number, number][] = [];
  for (const q of quotes) {
    for (let i = source.text.indexOf(q); i >= 0; i = source.text.indexOf(q, i + 1)) {
      spans.push([i, i + q.length]);
    }
  }
  const sentences = splitSentences(source.text);
  const uncited = sentences
    .filter(({ sentence, start }) => !spans.some(([a, b]) => a < start + sentence.length && b > start))
    .map((s) => s.sentence);
  return { sourceId: source.id, file: source.file, sentences: sentences.length, uncited };
}

export function formatProblem(p: KnowledgeProblem): string {
  const where = `${p.file}${p.line !== undefined ? `:${p.line}` : ''}`;
  return `${where}${p.path ? ` ${p.path}` : ''}: ${p.message}`;
}
