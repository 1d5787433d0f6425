// @ts-check
// Writes docs/rules.md, the rules reference, from the rule tables in core/rules/ (via tools/rulesDoc.ts).
//   node tools/generateDocs.mjs          write the file
//   node tools/generateDocs.mjs --check  exit 1 if the committed file differs (for CI)
import { generateFile } from './generatedFile.mjs';

await generateFile({ source: 'tools/rulesDoc.ts', textExport: 'rulesDocText', pathExport: 'RULES_DOC_PATH', command: 'npm run generate:docs' });
