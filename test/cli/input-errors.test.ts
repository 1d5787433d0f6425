import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertNoStackTrace, makeProject, removeTree, runCli, write } from './helpers';

/** Exit code 2 with one clear message on stderr, nothing on stdout, no stack trace. */
function assertBadInput(run: ReturnType<typeof runCli>, message: RegExp): void {
  assert.equal(run.code, 2, `exit code; stderr:\n${run.stderr}`);
  assert.match(run.stderr, message);
  assert.match(run.stderr, /^idenfy-token-lint: /);
  assertNoStackTrace(run.stderr);
  assert.equal(run.stdout, '');
}

describe('idenfy-token-lint: bad input exits 2 with a message, never a stack trace', () => {
  let project: string;
  before(() => {
    project = makeProject();
  });
  after(() => removeTree(project));

  it('a path that does not exist', () => {
    assertBadInput(runCli(['payloads/missing.idenfy.json'], project), /payloads\/missing\.idenfy\.json: no such file or directory/);
  });

  it('an invalid glob', () => {
    assertBadInput(runCli(['payloads/{bad,clean.json'], project), /invalid glob "payloads\/\{bad,clean\.json": unclosed "\{"/);
    assertBadInput(runCli(['payloads/[abc.json'], project), /invalid glob "payloads\/\[abc\.json": unclosed "\["/);
    assertBadInput(runCli(['!'], project), /"!" needs a path or glob/);
  });

  it('a glob that matches no file, unless --no-error-on-unmatched-pattern', () => {
    assertBadInput(runCli(['reports/**/*.json'], project), /no files match the glob "reports\/\*\*\/\*\.json"/);
    const tolerant = runCli(['reports/**/*.json', '--no-error-on-unmatched-pattern'], project);
    assert.equal(tolerant.code, 0);
    assert.ok(tolerant.lines.includes('0 problems (0 errors, 0 warnings)'));
  });

  it('unknown options and bad option values', () => {
    assertBadInput(runCli(['--fix'], project), /unknown option --fix/);
    assertBadInput(runCli(['--format', 'xml'], project), /--format must be one of human, json, sarif; got "xml"/);
    assertBadInput(runCli(['--max-warnings', 'many'], project), /--max-warnings must be a whole number/);
    assertBadInput(runCli(['--max-warnings'], project), /--max-warnings needs a value/);
    assertBadInput(runCli(['--jobs', '0'], project), /--jobs must be "auto" or a whole number/);
    assertBadInput(runCli(['--max-file-size', '-1'], project), /--max-file-size must be a number of megabytes/);
  });

  it('--config with settings of the wrong type names each of them', () => {
    write(
      project,
      'ci/idenfy.json',
      JSON.stringify({
        'idenfy.account.customCallbackUrl': 'no',
        idenfy: { account: { digitStringMaxExpiry: -5 }, payloadFiles: '**/*.idenfy.json' },
      }),
    );
    const run = runCli(['--config', 'ci/idenfy.json'], project);
    assertBadInput(run, /invalid settings in ci\/idenfy\.json:/);
    assert.match(run.stderr, /^ {2}idenfy\.account\.customCallbackUrl must be true or false; got "no"$/m);
    assert.match(run.stderr, /^ {2}idenfy\.account\.digitStringMaxExpiry must be a positive whole number of seconds; got number$/m);
    assert.match(run.stderr, /^ {2}idenfy\.payloadFiles must be an array of glob strings; got "\*\*\/\*\.idenfy\.json"$/m);
  });

  it('.vscode/settings.json with a setting of the wrong type', () => {
    const own = makeProject();
    try {
      write(own, '.vscode/settings.json', '{\n  // comments are fine in settings.json\n  "idenfy.account.allowedTokenTypes": "DOCUMENT",\n}\n');
      const run = runCli([], own);
      assertBadInput(run, /invalid settings in \.vscode\/settings\.json:\n {2}idenfy\.account\.allowedTokenTypes must be an array of token types; got "DOCUMENT"/);
    } finally {
      removeTree(own);
    }
  });

  it('a config file that is missing, not JSON, or not an object', () => {
    assertBadInput(runCli(['--config', 'nowhere.json'], project), /cannot read config file nowhere\.json: no such file or directory/);
    write(project, 'ci/broken.json', '{\n  "idenfy.payloadFiles": [,\n}');
    assertBadInput(runCli(['--config', 'ci/broken.json'], project), /config file ci\/broken\.json:2:27: invalid JSON \(value expected\)/);
    write(project, 'ci/array.json', '["idenfy.payloadFiles"]');
    assertBadInput(runCli(['--config', 'ci/array.json'], project), /must hold a JSON object with idenfy\.\* keys/);
    write(project, 'ci/scalar.json', '{ "idenfy": true }');
    assertBadInput(runCli(['--config', 'ci/scalar.json'], project), /idenfy must be an object of settings/);
  });

  it('an unreadable file is reported at the end with exit 2; the other files are still checked', () => {
    const own = makeProject();
    try {
      // A symbolic link loop, like a link to nothing, is only noted (issue 13: not an exit 2).
      fs.symlinkSync('loop-b.json', path.join(own, 'payloads', 'loop-a.json'));
      fs.symlinkSync('loop-a.json', path.join(own, 'payloads', 'loop-b.json'));
      fs.symlinkSync('gone.json', path.join(own, 'payloads', 'dangling.json'));
      const run = runCli(['payloads'], own);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /^payloads\/bad\.idenfy\.json:3:20 {2}error {2}BAD_VALUE/m, 'the other files are checked');
      assert.match(run.stderr, /^note: payloads\/loop-a\.json: skipped: symbolic link loop \(too many levels of symbolic links\): not checked$/m);
      assert.match(run.stderr, /^note: payloads\/loop-b\.json: skipped: symbolic link loop/m);
      assert.match(run.stderr, /^note: payloads\/dangling\.json: skipped: symbolic link to a file that does not exist$/m);
      assertNoStackTrace(run.stderr);

      const json = runCli(['--format', 'json', 'payloads'], own);
      assert.equal(json.code, 1);
      const report = JSON.parse(json.stdout);
      assert.deepEqual(report.failures, []);
      assert.deepEqual(
        report.skipped.filter((s: { reason: string }) => s.reason === 'broken-link').map((s: { path: string }) => s.path),
        ['payloads/dangling.json', 'payloads/loop-a.json', 'payloads/loop-b.json'],
      );

      if (process.getuid?.() !== 0) {
        const locked = path.join(own, 'payloads', 'locked.idenfy.json');
        fs.writeFileSync(locked, '{}');
        fs.chmodSync(locked, 0o000);
        const denied = runCli(['payloads/locked.idenfy.json'], own);
        assert.equal(denied.code, 2);
        assert.match(denied.stderr, /payloads\/locked\.idenfy\.json: cannot read: permission denied/);
      }
    } finally {
      removeTree(own);
    }
  });

  it('a file the linter does not read, named on the command line, is noted and skipped', () => {
    const run = runCli(['.gitignore', 'payloads/clean.idenfy.json'], project);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /^note: \.gitignore: skipped: not a JSON, TypeScript, JavaScript, Python or PHP file$/m);
  });
});
