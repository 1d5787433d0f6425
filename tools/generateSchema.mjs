// Writes schemas/idenfy-token-request.schema.json from the rule tables (core/rules/fields.ts, via tools/schema.ts).
//   node tools/generateSchema.mjs          write the file
//   node tools/generateSchema.mjs --check  exit 1 if the committed file differs (for CI)
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

// The schema's source is TypeScript: bundle it in memory and load it as a CommonJS module.
const bundled = await build({
  entryPoints: [join(root, 'tools/schema.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const { publishedSchemaText, SCHEMA_PATH } = module.exports;

const target = join(root, SCHEMA_PATH);
const text = publishedSchemaText();
if (check) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: reported below
  }
  if (current !== text) {
    console.error(`${SCHEMA_PATH} is out of date: run node tools/generateSchema.mjs`);
    process.exit(1);
  }
  console.log(`${SCHEMA_PATH} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${SCHEMA_PATH}`);
}
