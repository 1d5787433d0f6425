#!/usr/bin/env node
// @ts-check
// Runs extension tests in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) with Debian's Chromium,
// driven by playwright-core, fully offline. See shared/e2e/README.md for why it is done this way:
// desktop VS Code / Electron cannot be downloaded here, code-server comes from the npm registry.
//
// What happens in one run:
//   1. ensureInstalled() (tools/vscode-test/install.mjs; cheap when cached in .vscode-test/).
//   2. A temp folder with user-data (User/settings.json = defaults + extraSettings), extensions and XDG dirs.
//   3. Optionally `code-server --install-extension x.vsix` into that extensions dir.
//   4. code-server on 127.0.0.1:0 in its own process group; the port is read from its log.
//   5. Headless Chromium opens the workbench URL. code-server rejects --extensionDevelopmentPath and
//      --extensionTestsPath, so both travel in the URL's `payload` instead (as vscode-remote:// URIs).
//   6. The workbench forwards the extension host's console to window.codeAutomationLog (printed here as it
//      arrives) and the test exit code to window.codeAutomationExit (the hooks @vscode/test-web uses).
//   7. Always: close the browser, kill code-server's whole process group, remove the temp folder.
//
// API:  import { runTests } from './tools/vscode-test/runTests.mjs';
//       const code = await runTests({ extensionDevelopmentPath, extensionTestsPath, workspacePath, ... });
//       Resolves with the tests' exit code (0 = all passed); rejects on harness failures (code-server or
//       chromium not starting, timeout), with the last lines of code-server's output in the message.
// CLI:  node tools/vscode-test/runTests.mjs --help

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, parseArgs } from 'node:util';
import { CODE_SERVER_QUIET_ARGS, CODE_SERVER_VERSION, ensureInstalled, REPO_ROOT, VSCODE_VERSION } from './install.mjs';

// Settings written to the temp user-data dir before extraSettings: keep the window quiet and offline.
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
};

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Keep renderer timers running at full speed although nothing is visible.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
];

// The same hook also carries the workbench's own info log; these lines are routine and hidden
// (all of them show with --verbose). Extension-host output has no prefix to tell it apart, hence a list.
const WORKBENCH_NOISE = new RegExp(
  '^(' +
    [
      'Resolving connection token',
      'Resolved connection token',
      'Creating a socket',
      '\\[Service Worker\\]',
      'Ignoring fetching additional builtin extensions',
      'Updating additional builtin extensions cache',
      'ChatSessionStore:',
      'Started local extension host',
      'Extension host .* started',
    ].join('|') +
    ')',
);

const CODE_SERVER_START_TIMEOUT_MS = 60_000;
const INSTALL_VSIX_TIMEOUT_MS = 120_000;
const BROWSER_LAUNCH_TIMEOUT_MS = 60_000;
const WORKBENCH_READY_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 10_000;
const TAIL_LINES = 40;

/** Keeps the last N lines of a process's output for error messages. */
class Tail {
  constructor(max = 400) {
    this.max = max;
    /** @type {string[]} */
    this.lines = [];
    this.partial = '';
  }
  /** @param {string | Buffer} chunk */
  push(chunk) {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  text(n = TAIL_LINES) {
    return [...this.lines, this.partial].filter(Boolean).slice(-n).join('\n');
  }
}

export class HarnessError extends Error {}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new HarnessError(`${what} timed out after ${Math.round(ms / 1000)}s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** vscode-remote URI for a path on the code-server host: what the workbench's payload expects. */
function remoteUri(authority, absPath) {
  return `vscode-remote://${authority}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

/** The environment for code-server and so for the extension host (which inherits it). */
function codeServerEnv(tmp, extensionTestsEnv) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    // VSCODE_IPC_HOOK_CLI & co. (set when started from a VS Code terminal) would make code-server hand
    // the folder to that other instance; PORT overrides --bind-addr.
    // (VSCODE_TEST_OPTIONS stays: @vscode/test-cli's runner reads its mocha options from it in the extension host.)
    if ((k.startsWith('VSCODE_') && k !== 'VSCODE_TEST_OPTIONS') || k === 'ELECTRON_RUN_AS_NODE' || k === 'PORT' || k === 'PASSWORD' || k === 'HASHED_PASSWORD') delete env[k];
  }
  Object.assign(env, {
    EXTENSIONS_GALLERY: '{}', // no marketplace: offline, and nothing gets auto-installed
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    XDG_STATE_HOME: path.join(tmp, 'xdg-state'),
    // The extension host leaves sockets (vscode-ipc-*.sock) and folders (vscode-typescript*) in the temp
    // dir; keep them in ours so they go away with it.
    TMPDIR: path.join(tmp, 'tmp'),
    ...extensionTestsEnv,
  });
  return env;
}

