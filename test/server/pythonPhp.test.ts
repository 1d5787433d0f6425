/**
 * Python and PHP documents in the built server over stdio: the grammar loads on the first such document (from
 * dist/), diagnostics carry the same codes as JSON and TS, edits re-validate incrementally, and quick fixes write
 * the document's own syntax.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspTestClient, textAt } from './lspClient';

const PY = [
  'import requests',
  '',
  'TOKEN_URL = "https://ivs.idenfy.com/api/v2/token"',
  '',
  'def create(client_id):',
  '    payload = {"clientId": client_id, "tokenType": "SELFIE", "generateDigitString": true_or_not}',
  '    return requests.post(TOKEN_URL, json=payload, auth=("KEY", "SECRET"))',
  '',
].join('\n');

const PHP = [
  '<?php',
  "define('IDENFY_URL', 'https://ivs.idenfy.com/api/v2');",
  '$client = new \\GuzzleHttp\\Client();',
  "$client->post(IDENFY_URL . '/token', ['json' => ['clientId' => $id, 'sessionLength' => 59, 'showInstructions' => TRUE]]);",
  '',
].join('\n');

describe('Python and PHP payloads over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    await client.stop();
  });

  test('a Python payload: its diagnostic, then an edit re-validates', async () => {
    const uri = 'file:///work/src/kyc.py';
    client.open(uri, 'python', PY);
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, textAt(PY, d), d.source]),
      [['BAD_VALUE', '"SELFIE"', 'idenfy']],
    );
    const fixed = PY.replace('"SELFIE"', '"DOCUMENT"');
    const version = client.change(uri, fixed);
    assert.deepEqual(await client.diagnostics(uri, (p) => p.version === version), []);

    const result: any = await client.connection.sendRequest('idenfy/payloadAt', { uri, offset: fixed.indexOf('clientId') });
    assert.equal(result.found, true);
    assert.equal(result.languageKind, 'code');
    assert.equal(result.value.tokenType, 'DOCUMENT');
    assert.deepEqual(result.unknowns.map((u: any) => u.path).sort(), ['clientId', 'generateDigitString']);
  });

  test('a PHP payload: its diagnostic', async () => {
    const uri = 'file:///work/src/kyc.php';
    client.open(uri, 'php', PHP);
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, textAt(PHP, d)]),
      [['BAD_VALUE', '59']],
    );
  });

  test('a Python dict sent to another host is never checked', async () => {
    const uri = 'file:///work/src/other.py';
    const text = 'import requests\n# idenfy token look-alike\nrequests.post("https://api.example.com/api/v2/token", json={"clientId": 1, "tokenType": "SELFIE"})\n';
    client.open(uri, 'python', text);
    assert.deepEqual(await client.diagnostics(uri), []);
  });
});
