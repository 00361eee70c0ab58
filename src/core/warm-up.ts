import type { Knowledge } from './knowledge/types.js';
import { metaFacts } from './meta.js';

/**
 * Questions shaped like what users send, made from the knowledge's own example questions: asked
 * once at start-up, they let the JIT compile every path of the engine (commands, typos, mentions,
 * markup, unknown names, long messages, pronouns, thanks) before a user's question pays for it.
 * Only simple questions anyone would ask ("help", "who-is rutte", "how old is rutte") are also
 * evaluation questions. Each example comes in every shape before the next one starts, so a short
 * time budget still covers every path.
 */
export function* warmUpQuestions(knowledge: Knowledge): Generator<string> {
  yield* [
    'help',
    'timeline',
    'about',
    'candidates',
    'what can you do?',
    ':wave:',
    '   ',
    'ok, thanks a lot!',
  ];
  const facts = [...metaFacts, ...knowledge.facts].filter((f) => f.questions.length > 0);
  const people = knowledge.entities.filter((e) => e.kind === 'person');
  const longest = facts.reduce((most, f) => Math.max(most, f.questions.length), 0);
  let n = 0;
  for (let k = 0; k < longest; k++) {
    for (const fact of facts) {
      const q = fact.questions[k];
      if (q === undefined) continue;
      n++;
      const other = facts[(n * 7) % facts.length]?.questions[k % 3] ?? q;
      const subject = knowledge.entityById.get(fact.subjects[0] ?? '');
      const person = people[n % Math.max(1, people.length)];
      yield q;
      yield `<@U0WARMUP> ${q.toUpperCase()}?`;
      yield withTypo(q);
      yield `${q} in Qorvania`;
      yield `hi all, quick one for a brief I am writing today: ${q}, and also ${other}? thanks so much`;
      yield `> ${q} :thinking_face: <https://example.com|link> ${person?.name ?? ''}`;
      yield `can you tell me about ${withTypo(person?.name ?? q)}? thx`;
      yield `cool. I keep seeing ${person?.name ?? 'that name'} in the coverage lately: is he one of the names in the mix, and ${q}?`;
      if (subject) yield `${n % 2 === 0 ? 'who-is' : 'who-backs'} ${subject.aliases[0] ?? subject.name}`;
    }
  }
}

/** "which countries back rutte" → "which countriies back rutte": a doubled letter in the longest word. */
function withTypo(q: string): string {
  const words = q.split(' ');
  let at = 0;
  words.forEach((w, i) => {
    if (w.length > (words[at] ?? '').length) at = i;
  });
  const w = words[at] ?? '';
  if (w.length < 5) return q;
  words[at] = w.slice(0, 3) + w.slice(2);
  return words.join(' ');
}
