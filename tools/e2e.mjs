#!/usr/bin/env node
// @ts-check
// The end-to-end run: the extension in a real VS Code (code-server 4.100.3 + Debian's Chromium, see
// tools/vscode-test/), three sessions in a row:
//   1. dev   the development folder (dist/ from `node tools/build.mjs`), the mocha suites in
//            test/e2e/harness/suite/dev/ on the workspace test/fixtures/e2e-workspace/, in the extension host.
//            A "UI bridge" (tools/vscode-test/uiBridge.mjs) lets those tests type into input boxes and read
//            notifications.
//   2. vsix  the packaged extension (production build, `vsce package`) installed with the editor's
//            `--install-extension`: the suites in test/e2e/harness/suite/vsix/.
//   The dev and vsix sessions go through @vscode/test-electron's runTests, with vscodeExecutablePath set to
//   tools/vscode-test/codeServerLauncher, which takes desktop VS Code's arguments and runs code-server + Chromium.
//   With --desktop, test-electron downloads desktop VS Code instead and runs the same suites in it.
//   3. ui    the installed .vsix driven like a person would, with Playwright only (no test runner: VS Code refuses
//            modal dialogs while extension tests run). On a copy of examples/ pointed at an emulator: open
//            broken-request.idenfy.json with Quick Open, read the Problems panel, move the mouse onto a squiggle and
//            read the hover, take the screenshot; then Send Token Request from the palette, answer "Send Anyway",
//            read iDenfy's explained 400; then the same from create-token.ts, filling in its computed clientId.
// Exits non-zero when anything fails.
//
// Usage: node tools/e2e.mjs [--only dev,vsix,ui] [--screenshot] [--no-build] [--out DIR] [--grep RE] [--verbose]
//                            [--desktop [--vscode-version V]]
//   --screenshot   only the ui session, saving images/screenshot.png (1280x800)
//   --no-build     use dist/, .vscode-test/idenfy.vsix and the compiled tests as they are
//   --out DIR      where the tests are compiled (default out, as `npm run compile-tests`)
//   --grep RE      only the mocha tests whose title matches (dev and vsix sessions)
//   --verbose      code-server's output and the browser console too
//   --desktop      the dev and vsix sessions in desktop VS Code, which @vscode/test-electron downloads (network
//                  needed; on a Linux without a display, run under xvfb-run); the ui session is skipped and the
//                  suites that need the UI bridge skip themselves
//   --vscode-version V  the desktop VS Code to download (default 1.100.3, as in code-server; or stable, insiders)

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests as runWithTestElectron, TestRunFailedError } from '@vscode/test-electron';
import { CODE_SERVER_VERSION, ensureInstalled, VSCODE_VERSION } from './vscode-test/install.mjs';
import { DEFAULT_SETTINGS, runTests } from './vscode-test/runTests.mjs';
import { exactly, failureScreenshot, notificationButton, typeIntoInputBox, waitForNotification } from './vscode-test/uiBridge.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, '.vscode-test');
export const VSIX = path.join(CACHE, 'idenfy.vsix');
const FIXTURE_WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'e2e-workspace');
// The dev session opens it as a multi-root workspace (its first folder is the fixture folder): per-folder settings.
const DEV_WORKSPACE_FILE = 'two-accounts.code-workspace';
const EXAMPLES = path.join(ROOT, 'examples');
const SCREENSHOT = path.join(ROOT, 'images', 'screenshot.png');
const SCRATCH_SCREENSHOT = path.join(CACHE, 'screenshots', 'workbench.png');
const FAILURE_SCREENSHOTS = path.join(CACHE, 'screenshots');
// What test-electron launches instead of desktop VS Code (a shell wrapper of codeServerLauncher.mjs).
const LAUNCHER = path.join(ROOT, 'tools', 'vscode-test', 'codeServerLauncher');
// The emulator's demo credentials (emulator/emulator.ts DEMO_CREDENTIALS): the extension reads them from the
// environment, as a user's shell would provide them.
const DEMO_ENV = { IDENFY_API_KEY: 'emulator-api-key', IDENFY_API_SECRET: 'emulator-api-secret' };
const SESSION_TIMEOUT_MS = 5 * 60_000;

