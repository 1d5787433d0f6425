/**
 * No false alarms on ordinary JSON: real-world JSON that shares keys with the token payload but is not
 * one (test/fixtures/json/lookalikes, origins in its SOURCES.md) and the issue's own examples (json/not-payloads)
 * get no diagnostics from the core, wherever they sit and whatever their URI scheme. The CLI and the server run the
 * same files in test/cli/lookalikes.test.ts and test/server/lookalikes.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../core/index';
import { listFixtures, readFixture } from './helpers';

const LOOKALIKES = listFixtures('json/lookalikes', ['.json']);
const NOT_PAYLOADS = listFixtures('json/not-payloads', ['.json']);

describe('look-alike JSON: zero diagnostics through the core', () => {
  it('the corpus holds at least 30 real-world files, each with its origin in SOURCES.md', () => {
    assert.ok(LOOKALIKES.length >= 30, `${LOOKALIKES.length} files`);
    const sources = readFixture('json/lookalikes', 'SOURCES.md');
    for (const name of LOOKALIKES) assert.ok(sources.includes(`\`${name}\``), `${name} is not listed in SOURCES.md`);
  });

  const service = createLanguageService();
  const files: ReadonlyArray<[string, string]> = [
    ...LOOKALIKES.map((name): [string, string] => ['json/lookalikes', name]),
    ...NOT_PAYLOADS.map((name): [string, string] => ['json/not-payloads', name]),
  ];
  for (const [folder, name] of files) {
    it(`${folder}/${name}`, () => {
      const text = readFixture(folder, name);
      for (const uri of [`file:///home/dev/app/config/${encodeURIComponent(name)}`, `config/${name}`, 'untitled:Untitled-1']) {
        for (const languageId of ['json', 'jsonc']) {
          const result = service.analyze({ uri, languageId, text });
          assert.deepEqual(result.payloads, [], `${uri} (${languageId})`);
          assert.deepEqual(result.findings, [], `${uri} (${languageId})`);
        }
      }
    });
  }

  it('the same files named *.idenfy.json are checked (the file pattern still decides)', () => {
    const text = readFixture('json/not-payloads', 'kiosk-settings.json');
    const result = service.analyze({ uri: 'file:///home/dev/app/kiosk.idenfy.json', languageId: 'json', text });
    assert.equal(result.payloads[0]?.via, 'file-pattern');
    assert.ok(result.findings.length > 0);
  });
});
