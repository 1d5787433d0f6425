/**
 * Over stdio: the built server publishes no diagnostic for the look-alike corpus
 * (test/fixtures/json/lookalikes) nor the issue's own examples (json/not-payloads).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspTestClient, ROOT } from './lspClient';

const FOLDERS = ['lookalikes', 'not-payloads'].map((folder) => path.join(ROOT, 'test/fixtures/json', folder));

describe('look-alike JSON over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('every file is published with zero diagnostics', async () => {
    let count = 0;
    for (const folder of FOLDERS) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.json'))) {
        const text = readFileSync(path.join(folder, name), 'utf8');
        const uri = `file:///work/app/${path.basename(folder)}/${encodeURIComponent(name)}`;
        client.open(uri, 'json', text);
        assert.deepEqual(await client.diagnostics(uri), [], name);
        client.close(uri);
        count++;
      }
    }
    assert.ok(count >= 36, `${count} files`);
  });

  test("an untitled document with a look-alike's content: zero diagnostics too", async () => {
    const uri = 'untitled:Untitled-9';
    client.open(uri, 'json', readFileSync(path.join(FOLDERS[1], 'oauth-token-settings.json'), 'utf8'));
    assert.deepEqual(await client.diagnostics(uri), []);
  });
});