/** @param {string} msg */
const log = (msg) => console.log(`[e2e] ${msg}`);
/** @param {unknown} err */
const errorMessage = (err) => (err instanceof Error ? err.message : String(err));

// ------------------------------------------------------------------------------------------ processes

function run(cmd, args, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    child.stderr?.on('data', (d) => {
      out += d;
    });
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

// ------------------------------------------------------------------------------------------ ui session

/** The Authorization header of HTTP Basic auth with this key pair, as the send command writes it. @param {string} key @param {string} secret */
const basic = (key, secret) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

/** What both drives share: the steps a person takes in the workbench, each failing with its name and a screenshot. */
function workbenchActions(page, prefix) {
  const step = async (what, fn) => {
    try {
      return await fn();
    } catch (err) {
      const shot = await failureScreenshot(page, `${prefix}-${what}`, FAILURE_SCREENSHOTS);
      throw new Error(`${prefix}: ${what}: ${errorMessage(err).split('\n')[0]}${shot ? ` (screenshot ${path.relative(ROOT, shot)})` : ''}`, { cause: err });
    }
  };
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const dialog = page.locator('.monaco-dialog-box');
  const quickInput = page.locator('.quick-input-widget .quick-input-box input');

  // A quick input still closing (the palette after a command) would take the next keys as its own.
  const settled = () =>
    page
      .locator('.quick-input-widget')
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .catch(() => undefined);
  const quickOpen = async (file) => {
    await settled();
    await page.keyboard.press('Control+P');
    await quickInput.waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(file);
    // Enter before the list has its row would do nothing.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container.active .tab.active', { hasText: file }).waitFor({ timeout: 15_000 });
  };
  /** Opens a file of the workspace's root with a click in the Explorer. */
  const openFromExplorer = async (file) => {
    await settled();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().click();
    await page.locator('.editor-group-container.active .tab.active', { hasText: file }).waitFor({ timeout: 15_000 });
  };
  const runCommand = async (label) => {
    await settled();
    await page.keyboard.press('F1');
    await quickInput.waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(label);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
  };
  /**
   * Types `filter` into the open quick pick (under `title`, when given) and takes the first row left, which must show `filter`.
   * @param {string} filter @param {{ title?: string }} [options]
   */
  const pick = async (filter, { title } = {}) => {
    await quickInput.waitFor({ state: 'visible', timeout: 15_000 });
    if (title) await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 15_000 });
    await quickInput.fill(filter);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: filter }).first().waitFor({ timeout: 15_000 });
    await quickInput.press('Enter');
  };
  const answerDialog = async (expect, button) => {
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await dialog.innerText();
    if (!expect.test(text)) throw new Error(`the dialog says "${text}", expected ${expect}`);
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: exactly(button) }).click({ timeout: 10_000 });
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    return text;
  };
  const clearNotifications = () => runCommand('Notifications: Clear All Notifications');
  /** The text of the active editor group's editor as the user sees it (Monaco renders spaces as no-break spaces). */
  const editorText = async () => (await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  return { step, editor, dialog, quickOpen, openFromExplorer, runCommand, pick, answerDialog, clearNotifications, editorText };
}

/**
 * Drives the workbench like a person, checking what they would see at each step; `emulator` is the in-process
 * emulator the workspace's idenfy.baseUrl points at. Resolves with 0, or throws with the step that failed.
 */
export async function driveWorkbench(page, { screenshotPath, emulator }) {
  const { step, editor, quickOpen, runCommand, answerDialog, clearNotifications } = workbenchActions(page, 'ui');
  const received = () => emulator.stats.received.length;

  await step('the workbench is ready', () => page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 }));
  await step('the Explorer lists the examples', () => page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'broken-request.idenfy.json' }).waitFor({ timeout: 30_000 }));
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
  if (auth !== basic(DEMO_ENV.IDENFY_API_KEY, DEMO_ENV.IDENFY_API_SECRET)) throw new Error(`ui: sent with Authorization ${auth}`);
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

