#!/usr/bin/env node
// @ts-check
// `npm start`: everything a newcomer needs to try the extension, in one command, on a machine with Node 20 and npm
// (Debian; as root it installs the few Debian packages code-server needs):
//   1. npm ci when node_modules is missing or older than package-lock.json
//   2. production build + the .vsix users install (`vsce package`), in .vscode-test/start/
//   3. code-server 4.100.3 (a real VS Code) into .vscode-test/ on first use (tools/vscode-test/install.mjs)
//   4. the iDenfy emulator on 127.0.0.1:8089 with its demo credentials (dist/emulator.js)
//   5. code-server on 127.0.0.1:8080, no password, with the .vsix installed, examples/ open, idenfy.baseUrl pointed at
//      the emulator, and the demo credentials in IDENFY_API_KEY / IDENFY_API_SECRET so that
//      "iDenfy: Send Token Request" works without an account
// then prints the address to open. Ctrl+C stops everything.
//
// Usage: node tools/start.mjs [--port 8080] [--emulator-port 8089] [--smoke]
//   --smoke  start everything, check that VS Code answers HTTP 200 with the workbench, that the extension is
//            installed and that the emulator issues a token for examples/kyc-request.idenfy.json with the demo
//            credentials, then stop and exit 0 (CI proves the quick start this way). Uses free ports unless given.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STATE = path.join(ROOT, '.vscode-test', 'start');
const VSIX = path.join(STATE, 'idenfy-token-tools.vsix');
const EXAMPLES = path.join(ROOT, 'examples');
const EXTENSION_ID = 'idenfy-tools.idenfy-token-tools';
// The emulator's built-in demo pair (emulator/emulator.ts DEMO_CREDENTIALS).
const DEMO = { apiKey: 'emulator-api-key', apiSecret: 'emulator-api-secret' };
const START_TIMEOUT_MS = 90_000;

const log = (msg) => console.log(`[start] ${msg}`);
class StartError extends Error {}

// ------------------------------------------------------------------------------------------ steps

/** Runs a command to completion; its output is shown only when it fails (or always with `show`). */
function run(cmd, args, { show = false, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: show ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    child.stderr?.on('data', (d) => {
      out += d;
    });
    child.on('error', (err) => reject(new StartError(`${cmd}: ${err.message}`)));
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new StartError(`${path.basename(cmd)} ${args.join(' ')} failed (exit ${code})${out ? `:\n${out.trim().split('\n').slice(-30).join('\n')}` : ''}`)),
    );
  });
}

function npmCommand() {
  // The npm that belongs to this Node, not whatever is first on PATH.
  const cli = path.join(path.dirname(path.dirname(process.execPath)), 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  return fs.existsSync(cli) ? [process.execPath, [cli]] : ['npm', []];
}

async function ensureDependencies() {
  const hidden = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  const needed = ['esbuild', 'vsce', 'tsc'].some((b) => !fs.existsSync(path.join(ROOT, 'node_modules', '.bin', b)));
  const stale = !fs.existsSync(hidden) || fs.statSync(lock).mtimeMs > fs.statSync(hidden).mtimeMs;
  if (!needed && !stale) return;
  log("npm ci (the project's dependencies)");
  const [npm, pre] = npmCommand();
  await run(npm, [...pre, 'ci', '--no-audit', '--no-fund'], { show: true });
}

async function buildAndPackage() {
  log('production build and .vsix');
  await run(process.execPath, [path.join(ROOT, 'tools', 'build.mjs'), '--production']);
  fs.mkdirSync(STATE, { recursive: true });
  fs.rmSync(VSIX, { force: true });
  await run(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '-o', VSIX]);
}

/**
 * Runs a long-lived child in its own process group; resolves once `ready` matches its output.
 * @param {string} name @param {string} cmd @param {string[]} args
 * @param {{ env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs?: number, echo?: (line: string) => void }} options
 */
