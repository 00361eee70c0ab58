import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DatabaseTarget, openDatabase, parseDatabaseUrl } from '../../src/store/database.js';
import { digestStore, subscriptionId } from '../../src/store/digest-store.js';
import { startPatienceMs } from '../helpers/bot.js';

const root = resolve(import.meta.dirname, '..', '..');
const run = (command: string, args: string[], input = '', env: Record<string, string> = {}) =>
  spawnSync(command, args, {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: startPatienceMs,
    env: { ...process.env, ...env },
  });
const tsxBin = resolve(root, 'node_modules/.bin/tsx');
/** A stack trace's frames, which no message to a user should show. */
const stackFrame = /\n\s+at /;

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
      'who backs rutte\nwhat is for lunch?\n\nwho is kallas\nwho is karins\n',
    );
    expect(r.status).toBe(0);
    const answers = parseLines(r.stdout);
    expect(answers.map((a) => a.answered)).toEqual([true, false, false, true, true]);
    expect(answers[1]?.sources).toEqual([]);
    expect(answers[3]?.text).toContain('Kaja Kallas');
    // The editor's note the bot shows with the article's "former Lithuanian prime minister".
    expect(answers[4]?.text).toMatch(/Lithuanian[\s\S]*\nEditor’s note: .*Latvia/);
  });

  it('answers a line per line of input whatever ends it, so output lines up with input', () => {
    // A lone "\r" does not end a line; "\r\n" does, and so does the end of input.
    const r = run(
      tsxBin,
      ['src/cli/ask.ts', '--json'],
      'who backs rutte\rplease\nwho is kallas\r\n\nwho is kallas',
    );
    expect(r.status).toBe(0);
    const answers = parseLines(r.stdout);
    expect(answers).toHaveLength(4);
    expect(answers.map((a) => a.answered)).toEqual([true, true, false, true]);
  });

  it('answers an empty question given as an argument instead of waiting for input', () => {
    const r = run(tsxBin, ['src/cli/ask.ts', '--json', '']);
    expect(r.status).toBe(0);
    const answers = parseLines(r.stdout);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.answered).toBe(false);
    expect(answers[0]?.text).toMatch(/didn’t find a question/);
  });

  it('stops quietly when the reader of its output goes away', () => {
    const r = run('bash', [
      '-c',
      `yes 'who backs rutte' | head -3000 | ${tsxBin} src/cli/ask.ts --json | head -1; echo "exit \${PIPESTATUS[2]}"`,
    ]);
    const [first, exit] = r.stdout.trim().split('\n');
    expect((JSON.parse(first as string) as JsonAnswer).answered).toBe(true);
    expect(exit).toBe('exit 0');
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
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

  it('gives the usage for /nato alone, and says what is wrong with a digest command', () => {
    const r = run(tsxBin, ['src/cli/chat.ts'], '/nato\n/nato digest on 09:00 Mars/Olympus\n');
    expect(r.status).toBe(0);
    const replies = r.stdout.split('nato-bot> ').slice(1);
    expect(replies[0]).toContain('who-backs rutte');
    expect(replies[0]).toContain('timeline');
    expect(replies[1]).toContain('“Mars/Olympus” is not a time zone I know');
  });

  it.each(['exit', 'quit', '/quit', '/exit', 'EXIT'])('leaves on %j without answering it', (leave) => {
    const tsx = resolve(root, 'node_modules/.bin/tsx');
    const r = run(tsx, ['src/cli/chat.ts'], `who is kallas?\n${leave}\nwho backs rutte?\n`);
    expect(r.status).toBe(0);
    expect(r.stdout.split('nato-bot> ').slice(1)).toHaveLength(1);
  });

  it('stops quietly when the reader of its output goes away', () => {
    const r = run('bash', [
      '-c',
      `yes 'who backs rutte' | head -3000 | ${tsxBin} src/cli/chat.ts | head -1; echo "exit \${PIPESTATUS[2]}"`,
    ]);
    const [first, exit] = r.stdout.trim().split('\n');
    expect(first).toMatch(/^Ask about the race/);
    expect(exit).toBe('exit 0');
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
  });
});

