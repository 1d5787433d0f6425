#!/usr/bin/env node
// @ts-check
// `npm run lint`: ESLint, Prettier's check and the type check of the JavaScript tools, all three even when one fails
// (so one run shows everything), exiting non-zero when any failed.
//   eslint .                      eslint.config.mjs (typescript-eslint recommended + the layer rules)
//   prettier --check .            .prettierrc.json / .prettierignore (`npm run format` rewrites)
//   tsc -p tools/tsconfig.json    tools/**/*.mjs and the root configs, `// @ts-check`ed
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** @param {string} name */
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

const steps = [
  ['eslint', [bin('eslint'), '.']],
  ['prettier', [bin('prettier'), '--check', '.']],
  ['tsc (tools)', [bin('tsc'), '-p', 'tools/tsconfig.json']],
];
/** @type {string[]} */
const failed = [];
for (const [name, [cmd, ...args]] of /** @type {[string, string[]][]} */ (steps)) {
  console.log(`[lint] ${name}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) failed.push(name);
}
console.log(failed.length ? `[lint] FAILED: ${failed.join(', ')}` : '[lint] all passed');
process.exitCode = failed.length ? 1 : 0;
