/**
 * Client of the UI bridge that tools/e2e.mjs runs next to the workbench page: what the extension API cannot do
 * (type into an input box, press a notification's button, read a notification) the test asks Playwright to do on the
 * real page, as a person would. The bridge's address comes in E2E_UI_BRIDGE. (Modal dialogs are refused by VS Code
 * while extension tests run; flows with those are in tools/e2e.mjs's ui session.)
 * The bridge is there only in code-server runs (tools/vscode-test/codeServerLauncher.mjs starts it): under desktop
 * VS Code (`npm run test:e2e -- --desktop`) there is no page to drive, and the suites that need it skip themselves.
 */

/** Whether this run has a UI bridge (E2E_UI_BRIDGE holds its address). */
export function hasUiBridge(): boolean {
  return /^https?:\/\//.test(process.env.E2E_UI_BRIDGE ?? '');
}

export interface Ui {
  /** Forget the notifications seen so far. */
  resetNotifications(): Promise<void>;
  /** The first notification seen since the last reset whose text matches. */
  waitForNotification(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Clicks the button with exactly this label in a notification. */
  click(label: string, timeoutMs?: number): Promise<void>;
  /** Types into the input box (the one whose title contains `title`) and presses Enter. */
  input(text: string, title?: string, timeoutMs?: number): Promise<void>;
}

export function ui(): Ui {
  const base = process.env.E2E_UI_BRIDGE;
  if (!base || !hasUiBridge()) throw new Error('E2E_UI_BRIDGE is not set: run these tests with `node tools/e2e.mjs`, which drives the workbench page for them.');
  async function call<T>(route: string, body: object, timeoutMs = 15_000): Promise<T> {
    const response = await fetch(`${base}${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...body, timeoutMs }),
      signal: AbortSignal.timeout(timeoutMs + 10_000),
    });
    const answer = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(`UI bridge ${route}: ${answer.error ?? response.status}`);
    return answer;
  }
  return {
    resetNotifications: async () => {
      await call('/notifications/reset', {});
    },
    waitForNotification: async (pattern, timeoutMs) => (await call<{ message: string }>('/notifications/wait', { pattern: pattern.source, flags: pattern.flags }, timeoutMs)).message,
    click: async (label, timeoutMs) => {
      await call('/click', { label }, timeoutMs);
    },
    input: async (text, title, timeoutMs) => {
      await call('/input', { text, title }, timeoutMs);
    },
  };
}
