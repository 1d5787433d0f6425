import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'jsonc-parser';
import { FIELDS } from '../../../core/rules/fields';
import { EDITOR_SCHEMA_PATH, editorSchemaText, publishedSchemaText, SCHEMA_PATH } from '../../../tools/schema';

const ROOT = join(__dirname, '..', '..', '..', '..');
const committed = readFileSync(join(ROOT, SCHEMA_PATH), 'utf8');
const committedEditor = readFileSync(join(ROOT, EDITOR_SCHEMA_PATH), 'utf8');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('the published JSON Schema (schemas/idenfy-token-request.schema.json)', () => {
  it('is generated from the rule tables and up to date (node tools/generateSchema.mjs)', () => {
    assert.equal(committed, publishedSchemaText(), `${SCHEMA_PATH} is stale: run node tools/generateSchema.mjs`);
  });

  it('describes every field of the table, with a description', () => {
    const schema = JSON.parse(committed);
    assert.deepEqual(Object.keys(schema.properties).sort(), [...FIELDS.keys()].sort());
    for (const [name, property] of Object.entries(schema.properties as Record<string, { description?: string }>)) assert.ok(property.description, name);
  });

  it('is contributed to VS Code as its annotation-only twin, through jsonValidation for *.idenfy.json and *.idenfy.jsonc, and shipped in the .vsix', () => {
    const contribution = packageJson.contributes.jsonValidation;
    assert.deepEqual(contribution, [{ fileMatch: ['*.idenfy.json', '*.idenfy.jsonc'], url: `./${EDITOR_SCHEMA_PATH}` }]);
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\.schema\.json$/m);
  });

  it('compiles with Ajv, accepts the documented valid payload and rejects a wrong type', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(committed));
    const valid = parse(readFileSync(join(ROOT, 'test/fixtures/json/kyc-full-valid.idenfy.json'), 'utf8'));
    assert.equal(validate(valid), true, JSON.stringify(validate.errors));
    assert.equal(validate({ clientId: 'a', tokenType: 'NOT_A_TYPE' }), false);
    assert.equal(validate({ tokenType: 'DOCUMENT' }), false, 'clientId is required');
  });

  describe('the editor twin (what VS Code reads)', () => {
    it('is generated from the same tables and up to date', () => {
      assert.equal(committedEditor, editorSchemaText(), `${EDITOR_SCHEMA_PATH} is stale: run node tools/generateSchema.mjs`);
    });

    it('validates nothing, so VS Code never reports a mistake the language server already reports with its identifier', () => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      const validate = ajv.compile(JSON.parse(committedEditor));
      for (const broken of [{ tokenType: 'NOT_A_TYPE' }, {}, { clientId: 5, country: 'UK', sessionLength: 7200, documents: 'PASSPORT' }]) {
        assert.equal(validate(broken), true, JSON.stringify(broken));
      }
      const keywords = new Set<string>();
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node)) {
            keywords.add(key);
            if (key !== 'examples') walk(value);
          }
        }
      };
      walk(JSON.parse(committedEditor).properties);
      for (const keyword of ['type', 'enum', 'required', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'format', 'anyOf']) assert.ok(!keywords.has(keyword), keyword);
    });

    it('keeps every field with its description, and offers enum values as examples for completion', () => {
      const editor = JSON.parse(committedEditor);
      const published = JSON.parse(committed);
      assert.deepEqual(Object.keys(editor.properties).sort(), Object.keys(published.properties).sort());
      for (const [name, property] of Object.entries(editor.properties as Record<string, { description?: string }>)) assert.equal(property.description, published.properties[name].description, name);
      for (const value of ['IDENTIFICATION', 'DOCUMENT']) assert.ok(editor.properties.tokenType.examples.includes(value), value);
      for (const value of ['LT', 'GB']) assert.ok(editor.properties.country.examples.includes(value), value);
    });
  });
});
