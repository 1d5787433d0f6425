/* eslint-disable no-control-regex -- ANSI colour codes are what these tests look for */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BAD_PAYLOAD, CLI, makeProject, REPO_ROOT, removeTree, runCli, write } from './helpers';

describe('idenfy-token-lint: human output on a project tree', () => {
  let project: string;
  before(() => {
    project = makeProject();
  });
  after(() => removeTree(project));

  it('lists each problem as "path:line:col  severity  code  message", sorted, then the summary; exit 1 on errors', () => {
    const run = runCli([], project);
    assert.equal(run.code, 1, run.stderr);
    const findings = run.lines.filter((line) => /^\S+:\d+:\d+ {2}/.test(line));
    assert.deepEqual(
      findings.map((line) => line.split('  ').slice(0, 3).join('  ')),
      [
        'payloads/bad.idenfy.json:3:20  error  BAD_VALUE',
        'payloads/bad.idenfy.json:4:10  error  BAD_VALUE',
        'payloads/bad.idenfy.json:5:3  warning  unknown-field',
        'payloads/twice.idenfy.json:3:3  warning  duplicate-key',
        'payloads/windows.idenfy.json:3:31  error  BAD_VALUE',
        'requests/create-session.json:4:16  warning  empty-documents',
        'requests/create-session.json:5:3  warning  unknown-field',
        'src/kyc.ts:9:22  error  BAD_VALUE',
        'src/session.js:8:16  error  BAD_VALUE',
      ],
    );
    assert.match(findings[0], /sessionLength must be .*3600/);
    assert.match(findings[2], /did you mean expiryTime\?/);
    assert.ok(run.lines.includes('9 problems (5 errors, 4 warnings) and 1 note (--verbose lists them)'), run.stdout);
    assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colours when stdout is not a terminal');
  });

  it('prints a related location under the finding it belongs to', () => {
    const run = runCli([], project);
    const at = run.lines.findIndex((line) => line.startsWith('payloads/twice.idenfy.json:3:3  warning  duplicate-key'));
    assert.ok(at >= 0, run.stdout);
    assert.match(run.lines[at + 1], /^ {4}related: payloads\/twice\.idenfy\.json:4:3 {2}the value that counts: locale$/);
  });

  it('counts columns in UTF-16 code units and lines at CRLF and lone CR, as editors do', () => {
    // line 3 is `  "externalRef": "😀", "sex": "X"`: the emoji is 2 code units, so "X" starts at column 31.
    const run = runCli(['--format', 'json', 'payloads/windows.idenfy.json'], project);
    const finding = JSON.parse(run.stdout).files[0].findings[0];
    assert.deepEqual([finding.line, finding.column, finding.endLine, finding.endColumn], [3, 31, 3, 34]);
  });

  it('never reports node_modules, .git, .gitignored paths (root and nested .gitignore) or package.json', () => {
    const run = runCli(['--verbose'], project);
    for (const skipped of ['node_modules', '.git/', 'generated/', 'mine.local.json', 'build/', 'package.json', 'config/']) {
      assert.ok(!run.stdout.includes(skipped), `${skipped} must not be reported:\n${run.stdout}`);
    }
    assert.ok(!run.stdout.includes('must-not-be-reported'));
  });

  it('checks a .gitignored file or directory when it is named on the command line', () => {
    const file = runCli(['generated/token.idenfy.json'], project);
    assert.equal(file.code, 1);
    assert.match(file.stdout, /^generated\/token\.idenfy\.json:3:20 {2}error {2}BAD_VALUE/m);
    const dir = runCli(['packages/web/build'], project);
    assert.equal(dir.code, 1);
    assert.match(dir.stdout, /^packages\/web\/build\/token\.idenfy\.json:3:20 {2}error/m);
    const inNodeModules = runCli(['node_modules/kyc-sdk/examples/token.idenfy.json'], project);
    assert.equal(inNodeModules.code, 1);
  });

  it('honours nested .gitignore negations, and reads no .gitignore with --no-gitignore', () => {
    const own = makeProject();
    try {
      write(own, 'requests/.gitignore', '*.json\n!create-session.json\n');
      write(own, 'requests/draft.json', BAD_PAYLOAD.replace('"sessionLength"', '"generateDigitString": true, "sessionLength"'));
      const paths = (stdout: string) => JSON.parse(stdout).files.map((f: { path: string }) => f.path);
      const plain = paths(runCli(['--format', 'json'], own).stdout);
      assert.ok(plain.includes('requests/create-session.json'), 're-included by !create-session.json');
      assert.ok(!plain.includes('requests/draft.json'), 'ignored by requests/.gitignore');
      assert.ok(!plain.includes('generated/token.idenfy.json'));
      const all = paths(runCli(['--format', 'json', '--no-gitignore'], own).stdout);
      for (const file of ['requests/draft.json', 'generated/token.idenfy.json', 'packages/web/build/token.idenfy.json']) assert.ok(all.includes(file), file);
      assert.ok(!all.some((p: string) => p.includes('node_modules')), 'node_modules stays skipped');
    } finally {
      removeTree(own);
    }
  });

  it('skips a binary file with a note on stderr, without failing', () => {
    const run = runCli(['assets', 'payloads/clean.idenfy.json'], project);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^note: assets\/logo\.idenfy\.json: skipped: binary content/m);
    assert.ok(run.lines.includes('0 problems (0 errors, 0 warnings)'));
  });

  it('skips a file over --max-file-size with a note', () => {
    const run = runCli(['--max-file-size', '0.0001', 'payloads/clean.idenfy.json'], project);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /note: payloads\/clean\.idenfy\.json: skipped: .*over the 105 bytes limit \(--max-file-size\)/);
  });

  it('exits 0 on a tree with only clean official-style payloads', () => {
    const run = runCli(['payloads/clean.idenfy.json', 'payloads/callback.idenfy.json', 'packages'], project);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(run.lines, ['0 problems (0 errors, 0 warnings)', '3 files checked, 3 with token payloads']);
  });

  it('lists information notes only with --verbose', () => {
    const plain = runCli(['payloads/bad.idenfy.json'], project);
    assert.ok(!plain.stdout.includes('dev-credentials-only'));
    const verbose = runCli(['--verbose', 'payloads/bad.idenfy.json'], project);
    assert.match(verbose.stdout, /^payloads\/bad\.idenfy\.json:6:3 {2}info {2}dev-credentials-only {2}dummyStatus/m);
    assert.ok(verbose.lines.includes('3 problems (2 errors, 1 warning) and 1 note'));
  });

  it('--quiet lists errors only, and the summary says so', () => {
    const run = runCli(['--quiet'], project);
    assert.equal(run.code, 1);
    assert.ok(!/ {2}warning {2}/.test(run.stdout), run.stdout);
    assert.equal(run.lines.filter((line) => / {2}error {2}/.test(line)).length, 5);
    assert.ok(run.lines.includes('9 problems (5 errors, 4 warnings) and 1 note; only errors listed (--quiet)'), run.stdout);
  });

  describe('--max-warnings', () => {
    // requests/create-session.json has 2 warnings and no error.
    const target = ['requests/create-session.json'];
    it('warnings alone exit 0', () => {
      assert.equal(runCli(target, project).code, 0);
    });
    it('exit 0 when the warnings are at most N', () => {
      assert.equal(runCli([...target, '--max-warnings', '2'], project).code, 0);
    });
    it('exit 1 when the warnings exceed N, with a line saying why', () => {
      const run = runCli([...target, '--max-warnings', '1'], project);
      assert.equal(run.code, 1);
      assert.ok(run.lines.includes('Too many warnings: 2, more than --max-warnings 1.'), run.stdout);
      assert.equal(runCli([...target, '--max-warnings=0'], project).code, 1);
    });
    it('errors still exit 1 however large N is', () => {
      assert.equal(runCli(['payloads/bad.idenfy.json', '--max-warnings', '100'], project).code, 1);
    });
  });

  it('globs select files (quoted, expanded by the linter), and "!" operands exclude', () => {
    const run = runCli(['--format', 'json', 'payloads/*.idenfy.json', '!**/bad.*'], project);
    const paths = JSON.parse(run.stdout).files.map((f: { path: string }) => f.path);
    assert.deepEqual(paths, ['payloads/callback.idenfy.json', 'payloads/clean.idenfy.json', 'payloads/twice.idenfy.json', 'payloads/windows.idenfy.json']);
    const overlapping = runCli(['--format', 'json', 'payloads', 'payloads/*.idenfy.json'], project);
    assert.equal(overlapping.code, 1, 'a glob matching only files named before is no "unmatched" error');
    assert.equal(JSON.parse(overlapping.stdout).files.length, 5, 'each file once');
    const brace = runCli(['--format', 'json', '{requests,packages}/**/*.json'], project);
    assert.deepEqual(
      JSON.parse(brace.stdout).files.map((f: { path: string }) => f.path),
      ['packages/web/src/minimal.idenfy.json', 'requests/create-session.json'],
    );
  });

  it('reports paths relative to the current directory when run from a subfolder', () => {
    const run = runCli(['..'], path.join(project, 'requests'));
    assert.match(run.stdout, /^\.\.\/payloads\/bad\.idenfy\.json:3:20 {2}error/m);
    assert.match(run.stdout, /^create-session\.json:4:16 {2}warning/m);
  });

  it('gives the same report with a worker pool as in one thread', () => {
    const single = runCli(['--format', 'json', '--jobs', '1'], project);
    const pool = runCli(['--format', 'json', '--jobs', '3'], project);
    assert.equal(pool.code, single.code);
    assert.deepEqual(JSON.parse(pool.stdout), JSON.parse(single.stdout));
  });

  it('writes the report to --output-file', () => {
    const target = path.join(project, 'reports', 'lint.txt');
    const run = runCli(['-o', 'reports/lint.txt', 'payloads/bad.idenfy.json'], project);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(fs.readFileSync(target, 'utf8'), /^payloads\/bad\.idenfy\.json:3:20 {2}error {2}BAD_VALUE/);
  });

  it('--help and --version', () => {
    const help = runCli(['--help'], project);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: idenfy-token-lint \[options\] \[path \| glob \.\.\.\]/);
    for (const option of ['--format', '--config', '--max-warnings', '--quiet', '--verbose', '--jobs', 'Exit codes:']) assert.ok(help.stdout.includes(option), option);
    const version = runCli(['--version'], project);
    assert.equal(version.code, 0);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(version.stdout.trim(), pkg.version);
  });

  it('with no path, lints the current directory', () => {
    const empty = path.join(project, 'empty-dir');
    fs.mkdirSync(empty, { recursive: true });
    write(empty, 'token.idenfy.json', BAD_PAYLOAD);
    const run = runCli([], empty);
    assert.deepEqual(run.lines.slice(0, 1), ['token.idenfy.json:3:20  error  BAD_VALUE  sessionLength must be an integer from 60 to 3600 seconds; got 1.']);
  });
});

