import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isTokenEndpointUrl } from '../../../core';
import { analyze, at, located } from './helpers';

/** How the URL and the body are resolved within the file: constants, templates, scopes, writes. */

const BODY = "{ clientId: 'c-1', sessionLength: 4000 }";

/** Whether the code sends its payloads (then each one's mistake, `4000`, is reported, and nothing else). */
function sendsPayload(code: string): boolean {
  const result = analyze(code);
  const mistakes = code.split('4000').length - 1;
  if (result.payloads.length > 0) {
    assert.equal(result.payloads.length, mistakes, 'every payload of the code is found');
    assert.deepEqual(
      located(code, result.findings),
      Array.from({ length: mistakes }, (_, i) => at(code, 'BAD_VALUE', '4000', i + 1)),
    );
  }
  return result.payloads.length > 0;
}

describe('the URL, written in every way the file can resolve', () => {
  const aimed: Array<[string, string]> = [
    ['a const', "const URL_TOKEN = 'https://ivs.idenfy.com/api/v2/token';\naxios.post(URL_TOKEN, BODY);"],
    ['a template without substitutions', 'axios.post(`https://ivs.idenfy.com/api/v2/token`, BODY);'],
    ['a base constant and a template', "const API = 'https://ivs.idenfy.com/api/v2';\naxios.post(`${API}/token`, BODY);"],
    ['a host constant and a template with the path', "const HOST = 'https://ivs.idenfy.com';\naxios.post(`${HOST}/api/v2/token`, BODY);"],
    ['a chain of constants', "const HOST = 'https://ivs.idenfy.com';\nconst API = HOST + '/api/v2';\nconst TOKEN = `${API}/token`;\naxios.post(TOKEN, BODY);"],
    ['+ concatenation', "const BASE = 'https://ivs.idenfy.com/';\naxios.post(BASE + 'api/v2/' + 'token', BODY);"],
    ['new URL(path, base)', "const HOST = 'https://ivs.idenfy.com';\naxios.post(new URL('/api/v2/token', HOST).href, BODY);"],
    ['new URL passed as is', "fetch(new URL('https://ivs.idenfy.com/api/v2/token'), { method: 'POST', body: JSON.stringify(BODY) });"],
    ['String(x) and x.toString()', "const U = new URL('https://ivs.idenfy.com/api/v2/token');\naxios.post(String(U), BODY);\naxios.post(U.toString(), BODY);"],
    ['an env variable with iDenfy as the fallback', "const HOST = process.env.IDENFY_HOST ?? 'https://ivs.idenfy.com';\naxios.post(`${HOST}/api/v2/token`, BODY);"],
    [
      'a property of a const config object',
      "const config = { idenfy: { base: 'https://ivs.idenfy.com', tokenPath: '/api/v2/token' } } as const;\naxios.post(config.idenfy.base + config.idenfy.tokenPath, BODY);",
    ],
    ['an element access with a literal key', "const urls = { token: 'https://ivs.idenfy.com/api/v2/token' };\naxios.post(urls['token'], BODY);"],
    ['a shorthand property', "const url = 'https://ivs.idenfy.com/api/v2/token';\nconst endpoints = { url };\naxios.post(endpoints.url, BODY);"],
    ['an enum member', "enum Idenfy { Token = 'https://ivs.idenfy.com/api/v2/token', Status = 'https://ivs.idenfy.com/api/v2/status' }\naxios.post(Idenfy.Token, BODY);"],
    ['a readonly class field', "class Kyc {\n  private readonly url = 'https://ivs.idenfy.com/api/v2/token';\n  go() { return axios.post(this.url, BODY); }\n}"],
    ['a static class field', "class Endpoints { static readonly TOKEN = 'https://ivs.idenfy.com/api/v2/token'; }\naxios.post(Endpoints.TOKEN, BODY);"],
    ['a let that is never reassigned', "let url = 'https://ivs.idenfy.com/api/v2/token';\naxios.post(url, BODY);"],
    ['a const declared after its use in a function', "function go() { return axios.post(LATER, BODY); }\nconst LATER = 'https://ivs.idenfy.com/api/v2/token';"],
    ['what a function returns', "function tokenUrl() { return 'https://ivs.idenfy.com/api/v2/token'; }\naxios.post(tokenUrl(), BODY);"],
    [
      'what an arrow function and a method return',
      "const tokenUrl = () => 'https://ivs.idenfy.com/api/v2/token';\naxios.post(tokenUrl(), BODY);\nclass Kyc {\n  url() { return `${HOST}/api/v2/token`; }\n  go() { return axios.post(this.url(), BODY); }\n}\nconst HOST = 'https://ivs.idenfy.com';",
    ],
    [
      'a trailing slash, a query, a port, http and another idenfy.com host',
      "axios.post('http://ivs.idenfy.com:443/api/v2/token/?x=1', BODY);\naxios.post('https://eu.ivs.idenfy.com/api/v2/token', BODY);",
    ],
  ];
  for (const [name, code] of aimed) {
    test(name, () => assert.equal(sendsPayload(code.replace(/BODY/g, BODY)), true));
  }

  const notAimed: Array<[string, string]> = [
    ['another path of the same API', "axios.post('https://ivs.idenfy.com/api/v2/status', BODY);"],
    ['a longer path', "axios.post('https://ivs.idenfy.com/api/v2/token/extra', BODY);"],
    ['another host', "axios.post('https://api.other.com/api/v2/token', BODY);"],
    ['a look-alike host', "axios.post('https://ivs.idenfy.com.evil.example/api/v2/token', BODY);"],
    ['a host ending in idenfy.com', "axios.post('https://notidenfy.com/api/v2/token', BODY);"],
    ['a path in other letter case', "axios.post('https://ivs.idenfy.com/API/V2/TOKEN', BODY);"],
    ['a host from the environment', 'axios.post(`${process.env.IDENFY_URL}/api/v2/token`, BODY);'],
    ['a host from another module', "import { HOST } from './config';\naxios.post(`${HOST}/api/v2/token`, BODY);"],
    ['a reassigned let', "let url = 'https://ivs.idenfy.com/api/v2/token';\nurl = 'https://mock.local/x';\naxios.post(url, BODY);"],
    ['a var assigned in a loop', "var url = 'https://ivs.idenfy.com/api/v2/token';\nfor (url of mirrors) axios.post(url, BODY);"],
    ['a shadowing local constant', "const URL_T = 'https://ivs.idenfy.com/api/v2/token';\nfunction f() { const URL_T = 'https://x.example/api/v2/token'; return axios.post(URL_T, BODY); }"],
    ['a parameter shadowing the constant', "const u = 'https://ivs.idenfy.com/api/v2/token';\nfunction f(u) { return axios.post(u, BODY); }"],
    ['a config object written to', "const config = { url: 'https://ivs.idenfy.com/api/v2/token' };\nconfig.url = process.env.URL;\naxios.post(config.url, BODY);"],
    ['a class field written to', "class K {\n  url = 'https://ivs.idenfy.com/api/v2/token';\n  setUrl(u) { this.url = u; }\n  go() { return axios.post(this.url, BODY); }\n}"],
    ['a conditional URL', "axios.post(sandbox ? 'https://ivs.idenfy.com/api/v2/token' : other, BODY);"],
    [
      'a function returning two different URLs',
      "function tokenUrl(test) { if (test) return 'https://ivs.idenfy.com/api/v2/token'; return 'https://api.other.com/api/v2/token'; }\naxios.post(tokenUrl(true), BODY);",
    ],
    ['a URL in a comment only', '// posts to https://ivs.idenfy.com/api/v2/token\naxios.post(url, BODY);'],
  ];
  for (const [name, code] of notAimed) {
    test(`not: ${name}`, () => assert.equal(sendsPayload(code.replace(/BODY/g, BODY)), false));
  }

  test('constants that refer to each other in a cycle end, unresolved', () => {
    const code = `const A = B + '/api';\nconst B = A + '/v2';\naxios.post(A, ${BODY});`;
    assert.deepEqual(analyze(code).payloads, []);
  });
});

