#!/usr/bin/env node
// The end-to-end run: the extension in a real VS Code (code-server 4.100.3 + Debian's Chromium, see
// tools/vscode-test/), three sessions in a row:
//   1. dev   the development folder (dist/ from `node tools/build.mjs`), the mocha suites in
//            test/e2e/harness/suite/dev/ on the workspace test/fixtures/e2e-workspace/, in the extension host.
//            A "UI bridge" (below) lets those tests type into input boxes and read notifications.
//   2. vsix  the packaged extension (production build, `vsce package`) installed with
//            `code-server --install-extension`: the suites in test/e2e/harness/suite/vsix/.
//   3. ui    the installed .vsix driven like a person would, with Playwright only (no test runner: VS Code refuses
//            modal dialogs while extension tests run). On a copy of examples/ pointed at an emulator: open
//            broken-request.idenfy.json with Quick Open, read the Problems panel, move the mouse onto a squiggle and
//            read the hover, take the screenshot; then Send Token Request from the palette, answer "Send Anyway",
//            read iDenfy's explained 400; then the same from create-token.ts, filling in its computed clientId.
// Exits non-zero when anything fails.
//
// Usage: node tools/e2e.mjs [--only dev,vsix,ui] [--screenshot] [--no-build] [--out DIR] [--grep RE] [--verbose]
//   --screenshot   only the ui session, saving images/screenshot.png (1280x800)
//   --no-build     use dist/, .vscode-test/idenfy.vsix and the compiled tests as they are
//   --out DIR      where the tests are compiled (default out, as `npm run compile-tests`)
//   --grep RE      only the mocha tests whose title matches (dev and vsix sessions)
//   --verbose      code-server's output and the browser console too

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureInstalled } from './vscode-test/install.mjs';
import { runTests } from './vscode-test/run-tests.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, '.vscode-test');
export const VSIX = path.join(CACHE, 'idenfy.vsix');
const FIXTURE_WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'e2e-workspace');
// The dev session opens it as a multi-root workspace (its first folder is FIXTURE_WORKSPACE): per-folder settings.
const DEV_WORKSPACE = path.join(FIXTURE_WORKSPACE, 'two-accounts.code-workspace');
const EXAMPLES = path.join(ROOT, 'examples');
const SCREENSHOT = path.join(ROOT, 'images', 'screenshot.png');
const SCRATCH_SCREENSHOT = path.join(CACHE, 'screenshots', 'workbench.png');
const FAILURE_SCREENSHOTS = path.join(CACHE, 'screenshots');
// The emulator's demo credentials (emulator/emulator.ts DEMO_CREDENTIALS): the extension reads them from the
// environment, as a user's shell would provide them.
const DEMO_ENV = { IDENFY_API_KEY: 'emulator-api-key', IDENFY_API_SECRET: 'emulator-api-secret' };
const SESSION_TIMEOUT_MS = 5 * 60_000;

const log = (msg) => console.log(`[e2e] ${msg}`);

// ------------------------------------------------------------------------------------------ processes

