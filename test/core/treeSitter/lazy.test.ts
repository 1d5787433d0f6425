import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../core';

test('JSON and TS/JS documents never load tree-sitter (nor ask the host for a grammar)', async () => {
  const asked: string[] = [];
  const service = createLanguageService({
    loadGrammar: async (name) => {
      asked.push(name);
      return new Uint8Array();
    },
  });
  for (const document of [
    { uri: 'a.json', languageId: 'json', text: '{"clientId": "x", "tokenType": "SELFIE"}' },
    { uri: 'a.ts', languageId: 'typescript', text: "await fetch('https://ivs.idenfy.com/api/v2/token', { method: 'POST', body: JSON.stringify({ clientId: 'x' }) });" },
  ]) {
    await service.prepare(document);
    service.analyze(document);
  }
  assert.deepEqual(asked, []);
  assert.equal(
    Object.keys(require.cache).some((path) => /web-tree-sitter/.test(path)),
    false,
  );
});
