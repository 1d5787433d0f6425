/**
 * Languages read with tree-sitter (web-tree-sitter, grammars as WebAssembly supplied by the host): Python and PHP.
 * A language is one module (where its HTTP clients carry a JSON body, how its literals read) over the shared
 * literal → payload tree model (literal.ts). Next: Go, Java, C#, Ruby (their grammars ship in the same package).
 */
import { IdenfySettings } from '../settings';
import { analyzeTreeSitter, LanguageModule, TreeSitterAnalysis } from './analyze';
import { php } from './php';
import { python } from './python';
import { GrammarName, LoadWasm, loadedGrammar, prepareGrammar } from './runtime';
import { TreeCache } from './trees';

export { TreeCache } from './trees';
export { WASM_FILES } from './runtime';
export type { GrammarName, LoadWasm, WasmName } from './runtime';
export type { TreeSitterAnalysis, TreeSitterPayload } from './analyze';
export { mayHoldPayload as mayHoldTreeSitterPayload, MAX_TREE_SITTER_LENGTH } from './analyze';

const LANGUAGES: Readonly<Record<GrammarName, LanguageModule>> = { python, php };

export function analyzeWithGrammar(grammar: GrammarName, document: { uri: string; text: string }, settings: IdenfySettings, cache: TreeCache): TreeSitterAnalysis {
  return analyzeTreeSitter(document, LANGUAGES[grammar], settings, cache);
}

export function isGrammarLoaded(grammar: GrammarName): boolean {
  return loadedGrammar(grammar) !== undefined;
}

export function loadGrammar(grammar: GrammarName, load: LoadWasm): Promise<void> {
  return prepareGrammar(grammar, load);
}
