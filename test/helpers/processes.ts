/** Real bot processes (`tsx src/main.ts`), each with its own environment, logs kept as lines. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type DatabaseTarget, openDatabase } from '../../src/store/database.js';
import { digestStore } from '../../src/store/digest-store.js';
import { startPatienceMs } from './bot.js';
import { fakeWorkspace } from './fake-slack.js';

const root = resolve(import.meta.dirname, '..', '..');
// Node itself with tsx's loader, not the tsx CLI: the CLI runs a second process and does not pass
// every signal on (SIGHUP, which reloads the knowledge, would stop the CLI instead).
const tsxLoader = import.meta.resolve('tsx');

export interface BotProcess {
  child: ChildProcess;
  /** stdout and stderr lines, in order. */
  lines: string[];
  /**
   * The HTTP port, from the start-up log line (logged at LOG_LEVEL info or lower). Rejects if the
   * bot exits first or takes longer than `startPatienceMs`.
   */
  port: Promise<number>;
  /** Sends `signal`; resolves with the exit code and how long the exit took. */
  signal(signal: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];

export function startBotProcess(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', tsxLoader, join(root, 'src', 'main.ts')], {
    cwd: mkdtempSync(join(tmpdir(), 'nato-bot-cwd-')),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const lines: string[] = [];
  let onPort: (port: number) => void = () => undefined;
  const port = new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bot not listening after ${startPatienceMs} ms:\n${lines.join('\n')}`)),
      startPatienceMs,
    );
    timer.unref();
    onPort = (n) => {
      clearTimeout(timer);
      resolvePort(n);
    };
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited (${code}) before listening:\n${lines.join('\n')}`));
    });
  });
  port.catch(() => undefined);
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const m = /on port (\d+)/.exec(line);
        if (m?.[1]) onPort(Number(m[1]));
      }
    });
  }
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    lines,
    port,
    exited,
    async signal(signal) {
      const started = Date.now();
      child.kill(signal);
      const code = await exited;
      return { code, ms: Date.now() - started };
    },
  };
}

/** Kills whatever a test left running. */
export function killAll(): void {
  for (const c of running.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
}

/**
 * Subscribes channels to a digest due at 00:00 UTC from today, so a bot process started on this
 * database posts at its first tick. Returns today's date (UTC).
 */
export async function subscribeDueNow(target: DatabaseTarget, channels: string[]): Promise<string> {
  const db = await openDatabase(target);
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  for (const channelId of channels) {
    await digestStore(db).subscribe({
      teamId: fakeWorkspace.teamId,
      channelId,
      minutes: 0,
      zone: 'UTC',
      userId: fakeWorkspace.userId,
      startDate: today,
      now,
    });
  }
  await db.destroy();
  return today;
}