function run(cmd, args, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    child.stdout?.on('data', (d) => { out += d; });
    child.stderr?.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code})${quiet ? `\n${out.trim()}` : ''}`))));
  });
}

const node = (script, ...args) => run(process.execPath, [path.join(ROOT, script), ...args]);
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

/** Production bundle + .vsix (what users install). Leaves the production bundle in dist/. */
export async function packageVsix(vsix = VSIX) {
  await node('tools/build.mjs', '--production');
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  fs.rmSync(vsix, { force: true });
  await run(bin('vsce'), ['package', '--no-dependencies', '-o', vsix], { quiet: true });
  log(`packaged ${path.relative(ROOT, vsix)} (${(fs.statSync(vsix).size / 1024 / 1024).toFixed(2)} MB)`);
  return vsix;
}

// ------------------------------------------------------------------------------------------ UI bridge

/**
 * A small HTTP server on 127.0.0.1 through which tests running in the extension host drive the workbench page
 * (test/e2e/harness/suite/ui.ts is the client). The extension API cannot type into an input box, press a
 * notification's button or read a notification; a person can, and so can Playwright on the real page.
 *   POST /notifications/reset           forget the notifications seen so far
 *   POST /notifications/wait {pattern, flags?, timeoutMs?}   the first notification seen (since reset) whose text
 *                                        matches the regular expression; 408 when none within the time
 *   POST /click {label, timeoutMs?}      click the button with exactly this label in a notification
 *   POST /input {text, title?, timeoutMs?}  type into the input box (whose title contains `title`) and press Enter
 * A failing step saves a screenshot of the page under .vscode-test/screenshots/ and names it in the error.
 */
export function createUiBridge() {
  let page;
  let poller;
  const seen = [];
  const seenText = new Set();

  async function poll() {
    if (!page || page.isClosed()) return;
    try {
      for (const text of await notificationTexts(page)) {
        if (text && !seenText.has(text)) { seenText.add(text); seen.push(text); }
      }
    } catch { /* page navigating or closing */ }
  }

  const remaining = (end) => Math.max(1, end - Date.now());
  const deadline = (timeoutMs) => Date.now() + Math.min(Number(timeoutMs) || 15_000, 120_000);

  const routes = {
    '/notifications/reset': async () => { seen.length = 0; seenText.clear(); return { ok: true }; },
    '/notifications/wait': async ({ pattern, flags = '', timeoutMs }) => {
      const re = new RegExp(pattern, flags);
      const end = deadline(timeoutMs);
      for (;;) {
        await poll();
        const hit = seen.find((t) => re.test(t));
        if (hit !== undefined) return { message: hit, all: seen };
        if (Date.now() > end) throw new Error(`no notification matching /${pattern}/${flags}; seen: ${JSON.stringify(seen)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    '/click': async ({ label, timeoutMs }) => {
      await notificationButton(page, label).click({ timeout: remaining(deadline(timeoutMs)) });
      return { ok: true };
    },
    '/input': async ({ text, title, timeoutMs }) => {
      await typeIntoInputBox(page, String(text), { title, timeoutMs: remaining(deadline(timeoutMs)) });
      return { ok: true };
    },
  };

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', async () => {
      const route = routes[new URL(req.url ?? '/', 'http://bridge').pathname];
      const reply = (status, value) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.method !== 'POST' || !route) return reply(404, { error: `no route ${req.method} ${req.url}` });
      if (!page) return reply(503, { error: 'the workbench page is not ready' });
      try {
        reply(200, await route(body ? JSON.parse(body) : {}));
      } catch (err) {
        const shot = await failureScreenshot(page, `bridge${req.url}`);
        reply(500, { error: err.message.split('\n').slice(0, 6).join('\n') + (shot ? ` (screenshot ${path.relative(ROOT, shot)})` : '') });
      }
    });
  });

  return {
    async listen() {
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${server.address().port}`;
    },
    /** onPage hook: the page to drive. */
    attach(p) {
      page = p;
      poller = setInterval(() => void poll(), 150);
    },
    async close() {
      clearInterval(poller);
      page = undefined;
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// ------------------------------------------------------------------------------------------ page helpers

/**
 * The text of every notification in the DOM: toasts and the notification center. (The workbench shows at most 3
 * toasts per 800 ms and puts the rest in the center only: tests that notify in quick succession open the center.)
 */
function notificationTexts(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('.notification-list-item-message'), (e) => e.textContent ?? ''));
}

const exactly = (label) => new RegExp(`^\\s*${String(label).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

function notificationButton(page, label) {
  return page.locator('.notifications-toasts .notification-list-item-buttons-container .monaco-button, .notifications-center .notification-list-item-buttons-container .monaco-button', { hasText: exactly(label) }).first();
}

async function typeIntoInputBox(page, text, { title, timeoutMs = 15_000 } = {}) {
  const end = Date.now() + timeoutMs;
  const left = () => Math.max(1, end - Date.now());
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: left() });
  if (title) await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: left() });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(text, { timeout: left() });
  await input.press('Enter', { timeout: left() });
}

async function failureScreenshot(page, name) {
  try {
    fs.mkdirSync(FAILURE_SCREENSHOTS, { recursive: true });
    const file = path.join(FAILURE_SCREENSHOTS, `${name.replace(/\W+/g, '-')}-${Date.now()}.png`);
    await page.screenshot({ path: file, timeout: 10_000 });
    return file;
  } catch {
    return undefined;
  }
}

