import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeCode, DEFAULT_SETTINGS } from '../../../core';
import { annotations, Annotations, fixturePath } from '../../fixtureFiles';
import { lineColumn } from './helpers';

/**
 * Realistic source files under test/fixtures/code, each annotated with what must be found (see its README):
 * exactly those payloads and exactly those findings, at the line and column the annotation's text gives.
 */
const FIXTURES = fixturePath('code');

type Expected = Annotations;

function actual(text: string, fileName: string): Expected {
  const result = analyzeCode({ text, fileName }, DEFAULT_SETTINGS);
  const where = (offset: number) => {
    const { line, column } = lineColumn(text, offset);
    return `${line}:${column}`;
  };
  return {
    payloads: result.payloads.map((p) => `${where(p.root.offset)} ${p.reason} ${p.via}`),
    findings: result.findings.map((f) => `${where(f.start)} ${f.code}`).sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b)),
  };
}

describe('annotated fixtures', () => {
  const files = readdirSync(FIXTURES).filter((f) => /\.[cm]?[jt]sx?$/.test(f));
  test('there are fixtures of every kind', () => {
    for (const extension of ['.ts', '.js', '.mjs', '.jsx'])
      assert.ok(
        files.some((f) => f.endsWith(extension)),
        extension,
      );
  });
  for (const file of files) {
    test(file, () => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const expected = annotations(text);
      assert.deepEqual(actual(text, file), expected);
      // The same file with CRLF line ends: the same lines and columns.
      assert.deepEqual(actual(text.replace(/\n/g, '\r\n'), file), expected);
    });
  }
});

/**
 * The research samples (test/fixtures/research/code-samples, written from real integrations, with EXPECTED.md).
 * Expected here: EXPECTED.md's "literal-only" results, plus the writes this analysis follows in 04 (its
 * `requestBody.additionalSteps = { UTILITY_BILL: 2 }` is checked on its own: two BAD_VALUEs, key and value).
 */
describe('research code samples', () => {
  const SAMPLES = fixturePath('research', 'code-samples');
  const expected: Record<string, { payloads: string[]; findings: string[] }> = {
    '01-fetch-inline-literal.ts': { payloads: ['14:26 call fetch'], findings: ['19:22 BAD_VALUE'] },
    '02-axios-post-body-variable.js': { payloads: ['8:19 call axios.post'], findings: ['10:5 unknown-field'] },
    '03-base-url-template.mjs': { payloads: ['14:26 call fetch'], findings: ['16:20 BAD_VALUE', '17:18 empty-documents'] },
    '04-mutated-request-body.cjs': { payloads: ['9:23 call fetch'], findings: ['15:23 BAD_VALUE', '22:39 BAD_VALUE', '22:53 BAD_VALUE'] },
    '05-angular-service.ts': { payloads: ['18:87 call this.http.post'], findings: ['20:18 legacy-value', '21:7 dev-credentials-only'] },
    '06-typed-interface-axios-instance.ts': { payloads: ['19:37 call idenfy.post'], findings: ['21:14 BAD_VALUE', '22:16 BAD_VALUE', '23:8 BAD_VALUE'] },
    '07-spread-defaults.js': { payloads: ['11:19 call fetch'], findings: [] },
    '08-react-admin-tool.tsx': { payloads: ['14:28 call fetch'], findings: ['16:18 BAD_VALUE', '17:33 BAD_VALUE', '18:9 VALIDATION_ERROR'] },
    '09-got-json-option.mjs': { payloads: ['11:13 call got.post'], findings: ['13:9 VALIDATION_ERROR'] },
    '10-clean-typed-payload.ts': { payloads: ['8:17 call fetch'], findings: [] },
    '11-no-diagnostics-other-endpoints.ts': { payloads: [], findings: [] },
    '12-no-diagnostics-computed-values.js': { payloads: ['7:16 call fetch'], findings: [] },
  };
  const files = readdirSync(SAMPLES).filter((f) => f in expected);
  test('every expected sample is there', () => assert.deepEqual(files.sort(), Object.keys(expected).sort()));
  for (const file of files) {
    test(file, () => assert.deepEqual(actual(readFileSync(join(SAMPLES, file), 'utf8'), file), expected[file]));
  }
});
