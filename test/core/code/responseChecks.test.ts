/**
 * The code around a detected token request: a success test that rejects 201, and error identifiers that iDenfy never
 * sends. Findings only where the response provably comes from the token request; quick fixes that accept both.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../core';

const service = createLanguageService();
const URL_LINE = "const response = await fetch('https://ivs.idenfy.com/api/v2/token', { method: 'POST', body: JSON.stringify({ clientId: id }) });";

function check(text: string, languageId = 'typescript') {
  const document = { uri: `file:///w/kyc.${languageId === 'typescript' ? 'ts' : 'js'}`, languageId, text };
  const analysis = service.analyze(document);
  const findings = analysis.findings.filter((f) => f.code === 'success-status' || f.code === 'unknown-identifier');
  return { document, analysis, findings };
}

function applyFirstFix(text: string, at: number): string {
  const { document, analysis } = check(text);
  const [fix] = service.codeActions(document, analysis, { start: at, end: at }).filter((a) => a.kind === 'quickfix');
  const [edit] = fix.edits;
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('the success test of a token request', () => {
  it('warns on `status !== 200` on the token response, and the fix accepts 200 and 201', () => {
    const text = `async function start(id: string) {\n  ${URL_LINE}\n  if (response.status !== 200) throw new Error('failed');\n  return response.json();\n}\n`;
    const { findings } = check(text);
    assert.deepEqual(
      findings.map((f) => [f.code, text.slice(f.start, f.end)]),
      [['success-status', 'response.status !== 200']],
    );
    assert.match(findings[0].message, /201 Created/);
    const fixed = applyFirstFix(text, text.indexOf('response.status !=='));
    assert.match(fixed, /if \(\(response\.status !== 200 && response\.status !== 201\)\)/);
    assert.deepEqual(check(fixed).findings, [], 'the fixed code is clean');
  });

  it('warns on `=== 200` as the only success path, in .then callbacks too', () => {
    const text = `function start(id) {\n  return fetch('https://ivs.idenfy.com/api/v2/token', { method: 'POST', body: JSON.stringify({ clientId: id }) })\n    .then((res) => { if (res.status === 200) return res.json(); throw new Error(); });\n}\n`;
    const { findings } = check(text, 'javascript');
    assert.deepEqual(
      findings.map((f) => text.slice(f.start, f.end)),
      ['res.status === 200'],
    );
    assert.match(applyFirstFix(text, text.indexOf('res.status')), /\(res\.status === 200 \|\| res\.status === 201\)/);
  });

  it('leaves alone what already accepts 201, other responses, and other variables', () => {
    const accepted = [
      `if (response.status !== 200 && response.status !== 201) throw new Error();`,
      `if (response.status === 200 || response.status === 201) return;`,
      `if (response.status === 201) return;`,
      `if (!response.ok) throw new Error();`,
      `if (other.status !== 200) throw new Error();`,
    ];
    for (const line of accepted) {
      const text = `async function start(id: string, other: Response) {\n  ${URL_LINE}\n  ${line}\n}\n`;
      assert.deepEqual(check(text).findings, [], line);
    }
    // Another API's request in the same file: its response is not iDenfy's.
    const elsewhere = `async function other() {\n  const response = await fetch('https://api.example.com/v1/items', { method: 'POST', body: '{}' });\n  if (response.status !== 200) throw new Error();\n}\nasync function start(id: string) {\n  ${URL_LINE}\n  return response;\n}\n`;
    assert.deepEqual(check(elsewhere).findings, []);
  });
});

describe('error identifiers compared in code', () => {
  const wrap = (line: string) => `// calls ivs.idenfy.com/api/v2/token\nexport function handle(error: any) {\n  ${line}\n}\n`;

  it('warns on a string that is none of the twelve, with a did-you-mean fix', () => {
    const text = wrap(`if (error.identifier === 'BAD_VALUES') return 'fix the value';`);
    const { findings } = check(text);
    assert.deepEqual(
      findings.map((f) => [f.code, text.slice(f.start, f.end)]),
      [['unknown-identifier', "'BAD_VALUES'"]],
    );
    assert.match(findings[0].message, /did you mean "BAD_VALUE"/);
    assert.match(applyFirstFix(text, text.indexOf('BAD_VALUES')), /error\.identifier === 'BAD_VALUE'\)/);
  });

  it('reads element access, reversed comparisons and switch cases; RATE_LIMIT suggests TOO_MANY_REQUESTS', () => {
    const text = wrap(`if ("MISING_VALUE" == error["identifier"]) return;\n  switch (error.identifier) { case 'RATE_LIMIT': break; case 'INTERNAL_ERROR': break; }`);
    const { findings } = check(text);
    assert.deepEqual(
      findings.map((f) => text.slice(f.start, f.end)),
      ['"MISING_VALUE"', "'RATE_LIMIT'"],
    );
    assert.match(findings[1].message, /TOO_MANY_REQUESTS/);
  });

  it('is silent on the twelve, on free text, and in files that never name iDenfy', () => {
    assert.deepEqual(check(wrap(`if (error.identifier === 'TOO_MANY_REQUESTS' || error.identifier === 'Not an identifier') return;`)).findings, []);
    const unrelated = `export function handle(error: any) {\n  if (error.identifier === 'BAD_VALUES') return;\n}\n`;
    assert.deepEqual(check(unrelated).findings, []);
  });
});
