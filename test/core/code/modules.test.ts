import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeCode, createLanguageService, DEFAULT_SETTINGS, FileSystemHost, ModuleGraph } from '../../../core';

/** An in-memory workspace; counts reads so laziness can be checked. */
function workspace(files: Record<string, string>): FileSystemHost & { reads: string[]; files: Record<string, string> } {
  const reads: string[] = [];
  return {
    reads,
    files,
    readFile(path) {
      reads.push(path);
      return files[path];
    },
  };
}

function payloadsOf(path: string, host: FileSystemHost, graph = new ModuleGraph(host)) {
  const text = host.readFile(path)!;
  return analyzeCode({ text, fileName: path }, DEFAULT_SETTINGS, undefined, graph);
}

const BODY = "{ clientId: 'c1', locale: 'xx' }";

describe('resolution across modules', () => {
  test('an ES import of a URL constant, through a .js specifier naming a .ts file', () => {
    const host = workspace({
      '/w/src/config.ts': "export const IDENFY = 'https://ivs.idenfy.com';",
      '/w/src/kyc.ts': `import { IDENFY as base } from './config.js';\nexport const go = () => fetch(\`\${base}/api/v2/token\`, { method: 'POST', body: JSON.stringify(${BODY}) });`,
    });
    const result = payloadsOf('/w/src/kyc.ts', host);
    assert.equal(result.payloads.length, 1);
    assert.deepEqual(
      result.findings.map((f) => f.code),
      ['unknown-locale'],
    );
  });

  test('CommonJS: module.exports = { … } with an env fallback, exports.X =, destructured require', () => {
    const host = workspace({
      '/w/config.js': "module.exports = { BASE: process.env.IDENFY_URL || 'https://ivs.idenfy.com' };",
      '/w/paths.js': "exports.TOKEN = '/api/v2/token';",
      '/w/a.js': `const config = require('./config');\nconst { TOKEN } = require('./paths');\naxios.post(config.BASE + TOKEN, ${BODY}); // iDenfy`,
    });
    assert.equal(payloadsOf('/w/a.js', host).payloads.length, 1);
  });

  test('barrel files, export * and namespace imports, enums and class static fields', () => {
    const host = workspace({
      '/w/lib/urls.ts': "export enum Urls { Token = 'https://ivs.idenfy.com/api/v2/token' }\nexport class Api { static readonly BASE = 'https://ivs.idenfy.com'; }",
      '/w/lib/index.ts': "export * from './urls';",
      '/w/a.ts': `import * as lib from './lib';\nimport { Api } from './lib';\naxios.post(lib.Urls.Token, ${BODY});\naxios.post(Api.BASE + '/api/v2/token', { clientId: 'x' }); // iDenfy`,
    });
    assert.equal(payloadsOf('/w/a.ts', host).payloads.length, 2);
  });

  test('tsconfig baseUrl and paths', () => {
    const host = workspace({
      '/w/tsconfig.json': '{ // comment\n "compilerOptions": { "baseUrl": "src", "paths": { "@/*": ["./*"] }, } }',
      '/w/src/urls.ts': "export const BASE = 'https://ivs.idenfy.com';",
      '/w/src/feature/a.ts': `import { BASE } from '@/urls';\nimport { BASE as B2 } from 'urls';\naxios.post(\`\${BASE}/api/v2/token\`, ${BODY});\naxios.post(B2 + '/api/v2/token', { clientId: 'y' }); // iDenfy`,
    });
    assert.equal(payloadsOf('/w/src/feature/a.ts', host).payloads.length, 2);
  });

  test('wrappers: an imported function two levels deep; the finding sits on the call site', () => {
    const host = workspace({
      '/w/http.ts':
        "const BASE = 'https://ivs.idenfy.com/api/v2';\nexport async function request(path: string, data: unknown) { return fetch(BASE + path, { method: 'POST', body: JSON.stringify(data) }); }",
      '/w/idenfy.ts': "import { request } from './http';\nexport class Idenfy { createToken(body: object) { return request('/token', body); } }\nexport const idenfy = new Idenfy();",
      '/w/a.ts': `import { idenfy } from './idenfy';\nidenfy.createToken(${BODY});\nidenfy.createToken({ clientId: 'x', locale: 'en' });`,
    });
    const result = payloadsOf('/w/a.ts', host);
    assert.equal(result.payloads.length, 2);
    assert.match(result.payloads[0].via ?? '', /^wrapper idenfy\.createToken → request → fetch$/);
    const text = host.files['/w/a.ts'];
    assert.equal(text.slice(result.findings[0].start, result.findings[0].end), "'xx'");
  });

  test('a wrapper whose URL goes elsewhere makes nothing', () => {
    const host = workspace({
      '/w/http.ts': "export function post(path: string, data: unknown) { return fetch('https://api.example.com' + path, { method: 'POST', body: JSON.stringify(data) }); }",
      '/w/a.ts': `import { post } from './http';\npost('/api/v2/token', ${BODY}); // idenfy token`,
    });
    assert.equal(payloadsOf('/w/a.ts', host).payloads.length, 0);
  });

  test('cycles between modules, missing files and huge files end, unresolved', () => {
    const host = workspace({
      '/w/a.ts': "export { B as A } from './b';",
      '/w/b.ts': "export { A as B } from './a';\nexport * from './b';",
      '/w/huge.ts': `export const U = 'https://ivs.idenfy.com/api/v2/token';${' '.repeat(2 * 1024 * 1024)}`,
      '/w/main.ts': `import { A } from './a';\nimport { U } from './huge';\nimport { M } from './missing';\naxios.post(A, ${BODY});\naxios.post(U, ${BODY});\naxios.post(M, ${BODY}); // idenfy /token`,
    });
    assert.deepEqual(payloadsOf('/w/main.ts', host).payloads, []);
  });

  test('conditional base URLs: production/test hosts and loopback count; another host does not', () => {
    const code = (other: string) => `const base = prod ? 'https://ivs.idenfy.com' : '${other}';\naxios.post(base + '/api/v2/token', ${BODY});`;
    const host = workspace({ '/w/a.ts': code('https://ivs.test.idenfy.com'), '/w/b.ts': code('http://localhost:8080'), '/w/c.ts': code('https://api.example.com') });
    assert.equal(payloadsOf('/w/a.ts', host).payloads.length, 1);
    assert.equal(payloadsOf('/w/b.ts', host).payloads.length, 1);
    assert.equal(payloadsOf('/w/c.ts', host).payloads.length, 0);
  });

  test('a type name alone is not a payload when its declaration has no clientId (here or imported)', () => {
    const host = workspace({
      '/w/types.ts': 'export type CreateIdenfySessionRequest = { mondayItemId: string };',
      '/w/a.ts': "import type { CreateIdenfySessionRequest } from './types';\nconst r: CreateIdenfySessionRequest = { mondayItemId: 'x' }; // idenfy token",
      '/w/b.ts': "interface IdenfyTokenRequest { clientId: string }\nconst r: IdenfyTokenRequest = { clientId: 'x', locale: 'xx' };",
    });
    assert.equal(payloadsOf('/w/a.ts', host).payloads.length, 0);
    assert.equal(payloadsOf('/w/b.ts', host).payloads.length, 1);
  });

  test('lazy: nothing is read for a file without iDenfy, or without a file system', () => {
    const host = workspace({ '/w/a.ts': "import { x } from './b';\nfetch(x, { method: 'POST', body: '{}' });", '/w/b.ts': 'export const x = 1;' });
    host.reads.length = 0;
    payloadsOf('/w/a.ts', { readFile: (p) => host.files[p] }, new ModuleGraph(host));
    assert.deepEqual(host.reads, []);
    const text = "import { BASE } from './b';\naxios.post(BASE + '/api/v2/token', { clientId: 'idenfy' });";
    assert.deepEqual(analyzeCode({ text, fileName: '/w/c.ts' }, DEFAULT_SETTINGS).payloads, []);
  });

  test('a change to an imported file re-checks the documents that read it', () => {
    const host = workspace({
      '/w/config.ts': "export const BASE = 'https://api.example.com';",
      '/w/a.ts': `import { BASE } from './config';\naxios.post(BASE + '/api/v2/token', ${BODY}); // idenfy`,
    });
    const service = createLanguageService({ fileSystem: host });
    const document = { uri: 'file:///w/a.ts', languageId: 'typescript', text: host.files['/w/a.ts'] };
    assert.equal(service.analyze(document).payloads.length, 0);
    host.files['/w/config.ts'] = "export const BASE = 'https://ivs.idenfy.com';";
    assert.deepEqual(service.fileChanged('file:///w/config.ts'), ['file:///w/a.ts']);
    assert.equal(service.analyze(document).payloads.length, 1);
    assert.deepEqual(service.fileChanged('/w/unrelated.ts'), []);
  });

  test('the module cache is bounded and reports its size', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`/w/m${i}.ts`] = `export const X${i} = 'https://ivs.idenfy.com';`;
    const graph = new ModuleGraph(workspace(files), { maxFiles: 5 });
    for (let i = 0; i < 20; i++) {
      const text = `import { X${i} } from './m${i}';\naxios.post(X${i} + '/api/v2/token', ${BODY});`;
      assert.equal(analyzeCode({ text: `${text} // idenfy`, fileName: `/w/main${i}.ts` }, DEFAULT_SETTINGS, undefined, graph).payloads.length, 1);
    }
    assert.ok(graph.stats().files <= 5);
  });

  test('merges: Object.assign and spreads of resolved defaults; a key a spread may override is never claimed', () => {
    const host = workspace({
      '/w/defaults.ts': "export const defaults = { clientId: 'c', locale: 'en' };",
      '/w/a.ts': [
        "import { defaults } from './defaults';",
        "const URL = 'https://ivs.idenfy.com/api/v2/token';",
        "axios.post(URL, Object.assign({}, defaults, { locale: 'xx' }));",
        "axios.post(URL, { locale: 'yy', ...unknownDefaults });",
        "axios.post(URL, { clientId: 'c', locale: 'zz', ...(cb && { callbackUrl: cb }) });",
        "axios.post(URL, { expiryTime: 'x', ...defaults });",
      ].join('\n'),
    });
    const result = payloadsOf('/w/a.ts', host);
    const text = host.files['/w/a.ts'];
    assert.equal(result.payloads.length, 4);
    assert.deepEqual(result.findings.map((f) => `${f.code} ${text.slice(f.start, f.end)}`).sort(), ["BAD_VALUE 'x'", "unknown-locale 'xx'", "unknown-locale 'zz'"].sort());
  });

  test('a payload found through a wrapper gets what an inline one gets: hover, completion, fixes, payloadAt', () => {
    const host = workspace({
      '/w/client.ts':
        "export class Idenfy {\n  private base = 'https://ivs.idenfy.com/api/v2';\n  post(path: string, body: object) { return fetch(`${this.base}${path}`, { method: 'POST', body: JSON.stringify(body) }); }\n}\nexport const idenfy = new Idenfy();",
      '/w/a.ts': "import { idenfy } from './client';\nidenfy.post('/token', { clientID: 'c', locale: 'en' });",
    });
    const service = createLanguageService({ fileSystem: host });
    const document = { uri: 'file:///w/a.ts', languageId: 'typescript', text: host.files['/w/a.ts'] };
    const analysis = service.analyze(document);
    assert.equal(analysis.payloads.length, 1);
    const key = document.text.indexOf('clientID');
    assert.ok(analysis.findings.some((f) => f.start === key));
    assert.ok(service.codeActions(document, analysis, { start: key, end: key + 8 }).some((a) => a.edits.some((e) => e.newText.includes('clientId'))));
    assert.ok(service.hover(document, analysis, document.text.indexOf('locale') + 1));
    assert.ok(service.complete(document, analysis, document.text.indexOf('clientID')).length > 0);
    const sent = service.payloadAt(document, analysis, key);
    assert.equal(sent.found, true);
    assert.deepEqual(sent.value, { clientID: 'c', locale: 'en' });
  });
});
