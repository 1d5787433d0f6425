import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs } from '../../cli/args';
import { LineIndex } from '../../cli/lines';
import { Progress } from '../../cli/progress';

describe('cli units', () => {
  it('LineIndex: 1-based lines at \\n, \\r\\n and lone \\r; UTF-16 columns', () => {
    const text = 'a\r\nbc\rd\n\u{1F600}x';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.position(0), { line: 1, column: 1 });
    assert.deepEqual(lines.position(3), { line: 2, column: 1 }); // b
    assert.deepEqual(lines.position(6), { line: 3, column: 1 }); // d
    assert.deepEqual(lines.position(10), { line: 4, column: 3 }); // x, after a surrogate pair
    assert.deepEqual(lines.position(99), { line: 4, column: 4 }); // clamped to the end
  });

  it('Progress draws nothing in the first half second, then one erasable line', async () => {
    const written: string[] = [];
    const stream = { write: (chunk: string) => written.push(chunk) } as unknown as NodeJS.WritableStream;
    const progress = new Progress(true, stream);
    progress.update('checking files... 1/10');
    assert.deepEqual(written, []);
    await new Promise((resolve) => setTimeout(resolve, 550));
    progress.update('checking files... 5/10');
    progress.update('checking files... 6/10'); // within 100 ms: not redrawn
    progress.clear();
    assert.deepEqual(written, ['\r\u001b[2Kchecking files... 5/10', '\r\u001b[2K']);
    const off = new Progress(false, stream);
    off.update('x');
    off.clear();
    assert.equal(written.length, 2);
  });

  it('parseArgs: options with = or a separate value, short forms, -- ends options', () => {
    const options = parseArgs(['-f', 'sarif', '--max-warnings=3', '-q', '--jobs', '2', '--no-gitignore', '--', '--odd-name.json']);
    assert.equal(options.format, 'sarif');
    assert.equal(options.maxWarnings, 3);
    assert.equal(options.quiet, true);
    assert.equal(options.jobs, 2);
    assert.equal(options.gitignore, false);
    assert.deepEqual(options.operands, ['--odd-name.json']);
    assert.equal(parseArgs(['-fjson']).format, 'json');
    assert.equal(parseArgs([]).maxWarnings, -1);
    assert.equal(parseArgs(['--jobs', 'auto']).jobs, undefined);
  });
});
