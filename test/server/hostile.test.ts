/**
 * Hostile input over stdio (issue 13): odd URIs and oversized payloads still get diagnostics, never a failure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspTestClient } from './lspClient';

describe('hostile input over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'server exits with 0 after shutdown/exit');
  });

  // generateDigitString is iDenfy-specific evidence, so every name here is checked by content.
  const body = '{"clientId":"a","tokenType":"BAD","generateDigitString":true}';
  for (const uri of ['file:///tmp/100%25.json', 'file:///tmp/100%25.idenfy.json', 'file:///tmp/50%.json', 'file:///tmp/50%.idenfy.json', 'file:///tmp/a%2525b.json', 'file:///tmp/%E0%A4%A.json']) {
    test(`a % in the file name (${uri}): diagnostics as for any other name`, async () => {
      client.open(uri, 'json', body);
      const diagnostics = await client.diagnostics(uri);
      assert.ok(
        diagnostics.some((d) => d.code === 'BAD_VALUE'),
        JSON.stringify(diagnostics),
      );
    });
  }

  test('130,000 findings: capped at 1,000 plus "and N more"', async () => {
    const uri = 'file:///tmp/many.idenfy.json';
    const text = `{"clientId":"a","additionalData":{${Array.from({ length: 130_000 }, (_, i) => `"k${i}":${i}`).join(',')}}}`;
    client.open(uri, 'json', text);
    const diagnostics = await client.diagnostics(uri, () => true, 60_000);
    assert.equal(diagnostics.length, 1001);
    assert.equal(diagnostics[1000].code, 'too-many-findings');
  });
});