describe('the body, resolved to the object literal it was initialised with', () => {
  const url = "const TOKEN_URL = 'https://ivs.idenfy.com/api/v2/token';\n";
  test('a const in the same function', () => {
    const code = `${url}async function f() {\n  const payload = ${BODY};\n  return axios.post(TOKEN_URL, payload);\n}`;
    assert.equal(sendsPayload(code), true);
  });
  test('a module const used by a function', () => {
    assert.equal(sendsPayload(`${url}const payload = ${BODY};\nexport const f = () => fetch(TOKEN_URL, { method: 'POST', body: JSON.stringify(payload) });`), true);
  });
  test('a let that is never reassigned', () => {
    assert.equal(sendsPayload(`${url}let payload = ${BODY};\naxios.post(TOKEN_URL, payload);`), true);
  });
  test('a stringified body held in a variable, and got shorthand { json }', () => {
    assert.equal(sendsPayload(`${url}const payload = ${BODY};\nconst body = JSON.stringify(payload);\nfetch(TOKEN_URL, { method: 'POST', body });`), true);
    assert.equal(sendsPayload(`${url}const json = ${BODY};\ngot.post(TOKEN_URL, { json });`), true);
  });
  test('both branches of a conditional body', () => {
    const code = `${url}axios.post(TOKEN_URL, vip ? { clientId: 'vip', locale: 'en' } : { clientId: 'std', sessionLength: 4000 });`;
    const result = analyze(code);
    assert.equal(result.payloads.length, 2);
    assert.deepEqual(located(code, result.findings), [at(code, 'BAD_VALUE', '4000')]);
  });
  test('the payload variable of the right scope when two functions use the same name', () => {
    const code =
      `${url}function a() { const payload = { clientId: 'a', sessionLength: 4000 }; return axios.post(TOKEN_URL, payload); }\n` +
      "function b() { const payload = { clientId: 'b', sex: 'X' }; return axios.post('https://other.example/x', payload); }";
    assert.deepEqual(located(code, analyze(code).findings), [at(code, 'BAD_VALUE', '4000')]);
  });
  test('a reassigned let is not trusted', () => {
    assert.deepEqual(analyze(`${url}let payload = ${BODY};\npayload = other;\naxios.post(TOKEN_URL, payload);`).payloads, []);
  });
  test('a payload used by two calls is reported once', () => {
    const code = `${url}const payload = ${BODY};\naxios.post(TOKEN_URL, payload);\nfetch(TOKEN_URL, { method: 'POST', body: JSON.stringify(payload) });`;
    const result = analyze(code);
    assert.equal(result.payloads.length, 1);
    assert.equal(result.payloads[0].via, 'axios.post');
    assert.deepEqual(located(code, result.findings), [at(code, 'BAD_VALUE', '4000')]);
  });
});

