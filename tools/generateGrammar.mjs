// @ts-check
// Writes syntaxes/idenfy-errors.injection.tmLanguage.json from the error catalogue (core/rules/errors.ts).
//   node tools/generateGrammar.mjs          write the file
//   node tools/generateGrammar.mjs --check  exit 1 if the committed file differs (for CI)
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

// The grammar's source is TypeScript: bundle it in memory and load it as a CommonJS module.
const bundled = await build({
  entryPoints: [join(root, 'core/features/grammar.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const { errorIdentifierGrammarText, GRAMMAR_PATH } = module.exports;

const target = join(root, GRAMMAR_PATH);
const text = errorIdentifierGrammarText();
if (check) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: reported below
  }
  if (current !== text) {
    console.error(`${GRAMMAR_PATH} is out of date: run node tools/generateGrammar.mjs`);
    process.exit(1);
  }
  console.log(`${GRAMMAR_PATH} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${GRAMMAR_PATH}`);
}
