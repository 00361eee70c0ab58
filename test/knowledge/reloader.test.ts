import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import { inTurns } from '../../src/knowledge/in-turns.js';
import { defaultKnowledgeDir, loadKnowledge } from '../../src/knowledge/load.js';
import { knowledgeHolder } from '../../src/knowledge/reloader.js';

describe('reloading the knowledge', () => {
  const { knowledge } = loadKnowledge();

  it('gives other work its turn while the new model learns, and then answers as a fresh start would', async () => {
    const holder = knowledgeHolder(defaultKnowledgeDir, createEngine({ ...knowledge, labelled: [] }));
    let turns = 0;
    let reloading = true;
    const tick = (): void => {
      if (!reloading) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const result = await holder.reload();
    reloading = false;
    expect(result.ok).toBe(true);
    // Learning takes about a second; answers could be served between its steps.
    expect(turns).toBeGreaterThan(10);
    const fresh = createEngine(knowledge);
    for (const q of [
      'who backs rutte?',
      'whats the latest on stoltenbergs succession',
      'where is nato based?',
    ]) {
      expect(holder.engine().ask(q)).toEqual(fresh.ask(q));
    }
  });

  it('runs work written as steps to its end, yielding to the event loop between slices', async () => {
    let clock = 0;
    function* steps(): Generator<void, string> {
      for (let i = 0; i < 5; i++) yield;
      return 'done';
    }
    let ranBetween = false;
    setImmediate(() => {
      ranBetween = true;
    });
    // Each reading of the clock is 10 ms later: every step ends a slice.
    expect(await inTurns(steps(), () => (clock += 10))).toBe('done');
    expect(ranBetween).toBe(true);
  });
});
