/**
 * A JSON Schema equivalent to the rule table, so the benchmark can compare against what VS Code does with a schema.
 * Generated from core/rules/fields.ts and the additionalSteps shape tree: the schema cannot drift from the rules.
 */
import { Shape } from '../../core/rules/additionalSteps';
import { COUNTRY_CODES } from '../../core/rules/countries';
import { DOCUMENT_TYPES } from '../../core/rules/documents';
import { FieldRule, FIELDS } from '../../core/rules/fields';

type Schema = Record<string, unknown>;

const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
// Country codes are case-insensitive: list both cases, as a schema author would.
const countryCode: Schema = { enum: [...COUNTRY_CODES].flatMap((code) => [code, code.toLowerCase()]) };

function ruleSchema(rule: FieldRule): Schema {
  switch (rule.kind) {
    case 'clientId':
      return { type: ['string', 'number'], minLength: rule.min, maxLength: rule.max };
    case 'string':
      return { type: 'string', minLength: rule.min, maxLength: rule.max };
    case 'personName':
      return { type: 'string', minLength: rule.min, maxLength: rule.max, pattern: '^[^0-9~!@#$%^*()_+={}\\[\\]|:;",<>/?]*$' };
    case 'date':
      return { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' };
    case 'enum':
      return { enum: [...rule.values, ...(rule.legacy ?? [])] };
    case 'country':
      return rule.arrayWarns ? { anyOf: [countryCode, { type: 'array', items: countryCode }] } : countryCode;
    case 'documents':
      return { type: 'array', items: { enum: DOCUMENT_TYPES } };
    case 'locale':
      return { type: 'string', maxLength: rule.max };
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer', minimum: rule.min, maximum: rule.max };
    case 'number':
      return { type: 'number' };
    case 'httpsUrl':
      return { type: 'string', minLength: rule.min, maxLength: rule.max, pattern: '^https://', format: 'uri' };
    case 'uuid':
      return { type: 'string', pattern: '^[0-9a-fA-F-]{32,36}$' };
    case 'questionnaire':
      return { type: 'string', minLength: 1 };
    case 'countryList':
      return { type: 'array', items: countryCode };
    case 'stringList':
      return { type: 'array', items: { type: 'string' } };
    case 'additionalSteps':
      return shapeSchema(rule.shape);
    case 'additionalData':
      return { type: 'object', additionalProperties: { type: 'object' } };
  }
}

/** A nested value's schema, from its shape tree (core/rules/additionalSteps.ts). */
function shapeSchema(shape: Shape): Schema {
  switch (shape.kind) {
    case 'map':
      return { type: 'object', additionalProperties: shapeSchema(shape.values) };
    case 'record':
      return { type: 'object', properties: Object.fromEntries(Object.entries(shape.properties).map(([name, property]) => [name, shapeSchema(property.shape)])) };
    case 'enum':
      return { enum: [...shape.values] };
    case 'boolean':
      return { type: 'boolean' };
    case 'string':
      return { type: 'string' };
    case 'stringList':
      return { type: 'array', items: { type: 'string' } };
  }
}

export function tokenRequestSchema(): Schema {
  const properties: Record<string, Schema> = {};
  for (const field of FIELDS.values()) properties[field.name] = field.rule.kind === 'clientId' ? ruleSchema(field.rule) : nullable(ruleSchema(field.rule));
  return { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', required: ['clientId'], properties, additionalProperties: false };
}
