import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { FIXTURES, removeTree, runCli, write } from './helpers';

/** Inline suppression comments and per-code severity, from the command line (the core applies both). */
describe('idenfy-token-lint: idenfy-ignore-next-line and idenfy.severity', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-cli-suppress-'));
    fs.mkdirSync(path.join(dir, '.git'));
    write(dir, 'a.idenfy.jsonc', '{\n  "clientId": "a",\n  // idenfy-ignore-next-line BAD_VALUE -- the sandbox accepts it\n  "sessionLength": 1,\n  "locale": "xx"\n}\n');
    write(dir, 'b.ts', ['const body: IdenfyTokenRequest = {', "  clientId: 'a',", '  // idenfy-ignore-next-line', "  tokenType: 'BAD',", '  sessionLength: 1,', '};', ''].join('\n'));
    write(dir, 'severity.json', JSON.stringify({ 'idenfy.severity': { 'unknown-locale': 'error', BAD_VALUE: 'off' } }));
  });
  after(() => removeTree(dir));

  it('a comment hides the findings of the next line, only those (JSONC and TypeScript)', () => {
    const run = runCli(['--format', 'json', 'a.idenfy.jsonc', 'b.ts'], dir);
    const report = JSON.parse(run.stdout);
    const found = report.files.flatMap((f: { path: string; findings: Array<{ code: string; line: number }> }) => f.findings.map((x) => `${f.path}:${x.line} ${x.code}`));
    assert.deepEqual(found.sort(), ['a.idenfy.jsonc:5 unknown-locale', 'b.ts:5 BAD_VALUE']);
    assert.equal(run.code, 1, 'the unsuppressed error in b.ts still fails the run');
  });

  it('--config with idenfy.severity turns a code off or up; the exit code follows', () => {
    const run = runCli(['--config', 'severity.json', '--format', 'json', 'a.idenfy.jsonc', 'b.ts'], dir);
    const report = JSON.parse(run.stdout);
    const found = report.files.flatMap((f: { findings: Array<{ code: string; severity: string }> }) => f.findings.map((x) => `${x.code} ${x.severity}`));
    assert.deepEqual(found, ['unknown-locale error']);
    assert.equal(run.code, 1);
    const off = runCli(['--config', 'severity.json', 'b.ts'], dir);
    assert.equal(off.code, 0, off.stdout);
  });

  it('an invalid severity in --config is a usage error (exit 2)', () => {
    write(dir, 'bad-severity.json', JSON.stringify({ idenfy: { severity: { BAD_VALUE: 'fatal' } } }));
    const run = runCli(['--config', 'bad-severity.json', 'a.idenfy.jsonc'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /idenfy\.severity must be an object mapping codes to one of error, warning, information, hint, off/);
  });

  it('the SARIF of a run with suppressions and severities is valid SARIF 2.1.0, with levels from the settings', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema', 'sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const compiled = ajv.compile(schema);
    const validate = (data: unknown): boolean => compiled(data) as boolean;
    const run = runCli(['--config', 'severity.json', '--format', 'sarif', 'a.idenfy.jsonc', 'b.ts'], dir);
    const sarif = JSON.parse(run.stdout);
    assert.ok(validate(sarif), JSON.stringify(compiled.errors, null, 2));
    assert.deepEqual(
      sarif.runs[0].results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`),
      ['unknown-locale/locale error'],
    );
    assert.equal(sarif.runs[0].tool.driver.rules[0].defaultConfiguration.level, 'error');
  });
});