function killGroup(child, signal) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* group already gone */
  }
}

/**
 * Starts code-server and resolves with { child, baseUrl, authority } once it listens.
 * @param {{ entry: string, tmp: string, dirs: ProfileDirs, env: NodeJS.ProcessEnv, tail: Tail, verbose: boolean, workspacePath?: string }} o
 * @returns {Promise<{ child: import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>, baseUrl: string, authority: string }>}
 */
function startCodeServer({ entry, tmp, dirs, env, tail, verbose, workspacePath }) {
  const args = [entry, '--bind-addr', '127.0.0.1:0', ...CODE_SERVER_QUIET_ARGS, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', path.join(tmp, 'code-server.yaml')];
  // detached: own process group, so the extension hosts and language servers it spawns die with it.
  const child = spawn(process.execPath, args, { env, cwd: workspacePath && fs.statSync(workspacePath).isDirectory() ? workspacePath : tmp, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`code-server did not report its port within ${CODE_SERVER_START_TIMEOUT_MS / 1000}s`), CODE_SERVER_START_TIMEOUT_MS);
    let done = false;
    function fail(msg) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
      reject(new HarnessError(`${msg}\n--- last lines of code-server output ---\n${tail.text()}`));
    }
    const onData = (d) => {
      const s = d.toString();
      tail.push(s);
      if (verbose) process.stderr.write(`[code-server] ${s}`);
      const m = /HTTP server listening on (https?:\/\/[^\s/]+)/.exec(tail.lines.join('\n') + '\n' + tail.partial);
      if (m && !done) {
        done = true;
        clearTimeout(timer);
        const baseUrl = m[1].replace('0.0.0.0', '127.0.0.1');
        resolve({ child, baseUrl, authority: new URL(baseUrl).host });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => fail(`code-server failed to start: ${err.message}`));
    child.on('exit', (code, signal) => fail(`code-server exited early (${signal ?? 'exit ' + code})`));
  });
}

/**
 * VS Code silently skips a development extension whose engines.vscode the running version does not satisfy:
 * the tests would then fail in confusing ways. Fail early instead. (A crude check of the range's lower bound,
 * which is what ^x.y.z / >=x.y.z / ~x.y.z ranges come down to here.)
 */
function checkEngine(extPath) {
  let range;
  try {
    range = JSON.parse(fs.readFileSync(path.join(extPath, 'package.json'), 'utf8')).engines?.vscode;
  } catch {
    return; // not an extension folder: nothing will be loaded from it, the tests will say so
  }
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(range ?? '');
  if (!m) return;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  const [haveMajor, haveMinor] = VSCODE_VERSION.split('.').map(Number);
  if (major > haveMajor || (major === haveMajor && minor > haveMinor)) {
    throw new HarnessError(
      `${extPath}/package.json asks for engines.vscode "${range}", but code-server ` +
        `${CODE_SERVER_VERSION} is VS Code ${VSCODE_VERSION} (the newest that runs on Node 20): the extension would ` +
        'silently not be loaded. Keep engines.vscode at ^1.100.0 or lower.',
    );
  }
}

/**
 * Installs a .vsix into an extensions dir with code-server's CLI.
 * @param {{ entry: string, tmp: string, dirs: ProfileDirs, env: NodeJS.ProcessEnv, vsix: string }} o
 */
function installVsixInto({ entry, tmp, dirs, env, vsix }) {
  const r = spawnSync(
    process.execPath,
    [entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', path.join(tmp, 'code-server.yaml'), '--force', '--install-extension', vsix],
    { env, encoding: 'utf8', timeout: INSTALL_VSIX_TIMEOUT_MS },
  );
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  // Checked on what it printed too, not only the exit code: an install that did nothing must not pass.
  if (r.error || r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new HarnessError(`installing ${vsix} failed (${r.error?.message ?? 'exit ' + r.status}):\n${out}`);
  }
  return out;
}

/** @typedef {{ userData: string, extensions: string }} ProfileDirs */

/**
 * Writes <userData>/User/settings.json: the quiet defaults, then what the file already had, then `extraSettings`.
 * @param {string} userData @param {Record<string, unknown>} [extraSettings]
 */
function writeUserSettings(userData, extraSettings = {}) {
  const file = path.join(userData, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing = {};
  try {
    existing = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    /* none yet (or not plain JSON: replaced) */
  }
  fs.writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, ...existing, ...extraSettings }, null, 2));
}

