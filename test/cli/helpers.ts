import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root: the folder of the extension's package.json, found from this compiled file. */
export const REPO_ROOT = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'idenfy-token-tools') return dir;
    } catch {
      // keep looking
    }
    if (path.dirname(dir) === dir) throw new Error('package.json of idenfy-token-tools not found above ' + __dirname);
  }
})();

/**
 * The command under test:
 * - IDENFY_CLI when set (a path, relative to the repository root or absolute);
 * - dist/cli.js, the shipped esbuild bundle, under `npm test` / `npm run test:cli` (which build it first);
 * - else the compiled cli/main.js next to these compiled tests (e.g. out-cli/cli/main.js after
 *   `tsc -p . --outDir out-cli`).
 */
export const CLI = (() => {
  if (process.env.IDENFY_CLI) return path.resolve(REPO_ROOT, process.env.IDENFY_CLI);
  const bundle = path.join(REPO_ROOT, 'dist', 'cli.js');
  if (['test', 'test:cli'].includes(process.env.npm_lifecycle_event ?? '') && fs.existsSync(bundle)) return bundle;
  return path.resolve(__dirname, '../../cli/main.js');
})();

export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout split into lines, without the empty last one. */
  readonly lines: string[];
}

/** Runs the real command in `cwd`, with no colour variables from the calling environment. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): CliRun {
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'CI', 'IDENFY_DEBUG'].includes(key)) childEnv[key] = value;
  }
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: childEnv, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1) };
}

/** A payload with an error: found in a skipped place, it must never show up in a report. */
export const BAD_PAYLOAD = '{\n  "clientId": "must-not-be-reported",\n  "sessionLength": 1\n}\n';

/**
 * A copy of test/fixtures/cli/project in a temp folder, as a git working tree (an empty .git folder marks the
 * repository root), plus what a repository cannot hold: node_modules, .gitignore'd output, a binary file, CRLF
 * line ends.
 */
export function makeProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-cli-test-'));
  fs.cpSync(path.join(FIXTURES, 'project'), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, '.git'));
  write(dir, '.git/payload.idenfy.json', BAD_PAYLOAD);
  write(dir, 'node_modules/kyc-sdk/examples/token.idenfy.json', BAD_PAYLOAD);
  write(dir, 'packages/web/node_modules/dep/request.idenfy.json', BAD_PAYLOAD);
  write(dir, 'generated/token.idenfy.json', BAD_PAYLOAD); // root .gitignore: generated/
  write(dir, 'payloads/mine.local.json', BAD_PAYLOAD.replace('"sessionLength"', '"generateDigitString": "yes", "sessionLength"')); // *.local.json
  write(dir, 'packages/web/build/token.idenfy.json', BAD_PAYLOAD); // nested .gitignore: build/
  // NUL bytes: a binary file with a payload-looking name is skipped with a note.
  write(dir, 'assets/logo.idenfy.json', Buffer.concat([Buffer.from('{"clientId":"x","sessionLength":1}'), Buffer.alloc(64), Buffer.from([0x89, 0x50, 0x4e, 0x47])]));
  // CRLF line ends, a lone CR, and a character outside the BMP (two UTF-16 code units) before the finding.
  write(dir, 'payloads/windows.idenfy.json', '{\r\n  "clientId": "user-1",\r  "externalRef": "\u{1F600}", "sex": "X"\r\n}\r\n');
  return dir;
}

export function write(root: string, relative: string, content: string | Buffer): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

export function removeTree(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** No stack trace: no "    at fn (file:line)" frames and no Node error banner. */
export function assertNoStackTrace(text: string): void {
  if (/^\s+at .+[:(]/m.test(text) || /node:internal|Error: .*\n\s+at /.test(text)) {
    throw new Error(`unexpected stack trace in output:\n${text}`);
  }
}
