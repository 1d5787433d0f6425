import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, at, located, TOKEN_URL } from './helpers';

/**
 * Every HTTP client shape the detection knows sends the same payload with one mistake (sessionLength 4000): each
 * must find the payload once, say how it is sent, and report that one mistake on `4000`.
 */
const PAYLOAD = "{ clientId: 'c-1', sessionLength: 4000 }";

const shapes: Array<[name: string, via: string, code: string, fileName?: string]> = [
  ['fetch with JSON.stringify', 'fetch', `await fetch('${TOKEN_URL}', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(${PAYLOAD}) });`],
  ['fetch without a method', 'fetch', `await fetch('${TOKEN_URL}', { body: JSON.stringify(${PAYLOAD}, null, 2) });`],
  ['fetch with options in a variable', 'fetch', `const init = { method: 'post', body: JSON.stringify(${PAYLOAD}) };\nawait fetch('${TOKEN_URL}', init);`],
  ['node-fetch required under another name', 'nodeFetch', `const nodeFetch = require('node-fetch');\nawait nodeFetch('${TOKEN_URL}', { method: 'POST', body: JSON.stringify(${PAYLOAD}) });`, 'a.cjs'],
  ['new Request', 'new Request', `const request = new Request('${TOKEN_URL}', { method: 'POST', body: JSON.stringify(${PAYLOAD}) });`],
  ['$fetch (Nuxt) with an object body', '$fetch', `await $fetch('${TOKEN_URL}', { method: 'POST', body: ${PAYLOAD} });`],
  ['ofetch', 'ofetch', `await ofetch('${TOKEN_URL}', { method: 'POST', body: ${PAYLOAD} });`],
  ['undici request', 'undici.request', `await undici.request('${TOKEN_URL}', { method: 'POST', body: JSON.stringify(${PAYLOAD}) });`],
  ['axios.post', 'axios.post', `await axios.post('${TOKEN_URL}', ${PAYLOAD}, { auth });`],
  ['axios.post with a stringified body', 'axios.post', `await axios.post('${TOKEN_URL}', JSON.stringify(${PAYLOAD}), { headers });`],
  ['axios(config)', 'axios', `await axios({ method: 'post', url: '${TOKEN_URL}', data: ${PAYLOAD}, auth });`],
  ['axios(url, config)', 'axios', `await axios('${TOKEN_URL}', { method: 'POST', data: ${PAYLOAD} });`],
  ['axios.request(config)', 'axios.request', `await axios.request({ url: '${TOKEN_URL}', method: 'POST', data: ${PAYLOAD} });`],
  ['axios config with baseURL', 'axios', `await axios({ baseURL: 'https://ivs.idenfy.com', url: '/api/v2/token', method: 'post', data: ${PAYLOAD} });`],
  ['axios instance with baseURL', 'client.post', `const client = axios.create({ baseURL: 'https://ivs.idenfy.com/', timeout: 5000 });\nawait client.post('/api/v2/token', ${PAYLOAD});`],
  [
    'axios instance held by a class field',
    'this.client.post',
    `class Kyc {\n  private readonly client = axios.create({ baseURL: 'https://ivs.idenfy.com/api/v2' });\n  start() { return this.client.post('token', ${PAYLOAD}); }\n}`,
  ],
  ['got.post with json', 'got.post', `await got.post('${TOKEN_URL}', { username: key, password: secret, json: ${PAYLOAD} }).json();`],
  ['got(url, { method, json })', 'got', `await got('${TOKEN_URL}', { method: 'POST', json: ${PAYLOAD} });`],
  ['got.extend with prefixUrl', 'api.post', `const api = got.extend({ prefixUrl: 'https://ivs.idenfy.com/api/v2' });\nawait api.post('token', { json: ${PAYLOAD} });`],
  ['ky.post with json', 'ky.post', `await ky.post('${TOKEN_URL}', { json: ${PAYLOAD} }).json();`],
  ['ky.create with prefixUrl', 'api.post', `const api = ky.create({ prefixUrl: 'https://ivs.idenfy.com' });\nawait api.post('api/v2/token', { json: ${PAYLOAD} });`],
  ['Angular HttpClient', 'this.http.post', `class S {\n  constructor(private http: HttpClient) {}\n  token() { return this.http.post<Response>('${TOKEN_URL}', ${PAYLOAD}); }\n}`],
  [
    'Nest HttpService',
    'this.httpService.post',
    `class S {\n  constructor(private readonly httpService: HttpService) {}\n  token() { return firstValueFrom(this.httpService.post('${TOKEN_URL}', ${PAYLOAD}, { auth })); }\n}`,
  ],
  ['superagent.post().send()', 'superagent.post().set().send', `await superagent.post('${TOKEN_URL}').set('Authorization', auth).send(${PAYLOAD});`],
  ["superagent('POST', url).send()", 'superagent().send', `await superagent('POST', '${TOKEN_URL}').send(${PAYLOAD});`],
  ['request.post({ url, json })', 'request.post', `request.post({ url: '${TOKEN_URL}', json: ${PAYLOAD}, auth }, callback);`, 'a.js'],
  ['request.post(url, { json })', 'request.post', `request.post('${TOKEN_URL}', { json: ${PAYLOAD} }, callback);`, 'a.js'],
  ['request({ uri, method, body, json: true })', 'request', `request({ uri: '${TOKEN_URL}', method: 'POST', body: ${PAYLOAD}, json: true }, callback);`, 'a.js'],
  ["needle('post', url, data)", 'needle', `needle('post', '${TOKEN_URL}', ${PAYLOAD}, { json: true });`, 'a.js'],
  ['needle.post(url, data)', 'needle.post', `needle.post('${TOKEN_URL}', ${PAYLOAD}, { json: true }, callback);`, 'a.js'],
  ['wretch(url).post(body)', 'wretch().auth().post', `await wretch('${TOKEN_URL}').auth(basic).post(${PAYLOAD}).json();`],
  ['a helper that posts', 'postJson', `await postJson('${TOKEN_URL}', ${PAYLOAD});`],
];

