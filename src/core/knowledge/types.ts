import type { EntityKind, FactKind } from './schema.js';

export interface Source {
  id: string;
  title: string;
  /** Path relative to the knowledge folder. */
  file: string;
  asOf: string;
  asOfLabel: string;
  asOfDetail: string | undefined;
  url: string | undefined;
  text: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  role: string | undefined;
  country: string | undefined;
  member: boolean | undefined;
  pronoun: 'he' | 'she' | undefined;
  aliases: string[];
}

export interface Evidence {
  sourceId: string;
  quote: string;
}

export interface DateSpan {
  start: string;
  end: string;
  label: string;
}

export interface Fact {
  id: string;
  kind: FactKind;
  subjects: string[];
  answer: string;
  questions: string[];
  keywords: string[];
  note: string | undefined;
  backing: { backer: string; candidate: string; saidBy: string[] } | undefined;
  date: DateSpan | undefined;
  evidence: Evidence[];
  /** The knowledge file the fact came from, relative to the knowledge folder. */
  file: string;
}

/** Questions people asked, each with the fact that answers it or "unknown"; the model learns from them. */
export interface LabelledSet {
  /** What the set is and where it came from. */
  name: string;
  /** The knowledge file it came from, relative to the knowledge folder. */
  file: string;
  questions: { q: string; expect: string }[];
}

export interface Knowledge {
  sources: Source[];
  entities: Entity[];
  facts: Fact[];
  labelled: LabelledSet[];
  sourceById: ReadonlyMap<string, Source>;
  entityById: ReadonlyMap<string, Entity>;
  factById: ReadonlyMap<string, Fact>;
}

export interface KnowledgeProblem {
  file: string;
  /** Path inside the file, e.g. `facts[3].evidence[0].quote`. */
  path: string;
  line: number | undefined;
  message: string;
}

export interface SentenceCoverage {
  sourceId: string;
  file: string;
  sentences: number;
  uncited: string[];
}
