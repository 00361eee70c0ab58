import type { Fact } from './knowledge/types.js';

/**
 * Questions about the bot itself rather than the article: matched like facts, answered by
 * composing (the timeline from dated facts, "about" from the sources, "help" from the commands).
 */
export const metaFactIds = ['timeline', 'about', 'help'] as const;
export type MetaFactId = (typeof metaFactIds)[number];

const meta = (id: MetaFactId, questions: string[], keywords: string[]): Fact => ({
  id,
  kind: 'about',
  subjects: [],
  answer: '',
  questions,
  keywords,
  note: undefined,
  backing: undefined,
  date: undefined,
  evidence: [],
  file: '(built in)',
});

export const metaFacts: Fact[] = [
  meta(
    'timeline',
    [
      'what are the key dates',
      'timeline',
      'what are the important dates',
      'what happens next',
      'what is the schedule',
      'give me the timeline of the race',
      'what are the milestones',
    ],
    [
      'timeline',
      'key dates',
      'dates',
      'schedule',
      'milestones',
      'chronology',
      'chronological',
      'sequence of events',
      'order of events',
      'order',
      'calendar',
      'next steps',
    ],
  ),
  meta(
    'about',
    [
      'which article do you use',
      'what is your source',
      'how current is this',
      'how up to date are you',
      'when was this written',
      'what do you know',
      'where does your information come from',
      'what is this based on',
      'which article are you answering from',
      'what are your answers based on',
      'what are you',
      'who are you',
      'what is this bot',
      'what does this bot know',
    ],
    [
      'about',
      'article',
      'source',
      'current',
      'date',
      'up to date',
      'information',
      'info',
      'data',
      'knowledge',
      'written',
      'recent',
      'based',
    ],
  ),
  meta(
    'help',
    [
      'help',
      'what can you do',
      'what commands do you support',
      'how do i use you',
      'what can i ask',
      'what questions can you answer',
      'how does this work',
      'what can i ask this bot',
      'how should i ask a question',
    ],
    [
      'help',
      'menu',
      'commands',
      'talk to',
      'how to use',
      'usage',
      'use',
      'instructions',
      'options',
      'ask',
      'work',
    ],
  ),
];
