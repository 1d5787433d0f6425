// @ts-check
// @vscode/test-cli configuration: the Extension Test Runner (VS Code's Testing view) and `npx vscode-test` find the
// end-to-end suites here. Build and compile first: `npm run build && npm run compile-tests` (the tests run from out/,
// the extension from dist/). `npm run test:e2e` (tools/e2e.mjs) is the complete run (dev + vsix + ui sessions).
//   npx vscode-test --label code-server   offline: code-server + headless Chromium behind the launcher
//   npx vscode-test --label desktop       desktop VS Code, downloaded by @vscode/test-electron (network, display)
// The send-request suite needs the UI bridge, which only the code-server launcher provides: it skips itself on
// desktop VS Code.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@vscode/test-cli';

const LAUNCHER = fileURLToPath(new URL('./tools/vscode-test/codeServerLauncher', import.meta.url));
// The emulator's demo credentials (emulator/emulator.ts DEMO_CREDENTIALS), as tools/e2e.mjs gives them.
const DEMO_ENV = { IDENFY_API_KEY: 'emulator-api-key', IDENFY_API_SECRET: 'emulator-api-secret' };

/** @type {import('@vscode/test-cli').TestConfiguration} */
const dev = {
  files: 'out/test/e2e/harness/suite/dev/**/*.e2e.js',
  workspaceFolder: './test/fixtures/e2e-workspace',
  // Keep in step with test/e2e/harness/mochaIndex.ts.
  mocha: { ui: 'tdd', timeout: 60_000, color: false },
  launchArgs: ['--disable-extensions'],
  env: DEMO_ENV,
};

export default defineConfig([
  {
    ...dev,
    label: 'code-server',
    useInstallation: { fromPath: LAUNCHER },
    env: { ...DEMO_ENV, VSCODE_LAUNCHER_NODE: process.execPath, E2E_UI_BRIDGE: 'start' },
  },
  { ...dev, label: 'desktop', version: '1.100.3' },
]);
