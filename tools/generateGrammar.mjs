// @ts-check
// Writes syntaxes/idenfy-errors.injection.tmLanguage.json from the error catalogue (core/rules/errors.ts).
//   node tools/generateGrammar.mjs          write the file
//   node tools/generateGrammar.mjs --check  exit 1 if the committed file differs (for CI)
import { generateFile } from './generatedFile.mjs';

await generateFile({ source: 'core/features/grammar.ts', textExport: 'errorIdentifierGrammarText', pathExport: 'GRAMMAR_PATH', command: 'node tools/generateGrammar.mjs' });
