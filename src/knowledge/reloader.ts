import { createEngineInSteps, type Engine } from '../core/engine.js';
import type { KnowledgeProblem } from '../core/knowledge/types.js';
import { inTurns } from './in-turns.js';
import { checkKnowledgeDir } from './load.js';

export type ReloadResult =
  | { ok: true; facts: number; added: string[]; removed: string[] }
  | { ok: false; problems: KnowledgeProblem[] };

export interface KnowledgeHolder {
  /** The engine answering now. */
  engine(): Engine;
  /**
   * Reads and validates the knowledge folder exactly as at start-up. A valid one replaces the
   * engine; an invalid one changes nothing, and its problems are returned.
   */
  reload(): Promise<ReloadResult>;
}

export function knowledgeHolder(
  dir: string,
  initial: Engine,
  onLoaded: (engine: Engine) => Promise<void> = async () => undefined,
): KnowledgeHolder {
  let current = initial;
  let pending: Promise<ReloadResult> | undefined;
  const load = async (): Promise<ReloadResult> => {
    const result = checkKnowledgeDir(dir);
    if (!result.ok) return { ok: false, problems: result.problems };
    // The model learns in steps, between which Slack's requests are answered.
    const next = await inTurns(createEngineInSteps(result.knowledge));
    const before = new Set(current.knowledge.facts.map((f) => f.id));
    const after = new Set(next.knowledge.facts.map((f) => f.id));
    await onLoaded(next);
    current = next;
    return {
      ok: true,
      facts: after.size,
      added: [...after].filter((id) => !before.has(id)),
      removed: [...before].filter((id) => !after.has(id)),
    };
  };
  return {
    engine: () => current,
    reload() {
      // Two reloads at once (a command and a SIGHUP) share one read of the files.
      pending ??= load().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
