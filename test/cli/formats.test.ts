import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { FIXTURES, makeProject, removeTree, runCli } from './helpers';

interface JsonFinding {
  severity: string;
  code: string;
  message: string;
  href: string;
  field?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
  related: Array<{ message: string; line: number; column: number; endLine: number; endColumn: number; offset: number; length: number }>;
}

describe('idenfy-token-lint --format json', () => {
  let project: string;
  let report: {
    version: number;
    tool: { name: string; version: string };
    cwd: string;
    summary: Record<string, number>;
    files: Array<{ path: string; language: string; payloads: number; findings: JsonFinding[] }>;
    skipped: Array<{ path: string; reason: string; message: string }>;
    failures: unknown[];
  };
  let code: number | null;
  before(() => {
    project = makeProject();
    const run = runCli(['--format', 'json'], project);
    code = run.code;
    report = JSON.parse(run.stdout);
  });
  after(() => removeTree(project));

  it('has the documented top-level shape and summary', () => {
    assert.equal(code, 1);
    assert.deepEqual(Object.keys(report), ['version', 'tool', 'cwd', 'summary', 'files', 'skipped', 'failures']);
    assert.equal(report.version, 1);
    assert.equal(report.tool.name, 'idenfy-token-lint');
    assert.equal(report.cwd, fs.realpathSync(project).split(path.sep).join('/'));
    assert.deepEqual(Object.keys(report.summary), ['filesChecked', 'filesWithPayloads', 'errors', 'warnings', 'notes', 'skipped', 'failures']);
    assert.equal(report.summary.errors, 5);
    assert.equal(report.summary.warnings, 4);
    assert.equal(report.summary.notes, 1);
    assert.equal(report.summary.skipped, 1);
    assert.equal(report.summary.failures, 0);
    assert.deepEqual(report.failures, []);
  });

  it('lists the files holding payloads, sorted, with relative "/" paths, and no others', () => {
    const paths = report.files.map((f) => f.path);
    assert.deepEqual(
      paths.filter((p) => p.endsWith('.json')),
      [
        'packages/web/src/minimal.idenfy.json',
        'payloads/bad.idenfy.json',
        'payloads/callback.idenfy.json',
        'payloads/clean.idenfy.json',
        'payloads/twice.idenfy.json',
        'payloads/windows.idenfy.json',
        'requests/create-session.json',
      ],
    );
    assert.equal(report.summary.filesWithPayloads, report.files.filter((f) => f.payloads > 0).length);
    const clean = report.files.find((f) => f.path === 'payloads/clean.idenfy.json')!;
    assert.deepEqual(clean, { path: 'payloads/clean.idenfy.json', language: 'json', payloads: 1, findings: [] });
  });

  it('gives each finding its severity, code, message, link, field and 1-based span', () => {
    const bad = report.files.find((f) => f.path === 'payloads/bad.idenfy.json')!;
    assert.deepEqual(
      bad.findings.map((f) => [f.severity, f.code, f.field, f.line, f.column, f.endLine, f.endColumn]),
      [
        ['error', 'BAD_VALUE', 'sessionLength', 3, 20, 3, 24],
        ['error', 'BAD_VALUE', 'sex', 4, 10, 4, 13],
        ['warning', 'unknown-field', 'expiry_time', 5, 3, 5, 16],
        ['information', 'dev-credentials-only', 'dummyStatus', 6, 3, 6, 16],
      ],
    );
    const text = fs.readFileSync(path.join(project, 'payloads/bad.idenfy.json'), 'utf8');
    assert.equal(text.slice(bad.findings[0].offset, bad.findings[0].offset + bad.findings[0].length), '4000');
    for (const finding of bad.findings) {
      assert.match(finding.href, /^https:\/\/documentation\.idenfy\.com\//);
      assert.ok(finding.message.length > 10);
      assert.deepEqual(finding.related, []);
    }
    const twice = report.files.find((f) => f.path === 'payloads/twice.idenfy.json')!;
    assert.deepEqual(twice.findings[0].related, [{ message: 'the value that counts: locale', line: 4, column: 3, endLine: 4, endColumn: 11, offset: 46, length: 8 }]);
  });

  it('reports skipped files with a reason', () => {
    assert.deepEqual(
      report.skipped.map((s) => [s.path, s.reason]),
      [['assets/logo.idenfy.json', 'binary']],
    );
  });

  it('--quiet leaves only errors in the files list', () => {
    const quiet = JSON.parse(runCli(['--format', 'json', '--quiet'], project).stdout);
    const severities = new Set(quiet.files.flatMap((f: { findings: JsonFinding[] }) => f.findings.map((x) => x.severity)));
    assert.deepEqual([...severities], ['error']);
  });
});

describe('idenfy-token-lint --format sarif', () => {
  let project: string;
  let sarif: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  let code: number | null;
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema', 'sarif-2.1.0.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const compiled = ajv.compile(schema);
  const validate = (data: unknown): boolean => compiled(data) as boolean;

  before(() => {
    project = makeProject();
    const run = runCli(['--format', 'sarif'], project);
    code = run.code;
    sarif = JSON.parse(run.stdout);
  });
  after(() => removeTree(project));

  it('is valid against the SARIF 2.1.0 JSON schema', () => {
    assert.equal(code, 1);
    assert.ok(validate(sarif), JSON.stringify(compiled.errors, null, 2));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
  });

  it('the schema check is real: it rejects a log with a bad level', () => {
    const broken = structuredClone(sarif);
    broken.runs[0].results[0].level = 'information';
    assert.equal(validate(broken), false);
  });

  it('derives one rule per check seen (code/field, a hierarchical id), with help text and links', () => {
    const driver = sarif.runs[0].tool.driver;
    assert.equal(driver.name, 'idenfy-token-lint');
    assert.deepEqual(
      driver.rules.map((r: { id: string }) => r.id),
      ['BAD_VALUE/firstName', 'BAD_VALUE/sessionLength', 'BAD_VALUE/sex', 'dev-credentials-only/dummyStatus', 'duplicate-key/locale', 'empty-documents/documents', 'unknown-field'],
    );
    for (const rule of driver.rules) {
      assert.match(rule.helpUri, /^https:\/\/documentation\.idenfy\.com\//);
      assert.ok(rule.shortDescription.text.length > 10);
      assert.match(rule.name, /^[A-Z][A-Za-z]+$/);
      assert.ok(rule.fullDescription.text.length >= rule.shortDescription.text.length);
      assert.match(rule.help.text, /idenfy-ignore-next-line/);
      assert.match(rule.help.markdown, /\[Documentation\]\(https:\/\/documentation\.idenfy\.com\//);
    }
    const badValue = driver.rules.find((r: { id: string }) => r.id === 'BAD_VALUE/sessionLength');
    assert.equal(badValue.shortDescription.text, 'BAD_VALUE on sessionLength');
    assert.match(badValue.fullDescription.text, /^iDenfy answers 400 BAD_VALUE: .* About sessionLength: /);
    assert.match(badValue.help.text, /Expected: .*60.*3600/);
    assert.equal(badValue.properties.code, 'BAD_VALUE');
    assert.equal(badValue.defaultConfiguration.level, 'error');
  });

  it('maps severities to levels and places results with 1-based regions', () => {
    const results = sarif.runs[0].results;
    const rules = sarif.runs[0].tool.driver.rules;
    const levels = new Map(results.map((r: { properties: { code: string }; level: string }) => [r.properties.code, r.level]));
    assert.equal(levels.get('BAD_VALUE'), 'error');
    assert.equal(levels.get('unknown-field'), 'warning');
    assert.equal(levels.get('dev-credentials-only'), 'note');
    const first = results[0];
    assert.equal(rules[first.ruleIndex].id, first.ruleId);
    assert.deepEqual(first.locations[0].physicalLocation.artifactLocation, { uri: 'payloads/bad.idenfy.json', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 3, startColumn: 20, endLine: 3, endColumn: 24, charOffset: 46, charLength: 4 });
    assert.match(first.message.text, /sessionLength/);
    const windows = results.find(
      (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri === 'payloads/windows.idenfy.json',
    );
    assert.equal(windows.locations[0].physicalLocation.region.startColumn, 31);
    assert.equal(sarif.runs[0].columnKind, 'utf16CodeUnits');
    assert.match(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/\/.*\/$/);
  });

  it('carries related locations and the skipped files', () => {
    const duplicate = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'duplicate-key/locale');
    assert.equal(duplicate.relatedLocations[0].message.text, 'the value that counts: locale');
    assert.equal(duplicate.relatedLocations[0].physicalLocation.region.startLine, 4);
    const invocation = sarif.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, true);
    const skippedNotes = invocation.toolExecutionNotifications.filter((n: { locations?: unknown[] }) => n.locations);
    assert.deepEqual(
      skippedNotes.map((n: { level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => [
        n.level,
        n.locations[0].physicalLocation.artifactLocation.uri,
        n.message.text,
      ]),
      [['note', 'assets/logo.idenfy.json', 'Skipped: binary content (NUL bytes): not checked']],
    );
  });

  it('an empty result is valid SARIF too', () => {
    const run = runCli(['--format', 'sarif', 'payloads/clean.idenfy.json'], project);
    assert.equal(run.code, 0);
    const clean = JSON.parse(run.stdout);
    assert.ok(validate(clean), JSON.stringify(compiled.errors, null, 2));
    assert.deepEqual(clean.runs[0].results, []);
    assert.deepEqual(clean.runs[0].tool.driver.rules, []);
  });
});
