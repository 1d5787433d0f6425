// @ts-check
// The one mechanism behind the generators (grammar, schema, rules reference): bundle a TypeScript module in memory,
// ask it for the text and the path it belongs at, then write the file, or with --check exit 1 when the committed one
// differs (for CI and the freshness tests).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ source: string, textExport: string, pathExport: string, command: string }} o
 *   source: the TypeScript module, relative to the repository root; textExport: its function returning the text;
 *   pathExport: its constant naming the target file; command: what to run when the file is stale.
 */
export async function generateFile({ source, textExport, pathExport, command }) {
  const bundled = await build({ entryPoints: [join(root, source)], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
  /** @type {{ exports: Record<string, any> }} */
  const module = { exports: {} };
  new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const relative = module.exports[pathExport];
  const target = join(root, relative);
  const text = module.exports[textExport]();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing: reported below
    }
    if (current !== text) {
      console.error(`${relative} is out of date: run ${command}`);
      process.exit(1);
    }
    console.log(`${relative} is up to date`);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`wrote ${relative}`);
  }
}