function startProcess(name, cmd, args, { env, ready, timeoutMs = START_TIMEOUT_MS, echo }) {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new StartError(`${name} did not start within ${timeoutMs / 1000}s:\n${output.slice(-3000)}`)), timeoutMs);
    const onData = (d) => {
      const text = d.toString();
      output = (output + text).slice(-20_000);
      if (echo) for (const line of text.split('\n').filter(Boolean)) echo(line);
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new StartError(`${name}: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new StartError(`${name} exited (${signal ?? `exit ${code}`}):\n${output.slice(-3000).trim()}`));
    });
  });
  started.catch(() => {});
  return { child, started, output: () => output };
}

function stopProcess(p) {
  if (!p?.child.pid || p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => p.child.once('exit', resolve));
  try {
    process.kill(-p.child.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-p.child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 5000);
  return exited.finally(() => {
    clearTimeout(timer);
    // Extension hosts and the language server are in the same group: make sure none is left.
    try {
      process.kill(-p.child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  });
}

/** User settings of the quick-start profile: whatever the user changed is kept; these few are set each time. */
function writeUserSettings(userDir, emulatorUrl) {
  const file = path.join(userDir, 'settings.json');
  let current = {};
  try {
    current = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    /* first start, or a file with comments: start over */
  }
  const settings = {
    'workbench.startupEditor': 'readme',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    ...current,
    'idenfy.baseUrl': emulatorUrl,
  };
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
}

function codeServerEnv(extra) {
  const env = { ...process.env };
  // VSCODE_IPC_HOOK_CLI & co. (set in a VS Code terminal) would hand the folder to that other instance; PORT and
  // PASSWORD would override the flags.
  for (const k of Object.keys(env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k === 'PORT' || k === 'PASSWORD' || k === 'HASHED_PASSWORD') delete env[k];
  }
  return {
    ...env,
    EXTENSIONS_GALLERY: '{}', // offline: no marketplace requests
    XDG_CONFIG_HOME: path.join(STATE, 'xdg-config'),
    XDG_DATA_HOME: path.join(STATE, 'xdg-data'),
    XDG_CACHE_HOME: path.join(STATE, 'xdg-cache'),
    XDG_STATE_HOME: path.join(STATE, 'xdg-state'),
    ...extra,
  };
}

// ------------------------------------------------------------------------------------------ smoke checks

async function smokeCheck({ vscodeUrl, emulatorUrl, entry, env }) {
  const page = await fetch(vscodeUrl, { signal: AbortSignal.timeout(30_000) });
  const html = await page.text();
  if (page.status !== 200 || !html.includes('vscode-workbench-web-configuration')) {
    throw new StartError(`smoke: ${vscodeUrl} answered ${page.status}${page.status === 200 ? ' without the workbench' : ''}`);
  }
  log(`smoke: ${vscodeUrl} answers 200 with the workbench`);

  const list = spawnSync(
    process.execPath,
    [
      entry,
      '--extensions-dir',
      path.join(STATE, 'extensions'),
      '--user-data-dir',
      path.join(STATE, 'user-data'),
      '--config',
      path.join(STATE, 'code-server.yaml'),
      '--list-extensions',
      '--show-versions',
    ],
    { env, encoding: 'utf8', timeout: 60_000 },
  );
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  if (!list.stdout?.includes(`${EXTENSION_ID}@${version}`)) throw new StartError(`smoke: ${EXTENSION_ID}@${version} is not installed:\n${list.stdout}${list.stderr}`);
  log(`smoke: ${EXTENSION_ID}@${version} is installed`);

  const body = fs.readFileSync(path.join(EXAMPLES, 'kyc-request.idenfy.json'));
  const answer = await fetch(`${emulatorUrl}/api/v2/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${DEMO.apiKey}:${DEMO.apiSecret}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const json = await answer.json().catch(() => ({}));
  if (answer.status !== 201 || typeof json.authToken !== 'string') throw new StartError(`smoke: the emulator answered ${answer.status} ${JSON.stringify(json)}`);
  log(`smoke: the emulator issued a token for examples/kyc-request.idenfy.json (HTTP 201)`);
}

// ------------------------------------------------------------------------------------------ main

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'emulator-port': { type: 'string' },
      smoke: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    const text = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
    console.log(
      text
        .slice(
          1,
          text.findIndex((l) => l === ''),
        )
        .map((l) => l.replace(/^\/\/ ?/, ''))
        .join('\n'),
    );
    return 0;
  }
  const portOf = (name, fallback) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new StartError(`--${name} wants a port number (0 = any free port), got "${raw}"`);
    return n;
  };
  const smoke = values.smoke === true;
  // The smoke check must not collide with a quick start that is already running: free ports unless told.
  const port = portOf('port', smoke ? 0 : 8080);
  const emulatorPort = portOf('emulator-port', smoke ? 0 : 8089);
  const t0 = Date.now();

  await ensureDependencies();
  await buildAndPackage();
  const { ensureInstalled, CODE_SERVER_QUIET_ARGS } = await import(pathToFileURL(path.join(ROOT, 'tools', 'vscode-test', 'install.mjs')).href);
  const { codeServerEntry: entry } = await ensureInstalled();

  const processes = [];
  let stopping;
  const stopAll = () => (stopping ??= Promise.all(processes.map(stopProcess)));
  const onSignal = (signal) => {
    console.log('');
    log(`${signal}: stopping`);
    void stopAll().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => {
    for (const p of processes) {
      try {
        process.kill(-p.child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });

  try {
    // ---- the emulator
    const emulator = startProcess('the emulator', process.execPath, [path.join(ROOT, 'dist', 'emulator.js'), '--port', String(emulatorPort)], {
      env: process.env,
      ready: /POST (http:\/\/127\.0\.0\.1:\d+)\/api\/v2\/token/,
      timeoutMs: 20_000,
      // Its request log (method, path, status) is useful to watch; the banner is replaced by ours.
      echo: (line) => {
        if (/ → /.test(line)) console.log(`[emulator] ${line}`);
      },
    });
    processes.push(emulator);
    let emulatorUrl;
    try {
      emulatorUrl = (await emulator.started)[1];
    } catch (err) {
      if (/in use/.test(emulator.output())) throw new StartError(`port ${emulatorPort} is in use (another \`npm start\` or \`npm run emulator\`?): stop it, or choose another with --emulator-port`);
      throw err;
    }
    const pinned = /"idenfy\.baseUrl":\s*"([^"]*)"/.exec(fs.readFileSync(path.join(EXAMPLES, '.vscode', 'settings.json'), 'utf8'))?.[1];
    if (!smoke && pinned && pinned !== emulatorUrl) {
      log(`note: examples/.vscode/settings.json sets idenfy.baseUrl to ${pinned}, which wins over the user setting: edit it to ${emulatorUrl} to send to this emulator`);
    }

    // ---- code-server with the .vsix
    const userData = path.join(STATE, 'user-data');
    writeUserSettings(path.join(userData, 'User'), emulatorUrl);
    fs.writeFileSync(path.join(STATE, 'code-server.yaml'), 'auth: none\n');
    const env = codeServerEnv({ IDENFY_API_KEY: DEMO.apiKey, IDENFY_API_SECRET: DEMO.apiSecret });
    const common = ['--user-data-dir', userData, '--extensions-dir', path.join(STATE, 'extensions'), '--config', path.join(STATE, 'code-server.yaml')];
    log('installing the .vsix into code-server');
    await run(process.execPath, [entry, ...common, '--force', '--install-extension', VSIX], { env });

    const server = startProcess('code-server', process.execPath, [entry, ...common, '--bind-addr', `127.0.0.1:${port}`, ...CODE_SERVER_QUIET_ARGS, EXAMPLES], {
      env,
      ready: /HTTP server listening on (https?:\/\/[^\s/]+)/,
    });
    processes.push(server);
    let base;
    try {
      base = (await server.started)[1].replace('0.0.0.0', '127.0.0.1');
    } catch (err) {
      if (/EADDRINUSE/.test(server.output())) throw new StartError(`port ${port} is in use: stop what uses it, or choose another with --port`);
      throw err;
    }
    const vscodeUrl = `${base}/?folder=${encodeURIComponent(EXAMPLES)}`;

    if (smoke) {
      await smokeCheck({ vscodeUrl, emulatorUrl, entry, env });
      log(`smoke: all good after ${((Date.now() - t0) / 1000).toFixed(0)}s; stopping`);
      await stopAll();
      return 0;
    }

    // A dying child ends the session.
    const died = (p, name) =>
      p.child.once('exit', (code, signal) => {
        if (stopping) return;
        console.error(`[start] ${name} stopped (${signal ?? `exit ${code}`}):\n${p.output().slice(-2000).trim()}`);
        void stopAll().then(() => process.exit(1));
      });
    died(server, 'code-server');
    died(emulator, 'the emulator');

    console.log(`
  iDenfy Token Request Tools is running (ready after ${((Date.now() - t0) / 1000).toFixed(0)}s).

    Open VS Code in your browser:  ${vscodeUrl}
    iDenfy emulator:               ${emulatorUrl}/api/v2/token
      API key:     ${DEMO.apiKey}
      API secret:  ${DEMO.apiSecret}
      (already given to the extension through IDENFY_API_KEY / IDENFY_API_SECRET)

  examples/README.md (opened first) says what to try. On another machine, forward the port first:
    ssh -L ${new URL(base).port}:127.0.0.1:${new URL(base).port} <this machine>
  Press Ctrl+C to stop.
`);
    await new Promise(() => {}); // until a signal or a child's exit
  } catch (err) {
    await stopAll();
    throw err;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`[start] ${err instanceof StartError ? err.message : err.stack}`);
    process.exitCode = 1;
  },
);