describe('HTTP client shapes', () => {
  for (const [name, via, code, fileName] of shapes) {
    test(name, () => {
      const result = analyze(code, fileName ?? 'client.ts');
      assert.deepEqual(
        result.payloads.map((p) => [p.reason, p.via]),
        [['call', via]],
        code,
      );
      assert.deepEqual(located(code, result.findings), [at(code, 'BAD_VALUE', '4000')]);
      assert.equal(result.payloads[0].root.offset, code.indexOf(PAYLOAD), 'the payload is the object literal itself');
    });
  }
});

describe('calls that do not send a token payload', () => {
  const cases: Array<[name: string, code: string]> = [
    ['a GET request', `await axios.get('${TOKEN_URL}', { params: ${PAYLOAD} });`],
    ['fetch with method GET', `await fetch('${TOKEN_URL}', { method: 'GET', body: JSON.stringify(${PAYLOAD}) });`],
    ['axios config with method put', `await axios({ method: 'put', url: '${TOKEN_URL}', data: ${PAYLOAD} });`],
    ['superagent.get().send()', `await superagent.get('${TOKEN_URL}').send(${PAYLOAD});`],
    ["needle('get', …)", `needle('get', '${TOKEN_URL}', ${PAYLOAD});`],
    ['fetch without options', `await fetch('${TOKEN_URL}');`],
    ['got options without a body', `await got.post('${TOKEN_URL}', { username: 'k', password: 's' });`],
    ['a form body', `await got.post('${TOKEN_URL}', { form: ${PAYLOAD} });`],
    ['console.log of the URL and the payload', `console.log('${TOKEN_URL}', ${PAYLOAD});`],
    ['fetch-mock', `fetchMock.post('${TOKEN_URL}', { status: 201, body: { authToken: 'x' } });`],
    ['nock', `nock('https://ivs.idenfy.com').post('/api/v2/token', ${PAYLOAD}).reply(201, {});`],
    ['jest toHaveBeenCalledWith', `expect(fetch).toHaveBeenCalledWith('${TOKEN_URL}', { method: 'POST', body: JSON.stringify(${PAYLOAD}) });`],
    ['an Express route with the same path', `app.post('/api/v2/token', (req, res) => res.json(${PAYLOAD}));`],
    ['a relative path without a known base', `await client.post('/api/v2/token', ${PAYLOAD});`],
    ['supertest against a local app', `await request(app).post('/api/v2/token').send(${PAYLOAD});`],
    ['a body the file cannot see', `await axios.post('${TOKEN_URL}', payloadFromElsewhere);`],
  ];
  for (const [name, code] of cases) {
    test(name, () => {
      const result = analyze(code);
      assert.deepEqual(result.payloads, []);
      assert.deepEqual(result.findings, []);
    });
  }
});
