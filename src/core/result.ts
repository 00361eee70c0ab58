import type { Evidence, Source } from './knowledge/types.js';

/** A follow-up the user can pick: `label` is shown, `query` is what gets asked. */
export interface Suggestion {
  label: string;
  query: string;
}

export interface Cited extends Evidence {
  /** The quote as shown to people, with "…" where it cuts into a sentence. */
  display: string;
}

export interface FollowUp {
  /** The question the follow-up was read as: "does Germany back Rutte". */
  readAs: string;
  /** What the conversation is about now, for the next follow-up. */
  topic: string;
}

export interface Answered {
  kind: 'answered';
  /** The fact that answers, or a composed answer's name ("timeline", "about", "help"). */
  id: string;
  /** Facts the answer rests on. */
  factIds: string[];
  /** Plain text, no markup. */
  text: string;
  confidence: number;
  evidence: Cited[];
  notes: string[];
  sources: Source[];
  suggestions: Suggestion[];
  /** A follow-up ("and Germany?"), answered as the question it stands for. */
  followUp?: FollowUp;
  /** Whom the answer says the article is silent on ("doesn't say whether Italy backs…"), as ids. */
  silentOn?: string[];
  /** A guess at what a message that leans on no question ("who said that?") asks, and says so. */
  guess?: true;
}

export interface Ambiguous {
  kind: 'ambiguous';
  text: string;
  confidence: number;
  suggestions: Suggestion[];
}

export interface Unknown {
  kind: 'unknown';
  text: string;
  confidence: number;
  suggestions: Suggestion[];
  /** Why the engine declined, for logs and curators. */
  reason:
    | 'empty'
    | 'no-match'
    | 'off-topic'
    | 'unknown-name'
    | 'missing-argument'
    | 'too-long'
    /** "When did she resign?" found only an answer about a man. */
    | 'unclear-pronoun';
}

export type Result = Answered | Ambiguous | Unknown;
