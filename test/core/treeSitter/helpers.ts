import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createLanguageService, LoadWasm, WASM_FILES } from '../../../core';

/** The WebAssembly files from node_modules, as a host reads them (the built extension reads them from dist/). */
export const loadWasmFromNodeModules: LoadWasm = (name) => {
  const dir = name === 'runtime' ? dirname(require.resolve('web-tree-sitter')) : dirname(require.resolve('@vscode/tree-sitter-wasm'));
  return readFile(join(dir, WASM_FILES[name]));
};

/** A service with both grammars loaded. */
export async function preparedService(settings?: unknown) {
  const service = createLanguageService({ settings, loadGrammar: loadWasmFromNodeModules });
  await service.prepare({ uri: 'a.py', languageId: 'python' });
  await service.prepare({ uri: 'a.php', languageId: 'php' });
  return service;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