/**
 * What users of API tools expect, in the installed .vsix, driven like a person (the modals included, which extension
 * tests cannot answer): copy as cURL and run it; the answer as a read-only document, masked until "Reveal Token"; the
 * history's "Send Again"; the bundled emulator one command away; the one-time approval of a host that is neither
 * iDenfy's nor loopback; a production profile added through the palette, its confirmation, and its key pair on the wire.
 */
export async function driveApiTools(page, { emulator, settingsFile }) {
  const { step, editor, dialog, openFromExplorer, runCommand, pick, answerDialog, clearNotifications, editorText } = workbenchActions(page, 'ui-api-tools');
  const received = () => emulator.stats.received.length;
  const statusItem = (text) => page.locator('.statusbar-item', { hasText: text }).first();
  const waitUntil = async (what, test, timeoutMs = 15_000) => {
    const end = Date.now() + timeoutMs;
    while (!(await test())) {
      if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
      await page.waitForTimeout(100);
    }
  };
  /** Nothing arrives at the emulator and no dialog opens for a while: what a refused send looks like. */
  const staysQuiet = async (before, ms = 1500) => {
    await page.waitForTimeout(ms);
    if (received() !== before) throw new Error(`the emulator received ${received() - before} request(s)`);
  };

  await step('clear the notifications', clearNotifications);

  // ---- Copy as cURL from the command, then run it as copied.
  const curl = await step('copy as cURL', async () => {
    await openFromExplorer('kyc-request.idenfy.json');
    await editor
      .locator('.view-lines .view-line span span', { hasText: /Petraitis/ })
      .first()
      .click();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await runCommand('iDenfy: Copy Token Request as Code');
    await pick('cURL', { title: 'copy the token request as' });
    await waitForNotification(page, /cURL copied/);
    return page.evaluate(() => navigator.clipboard.readText());
  });
  await step('the copied cURL names the credentials, never their values', async () => {
    if (!curl.includes('$IDENFY_API_KEY') || !curl.includes('$IDENFY_API_SECRET')) throw new Error(`no environment references in:\n${curl}`);
    if (curl.includes(DEMO_ENV.IDENFY_API_SECRET)) throw new Error('the secret is in the snippet');
    if (!curl.includes(`${emulator.url}/api/v2/token`)) throw new Error(`not aimed at the workspace's idenfy.baseUrl ${emulator.url}:\n${curl}`);
  });
  await step('the copied cURL runs as written', async () => {
    const before = received();
    // Asynchronously: the emulator answering it runs in this process.
    const r = await new Promise((resolve, reject) => {
      const child = spawn('bash', ['-c', curl], { env: { ...process.env, ...DEMO_ENV }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    if (r.status !== 0) throw new Error(`curl exited ${r.status}: ${r.stderr}`);
    const answer = JSON.parse(r.stdout);
    if (typeof answer.authToken !== 'string') throw new Error(`curl got ${r.stdout}`);
    if (received() !== before + 1 || JSON.parse(emulator.stats.received.at(-1).body.toString('utf8')).lastName !== 'Petraitis') throw new Error('the emulator did not get the payload');
  });
  await step('the snippet opens in an editor', async () => {
    await notificationButton(page, 'Open in Editor').click({ timeout: 10_000 });
    await waitUntil('the snippet is in the active editor', async () => (await editorText()).includes('curl'));
  });
  log('ui: copied as cURL from the command; the copy ran with curl against the emulator and created a token');

  // ---- Send, then the answer as a read-only document: masked, revealed on request; then the history's Send Again.
  await step('clear the notifications', clearNotifications);
  const token = await step('send kyc-request.idenfy.json', async () => {
    await openFromExplorer('kyc-request.idenfy.json');
    await runCommand('iDenfy: Send Token Request');
    const text = await waitForNotification(page, /iDenfy created the token/);
    const found = /authToken: (\S+)/.exec(text)?.[1];
    if (!found) throw new Error(`no authToken in "${text}"`);
    return found;
  });
  await step('the answer document is masked', async () => {
    await runCommand('iDenfy: Open Last Response');
    await page.locator('.tab.active', { hasText: 'response.json' }).waitFor({ timeout: 15_000 });
    await waitUntil('the answer is shown', async () => (await editorText()).includes('"authToken"'));
    const text = await editorText();
    if (text.includes(token)) throw new Error(`the token is shown before Reveal Token:\n${text}`);
  });
  await step('Reveal Token asks, then shows the token', async () => {
    await runCommand('iDenfy: Reveal Token in Response');
    await answerDialog(/show the authToken/, 'Reveal Token');
    await waitUntil('the token is in the document', async () => (await editorText()).includes(token));
  });
  await step('Send Again from the history', async () => {
    const before = received();
    const sentBefore = emulator.stats.received.at(-1).body.toString('utf8');
    await runCommand('iDenfy: Show Send History');
    await pick('token created', { title: 'send history' });
    await pick('Send Again');
    await waitUntil('the emulator gets the body again', async () => received() === before + 1);
    if (emulator.stats.received.at(-1).body.toString('utf8') !== sentBefore) throw new Error('a different body was sent again');
  });
  log('ui: the answer opened masked, Reveal Token showed it after the modal, Send Again re-sent the same body');

  // ---- The emulator shipped in the .vsix, one command away.
  await step('clear the notifications', clearNotifications);
  const bundled = await step('Start Local Emulator', async () => {
    await runCommand('iDenfy: Start Local Emulator');
    const text = await waitForNotification(page, /local emulator running at http:\/\/127\.0\.0\.1:\d+/, 30_000);
    await statusItem('iDenfy: Emulator').waitFor({ timeout: 10_000 });
    return /http:\/\/127\.0\.0\.1:\d+/.exec(text)?.[0] ?? text;
  });
  await step('a send goes to the bundled emulator', async () => {
    const before = received();
    await openFromExplorer('kyc-request.idenfy.json');
    await runCommand('iDenfy: Send Token Request');
    await waitForNotification(page, /iDenfy created the token/);
    if (received() !== before) throw new Error('the send went to the workspace emulator, not the bundled one');
  });
  await step('Stop Local Emulator', async () => {
    await runCommand('iDenfy: Stop Local Emulator');
    await waitForNotification(page, /local emulator stopped/);
    await statusItem('iDenfy: Default').waitFor({ timeout: 10_000 });
  });
  log(`ui: Start Local Emulator ran the emulator from the installed .vsix (${bundled}); a send got its token there; stopped`);

  // ---- A base URL that is neither iDenfy's nor loopback: asked once per host, in a modal naming it.
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  if (!address) log('ui: no non-loopback IPv4 address on this machine: the host-approval steps are skipped');
  else {
    const closedPort = await new Promise((resolve) => {
      const probe = net.createServer().listen(0, address, () => {
        const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
        probe.close(() => resolve(port));
      });
    });
    const host = `${address}:${closedPort}`;
    const original = fs.readFileSync(settingsFile, 'utf8');
    try {
      fs.writeFileSync(settingsFile, original.replace(JSON.stringify(emulator.url), JSON.stringify(`https://${host}`)));
      await step('clear the notifications', clearNotifications);
      await step('an unknown host: refused', async () => {
        await openFromExplorer('kyc-request.idenfy.json');
        // The settings file changed on disk: give the configuration a moment to follow.
        await page.waitForTimeout(1500);
        await runCommand('iDenfy: Send Token Request');
        await answerDialog(new RegExp(`points at ${host.replace(/\./g, '\\.')}, which is neither iDenfy's API`), 'Cancel');
        await page.waitForTimeout(1500);
        const texts = await page.locator('.notification-list-item-message').allTextContents();
        if (texts.some((t) => /Connection refused|failed/.test(t))) throw new Error(`a request went out: ${JSON.stringify(texts)}`);
      });
      await step('an unknown host: approved once', async () => {
        await runCommand('iDenfy: Send Token Request');
        await answerDialog(/neither iDenfy's API/, `Send to ${host}`);
        await waitForNotification(page, new RegExp(`Connection refused by ${host.replace(/\./g, '\\.')}`));
      });
      await step('an approved host: not asked again', async () => {
        await clearNotifications();
        await runCommand('iDenfy: Send Token Request');
        await waitForNotification(page, /Connection refused by/);
        if (await dialog.isVisible()) throw new Error('asked again');
      });
    } finally {
      fs.writeFileSync(settingsFile, original);
    }
    log(`ui: idenfy.baseUrl https://${host}: the modal named the host; refused, nothing sent; approved, sent; not asked again`);
  }

  // ---- A production profile through the palette: the status bar, the confirmation, its key pair on the wire.
  await step('clear the notifications', clearNotifications);
  await step('add the production profile "Live"', async () => {
    await page.waitForTimeout(1500); // the restored settings file
    await runCommand('iDenfy: Add Credential Profile');
    await typeIntoInputBox(page, 'Live', { title: 'new credential profile' });
    await pick('Production', { title: 'production profile' });
    await typeIntoInputBox(page, 'live-api-key', { title: 'API key' });
    await typeIntoInputBox(page, 'live-api-secret', { title: 'API secret' });
    await statusItem('iDenfy: Live (production)').waitFor({ timeout: 10_000 });
  });
  await step('a production send: cancelled at the confirmation', async () => {
    const before = received();
    await openFromExplorer('kyc-request.idenfy.json');
    await runCommand('iDenfy: Send Token Request');
    await answerDialog(/production profile "Live"\? This creates a real token and uses a credit/, 'Cancel');
    await staysQuiet(before);
  });
  await step("a production send: confirmed, with the profile's key pair", async () => {
    const before = received();
    await runCommand('iDenfy: Send Token Request');
    await answerDialog(/production profile "Live"/, 'Send (uses a credit)');
    await waitUntil('the emulator gets the request', async () => received() === before + 1);
    const auth = emulator.stats.received.at(-1).headers.authorization;
    if (auth !== basic('live-api-key', 'live-api-secret')) throw new Error(`sent with Authorization ${auth}`);
    // The emulator knows only its demo pair: iDenfy's 401, explained.
    await waitForNotification(page, /iDenfy answered 401/);
  });
  log('ui: a production profile added from the palette shows in the status bar; its sends ask first; cancelled, nothing sent; confirmed, sent with its key pair');
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
      onPage: async (page) => {
        await driveWorkbench(page, { screenshotPath, emulator });
        return driveApiTools(page, { emulator, settingsFile });
      },
      screenshotDir: FAILURE_SCREENSHOTS,
      timeoutMs: SESSION_TIMEOUT_MS,
    });
  } finally {
    await emulator.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------ dev and vsix sessions

/**
 * The editor the dev and vsix sessions run in, through @vscode/test-electron's runTests either way: code-server
 * behind tools/vscode-test/codeServerLauncher (offline; the default), or desktop VS Code that test-electron
 * downloads (--desktop; needs the network, and a display: xvfb-run on a headless Linux).
 * @typedef {{ kind: 'code-server' | 'desktop', executable: string, cli: string[], version: string }} Editor
 */

/** @param {{ desktop: boolean, version: string }} o @returns {Promise<Editor>} */
async function resolveEditor({ desktop, version }) {
  if (!desktop) {
    await ensureInstalled();
    return { kind: 'code-server', executable: LAUNCHER, cli: [LAUNCHER], version: `${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION})` };
  }
  // Cached in .vscode-test/vscode-<platform>-<version>/ like test-electron always does.
  const executable = await downloadAndUnzipVSCode({ version, cachePath: CACHE });
  // reuseMachineInstall: no default --user-data-dir/--extensions-dir: each session passes its own.
  const cli = resolveCliArgsFromVSCodeExecutablePath(executable, { reuseMachineInstall: true });
  return { kind: 'desktop', executable, cli, version };
}

/**
 * One run of the mocha suites in `suiteDir` through test-electron's runTests, with a fresh profile (user data +
 * extensions) passed as launch arguments, as desktop VS Code takes them. With `vsix`, that package is installed into
 * the profile first with the editor's CLI (`code --install-extension`), and the development folder is an empty stub
 * extension: the installed package is what the tests see. Resolves with the tests' exit code.
 * @param {Editor} editor
 * @param {{ out: string, suite: 'dev' | 'vsix', grep?: string, vsix?: string, env?: Record<string, string> }} o
 */
async function testElectronSession(editor, { out, suite, grep, vsix, env = {} }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `idenfy-e2e-${suite}-`));
  const userDataDir = path.join(profile, 'user-data');
  const extensionsDir = path.join(profile, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  // The quiet, offline settings code-server runs get (runTests.mjs), for desktop VS Code too.
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(DEFAULT_SETTINGS, null, 2));
  // The tests edit documents (and an editor may save them): they get a copy, so the fixtures never change on disk.
  const workspace = path.join(profile, 'workspace');
  fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  let extensionDevelopmentPath = ROOT;
  if (vsix) {
    const [cli, ...cliArgs] = editor.cli;
    const r = spawnSync(cli, [...cliArgs, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--force', '--install-extension', vsix], {
      encoding: 'utf8',
      env: { ...process.env, VSCODE_LAUNCHER_NODE: process.execPath },
      shell: process.platform === 'win32',
    });
    const said = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    if (r.status !== 0 || !/successfully installed/i.test(said)) throw new Error(`installing ${path.relative(ROOT, vsix)} failed (exit ${r.status}):\n${said}`);
    log(`${suite}: installed ${path.basename(vsix)} into the session's extensions dir`);
    // Tests run only in extension-development mode: a stub that contributes nothing.
    extensionDevelopmentPath = path.join(profile, 'stub-extension');
    fs.mkdirSync(extensionDevelopmentPath);
    fs.writeFileSync(
      path.join(extensionDevelopmentPath, 'package.json'),
      JSON.stringify({ name: 'e2e-stub', publisher: 'idenfy-tools-tests', version: '0.0.0', engines: { vscode: '^1.100.0' } }, null, 2),
    );
  }
  try {
    return await runWithTestElectron({
      vscodeExecutablePath: editor.executable,
      extensionDevelopmentPath,
      extensionTestsPath: path.join(out, 'test', 'e2e', 'harness', 'mochaIndex.js'),
      launchArgs: [
        suite === 'dev' ? path.join(workspace, DEV_WORKSPACE_FILE) : workspace,
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${extensionsDir}`,
        // The dev session loads nothing but the development folder; the vsix session needs its installed package.
        ...(vsix ? [] : ['--disable-extensions']),
      ],
      extensionTestsEnv: {
        ...env,
        E2E_SUITE_DIR: path.join(out, 'test', 'e2e', 'harness', 'suite', suite),
        // Where the editor keeps this session's profile (global storage included), for tests that look at it.
        E2E_USER_DATA_DIR: userDataDir,
        ...(grep ? { E2E_MOCHA_GREP: grep } : {}),
        ...(editor.kind === 'code-server'
          ? {
              VSCODE_LAUNCHER_NODE: process.execPath,
              VSCODE_TEST_TIMEOUT: String(SESSION_TIMEOUT_MS / 1000),
              VSCODE_TEST_SCREENSHOT_DIR: FAILURE_SCREENSHOTS,
            }
          : {}),
      },
    });
  } catch (err) {
    // test-electron rejects when the editor exits non-zero: that is the tests' result, not a harness failure.
    if (err instanceof TestRunFailedError) return err.code ?? 1;
    throw err;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** @param {Editor} editor @param {{ out: string, grep?: string }} o */
function devSession(editor, { out, grep }) {
  return testElectronSession(editor, {
    out,
    suite: 'dev',
    grep,
    // The launcher starts the UI bridge on its workbench page; desktop VS Code has no such page, and the suites that
    // need the bridge skip themselves when E2E_UI_BRIDGE is not set.
    env: { ...DEMO_ENV, ...(editor.kind === 'code-server' ? { E2E_UI_BRIDGE: 'start' } : {}) },
  });
}

/** @param {Editor} editor @param {{ out: string, grep?: string }} o */
function vsixSession(editor, { out, grep }) {
  return testElectronSession(editor, { out, suite: 'vsix', grep, vsix: VSIX });
}

// ------------------------------------------------------------------------------------------ main

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      screenshot: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      out: { type: 'string' },
      grep: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      desktop: { type: 'boolean' },
      'vscode-version': { type: 'string' },
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
  if (values.verbose) process.env.VSCODE_TEST_VERBOSE = '1';
  const desktop = values.desktop === true;
  let sessions = values.screenshot ? ['ui'] : (values.only ?? 'dev,vsix,ui').split(',').map((s) => s.trim());
  for (const s of sessions) if (!['dev', 'vsix', 'ui'].includes(s)) throw new Error(`--only: unknown session "${s}" (dev, vsix, ui)`);
  if (desktop && sessions.includes('ui')) {
    // The ui session drives code-server's page with Playwright: there is no such page in desktop VS Code.
    if (values.only || values.screenshot) throw new Error('the ui session (and --screenshot) run in code-server only, not with --desktop');
    sessions = sessions.filter((s) => s !== 'ui');
    log("--desktop: the ui session is skipped (it drives code-server's page)");
  }
  const out = path.resolve(ROOT, values.out ?? 'out');
  /** @type {string[]} */
  const timings = [];
  /** @template T @param {string} what @param {() => Promise<T>} fn @returns {Promise<T>} */
  const timed = async (what, fn) => {
    const t0 = Date.now();
    try {
      return await fn();
    } finally {
      timings.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    }
  };

  /** @type {Editor | undefined} */
  let editor;
  if (sessions.includes('dev') || sessions.includes('vsix')) {
    editor = await timed('install', () => resolveEditor({ desktop, version: values['vscode-version'] ?? VSCODE_VERSION }));
    log(
      `dev and vsix sessions: @vscode/test-electron runTests in ${editor.kind === 'desktop' ? `desktop VS Code ${editor.version}` : `VS Code ${editor.version} via ${path.relative(ROOT, LAUNCHER)}`}`,
    );
  }
  if (sessions.includes('ui')) await timed('install', () => ensureInstalled());
  if (!values['no-build']) {
    if (sessions.includes('vsix') || sessions.includes('ui')) await timed('package', () => packageVsix());
    // The development bundle back in dist/ (the dev session loads it; it is also what `npm run build` leaves).
    await timed('build', () => node('tools/build.mjs'));
    await timed('compile tests', () => run(bin('tsc'), ['-p', '.', '--outDir', out]));
  }
  if ((sessions.includes('vsix') || sessions.includes('ui')) && !fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run without --no-build`);

  /** @type {string[]} */
  const failed = [];
  for (const session of sessions) {
    log(`----- ${session} session`);
    let code;
    try {
      code = await timed(session, () =>
        session === 'dev'
          ? devSession(/** @type {Editor} */ (editor), { out, grep: values.grep })
          : session === 'vsix'
            ? vsixSession(/** @type {Editor} */ (editor), { out, grep: values.grep })
            : uiSession({ out, screenshotPath: values.screenshot ? SCREENSHOT : SCRATCH_SCREENSHOT }),
      );
    } catch (err) {
      console.error(`[e2e] ${session}: ${errorMessage(err)}`);
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
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`[e2e] ${errorMessage(err)}`);
      process.exitCode = 2;
    },
  );
}
