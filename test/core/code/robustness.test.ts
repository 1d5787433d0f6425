import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeCode, DEFAULT_SETTINGS, MAX_CODE_LENGTH } from '../../../core';
import { analyze, at, located, TOKEN_URL } from './helpers';

/** Half-typed, huge, deep or hostile input: no crash, no hang, no stack overflow, and no guesses. */

const SEND = `const TOKEN_URL = '${TOKEN_URL}';\n`;

describe('half-typed code', () => {
  test('an unclosed payload: what is typed before the error is checked, a missing clientId is not claimed', () => {
    const code = `${SEND}fetch(TOKEN_URL, { method: 'POST', body: JSON.stringify({\n  sex: 'X',\n  locale: 'e`;
    assert.deepEqual(located(code, analyze(code).findings), [at(code, 'BAD_VALUE', "'X'")]);
  });

  test('lines swallowed as keys after a missing comma are not reported', () => {
    const code = `${SEND}const payload = { clientId: 'c', sex: 'X' locale: 'en'\nfunction later() { return 1; }\naxios.post(TOKEN_URL, payload);`;
    assert.deepEqual(located(code, analyze(code).findings), [at(code, 'BAD_VALUE', "'X'")]);
  });

  test('broken code elsewhere in the file does not stop the check', () => {
    const code = `${SEND}const broken = { successUrl: process.env.https://share.example.com/x, };\nfunction ( {\naxios.post(TOKEN_URL, { clientId: 'c', sex: 'X' });`;
    const result = analyze(code);
    assert.ok(Array.isArray(result.findings));
  });

  test('fragments that are barely code', () => {
    for (const text of [
      '',
      'idenfy token',
      '{',
      '}',
      '`${',
      '/*',
      "'",
      'const = ;',
      'axios.post(',
      `axios.post('${TOKEN_URL}'`,
      `axios.post('${TOKEN_URL}', {`,
      '// @idenfy-token',
      '// @idenfy-token\n{',
      'enum E { A = ',
      'class { idenfy = "token"',
      '\u0000\uFFFF\uD800 idenfy token',
      '<div>idenfy token</div>',
    ]) {
      const result = analyzeCode({ text, fileName: 'frag.tsx' }, DEFAULT_SETTINGS);
      assert.ok(Array.isArray(result.payloads), JSON.stringify(text));
    }
  });
});

describe('size and depth', () => {
  test('a 1.5 MB file is analysed in one go', { timeout: 60_000 }, () => {
    const block = `export function f$(a: number) { return a * 2 + Math.max(a, 3); }\n`;
    const payload = `${SEND}axios.post(TOKEN_URL, { clientId: 'c', sex: 'X' });\n`;
    const code = payload + Array.from({ length: 20_000 }, (_, i) => block.replace('$', String(i))).join('');
    assert.deepEqual(located(code, analyze(code).findings), [at(code, 'BAD_VALUE', "'X'")]);
  });

  test('a file over the limit is not analysed', () => {
    const code = `${SEND}axios.post(TOKEN_URL, { clientId: 'c', sex: 'X' });\n//${'x'.repeat(MAX_CODE_LENGTH)}`;
    assert.deepEqual(analyze(code), { payloads: [], findings: [] });
  });

  const nestings = [
    ['(', ')'],
    ['[', ']'],
    ['{a:', '}'],
    ['f(', ')'],
    ['!', ''],
    ['`${', '}`'],
  ];

  test('pathological nesting (60,000 levels) gives the "too deeply nested" warning, not a stack overflow', { timeout: 60_000 }, () => {
    for (const [open, close] of nestings) {
      const depth = 60_000;
      const code = `${SEND}axios.post(TOKEN_URL, { clientId: 'c', sex: 'X', x: ${open.repeat(depth)}1${close.repeat(depth)} });`;
      const analysis = analyze(code);
      assert.deepEqual(analysis.payloads, [], open);
      assert.deepEqual(
        analysis.findings.map((f) => [f.code, f.severity, f.start]),
        [['too-deeply-nested', 'warning', 0]],
        open,
      );
    }
  });

  test('nesting the parser still takes (300 levels) is analysed', () => {
    for (const [open, close] of nestings) {
      const depth = 300;
      const code = `${SEND}axios.post(TOKEN_URL, { clientId: 'c', sex: 'X', x: ${open.repeat(depth)}1${close.repeat(depth)} });`;
      assert.deepEqual(located(code, analyze(code).findings), [at(code, 'BAD_VALUE', "'X'"), { code: 'unknown-field', at: code.indexOf(', x: ') + 2, text: 'x' }], open);
    }
  });

  test('deep but reasonable nesting inside a payload is checked, and deeper literals are unknown', () => {
    const deep = `${'['.repeat(200)}1${']'.repeat(200)}`;
    const code = `${SEND}axios.post(TOKEN_URL, { clientId: 'c', sex: 'X', documents: ${deep} });`;
    const codes = analyze(code).findings.map((f) => f.code);
    assert.equal(codes[0], 'BAD_VALUE');
  });

  test('long + chains and long method chains resolve without recursion trouble', { timeout: 60_000 }, () => {
    const parts = Array.from({ length: 5_000 }, () => "'a'").join(' + ');
    const chain = `superagent.post(TOKEN_URL)${'.set("a", "b")'.repeat(2_000)}.send({ clientId: 'c', sex: 'X' });`;
    const code = `${SEND}const long = ${parts};\n${chain}\naxios.post(long, { clientId: 'd', sex: 'Y' });`;
    const result = analyze(code);
    assert.ok(result.findings.length <= 1);
  });

  test('thousands of constants that refer to each other resolve in bounded time', { timeout: 60_000 }, () => {
    const lines = [`const C0 = 'https://ivs.idenfy.com';`];
    for (let i = 1; i < 3_000; i++) lines.push(`const C${i} = C${i - 1} + '';`);
    lines.push(`axios.post(C2999 + '/api/v2/token', { clientId: 'c', sex: 'X' });`, `axios.post(C10 + '/api/v2/token', { clientId: 'c', sex: 'Y' });`);
    const code = lines.join('\n');
    // Chains longer than the resolution depth are unknown (not aimed); short ones resolve.
    assert.deepEqual(located(code, analyze(code).findings), [at(code, 'BAD_VALUE', "'Y'")]);
  });

  test('a name used thousands of times is looked up once per analysis', { timeout: 60_000 }, () => {
    const uses = Array.from({ length: 5_000 }, (_, i) => `log(url, ${i});`).join('\n');
    const code = `const url = '${TOKEN_URL}';\n${uses}\naxios.post(url, { clientId: 'c', sex: 'X' });`;
    const started = Date.now();
    assert.deepEqual(located(code, analyze(code).findings), [at(code, 'BAD_VALUE', "'X'")]);
    assert.ok(Date.now() - started < 20_000);
  });
});