describe('KNOWLEDGE_DIR', { timeout: 2 * startPatienceMs + 10_000 }, () => {
  it('is the folder knowledge:check and ask read, as the bot does', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nato-cli-knowledge-')), 'knowledge');
    cpSync(resolve(root, 'knowledge'), dir, { recursive: true });
    const file = join(dir, 'nato-race.yml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'Mark Rutte, aged 57, has publicly',
        'Mark Rutte, aged 58, has publicly',
      ),
    );
    const check = run(tsxBin, ['src/cli/knowledge-check.ts'], '', { KNOWLEDGE_DIR: dir });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/nato-race\.yml:\d+ facts\[\d+\]\.evidence\[\d+\]\.quote/);
    const ask = run(tsxBin, ['src/cli/ask.ts', 'who backs rutte'], '', { KNOWLEDGE_DIR: dir });
    expect(ask.status).toBe(1);
    expect(ask.stderr).toContain('nato-bot cannot start');
    expect(ask.stderr).not.toMatch(stackFrame);

    // Set in .env in the working folder, as for npm start.
    const work = mkdtempSync(join(tmpdir(), 'nato-cli-dotenv-'));
    writeFileSync(join(work, '.env'), `KNOWLEDGE_DIR=${dir}\n`);
    const { KNOWLEDGE_DIR: _unset, ...env } = process.env;
    const fromFile = spawnSync(tsxBin, [resolve(root, 'src/cli/knowledge-check.ts')], {
      cwd: work,
      encoding: 'utf8',
      timeout: startPatienceMs,
      env,
    });
    expect(fromFile.status).toBe(1);
    expect(fromFile.stderr).toContain(`Knowledge in ${dir} is invalid`);
  });
});

describe('the other scripts', { timeout: startPatienceMs + 10_000 }, () => {
  it('gives the usage for a missing question or command before reading any knowledge', () => {
    const nowhere = { KNOWLEDGE_DIR: join(tmpdir(), 'no-such-knowledge-folder') };
    const ask = run(tsxBin, ['src/cli/ask.ts'], '', nowhere);
    expect(ask.status).toBe(2);
    expect(ask.stderr).toContain('Give a question to ask.');
    const digest = run(tsxBin, ['src/cli/digest.ts', 'lits'], '', nowhere);
    expect(digest.status).toBe(2);
    expect(digest.stderr).toContain('Usage:');
  });

  it('lists every subscribed channel, paused ones with their reason', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'nato-digest-list-')), 'bot.sqlite');
    const db = await openDatabase(parseDatabaseUrl(path) as DatabaseTarget);
    const store = digestStore(db);
    const now = new Date('2026-06-01T08:00:00Z');
    for (const channelId of ['C0ACTIVE', 'C0PAUSED'])
      await store.subscribe({
        teamId: 'T1',
        channelId,
        minutes: 540,
        zone: 'UTC',
        userId: 'U1',
        startDate: '2026-06-01',
        now,
      });
    await store.setStatus(subscriptionId('T1', 'C0PAUSED'), 'paused', 'not_in_channel', now);
    await db.destroy();
    const r = run(tsxBin, ['src/cli/digest.ts', 'list'], '', { DATABASE_URL: path });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('T1 C0ACTIVE at 09:00 UTC\n');
    expect(r.stdout).toContain('T1 C0PAUSED at 09:00 UTC paused (not_in_channel)');
  });

  it.each([
    ['digest', ['src/cli/digest.ts', 'preview', '--zone']],
    ['report', ['src/cli/report.ts', '--tema', 'T1']],
  ])('%s explains a bad option with its usage, exit 2', (_name, args) => {
    const r = run(tsxBin, args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage:');
    expect(r.stderr).not.toMatch(stackFrame);
  });
});
