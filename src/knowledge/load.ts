import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { type CompileResult, compileKnowledge, formatProblem } from '../core/knowledge/compile.js';
import type { Knowledge, KnowledgeProblem, SentenceCoverage } from '../core/knowledge/types.js';

export const defaultKnowledgeDir = resolve(import.meta.dirname, '..', '..', 'knowledge');

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`invalid knowledge:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

/** Reads every *.yml file in the folder and the articles they cite. */
export function checkKnowledgeDir(dir: string): CompileResult {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    return {
      ok: false,
      problems: [{ file: root, path: '', line: undefined, message: 'knowledge folder not found' }],
    };
  }
  const files = readdirSync(root)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
  const readSource = (file: string): string | undefined => {
    const path = resolve(root, file);
    // A source must live inside the knowledge folder, so a clone carries everything it needs.
    if (!path.startsWith(root + sep) || !existsSync(path)) return undefined;
    return readFileSync(path, 'utf8');
  };
  return compileKnowledge(files, readSource);
}

export function loadKnowledge(dir: string = defaultKnowledgeDir): {
  knowledge: Knowledge;
  coverage: SentenceCoverage[];
} {
  const result = checkKnowledgeDir(dir);
  if (!result.ok) throw new KnowledgeError(result.problems);
  return { knowledge: result.knowledge, coverage: result.coverage };
}
