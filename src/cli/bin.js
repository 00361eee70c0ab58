#!/usr/bin/env node
// The `nato-bot` command: `nato-bot ask "who backs rutte"`, `nato-bot chat`, `nato-bot check`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = { ask: 'ask.ts', chat: 'chat.ts', check: 'knowledge-check.ts', start: '../main.ts' };
const [name = 'chat', ...rest] = process.argv.slice(2);
const script = scripts[name];
if (!script) {
  console.error(`Unknown command "${name}". Use one of: ${Object.keys(scripts).join(', ')}.`);
  process.exit(2);
}
const tsx = join(here, '..', '..', 'node_modules', '.bin', 'tsx');
const result = spawnSync(tsx, [join(here, script), ...rest], { stdio: 'inherit' });
process.exit(result.status ?? 1);
