import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeSettings } from '../../../core';
import { analyze, at, located } from './helpers';

/** Object literals recognised by their declared type name or by the `// @idenfy-token` comment. */

const BODY = "{ clientId: 'c-1', sessionLength: 4000 }";

function found(code: string, fileName = 'typed.ts', settings = normalizeSettings({}).settings): Array<[string, string | undefined]> {
  const result = analyze(code, fileName, settings);
  const mistakes = code.split('4000').length - 1;
  assert.deepEqual(
    located(code, result.findings),
    Array.from({ length: Math.min(mistakes, result.payloads.length) }, (_, i) => at(code, 'BAD_VALUE', '4000', i + 1)),
  );
  return result.payloads.map((p) => [p.reason, p.via]);
}

describe('typed object literals', () => {
  const typed: Array<[string, string, string]> = [
    ['an annotation', `const request: IdenfyTokenRequest = ${BODY};`, 'IdenfyTokenRequest'],
    ['satisfies', `export const request = ${BODY} satisfies CreateIdenfyTokenRequest;`, 'CreateIdenfyTokenRequest'],
    ['as', `axiosLike(${BODY} as IdenfyTokenPayload);`, 'IdenfyTokenPayload'],
    ['as through unknown', `const r = ${BODY} as unknown as IdenfyTokenRequest;`, 'IdenfyTokenRequest'],
    ['an angle-bracket assertion', `const r = <IdenfyTokenRequest>${BODY};`, 'IdenfyTokenRequest'],
    ['a qualified type name', `const r: Idenfy.TokenRequest = ${BODY};`, 'Idenfy.TokenRequest'],
    ['a parenthesised type', `const r: (IdenfyTokenRequest) = ${BODY};`, 'IdenfyTokenRequest'],
    ['a class field', `class A { private body: IdenfyTokenRequest = ${BODY}; }`, 'IdenfyTokenRequest'],
    [
      'a function return type',
      `function make(): IdenfyTokenRequest {\n  if (x) return ${BODY};\n  const inner = () => ({ notThis: 1 });\n  return ${BODY.replace('c-1', 'c-2')};\n}`,
      'IdenfyTokenRequest',
    ],
    ['an arrow function return type', `const make = (): IdenfyTokenRequest => (${BODY});`, 'IdenfyTokenRequest'],
    ['an array type', `const batch: IdenfyTokenRequest[] = [${BODY}, ${BODY.replace('c-1', 'c-2')}];`, 'IdenfyTokenRequest'],
  ];
  for (const [name, code, typeName] of typed) {
    test(name, () => {
      const payloads = found(code);
      assert.ok(payloads.length >= 1);
      for (const payload of payloads) assert.deepEqual(payload, ['type', `type ${typeName}`]);
    });
  }

  const untyped: Array<[string, string]> = [
    ['a response type', `const canned: IdenfyTokenResponse = { authToken: 'a', scanRef: 'b', sessionLength: 4000 };`],
    ['another endpoint’s request type', `const s: IdenfyStatusRequest = { scanRef: 'x', sessionLength: 4000 };`],
    ['a webhook type', `const w: IdenfyWebhookPayload = { clientId: 'x', sessionLength: 4000 };`],
    ['a wrapped type (a fragment may omit clientId)', `const p: Partial<IdenfyTokenRequest> = { sessionLength: 4000 };`],
    ['TokenRequest (not a default pattern) even in a file that mentions iDenfy', `// sent to iDenfy\nconst r: TokenRequest = ${BODY};`],
    ['a type name only in a generic argument', `http.post<IdenfyTokenRequest>(url, { sessionLength: 4000 });`],
    ['an interface declaration', 'interface IdenfyTokenRequest { clientId: string; sessionLength?: 4000 }'],
    ['a parameter type', `function f(request: IdenfyTokenRequest = { sessionLength: 4000 }) { return request; }`],
  ];
  for (const [name, code] of untyped) {
    test(`not: ${name}`, () => assert.deepEqual(analyze(code, 'typed.ts').payloads, []));
  }

  // A user-declared generic pattern such as `TokenRequest` counts only in files that name iDenfy.
  const generic = normalizeSettings({ 'idenfy.typeNamePatterns': ['TokenRequest'] }).settings;
  test('a generic pattern from the settings, in a file that mentions iDenfy', () => {
    assert.deepEqual(found(`// sent to iDenfy\nconst r: TokenRequest = ${BODY};`, 'typed.ts', generic), [['type', 'type TokenRequest']]);
  });
  test('not: a generic pattern from the settings, in a file that never mentions the vendor', () => {
    assert.deepEqual(analyze(`const oauth: TokenRequest = { grant_type: 'client_credentials', sessionLength: 4000 };`, 'typed.ts', generic).payloads, []);
  });

  test('the patterns are a setting', () => {
    const { settings } = normalizeSettings({ 'idenfy.typeNamePatterns': ['KycSessionBody'] });
    const code = `// idenfy\nconst a: KycSessionBody = ${BODY};\nconst b: IdenfyTokenRequest = { clientId: 'x', sessionLength: 4000 };`;
    assert.deepEqual(found(code, 'typed.ts', settings), [['type', 'type KycSessionBody']]);
  });

  test('an exact pattern matches even a name with a response word', () => {
    const { settings } = normalizeSettings({ 'idenfy.typeNamePatterns': ['IdenfyTokenResponseLike'] });
    assert.deepEqual(found(`const a: IdenfyTokenResponseLike = ${BODY};`, 'typed.ts', settings), [['type', 'type IdenfyTokenResponseLike']]);
  });
});

