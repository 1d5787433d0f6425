// Writes docs/rules.md, the rules reference, from the rule tables in core/rules/ (via tools/rulesDoc.ts).
//   node tools/generateDocs.mjs          write the file
//   node tools/generateDocs.mjs --check  exit 1 if the committed file differs (for CI)
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

// The document's source is TypeScript: bundle it in memory and load it as a CommonJS module.
const bundled = await build({
  entryPoints: [join(root, 'tools/rulesDoc.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const { rulesDocText, RULES_DOC_PATH } = module.exports;

const target = join(root, RULES_DOC_PATH);
const text = rulesDocText();
if (check) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: reported below
  }
  if (current !== text) {
    console.error(`${RULES_DOC_PATH} is out of date: run npm run generate:docs`);
    process.exit(1);
  }
  console.log(`${RULES_DOC_PATH} is up to date`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${RULES_DOC_PATH}`);
}
