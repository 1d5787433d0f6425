/**
 * Protocol tests for code payloads: real-looking TypeScript/JavaScript sources (test/fixtures/code, annotated with
 * `// expect: CODE at <text>`) opened in the built server over stdio, with CRLF variants and live edits.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { annotationLines } from '../fixtureFiles';
import { LspTestClient, ROOT, textAt } from './lspClient';

const FIXTURES = path.join(ROOT, 'test/fixtures/code');
const LANGUAGE: Record<string, string> = { '.ts': 'typescript', '.tsx': 'typescriptreact', '.js': 'javascript', '.jsx': 'javascriptreact', '.mjs': 'javascript', '.cjs': 'javascript' };

/** `line:column CODE` (1-based) for every `// expect:` annotation in a fixture. */
function expectedFindings(text: string): string[] {
  return annotationLines(text)
    .flatMap(({ line, expect }) => expect.map((item) => `${line}:${item.column} ${item.code}`))
    .sort();
}

describe('TypeScript/JavaScript payloads over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    await client.stop();
  });

  const files = readdirSync(FIXTURES).filter((f) => LANGUAGE[path.extname(f)]);
  for (const lineEnd of ['\n', '\r\n']) {
    for (const file of files) {
      test(`${file}${lineEnd === '\r\n' ? ' (CRLF)' : ''}: exactly the annotated diagnostics, at the annotated positions`, async () => {
        const text = readFileSync(path.join(FIXTURES, file), 'utf8').replace(/\r?\n/g, lineEnd);
        const uri = `file:///work/src/${lineEnd === '\r\n' ? 'crlf-' : ''}${file}`;
        client.open(uri, LANGUAGE[path.extname(file)], text);
        const diagnostics = await client.diagnostics(uri);
        const actual = diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).sort();
        assert.deepEqual(actual, expectedFindings(text));
        for (const d of diagnostics) {
          assert.equal(d.source, 'idenfy');
          assert.match(d.codeDescription!.href, /^https:\/\/documentation\.idenfy\.com\//);
        }
      });
    }
  }

  test('typing in a code payload re-validates; a computed value is never an error', async () => {
    const uri = 'file:///work/src/live.ts';
    const text = "const API = 'https://ivs.idenfy.com/api/v2';\nawait fetch(`${API}/token`, { method: 'POST', body: JSON.stringify({ clientId: user.id, sessionLength: 60 }) });\n";
    client.open(uri, 'typescript', text);
    assert.deepEqual(await client.diagnostics(uri), [], 'user.id is computed: unknown, not wrong');
    const broken = text.replace('sessionLength: 60', 'sessionLength: 59');
    const version = client.change(uri, broken);
    const diagnostics = await client.diagnostics(uri, (p) => p.version === version);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, textAt(broken, d)]),
      [['BAD_VALUE', '59']],
    );

    const result: any = await client.connection.sendRequest('idenfy/payloadAt', { uri, offset: broken.indexOf('clientId') });
    assert.equal(result.found, true);
    assert.equal(result.languageKind, 'code');
    assert.deepEqual(
      result.unknowns.map((u: any) => u.path),
      ['clientId'],
      'the computed clientId must be filled in before sending',
    );
    assert.equal(result.value.sessionLength, 59);
  });

  test('a request to another host or path is never reported', async () => {
    const uri = 'file:///work/src/other.ts';
    client.open(
      uri,
      'typescript',
      "await fetch('https://api.example.com/api/v2/token', { method: 'POST', body: JSON.stringify({ clientId: 5, sessionLength: 1 }) });\nawait axios.post('https://ivs.idenfy.com/api/v2/status', { sessionLength: 1 });\n",
    );
    assert.deepEqual(await client.diagnostics(uri), []);
  });
});
