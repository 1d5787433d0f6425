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
});
