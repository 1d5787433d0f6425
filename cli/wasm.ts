import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadWasm } from '../core';
import { WASM_FILES } from '../core';

/**
 * The tree-sitter WebAssembly files, read from next to the bundle (tools/build.mjs copies them into dist/). Only
 * read when a Python or PHP document is opened.
 */
export const loadWasmBesideBundle: LoadWasm = (name) => readFile(join(__dirname, WASM_FILES[name]));
