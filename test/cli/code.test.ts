import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLanguageService } from '../../core';
import { makeProject, removeTree, REPO_ROOT, runCli, write } from './helpers';

interface JsonReport {
  summary: Record<string, number>;
  files: Array<{ path: string; language: string; payloads: number; findings: Array<{ severity: string; code: string; offset: number; length: number; line: number; column: number }> }>;
}

describe('idenfy-token-lint: TypeScript and JavaScript sources', () => {
  let project: string;
  before(() => {
    project = makeProject();
  });
  after(() => removeTree(project));

  it('finds payloads sent to /api/v2/token in .ts and .js files and reports them like JSON ones', () => {
    const run = runCli(['src'], project);
    assert.equal(run.code, 1);
    assert.deepEqual(
      run.lines.filter((line) => /^src\//.test(line)).map((line) => line.split('  ').slice(0, 3).join('  ')),
      ['src/kyc.ts:9:22  error  BAD_VALUE', 'src/session.js:8:16  error  BAD_VALUE'],
    );
    assert.match(run.stdout, /^src\/kyc\.ts:9:22 {2}error {2}BAD_VALUE {2}sessionLength must be an integer from 60 to 3600 seconds; got 4000\.$/m);
  });

  it('follows a payload across modules: the real-integration corpus gives the figure of its test', () => {
    const corpus = path.join(REPO_ROOT, 'test', 'fixtures', 'code-corpus');
    const report: JsonReport = JSON.parse(runCli(['--format', 'json', '.'], corpus).stdout);
    assert.equal(
      report.files.reduce((sum, f) => sum + f.payloads, 0),
      26,
    );
    // URL in a CommonJS config module (15), a wrapper's base URL (28), an imported constant (01)
    for (const file of [
      '15-veyra-bot-idenfy-service/services/idenfyService.js',
      '28-mvp-verification-provider-adapter/src/components/compliance/operations/kyc/services/verificationProviderAdapter.ts',
      '01-idenfy-react-native-sample/example/src/App.tsx',
    ]) {
      assert.ok(
        report.files.some((f) => f.path === file && f.payloads === 1),
        file,
      );
    }
    // The app's own CreateIdenfySessionRequest (26) is not a token payload.
    assert.ok(!report.files.some((f) => f.path.endsWith('create-idenfy-session.ts')));
  });

  it('reports nothing for an OAuth client config and other iDenfy endpoints; does not read .d.ts files', () => {
    const report: JsonReport = JSON.parse(runCli(['--format', 'json', 'src'], project).stdout);
    assert.deepEqual(
      report.files.map((f) => [f.path, f.language, f.payloads]),
      [
        ['src/kyc.ts', 'code', 1],
        ['src/session.js', 'code', 1],
      ],
    );
    assert.equal(report.summary.filesChecked, 3, 'auth.ts, kyc.ts, session.js; not types.d.ts');
  });

  it('idenfy.typeNamePatterns from settings marks typed object literals as payloads', () => {
    // (the core reads a type name only in a file that mentions iDenfy)
    write(project, 'src/typed.ts', '// iDenfy KYC session\ninterface KycSessionBody { clientId: string; sex?: string }\nexport const body: KycSessionBody = { clientId: "u-1", sex: "Q" };\n');
    const plain: JsonReport = JSON.parse(runCli(['--format', 'json', 'src/typed.ts'], project).stdout);
    assert.deepEqual(plain.files, []);
    write(project, 'ci/types.json', JSON.stringify({ 'idenfy.typeNamePatterns': ['KycSessionBody'] }));
    const typed: JsonReport = JSON.parse(runCli(['--format', 'json', '--config', 'ci/types.json', 'src/typed.ts'], project).stdout);
    assert.deepEqual(
      typed.files[0].findings.map((f) => [f.code, f.line, f.column]),
      [['BAD_VALUE', 3, 61]],
    );
  });
});

describe('idenfy-token-lint: the same findings as the core the extension runs', () => {
  /**
   * Every research code sample and every official JSON example, linted by the command (default settings), gives
   * exactly what the core's service returns for the same text: same codes, severities and spans.
   */
  for (const folder of ['test/fixtures/research/code-samples', 'test/fixtures/official']) {
    it(folder, () => {
      const cwd = path.join(REPO_ROOT, folder);
      const configDir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'idenfy-cli-config-'));
      try {
        fs.writeFileSync(path.join(configDir, 'empty.json'), '{}');
        const run = runCli(['--format', 'json', '--config', path.join(configDir, 'empty.json'), '--no-gitignore'], cwd);
        assert.notEqual(run.code, 2, run.stderr);
        const report: JsonReport = JSON.parse(run.stdout);
        const service = createLanguageService({ settings: {} });
        const expected: Record<string, unknown[]> = {};
        for (const name of fs.readdirSync(cwd).sort()) {
          const text = fs.readFileSync(path.join(cwd, name), 'utf8');
          const languageId = /\.jsonc?$/.test(name) ? 'json' : /\.tsx$/.test(name) ? 'typescriptreact' : /\.ts$/.test(name) ? 'typescript' : /\.[cm]?js$/.test(name) ? 'javascript' : undefined;
          if (!languageId) continue;
          const document = { uri: name, languageId, text };
          const findings = service.analyze(document).findings;
          if (findings.length) expected[name] = [...findings].sort((a, b) => a.start - b.start || a.end - b.end).map((f) => [f.code, f.severity, f.start, f.end - f.start]);
        }
        const actual: Record<string, unknown[]> = {};
        for (const file of report.files) if (file.findings.length) actual[file.path] = file.findings.map((f) => [f.code, f.severity, f.offset, f.length]);
        assert.ok(Object.keys(expected).length > 0, 'the folder has findings to compare');
        assert.deepEqual(actual, expected);
      } finally {
        removeTree(configDir);
      }
    });
  }
});
