// @ts-check
// The UI bridge: a small HTTP server on 127.0.0.1 through which tests running in the extension host drive the
// workbench page that Playwright holds (test/e2e/harness/suite/ui.ts is the client), plus the page helpers that
// tools/e2e.mjs's ui session shares with it. Started by the code-server launcher (codeServerLauncher.mjs) when
// the extension-test environment has E2E_UI_BRIDGE=start; the tests then find its address in E2E_UI_BRIDGE.
// There is no such page under desktop VS Code (`npm run test:e2e -- --desktop`): the suites that need the bridge
// skip themselves there.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** @typedef {import('playwright-core').Page} Page */

/** @param {unknown} err */
const errorMessage = (err) => (err instanceof Error ? err.message : String(err));

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
 * A failing step saves a screenshot of the page into `screenshotDir` (when given) and names it in the error.
 *
 * @param {{ screenshotDir?: string }} [options] where a failing step saves its screenshot (none when not given)
 */
export function createUiBridge({ screenshotDir } = {}) {
  /** @type {Page | undefined} */
  let page;
  /** @type {NodeJS.Timeout | undefined} */
  let poller;
  /** @type {string[]} */
  const seen = [];
  /** @type {Set<string>} */
  const seenText = new Set();

  async function poll() {
    if (!page || page.isClosed()) return;
    try {
      for (const text of await notificationTexts(page)) {
        if (text && !seenText.has(text)) {
          seenText.add(text);
          seen.push(text);
        }
      }
    } catch {
      /* page navigating or closing */
    }
  }

  /** @param {number} end */
  const remaining = (end) => Math.max(1, end - Date.now());
  /** @param {unknown} timeoutMs */
  const deadline = (timeoutMs) => Date.now() + Math.min(Number(timeoutMs) || 15_000, 120_000);

  /** @type {Record<string, (body: any, page: Page) => Promise<object>>} */
  const routes = {
    '/notifications/reset': async () => {
      seen.length = 0;
      seenText.clear();
      return { ok: true };
    },
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
    '/click': async ({ label, timeoutMs }, page) => {
      await notificationButton(page, label).click({ timeout: remaining(deadline(timeoutMs)) });
      return { ok: true };
    },
    '/input': async ({ text, title, timeoutMs }, page) => {
      await typeIntoInputBox(page, String(text), { title, timeoutMs: remaining(deadline(timeoutMs)) });
      return { ok: true };
    },
  };

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', async () => {
      const route = routes[new URL(req.url ?? '/', 'http://bridge').pathname];
      /** @param {number} status @param {object} value */
      const reply = (status, value) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.method !== 'POST' || !route) return reply(404, { error: `no route ${req.method} ${req.url}` });
      if (!page) return reply(503, { error: 'the workbench page is not ready' });
      try {
        reply(200, await route(body ? JSON.parse(body) : {}, page));
      } catch (err) {
        const shot = screenshotDir ? await failureScreenshot(page, `bridge${req.url}`, screenshotDir) : undefined;
        reply(500, { error: errorMessage(err).split('\n').slice(0, 6).join('\n') + (shot ? ` (screenshot ${shot})` : '') });
      }
    });
  });

  return {
    async listen() {
      await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      return `http://127.0.0.1:${address.port}`;
    },
    /** onPage hook: the page to drive. @param {Page} p */
    attach(p) {
      page = p;
      poller = setInterval(() => void poll(), 150);
    },
    async close() {
      clearInterval(poller);
      page = undefined;
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

// ------------------------------------------------------------------------------------------ page helpers

/**
 * The text of every notification in the DOM: toasts and the notification center. (The workbench shows at most 3
 * toasts per 800 ms and puts the rest in the center only: tests that notify in quick succession open the center.)
 */
/** @param {Page} page @returns {Promise<string[]>} */
export function notificationTexts(page) {
  return page.locator('.notification-list-item-message').allTextContents();
}

/** A regular expression matching exactly this label (give or take white space). @param {string} label */
export const exactly = (label) => new RegExp(`^\\s*${String(label).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** The button of a notification (a toast or in the notification center) labelled exactly `label`. @param {Page} page @param {string} label */
export function notificationButton(page, label) {
  return page
    .locator('.notifications-toasts .notification-list-item-buttons-container .monaco-button, .notifications-center .notification-list-item-buttons-container .monaco-button', {
      hasText: exactly(label),
    })
    .first();
}

/**
 * Types into the input box (the one whose title contains `title`, when given) and presses Enter.
 * @param {Page} page @param {string} text @param {{ title?: string, timeoutMs?: number }} [options]
 */
export async function typeIntoInputBox(page, text, { title, timeoutMs = 15_000 } = {}) {
  const end = Date.now() + timeoutMs;
  const left = () => Math.max(1, end - Date.now());
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: left() });
  if (title) await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: left() });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(text, { timeout: left() });
  await input.press('Enter', { timeout: left() });
}

/**
 * Saves a screenshot of the page into `dir`; resolves with its path, or undefined when that failed.
 * @param {Page} page @param {string} name @param {string} dir
 */
export async function failureScreenshot(page, name, dir) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}-${Date.now()}.png`);
    await page.screenshot({ path: file, timeout: 10_000 });
    return file;
  } catch {
    return undefined;
  }
}

/** Waits for a notification whose text matches, polling the DOM (a toast may hide again quickly). */
/** @param {Page} page @param {RegExp} pattern */
export async function waitForNotification(page, pattern, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  /** @type {string[]} */
  let texts = [];
  for (;;) {
    texts = await notificationTexts(page).catch(() => texts);
    const hit = texts.find((t) => pattern.test(t));
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`no notification matching ${pattern}; showing: ${JSON.stringify(texts)}`);
    await page.waitForTimeout(100);
  }
}
