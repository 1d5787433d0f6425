/**
 * Every public type of the core, in one file: what an adapter (the language server, the CLI, the emulator, the
 * extension's send command) may see. Implementation modules define their types next to their code; this file is the
 * one place they are published, so `import type { … } from '../core'` is all an adapter ever needs.
 */
export type { PayloadNode, PayloadNodeType, Severity, TextSpan, FixHint, RelatedSpan, Finding } from './model';
export type { IdenfySettings, SettingsProblem } from './settings';
export type { SeverityOverride, Suppression } from './suppress';
export type { Span, UnknownValue, PayloadAtResult } from './payload/types';
export type { MaterializedPayload, MaterializeOptions, UnknownAnswer, AnswerKind } from './payload/materialize';
export type { CompletionKind, CompletionSuggestion } from './features/completion';
export type { PayloadHover } from './features/hover';
export type { QuickFix, TextEdit } from './features/fixes';
export type { SnippetFormat, SnippetInput } from './payload/snippets';
export type { ErrorTokenMatch } from './features/errorDocs';
export type { HandlerLanguage, ErrorHandlingCode } from './features/errorHandling';
export type { ErrorIdentifier, ErrorEntry, StatusMessageEntry } from './rules/errors';
export type { DocumentKind, TreeSitterKind } from './documentKinds';
export type { LoadWasm, WasmName } from './treeSitter';
export type { FileSystemHost } from './code/modules';
import type { Finding, PayloadNode, TextSpan } from './model';
import type { IdenfySettings, SettingsProblem } from './settings';
import type { PayloadAtResult } from './payload/types';
import type { CompletionSuggestion } from './features/completion';
import type { PayloadHover } from './features/hover';
import type { QuickFix } from './features/fixes';
import type { DocumentKind } from './documentKinds';
import type { LoadWasm } from './treeSitter';
import type { FileSystemHost } from './code/modules';

/** A document as the host sees it: the core never reads files or URIs itself. */
export interface TextDocumentInput {
  /** URI or path: matched against `idenfy.payloadFiles`, and its extension decides the parser when the id is vague. */
  readonly uri: string;
  /** VS Code language id: json, jsonc, typescript, typescriptreact, javascript, javascriptreact. */
  readonly languageId: string;
  readonly text: string;
}

export interface FoundPayload {
  readonly root: PayloadNode;
  /** How it was found: `file-pattern` / `content` for JSON; `fetch`, `axios.post`, `// @idenfy-token`… for code. */
  readonly via: string;
}

/** Everything the features need about one version of a document: the payloads in it and what is wrong with them. */
export interface DocumentAnalysis {
  readonly kind: DocumentKind;
  readonly payloads: readonly FoundPayload[];
  readonly findings: readonly Finding[];
  /**
   * A rule or the extraction threw (a bug of this extension, never the user's): `findings` then holds one information
   * finding that says so, and this holds the error for the host's log (never shown with the document's content).
   */
  readonly failure?: Error;
}

/**
 * A code action as plain offsets and text: a quick fix for one finding, or a refactoring offered on a payload
 * ("Write iDenfy error handling").
 */
export interface CodeActionProposal extends QuickFix {
  readonly kind: 'quickfix' | 'refactor';
  /** Quick fixes: the finding fixed; the host links it to the diagnostic it published for that finding. */
  readonly finding?: Finding;
  /** An action the host runs instead of (or after) the edits: `addToPayloadFiles` adds the document to `idenfy.payloadFiles`. */
  readonly command?: 'addToPayloadFiles';
}

export interface LanguageServiceOptions {
  /** `idenfy.*` settings in any form `normalizeSettings` reads (a section object, dotted keys); defaults when absent. */
  readonly settings?: unknown;
  /**
   * Workspace folders (URIs or paths). `idenfy.payloadFiles` globs are workspace-relative, as in VS Code and the
   * CLI: `requests/*.json` matches `<folder>/requests/a.json`.
   */
  readonly workspaceRoots?: readonly string[];
  /**
   * The WebAssembly a Python or PHP document needs, read by the host (the core reads no files): `runtime` is
   * web-tree-sitter's own `web-tree-sitter.wasm`, `python`/`php` the grammars (`WASM_FILES` names the files). Called
   * by `prepare` the first time such a document comes; without it those documents get no analysis.
   */
  readonly loadGrammar?: LoadWasm;
  /**
   * Read access to the workspace's other files, for following a TS/JS payload's URL, wrapper or defaults across
   * modules (imports are read lazily, each file parsed once per version, bounded cache). The language server prefers
   * open documents' text over the disk; the CLI reads the disk. Absent: resolution stays within the document.
   */
  readonly fileSystem?: FileSystemHost;
}

/**
 * The core's one service: every feature the adapters offer, for one set of settings. Analysis is separate from the
 * features that use it (as in vscode-json-languageservice's `parseJSONDocument` + `doHover`), so a host can keep one
 * analysis per document version and answer hover, completion, code actions and lenses from it.
 */
export interface IdenfyLanguageService {
  readonly settings: IdenfySettings;
  /** Settings that were invalid and fell back to their defaults. */
  readonly settingsProblems: readonly SettingsProblem[];
  /** The document matches `idenfy.payloadFiles`. */
  isPayloadFile(uri: string): boolean;
  /**
   * Makes `analyze` ready for this document: loads the tree-sitter grammar of a Python or PHP document (once per
   * thread); resolves at once for JSON and TS/JS. Rejects only when the host's `loadGrammar` fails. Until it has
   * resolved, `analyze` finds nothing in a Python or PHP document (and never throws).
   */
  prepare(document: Pick<TextDocumentInput, 'uri' | 'languageId'>): Promise<void>;
  /** Finds the payloads of a JSON or code document and checks them. Never throws (see `DocumentAnalysis.failure`). */
  analyze(document: TextDocumentInput): DocumentAnalysis;
  /** Documentation for the field or value at `offset`, when it is inside a payload. */
  hover(document: TextDocumentInput, analysis: DocumentAnalysis, offset: number): PayloadHover | undefined;
  /** Field names and values to propose at `offset`, when it is inside a payload. */
  complete(document: TextDocumentInput, analysis: DocumentAnalysis, offset: number): CompletionSuggestion[];
  /** Quick fixes for the findings that touch `span` (linear in the findings), and refactorings of a payload in code there. */
  codeActions(document: TextDocumentInput, analysis: DocumentAnalysis, span: TextSpan): CodeActionProposal[];
  /** The payload around `offset`, turned into the JSON the send command sends (computed values listed as unknowns). */
  payloadAt(document: TextDocumentInput, analysis: DocumentAnalysis, offset: number): PayloadAtResult;
  /** Frees what is cached for a document (call on close). */
  forget(uri: string): void;
  /**
   * A file changed on disk or in the editor (or was created or deleted): drops what is cached of it and answers the
   * documents (URIs as passed to `analyze`) whose analysis read it, to re-check them. Without `fileSystem`: none.
   */
  fileChanged(uriOrPath: string): string[];
}