/**
 * `code --install-extension` for code-server: installs a .vsix into `extensionsDir` and resolves with what the CLI
 * printed. The code-server launcher uses it for its own --install-extension.
 * @param {{ vsix: string, extensionsDir: string, userDataDir: string }} o
 */
export async function installExtension({ vsix, extensionsDir, userDataDir }) {
  const { codeServerEntry: entry } = await ensureInstalled();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-e2e-install-'));
  try {
    for (const d of ['xdg-config', 'xdg-data', 'xdg-cache', 'xdg-state', 'tmp']) fs.mkdirSync(path.join(tmp, d), { recursive: true });
    fs.mkdirSync(extensionsDir, { recursive: true });
    fs.mkdirSync(userDataDir, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'code-server.yaml'), 'auth: none\n');
    return installVsixInto({ entry, tmp, dirs: { userData: path.resolve(userDataDir), extensions: path.resolve(extensionsDir) }, env: codeServerEnv(tmp, {}), vsix: path.resolve(vsix) });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Runs extension tests (or just opens a window for onPage) in code-server + headless Chromium.
 *
 * @param {object} o
 * @param {string | string[]} [o.extensionDevelopmentPath] extension folder(s) to load in development mode
 *   (ignored with installVsix)
 * @param {string} [o.extensionTestsPath] module exporting run(): Promise<void>, run in the extension host.
 *   Without it, the workbench is opened and onPage drives it; the result is onPage's return value (or 0).
 * @param {string} [o.workspacePath] folder or .code-workspace file to open
 * @param {Record<string, unknown>} [o.extraSettings] user settings merged over the quiet defaults
 * @param {string} [o.installVsix] a .vsix to install and test instead of the development folder
 * @param {number} [o.timeoutMs] whole-run limit (default 10 min); on expiry the run rejects
 * @param {string} [o.screenshotDir] where to save a screenshot when the run fails or times out
 * @param {(page: import('playwright-core').Page, ctx: object) => Promise<number|void>} [o.onPage]
 *   called once the workbench has rendered (concurrently with the tests when there are any)
 * @param {Record<string, string>} [o.extensionTestsEnv] extra environment for code-server and the extension host
 * @param {boolean} [o.verbose] echo code-server's output and the browser console to stderr
 * @param {boolean} [o.keepTemp] keep the temp folder (user data, logs) for inspection
 * @param {string} [o.userDataDir] user-data folder to use (VS Code's --user-data-dir; default: a fresh temp one).
 *   Its User/settings.json is kept, with the quiet defaults under it and extraSettings over it.
 * @param {string} [o.extensionsDir] extensions folder to use (VS Code's --extensions-dir; default: a fresh temp one)
 * @param {boolean} [o.disableExtensions] VS Code's --disable-extensions: installed extensions are not loaded
 *   (development ones still are)
 * @returns {Promise<number>} exit code of the tests (or of onPage)
 */
export async function runTests(o = {}) {
  const {
    extraSettings = {},
    timeoutMs = 10 * 60_000,
    onPage,
    extensionTestsEnv = {},
    disableExtensions = false,
    verbose = process.env.VSCODE_TEST_VERBOSE === '1',
    keepTemp = process.env.VSCODE_TEST_KEEP === '1',
  } = o;
  /** @param {string | undefined} p */
  const abs = (p) => (p ? path.resolve(p) : undefined);
  const extensionDevelopmentPaths = (Array.isArray(o.extensionDevelopmentPath) ? o.extensionDevelopmentPath : o.extensionDevelopmentPath ? [o.extensionDevelopmentPath] : []).map((p) =>
    path.resolve(p),
  );
  const extensionTestsPath = abs(o.extensionTestsPath);
  const workspacePath = abs(o.workspacePath);
  const installVsix = abs(o.installVsix);
  const screenshotDir = abs(o.screenshotDir);
  for (const [name, p] of [...extensionDevelopmentPaths.map((d) => ['extensionDevelopmentPath', d]), ...Object.entries({ extensionTestsPath, workspacePath, installVsix })]) {
    if (p && !fs.existsSync(p)) throw new HarnessError(`${name} does not exist: ${p}`);
  }
  if (!extensionTestsPath && !onPage) throw new HarnessError('give extensionTestsPath, onPage, or both');
  if (!(timeoutMs > 0)) throw new HarnessError(`timeoutMs must be a positive number, got ${timeoutMs}`);
  if (disableExtensions && installVsix) throw new HarnessError('installVsix and disableExtensions together would test nothing');
  if (!installVsix) extensionDevelopmentPaths.forEach(checkEngine);

  const installed = await ensureInstalled();
  const entry = installed.codeServerEntry;
  const chromiumPath = process.env.VSCODE_TEST_CHROMIUM || installed.chromiumPath;
  // playwright-core is the driver only; it never downloads a browser (we point it at Debian's chromium).
  const { chromium } = createRequire(path.join(REPO_ROOT, 'package.json'))('playwright-core');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-e2e-'));
  for (const d of ['xdg-config', 'xdg-data', 'xdg-cache', 'xdg-state', 'tmp']) {
    fs.mkdirSync(path.join(tmp, d), { recursive: true });
  }
  /** @type {ProfileDirs} */
  const dirs = {
    userData: abs(o.userDataDir) ?? path.join(tmp, 'user-data'),
    extensions: abs(o.extensionsDir) ?? path.join(tmp, 'extensions'),
  };
  writeUserSettings(dirs.userData, extraSettings);
  fs.mkdirSync(dirs.extensions, { recursive: true });
  fs.writeFileSync(path.join(tmp, 'code-server.yaml'), 'auth: none\n');
  const env = codeServerEnv(tmp, extensionTestsEnv);

  const tail = new Tail();
  const consoleTail = new Tail(100);
  /** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  let settled = false;
  // Last-resort cleanup if this process is interrupted (Ctrl-C, CI cancel) or exits without finally.
  const onExit = () => killGroup(server?.child, 'SIGKILL');
  const onSignal = (sig) => {
    onExit(); // playwright kills its chromium itself on exit
    if (!keepTemp) fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const screenshot = async (name) => {
    if (!page || !screenshotDir) return undefined;
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, name.endsWith('.png') ? name : `${name}.png`);
    await withTimeout(page.screenshot({ path: file }), 15_000, 'screenshot');
    console.log(`[vscode-test] screenshot: ${file}`);
    return file;
  };

  const run = async () => {
    if (installVsix) {
      console.log(`[vscode-test] installing ${path.basename(installVsix)}`);
      installVsixInto({ entry, tmp, dirs, env, vsix: installVsix });
    }
    // code-server has no --disable-extensions: an empty extensions dir has the same effect (built-in extensions
    // and development folders still load, installed extensions do not).
    const serverDirs = disableExtensions ? { ...dirs, extensions: path.join(tmp, 'no-extensions') } : dirs;
    fs.mkdirSync(serverDirs.extensions, { recursive: true });
    const started = await startCodeServer({ entry, tmp, dirs: serverDirs, env, tail, verbose, workspacePath });
    server = started;
    // Once it listens, code-server dying is a harness failure, not a test result.
    const serverDied = new Promise((_, reject) =>
      started.child.on('exit', (code, signal) => {
        if (!settled) reject(new HarnessError(`code-server exited during the run (${signal ?? 'exit ' + code})`));
      }),
    );
    serverDied.catch(() => {});

    /** @type {import('playwright-core').Browser} */
    let launched;
    try {
      launched = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: CHROMIUM_FLAGS,
        timeout: BROWSER_LAUNCH_TIMEOUT_MS,
        // A failing chromium prints why on stderr; keep it for the error message.
        logger: {
          isEnabled: () => true,
          log: (name, sev, msg) => {
            if (name === 'browser') consoleTail.push(`[chromium] ${msg}\n`);
          },
        },
      });
    } catch (err) {
      // Playwright's message repeats the whole command line; keep each line short.
      const msg = String(err instanceof Error ? err.message : err)
        .split('\n')
        .map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l))
        .join('\n');
      throw new HarnessError(`chromium (${chromiumPath}) failed to start: ${msg}`);
    }
    browser = launched;
    const context = await launched.newContext({ viewport: { width: 1280, height: 800 } });
    const workbench = await context.newPage();
    page = workbench;

    let resolveExit;
    const exited = new Promise((r) => {
      resolveExit = r;
    });
    const crashed = new Promise((_, reject) => {
      workbench.on('crash', () => reject(new HarnessError('the workbench page crashed')));
      launched.on('disconnected', () => {
        if (!settled) reject(new HarnessError('chromium disconnected'));
      });
    });
    crashed.catch(() => {});
    // Extension-host console (mocha's reporter output) and exit code, see ConsoleLogInAutomationLogger.
    // The arguments are console.log's: a printf-style format string (mocha's reporters use %s/%d) and values.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && type === 'info' && WORKBENCH_NOISE.test(text)) return;
      (type === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : text + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code) || 0));
    page.on('console', (m) => {
      // The workbench styles its log lines ("%c INFO color: #33f ..."): drop the styling, and the noise.
      const text = m.text().replace(/^%c\s*(\w+)\s+color:\s*#\w+\s*/, '$1 ');
      if (verbose) process.stderr.write(`[browser ${m.type()}] ${text}\n`);
      if (!WORKBENCH_NOISE.test(text.replace(/^INFO /, ''))) consoleTail.push(`[browser ${m.type()}] ${text}\n`);
    });
    page.on('pageerror', (e) => consoleTail.push(`[page error] ${e.message}\n`));

    const q = new URLSearchParams();
    if (workspacePath) q.set(workspacePath.endsWith('.code-workspace') ? 'workspace' : 'folder', workspacePath);
    const payload = [];
    if (extensionTestsPath || !installVsix) {
      // The extension host runs extensionTestsPath only in extension-development mode. When testing a vsix,
      // point the development path at an empty folder: nothing is loaded from it, and the installed
      // extension is what the tests see.
      const devPaths = installVsix ? [path.join(tmp, 'no-dev-extension')] : extensionDevelopmentPaths;
      if (installVsix) fs.mkdirSync(devPaths[0], { recursive: true });
      for (const devPath of devPaths) payload.push(['extensionDevelopmentPath', remoteUri(server.authority, devPath)]);
    }
    if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server.authority, extensionTestsPath)]);
    if (payload.length) q.set('payload', JSON.stringify(payload));
    const url = `${server.baseUrl}/?${q}`;
    if (verbose) console.error(`[vscode-test] opening ${url}`);

    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WORKBENCH_READY_TIMEOUT_MS });
    const ready = page.waitForSelector('.monaco-workbench', { timeout: WORKBENCH_READY_TIMEOUT_MS }).catch((err) => {
      throw new HarnessError(`the workbench did not render: ${err.message}`);
    });
    const ctx = { url, baseUrl: server.baseUrl, workspacePath, screenshot, browser };
    const pageDriver = onPage ? ready.then(() => onPage(workbench, ctx)) : ready;

    const watch = (p) => Promise.race([p, serverDied, crashed]);
    if (!extensionTestsPath) {
      const r = await watch(pageDriver);
      return typeof r === 'number' ? r : 0;
    }
    const [code] = await watch(Promise.all([exited, pageDriver]));
    return code;
  };

  const started = Date.now();
  let code;
  try {
    const running = run();
    running.catch(() => {}); // after a timeout it rejects once cleanup pulls the rug; nobody awaits it then
    code = await withTimeout(running, timeoutMs, 'the test run');
    if (code !== 0) await screenshot(`failure-${Date.now()}`).catch(() => {});
    return code;
  } catch (err) {
    await screenshot(`harness-error-${Date.now()}`).catch(() => {});
    if (err instanceof HarnessError) {
      const serverTail = server ? `\n--- last lines of code-server output ---\n${tail.text()}` : '';
      const browserTail = consoleTail.lines.length ? `\n--- last browser console lines ---\n${consoleTail.text(15)}` : '';
      if (!err.message.includes('--- last lines')) err.message += serverTail;
      err.message += browserTail;
    }
    throw err;
  } finally {
    settled = true;
    if (browser) await withTimeout(browser.close(), CLOSE_TIMEOUT_MS, 'closing chromium').catch(() => {});
    if (server) await stopServer(server.child);
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (keepTemp) console.log(`[vscode-test] kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    console.log(`[vscode-test] ${code === undefined ? 'aborted' : `exit code ${code}`} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
}

/** SIGTERM the process group, then SIGKILL it if anything is still there after a few seconds. */
async function stopServer(child) {
  if (child.exitCode === null && child.signalCode === null) {
    killGroup(child, 'SIGTERM');
    await withTimeout(new Promise((r) => child.once('exit', r)), 5000, 'code-server exit').catch(() => {});
  }
  // Extension hosts and language servers may outlive the server process itself: kill the whole group.
  killGroup(child, 'SIGKILL');
}

// ---------------------------------------------------------------------------------------------- CLI

const USAGE = `Usage: node tools/vscode-test/runTests.mjs [options]

  --extensionDevelopmentPath DIR   extension folder (default: the current folder)
  --extensionTestsPath FILE        compiled test index exporting run() (e.g. out/test/e2e/harness/mochaIndex.js)
  --workspace PATH                 folder or .code-workspace file to open
  --vsix FILE                      install this .vsix and test it instead of the development folder
  --setting KEY=JSON               user setting (repeatable); the value is JSON, or a plain string
  --settings FILE                  JSON file of user settings
  --env KEY=VALUE                  environment for the extension host (repeatable)
  --timeout SECONDS                whole-run limit (default 600)
  --screenshot-dir DIR             save a screenshot there when the run fails
  --screenshot FILE                no tests needed: open the workspace, wait, and save a screenshot
  --keep-temp                      keep the temp user-data folder (logs) after the run
  --verbose                        echo code-server output and the browser console
Environment: VSCODE_TEST_VERBOSE=1 (= --verbose), VSCODE_TEST_KEEP=1 (= --keep-temp),
  VSCODE_TEST_CHROMIUM=/path (another chromium binary than /usr/bin/chromium).
Exit code: the tests' exit code; 2 when the harness itself failed (the message says why).`;

async function main() {
  const { values } = parseArgs({
    options: {
      extensionDevelopmentPath: { type: 'string' },
      extensionTestsPath: { type: 'string' },
      workspace: { type: 'string' },
      vsix: { type: 'string' },
      setting: { type: 'string', multiple: true },
      settings: { type: 'string' },
      env: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      'screenshot-dir': { type: 'string' },
      screenshot: { type: 'string' },
      'keep-temp': { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const extraSettings = values.settings ? JSON.parse(fs.readFileSync(values.settings, 'utf8')) : {};
  for (const s of values.setting ?? []) {
    const i = s.indexOf('=');
    if (i < 1) throw new HarnessError(`--setting wants KEY=VALUE, got ${s}`);
    const raw = s.slice(i + 1);
    try {
      extraSettings[s.slice(0, i)] = JSON.parse(raw);
    } catch {
      extraSettings[s.slice(0, i)] = raw;
    }
  }
  /** @type {Record<string, string>} */
  const extensionTestsEnv = {};
  for (const s of values.env ?? []) {
    const i = s.indexOf('=');
    if (i < 1) throw new HarnessError(`--env wants KEY=VALUE, got ${s}`);
    extensionTestsEnv[s.slice(0, i)] = s.slice(i + 1);
  }
  let onPage;
  if (values.screenshot) {
    const file = path.resolve(values.screenshot);
    onPage = async (page) => {
      // Give the extension host a moment to activate extensions and paint decorations.
      await page.waitForTimeout(3000);
      await page.screenshot({ path: file });
      console.log(`[vscode-test] screenshot: ${file}`);
    };
  }
  const timeoutSeconds = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutSeconds !== undefined && !(timeoutSeconds > 0)) throw new HarnessError(`--timeout wants seconds, got ${values.timeout}`);
  if (!values.extensionTestsPath && !onPage) throw new HarnessError(`--extensionTestsPath or --screenshot is required\n\n${USAGE}`);
  return runTests({
    extensionDevelopmentPath: values.extensionDevelopmentPath ?? process.cwd(),
    extensionTestsPath: values.extensionTestsPath,
    workspacePath: values.workspace,
    installVsix: values.vsix,
    extraSettings,
    extensionTestsEnv,
    timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    screenshotDir: values['screenshot-dir'],
    onPage,
    verbose: values.verbose,
    keepTemp: values['keep-temp'],
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`[vscode-test] ${err instanceof HarnessError ? '' : 'unexpected error: '}${err.stack && !(err instanceof HarnessError) ? err.stack : err.message}`);
      process.exitCode = 2;
    },
  );
}
