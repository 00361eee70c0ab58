import type { Readiness } from './slack/app.js';

export interface ReadinessInputs {
  /** False once shutdown has begun. */
  accepting: boolean;
  pingDatabase: () => Promise<boolean>;
  lastTickAt: () => Date | undefined;
  tickSeconds: number;
  now: () => Date;
}

/**
 * Ready: taking work, the database answers, and the scheduler made progress lately (finished a
 * tick, or a channel within a long one; within three ticks, and never less than a minute).
 */
export async function readiness(i: ReadinessInputs): Promise<Readiness> {
  const last = i.lastTickAt();
  const maxAgeMs = Math.max(3 * i.tickSeconds, 60) * 1000;
  const ticked = last !== undefined && i.now().getTime() - last.getTime() <= maxAgeMs;
  const checks = {
    accepting: i.accepting ? 'ok' : 'shutting down',
    database: (await i.pingDatabase()) ? 'ok' : 'unreachable',
    scheduler: ticked ? 'ok' : last ? `last tick at ${last.toISOString()}` : 'no tick yet',
  };
  return { ok: Object.values(checks).every((c) => c === 'ok'), checks };
}
