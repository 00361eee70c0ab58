import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPatienceMs } from '../helpers/bot.js';

const root = resolve(import.meta.dirname, '..', '..');
const run = (command: string, args: string[], input = '') =>
  spawnSync(command, args, { cwd: root, input, encoding: 'utf8', timeout: startPatienceMs });

interface JsonAnswer {
  answered: boolean;
  text: string;
  confidence: number;
  sources: { quote: string }[];
  suggestions: string[];
}

function parseLines(stdout: string): JsonAnswer[] {
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as JsonAnswer);
}

describe('npm run ask', { timeout: startPatienceMs + 10_000 }, () => {
  it('prints exactly one JSON object with --json, nothing else on stdout', () => {
    const r = run('npm', ['run', 'ask', '--', '--json', 'who backs rutte']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] as string) as JsonAnswer;
    expect(Object.keys(answer).sort()).toEqual(['answered', 'confidence', 'sources', 'suggestions', 'text']);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('United States');
    expect(answer.text).not.toMatch(/[*<>]/);
    expect(answer.sources.length).toBeGreaterThan(0);
    expect(typeof answer.confidence).toBe('number');
  });

  it('reads one question per line from stdin and answers each in order', () => {
    const tsx = resolve(root, 'node_modules/.bin/tsx');
    const r = run(
      tsx,
      ['src/cli/ask.ts', '--json'],
      'who backs rutte\nwhat is for lunch?\n\nwho is kallas\n',
    );
    expect(r.status).toBe(0);
    const answers = parseLines(r.stdout);
    expect(answers.map((a) => a.answered)).toEqual([true, false, false, true]);
    expect(answers[1]?.sources).toEqual([]);
    expect(answers[3]?.text).toContain('Kaja Kallas');
  });

  it('prints the answer with its evidence as plain text', () => {
    const tsx = resolve(root, 'node_modules/.bin/tsx');
    const r = run(tsx, ['src/cli/ask.ts', 'who-is karins']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('“…former Lithuanian prime minister Krisjanis Karins…”');
    expect(r.stdout).toContain('Editor’s note: Kariņš was prime minister of Latvia');
  });
});

describe('npm run chat', { timeout: startPatienceMs + 10_000 }, () => {
  it('answers what you would type in Slack, line by line', () => {
    const tsx = resolve(root, 'node_modules/.bin/tsx');
    const r = run(tsx, ['src/cli/chat.ts'], '/nato who-backs rutte\nwho is kallas?\nexit\n');
    expect(r.status).toBe(0);
    const replies = r.stdout.split('nato-bot> ').slice(1);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain('United Kingdom');
    expect(replies[1]).toContain('Estonia');
  });

  it('reads a follow-up with the question before it', () => {
    const tsx = resolve(root, 'node_modules/.bin/tsx');
    const r = run(tsx, ['src/cli/chat.ts'], 'does germany back rutte?\nwho said that?\n');
    expect(r.status).toBe(0);
    const replies = r.stdout.split('nato-bot> ').slice(1);
    expect(replies[1]).toContain(
      '(Read with your previous question: “does germany back rutte — who said that”)',
    );
    expect(replies[1]).toContain('Hebestreit');
  });

  it.each(['exit', 'quit', '/quit', '/exit', 'EXIT'])('leaves on %j without answering it', (leave) => {
    const tsx = resolve(root, 'node_modules/.bin/tsx');
    const r = run(tsx, ['src/cli/chat.ts'], `who is kallas?\n${leave}\nwho backs rutte?\n`);
    expect(r.status).toBe(0);
    expect(r.stdout.split('nato-bot> ').slice(1)).toHaveLength(1);
  });
});
