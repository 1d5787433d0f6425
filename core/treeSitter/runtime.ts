/**
 * The tree-sitter runtime and its grammars, loaded on demand: web-tree-sitter is required on the first Python or
 * PHP document, never for JSON or TS/JS. The core reads no files: the host hands in the WebAssembly bytes
 * (`LanguageServiceOptions.loadGrammar`), the way vscode-json-languageservice takes its I/O from the host.
 *
 * Loading is asynchronous (WebAssembly compilation), analysis is not: `prepareGrammar` is awaited once per grammar
 * (the service's `prepare`), after which `loadedGrammar` answers synchronously. Grammars are shared by every
 * service of the thread: a settings change makes a new service, not a new grammar.
 */
import type * as WTS from 'web-tree-sitter';

export type GrammarName = 'python' | 'php';
/** The WebAssembly files the host supplies: the runtime's own, and one per grammar. */
export type WasmName = 'runtime' | GrammarName;
/** The file names the npm packages ship them under (web-tree-sitter, @vscode/tree-sitter-wasm). */
export const WASM_FILES: Readonly<Record<WasmName, string>> = {
  runtime: 'web-tree-sitter.wasm',
  python: 'tree-sitter-python.wasm',
  php: 'tree-sitter-php.wasm',
};
export type LoadWasm = (name: WasmName) => Promise<Uint8Array>;

let required: typeof WTS | undefined;
let runtime: Promise<typeof WTS> | undefined;
const loading = new Map<GrammarName, Promise<WTS.Language>>();
const loaded = new Map<GrammarName, { language: WTS.Language; parser: WTS.Parser }>();

/** The web-tree-sitter module, required on first use (a plain require keeps it lazy in the esbuild bundle too). */
export function treeSitter(): typeof WTS {
  required ??= require('web-tree-sitter') as typeof WTS;
  return required;
}

function initRuntime(load: LoadWasm): Promise<typeof WTS> {
  if (!runtime) {
    runtime = (async () => {
      const wts = treeSitter();
      const wasmBinary = await load('runtime');
      // The bytes are given: the runtime looks for no file of its own.
      await wts.Parser.init({ wasmBinary, locateFile: (name: string) => name } as unknown as object);
      return wts;
    })();
    runtime.catch(() => (runtime = undefined)); // a failed load may be retried
  }
  return runtime;
}

/** Loads a grammar (and the runtime, the first time); resolves at once when it is loaded. Rejects on a bad load. */
export function prepareGrammar(name: GrammarName, load: LoadWasm): Promise<void> {
  let promise = loading.get(name);
  if (!promise) {
    promise = (async () => {
      const wts = await initRuntime(load);
      const language = await wts.Language.load(await load(name));
      const parser = new wts.Parser();
      parser.setLanguage(language);
      loaded.set(name, { language, parser });
      return language;
    })();
    loading.set(name, promise);
    promise.catch(() => loading.delete(name));
  }
  return promise.then(() => undefined);
}

/** The grammar's parser, when `prepareGrammar` has finished; undefined before (analysis then finds nothing). */
export function loadedGrammar(name: GrammarName): { language: WTS.Language; parser: WTS.Parser } | undefined {
  return loaded.get(name);
}