describe('isTokenEndpointUrl', () => {
  test('the documented host and other idenfy.com hosts', () => {
    for (const url of [
      'https://ivs.idenfy.com/api/v2/token',
      'https://IVS.IDENFY.COM/api/v2/token',
      'http://ivs.idenfy.com/api/v2/token/',
      'https://idenfy.com/api/v2/token',
      'https://a.b.idenfy.com:8443/api/v2/token?x#y',
      '//ivs.idenfy.com/api/v2/token',
      'https://key:secret@ivs.idenfy.com/api/v2/token',
      ' https://ivs.idenfy.com/api/v2/token ',
    ]) {
      assert.equal(isTokenEndpointUrl(url), true, url);
    }
  });
  test('anything else', () => {
    for (const url of [
      'https://ivs.idenfy.com/api/v2/status',
      'https://ivs.idenfy.com/api/v2/tokens',
      'https://ivs.idenfy.com/api/v3/token',
      'https://ivs.idenfy.com/API/V2/TOKEN',
      'https://ivs.idenfy.com.evil.com/api/v2/token',
      'https://evilidenfy.com/api/v2/token',
      'https://ivs.idenfy.co/api/v2/token',
      '/api/v2/token',
      'api/v2/token',
      'ftp://ivs.idenfy.com/api/v2/token',
      'https://ivs.idenfy.com/prefix/api/v2/token',
      '',
      'https://',
    ]) {
      assert.equal(isTokenEndpointUrl(url), false, url);
    }
  });
});
