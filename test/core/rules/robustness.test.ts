/**
 * Bad input (docs/reference/token-endpoint.md and README, "Bad input"): half-typed JSON, 10,000 levels of nesting, a 20 MB payload, odd values in every
 * field. Diagnostics or a clear message; never a throw. No timing is asserted.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { createLanguageService } from '../../../core/index';
import { check, payload, readFixture } from './helpers';
import { SPEC_FIELDS } from './ruleTables';

describe('half-typed JSON', () => {
  const full = readFixture('json', 'kyc-full-valid.idenfy.json');

  it('every prefix of a realistic payload: no throw; broken JSON gets a JSON_ERROR and no missing-clientId claim', () => {
    for (let end = 0; end <= full.length; end++) {
      const text = full.slice(0, end);
      let checked;
      try {
        checked = check(text);
      } catch (error) {
        assert.fail(`threw on the prefix ending at ${end}: ${JSON.stringify(text.slice(-40))}: ${error}`);
      }
      let validJson = true;
      try {
        JSON.parse(text);
      } catch {
        validJson = false;
      }
      if (!validJson) {
        assert.ok(
          checked.findings.some((f) => f.code === 'JSON_ERROR'),
          `a JSON_ERROR for the prefix ending at ${end}`,
        );
        assert.ok(!checked.findings.some((f) => f.code === 'MISSING_VALUE'), `no MISSING_VALUE for the prefix ending at ${end}: ${JSON.stringify(text.slice(-40))}`);
      }
      for (const f of checked.findings) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `span inside the text at ${end}`);
    }
    assert.deepEqual(check(full).findings, [], 'the whole fixture is clean');
  });

  it('the same prefixes as .jsonc: no throw', () => {
    for (let end = 0; end <= full.length; end += 7) check(full.slice(0, end), { allowComments: true });
  });

  it('a value being typed: the syntax error, and the finished fields still checked', () => {
    const checked = check('{\n  "clientId": "user-123",\n  "sessionLength": 7200,\n  "documents": ["PASS');
    assert.ok(checked.findings.some((f) => f.code === 'JSON_ERROR'));
    assert.ok(checked.findings.some((f) => f.code === 'BAD_VALUE' && f.field === 'sessionLength'));
  });
});

describe('10,000 levels of nesting', () => {
  const DEPTH = 10_000;
  const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
  const deepArray = '['.repeat(DEPTH) + '1' + ']'.repeat(DEPTH);

  const cases: ReadonlyArray<[string, string]> = [
    ['objects inside a payload field', `{"clientId":"user-123","tokenType":"IDENTIFICATION","additionalData":${deepObject}}`],
    ['arrays inside a payload field', `{"clientId":"user-123","documents":${deepArray}}`],
    ['arrays as the whole body', deepArray],
    ['objects as the whole body', deepObject],
    ['unclosed (half-typed) nesting', `{"clientId":"user-123","documents":` + '['.repeat(DEPTH)],
  ];
  for (const [why, text] of cases) {
    it(`${why}: a clear warning, no crash`, () => {
      const checked = check(text);
      assert.equal(checked.findings.length, 1);
      const [finding] = checked.findings;
      assert.equal(finding.severity, 'warning');
      assert.equal(finding.code, 'too-deeply-nested');
      assert.match(finding.message, /nests too deeply/);
    });
  }

  it('the warning does not depend on how much stack the engine has (a worker thread with a 32 MB stack)', async () => {
    // With a large stack jsonc-parser itself gets through 10,000 levels; the result must still be the same warning,
    // for well-formed and for broken (half-typed) documents alike.
    const jsonModule = resolve(__dirname, '../../../core/json.js');
    const settingsModule = resolve(__dirname, '../../../core/settings.js');
    const script = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { analyzeJson } = require(${JSON.stringify(jsonModule)});
      const { normalizeSettings } = require(${JSON.stringify(settingsModule)});
      const settings = normalizeSettings({}).settings;
      parentPort.postMessage(workerData.map((text) => analyzeJson({ text, allowComments: false, isPayloadFile: true }, settings).findings.map((f) => f.code)));`;
    const texts = cases.map(([, text]) => text);
    const result = await new Promise<string[][]>((resolvePromise, reject) => {
      const worker = new Worker(script, { eval: true, workerData: texts, resourceLimits: { stackSizeMb: 32 } });
      worker.once('message', resolvePromise);
      worker.once('error', reject);
    });
    assert.deepEqual(
      result,
      texts.map(() => ['too-deeply-nested']),
    );
  });

  it('outside the file pattern, deep JSON that looks like a payload gets the warning; other deep JSON nothing', () => {
    const service = createLanguageService({ settings: {} });
    const looksLikePayload = service.analyze({ uri: 'file:///p/request.json', languageId: 'json', text: cases[0][1] });
    assert.equal(looksLikePayload.findings[0]?.code, 'too-deeply-nested');
    const other = service.analyze({ uri: 'file:///p/data.json', languageId: 'json', text: `{"clientId":"x","data":${deepArray}}` });
    assert.deepEqual(other.findings, []);
  });

  it('brackets inside strings and comments are not nesting', () => {
    const brackets = '['.repeat(DEPTH);
    const text = `{"clientId":"user-123","externalRef":"a\\"[{[","videoCallQuestions":[${JSON.stringify(brackets)}, ${JSON.stringify('{'.repeat(DEPTH))}]}`;
    assert.deepEqual(check(text).findings, []);
    const jsonc = check(`{\n  // ${brackets}\n  /* ${'{'.repeat(DEPTH)} */\n  "clientId": "user-123"\n}`, { allowComments: true });
    assert.deepEqual(jsonc.findings, []);
  });

  it('moderate nesting (50 levels) in an unknown field is parsed and checked normally', () => {
    const checked = check(`{"clientId":"user-123","sessionLength":7200,"extra":${'['.repeat(50)}${']'.repeat(50)}}`);
    assert.deepEqual(checked.findings.map((f) => f.code).sort(), ['BAD_VALUE', 'unknown-field']);
  });
});

describe('a 20 MB payload', () => {
  const TARGET = 20 * 1024 * 1024;

  it('many questions and errors at both ends: completes with the findings', () => {
    const questions: string[] = [];
    let size = 0;
    for (let i = 0; size < TARGET; i++) {
      const q = `Please hold your document number ${i} next to your face and say the date.`;
      questions.push(q);
      size += q.length + 3;
    }
    const text = JSON.stringify({ clientId: 'user-123', sessionLength: 7200, videoCallQuestions: questions, country: 'UK', unknownTail: true });
    assert.ok(text.length >= TARGET);
    const checked = check(text);
    assert.equal(checked.analysis.payload, 'file-pattern');
    const codes = checked.findings.map((f) => `${f.code}:${f.field}`).sort();
    assert.deepEqual(codes, ['BAD_VALUE:country', 'BAD_VALUE:sessionLength', 'unknown-field:unknownTail']);
  });

  it('one 20 MB string: a length error on it', () => {
    const text = JSON.stringify(payload({ address: 'x'.repeat(TARGET) }));
    const checked = check(text);
    assert.deepEqual(
      checked.findings.map((f) => f.code),
      ['BAD_VALUE'],
    );
    assert.match(checked.findings[0].message, /at most 255 characters/);
  });

  it('detected by content outside the file pattern as well', () => {
    const text = JSON.stringify({ clientId: 'user-123', tokenType: 'DOCUMENT', videoCallQuestions: Array.from({ length: 500_000 }, (_, i) => `Question ${i} about the document?`), expiryTime: 0 });
    assert.ok(text.length > 15 * 1024 * 1024);
    const result = createLanguageService({ settings: {} }).analyze({ uri: 'file:///p/big-request.json', languageId: 'json', text });
    assert.equal(result.payloads[0]?.via ?? 'none', 'content');
    assert.deepEqual(
      result.findings.map((f) => f.field),
      ['expiryTime'],
    );
  });

  it('a document over the size the checker reads: a clear warning instead', () => {
    const text = `{"clientId":"user-123","address":"${'x'.repeat(64 * 1024 * 1024)}"}`;
    const checked = check(text);
    assert.deepEqual(
      checked.findings.map((f) => `${f.severity} ${f.code}`),
      ['warning too-large'],
    );
    assert.match(checked.findings[0].message, /Not checked/);
  });
});

describe('odd values in every field never throw', () => {
  const oddValues: unknown[] = [
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -0.0,
    3.14,
    '',
    ' ',
    '\u0000',
    '\ud800',
    '😀'.repeat(3),
    'constructor',
    '__proto__',
    'toString',
    [],
    [null],
    [[[]]],
    [{}],
    {},
    { constructor: 1 },
    { ALL: null },
    { ALL: { ALL: null } },
    { ALL: { ALL: { X: null } } },
    { __proto__: { x: 1 } },
    'x'.repeat(3000),
    ['ID_CARD', null, 1, 'PASSPORT'],
  ];
  for (const field of [...SPEC_FIELDS, 'personScanRef']) {
    it(field, () => {
      for (const value of oddValues) {
        const text = `{"clientId":"user-123","country":"LT","generateDigitString":true,"ageMax":1,${JSON.stringify(field)}:${JSON.stringify(value)}}`;
        try {
          check(text);
          check(text, { allowComments: true, settings: { account: { allowedTokenTypes: [], customCallbackUrl: false, additionalSteps: false, questionnaireIds: [], riskAssessmentProfileIds: [] } } });
        } catch (error) {
          assert.fail(`${field} = ${JSON.stringify(value)} threw: ${error}`);
        }
      }
    });
  }
});
