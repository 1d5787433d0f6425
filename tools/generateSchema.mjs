// @ts-check
// Writes schemas/idenfy-token-request.schema.json (published, validating) and schemas/idenfy-token-request.editor.schema.json
// (contributed to VS Code: annotations only) from the rule tables (core/rules/fields.ts, via tools/schema.ts).
//   node tools/generateSchema.mjs          write the file
//   node tools/generateSchema.mjs --check  exit 1 if the committed file differs (for CI)
import { generateFile } from './generatedFile.mjs';

await generateFile({ source: 'tools/schema.ts', textExport: 'publishedSchemaText', pathExport: 'SCHEMA_PATH', command: 'node tools/generateSchema.mjs' });
await generateFile({ source: 'tools/schema.ts', textExport: 'editorSchemaText', pathExport: 'EDITOR_SCHEMA_PATH', command: 'node tools/generateSchema.mjs' });
