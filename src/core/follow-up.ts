import type { KnowledgeIndex, Mention } from './index.js';
import { withoutCommandName, words } from './text.js';

/**
 * Follow-ups: a message that leans on the question before it ("and Germany?", "when does he
 * leave?", "who said that?"). Read alone, it asks nothing the article answers; read with the
 * previous question, it does. This turns it into the question it stands for, or says it is none.
 */

/** A follow-up is short; a longer message says what it asks. */
export const followUpWords = 8;

/** Words that only lead into a question: "hey, quick q: what did Kirby say?", "oh is that true?". */
export const leadIns: ReadonlySet<string> = new Set(
  'and so ok okay but hey hi oh also quick q then wait hmm um right yeah btw please pls'.split(' '),
);

/** Words around a name that add nothing to it: "ok and germany?", "what about the brits then", "does Bulgaria?". */
const carrier: ReadonlySet<string> = new Set([
  ...leadIns,
  ...'or now too as well what wot wat about abt bout how re regarding same for with the of on lol yes question does do did'.split(
    ' ',
  ),
]);
const personPronoun = /^(?:he|she|him|her|his|hers|himself|herself)$/;
const groupPronoun = /^(?:they|them|their|theirs)$/;

/** "Who said that?", "says who?", "by whom?": asks who said what the previous question was about. */
const speakerPointers = [
  'who (?:said|says|say|confirmed|confirms|announced|claimed|claims) (?:that|it|this|so)',
  'says who',
  'according to (?:who|whom)',
  '(?:per|by|from) (?:who|whom)',
];

/**
 * "Who said that?", "when was that?", "is that confirmed?": asks about what the previous question
 * was about, and about nothing else. ("Source?" alone asks what the bot rests on.)
 */
const pointsBack = pointer([
  '(?:since |until |by )?when(?: (?:was|is|did|does|will|do) (?:that|it|this|they|that happen|it happen))?(?: happen| said| say| announced)?',
  'why(?: (?:is|was|did|does) (?:that|it|this))?',
  'where',
  // "Which country?" after "who is Karins?"; "what country is he from?" is read by its "he".
  '(?:which|what) (?:country|nationality)(?: (?:is|was) (?:that|it|this))?(?: from)?',
  'how come',
  ...speakerPointers,
  'who (?:reported|reports) (?:that|it|this|so)',
  'where (?:was|is|did) (?:that|it|this) (?:reported|said|published|come from|from)',
  'where (?:does|did) (?:that|it|this) come from',
  'is (?:that|it|this) (?:true|confirmed|right|correct|official|accurate|certain|wrong|false|incorrect)',
  // "where'd that come from": the apostrophe reads as "would".
  'where would (?:that|it|this) come from',
  '(?:on )?(?:which|what) (?:day|date)(?: (?:was|did) (?:that|it|this)(?: happen| said)?)?',
  '(?:source|sources|src) (?:for|of|on) (?:that|it|this)',
]);
const asksWhoSaid = pointer(speakerPointers);

/** A whole message that is one of `forms`, with the words around them that add nothing. */
function pointer(forms: readonly string[]): RegExp {
  return new RegExp(
    `^(?:(?:${[...leadIns].join('|')}) )*(?:${forms.join('|')})(?: (?:again|exactly|precisely|then|though|tho|please|pls|really|actually))?$`,
  );
}

/** Whether a message only asks about what came before it: "who said that?", "says who?". */
export function leansOnPrevious(ws: readonly string[]): boolean {
  return pointsBack.test(ws.join(' '));
}

export interface FollowUpReading {
  /**
   * How it leans on the previous question: by a place's or body's name alone ("and Germany?") or
   * by pointing back ("who said that?"), which ask nothing without it; by a person's name alone
   * ("and Kallas?", which also asks who she is) or by "he" or "she", which may ask something.
   */
  by: 'name' | 'pointer' | 'person' | 'pronoun';
  /** The question the follow-up stands for: "does Germany back Rutte". */
  question: string;
  /**
   * What the conversation is about after it, for the next follow-up: the question it stands for,
   * or, after "who said that?", still the question before it.
   */
  topic: string;
  /**
   * For "he" or "she" after a question that named one person, or "they" after one that named one
   * country: its id. An answer about someone else is then taken for a misreading ("did she apply?"
   * after a question about Kallas; "did they say anything?" after one about Germany).
   */
  about?: string;
  /** For a pointer back that asks who said it ("who said that?", "says who?", "by whom?"). */
  forSpeaker?: true;
}

/**
 * The question a follow-up stands for, given the previous question, or undefined when the message
 * is a question of its own.
 */
