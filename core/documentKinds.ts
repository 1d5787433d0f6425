/**
 * Which analyser handles a document: the one place that decides it. The language server, the CLI's file walk and the
 * extension's document selector all read these tables (package.json's activation events are checked against them by
 * a test).
 */
export type DocumentKind = 'json' | 'code' | 'python' | 'php' | 'none';

/** VS Code language ids whose documents may hold a token payload, by analyser. */
export const LANGUAGE_IDS: Readonly<Record<Exclude<DocumentKind, 'none'>, readonly string[]>> = {
  json: ['json', 'jsonc'],
  code: ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'],
  python: ['python'],
  php: ['php'],
};

/** File extensions (lower case, with the dot) by analyser, for files that arrive without a language id (the CLI). */
export const FILE_EXTENSIONS: Readonly<Record<Exclude<DocumentKind, 'none'>, readonly string[]>> = {
  json: ['.json', '.jsonc'],
  code: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'],
  // Not `.pyi`: stub files declare types and hold no values, like `.d.ts`.
  python: ['.py'],
  php: ['.php'],
};

/** The language id a file would get in VS Code, from its extension; undefined for files no analyser reads (and `.d.ts`). */
export function languageIdForPath(path: string): string | undefined {
  if (/\.d\.[mc]?ts$/i.test(path)) return undefined; // declarations hold no values
  const extension = /\.[^./\\]+$/.exec(path)?.[0].toLowerCase();
  switch (extension) {
    case '.json':
      return 'json';
    case '.jsonc':
      return 'jsonc';
    case '.ts':
    case '.mts':
    case '.cts':
      return 'typescript';
    case '.tsx':
      return 'typescriptreact';
    case '.js':
    case '.mjs':
    case '.cjs':
      return 'javascript';
    case '.jsx':
      return 'javascriptreact';
    case '.py':
      return 'python';
    case '.php':
      return 'php';
    default:
      return undefined;
  }
}

/**
 * The analyser for a document: its language id decides; a vague id (plaintext, an unknown one) falls back to the
 * file's extension, so an untitled `.ts` or a `.jsonc` opened as JSON is still read right.
 */
export function documentKind(document: { readonly languageId: string; readonly uri: string }): DocumentKind {
  if (LANGUAGE_IDS.json.includes(document.languageId)) return 'json';
  if (LANGUAGE_IDS.code.includes(document.languageId)) return 'code';
  if (document.languageId === 'python') return 'python';
  if (document.languageId === 'php') return 'php';
  const byPath = languageIdForPath(document.uri.replace(/[?#].*$/, ''));
  if (byPath === undefined) return 'none';
  if (byPath === 'python' || byPath === 'php') return byPath;
  return LANGUAGE_IDS.json.includes(byPath) ? 'json' : 'code';
}

/** Kinds read by a tree-sitter grammar, loaded on demand (see `IdenfyLanguageService.prepare`). */
export type TreeSitterKind = 'python' | 'php';

export function isTreeSitterKind(kind: DocumentKind): kind is TreeSitterKind {
  return kind === 'python' || kind === 'php';
}

/** JSONC (comments and trailing commas allowed, stripped when sending): the jsonc language or a `.jsonc` file. */
export function allowsComments(document: { readonly languageId: string; readonly uri: string }): boolean {
  return document.languageId === 'jsonc' || /\.jsonc$/i.test(document.uri);
}