describe('the // @idenfy-token marker', () => {
  const marked: Array<[string, string]> = [
    ['a line comment before a const', `// @idenfy-token\nconst payload = ${BODY};`],
    ['a block comment before an object argument', `send(/* @idenfy-token */ ${BODY});`],
    ['a JSDoc-style comment', `/** @idenfy-token */\nexport const payload = ${BODY};`],
    ['before return', `function f() {\n  // @idenfy-token\n  return ${BODY};\n}`],
    ['before export default', `// @idenfy-token\nexport default ${BODY};`],
    ['before an assignment', `let p;\n// @idenfy-token\np = ${BODY};`],
    ['before a property', `const options = {\n  // @idenfy-token\n  payload: ${BODY},\n};`],
    ['before a statement that stringifies the payload', `const body = ${BODY};\n// @idenfy-token\nawait send(url, { method: 'POST', body: JSON.stringify(body) });`],
    ['before a const holding a stringified literal', `// @idenfy-token\nconst text = JSON.stringify(${BODY});`],
    ['with text after the marker', `// @idenfy-token: the KYC request\nconst payload = ${BODY};`],
    ['in JavaScript', `// @idenfy-token\nmodule.exports = ${BODY};`],
  ];
  for (const [name, code] of marked) {
    test(name, () => assert.deepEqual(found(code, name === 'in JavaScript' ? 'marked.js' : 'marked.ts'), [['marker', '// @idenfy-token']]));
  }

  const unmarked: Array<[string, string]> = [
    ['the marker inside a string', `const s = '// @idenfy-token';\nconst payload = ${BODY};`],
    ['another word', `// @idenfy-tokens\nconst payload = ${BODY};`],
    ['a marker followed by nothing', `const payload = ${BODY};\n// @idenfy-token`],
    ['a marker before a statement without an object', `// @idenfy-token\nconst n = 5;\nconst payload = ${BODY};`],
  ];
  for (const [name, code] of unmarked) {
    test(`not: ${name}`, () => assert.deepEqual(analyze(code, 'marked.ts').payloads, []));
  }

  test('an object both sent and marked is reported once, as sent', () => {
    const code = `// @idenfy-token\nconst payload = ${BODY};\naxios.post('https://ivs.idenfy.com/api/v2/token', payload);`;
    assert.deepEqual(found(code), [['call', 'axios.post']]);
  });
});
