/**
 * Protocol tests: the built server (`node dist/server.js --stdio`) spoken to over LSP, as any editor would.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspTestClient, ROOT, textAt } from './lspClient';

const OFFICIAL = path.join(ROOT, 'test/fixtures/official');

const payload = JSON.stringify(
  {
    clientId: 'user-42',
    sessionLength: 7200,
    country: 'LT',
    documents: ['PASPORT', 'AADHAAR'],
    utilityBill: true,
    additionalSteps: { ALL: { ALL: { UTILITY_BILL: { type: 'UPLOAD' } } } },
  },
  null,
  2,
);

describe('JSON payloads over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    const init = await client.initialize();
    assert.ok(init.capabilities.textDocumentSync, 'declares document sync');
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'server exits with 0 after shutdown/exit');
  });

  test('publishes each broken rule on the offending value, with iDenfy identifier, link and source', async () => {
    const uri = 'file:///work/kyc-request.idenfy.json';
    client.open(uri, 'json', payload);
    const diagnostics = await client.diagnostics(uri);
    const byCode = (code: string) => diagnostics.filter((d) => d.code === code);

    const session = diagnostics.find((d) => textAt(payload, d) === '7200');
    assert.ok(session, 'sessionLength 7200 is reported on its value');
    assert.equal(session.code, 'BAD_VALUE');
    assert.equal(session.source, 'idenfy');
    assert.equal(session.severity, 1);
    assert.match(String(session.message), /sessionLength must be an integer from 60 to 3600 seconds; got 7200/);
    assert.match(session.codeDescription!.href, /^https:\/\/documentation\.idenfy\.com\//);

    assert.ok(
      diagnostics.some((d) => textAt(payload, d) === '"PASPORT"' && d.code === 'BAD_VALUE'),
      'unknown document type',
    );

    const combination = byCode('VALIDATION_ERROR');
    const countryDocument = combination.find((d) => textAt(payload, d) === '"AADHAAR"');
    assert.ok(countryDocument, 'AADHAAR with country LT is a combination error on the document');
    assert.equal(textAt(payload, { range: countryDocument.relatedInformation![0].location.range } as any), '"LT"', 'names the country in relatedInformation');
    assert.equal(countryDocument.relatedInformation![0].location.uri, uri);

    const utility = combination.find((d) => textAt(payload, d) === '"utilityBill"');
    assert.ok(utility, 'utilityBill with additionalSteps points at utilityBill');
    assert.equal(textAt(payload, { range: utility.relatedInformation![0].location.range } as any), '"additionalSteps"');
  });

  test("iDenfy's official examples come out without errors", async () => {
    const files = readdirSync(OFFICIAL).filter((f) => f.endsWith('.json') && !f.startsWith('api-reference'));
    assert.ok(files.length >= 10, 'the official fixtures are there');
    for (const file of files) {
      const text = readFileSync(path.join(OFFICIAL, file), 'utf8');
      const uri = `file:///work/official/${file.replace(/\.json$/, '.idenfy.json')}`;
      client.open(uri, 'json', text);
      const diagnostics = await client.diagnostics(uri);
      const errors = diagnostics.filter((d) => d.severity === 1);
      assert.deepEqual(
        errors.map((d) => d.message),
        [],
        `${file} has no errors`,
      );
    }
  });

  test('JSON that is not a payload gets an empty diagnostics list', async () => {
    for (const [name, text] of [
      ['package.json', '{"name":"x","clientId":"a","tokenType":"NOPE"}'],
      ['oauth.json', '{"clientId":"abc","clientSecret":"s","redirectUri":"http://localhost"}'],
      ['data.json', '{"items":[1,2,3]}'],
    ]) {
      const uri = `file:///work/${name}`;
      client.open(uri, 'json', text);
      assert.deepEqual(await client.diagnostics(uri), [], `${name} is not a payload`);
    }
  });

  test('an untitled document is checked by its content (with iDenfy-specific evidence: generateDigitString)', async () => {
    const uri = 'untitled:Untitled-1';
    const text = '{ "clientId": "a", "generateDigitString": true, "tokenType": "IDENTIFY" }';
    client.open(uri, 'json', text);
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, textAt(text, d)]),
      [['BAD_VALUE', '"IDENTIFY"']],
    );
  });

  test('edits re-validate; the last published version wins and carries the latest result', async () => {
    const uri = 'file:///work/typing.idenfy.json';
    client.open(uri, 'json', '{ "clientId": "a" }');
    assert.deepEqual(await client.diagnostics(uri), []);
    let version = 0;
    const states = ['{ "clientId": "a", "s', '{ "clientId": "a", "sessionLength": 3', '{ "clientId": "a", "sessionLength": 30', '{ "clientId": "a", "sessionLength": 30 }'];
    for (const text of states) version = client.change(uri, text);
    const diagnostics = await client.diagnostics(uri, (p) => p.version === version);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['BAD_VALUE'],
    );
    assert.match(String(diagnostics[0].message), /got 30\b/);
    // Intermediate versions were debounced away: none of them was published after the last one.
    assert.ok(client.pending.every((p) => p.uri !== uri));
  });

  test('incremental edits keep positions right with CRLF line ends and non-ASCII text', async () => {
    const uri = 'file:///work/crlf.idenfy.json';
    const text = '{\r\n  "clientId": "Žemaitė-ąčę",\r\n  "firstName": "Žemaitė",\r\n  "sex": "X"\r\n}';
    client.open(uri, 'json', text);
    const diagnostics = await client.diagnostics(uri);
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(diagnostics[0].range, { start: { line: 3, character: 9 }, end: { line: 3, character: 12 } });
    const version = client.edit(uri, { start: { line: 3, character: 10 }, end: { line: 3, character: 11 } }, 'M');
    assert.deepEqual(await client.diagnostics(uri, (p) => p.version === version), []);
  });

  test('half-typed, deeply nested and huge documents get diagnostics or a clear message, never a crash', async () => {
    const half = '{ "clientId": "a", "documents": ["PASSPORT", ';
    client.open('file:///work/half.idenfy.json', 'json', half);
    const halfDiagnostics = await client.diagnostics('file:///work/half.idenfy.json');
    assert.ok(halfDiagnostics.length > 0 && halfDiagnostics.every((d) => d.code === 'JSON_ERROR'));

    const deep = '{"clientId":"a","additionalData":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}';
    client.open('file:///work/deep.idenfy.json', 'json', deep);
    const deepDiagnostics = await client.diagnostics('file:///work/deep.idenfy.json');
    assert.equal(deepDiagnostics.length, 1);
    assert.match(String(deepDiagnostics[0].message), /nests too deeply/);

    const entries = Array.from({ length: 300_000 }, (_, i) => `"field${i}": "value ${i} ${'x'.repeat(40)}"`).join(',\n');
    const huge = `{"clientId": "a", "sessionLength": 5, "additionalSteps": {"ALL": {"ALL": {"S": {}}}}, "additionalData": {"S": {${entries}}}}`;
    assert.ok(huge.length > 20_000_000);
    client.open('file:///work/huge.idenfy.json', 'json', huge);
    const hugeDiagnostics = await client.diagnostics('file:///work/huge.idenfy.json', undefined, 60_000);
    assert.deepEqual(
      hugeDiagnostics.map((d) => d.code),
      ['BAD_VALUE'],
      'the huge payload is still checked',
    );

    // The server is still alive and answering.
    client.open('file:///work/after.idenfy.json', 'json', '{}');
    assert.deepEqual(
      (await client.diagnostics('file:///work/after.idenfy.json')).map((d) => d.code),
      ['MISSING_VALUE'],
    );
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = 'file:///work/closing.idenfy.json';
    client.open(uri, 'json', '[]');
    assert.equal((await client.diagnostics(uri)).length, 1);
    client.close(uri);
    assert.deepEqual(await client.diagnostics(uri), []);
  });
});

describe('settings reach the server from any client', () => {
  const callbackPayload = '{ "clientId": "a", "callbackUrl": "https://example.com/hook" }';

  test('pulled with workspace/configuration', async () => {
    const client = new LspTestClient({ configuration: { account: { customCallbackUrl: false } } });
    await client.initialize();
    client.open('file:///w/a.idenfy.json', 'json', callbackPayload);
    const diagnostics = await client.diagnostics('file:///w/a.idenfy.json');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['PERMISSIONS_ERROR'],
    );
    assert.ok(client.configurationRequests.length > 0);
    await client.stop();
  });

  test('pushed in initializationOptions and didChangeConfiguration, re-validating open documents', async () => {
    const client = new LspTestClient({ initializationOptions: { settings: { idenfy: { account: { customCallbackUrl: true } } } } });
    await client.initialize();
    client.open('file:///w/b.idenfy.json', 'json', callbackPayload);
    assert.deepEqual(await client.diagnostics('file:///w/b.idenfy.json'), []);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { idenfy: { account: { customCallbackUrl: false } } } });
    const diagnostics = await client.diagnostics('file:///w/b.idenfy.json');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['PERMISSIONS_ERROR'],
    );
    await client.stop();
  });

  test('idenfy.payloadFiles globs are relative to the workspace folder, as in VS Code and the CLI', async () => {
    const client = new LspTestClient({
      workspaceFolders: [{ uri: 'file:///work/shop', name: 'shop' }],
      initializationOptions: { settings: { idenfy: { payloadFiles: ['requests/*.json'] } } },
    });
    await client.initialize();
    client.open('file:///work/shop/requests/kyc.json', 'json', '[]');
    assert.deepEqual(
      (await client.diagnostics('file:///work/shop/requests/kyc.json')).map((d) => d.code),
      ['BAD_VALUE'],
    );
    client.open('file:///work/shop/other/kyc.json', 'json', '[]');
    assert.deepEqual(await client.diagnostics('file:///work/shop/other/kyc.json'), [], 'outside the glob: not a payload');
    await client.stop();
  });

  test('a client that never answers workspace/configuration still gets diagnostics (defaults)', async () => {
    const client = new LspTestClient({ configuration: 'silent' });
    await client.initialize();
    client.open('file:///w/c.idenfy.json', 'json', callbackPayload.replace('"a"', 'null'));
    const diagnostics = await client.diagnostics('file:///w/c.idenfy.json');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['MISSING_VALUE'],
    );
    await client.stop();
  });
});
