// @ts-check
// Bundles the extension, the language server, the CLI and the emulator with esbuild.
// TypeScript (the compiler API, ~9 MB) is its own file, dist/typescript.js, loaded only when a code document
// needs it, and web-tree-sitter's JavaScript is dist/web-tree-sitter.js, loaded with the first Python or PHP file:
// JSON users and server start-up never parse them.
//   node tools/build.mjs            development build (source maps)
//   node tools/build.mjs --production   minified, no source maps (what `npm run package` ships)
//   --outdir=<dir>                      somewhere else than dist/ (the protocol bench measures the shipped build)
import { build } from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);
const dist = outdir ? resolve(root, outdir) : join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

/**
 * Packages the bundles require lazily (TypeScript for code documents, web-tree-sitter for Python and PHP) are files of
 * their own beside them: `require('typescript')` becomes `require('./typescript.js')`, resolved at run time. So the
 * server reads and compiles neither at start-up, and a JSON user's server never does.
 */
const SIBLINGS = { typescript: 'typescript.js', 'web-tree-sitter': 'web-tree-sitter.js' };
/** @type {import('esbuild').Plugin} */
const lazyPackagesAsSiblings = {
  name: 'lazy-packages-as-siblings',
  setup(b) {
    b.onResolve({ filter: /^(typescript|web-tree-sitter)$/ }, (args) => ({ path: `./${SIBLINGS[/** @type {keyof typeof SIBLINGS} */ (args.path)]}`, external: true }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // vscode-languageserver/jsonc-parser ship UMD/ESM builds; prefer the ESM ones so esbuild can tree-shake them.
  mainFields: ['module', 'main'],
};

const entries = [
  { in: 'client/extension.ts', out: 'extension.js', external: ['vscode'] },
  // server.js only loads server-main.js through V8's code cache (server/boot.ts).
  { in: 'server/boot.ts', out: 'server.js' },
  { in: 'server/server.ts', out: 'server-main.js' },
  { in: 'cli/main.ts', out: 'cli.js', banner: '#!/usr/bin/env node' },
  { in: 'cli/worker.ts', out: 'cli-worker.js' },
  { in: 'emulator/main.ts', out: 'emulator.js', banner: '#!/usr/bin/env node' },
];

const results = await Promise.allSettled([
  ...entries
    .filter((entry) => existsSync(join(root, entry.in)))
    .map((entry) =>
      build({
        ...common,
        entryPoints: [join(root, entry.in)],
        outfile: join(dist, entry.out),
        external: entry.external ?? [],
        plugins: [lazyPackagesAsSiblings],
        banner: entry.banner ? { js: entry.banner } : undefined,
      }),
    ),
  build({
    ...common,
    entryPoints: [join(root, 'node_modules/typescript/lib/typescript.js')],
    outfile: join(dist, 'typescript.js'),
    sourcemap: false,
    minify: true,
  }),
  // The module the bundles used to hold inline (its ESM build, as `require` sees it there).
  build({
    ...common,
    stdin: { contents: "module.exports = require('web-tree-sitter');", resolveDir: root, sourcefile: 'web-tree-sitter-entry.js' },
    outfile: join(dist, 'web-tree-sitter.js'),
    sourcemap: false,
    minify: true,
  }),
]);
// Let every bundle finish, then report: one broken entry should not hide the state of the others.
const failed = results.filter((r) => r.status === 'rejected');
if (failed.length) {
  console.error(`build failed: ${failed.length} bundle(s) had errors (see above)`);
  process.exit(1);
}
// Python and PHP: web-tree-sitter's runtime and the two grammars, read by the server and the CLI from next to their
// bundles, only when a Python or PHP file comes (with web-tree-sitter's JavaScript, dist/web-tree-sitter.js).
const require = createRequire(import.meta.url);
const wasm = [
  [dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm'],
  [dirname(require.resolve('@vscode/tree-sitter-wasm')), 'tree-sitter-python.wasm'],
  [dirname(require.resolve('@vscode/tree-sitter-wasm')), 'tree-sitter-php.wasm'],
];
for (const [dir, file] of wasm) copyFileSync(join(dir, file), join(dist, file));
// The CLI is an npm `bin`: make it executable.
if (existsSync(join(dist, 'cli.js'))) chmodSync(join(dist, 'cli.js'), 0o755);
console.log(`built ${relative(root, dist) || '.'}/ (${production ? 'production' : 'development'})`);
