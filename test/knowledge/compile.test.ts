import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { compileKnowledge, splitSentences } from '../../src/core/knowledge/compile.js';
import type { KnowledgeProblem } from '../../src/core/knowledge/types.js';
import { checkKnowledgeDir, defaultKnowledgeDir } from '../../src/knowledge/load.js';

const dir = defaultKnowledgeDir;
const yml = readFileSync(resolve(dir, 'nato-race.yml'), 'utf8');
const article = readFileSync(resolve(dir, 'sources/nato-secretary-general-race.txt'), 'utf8');
const readSource = (text: string) => (file: string) =>
  file === 'sources/nato-secretary-general-race.txt' ? text : undefined;

function problemsOf(text: string, source = article): KnowledgeProblem[] {
  const result = compileKnowledge([{ file: 'nato-race.yml', text }], readSource(source));
  return result.ok ? [] : result.problems;
}

/** The line (1-based) of the first occurrence of `needle` in the real file. */
function lineOf(needle: string): number {
  const at = yml.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return yml.slice(0, at).split('\n').length;
}

describe('the real knowledge folder', () => {
  it('is valid and cites every sentence of its article', () => {
    const result = checkKnowledgeDir(dir);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.knowledge.facts.length).toBeGreaterThan(30);
    for (const c of result.coverage) expect(c.uncited).toEqual([]);
  });

  it('reads the same with the fast parser as with the document model that knows line numbers', () => {
    // The loader reads with js-yaml and builds the yaml package's document only for problems.
    expect(loadYaml(yml, { schema: CORE_SCHEMA })).toEqual(parseDocument(yml, { uniqueKeys: true }).toJS());
  });

  it('reports a duplicate key with its line, as a YAML problem', () => {
    const text = yml.replace('sources:\n', 'sources:\nsources:\n');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        file: 'nato-race.yml',
        line: lineOf('\nsources:') + 1,
        message: expect.stringMatching(/^YAML syntax: .*unique/i),
      }),
    ]);
  });
});

