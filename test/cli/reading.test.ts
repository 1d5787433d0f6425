import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { removeTree, runCli, write } from './helpers';

interface Finding {
  code: string;
  line: number;
  column: number;
  offset: number;
}

describe('idenfy-token-lint: reading files as the editor does', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-cli-read-'));
    const body = '{\n  "clientId": "u-1",\n  "sex": "X"\n}\n';
    write(dir, 'plain.idenfy.json', body);
    write(dir, 'utf8-bom.idenfy.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
    write(dir, 'utf16le-bom.idenfy.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]));
    write(dir, 'utf16be-bom.idenfy.json', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body, 'utf16le').swap16()]));
    // 700 KB: more than one read buffer (256 KB), the finding at its end.
    write(dir, 'large.idenfy.json', `{\n  "clientId": "u-2",\n  "address": "${'a'.repeat(700 * 1024)}",\n  "sex": "X"\n}\n`);
  });
  after(() => removeTree(dir));

  const findings = (file: string, extra: string[] = []): Finding[] => {
    const run = runCli(['--format', 'json', ...extra, file], dir);
    const report = JSON.parse(run.stdout);
    return report.files[0]?.findings ?? [];
  };

  it('a UTF-8 byte order mark is not part of the text: same lines, columns and offsets', () => {
    const plain = findings('plain.idenfy.json').map((f) => [f.code, f.line, f.column, f.offset]);
    assert.deepEqual(plain, [['BAD_VALUE', 3, 10, 32]]);
    assert.deepEqual(
      findings('utf8-bom.idenfy.json').map((f) => [f.code, f.line, f.column, f.offset]),
      plain,
    );
  });

  it('UTF-16 files with a byte order mark are decoded, not taken for binary', () => {
    assert.deepEqual(
      findings('utf16le-bom.idenfy.json').map((f) => [f.code, f.line, f.column]),
      [['BAD_VALUE', 3, 10]],
    );
    assert.deepEqual(
      findings('utf16be-bom.idenfy.json').map((f) => [f.code, f.line, f.column]),
      [['BAD_VALUE', 3, 10]],
    );
  });

  it('reads a file larger than its read buffer to the end', () => {
    const large = findings('large.idenfy.json');
    assert.ok(
      large.some((f) => f.code === 'BAD_VALUE' && f.line === 4 && f.column === 10),
      JSON.stringify(large),
    );
  });

  it('stops reading a large binary file at its first chunk', () => {
    write(dir, 'blob/dump.json', Buffer.alloc(3 * 1024 * 1024, 0));
    const run = runCli(['--format', 'json', 'blob'], dir);
    assert.equal(run.code, 0);
    assert.deepEqual(JSON.parse(run.stdout).skipped, [{ path: 'blob/dump.json', reason: 'binary', message: 'binary content (NUL bytes): not checked' }]);
  });

  it('skips a file over --max-file-size, giving its size', () => {
    const run = runCli(['--max-file-size', '0.5', 'large.idenfy.json'], dir);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /^note: large\.idenfy\.json: skipped: 700(\.\d)? KB, over the 512 KB limit \(--max-file-size\)$/m);
  });
});
