/**
 * Protocol tests for hover, completion, quick fixes, code lenses and the `idenfy/payloadAt` request,
 * against the built server over stdio.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspTestClient } from './lspClient';

/** Line/character of the first occurrence of `needle` (plus `delta` characters) in `text`. */
function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in the text`);
  const before = text.slice(0, offset + delta);
  const lines = before.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Applies LSP text edits (non-overlapping) to a text. */
function applyEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('language features over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    const init = await client.initialize();
    const caps = init.capabilities;
    assert.ok(caps.hoverProvider && caps.completionProvider && caps.codeActionProvider && caps.codeLensProvider);
  });
  after(async () => {
    await client.stop();
  });

  const text = '{\n  "clientId": "user-1",\n  "tokenType": "DOCUMENT",\n  "documents": ["PASPORT"],\n  "expiry_time": 600,\n  "sessionLength": 9000\n}\n';
  const uri = 'file:///work/features.idenfy.json';

  test('hover on a field explains its rule; on an enum value, its meaning', async () => {
    client.open(uri, 'json', text);
    await client.diagnostics(uri);
    const onKey: any = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '"sessionLength"', 3) });
    assert.match(onKey.contents.value, /sessionLength/);
    assert.match(onKey.contents.value, /3,?600/);
    const onValue: any = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '"DOCUMENT"', 3) });
    assert.match(onValue.contents.value, /DOCUMENT/);
    const outside: any = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 0 } });
    assert.equal(outside, null);
  });

  test('completion offers the missing field names and enum values', async () => {
    const typing = '{\n  "clientId": "a",\n  "tokenType": "",\n  \n}';
    const typingUri = 'file:///work/typing-completion.idenfy.json';
    client.open(typingUri, 'json', typing);
    await client.diagnostics(typingUri);
    const values: any[] = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: typingUri }, position: positionOf(typing, '"tokenType": "', 14) });
    const labels = values.map((i) => i.label);
    assert.ok(labels.includes('IDENTIFICATION') && labels.includes('DOCUMENT'), `token types offered: ${labels.join(', ')}`);
    const fields: any[] = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: typingUri }, position: { line: 3, character: 2 } });
    const fieldLabels = fields.map((i) => i.label.replace(/"/g, ''));
    assert.ok(fieldLabels.includes('sessionLength') && fieldLabels.includes('documents'));
    assert.ok(!fieldLabels.includes('clientId') && !fieldLabels.includes('tokenType'), 'fields already present are not offered');
  });

  test('quick fixes rename a mistyped key, replace a near-miss value and clamp a number; applying them clears the findings', async () => {
    const diagnostics = await (async () => {
      const u = 'file:///work/features-fix.idenfy.json';
      client.open(u, 'json', text);
      return { u, d: await client.diagnostics(u) };
    })();
    const { u, d } = diagnostics;
    assert.equal(d.length, 3);
    let fixed = text;
    for (const diagnostic of d) {
      const actions: any[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const action = actions.find((a) => a.diagnostics?.[0]?.message === diagnostic.message);
      assert.ok(action, `a fix for: ${diagnostic.message}`);
      assert.equal(action.kind, 'quickfix');
      fixed = applyEdits(fixed, action.edit.changes[u]);
    }
    assert.match(fixed, /"expiryTime": 600/);
    assert.match(fixed, /"PASSPORT"/);
    assert.match(fixed, /"sessionLength": 3600/);
    const version = client.change(u, fixed);
    assert.deepEqual(await client.diagnostics(u, (p) => p.version === version), [], 'the fixed payload is clean');
  });

  test('a code lens offers to send each payload, and payloadAt returns what would be sent', async () => {
    const lenses: any[] = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].command.command, 'idenfy.sendTokenRequest');
    assert.deepEqual(lenses[0].command.arguments, [uri, 0]);

    const result: any = await client.connection.sendRequest('idenfy/payloadAt', { uri, offset: 5 });
    assert.equal(result.found, true);
    assert.equal(result.bodyText, text, 'a JSON payload is sent exactly as written');
    assert.equal(result.errorCount, 2);
    assert.equal(result.warningCount, 1);
    assert.deepEqual(result.unknowns, []);
    assert.equal((result.value as any).clientId, 'user-1');
  });

  test('a JSONC payload is sent without its comments', async () => {
    const jsonc = '{\n  // who\n  "clientId": "a", /* inline */\n  "tokenType": "DOCUMENT",\n}\n';
    const u = 'file:///work/commented.idenfy.jsonc';
    client.open(u, 'jsonc', jsonc);
    assert.deepEqual(await client.diagnostics(u), []);
    const result: any = await client.connection.sendRequest('idenfy/payloadAt', { uri: u, offset: 0 });
    assert.deepEqual(JSON.parse(result.bodyText), { clientId: 'a', tokenType: 'DOCUMENT' });
  });
});
