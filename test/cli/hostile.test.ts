/**
 * Hostile input for the command line (issue 13): odd file names, odd config files, huge files. A clear message or a
 * skip note, never an internal error, a hang or a stack trace.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertNoStackTrace, removeTree, runCli, write } from './helpers';

const BAD = '{"clientId":"a","tokenType":"BAD"}\n';

describe('idenfy-token-lint: hostile input', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-cli-hostile-'));
  });
  after(() => removeTree(dir));

  it('a % in a file name: checked like any other (no "URI malformed")', () => {
    write(dir, 'percent/100%.idenfy.json', BAD);
    write(dir, 'percent/100%25.idenfy.json', BAD);
    write(dir, 'percent/%E0%A4%A.idenfy.json', BAD);
    for (const file of ['percent/100%.idenfy.json', 'percent/100%25.idenfy.json', 'percent/%E0%A4%A.idenfy.json']) {
      const run = runCli([file], dir);
      assertNoStackTrace(run.stderr);
      assert.doesNotMatch(run.stderr, /internal error|URI malformed/);
      assert.equal(run.code, 1, `${file}: ${run.stderr}`);
      assert.match(run.stdout, /BAD_VALUE/);
    }
  });

  describe('--config', () => {
    const config = (file: string) => {
      write(dir, 'config/a.idenfy.json', BAD);
      const run = runCli(['--config', file, 'config/a.idenfy.json'], dir);
      assertNoStackTrace(run.stderr);
      return run;
    };

    it('/dev/zero is refused as not a regular file, without reading it', { skip: !fs.existsSync('/dev/zero') }, () => {
      const run = config('/dev/zero');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /cannot read config file \/dev\/zero: not a regular file/);
    });

    it('a FIFO is refused, not waited on', { skip: process.platform === 'win32' }, () => {
      const fifo = path.join(dir, 'settings.fifo');
      const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
      if (spawnSync('mkfifo', [fifo]).status !== 0) return;
      const started = Date.now();
      const run = config(fifo);
      assert.ok(Date.now() - started < 30_000, 'no hang');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /not a regular file/);
    });

    it('a file over the size limit is refused with its size', () => {
      write(dir, 'config/huge.json', `{"idenfy.payloadFiles": ["${'x'.repeat(5 * 1024 * 1024)}"]}`);
      const run = config('config/huge.json');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /cannot read config file .*huge\.json: larger than 4 MB/);
    });

    it('10,000 levels of nesting: a clear error, no stack overflow', () => {
      write(dir, 'config/deep.json', `{"idenfy.countryBoundDocuments": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
      const run = config('config/deep.json');
      assert.equal(run.code, 2);
      assert.doesNotMatch(run.stderr, /internal error|call stack/i);
      assert.match(run.stderr, /config file .*deep\.json nests deeper than \d+ levels/);
    });
  });

  describe('odd files', () => {
    it('a newline in a file name is escaped: one finding stays one line', () => {
      write(dir, 'names/a\nb.idenfy.json', BAD);
      const run = runCli(['names'], dir);
      assert.equal(run.code, 1);
      const finding = run.lines.find((line) => line.includes('BAD_VALUE'));
      assert.ok(finding, run.stdout);
      assert.match(finding, /^names\/a\\nb\.idenfy\.json:1:\d+ /);
    });

    it('a file name that is not UTF-8: a skip note, not "no such file"', { skip: process.platform !== 'linux' }, () => {
      const folder = path.join(dir, 'latin1');
      fs.mkdirSync(folder, { recursive: true });
      try {
        fs.writeFileSync(Buffer.concat([Buffer.from(folder + '/caf'), Buffer.from([0xe9]), Buffer.from('.idenfy.json')]), BAD);
      } catch {
        return; // the file system insists on UTF-8 names
      }
      const run = runCli(['latin1'], dir);
      assertNoStackTrace(run.stderr);
      assert.doesNotMatch(run.stderr, /no such file/);
      assert.match(run.stderr, /note: latin1\/caf\uFFFD\.idenfy\.json: skipped: the file name is not valid UTF-8/);
      assert.equal(run.code, 0);
    });

    it('a symbolic link loop: a skip note like a dangling link, exit code not 2', { skip: process.platform === 'win32' }, () => {
      const folder = path.join(dir, 'loops');
      fs.mkdirSync(folder, { recursive: true });
      fs.symlinkSync('b.idenfy.json', path.join(folder, 'a.idenfy.json'));
      fs.symlinkSync('a.idenfy.json', path.join(folder, 'b.idenfy.json'));
      write(dir, 'loops/ok.idenfy.json', BAD);
      const walked = runCli(['loops'], dir);
      assert.equal(walked.code, 1, walked.stderr);
      assert.match(walked.stderr, /note: loops\/a\.idenfy\.json: skipped: symbolic link loop/);
      const named = runCli(['loops/a.idenfy.json'], dir);
      assert.equal(named.code, 0, named.stderr);
      assert.match(named.stderr, /skipped: symbolic link loop/);
    });

    it('a code file over 8 MB: a skip note, not counted as checked', () => {
      write(dir, 'big/bundle.js', `// idenfy token\n${'let x = 1;\n'.repeat(900_000)}`);
      const run = runCli(['big'], dir);
      assert.equal(run.code, 0);
      assert.match(run.stderr, /note: big\/bundle\.js: skipped: .*over the 8 MB/);
      assert.match(run.stdout, /0 files checked/);
    });
  });
});
