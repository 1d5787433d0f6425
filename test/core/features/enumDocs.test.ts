import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADDITIONAL_STEP_SETTINGS, ADDITIONAL_STEP_TYPES, DOCUMENT_TYPES } from '../../../core/rules/documents';
import { ADDITIONAL_STEP_SETTING_DOCS, ADDITIONAL_STEP_TYPE_DOCS, DOCUMENT_TYPE_DOCS, ENUM_VALUE_DOCS } from '../../../core/rules/enumDocs';
import { FIELDS } from '../../../core/rules/fields';

/** The explanations must cover exactly the values the rule table allows: a value added there needs its words here. */
describe('enum value documentation', () => {
  it('covers every value of every enum field, legacy ones included, and nothing else', () => {
    const enumFields = [...FIELDS.values()].filter((spec) => spec.rule.kind === 'enum');
    assert.deepEqual(new Set(Object.keys(ENUM_VALUE_DOCS)), new Set(enumFields.map((spec) => spec.name)));
    for (const spec of enumFields) {
      if (spec.rule.kind !== 'enum') continue;
      assert.deepEqual(new Set(Object.keys(ENUM_VALUE_DOCS[spec.name])), new Set([...spec.rule.values, ...(spec.rule.legacy ?? [])]), spec.name);
    }
  });

  it('covers every document type, step type and step setting', () => {
    assert.deepEqual(new Set(Object.keys(DOCUMENT_TYPE_DOCS)), new Set(DOCUMENT_TYPES));
    assert.deepEqual(new Set(Object.keys(ADDITIONAL_STEP_TYPE_DOCS)), new Set(ADDITIONAL_STEP_TYPES));
    assert.deepEqual(new Set(Object.keys(ADDITIONAL_STEP_SETTING_DOCS)), new Set(ADDITIONAL_STEP_SETTINGS));
  });
});
