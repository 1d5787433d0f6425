/**
 * Payloads passed through wrappers of the same file (core/code/wrappers.ts): the shapes a wrapper is declared and
 * called by (an arrow function whose body is the request itself included), where its URL comes from (a constant, the
 * caller, a function's return value, a parameter's default), with and without file access, and what is not followed.
 * Not resolved yet: a method of an object literal, a function assigned to a member, and two local wrappers in a row
 * (imported wrappers two levels deep are: modules.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeCode, DEFAULT_SETTINGS, ModuleGraph } from '../../../core';
import { TOKEN_URL } from './helpers';

const BAD = "{ clientId: 'c1', tokenType: 'SELFIE' }";

function found(text: string, withFiles: boolean) {
  const graph = withFiles ? new ModuleGraph({ readFile: () => undefined }) : undefined;
  const analysis = analyzeCode({ text, fileName: '/w/kyc.ts' }, DEFAULT_SETTINGS, undefined, graph);
  return {
    vias: analysis.payloads.map((p) => p.via),
    codes: analysis.findings.map((f) => `${f.code} ${text.slice(f.start, f.end)}`),
  };
}

const CASES: Array<[string, string, string]> = [
  ['a function declaration', `const URL = '${TOKEN_URL}';\nasync function createToken(body) { return axios.post(URL, body); }\ncreateToken(${BAD});`, 'wrapper createToken → axios.post'],
  [
    'an arrow function in a const',
    `const URL = '${TOKEN_URL}';\nconst createToken = async (body: object) => fetch(URL, { method: 'POST', body: JSON.stringify(body) });\nawait createToken(${BAD});`,
    'wrapper createToken → fetch',
  ],
  [
    'a class method called through this',
    `class Kyc {\n  private url = '${TOKEN_URL}';\n  send(body) { return axios.post(this.url, body); }\n  start() { return this.send(${BAD}); }\n}`,
    'wrapper this.send → axios.post',
  ],
  ['the URL passed by the caller', `function post(path, body) { return axios.post('https://ivs.idenfy.com' + path, body); }\npost('/api/v2/token', ${BAD});`, 'wrapper post → axios.post'],
  // The URL reaches the wrapper's request through a function's return value or a parameter's default.
  [
    'the URL returned by a function',
    `function tokenUrl() { return '${TOKEN_URL}'; }\nasync function createToken(body) { return axios.post(tokenUrl(), body); }\ncreateToken(${BAD});`,
    'wrapper createToken → axios.post',
  ],
  [
    'the URL an arrow function returns',
    `const tokenUrl = () => '${TOKEN_URL}';\nconst send = (b) => fetch(tokenUrl(), { method: 'POST', body: JSON.stringify(b) });\nsend(${BAD});`,
    'wrapper send → fetch',
  ],
  ['the URL a parameter defaults to', `function post(body, url = '${TOKEN_URL}') { return axios.post(url, body); }\npost(${BAD});`, 'wrapper post → axios.post'],
  ['a private method', `class Kyc {\n  #send(body) { return axios.post('${TOKEN_URL}', body); }\n  start() { return this.#send(${BAD}); }\n}`, 'wrapper this.#send → axios.post'],
];

describe('wrappers in the same file', () => {
  for (const withFiles of [false, true]) {
    for (const [what, text, via] of CASES) {
      test(`${what}${withFiles ? ' (with file access)' : ''}: the payload at the call site, its finding there`, () => {
        const result = found(text, withFiles);
        assert.deepEqual(result.vias, [via]);
        assert.deepEqual(result.codes, ["BAD_VALUE 'SELFIE'"]);
      });
    }
  }

  test('a wrapper whose request goes to another host makes nothing', () => {
    const text = `function post(body) { return axios.post('https://api.example.com/token', body); }\npost(${BAD});`;
    assert.deepEqual(found(text, true), { vias: [], codes: [] });
  });

  test('found from the request backwards: the wrapper among calls of unrelated functions, its call sites wherever they are', () => {
    const unrelated = Array.from({ length: 200 }, (_, i) => `function other${i}(o) { return render(o, { id: ${i} }); }\nother${i}({ id: ${i} });`).join('\n');
    const text = `const URL = '${TOKEN_URL}';\n${unrelated}\nclass Kyc {\n  send(body) { return axios.post(URL, body); }\n}\nnew Kyc().start;\nconst kyc = new Kyc();\nexport const later = () => kyc.send(${BAD});`;
    assert.deepEqual(found(text, true), { vias: ['wrapper kyc.send → axios.post'], codes: ["BAD_VALUE 'SELFIE'"] });
  });

  test('not followed: a wrapper called only through an alias (a miss, never a false alarm)', () => {
    const text = `const URL = '${TOKEN_URL}';\nfunction createToken(body) { return axios.post(URL, body); }\nconst send = createToken;\nsend(${BAD});`;
    assert.deepEqual(found(text, true), { vias: [], codes: [] });
  });
});
