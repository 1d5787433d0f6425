/**
 * Cross-file resolution in the built server: a payload whose URL lives in another module, resolved from the disk or
 * from the editor's unsaved text of that module, and re-checked when the module changes (didChange, didClose,
 * workspace/didChangeWatchedFiles) without a restart.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { LspTestClient } from './lspClient';

describe('payloads across modules over stdio', () => {
  let client: LspTestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'idenfy-crossfile-'));
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the importing document is re-checked when the imported module changes in the editor or on disk', async () => {
    const config = path.join(dir, 'config.ts');
    const other = "export const IDENFY_BASE = 'https://api.example.com';\n";
    const idenfy = "export const IDENFY_BASE = 'https://ivs.idenfy.com';\n";
    writeFileSync(config, other);
    const uri = pathToFileURL(path.join(dir, 'kyc.ts')).href;
    const configUri = pathToFileURL(config).href;
    client.open(
      uri,
      'typescript',
      "import { IDENFY_BASE } from './config';\nexport const go = () => fetch(`${IDENFY_BASE}/api/v2/token`, { method: 'POST', body: JSON.stringify({ clientId: 'c', locale: 'xx' }) });\n",
    );
    assert.deepEqual(await client.diagnostics(uri), []);

    client.open(configUri, 'typescript', idenfy); // unsaved text wins over the disk
    assert.deepEqual(
      (await client.diagnostics(uri, (p) => p.diagnostics.length > 0)).map((d) => d.code),
      ['unknown-locale'],
    );

    client.change(configUri, other);
    assert.deepEqual(await client.diagnostics(uri, (p) => p.diagnostics.length === 0), []);

    client.close(configUri);
    writeFileSync(config, idenfy);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    assert.deepEqual(
      (await client.diagnostics(uri, (p) => p.diagnostics.length > 0)).map((d) => d.code),
      ['unknown-locale'],
    );
  });
});
