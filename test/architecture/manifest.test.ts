import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/** The manifest follows VS Code's conventions: activation, selectors, settings scope and presentation. */
const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json'));
const properties = manifest.contributes.configuration.properties as Record<string, Record<string, unknown>>;

/** The error-identifier hover's languages, read from its source (the module imports `vscode`, so it cannot be loaded here). */
function hoverLanguages(): string[] {
  const match = /ERROR_HOVER_LANGUAGES[^=]*=\s*\[([^\]]*)\]/.exec(read('client/errorHover.ts'));
  assert.ok(match, 'ERROR_HOVER_LANGUAGES found');
  return [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

describe('the manifest and the client follow VS Code conventions', () => {
  it('activates for every language the error-identifier hover serves (a Python file opened alone gets the hover)', () => {
    const events = new Set(manifest.activationEvents as string[]);
    const languages = hoverLanguages();
    assert.ok(languages.includes('python') && languages.includes('plaintext'));
    for (const languageId of languages) assert.ok(events.has(`onLanguage:${languageId}`), languageId);
  });

  it('document selectors name a scheme (any: virtual file systems too), and the deprecated synchronize option is gone', () => {
    const extension = read('client/extension.ts');
    const hover = read('client/errorHover.ts');
    assert.match(extension, /\{ language, scheme: '\*' \}/);
    assert.match(hover, /\{ language, scheme: '\*' \}/);
    assert.doesNotMatch(extension, /synchronize\s*:/);
    assert.doesNotMatch(extension, /scheme: 'file'/);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, true);
  });

  it('settings that differ per project are resource-scoped (two folders, two accounts)', () => {
    for (const key of Object.keys(properties)) {
      if (key.startsWith('idenfy.account.') || ['idenfy.payloadFiles', 'idenfy.typeNamePatterns', 'idenfy.severity', 'idenfy.codeLens.enabled'].includes(key)) {
        assert.equal(properties[key].scope, 'resource', key);
      }
    }
    assert.equal(properties['idenfy.baseUrl'].scope, 'machine-overridable');
  });

  it('every setting has an order, a markdownDescription (no plain description) and enumDescriptions for its enums', () => {
    const orders = new Set<number>();
    for (const [key, property] of Object.entries(properties)) {
      assert.equal(typeof property.order, 'number', `${key}: order`);
      orders.add(property.order as number);
      assert.ok(property.markdownDescription, `${key}: markdownDescription`);
      assert.equal(property.description, undefined, `${key}: description`);
      const enums = [property, property.items, property.additionalProperties].filter(
        (p): p is Record<string, unknown[]> => !!p && typeof p === 'object' && Array.isArray((p as Record<string, unknown>).enum),
      );
      for (const e of enums) assert.equal(e.enumDescriptions?.length, e.enum.length, `${key}: enumDescriptions`);
    }
    assert.equal(orders.size, Object.keys(properties).length, 'orders are distinct');
  });

  it('the CodeLens can be switched off, and severity set per code', () => {
    assert.equal(properties['idenfy.codeLens.enabled'].type, 'boolean');
    assert.equal(properties['idenfy.codeLens.enabled'].default, true);
    assert.deepEqual((properties['idenfy.severity'].additionalProperties as { enum: string[] }).enum, ['error', 'warning', 'information', 'hint', 'off']);
  });
});
