import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeProject, removeTree, runCli, write } from './helpers';

const CALLBACK = 'payloads/callback.idenfy.json';

describe('idenfy-token-lint: settings change what is reported', () => {
  let project: string;
  before(() => {
    project = makeProject();
  });
  after(() => removeTree(project));

  it('without settings, account rules stay silent (callbackUrl is fine)', () => {
    const run = runCli([CALLBACK], project);
    assert.equal(run.code, 0);
    assert.ok(run.lines.includes('0 problems (0 errors, 0 warnings)'));
  });

  it('.vscode/settings.json idenfy.account.customCallbackUrl: false reports callbackUrl as PERMISSIONS_ERROR', () => {
    const own = makeProject();
    try {
      write(own, '.vscode/settings.json', '{\n  "editor.tabSize": 2,\n  // the account may not set its own callback URL\n  "idenfy.account.customCallbackUrl": false,\n}\n');
      const run = runCli([CALLBACK], own);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /^payloads\/callback\.idenfy\.json:3:3 {2}error {2}PERMISSIONS_ERROR {2}/m);
      assert.equal(run.stderr, '', 'editor.* keys are not reported');

      // From a subfolder, the nearest ancestor with .vscode gives the settings.
      const nested = runCli(['../../' + CALLBACK], path.join(own, 'packages', 'web'));
      assert.match(nested.stdout, /^\.\.\/\.\.\/payloads\/callback\.idenfy\.json:3:3 {2}error {2}PERMISSIONS_ERROR/m);
    } finally {
      removeTree(own);
    }
  });

  it('--config reads nested "idenfy": {...} keys, and wins over .vscode/settings.json', () => {
    const own = makeProject();
    try {
      write(own, '.vscode/settings.json', '{ "idenfy.account.customCallbackUrl": true }');
      assert.equal(runCli([CALLBACK], own).code, 0);
      write(own, 'ci/idenfy.json', JSON.stringify({ idenfy: { account: { customCallbackUrl: false } } }));
      const run = runCli(['--config', 'ci/idenfy.json', CALLBACK], own);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /PERMISSIONS_ERROR/);
    } finally {
      removeTree(own);
    }
  });

  it('idenfy.payloadFiles decides which JSON files are payloads, relative to the workspace folder', () => {
    // config/plain.json holds only a clientId: a payload only when idenfy.payloadFiles names it.
    write(project, 'config/plain.json', '{ "clientId": "only-a-client-id" }');
    write(project, 'ci/no-patterns.json', JSON.stringify({ 'idenfy.payloadFiles': [] }));
    const none = JSON.parse(runCli(['--format', 'json', '--config', 'ci/no-patterns.json'], project).stdout);
    const paths = none.files.map((f: { path: string }) => f.path);
    assert.ok(!paths.includes('config/plain.json'));
    assert.ok(paths.includes('requests/create-session.json'), 'content detection still applies');
    // A file name with "idenfy" in it is evidence of its own, with or without the pattern.
    assert.ok(paths.includes('packages/web/src/minimal.idenfy.json'), 'the file name names iDenfy');

    write(project, 'ci/config-dir.json', JSON.stringify({ 'idenfy.payloadFiles': ['config/plain.json'] }));
    const matched = runCli(['--format', 'json', '--config', 'ci/config-dir.json', 'config'], project);
    assert.deepEqual(
      JSON.parse(matched.stdout).files.map((f: { path: string }) => f.path),
      ['config/plain.json'],
    );
  });

  it('idenfy.account.digitStringMaxExpiry changes the digit-code limit', () => {
    write(project, 'payloads/digits.idenfy.json', '{ "clientId": "u", "generateDigitString": true, "expiryTime": 1800 }');
    assert.equal(runCli(['payloads/digits.idenfy.json'], project).code, 0);
    write(project, 'ci/short-codes.json', JSON.stringify({ 'idenfy.account.digitStringMaxExpiry': 900 }));
    const run = runCli(['--config', 'ci/short-codes.json', 'payloads/digits.idenfy.json'], project);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^payloads\/digits\.idenfy\.json:1:\d+ {2}error {2}PARTNER_CONTRACT_ERROR/m);
  });

  it('warns about keys that are no setting of the extension, with a suggestion', () => {
    write(project, 'ci/typo.json', JSON.stringify({ idenfy: { account: { customCallbackURL: false } } }));
    const run = runCli(['--config', 'ci/typo.json', CALLBACK], project);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /warning: ci\/typo\.json: idenfy\.account\.customCallbackURL is not a setting of the iDenfy extension \(ignored\); did you mean idenfy\.account\.customCallbackUrl\?/);
  });

  it('settings reach the worker threads too', () => {
    write(project, 'ci/strict.json', JSON.stringify({ 'idenfy.account.customCallbackUrl': false }));
    const run = runCli(['--jobs', '2', '--config', 'ci/strict.json', 'payloads'], project);
    assert.match(run.stdout, /PERMISSIONS_ERROR/);
  });
});
