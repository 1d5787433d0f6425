/**
 * The front door of the core: the only module the adapters (language server, extension, CLI, emulator) import.
 *
 * - `createLanguageService(options)`: every editor feature for one set of settings (see `IdenfyLanguageService`).
 * - Stateless helpers that need no settings: which analyser reads a document, the error catalogue and its
 *   explanations, the send command's pure steps (turning a payload into JSON, filling computed values, the target URL).
 * - All public types, from `./types`.
 *
 * The core is pure TypeScript: no `vscode`, no LSP, no network, no file system. Hosts pass text in and get data out.
 */
export * from './types';
export { createLanguageService } from './service';

// Which analyser reads a document (the one place that decides it).
export { documentKind, isTreeSitterKind, allowsComments, languageIdForPath, LANGUAGE_IDS, FILE_EXTENSIONS } from './documentKinds';

// Settings.
export { DEFAULT_SETTINGS, normalizeSettings, SEVERITY_LEVELS } from './settings';

// Inline suppression comments and per-code severity (applied by `analyze`; exported for tools and docs).
export { findSuppressions, applySuppressionsAndSeverity, SUPPRESSION_DIRECTIVE } from './suppress';

// The analysers, for hosts that check a body without a document (the emulator, the send command's re-check).
export { analyzeJson, isPayloadContent, MAX_CHECKED_LENGTH, MAX_NESTING_DEPTH, nestingExceeds } from './json';
export type { JsonAnalysis, JsonDocument } from './json';
export { analyzeCode, CodeAnalysisCache, isTokenEndpointUrl, MAX_CODE_LENGTH, ModuleGraph, MAX_MODULE_FILE_LENGTH } from './code';
export type { CodeAnalysis, CodeDocument, CodePayload, FileSystemHost, ModuleGraphOptions } from './code';
export { WASM_FILES, MAX_TREE_SITTER_LENGTH } from './treeSitter';
export { validateBody, validatePayload, PROJECT_CODES } from './validate';
export { describeCheck, checkId, topLevelField, PROJECT_CODE_DESCRIPTIONS } from './checks';
export type { CheckDescription } from './checks';

// The API's facts: fields, document types, countries, the error catalogue.
export { FIELDS } from './rules/fields';
export { DOCUMENT_TYPES } from './rules/documents';
export { COUNTRY_CODES } from './rules/countries';
export { ERROR_CATALOGUE, STATUS_MESSAGES, isErrorIdentifier, isRetryableStatus, findStatusMessage } from './rules/errors';
export { explainIdentifier, explainStatusMessage, findErrorTokenAt } from './features/errorDocs';
export { errorIdentifierGrammarText } from './features/grammar';

// The send command's pure steps; the HTTP client itself lives with the extension (client/send).
export { materializePayload, fillUnknowns, parseAnswer, answerKind, answerPrompt, spanForField, jsonTextToSend, pathOf } from './payload/materialize';
export { validateBaseUrl, isLoopbackHost, tokenEndpointUrl, verificationLink, documentedRedirectUrl, isSafeBrowserLink, TOKEN_PATH, DOCUMENTED_REDIRECT_URL } from './payload/target';
export { fieldFromMessage, explainIdentifierText, explainStatusMessageText, explainStatus, plainText } from './payload/explain';
export { countProblems } from './payload/check';
export { generateSnippet, snippetEndpoint, SNIPPET_FORMATS, API_KEY_VARIABLE, API_SECRET_VARIABLE } from './payload/snippets';

// Small utilities the adapters share.
export { createPathMatcher, baseName, uriToPath } from './paths';
export { editDistance, nearest } from './nearest';
export { globForPath, payloadFilesWith } from './optIn';
export { isPlainObject, tryParseJson } from './values';
