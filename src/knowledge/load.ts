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
  const unreadable: KnowledgeProblem[] = [];
  const files: { file: string; text: string }[] = [];
  for (const file of readdirSync(root)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const text = readText(join(root, file));
    if (typeof text === 'string') files.push({ file, text });
    else unreadable.push({ file: join(root, file), path: '', line: undefined, message: text.problem });
  }
  const readSource = (file: string): string | undefined => {
    const path = resolve(root, file);
    // A source must live inside the knowledge folder, so a clone carries everything it needs.
    if (!path.startsWith(root + sep) || !existsSync(path)) return undefined;
    const text = readText(path);
    return typeof text === 'string' ? text : undefined;
  };
  const result = compileKnowledge(files, readSource);
  if (unreadable.length === 0) return result;
  return { ok: false, problems: [...unreadable, ...(result.ok ? [] : result.problems)] };
}

/** A file's text, or why it cannot be read: a folder named like a file, or no permission to read. */
function readText(path: string): string | { problem: string } {
  try {
    if (!statSync(path).isFile()) return { problem: 'is a folder, not a file' };
    return readFileSync(path, 'utf8');
  } catch (error) {
    return {
      problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
}

export function loadKnowledge(dir: string = defaultKnowledgeDir): {
  knowledge: Knowledge;
  coverage: SentenceCoverage[];
} {
  const result = checkKnowledgeDir(dir);
  if (!result.ok) throw new KnowledgeError(result.problems);
  return { knowledge: result.knowledge, coverage: result.coverage };
}