/** Waits for a notification whose text matches, polling the DOM (a toast may hide again quickly). */
async function waitForNotification(page, pattern, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  let texts = [];
  for (;;) {
    texts = await notificationTexts(page).catch(() => texts);
    const hit = texts.find((t) => pattern.test(t));
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`no notification matching ${pattern}; showing: ${JSON.stringify(texts)}`);
    await page.waitForTimeout(100);
  }
}

// ------------------------------------------------------------------------------------------ ui session

/**
 * Drives the workbench like a person, checking what they would see at each step; `emulator` is the in-process
 * emulator the workspace's idenfy.baseUrl points at. Resolves with 0, or throws with the step that failed.
 */
export async function driveWorkbench(page, { screenshotPath, emulator }) {
  const step = async (what, fn) => {
    try {
      return await fn();
    } catch (err) {
      const shot = await failureScreenshot(page, `ui-${what}`);
      throw new Error(`ui: ${what}: ${err.message.split('\n')[0]}${shot ? ` (screenshot ${path.relative(ROOT, shot)})` : ''}`);
    }
  };
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const dialog = page.locator('.monaco-dialog-box');

  const quickOpen = async (file) => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(file);
    // Enter before the list has its row would do nothing.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: file }).waitFor({ timeout: 15_000 });
  };
  const runCommand = async (label) => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(label);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
  };
  const answerDialog = async (expect, button) => {
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await dialog.innerText();
    if (!expect.test(text)) throw new Error(`the dialog says "${text}", expected ${expect}`);
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: exactly(button) }).click({ timeout: 10_000 });
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    return text;
  };
  const clearNotifications = async () => {
    await runCommand('Notifications: Clear All Notifications');
  };
  const received = () => emulator.stats.received.length;

  await step('the workbench is ready', () => page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 }));
  await step('the Explorer lists the examples', () =>
    page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'broken-request.idenfy.json' }).waitFor({ timeout: 30_000 }));
  await step('Quick Open broken-request.idenfy.json', () => quickOpen('broken-request.idenfy.json'));
  await step('squiggles appear', () => editor.locator('.squiggly-error').first().waitFor({ timeout: 60_000 }));

  const problems = await step('the Problems panel lists the problems', async () => {
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'sessionLength' }).first().waitFor({ timeout: 15_000 });
    const texts = await rows.allInnerTexts();
    for (const expected of ['sessionLength', 'PASPORT', '"UK"', 'http://', 'clientID', 'utilityBill']) {
      if (!texts.some((t) => t.includes(expected))) throw new Error(`no problem mentioning ${expected} in ${JSON.stringify(texts)}`);
    }
    return texts.length;
  });

  await step('the hover on the country squiggle', async () => {
    // Back to the editor (the panel took the focus), then the mouse onto the value: moving to its box works where
    // Playwright's hover() on the squiggle element does not.
    await editor.locator('.view-lines').click({ position: { x: 600, y: 5 } });
    const value = editor.locator('.view-lines .view-line span span', { hasText: /^"UK"$/ }).first();
    const box = await value.boundingBox();
    if (!box) throw new Error('the text "UK" is not on screen');
    await page.mouse.move(box.x + box.width / 2 - 4, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'BAD_VALUE' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    // Let its fade-in finish, or the screenshot shows it half transparent.
    await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    const text = await hover.innerText();
    for (const expected of ['country must be a supported ISO 3166-1 alpha-2 country code', 'BAD_VALUE', 'United Kingdom is']) {
      if (!text.includes(expected)) throw new Error(`the hover lacks "${expected}":\n${text}`);
    }
  });
  await step('the screenshot', async () => {
    fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });
  });
  log(`ui: the Problems panel lists every mistake (${problems} rows), the hover shows the diagnostic; screenshot ${path.relative(ROOT, screenshotPath)}`);

  // ---- Send Token Request on a payload with errors: asked first, then iDenfy's answer explained.
  await page.mouse.move(5, 400);
  await step('send broken-request.idenfy.json: asked first', async () => {
    await runCommand('iDenfy: Send Token Request');
    await answerDialog(/6 errors/, 'Send Anyway');
  });
  const rejected = await step('send broken-request.idenfy.json: the answer', () => waitForNotification(page, /iDenfy answered 400 \w+/));
  // The emulator answers with the first error the same rules find: an identifier the catalogue explains.
  if (!/iDenfy answered 400 (MISSING_VALUE|BAD_VALUE|VALIDATION_ERROR)/.test(rejected)) throw new Error(`ui: unexpected answer "${rejected}"`);
  if (received() !== 1) throw new Error(`ui: the emulator received ${received()} requests, expected 1`);
  const auth = emulator.stats.received[0].headers.authorization;
  if (auth !== `Basic ${Buffer.from(`${DEMO_ENV.IDENFY_API_KEY}:${DEMO_ENV.IDENFY_API_SECRET}`).toString('base64')}`) throw new Error(`ui: sent with Authorization ${auth}`);
  log(`ui: sent anyway, notification "${rejected.slice(0, 100)}…"`);

  // ---- From code: create-token.ts computes clientId; the command asks for it.
  await step('clear the notifications', clearNotifications);
  await step('open create-token.ts', () => quickOpen('create-token.ts'));
  await step('put the cursor in the payload', async () => {
    const word = editor.locator('.view-lines .view-line span span', { hasText: /Jonas/ }).first();
    await word.waitFor({ timeout: 15_000 });
    await word.click();
  });
  await step('send create-token.ts: fill in clientId', async () => {
    await runCommand('iDenfy: Send Token Request');
    await answerDialog(/clientId/, 'Fill In…');
    await typeIntoInputBox(page, 'customer-42', { title: 'clientId' });
  });
  await step('send create-token.ts: its errors, sent anyway', () => answerDialog(/2 errors/, 'Send Anyway'));
  const answered = await step('send create-token.ts: the answer', () => waitForNotification(page, /iDenfy answered 400 BAD_VALUE/));
  const body = JSON.parse(emulator.stats.received.at(-1).body.toString('utf8'));
  if (body.clientId !== 'customer-42' || body.firstName !== 'Jonas') throw new Error(`ui: sent ${JSON.stringify(body)}`);
  await step('the answer is on the field it names, in the editor', async () => {
    const field = /Field '(\w+)'/.exec(answered)?.[1];
    if (!field) throw new Error(`no field named in "${answered}"`);
    // In the Problems panel, filtered to iDenfy's answers (the list only renders the rows in view).
    const filter = page.getByPlaceholder(/^Filter \(e\.g\. text/).first();
    await filter.fill('iDenfy answered');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: `iDenfy answered BAD_VALUE: Field '${field}'` }).first();
    await row.waitFor({ timeout: 10_000 });
    if (!(await row.innerText()).includes('create-token.ts') && !(await page.locator('.markers-panel .monaco-list-row', { hasText: 'create-token.ts' }).count())) {
      throw new Error('the answer is not listed under create-token.ts');
    }
    await filter.fill('');
  });
  log(`ui: create-token.ts sent with the filled-in clientId, notification "${answered.slice(0, 100)}…"`);
  return 0;
}

