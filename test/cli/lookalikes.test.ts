/**
 * Issue 18 through the real CLI: the look-alike corpus (test/fixtures/json/lookalikes) and the issue's own examples
 * (json/not-payloads) in a project are not payloads: no finding, exit 0.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, removeTree, runCli, write } from './helpers';

const FOLDERS = ['lookalikes', 'not-payloads'];

describe('idenfy-token-lint on look-alike JSON', () => {
  let project: string;
  let names: string[];
  before(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-cli-lookalikes-'));
    names = [];
    for (const folder of FOLDERS) {
      const from = path.join(REPO_ROOT, 'test', 'fixtures', 'json', folder);
      for (const name of fs.readdirSync(from).filter((n) => n.endsWith('.json'))) {
        write(project, `${folder}/${name}`, fs.readFileSync(path.join(from, name)));
        names.push(`${folder}/${name}`);
      }
    }
  });
  after(() => removeTree(project));

  it('checks every file and finds no payload and no problem (exit 0)', () => {
    assert.ok(names.length >= 36, `${names.length} files`);
    const run = runCli(['--format', 'json'], project);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as { summary: Record<string, number>; files: unknown[]; failures: unknown[] };
    assert.equal(report.summary.filesChecked, names.length);
    assert.equal(report.summary.filesWithPayloads, 0);
    assert.equal(report.summary.errors + report.summary.warnings + report.summary.notes, 0);
    assert.deepEqual(report.files, []);
    assert.deepEqual(report.failures, []);
  });

  it('a file opted in by idenfy.payloadFiles is checked again', () => {
    write(project, '.vscode/settings.json', JSON.stringify({ 'idenfy.payloadFiles': ['not-payloads/kiosk-settings.json'] }));
    try {
      const run = runCli(['--format', 'json'], project);
      const report = JSON.parse(run.stdout) as { files: Array<{ path: string }> };
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['not-payloads/kiosk-settings.json'],
      );
    } finally {
      fs.rmSync(path.join(project, '.vscode'), { recursive: true, force: true });
    }
  });
});
