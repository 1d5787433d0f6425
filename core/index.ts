/**
 * The iDenfy token-payload service: pure TypeScript with no dependency on the LSP or VS Code API.
 * Adapters (the language server, the CLI, the emulator) create one with `createTokenService` and feed it text.
 */
import { analyzeCode, CodeAnalysis, CodeAnalysisCache } from './code';
import { analyzeJson, JsonAnalysis } from './json';
import { createPathMatcher } from './paths';
import { IdenfySettings, normalizeSettings, SettingsProblem } from './settings';

export * from './model';
export { analyzeJson, isPayloadContent, MAX_CHECKED_LENGTH } from './json';
export type { JsonAnalysis, JsonDocument } from './json';
export { DEFAULT_SETTINGS, normalizeSettings } from './settings';
export type { IdenfySettings, SettingsProblem } from './settings';
export { validateBody, validatePayload, PROJECT_CODES } from './validate';
export { createPathMatcher, baseName } from './paths';
export { analyzeCode, CodeAnalysisCache, isTokenEndpointUrl, MAX_CODE_LENGTH } from './code';
export type { CodeAnalysis, CodeDocument, CodePayload } from './code';

export interface TextDocumentInput {
  /** URI or path: matched against `idenfy.payloadFiles`. */
  readonly uri: string;
  /** VS Code language id: json, jsonc, typescript, typescriptreact, javascript, javascriptreact. */
  readonly languageId: string;
  readonly text: string;
}

export interface TokenService {
  readonly settings: IdenfySettings;
  readonly settingsProblems: readonly SettingsProblem[];
  isPayloadFile(uri: string): boolean;
  analyzeJsonDocument(document: TextDocumentInput): JsonAnalysis;
  /** A .ts/.tsx/.js/.jsx/.mjs/.cjs document; re-analysing a changed version reuses the last parse (one cache per service). */
  analyzeCodeDocument(document: TextDocumentInput): CodeAnalysis;
  /** Frees what the code cache keeps for a document (call on close). */
  forgetCodeDocument(uri: string): void;
}

export interface TokenServiceOptions {
  /**
   * Workspace folders (URIs or paths). `idenfy.payloadFiles` globs are workspace-relative, as in VS Code and the
   * CLI: `requests/*.json` matches `<folder>/requests/a.json`.
   */
  readonly workspaceRoots?: readonly string[];
}

export function createTokenService(rawSettings?: unknown, options: TokenServiceOptions = {}): TokenService {
  const { settings, problems } = normalizeSettings(rawSettings);
  const matchesPayloadFiles = createPathMatcher(settings.payloadFiles);
  const roots = (options.workspaceRoots ?? []).map((root) => uriToPath(root).replace(/\\/g, '/').replace(/\/+$/, '') + '/');
  const matchesPath = (uri: string) => {
    const path = uriToPath(uri).replace(/\\/g, '/');
    if (matchesPayloadFiles(path)) return true;
    const root = roots.find((r) => path.startsWith(r));
    return root !== undefined && matchesPayloadFiles(path.slice(root.length));
  };
  // Every keystroke re-analyses the same document: remember the answer per URI (the service lives as long as its
  // settings, so the memo cannot go stale), bounded for long sessions.
  const payloadFileMemo = new Map<string, boolean>();
  const isPayloadFile = (uri: string) => {
    let answer = payloadFileMemo.get(uri);
    if (answer === undefined) {
      if (payloadFileMemo.size >= 1024) payloadFileMemo.clear();
      payloadFileMemo.set(uri, (answer = matchesPath(uri)));
    }
    return answer;
  };
  const codeCache = new CodeAnalysisCache();
  return {
    settings,
    settingsProblems: problems,
    isPayloadFile,
    analyzeJsonDocument(document) {
      return analyzeJson({
        text: document.text,
        allowComments: allowsComments(document),
        isPayloadFile: isPayloadFile(document.uri),
        path: document.uri,
      }, settings);
    },
    analyzeCodeDocument(document) {
      return analyzeCode({ text: document.text, fileName: document.uri, languageId: document.languageId }, settings, codeCache);
    },
    forgetCodeDocument(uri) {
      codeCache.forget(uri);
    },
  };
}

/** JSONC (comments and trailing commas allowed, stripped when sending): the jsonc language or a `.jsonc` file. */
export function allowsComments(document: { readonly languageId: string; readonly uri: string }): boolean {
  return document.languageId === 'jsonc' || /\.jsonc$/i.test(document.uri);
}

/** `file:///a/b%20c.json` → `/a/b c.json`; other URIs keep their path part; plain paths pass through. */
export function uriToPath(uri: string): string {
  const match = /^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?(.*)$/i.exec(uri);
  if (!match || /^[a-z]:[\\/]/i.test(uri)) return uri;
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return match[2];
  }
}
