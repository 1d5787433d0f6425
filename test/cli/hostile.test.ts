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
    write(dir, 'percent/100%.json', BAD);
    write(dir, 'percent/100%25.json', BAD);
    write(dir, 'percent/%E0%A4%A.json', BAD);
    for (const file of ['percent/100%.json', 'percent/100%25.json', 'percent/%E0%A4%A.json']) {
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
});
