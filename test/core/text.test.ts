import { describe, expect, it } from 'vitest';
import { phraseRewrites, rewritePhrases, synonymGroups } from '../../src/core/lexicon.js';
import {
  compileRewrites,
  editDistance,
  firstWords,
  normalize,
  stem,
  stripSlackMarkup,
  words,
} from '../../src/core/text.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadEvalSet } from '../eval/evaluate.js';

describe('stripSlackMarkup', () => {
  // Spacing is not part of the contract: compare with runs of white space collapsed.
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
  it.each([
    ['<@U123> who backs rutte?', 'who backs rutte?'],
    ['see <http://x|the article>', 'see the article'],
    ['see <https://example.com/a?b=1>', 'see'],
    ['<#C123|general> hi', 'general hi'],
    ['<!channel> hi', 'hi'],
    ['<!subteam^S1|@team> hi', 'hi'],
    [':thinking_face: when', 'when'],
    ['a &amp; b &lt;c&gt;', 'a & b <c>'],
  ])('%j -> %j', (input, expected) => {
    expect(squash(stripSlackMarkup(input))).toBe(expected);
  });
});

describe('normalize', () => {
  it.each([
    ['<@U123> Who backs Rutte?', 'who backs rutte'],
    ['<http://x|label> now', 'label now'],
    ['<http://x> now', 'now'],
    [':eyes: :+1: who backs rutte', 'who backs rutte'],
    ["who's backing him", 'who is backing him'],
    ["doesn't he know", 'does not he know'],
    ["won't and can't", 'will not and can not'],
    ["they're here, we've seen, I'll go, I'm off", 'they are here we have seen i will go i am off'],
    ['Rutte’s backers don’t say', 'rutte backers do not say'],
    ['Rutte‘s view', 'rutte view'],
    ["allies' view", 'allies view'],
    ['whats up, havent seen it', 'what is up have not seen it'],
    ['Kariņš', 'karins'],
    ['Prime Minister—Rutte', 'prime minister rutte'],
    ['re-election', 're election'],
    ['the 31-nation alliance', 'the 31 nation alliance'],
    ['1,000 troops', '1000 troops'],
    ['  lots   of   space  ', 'lots of space'],
    ['', ''],
    [':smile: :wave:', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('gives each text its own reading when asked again, after many other texts', () => {
    const texts = Array.from({ length: 200 }, (_, i) => `Who's backing Rutte? #${i % 150}`);
    const first = texts.map(normalize);
    expect(new Set(first).size).toBe(150);
    expect(texts.map(normalize)).toEqual(first);
    expect(normalize(texts[7] as string)).toBe('who is backing rutte 7');
  });

  it('splits into words', () => {
    expect(words('<@U1> Who backs Rutte?')).toEqual(['who', 'backs', 'rutte']);
    expect(words(':smile:')).toEqual([]);
  });
});

describe('stem', () => {
  it.each([
    ['backing', 'back'],
    ['backed', 'back'],
    ['backs', 'back'],
    ['allies', 'ally'],
    ['countries', 'country'],
    ['resigned', 'resign'],
    ['running', 'run'],
    ['elections', 'election'],
    ['press', 'press'],
    ['us', 'us'],
    ['is', 'is'],
    ['2024', '2024'],
  ])('%s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('gives inflections of one word one stem', () => {
    expect(new Set(['support', 'supports', 'supported', 'supporting'].map(stem)).size).toBe(1);
  });
});

describe('editDistance', () => {
  it.each([
    ['rutte', 'ruttte', 1],
    ['kallas', 'kalllas', 1],
    ['back', 'bakc', 1],
    ['stoltenberg', 'stoltenburg', 1],
    ['rutte', 'rutte', 0],
  ])('%s ~ %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 2)).toBe(d);
  });

  it('stops early past the budget', () => {
    expect(editDistance('married', 'madrid', 1)).toBe(2);
  });
});

describe('compileRewrites', () => {
  const inTurn = (rules: [RegExp, string][], text: string): string =>
    rules.reduce((s, [re, to]) => s.replace(re, to), text);

  it('knows the first words of rules that start with a word or a group of words', () => {
    expect(firstWords(/\bpm\b/g)).toEqual(new Set(['pm']));
    expect(firstWords(/\b(?:come|came) out for\b/g)).toEqual(new Set(['come', 'came']));
    expect(firstWords(/\b(?:so far|at all)\b/g)).toEqual(new Set(['so', 'at']));
    expect(firstWords(/\b(?:the )?changing of the guard\b/g)).toBeUndefined();
    expect(firstWords(/\bsec(?:retary)? gen\b/g)).toBeUndefined();
    expect(firstWords(/\btime ?frames?\b/g)).toBeUndefined();
    expect(firstWords(/\b(?:short|long) ?list\b/g)).toBeUndefined();
    expect(firstWords(/(\w+)'s\b/g)).toBeUndefined();
    // Another branch at the top may start with any word.
    expect(firstWords(/\b(?:on|over) the wires?\b|\bnews ?wires?\b/g)).toBeUndefined();
    expect(firstWords(/\b(?:on|over) the (?:wire|news|a|b)\b/g)).toEqual(new Set(['on', 'over']));
    expect(firstWords(/\bon [a|b] wire\b/g)).toEqual(new Set(['on']));
  });

  it('gives what applying every rule in turn gives, including rules that feed later ones', () => {
    const rules: [RegExp, string][] = [
      [/\bthrow in the towel\b/g, 'quit'],
      [/\bquit\b/g, 'resign'],
      [/\b(?:the )?big deal\b/g, 'important'],
      [/\bimportant (?:for|to)\b/g, 'matters to'],
      [/\bin ((?:\w+ )?)camp\b/g, 'back $1'],
    ];
    const apply = compileRewrites(rules);
    for (const text of [
      'when did he throw in the towel',
      'why is it such a big deal to washington',
      'who is in rutte camp',
      'nothing to rewrite here',
      'quit it',
    ]) {
      expect(apply(text), text).toBe(inTurn(rules, text));
    }
  });

  it('gives the same when a rewrite makes or unmakes a match for a rule with no first word', () => {
    const rules: [RegExp, string][] = [
      [/\b(?:a )?done deal\b/g, 'settled'],
      [/\bhuge fuss\b/g, 'big deal'],
      [/\b(?:the )?big deal\b/g, 'important'],
      [/\b(?:a )?(?:settled|fixed) matter\b/g, 'decided'],
      [/\bquit\b/g, 'resign'],
    ];
    const apply = compileRewrites(rules);
    for (const text of [
      // The second rule makes a match for the third, which no first word announces.
      'what a huge fuss',
      // The first rule unmakes its own match and makes one for the fourth.
      'a done deal matter',
      'is it a done deal or a big deal',
      // The same first word twice.
      'quit quit and quit',
      'no rule here',
    ]) {
      expect(apply(text), text).toBe(inTurn(rules, text));
    }
    expect(apply('what a huge fuss')).toBe('what a important');
    expect(apply('a done deal matter')).toBe('decided');
  });

  it('gives the same words as the rules applied in turn on every knowledge text and eval question', () => {
    const { knowledge } = loadKnowledge();
    const set = loadEvalSet();
    const texts = [
      ...knowledge.facts.flatMap((f) => [
        f.answer,
        ...f.questions,
        ...f.keywords,
        ...f.evidence.map((e) => e.quote),
      ]),
      ...[...set.dev, ...set.test].map((c) => c.q),
    ].map(normalize);
    expect(texts.length).toBeGreaterThan(3000);
    const changed = texts.filter((t) => rewritePhrases(t) !== t).length;
    expect(changed).toBeGreaterThan(100);
    for (const t of texts) {
      expect(rewritePhrases(t), t).toBe(inTurn(phraseRewrites, t).replace(/\s+/g, ' ').trim());
    }
  });
});

describe('synonym groups', () => {
  it('list each word once: a word in two groups means only what the later group says', () => {
    const groupOf = new Map<string, string>();
    const twice: string[] = [];
    for (const group of synonymGroups) {
      for (const w of group) {
        const first = groupOf.get(w);
        if (first !== undefined && first !== group[0]) twice.push(`${w} (${first}, ${group[0]})`);
        groupOf.set(w, group[0] as string);
      }
    }
    expect(twice).toEqual([]);
  });
});
