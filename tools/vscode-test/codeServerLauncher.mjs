#!/usr/bin/env node
// @ts-check
// A stand-in for the `code` executable that @vscode/test-electron launches: give its path (or that of the shell
// wrapper `codeServerLauncher` beside it, which pins the Node to use) as `runTests({ vscodeExecutablePath })`.
// It takes the arguments test-electron passes to desktop VS Code and runs the tests the way runTests.mjs does:
// code-server 4.100.3 (VS Code 1.100.3) + Debian's headless Chromium driven by playwright-core, the test output
// arriving through the workbench's codeAutomationLog hook and the exit code through codeAutomationExit. It exits
// with the tests' exit code (2 when the harness itself failed), which test-electron reports as the run's result.
//
// Arguments understood (both `--name value` and `--name=value`):
//   [workspace]                      the first plain argument: folder or .code-workspace file to open
//   --extensionDevelopmentPath DIR   (repeatable) extension folder(s) loaded in development mode
//   --extensionTestsPath FILE|DIR    module (or folder with index.js) exporting run(), run in the extension host
//   --user-data-dir DIR              profile folder; User/settings.json in it is kept, quiet test defaults under it
//   --extensions-dir DIR             installed extensions
//   --disable-extensions             installed extensions are not loaded (development ones are)
//   --install-extension VSIX         (repeatable) install into --extensions-dir and exit, as `code --install-extension`
//   --version                        print the VS Code version inside code-server and exit
// Desktop-only switches test-electron always adds (--no-sandbox, --disable-gpu-sandbox, --disable-updates,
// --skip-welcome, --skip-release-notes, --disable-workspace-trust) and other unknown switches are accepted and
// ignored (shown with VSCODE_TEST_VERBOSE=1).
//
// Environment (test-electron's extensionTestsEnv arrives here, and from here in the extension host):
//   E2E_UI_BRIDGE=start        start the UI bridge (uiBridge.mjs) on the workbench page; the tests then find its
//                              address in E2E_UI_BRIDGE
//   VSCODE_TEST_TIMEOUT=SEC    whole-run limit (default 600)
//   VSCODE_TEST_SCREENSHOT_DIR where to save a screenshot of the workbench when the run fails
//   VSCODE_TEST_VERBOSE=1, VSCODE_TEST_KEEP=1, VSCODE_TEST_CHROMIUM=/path: as for runTests.mjs

import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CODE_SERVER_VERSION, VSCODE_VERSION } from './install.mjs';
import { HarnessError, installExtension, runTests } from './runTests.mjs';
import { createUiBridge } from './uiBridge.mjs';

/** Switches that take a value; every other `--switch` is a flag. */
const WITH_VALUE = new Set([
  'extensionDevelopmentPath',
  'extensionTestsPath',
  'user-data-dir',
  'extensions-dir',
  'install-extension',
  'uninstall-extension',
  'folder-uri',
  'file-uri',
  'locale',
  'log',
  'sync',
  'profile',
  'category',
]);
/** Switches this launcher acts on; the others are accepted and ignored. */
const USED = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'install-extension', 'disable-extensions', 'version', 'help', 'force']);

/**
 * @typedef {object} LauncherArgs
 * @property {string[]} positional
 * @property {Map<string, string[]>} values  switch name -> values, in order
 * @property {Set<string>} flags
 * @property {string[]} ignored             switches accepted but without effect here
 */

/** @param {string[]} argv @returns {LauncherArgs} */
export function parseLauncherArgs(argv) {
  /** @type {LauncherArgs} */
  const parsed = { positional: [], values: new Map(), flags: new Set(), ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') parsed.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (WITH_VALUE.has(name)) {
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new HarnessError(`${arg} wants a value`);
      if (!USED.has(name)) parsed.ignored.push(`--${name}=${value}`);
      parsed.values.set(name, [...(parsed.values.get(name) ?? []), value]);
    } else {
      parsed.flags.add(name);
      if (!USED.has(name)) parsed.ignored.push(arg);
    }
  }
  return parsed;
}

const USAGE = `Usage: codeServerLauncher [workspace] --extensionTestsPath FILE --extensionDevelopmentPath DIR
         [--user-data-dir DIR] [--extensions-dir DIR] [--disable-extensions]
       codeServerLauncher --install-extension FILE.vsix --extensions-dir DIR [--user-data-dir DIR]
       codeServerLauncher --version
The executable @vscode/test-electron's runTests({ vscodeExecutablePath }) launches: see the comment at the top of
tools/vscode-test/codeServerLauncher.mjs.`;

/** @param {string[]} argv @returns {Promise<number>} the exit code */
export async function main(argv) {
  const args = parseLauncherArgs(argv);
  const one = (/** @type {string} */ name) => args.values.get(name)?.at(-1);
  const verbose = process.env.VSCODE_TEST_VERBOSE === '1';
  if (verbose && args.ignored.length) console.error(`[launcher] ignored: ${args.ignored.join(' ')}`);

  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.flags.has('version')) {
    // As `code --version` prints it: version, commit, architecture.
    console.log(`${VSCODE_VERSION}\ncode-server-${CODE_SERVER_VERSION}\n${process.arch}`);
    return 0;
  }
  const userDataDir = one('user-data-dir');
  const extensionsDir = one('extensions-dir');

  const vsixes = args.values.get('install-extension') ?? [];
  if (vsixes.length) {
    if (!extensionsDir || !userDataDir) throw new HarnessError('--install-extension needs --extensions-dir and --user-data-dir (no machine-wide install here)');
    for (const vsix of vsixes) console.log(await installExtension({ vsix, extensionsDir, userDataDir }));
    return 0;
  }

  const extensionTestsPath = one('extensionTestsPath');
  if (!extensionTestsPath) throw new HarnessError(`--extensionTestsPath is required\n\n${USAGE}`);
  if (args.positional.length > 1) throw new HarnessError(`one workspace only, got ${args.positional.join(' ')}`);

  const timeout = process.env.VSCODE_TEST_TIMEOUT;
  const timeoutMs = timeout ? Number(timeout) * 1000 : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new HarnessError(`VSCODE_TEST_TIMEOUT wants seconds, got ${timeout}`);
  const screenshotDir = process.env.VSCODE_TEST_SCREENSHOT_DIR || undefined;

  const bridge = process.env.E2E_UI_BRIDGE === 'start' ? createUiBridge({ screenshotDir }) : undefined;
  try {
    /** @type {Record<string, string>} */
    const extensionTestsEnv = {};
    if (bridge) extensionTestsEnv.E2E_UI_BRIDGE = await bridge.listen();
    return await runTests({
      extensionDevelopmentPath: args.values.get('extensionDevelopmentPath') ?? [],
      extensionTestsPath,
      workspacePath: args.positional[0],
      userDataDir,
      extensionsDir,
      disableExtensions: args.flags.has('disable-extensions'),
      extensionTestsEnv,
      onPage: bridge ? async (page) => bridge.attach(page) : undefined,
      timeoutMs,
      screenshotDir,
    });
  } finally {
    await bridge?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      const expected = err instanceof HarnessError;
      console.error(`[launcher] ${expected ? '' : 'unexpected error: '}${expected ? err.message : (err?.stack ?? err)}`);
      process.exitCode = 2;
    },
  );
}
