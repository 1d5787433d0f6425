#!/usr/bin/env node
// @ts-check
// Installs what the end-to-end tests need to run a real VS Code offline (see shared/e2e/README.md):
//   - Debian packages: chromium (the window), ripgrep (replaces @vscode/ripgrep's download),
//     libkrb5-dev (headers for code-server's kerberos addon), plus a C/C++ toolchain if missing.
//   - code-server@4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) into
//     <repo>/.vscode-test/code-server-4.100.3/, cached like @vscode/test-electron caches VS Code.
//
// Idempotent: returns at once when the marker file written after a verified install exists,
// and runs `apt-get update` only when some package is actually missing.
//
// Usage:  node tools/vscode-test/install.mjs           (also imported by runTests.mjs)
//   env:  VSCODE_TEST_CACHE   other cache folder than <repo>/.vscode-test
//         VSCODE_TEST_FORCE=1 reinstall code-server even if the marker exists

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3'; // the VS Code inside that code-server
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** code-server's arguments for a quiet, local, offline window (the tests' and `npm start`'s alike). */
export const CODE_SERVER_QUIET_ARGS = Object.freeze([
  '--auth',
  'none',
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
  '--disable-getting-started-override',
  '--disable-proxy',
  '--ignore-last-opened',
]);

// Versions of @vscode/ripgrep's own download cache, as used by code-server 4.100.3's dependency tree.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const CACHE_DIR = path.resolve(process.env.VSCODE_TEST_CACHE || path.join(REPO_ROOT, '.vscode-test'));
export const INSTALL_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
const MARKER = path.join(INSTALL_DIR, '.install-complete.json');
const LOCK_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}.lock`);

const NPM_INSTALL_TIMEOUT_MS = 20 * 60_000;
const APT_TIMEOUT_MS = 20 * 60_000;

function log(msg) {
  console.log(`[vscode-test] ${msg}`);
}

/** Where the code-server entry point lives once installed (run it with this very Node). */
export function codeServerEntry(dir = INSTALL_DIR) {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function isInstalled() {
  if (process.env.VSCODE_TEST_FORCE === '1') return false;
  try {
    const marker = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
    return marker.version === CODE_SERVER_VERSION && fs.existsSync(codeServerEntry());
  } catch {
    return false;
  }
}

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * Runs a command, streaming nothing; on failure throws with the tail of its output.
 * @param {string} cmd @param {string[]} args
 * @param {{ env: NodeJS.ProcessEnv, cwd?: string, timeoutMs: number, logFile?: string }} options
 * @returns {Promise<void>}
 */
function runQuiet(cmd, args, { env, cwd, timeoutMs, logFile }) {
  return new Promise((resolve, reject) => {
    const out = logFile ? fs.createWriteStream(logFile) : null;
    let tail = '';
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const onData = (d) => {
      out?.write(d);
      tail = (tail + d.toString()).slice(-8000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      tail += `\n[vscode-test] timed out after ${timeoutMs / 1000}s, killing ${cmd}`;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      out?.end();
      if (code === 0) return resolve();
      const lines = tail.trimEnd().split('\n').slice(-30).join('\n');
      reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? 'exit ' + code})` + (logFile ? `; full log: ${logFile}` : '') + `\n--- last output ---\n${lines}`));
    });
  });
}

