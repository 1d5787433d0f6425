/**
 * Clients that misbehave or hit edges of the protocol: malformed params, rewound versions, edits that join line
 * breaks, cancelled requests, thousands of findings under one code action. Against the built server over stdio.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspTestClient, textAt } from './lspClient';

describe('hostile and unusual clients', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    await client.stop();
  });

  test('a null or malformed position is answered as invalid params (-32602), and the server keeps serving', async () => {
    const uri = 'file:///work/params.idenfy.json';
    client.open(uri, 'json', '{"clientId":"a","tokenType":"BAD"}');
    await client.diagnostics(uri);
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri }, position: null }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 'x' } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [] } }],
      ['idenfy/payloadAt', { uri, offset: 'start' }],
    ] as const) {
      await assert.rejects(client.connection.sendRequest(method, params), (error: { code?: number }) => error.code === -32602, method);
    }
    const hover: any = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
    assert.match(hover.contents.value, /tokenType/);
  });

  test('an edit that joins a lone CR and an LF into CRLF keeps diagnostics on the right line', async () => {
    const uri = 'file:///work/crlf-join.idenfy.json';
    const text = '{"clientId":"a",\r"tokenType":"BAD"}';
    client.open(uri, 'json', text);
    const before = await client.diagnostics(uri);
    assert.equal(before[0].range.start.line, 1);
    const version = client.edit(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, '\n');
    const afterEdit = await client.diagnostics(uri, (p) => p.version === version);
    const joined = '{"clientId":"a",\r\n"tokenType":"BAD"}';
    assert.equal(afterEdit[0].range.start.line, 1, 'still the second line');
    assert.equal(textAt(joined, afterEdit[0]), '"BAD"');
  });

  test('a client that repeats a version number with other text gets diagnostics for the new text', async () => {
    const uri = 'file:///work/repeated-version.idenfy.json';
    client.open(uri, 'json', '{"clientId":"a","tokenType":"BAD"}');
    assert.equal((await client.diagnostics(uri)).length, 1);
    // Same version 1 again, as a buggy client might send it.
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: '{"clientId":"a","tokenType":"DOCUMENT"}' }] });
    assert.deepEqual(await client.diagnostics(uri), []);
    const hover: any = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
    assert.match(hover.contents.value, /tokenType/);
  });

  test('a code action over thousands of findings answers quickly (linear in the findings)', async () => {
    const uri = 'file:///work/many-findings.idenfy.json';
    const keys = Array.from({ length: 3000 }, (_, i) => `"sessionLength":${10 + i}`);
    const text = `{"clientId":"a",${keys.join(',')}}`;
    client.open(uri, 'json', text);
    const diagnostics = await client.diagnostics(uri, undefined, 30_000);
    assert.ok(diagnostics.length >= 900, `${diagnostics.length} diagnostics`); // a cap on findings may keep fewer than 3,000
    const started = Date.now();
    const actions: any[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } },
      context: { diagnostics },
    });
    assert.ok(actions.length > 0);
    assert.ok(
      actions.every((a) => a.diagnostics?.length === 1),
      'each fix is linked to its diagnostic',
    );
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
});