async function uiSession({ screenshotPath, out }) {
  // The emulator from the compiled sources (the dev bundle dist/emulator.js is a command-line program).
  const emulatorModule = path.join(out, 'emulator', 'emulator.js');
  if (!fs.existsSync(emulatorModule)) throw new Error(`${emulatorModule} is missing: compile first (tsc -p . --outDir ${path.relative(ROOT, out)})`);
  const { createEmulator } = createRequire(import.meta.url)(emulatorModule);
  const emulator = await createEmulator({ port: 0 });
  // A copy of examples/ (the folder keeps its name, as on the screenshot) whose settings point at this emulator.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-e2e-ui-'));
  const workspace = path.join(tmp, 'examples');
  fs.cpSync(EXAMPLES, workspace, { recursive: true });
  const settingsFile = path.join(workspace, '.vscode', 'settings.json');
  const settings = fs.readFileSync(settingsFile, 'utf8');
  if (!settings.includes('"http://127.0.0.1:8089"')) throw new Error('examples/.vscode/settings.json no longer points idenfy.baseUrl at http://127.0.0.1:8089');
  fs.writeFileSync(settingsFile, settings.replace('"http://127.0.0.1:8089"', JSON.stringify(emulator.url)));
  try {
    return await runTests({
      installVsix: VSIX,
      workspacePath: workspace,
      extraSettings: {
        'editor.hover.delay': 150,
        'editor.minimap.enabled': false,
        'workbench.layoutControl.enabled': false,
      },
      extensionTestsEnv: DEMO_ENV,
      onPage: (page) => driveWorkbench(page, { screenshotPath, emulator }),
      screenshotDir: FAILURE_SCREENSHOTS,
      timeoutMs: SESSION_TIMEOUT_MS,
    });
  } finally {
    await emulator.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------ dev and vsix sessions

async function devSession({ out, grep }) {
  const bridge = createUiBridge();
  const bridgeUrl = await bridge.listen();
  try {
    return await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(out, 'test', 'e2e', 'harness', 'mocha-index.js'),
      workspacePath: DEV_WORKSPACE,
      extensionTestsEnv: {
        ...DEMO_ENV,
        E2E_SUITE_DIR: path.join(out, 'test', 'e2e', 'harness', 'suite', 'dev'),
        E2E_UI_BRIDGE: bridgeUrl,
        ...(grep ? { E2E_MOCHA_GREP: grep } : {}),
      },
      onPage: async (page) => { bridge.attach(page); },
      screenshotDir: FAILURE_SCREENSHOTS,
      timeoutMs: SESSION_TIMEOUT_MS,
    });
  } finally {
    await bridge.close();
  }
}