/** Installs missing Debian packages. apt-get update runs only when something is missing. */
export async function ensureSystemPackages() {
  /** @type {[string, () => boolean][]} */
  const wanted = [
    // [package, already-present check]
    ['chromium', () => fs.existsSync(CHROMIUM_PATH)],
    ['ripgrep', () => onPath('rg')],
    ['libkrb5-dev', () => dpkgInstalled('libkrb5-dev')],
    // node-gyp builds code-server's native addons (node-pty, kerberos).
    ['make', () => onPath('make')],
    ['g++', () => onPath('g++')],
    ['python3', () => onPath('python3')],
  ];
  const missing = wanted.filter(([, present]) => !present()).map(([pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}; run as root or install them:\n` + `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt-get update (missing: ${missing.join(', ')})`);
  await runQuiet('apt-get', ['update'], { env, timeoutMs: APT_TIMEOUT_MS });
  log(`apt-get install ${missing.join(' ')}`);
  await runQuiet('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, timeoutMs: APT_TIMEOUT_MS });
}

/**
 * @vscode/ripgrep's postinstall downloads `rg` from GitHub, which is unreachable here. It first looks
 * for a cached tarball in $TMPDIR/vscode-ripgrep-cache-<version>/: seed that with Debian's rg.
 */
function seedRipgrepCache(tmpDir) {
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const tarball = path.join(cacheDir, RIPGREP_ASSET);
  if (fs.existsSync(tarball)) return;
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) not found on PATH');
  const stage = fs.mkdtempSync(path.join(tmpDir, 'rg-stage-'));
  fs.copyFileSync(fs.realpathSync(rg), path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  fs.mkdirSync(cacheDir, { recursive: true });
  const r = spawnSync('tar', ['czf', tarball, '-C', stage, 'rg'], { encoding: 'utf8' });
  fs.rmSync(stage, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`tar of rg failed: ${r.stderr}`);
}

/** A lock so that two runs starting at once don't install into the same folder. */
async function withLock(fn) {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const deadline = Date.now() + NPM_INSTALL_TIMEOUT_MS + 60_000;
  let waiting = false;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err;
      // Take over a lock whose owner died.
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      let alive = false;
      if (owner) {
        try {
          process.kill(owner, 0);
          alive = true;
        } catch {
          alive = false;
        }
      }
      if (owner && !alive) {
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for install lock ${LOCK_DIR}`, { cause: err });
      if (!waiting) {
        waiting = true;
        log(`waiting for another install to finish (lock ${LOCK_DIR})`);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

async function installCodeServer() {
  // A folder without a marker is a broken or interrupted install: start over.
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), JSON.stringify({ name: 'vscode-test-code-server', private: true, description: 'cache, see tools/vscode-test/install.mjs' }, null, 2) + '\n');

  // Own TMPDIR: holds the seeded ripgrep cache and keeps node-gyp's scratch files out of /tmp.
  const tmpDir = path.join(CACHE_DIR, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  seedRipgrepCache(tmpDir);

  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    TMPDIR: tmpDir,
    // node-pty's postinstall runs `npx node-gyp`, which is cancelled without this (no stdin in CI).
    npm_config_yes: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  // node-gyp would download Node's headers; use the ones shipped with this Node when present.
  const nodePrefix = path.dirname(path.dirname(process.execPath));
  if (!env.npm_config_nodedir && fs.existsSync(path.join(nodePrefix, 'include', 'node', 'node_api.h'))) {
    env.npm_config_nodedir = nodePrefix;
  }
  const npmCli = path.join(nodePrefix, 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  const [npmCmd, npmPre] = fs.existsSync(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];

  const logFile = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}-install.log`);
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${INSTALL_DIR} (~300 MB, a minute or two)`);
  // --unsafe-perm: as root, code-server's postinstall stops without it.
  await runQuiet(npmCmd, [...npmPre, 'install', '--unsafe-perm', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: INSTALL_DIR,
    env,
    timeoutMs: NPM_INSTALL_TIMEOUT_MS,
    logFile,
  });

  // Verify it starts before declaring the install complete.
  const v = spawnSync(process.execPath, [codeServerEntry(), '--version'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CONFIG_HOME: tmpDir, XDG_DATA_HOME: tmpDir } });
  // (It may print a "Wrote default config file" log line before the version.)
  const versionLine = (v.stdout || '').split('\n').find((l) => l.startsWith(`${CODE_SERVER_VERSION} `));
  if (v.status !== 0 || !versionLine) {
    throw new Error(`code-server --version failed after install (exit ${v.status}):\n${v.stdout}${v.stderr}`);
  }
  for (const f of ['rg']) {
    const p = path.join(INSTALL_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', f);
    if (!fs.existsSync(p)) log(`warning: ${p} missing (search in the workbench will not work)`);
  }
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.writeFileSync(MARKER, JSON.stringify({ version: CODE_SERVER_VERSION, versionOutput: versionLine, installedAt: new Date().toISOString() }, null, 2) + '\n');
}

/**
 * Makes sure Debian packages and code-server are installed. Cheap when already done.
 * @returns {Promise<{ codeServerEntry: string, chromiumPath: string, installDir: string }>}
 */
export async function ensureInstalled() {
  const result = { codeServerEntry: codeServerEntry(), chromiumPath: CHROMIUM_PATH, installDir: INSTALL_DIR };
  if (isInstalled() && fs.existsSync(CHROMIUM_PATH)) return result;
  const started = Date.now();
  await ensureSystemPackages();
  await withLock(async () => {
    if (isInstalled()) return; // another run finished it while we waited
    await installCodeServer();
  });
  log(`ready after ${((Date.now() - started) / 1000).toFixed(0)}s`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  ensureInstalled().then(
    (r) => log(`ready: code-server ${CODE_SERVER_VERSION} at ${r.installDir}, chromium at ${r.chromiumPath}`),
    (err) => {
      console.error(`[vscode-test] install failed: ${err.message}`);
      process.exit(1);
    },
  );
}