describe('knowledge validation names file, path and line', () => {
  it('reports an evidence quote that is not verbatim in its source', () => {
    const original = 'Rutte argued at Munich that if Russia’s aggression';
    const problems = problemsOf(yml.replace(original, 'Rutte argued at Munich that if Russia’s invasion'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'nato-race.yml',
      path: expect.stringMatching(/^facts\[\d+\]\.evidence\[0\]\.quote$/),
      line: lineOf(original),
    });
    expect(problems[0]?.message).toMatch(/does not occur verbatim/);
  });

  it('hints at typographic apostrophes when a quote was typed with straight ones', () => {
    const problems = problemsOf(
      yml.replace('securing backing from the alliance’s', "securing backing from the alliance''s"),
    );
    expect(problems.some((p) => /typographic/.test(p.message))).toBe(true);
  });

  it('reports quotes that no longer match when the source article is altered', () => {
    const problems = problemsOf(yml, article.replace('aged 57', 'aged 58'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /does not occur verbatim/.test(p.message))).toBe(true);
  });

  it('reports a reference to an entity that does not exist', () => {
    const problems = problemsOf(yml.replace('subjects: [kallas]', 'subjects: [kalas]'));
    expect(problems).toEqual([
      {
        file: 'nato-race.yml',
        path: expect.stringMatching(/^facts\[\d+\]\.subjects\[0\]$/),
        line: lineOf('subjects: [kallas]'),
        message: 'unknown entity "kalas"',
      },
    ]);
  });

  it('reports a country that is no country', () => {
    const needle = 'name: the Munich Security Conference, country: germany';
    const problems = problemsOf(yml.replace(needle, 'name: the Munich Security Conference, country: rutte'));
    expect(problems).toEqual([
      {
        file: 'nato-race.yml',
        path: expect.stringMatching(/^entities\[\d+\]\.country$/),
        line: lineOf(needle),
        message: '"rutte" is not a country',
      },
    ]);
  });

  it('reports a duplicate id', () => {
    const problems = problemsOf(yml.replace('- id: kallas-profile', '- id: karins-profile'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(
      /duplicate fact id "karins-profile": nato-race\.yml facts\[\d+\]\.id has it too/,
    );
    expect(problems[0]?.line).toBe(lineOf('- id: kallas-profile'));
  });

  it('reports a date that has the shape of one but is not in the calendar', () => {
    const problems = problemsOf(yml.replace('as_of: 2024-02-22', 'as_of: 2024-02-30'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'sources[0].as_of', message: 'is not a date in the calendar' });
  });

  it('reports a schema error at its path', () => {
    const problems = problemsOf(yml.replace('kind: candidates', 'kind: rumours'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toMatch(/^facts\[\d+\]\.kind$/);
    expect(problems[0]?.line).toBe(lineOf('kind: candidates'));
  });

  it('reports a bad quote and a bad reference beside a schema error, and nothing about what the error left out', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'nato-all-')), 'knowledge');
    cpSync(dir, copy, { recursive: true });
    const original = 'Rutte argued at Munich that if Russia’s aggression';
    writeFileSync(
      join(copy, 'nato-race.yml'),
      yml
        // A schema error in one fact (the labelled questions that expect it are not reported)…
        .replace('kind: candidates', 'kind: rumours')
        // …and in one entity (the facts about Kallas are not reported as naming no one)…
        .replace(/(- id: kallas\n(?: {4}.*\n)*? {4})kind: person/, '$1kind: politician')
        // …while a quote in another fact no longer occurs in the article, and another fact
        // names no one known.
        .replace(original, 'Rutte argued at Munich that if Russia’s invasion')
        .replace('subjects: [karins]', 'subjects: [karinz]'),
    );
    const result = checkKnowledgeDir(copy);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.path.replace(/\[\d+\]/g, '[]')).sort()).toEqual([
      'entities[].kind',
      'facts[].evidence[].quote',
      'facts[].kind',
      'facts[].subjects[]',
    ]);
    expect(problems.find((p) => p.path.endsWith('subjects[0]'))?.message).toBe('unknown entity "karinz"');
    // A source that fails the schema is reported alone: its quotes are not checked against nothing.
    expect(problemsOf(yml.replace('as_of: 2024-02-22', 'as_of: 2024-02-30'))).toHaveLength(1);
  });

  it('reports a file it cannot read, or a list left empty, once: not every reference into it', () => {
    const withQuestions = (text: string): KnowledgeProblem[] => {
      const copy = join(mkdtempSync(join(tmpdir(), 'nato-unread-')), 'knowledge');
      cpSync(dir, copy, { recursive: true });
      writeFileSync(join(copy, 'nato-race.yml'), text);
      const result = checkKnowledgeDir(copy);
      return result.ok ? [] : result.problems;
    };
    // A syntax error: the labelled questions in the other file name facts it could not read.
    const syntax = withQuestions(yml.replace('subjects: [karins]', 'subjects: [karins'));
    expect(syntax).toHaveLength(1);
    expect(syntax[0]?.message).toMatch(/^YAML syntax/);
    // A list left empty: the facts' quotes have no source to be checked against, and their
    // subjects no entities to be found among.
    for (const list of ['sources', 'entities']) {
      const problems = withQuestions(yml.replace(`\n${list}:\n`, `\n${list}:\nunused_${list}:\n`));
      expect(problems.map((p) => p.message)).toEqual([
        'Invalid input: expected array, received null',
        `Unrecognized key: "unused_${list}"`,
      ]);
    }
    // A list under a misspelt key may hold anything: the facts the questions name, for one.
    expect(withQuestions(yml.replace('\nfacts:\n', '\nfact:\n')).map((p) => p.message)).toEqual([
      'Unrecognized key: "fact"',
    ]);
    // What was read is still checked: a country that is no country, beside an entity with no id.
    const needle = 'name: the Munich Security Conference, country: germany';
    const noCountry = withQuestions(
      yml
        .replace(needle, 'name: the Munich Security Conference, country: rutte')
        .replace('\nentities:\n', '\nentities:\n  - { kind: person, name: Nobody, aliases: [nobody] }\n'),
    );
    expect(noCountry.map((p) => p.message)).toContain('"rutte" is not a country');
  });

  it('reports a misspelt key on its own line, and a list at the line of its key', () => {
    // The first fact's evidence, its key misspelt: the list under it starts a line later.
    const at = yml.indexOf('\n    evidence:\n');
    const typo = `${yml.slice(0, at)}\n    evidance:\n${yml.slice(at + '\n    evidence:\n'.length)}`;
    const line = yml.slice(0, at + 1).split('\n').length;
    const problems = problemsOf(typo);
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'facts[0]', line, message: expect.stringMatching(/evidance/) }),
    );
  });

  it('reports a missing field at its parent', () => {
    const problems = problemsOf(
      yml.replace(/\n {4}answer: >-\n(?: {6}.*\n)+(?= {4}questions:\n {6}- who is mark rutte)/, '\n'),
    );
    expect(problems.some((p) => /^facts\[\d+\]\.answer$/.test(p.path) && p.line !== undefined)).toBe(true);
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf('facts:\n  - id: x\n   bad: [\n');
    expect(problems[0]?.message).toMatch(/^YAML syntax/);
    expect(problems[0]?.line).toBeGreaterThan(0);
  });

  it('reports a source file that does not exist', () => {
    const problems = problemsOf(
      yml.replace('file: sources/nato-secretary-general-race.txt', 'file: sources/gone.txt'),
    );
    expect(problems.some((p) => /not found/.test(p.message) && p.path === 'sources[0].file')).toBe(true);
  });

  it('reports a folder named like a knowledge file, and a source that names a folder, without throwing', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'nato-folders-')), 'knowledge');
    cpSync(dir, copy, { recursive: true });
    mkdirSync(join(copy, 'old.yml'));
    const file = join(copy, 'nato-race.yml');
    writeFileSync(file, yml.replace('file: sources/nato-secretary-general-race.txt', 'file: sources'));
    const result = checkKnowledgeDir(copy);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ file: join(copy, 'old.yml'), message: 'is a folder, not a file' }),
    );
    expect(problems.some((p) => p.path === 'sources[0].file' && /not a file/.test(p.message))).toBe(true);
  });

  it('reports a labelled question whose answer is no fact, with its line in the questions file', () => {
    const questions = [
      'labelled:',
      '  - set: a test set',
      '    questions:',
      '      - { q: "who backs rutte?", expect: rutte-backers }',
      '      - { q: "where is nato based?", expect: unknown }',
      '      - { q: "what are the key dates?", expect: timeline }',
      '      - { q: "who backs kallas?", expect: kallas-backers }',
      '',
    ].join('\n');
    const result = compileKnowledge(
      [
        { file: 'nato-race.yml', text: yml },
        { file: 'questions.yml', text: questions },
      ],
      readSource(article),
    );
    expect(result.ok ? [] : result.problems).toEqual([
      {
        file: 'questions.yml',
        path: 'labelled[0].questions[3].expect',
        line: 7,
        message: 'unknown fact "kallas-backers" (use a fact id, timeline, about, help, or unknown)',
      },
    ]);
  });

  it('keeps labelled questions by set, with the file they came from', () => {
    const questions =
      'labelled:\n  - set: first\n    questions:\n      - { q: "who backs rutte?", expect: rutte-backers }\n';
    const result = compileKnowledge(
      [
        { file: 'nato-race.yml', text: yml },
        { file: 'questions.yml', text: questions },
      ],
      readSource(article),
    );
    expect(result.ok && result.knowledge.labelled).toEqual([
      {
        name: 'first',
        file: 'questions.yml',
        questions: [{ q: 'who backs rutte?', expect: 'rutte-backers' }],
      },
    ]);
  });

  it('reports a labelled set with no questions', () => {
    const result = compileKnowledge(
      [
        { file: 'nato-race.yml', text: yml },
        { file: 'questions.yml', text: 'labelled:\n  - set: empty\n    questions: []\n' },
      ],
      readSource(article),
    );
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({ file: 'questions.yml', path: 'labelled[0].questions', line: 3 }),
    ]);
  });

  it('reports ids reserved for built-in answers, and for questions the sources do not answer', () => {
    const problems = problemsOf(yml.replace('- id: candidates', '- id: timeline'));
    expect(problems.some((p) => /reserved/.test(p.message))).toBe(true);
    const unknown = problemsOf(yml.replace('- id: candidates', '- id: unknown'));
    expect(unknown.some((p) => /"unknown" is reserved/.test(p.message))).toBe(true);
  });

  it('lists sentences that no fact cites', () => {
    const withExtra = `${article}\nA brand new sentence that nobody cites.\n`;
    const result = compileKnowledge([{ file: 'nato-race.yml', text: yml }], readSource(withExtra));
    expect(result.ok && result.coverage[0]?.uncited).toEqual(['A brand new sentence that nobody cites.']);
  });
});

describe('splitSentences', () => {
  it('splits sentences and skips headings', () => {
    expect(splitSentences('Title Line\nOne. Two? Three!\n').map((s) => s.sentence)).toEqual([
      'One.',
      'Two?',
      'Three!',
    ]);
  });

  it('keeps abbreviations, titles and initials inside their sentence', () => {
    const text =
      'Heading\nOn Feb. 22 the U.S. envoy met Mr. Rutte at 10 a.m. in Brussels. He said “yes.” Then Dr. J. Smith left!\n';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.sentence)).toEqual([
      'On Feb. 22 the U.S. envoy met Mr. Rutte at 10 a.m. in Brussels.',
      'He said “yes.”',
      'Then Dr. J. Smith left!',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.start + s.sentence.length)).toBe(s.sentence);
  });
});