describe('idenfy-token-lint: colours', () => {
  let project: string;
  before(() => {
    project = makeProject();
  });
  after(() => removeTree(project));

  /** Runs the command on a pseudo-terminal with util-linux `script`, so that stdout is a TTY. */
  function runOnTty(env: Record<string, string>): string | undefined {
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) return undefined;
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --no-progress payloads/bad.idenfy.json`;
    const childEnv: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'NO_COLOR' && key !== 'FORCE_COLOR') childEnv[key] = value;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: project, env: { ...childEnv, ...env }, encoding: 'utf8', timeout: 60_000 });
    return result.stdout;
  }

  it('colours severities on a terminal', (t) => {
    const out = runOnTty({});
    if (out === undefined) return t.skip('util-linux script is not installed');
    assert.match(out, /\u001b\[31merror\u001b\[39m/);
    assert.match(out, /\u001b\[33mwarning\u001b\[39m/);
  });

  it('no colours on a terminal with NO_COLOR set', (t) => {
    const out = runOnTty({ NO_COLOR: '1' });
    if (out === undefined) return t.skip('util-linux script is not installed');
    assert.match(out, /payloads\/bad\.idenfy\.json:3:20 {2}error {2}BAD_VALUE/);
    assert.doesNotMatch(out, /\u001b\[/);
  });

  it('--color forces colours into a pipe', () => {
    const run = runCli(['--color', 'payloads/bad.idenfy.json'], project);
    assert.match(run.stdout, /\u001b\[31merror\u001b\[39m/);
  });
});
