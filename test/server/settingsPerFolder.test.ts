import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LspTestClient } from './lspClient';

const callbackPayload = '{"clientId":"a","callbackUrl":"https://example.com/cb"}';

describe('settings per workspace folder (workspace/configuration with scopeUri)', () => {
  test('two folders with different idenfy.account.* get different findings', async () => {
    const client = new LspTestClient({
      workspaceFolders: [
        { uri: 'file:///w/shop', name: 'shop' },
        { uri: 'file:///w/bank', name: 'bank' },
      ],
      configuration: (scopeUri) => ({ account: { customCallbackUrl: scopeUri === 'file:///w/bank' ? false : true } }),
    });
    await client.initialize();
    client.open('file:///w/shop/a.idenfy.json', 'json', callbackPayload);
    client.open('file:///w/bank/a.idenfy.json', 'json', callbackPayload);
    assert.deepEqual(
      (await client.diagnostics('file:///w/shop/a.idenfy.json')).map((d) => d.code),
      [],
    );
    assert.deepEqual(
      (await client.diagnostics('file:///w/bank/a.idenfy.json')).map((d) => d.code),
      ['PERMISSIONS_ERROR'],
    );
    const scopes = client.configurationRequests.flatMap((r) => (r as { items: Array<{ scopeUri?: string }> }).items.map((i) => i.scopeUri));
    assert.deepEqual([...new Set(scopes)].sort(), ['file:///w/bank', 'file:///w/shop'], 'one pull per folder');
    await client.stop();
  });

  test('a document of any scheme is checked (virtual file systems)', async () => {
    const client = new LspTestClient({ workspaceFolders: [{ uri: 'memfs:/', name: 'memfs' }], configuration: {} });
    await client.initialize();
    client.open('memfs:/request.idenfy.json', 'json', '{"clientId":"a","tokenType":"BAD"}');
    assert.deepEqual(
      (await client.diagnostics('memfs:/request.idenfy.json')).map((d) => d.code),
      ['BAD_VALUE'],
    );
    await client.stop();
  });

  test('idenfy.codeLens.enabled: false hides the Send CodeLens; idenfy.severity and suppression comments apply', async () => {
    let enabled = true;
    const client = new LspTestClient({ configuration: () => ({ codeLens: { enabled }, severity: { BAD_VALUE: 'hint' } }) });
    await client.initialize();
    const uri = 'file:///w/lens.idenfy.jsonc';
    client.open(uri, 'jsonc', '{\n  "clientId": "a",\n  "tokenType": "BAD",\n  // idenfy-ignore-next-line\n  "locale": "xx"\n}');
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['BAD_VALUE', 4]],
    );
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as unknown[];
    assert.equal(lenses.length, 1);
    enabled = false;
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }), []);
    await client.stop();
  });
});
