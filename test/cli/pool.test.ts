import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { removeTree, runCli, write } from './helpers';

/** Enough files for --jobs auto to start worker threads (cli/pool.ts POOL_THRESHOLD is 400). */
const FILES = 600;

describe('idenfy-token-lint: worker threads on a larger tree', () => {
  let tree: string;
  before(() => {
    tree = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-cli-pool-'));
    fs.mkdirSync(path.join(tree, '.git'));
    for (let i = 0; i < FILES; i++) {
      const dir = `pkg-${i % 7}/src/${i % 13}`;
      if (i % 50 === 0) write(tree, `${dir}/session-${i}.idenfy.json`, JSON.stringify({ clientId: `u-${i}`, sessionLength: 5000 + i }, null, 2));
      else if (i % 50 === 25)
        write(tree, `${dir}/kyc-${i}.ts`, `export const send = () => fetch('https://ivs.idenfy.com/api/v2/token', { method: 'POST', body: JSON.stringify({ clientId: 'u', sex: 'X${i}' }) });\n`);
      else if (i % 2) write(tree, `${dir}/module-${i}.ts`, `export function f${i}(x: number): number {\n  return x * ${i};\n}\n`);
      else write(tree, `${dir}/data-${i}.json`, JSON.stringify({ id: i, clientId: `c-${i}`, items: [1, 2, 3] }));
    }
  });
  after(() => removeTree(tree));

  it('uses worker threads with --jobs auto on a machine with more than two cores, and finds what one thread finds', () => {
    const single = runCli(['--format', 'json', '--jobs', '1'], tree);
    const auto = runCli(['--format', 'json'], tree);
    assert.equal(single.code, 1);
    assert.equal(auto.code, single.code);
    const report = JSON.parse(single.stdout);
    assert.equal(report.summary.filesChecked, FILES);
    assert.equal(report.summary.filesWithPayloads, 24);
    assert.equal(report.summary.errors, 24, 'one sessionLength or sex error per payload');
    assert.deepEqual(JSON.parse(auto.stdout), report);

    const verbose = runCli(['--verbose'], tree);
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    if (cores <= 2) {
      // Two cores or fewer: auto keeps one thread (V8's background work already uses the second core).
      assert.match(verbose.stdout, /with token payloads \(one thread\)$/m);
      return; // the worker threads themselves are covered with --jobs N (human.test.ts)
    }
    assert.match(verbose.stdout, new RegExp(`^${FILES} files checked, 24 with token payloads \\(${Math.min(cores, Math.ceil(FILES / 100))} threads\\)$`, 'm'));
    assert.match(runCli(['--verbose', '--jobs', '1'], tree).stdout, /with token payloads \(one thread\)$/m);
  });
});
