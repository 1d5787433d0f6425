/**
 * The published JSON Schema of a token request (`schemas/idenfy-token-request.schema.json`), for other JSON tools and
 * SchemaStore: the rule tables' schema (tools/bench/jsonSchema.ts, generated from core/rules/fields.ts) with each
 * field's description and documentation link. `node tools/generateSchema.mjs` writes it; a test fails while it is stale.
 */
import { FIELDS } from '../core/rules/fields';
import { DOCS } from '../core/rules/links';
import { tokenRequestSchema } from './bench/jsonSchema';

export const SCHEMA_PATH = 'schemas/idenfy-token-request.schema.json';
export const SCHEMA_ID = 'https://raw.githubusercontent.com/idenfy-tools/idenfy-token-tools/main/schemas/idenfy-token-request.schema.json';

type Schema = Record<string, unknown>;

export function publishedSchema(): Schema {
  const base = tokenRequestSchema();
  const properties: Record<string, Schema> = {};
  for (const [name, schema] of Object.entries(base.properties as Record<string, Schema>)) {
    const field = FIELDS.get(name);
    const description = field ? `${field.description}${field.default ? ` Default: ${field.default}.` : ''}` : undefined;
    properties[name] = {
      ...(description ? { description, markdownDescription: `${description}\n\n[iDenfy documentation](${DOCS.tokenGeneration})` } : {}),
      ...schema,
    };
  }
  return {
    $schema: base.$schema,
    $id: SCHEMA_ID,
    title: 'iDenfy POST /api/v2/token request',
    description: `The body of iDenfy's token request (${DOCS.tokenGeneration}). Generated from the rule tables of idenfy-token-tools; the extension and idenfy-token-lint check more than a schema can (combinations, account settings).`,
    type: base.type,
    required: base.required,
    properties,
    // Unknown keys are a warning of the checker (iDenfy ignores them), not a schema error.
    additionalProperties: true,
  };
}

export function publishedSchemaText(): string {
  return JSON.stringify(publishedSchema(), null, 2) + '\n';
}
