/**
 * Test index for the end-to-end tests, following @vscode/test-electron's convention: the editor loads the
 * module given as `extensionTestsPath` inside the extension host and awaits its exported `run()`;
 * resolving means success (exit code 0), rejecting means failure (exit code 1).
 * tools/vscode-test/runTests.mjs starts that editor (code-server + headless Chromium).
 *
 * CONVENTION (where the tests must be):
 *   index:   test/e2e/harness/mochaIndex.ts        -> compiled to out/test/e2e/harness/mochaIndex.js
 *   suites:  test/e2e/harness/suite/**\/*.e2e.ts    -> compiled to out/test/e2e/harness/suite/**\/*.e2e.js
 *   i.e. every `*.e2e.js` file below the folder `suite/` next to the compiled index is loaded, in sorted
 *   path order. Source maps, `.d.ts` and other `.js` files there are ignored (helpers may live beside tests).
 *   The `.e2e.js` suffix keeps them out of `node --test "out/test/core/**\/*.test.js"`: these tests need the
 *   editor (`require('vscode')`) and cannot run under plain Node.
 *
 * Mocha: TDD interface by default (`suite`, `test`, `suiteSetup`, `setup`, ...; globals typed by
 * @types/mocha), 60 s per-test timeout, no colours (the output is forwarded as text through the workbench).
 *
 * Environment (set with runTests.mjs `--env KEY=VALUE` or runTests({ extensionTestsEnv })), all optional:
 *   E2E_MOCHA_UI    `tdd` (default) or `bdd` (`describe`/`it`)
 *   E2E_MOCHA_GREP  only run tests whose full title matches this regular expression
 *   E2E_SUITE_DIR   load `*.e2e.js` from this folder instead of `suite/` next to this file
 *
 * At the end it prints "e2e: N passed, N failed[, N skipped]" alone on a line, so that a CI that reads
 * closing lines can count the tests; the exit code is what decides.
 */
import fs = require('node:fs');
import path = require('node:path');
import Mocha = require('mocha');

export interface RunOptions {
  /** Folder searched (recursively) for `*.e2e.js` files. Default: `suite/` next to the compiled index. */
  suiteDir?: string;
  ui?: 'tdd' | 'bdd';
  /** Per-test timeout in ms (default 60 000). */
  timeout?: number;
  grep?: string;
}

/** All `*.e2e.js` files below `dir`, sorted so the order is the same on every machine. */
function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && entry.name.endsWith('.e2e.js')) found.push(p);
    }
  };
  walk(dir);
  return found.sort();
}

export function runMocha(options: RunOptions = {}): Promise<void> {
  const suiteDir = path.resolve(options.suiteDir ?? process.env.E2E_SUITE_DIR ?? path.join(__dirname, 'suite'));
  const ui = options.ui ?? (process.env.E2E_MOCHA_UI === 'bdd' ? 'bdd' : 'tdd');
  const grep = options.grep ?? process.env.E2E_MOCHA_GREP;

  const mocha = new Mocha({ ui, timeout: options.timeout ?? 60_000, color: false, ...(grep ? { grep } : {}) });

  if (!fs.existsSync(suiteDir)) {
    return Promise.reject(new Error(`e2e: test folder not found: ${suiteDir}`));
  }
  const files = findTestFiles(suiteDir);
  if (files.length === 0) {
    // An empty run must not look like a green one.
    return Promise.reject(new Error(`e2e: no *.e2e.js files under ${suiteDir}`));
  }
  for (const f of files) mocha.addFile(f);

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        console.log(`e2e: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(new Error(`e2e: ${failures} test(s) failed`));
        else if (passes === 0) reject(new Error('e2e: no test ran (check E2E_MOCHA_GREP)'));
        else resolve();
      });
    } catch (err) {
      // A test file that throws while loading (syntax error, missing module) lands here.
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/** Entry point called by the editor's extension host (`extensionTestsPath`). */
export function run(): Promise<void> {
  return runMocha();
}
