import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'jsonc-parser';
import { FIELDS } from '../../../core/rules/fields';
import { publishedSchemaText, SCHEMA_PATH } from '../../../tools/schema';

const ROOT = join(__dirname, '..', '..', '..', '..');
const committed = readFileSync(join(ROOT, SCHEMA_PATH), 'utf8');
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

  it('is contributed through jsonValidation for *.idenfy.json and *.idenfy.jsonc, and shipped in the .vsix', () => {
    const contribution = packageJson.contributes.jsonValidation;
    assert.deepEqual(contribution, [{ fileMatch: ['*.idenfy.json', '*.idenfy.jsonc'], url: `./${SCHEMA_PATH}` }]);
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
});
