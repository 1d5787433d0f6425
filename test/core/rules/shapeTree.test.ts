import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADDITIONAL_STEPS_SHAPE, shapeAtPath } from '../../../core/rules/additionalSteps';
import { COMBINATION_RULES } from '../../../core/rules/combinations';
import { ADDITIONAL_STEP_KEYS, ADDITIONAL_STEP_SETTINGS, ADDITIONAL_STEP_TEXT_KEYS, ADDITIONAL_STEP_TYPES } from '../../../core/rules/documents';
import { FIELDS } from '../../../core/rules/fields';
import { tokenRequestSchema } from '../../../tools/bench/jsonSchema';

describe('the additionalSteps shape tree', () => {
  it('nests country → document → step name → step properties', () => {
    assert.equal(ADDITIONAL_STEPS_SHAPE.keys.kind, 'country');
    assert.equal(shapeAtPath(ADDITIONAL_STEPS_SHAPE, ['LT'])?.kind, 'map');
    const step = shapeAtPath(ADDITIONAL_STEPS_SHAPE, ['LT', 'ID_CARD', 'UTILITY_BILL']);
    assert.equal(step?.kind, 'record');
    assert.deepEqual(step?.kind === 'record' && Object.keys(step.properties), [...ADDITIONAL_STEP_KEYS]);
    const type = shapeAtPath(ADDITIONAL_STEPS_SHAPE, ['ALL', 'ALL', 'X', 'type']);
    assert.deepEqual(type?.kind === 'enum' && type.values, ADDITIONAL_STEP_TYPES);
    const settings = shapeAtPath(ADDITIONAL_STEPS_SHAPE, ['ALL', 'ALL', 'X', 'settings']);
    assert.deepEqual(settings?.kind === 'record' && Object.keys(settings.properties), ADDITIONAL_STEP_SETTINGS);
    const text = shapeAtPath(ADDITIONAL_STEPS_SHAPE, ['ALL', 'ALL', 'X', 'texts', 'en']);
    assert.deepEqual(text?.kind === 'record' && Object.keys(text.properties), [...ADDITIONAL_STEP_TEXT_KEYS]);
    assert.equal(shapeAtPath(ADDITIONAL_STEPS_SHAPE, ['ALL', 'ALL', 'X', 'constructor']), undefined);
    assert.equal(shapeAtPath(ADDITIONAL_STEPS_SHAPE, ['ALL', 'ALL', 'X', 'type', 'deeper']), undefined);
  });

  it("is the field table's additionalSteps rule", () => {
    const rule = FIELDS.get('additionalSteps')!.rule;
    assert.ok(rule.kind === 'additionalSteps' && rule.shape === ADDITIONAL_STEPS_SHAPE);
  });

  it('gives the JSON Schema the nesting written out by hand before the tree existed', () => {
    const properties = tokenRequestSchema().properties as Record<string, { anyOf: unknown[] }>;
    assert.deepEqual(properties.additionalSteps.anyOf[0], {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: {
              type: { enum: ['UPLOAD', 'EXTRACT', 'COMPARE'] },
              fields: { type: 'array', items: { type: 'string' } },
              texts: { type: 'object', additionalProperties: { type: 'object', properties: { name: { type: 'string' }, description: { type: 'string' } } } },
              settings: { type: 'object', properties: { canUpload: { type: 'boolean' }, canCapture: { type: 'boolean' }, canUploadPDF: { type: 'boolean' } } },
            },
          },
        },
      },
    });
  });
});

describe('the combination rule table', () => {
  it('has unique ids and reads only documented fields', () => {
    const ids = COMBINATION_RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of COMBINATION_RULES) for (const field of rule.fields) assert.ok(FIELDS.has(field), `${rule.id} reads ${field}`);
  });
});
