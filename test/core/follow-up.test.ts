import { describe, expect, it } from 'vitest';
import { conversation, createEngine, topicAfter } from '../../src/core/engine.js';
import { leansOnPrevious, readFollowUp } from '../../src/core/follow-up.js';
import { renderText } from '../../src/core/render-text.js';
import type { Result } from '../../src/core/result.js';
import { words } from '../../src/core/text.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { askedAs, taughtEngine } from '../helpers/taught.js';

const knowledge = loadKnowledge().knowledge;
const engine = createEngine(knowledge);

function outcome(result: Result): string {
  return result.kind === 'answered' ? result.id : result.kind;
}

/** Asks each message in turn, carrying the topic as the Slack layer and the chat do. */
function inTurn(...messages: string[]): Result[] {
  return messages.map(conversation(engine));
}

describe('follow-ups read with the question before them', () => {
  it('answers "who said that?" about the previous question, and says how it read it', () => {
    const [, said] = inTurn('does germany back rutte?', 'who said that?');
    expect(said?.kind).toBe('answered');
    if (said?.kind !== 'answered') return;
    // The one who voiced Germany's backing: the knowledge holds no statement of his, so who he is.
    expect(said.id).toBe('hebestreit-profile');
    expect(said.followUp?.readAs).toMatch(/^does germany back rutte — who said that$/);
    expect(renderText(said)).toContain(
      'Read with your previous question: “does germany back rutte — who said that”',
    );
  });

  it('says an answer to a pointer back with nothing before it is a guess', () => {
    for (const q of ['who said that?', 'who confirmed it?', 'when was that?']) {
      const alone = engine.ask(q);
      if (alone.kind !== 'answered') continue;
      expect(alone.text, q).toMatch(
        /^I’m not sure what that refers to, so this is a guess \(ask the whole question to be sure\): [A-Z]/,
      );
      expect(alone.text, q).not.toContain('Yes.');
    }
    expect(engine.ask('who confirmed it?').kind).toBe('answered');
    // Read with the question before it, it is no guess.
    const [, said] = inTurn('does the us back rutte?', 'who confirmed it?');
    expect(said?.text).toMatch(/^John Kirby/);
    // A whole question is no guess either, nor what the bot answers from.
    expect(engine.ask('who confirmed that the US backs Rutte?').text).not.toMatch(/guess/);
    expect(engine.ask('where’s this from?').text).not.toMatch(/guess/);
    // One that finds nothing says what is missing.
    expect(engine.ask('is that true?').text).toMatch(
      /^I’m not sure what that refers to\. Ask the whole question/,
    );
    // Typed as in the terminal chat, the command's name changes nothing.
    expect(engine.ask('/nato who said that?').text).toMatch(/^I’m not sure what that refers to/);
    // A guess is no question asked: the next pointer back is a guess too, not read with the first.
    const [, next] = inTurn('who said that?', 'when was that?');
    expect(next?.text).toMatch(/^I’m not sure what that refers to/);
    expect(next?.kind === 'answered' && next.followUp).toBeUndefined();
  });

  it('keeps a backing’s "Yes." only for a pointer back that asks yes or no', () => {
    // "Who said that?" is not answered "Yes.": no one is quoted for France, and the answer says so.
    const [asked, said] = inTurn('does france back rutte?', 'who said that?');
    expect(asked?.text).toMatch(/^Yes\. France/);
    expect(outcome(said as Result)).toBe('france-backs-rutte');
    expect(said?.text).toMatch(/^France .*quotes no French official/);
    expect(inTurn('does spain back rutte?', 'says who?')[1]?.text).toMatch(/^Politico reported/);
    expect(inTurn('does germany back rutte?', 'when was that?')[1]?.text).toMatch(/^Germany backs/);
    for (const check of ['is that true?', 'ok is that confirmed?', 'oh is that true?'])
      expect(inTurn('does france back rutte?', check)[1]?.text, check).toMatch(/^Yes\. France/);
  });

  it('puts a country named alone in place of the previous question’s', () => {
    const [, belgium] = inTurn('does spain back rutte?', 'and belgium?');
    expect(outcome(belgium as Result)).toBe('rutte-backers');
    expect(belgium?.kind === 'answered' && belgium.followUp?.readAs).toBe('does Belgium back rutte');
    expect(belgium?.text).toMatch(/doesn’t say whether Belgium/);
    const [, usa] = inTurn('what did london say about rutte?', 'and the usa?');
    expect(usa?.kind === 'answered' && usa.followUp?.readAs).toBe(
      'what did the United States say about rutte',
    );
    expect(outcome(usa as Result)).toBe('us-backs-rutte');
  });

  it('answers a person named alone as who they are, when it can', () => {
    const [, hebestreit] = inTurn('what did kirby say about rutte?', 'and hebestreit?');
    expect(outcome(hebestreit as Result)).toBe('hebestreit-profile');
    expect(hebestreit?.kind === 'answered' && hebestreit.followUp).toBeUndefined();
  });

  it('reads two names asked alone as a question of their own, not one in place of the other', () => {
    expect(readFollowUp(engine.index, 'and germany and france?', 'does spain back rutte?')).toBeUndefined();
    expect(readFollowUp(engine.index, 'does bulgaria?', 'does romania support rutte?')?.question).toBe(
      'does Bulgaria support rutte',
    );
    expect(readFollowUp(engine.index, 'and germany?', 'does spain back rutte?')?.question).toBe(
      'does Germany back rutte',
    );
  });

  it('does not lean on help, the timeline or what the bot rests on', () => {
    const [, help, said] = inTurn('does germany back rutte?', 'help', 'who said that?');
    expect(outcome(help as Result)).toBe('help');
    expect(said?.kind === 'answered' && said.followUp?.readAs).toBe(
      'does germany back rutte — who said that',
    );
    expect(topicAfter(engine.index, 'timeline', engine.ask('timeline'))).toBeUndefined();
  });

  it('reads "he" as the person the previous question named', () => {
    const alone = engine.ask('did he officially submit his candidacy?');
    const [, after] = inTurn('who is klaus iohannis?', 'did he officially submit his candidacy?');
    expect(outcome(after as Result)).toBe('iohannis-profile');
    expect(outcome(alone)).not.toBe('iohannis-profile');
  });

  it('keeps what the leading candidate said or did when "he" read as the other person finds only who that is', () => {
    // Alone, these are about Rutte; read about Karins or Hebestreit, only their profiles fit.
    expect(outcome(engine.ask('what did he urge on weapons?'))).toBe('rutte-on-ammunition');
    const [, weapons] = inTurn('who is krisjanis karins?', 'what did he urge on weapons?');
    expect(outcome(weapons as Result)).toBe('rutte-on-ammunition');
    const [, support] = inTurn('who is steffen hebestreit?', 'would you say his support is broadening?');
    expect(outcome(support as Result)).toBe('growing-support');
    // What the other person's own fact answers is still read about them.
    const [, applied] = inTurn('who is klaus iohannis?', 'has he formally applied?');
    expect(outcome(applied as Result)).toBe('iohannis-profile');
  });

  it('answers who said it with the one who voiced a backing, and a backing no one voiced with itself', () => {
    // Kirby confirmed the United States' backing: his statement.
    for (const pointer of [
      'who said that?',
      'who confirmed it?',
      'says who?',
      'according to whom?',
      'by whom?',
    ]) {
      const [, said] = inTurn('does the us back rutte?', pointer);
      expect(outcome(said as Result), pointer).toBe('kirby-statement');
      // The backing itself stays one click away.
      expect(
        said?.suggestions.map((x) => x.label),
        pointer,
      ).toEqual(['Does the US back Rutte?']);
      expect(said?.kind === 'answered' && said.followUp?.readAs, pointer).toMatch(
        /^does the us back rutte — /,
      );
    }
    // Politico reported Spain's: no one voiced it, so the backing is the answer.
    const [, spain] = inTurn('does spain back rutte?', 'who said that?');
    expect(outcome(spain as Result)).toBe('spain-backs-rutte');
    // Only who said it: when, or where it was reported, is still about the backing.
    const [, when] = inTurn('does germany back rutte?', 'when was that?');
    expect(outcome(when as Result)).toBe('germany-backs-rutte');
  });

  it('answers a short message the model is nearly sure of when it asks what the previous question got', () => {
    // Alone, the model is not sure enough that "which month was it" asks when Rutte resigned, and
    // it is no pointer back or pronoun that the previous question could stand in for.
    const alone = engine.index.classifier?.classify(engine.index.analyze('which month was it'));
    expect(alone?.label).toBe('rutte-resignation');
    expect(alone?.p).toBeGreaterThanOrEqual(0.4);
    expect(alone?.p).toBeLessThan(0.5);
    expect(engine.ask('which month was it').kind).not.toBe('answered');
    expect(readFollowUp(engine.index, 'which month was it', 'why did rutte resign?')).toBeUndefined();
    const [, month, when] = inTurn('why did rutte resign?', 'which month was it', 'when was that?');
    expect(outcome(month as Result)).toBe('rutte-resignation');
    // Read as a follow-up, and saying so; the conversation stays on the question before it.
    expect(month?.kind === 'answered' && month.followUp?.readAs).toBe(
      'why did rutte resign — which month was it',
    );
    expect(when?.kind === 'answered' && when.followUp?.readAs).toBe('why did rutte resign — when was that');
    // After another answer, it is no surer than alone.
    const [, other] = inTurn('who backs rutte?', 'which month was it');
    expect(other?.kind).not.toBe('answered');
  });

  it('does not read "he" into a question the model is sure the article answers of no one', () => {
    for (const question of ['what is his educational background?', "what's his instagram?"]) {
      expect(engine.ask(question).kind, question).not.toBe('answered');
      const [, after] = inTurn('who is joe biden?', question);
      expect(after?.kind, question).not.toBe('answered');
    }
    // What it does answer of someone is still read about him.
    expect(outcome(engine.ask('what is his nationality?'))).not.toBe('karins-profile');
    const [, nationality] = inTurn('who is karins?', 'what is his nationality?');
    expect(outcome(nationality as Result)).toBe('karins-profile');
    expect(nationality?.kind === 'answered' && nationality.followUp?.readAs).toBe(
      'what is Krisjanis Karins’s nationality',
    );
  });

  it('answers "when was that?" twice about the same question, not about the first follow-up', () => {
    const [, first, second] = inTurn('why did rutte resign?', 'when was that?', 'says who?');
    expect(outcome(first as Result)).toBe('rutte-resignation');
    expect(second?.kind === 'answered' && second.followUp?.readAs).toBe('why did rutte resign — says who');
  });

  it('answers "where?" about the previous question', () => {
    const [, where] = inTurn('when is the summit?', 'where?');
    expect(outcome(where as Result)).toBe('leaders-summit');
    expect(where?.kind === 'answered' && where.followUp?.readAs).toBe('when is the summit — where');
    expect(leansOnPrevious(words('and where?'))).toBe(true);
  });

  it('answers "which country?" about the person the previous question asked about', () => {
    // Alone, "which country?" reads as asking which countries back Rutte.
    const [, country] = inTurn('who is karins?', 'which country?');
    expect(outcome(country as Result)).toBe('karins-profile');
    expect(country?.kind === 'answered' && country.followUp?.readAs).toBe('who is karins — which country');
    expect(leansOnPrevious(words('and what country?'))).toBe(true);
    for (const message of ['which country is it?', 'what country is that from?']) {
      const [, again] = inTurn('who is karins?', message);
      expect(outcome(again as Result), message).toBe('karins-profile');
    }
  });

  it('answers a question that stands alone as it would alone, with nothing read into it', () => {
    const [, kallas] = inTurn('does germany back rutte?', 'who is kaja kallas?');
    expect(outcome(kallas as Result)).toBe('kallas-profile');
    expect(kallas?.kind === 'answered' && kallas.followUp).toBeUndefined();
  });

  it('reads nothing into small talk, off-topic questions or commands', () => {
    for (const message of ['thanks!', 'hello', 'lol', 'what’s for lunch?', 'what is the capital of italy?']) {
      expect(outcome(engine.ask(message, 'does germany back rutte?')), message).toBe(
        outcome(engine.ask(message)),
      );
    }
    const help = engine.ask('help', 'does germany back rutte?');
    expect(outcome(help)).toBe('help');
  });

  it('keeps the topic after a question it could not answer', () => {
    const [, lunch, said] = inTurn('does germany back rutte?', 'what’s for lunch?', 'who said that?');
    expect(outcome(lunch as Result)).toBe('unknown');
    expect(outcome(said as Result)).toBe('hebestreit-profile');
  });

  it('takes a declined question that named someone as what the conversation is now about', () => {
    const [, declined, backing] = inTurn('who is john kirby?', 'will rutte win?', "who's backing him then?");
    expect(outcome(declined as Result)).toBe('unknown');
    // "Him" is Rutte, whom the declined question named, not Kirby, whom the last answer was about.
    expect(outcome(backing as Result)).toBe('rutte-backers');
    // A declined question that names no one, only a place, leaves the topic before it.
    const [, lunch, said] = inTurn(
      'does germany back rutte?',
      'what’s for lunch in washington?',
      'who said that?',
    );
    expect(lunch?.kind === 'unknown' && lunch.reason).toBe('off-topic');
    expect(outcome(said as Result)).toBe('hebestreit-profile');
  });

  it('reads the README’s examples as the README says', () => {
    const [, belgium, when] = inTurn('does Spain back Rutte?', 'and Belgium?', 'when was that?');
    expect(belgium?.kind === 'answered' && belgium.followUp?.readAs).toBe('does Belgium back rutte');
    expect(when?.kind === 'answered' && when.followUp?.readAs).toBe(
      'does belgium back rutte — when was that',
    );
    const [, spain] = inTurn('does Spain back Rutte?', 'who said that?');
    expect(outcome(spain as Result)).toBe('spain-backs-rutte');
    const [, him] = inTurn('who is Klaus Iohannis?', 'has he formalized his interest?');
    expect(outcome(him as Result)).toBe('iohannis-profile');
    expect(him?.kind === 'answered' && him.followUp?.readAs).toBe(
      'has Klaus Iohannis formalized his interest',
    );
  });

  it('reads a member country named alone, after a question that named none, as where it stands', () => {
    expect(readFollowUp(engine.index, 'wot about norway', 'who backs rutte?')?.question).toBe(
      'does Norway back Mark Rutte',
    );
    const [, norway] = inTurn('who backs rutte?', 'wot about norway');
    expect(outcome(norway as Result)).toBe('rutte-backers');
    expect(norway?.kind === 'answered' && norway.followUp?.readAs).toBe('does Norway back Mark Rutte');
    expect(norway?.text).toMatch(/Norway/);
    // Russia is no member: it is not asked about. After "who is Kallas?", "and Estonia?" asks
    // something else than where Estonia stands.
    expect(readFollowUp(engine.index, 'and russia?', 'who backs rutte?')).toBeUndefined();
    expect(readFollowUp(engine.index, 'and estonia?', 'who is kallas?')).toBeUndefined();
  });

  it('reads "is that true?" and "is that right?" as asking about the previous question', () => {
    // Alone they read as no words at all: "is that true" is chatter inside a question.
    for (const pointer of [
      'is that true?',
      'is that right?',
      'is that confirmed?',
      'hey is that true?',
      'btw is that right?',
    ]) {
      const [, answer] = inTurn('does germany back rutte?', pointer);
      expect(outcome(answer as Result), pointer).toBe('germany-backs-rutte');
      expect(answer?.kind === 'answered' && answer.followUp?.topic).toBe('does germany back rutte');
      expect(answer?.kind === 'answered' && answer.followUp?.readAs).toBe(
        `does germany back rutte — ${pointer.replace('?', '')}`,
      );
    }
  });

  it('reads "they" as the one country the previous question named', () => {
    // Alone, "did they say anything?" finds what London said; after a question about Germany, "they"
    // is Germany.
    expect(outcome(engine.ask('did they say anything?'))).not.toBe('germany-backs-rutte');
    const [, said] = inTurn('does germany back rutte?', 'did they say anything?');
    expect(outcome(said as Result)).toBe('germany-backs-rutte');
    expect(said?.kind === 'answered' && said.followUp?.readAs).toBe('did Germany say anything');
    // An answer alone about no country stands, since "they" may be the allies; so does one about
    // someone of theirs. Only an answer about another country is replaced.
    for (const [previous, followUp, expected] of [
      ['does germany back rutte?', 'when do they vote', 'leaders-summit'],
      ['does germany back rutte?', 'are they all on board?', 'silent-members'],
      ['does spain back rutte?', 'how many of them back him?', 'two-thirds-support'],
      ['does germany back rutte?', 'did they agree?', 'consensus-rule'],
      ['does germany back rutte?', 'what is their deadline?', 'no-deadline'],
      ['is the uk behind rutte?', 'who is their prime minister?', 'sunak-profile'],
      ['does france back rutte?', 'did they agree to back him?', 'france-backs-rutte'],
      ['does germany back rutte?', 'what did their spokesperson say?', 'germany-backs-rutte'],
    ] as const)
      expect(outcome(inTurn(previous, followUp)[1] as Result), followUp).toBe(expected);
  });

  it('says the article names no backers for someone asked about after Rutte’s backers', () => {
    // After "um", and when a pointer back leans on such a question, the same.
    expect(inTurn('who backs rutte?', 'um and kallas?')[1]?.text).toBe(
      'I don’t know: the article names no backers for Kaja Kallas.',
    );
    expect(inTurn('who backs kallas?', 'is that true?')[1]?.text).toBe(
      'I don’t know: the article names no backers for Kaja Kallas.',
    );
    const [, kallas] = inTurn('who backs rutte?', 'and Kallas?');
    expect(kallas?.kind).toBe('unknown');
    expect(kallas?.text).toBe('I don’t know: the article names no backers for Kaja Kallas.');
    expect(kallas?.suggestions[0]?.label).toBe('Who is Kaja Kallas?');
    // Alone, a question about her backers says the same; not one about whom she, or Kirby, backs.
    expect(engine.ask('Who supports Kallas?').text).toBe(kallas?.text);
    for (const other of ['does kallas support ukraine?', 'who did kirby back?'])
      expect(engine.ask(other).text, other).not.toMatch(/names no backers/);
  });

  it('does not answer "she" with what it found about a man', () => {
    // Alone, "when did she resign?" finds Rutte's resignation: "she" cannot be him.
    const alone = engine.ask('when did she resign?');
    expect(alone.kind === 'unknown' && alone.reason).toBe('unclear-pronoun');
    expect(alone.text).toMatch(/not sure who “she” means/);
    // After a question about Kallas, the article says nothing of her resigning or her backers.
    for (const followUp of ['when did she resign?', 'who backs her?']) {
      const [, answer] = inTurn('who is kallas?', followUp);
      expect(answer?.kind, followUp).toBe('unknown');
      expect(answer?.text, followUp).toBe('I don’t know: the article doesn’t say that about Kaja Kallas.');
      expect(answer?.suggestions[0]?.label).toBe('Who is Kaja Kallas?');
    }
    // Named with a country, and where the previous answer was about a man, the same.
    expect(inTurn('who is kallas?', 'does germany back her?')[1]?.text).toBe(
      'I don’t know: the article doesn’t say that about Kaja Kallas.',
    );
    expect(inTurn('what did rutte say about ukraine?', 'what did she say about ukraine?')[1]?.kind).toBe(
      'unknown',
    );
    // "She" who asks or wants to know is the asker's colleague.
    expect(outcome(engine.ask('she asked what washington said'))).toBe('us-backs-rutte');
    // "he" after a question about a man, and "she" where a woman is what was found, are answered.
    expect(outcome(inTurn('who is rutte?', 'when did he resign?')[1] as Result)).toBe('rutte-resignation');
    expect(outcome(engine.ask('is she running?'))).toBe('kallas-profile');
  });

  it('reads "she" as the woman the previous question named, not the first person in it', () => {
    const reading = readFollowUp(engine.index, 'did she apply?', 'is rutte running or kallas too?');
    expect(reading?.question).toBe('did Kaja Kallas apply');
    expect(readFollowUp(engine.index, 'did he apply?', 'is kallas running or rutte too?')?.question).toBe(
      'did Mark Rutte apply',
    );
  });

  it('prefers the named person’s answer to one about someone else when "he" or "she" points back', () => {
    // A model taught that "what did he say?" alone is France's silence answers so alone.
    const taught = taughtEngine(
      [
        ...askedAs('france-backs-rutte', 'what he say', 'what did he say', 'what he said', 'he said what'),
        ...askedAs('unknown', 'where is nato headquartered?', "what's for lunch?", 'how old is stoltenberg?'),
      ],
      knowledge,
    );
    expect(outcome(taught.ask('what he say'))).toBe('france-backs-rutte');
    const [, he] = ['who is kirby?', 'what he say'].map(conversation(taught));
    expect(outcome(he as Result)).toBe('kirby-statement');
    expect(he?.kind === 'answered' && he.followUp?.readAs).toBe('what John Kirby say');
    // Two people named before: "he" is not pinned on either, and the answer alone stands.
    const reading = readFollowUp(engine.index, 'has he applied?', 'is wallace running or rutte?');
    expect(reading?.about).toBeUndefined();
    expect(readFollowUp(engine.index, 'has he applied?', 'is wallace running?')?.about).toBe('wallace');
  });

  it('reads "it" as the event, body or outlet the previous question named', () => {
    // The rules alone find a question with no subject in it, and say so.
    const rules = createEngine({ ...knowledge, labelled: [] });
    const alone = rules.ask('where is it?');
    expect(alone.kind).toBe('unknown');
    expect(alone.text).toContain('“it”');
    expect(alone.text).not.toMatch(/didn’t find a question/);
    expect(readFollowUp(engine.index, 'where is it?', 'when is the summit?')?.question).toBe(
      'where is the NATO Leaders Summit in Washington',
    );
    const [, where] = inTurn('when is the summit?', 'where is it?');
    expect(outcome(where as Result)).toBe('leaders-summit');
    // "He" comes before "it": "is it certain he gets it?" is about the person.
    expect(readFollowUp(engine.index, 'is it certain he gets it?', 'is rutte running?')?.question).toBe(
      'is it certain Mark Rutte gets it',
    );
    // "Who said it?" still points back at the whole previous question.
    expect(readFollowUp(engine.index, 'who said it?', 'when is the summit?')?.by).toBe('pointer');
  });

  it('reads follow-ups typed as /nato commands in the terminal chat as Slack sends them', () => {
    const [, greece, when] = inTurn('/nato does spain back rutte?', '/nato and greece?', '/nato when');
    expect(greece?.kind === 'answered' && greece.followUp?.readAs).toBe('does Greece back rutte');
    expect(outcome(greece as Result)).toBe('rutte-backers');
    expect(when?.kind === 'answered' && when.followUp?.readAs).toBe('does greece back rutte — when');
  });

  it('recognises only messages that ask about what came before', () => {
    for (const m of [
      'who said that?',
      'when was that?',
      'is that true?',
      'says who',
      'and why?',
      'per who?',
      'by whom',
      'When was that, precisely?',
      'which day was that?',
      'on what date?',
      "where'd that come from?",
      'source for that?',
    ])
      expect(leansOnPrevious(words(m)), m).toBe(true);
    // "Source?" alone asks what the bot rests on.
    for (const m of [
      'who said rutte should win?',
      'when is the summit?',
      'source?',
      'why not?!?! lunch',
      'what day is it?',
    ])
      expect(leansOnPrevious(words(m)), m).toBe(false);
  });
});