function vsixSession({ out, grep }) {
  return runTests({
    installVsix: VSIX,
    extensionTestsPath: path.join(out, 'test', 'e2e', 'harness', 'mocha-index.js'),
    workspacePath: FIXTURE_WORKSPACE,
    extensionTestsEnv: {
      E2E_SUITE_DIR: path.join(out, 'test', 'e2e', 'harness', 'suite', 'vsix'),
      ...(grep ? { E2E_MOCHA_GREP: grep } : {}),
    },
    screenshotDir: FAILURE_SCREENSHOTS,
    timeoutMs: SESSION_TIMEOUT_MS,
  });
}

// ------------------------------------------------------------------------------------------ main

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' }, screenshot: { type: 'boolean' }, 'no-build': { type: 'boolean' },
      out: { type: 'string' }, grep: { type: 'string' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    const text = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
    console.log(text.slice(1, text.findIndex((l) => l === '')).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return 0;
  }
  if (values.verbose) process.env.VSCODE_TEST_VERBOSE = '1';
  const sessions = values.screenshot ? ['ui'] : (values.only ?? 'dev,vsix,ui').split(',').map((s) => s.trim());
  for (const s of sessions) if (!['dev', 'vsix', 'ui'].includes(s)) throw new Error(`--only: unknown session "${s}" (dev, vsix, ui)`);
  const out = path.resolve(ROOT, values.out ?? 'out');
  const timings = [];
  const timed = async (what, fn) => {
    const t0 = Date.now();
    try {
      return await fn();
    } finally {
      timings.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    }
  };

  await timed('install', () => ensureInstalled());
  if (!values['no-build']) {
    if (sessions.includes('vsix') || sessions.includes('ui')) await timed('package', () => packageVsix());
    // The development bundle back in dist/ (the dev session loads it; it is also what `npm run build` leaves).
    await timed('build', () => node('tools/build.mjs'));
    await timed('compile tests', () => run(bin('tsc'), ['-p', '.', '--outDir', out]));
  }
  if ((sessions.includes('vsix') || sessions.includes('ui')) && !fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run without --no-build`);

  const failed = [];
  for (const session of sessions) {
    log(`----- ${session} session`);
    let code;
    try {
      code = await timed(session, () => (session === 'dev' ? devSession({ out, grep: values.grep })
        : session === 'vsix' ? vsixSession({ out, grep: values.grep })
          : uiSession({ out, screenshotPath: values.screenshot ? SCREENSHOT : SCRATCH_SCREENSHOT })));
    } catch (err) {
      console.error(`[e2e] ${session}: ${err.message}`);
      code = 2;
    }
    if (code !== 0) failed.push(`${session} (exit ${code})`);
  }
  log(`timings: ${timings.join(', ')}`);
  if (failed.length) {
    console.error(`[e2e] FAILED: ${failed.join(', ')}; screenshots of failures in ${path.relative(ROOT, FAILURE_SCREENSHOTS)}/`);
    return 1;
  }
  log(`all passed (${sessions.join(', ')})`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => { process.exitCode = code; }, (err) => { console.error(`[e2e] ${err.message}`); process.exitCode = 2; });
}
