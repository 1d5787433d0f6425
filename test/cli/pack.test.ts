import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from './helpers';

/**
 * The command the README documents for CI, run from the packed npm tarball as a user gets it: `npm pack`, install the
 * tarball into an empty project (offline: the package has no dependencies), then `npx --package idenfy-token-tools
 * idenfy-token-lint`, and `npx idenfy-token-lint` once it is a dev dependency. Needs the built bundle (npm test builds it).
 */
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const built = fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli.js'));

describe('the packed npm tarball runs the documented command', { skip: built ? false : 'dist/cli.js not built (run npm run build)' }, () => {
  let dir: string;
  let tarball: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-pack-'));
    const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--pack-destination', dir], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    tarball = path.join(dir, packed[0].filename);
    const files = (packed[0].files as Array<{ path: string }>).map((f) => f.path).sort();
    assert.ok(files.includes('dist/cli.js') && files.includes('schemas/idenfy-token-request.schema.json'), files.join(' '));
    assert.ok(!files.some((f) => f.startsWith('core/') || f === 'dist/extension.js'), 'only the linter ships');
    const project = path.join(dir, 'consumer');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
    execFileSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, stdio: 'pipe' });
    fs.writeFileSync(path.join(project, 'kyc.idenfy.json'), '{\n  "clientId": "a",\n  "sessionLength": 1\n}\n');
    fs.writeFileSync(path.join(project, 'kyc.py'), 'import requests\nrequests.post("https://ivs.idenfy.com/api/v2/token", json={"clientId": "a", "tokenType": "SELFIE"})\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const args of [['--package', 'idenfy-token-tools', 'idenfy-token-lint'], ['idenfy-token-lint']]) {
    it(`npx ${args.join(' ')} checks the files and fails on an error`, () => {
      const run = spawnSync(NPX, ['--offline', ...args, 'kyc.idenfy.json'], { cwd: path.join(dir, 'consumer'), encoding: 'utf8' });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /^kyc\.idenfy\.json:3:20 {2}error {2}BAD_VALUE {2}sessionLength must be an integer/m);
    });
  }

  it('checks Python too: the tree-sitter runtime and grammars ship in the package', () => {
    const run = spawnSync(NPX, ['--offline', 'idenfy-token-lint', 'kyc.py'], { cwd: path.join(dir, 'consumer'), encoding: 'utf8' });
    assert.equal(run.status, 1, `${run.stdout}${run.stderr}`);
    assert.match(run.stdout, /^kyc\.py:2:\d+ {2}error {2}BAD_VALUE {2}tokenType must be one of/m);
  });

  it("the sample GitHub workflow's command writes a SARIF file, which it uploads to code scanning", () => {
    const workflow = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'github-workflow-idenfy.yml'), 'utf8');
    const command = /run: (npx .*idenfy-token-lint.*)$/m.exec(workflow)?.[1];
    assert.ok(command, 'the workflow runs the linter');
    assert.match(workflow, /security-events: write/);
    assert.match(workflow, /uses: github\/codeql-action\/upload-sarif@v3[\s\S]*sarif_file: idenfy\.sarif/);
    // The same arguments, with the version pin dropped (the tarball under test is that version, installed offline).
    const args = command
      .split(/\s+/)
      .slice(1)
      .filter((a) => a !== '--yes')
      .map((a) => a.replace(/^idenfy-token-tools@.*/, 'idenfy-token-tools'));
    const consumer = path.join(dir, 'consumer');
    const run = spawnSync(NPX, ['--offline', ...args], { cwd: consumer, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const sarif = JSON.parse(fs.readFileSync(path.join(consumer, 'idenfy.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results[0].ruleId, 'BAD_VALUE/sessionLength');
  });

  it('the README documents exactly that command', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.match(readme, /npx --package idenfy-token-tools idenfy-token-lint/);
    // Plain `npx idenfy-token-lint` only where the package is installed first.
    for (const line of readme.split('\n').filter((l) => /^npx idenfy-token-lint/.test(l.trim()))) assert.fail(`undocumented-install npx line: ${line}`);
  });
});