export function readFollowUp(
  index: KnowledgeIndex,
  typed: string,
  previousTyped: string,
): FollowUpReading | undefined {
  // "/nato greece?" in the terminal chat is "greece?" in Slack, which sends the command's text alone.
  const text = withoutCommandName(typed);
  const previousText = withoutCommandName(previousTyped);
  // Most messages are questions of their own: tell them apart before reading the previous one.
  if (words(text).length > followUpWords) return undefined;
  const message = index.analyze(text);
  const ws = message.words;
  // "Is that true?" reads as no words at all (it is chatter inside a question), but points back.
  const pointer = message.mentions.length === 0 && leansOnPrevious(words(text));
  if ((ws.length === 0 && !pointer) || ws.length > followUpWords) return undefined;
  const inMention = new Set<number>();
  for (const m of message.mentions) for (let k = m.start; k < m.end; k++) inMention.add(k);
  const namesOnly = message.mentions.length > 0 && ws.every((w, i) => inMention.has(i) || carrier.has(w));
  // "Is it certain he gets it?": "he" is who it is about; "it" only when no one else is named so.
  const pronounAt =
    message.mentions.length > 0 || pointer
      ? -1
      : ([
          ws.findIndex((w) => pronounOf(w) === 'person' || pronounOf(w) === 'group'),
          ws.findIndex((w) => pronounOf(w) === 'thing'),
        ].find((i) => i >= 0) ?? -1);
  if (!namesOnly && pronounAt < 0 && !pointer) return undefined;
  const previous = index.analyze(previousText);
  if (previous.words.length === 0) return undefined;
  const kindOf = (m: Mention): string | undefined => index.knowledge.entityById.get(m.entityId)?.kind;
  const nameOf = (m: Mention): string => index.knowledge.entityById.get(m.entityId)?.name ?? '';

  // "And Germany?", "what about Kallas": the previous question, about the one just named.
  if (namesOnly) {
    let swapped = previous.words.map((w) => w as string | undefined);
    const taken = new Set<Mention>();
    for (const m of message.mentions) {
      const kind = kindOf(m);
      const same = previous.mentions.find((p) => kindOf(p) === kind && p.entityId !== m.entityId);
      // "What about Norway?" after a question about the leading candidate (or no one) that named no
      // country asks where it stands; after "who is Kallas?", "and Estonia?" asks something else.
      const candidate = index.leadingCandidate;
      if (
        !same &&
        candidate &&
        previous.mentions.every((p) => p.entityId === candidate.id) &&
        message.mentions.length === 1 &&
        index.knowledge.entityById.get(m.entityId)?.member
      ) {
        const question = `does ${nameOf(m)} back ${candidate.name}`;
        return { by: 'name', question, topic: question };
      }
      // "And Germany and France?" would put both in one place: that is a question of its own.
      if (!same || taken.has(same)) return undefined;
      taken.add(same);
      swapped = swapped.map((w, i) =>
        i === same.start ? nameOf(m) : i > same.start && i < same.end ? undefined : w,
      );
    }
    const question = swapped.filter((w) => w !== undefined).join(' ');
    const person = message.mentions.some((m) => kindOf(m) === 'person');
    return { by: person ? 'person' : 'name', question, topic: question };
  }

  // "When does he leave?": the first "he" (or, failing one, "it") is who or what the previous
  // question named; "his candidacy" after it reads as it would after the name.
  if (pronounAt >= 0) {
    const w = ws[pronounAt] as string;
    const to = previous.mentions.find((m) =>
      pronounOf(w) === 'person'
        ? kindOf(m) === 'person' && fits(w, index.knowledge.entityById.get(m.entityId)?.pronoun)
        : pronounOf(w) === 'thing'
          ? kindOf(m) === 'event' || kindOf(m) === 'organisation' || kindOf(m) === 'outlet'
          : kindOf(m) !== 'person',
    );
    if (!to) return undefined;
    const name = /^(?:his|hers|their|theirs|its)$/.test(w) ? `${nameOf(to)}’s` : nameOf(to);
    const question = ws.map((x, i) => (i === pronounAt ? name : x)).join(' ');
    // "He" stands for the one person named, "they" or "their" for the one country ("did they say
    // anything?" after a question about Germany).
    const kind = kindOf(to);
    const ofKind = new Set(previous.mentions.filter((m) => kindOf(m) === kind).map((m) => m.entityId));
    const about = (kind === 'person' || kind === 'country') && ofKind.size === 1 ? to.entityId : undefined;
    return { by: 'pronoun', question, topic: question, about };
  }

  // "Who said that?", "when was that?": about what the previous question asked.
  const topic = previous.words.join(' ');
  // "Is that true?" reads as no words ("hey is that true?" as "hey"): the message as typed stands
  // beside the previous question.
  const asTyped = words(text);
  const question = readWith(previous.words, ws.length === asTyped.length ? ws : asTyped);
  return {
    by: 'pointer',
    question,
    topic,
    ...(asksWhoSaid.test(words(text).join(' ')) && { forSpeaker: true }),
  };
}

/** A message read with the previous question it leans on: "does germany back rutte — who said that". */
export function readWith(previous: readonly string[], message: readonly string[]): string {
  return `${previous.join(' ')} — ${message.join(' ')}`;
}

/** Whether "she" or "his" can stand for a person referred to as `pronoun` (any, when unknown). */
function fits(w: string, pronoun: 'he' | 'she' | undefined): boolean {
  return !pronoun || (/^(?:she|her|hers|herself)$/.test(w) ? pronoun === 'she' : pronoun === 'he');
}

/**
 * Whom a pronoun stands for: a person ("he", "her"), a country or body ("they"), or an event, body
 * or outlet ("where is it?" after a question about the summit).
 */
export function pronounOf(w: string): 'person' | 'group' | 'thing' | undefined {
  if (/^(?:it|its)$/.test(w)) return 'thing';
  return personPronoun.test(w) ? 'person' : groupPronoun.test(w) ? 'group' : undefined;
}

/** Shown with a follow-up's answer, before the question it was read as. */
export const readAsLead = 'Read with your previous question:';
