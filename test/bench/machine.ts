import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** CPU, cores, memory and Node version, so figures from different machines are not compared blindly. */
export function describeMachine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = (totalmem() / 1024 ** 3).toFixed(0);
  return `${cpu}, ${availableParallelism()} cores, ${gib} GiB RAM; Node ${process.version} (${process.platform}-${process.arch})`;
}

/**
 * The engine is being changed while these figures are taken: name the commit and a hash of the
 * source files actually measured, so a figure can be tied to a version of src/.
 */
export function describeSource(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(join(root, 'src'));
  let commit = 'unknown commit';
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src', 'knowledge') !== '';
    commit = `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes to src/ or knowledge/' : ''}`;
  } catch {
    // Not a git checkout: the hash alone identifies the source.
  }
  return `src/ ${commit}, sha256 ${hash.digest('hex').slice(0, 12)}`;
}
