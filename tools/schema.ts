/**
 * The published JSON Schema of a token request (`schemas/idenfy-token-request.schema.json`), for other JSON tools and
 * SchemaStore: the rule tables' schema (tools/bench/jsonSchema.ts, generated from core/rules/fields.ts) with each
 * field's description and documentation link. `node tools/generateSchema.mjs` writes it; a test fails while it is stale.
 */
import { FIELDS } from '../core/rules/fields';
import { DOCS } from '../core/rules/links';
import { tokenRequestSchema } from './bench/jsonSchema';

export const SCHEMA_PATH = 'schemas/idenfy-token-request.schema.json';
/** What jsonValidation contributes to VS Code: the same fields, without what would validate (see editorSchema). */
export const EDITOR_SCHEMA_PATH = 'schemas/idenfy-token-request.editor.schema.json';
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

/** Keywords that only annotate: VS Code's JSON support shows them in hovers and completions and never reports on them. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'markdownDescription', 'default', 'examples']);

/**
 * The schema VS Code's own JSON support reads for *.idenfy.json(c): descriptions, and enum values as `examples` for
 * completion, but no validation keyword (type, enum, required, bounds, patterns). The extension's language server
 * already reports every broken rule with iDenfy's identifier and a fix; a validating schema there would report each
 * mistake twice ("Value is not accepted…" beside BAD_VALUE). Other tools get the validating published schema.
 */
export function editorSchema(): Schema {
  const strip = (schema: Schema): Schema => {
    const out: Schema = {};
    for (const [key, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(key)) out[key] = value;
      else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([name, child]) => [name, strip(child)]));
      else if (key === 'items' && value && typeof value === 'object' && !Array.isArray(value)) out.items = strip(value as Schema);
    }
    const values = enumValues(schema);
    if (values.length) out.examples = values;
    return out;
  };
  const published = publishedSchema();
  return { ...strip(published), $id: SCHEMA_ID.replace(SCHEMA_PATH, EDITOR_SCHEMA_PATH) };
}

/** The enum values of a schema, also inside anyOf alternatives (e.g. a value or null). */
function enumValues(schema: Schema): unknown[] {
  const own = Array.isArray(schema.enum) ? schema.enum : [];
  const nested = Array.isArray(schema.anyOf) ? (schema.anyOf as Schema[]).flatMap(enumValues) : [];
  return [...own, ...nested];
}

export function editorSchemaText(): string {
  return JSON.stringify(editorSchema(), null, 2) + '\n';
}
