/**
 * Token payloads inside TypeScript and JavaScript code: finds the object literals aimed at POST /api/v2/token and
 * checks them with the same rule core as JSON payloads (same codes, same messages), with offsets into the source.
 *
 * An object literal is a payload when it is
 * - the body of a call whose URL resolves to the token endpoint (requests.ts lists the client shapes, endpoint.ts the
 *   hosts), directly or through a same-file variable holding it;
 * - typed with a name matching `idenfy.typeNamePatterns` (annotation, `satisfies`, `as`, `<T>`, a function's return
 *   type), see typeNames.ts;
 * - preceded by the comment `// @idenfy-token`, see markers.ts.
 * Computed values are `unknown`, never wrong. TypeScript is loaded only when a file may hold a payload.
 */
import type * as TS from 'typescript';
import { Finding, PayloadNode } from '../model';
import { limitFindings } from '../limits';
import { IdenfySettings } from '../settings';
import { PROJECT_CODES, validatePayload } from '../validate';
import { DOCS } from '../rules/links';
import { CodeAnalysisCache, parseSource, syntaxErrorsOf } from './cache';
import { PayloadConverter, RootChanges } from './convert';
import { Discovery, discover, PayloadReason, stillHolds } from './discovery';
import { MERGED_OBJECTS } from './requests';
import { fileUriToPath, ModuleGraph } from './modules';
import { ResolutionContext, Resolver } from './resolve';
import { identifierFindings, successStatusFindings } from './responseChecks';
import { SourceIndex } from './sourceIndex';
import { TypeNameMatcher, typeNameMatcher } from './typeNames';
import { typescript } from './typescript';

export { CodeAnalysisCache } from './cache';
export { isTokenEndpointUrl } from './endpoint';
export { ModuleGraph, MAX_MODULE_FILE_LENGTH } from './modules';
export type { FileSystemHost, ModuleGraphOptions } from './modules';

export interface CodeDocument {
  readonly text: string;
  /** Path or URI: its extension decides TS, TSX, JS or JSX parsing (`languageId` when the extension says nothing). */
  readonly fileName: string;
  /** VS Code language id: typescript, typescriptreact, javascript, javascriptreact. */
  readonly languageId?: string;
}

export interface CodePayload {
  /** The object literal, as the payload model: literals as values, computed values `unknown`, spreads `hasSpread`. */
  readonly root: PayloadNode;
  readonly reason: PayloadReason;
  /** How it was found: `fetch`, `axios.post`, `type CreateIdenfyTokenRequest`, `// @idenfy-token`. */
  readonly via?: string;
}

export interface CodeAnalysis {
  readonly payloads: readonly CodePayload[];
  readonly findings: readonly Finding[];
}

/** Past this size a code file is not analysed (a minified bundle, generated code): parsing it would stall the editor. */
export const MAX_CODE_LENGTH = 8 * 1024 * 1024;

const NOTHING: CodeAnalysis = Object.freeze({ payloads: Object.freeze([]), findings: Object.freeze([]) });

/**
 * @param modules other files of the workspace, read through the host (absent: resolution stays within the file).
 *   What the analysis read is recorded as the document's dependencies (`ModuleGraph.changed` answers dependents).
 */
export function analyzeCode(document: CodeDocument, settings: IdenfySettings, cache?: CodeAnalysisCache, modules?: ModuleGraph): CodeAnalysis {
  const { text, fileName } = document;
  const typeNames = typeNameMatcher(settings.typeNamePatterns);
  if (text.length > MAX_CODE_LENGTH || !mayHoldPayload(text, typeNames)) {
    cache?.forget(fileName);
    modules?.forgetDocument(fileName);
    return NOTHING;
  }
  const ts = typescript();
  const scriptKind = scriptKindOf(ts, fileName, document.languageId);
  const remembered = cache?.result<CodeAnalysis>(fileName, text, scriptKind, settings);
  if (remembered) return remembered;
  try {
    const sourceFile = cache ? cache.sourceFile(ts, fileName, text, scriptKind) : parseSource(ts, fileName, text, scriptKind);
    const context = modules ? new ResolutionContext(ts, modules) : undefined;
    const { analysis, modules: read } = analyzeSourceFile(ts, sourceFile, scriptKind, settings, typeNames, context, fileName, cache);
    if (modules) modules.recordDependencies(fileName, read);
    cache?.remember(fileName, text, settings, analysis);
    return analysis;
  } catch (error) {
    // TypeScript's parser (and the conversion) recurse once per nesting level: pathological nesting (about a
    // thousand levels of `(`, `[` or `{`) exhausts the stack. Say so, as for JSON, rather than report nothing.
    if (error instanceof RangeError) {
      cache?.forget(fileName);
      return { payloads: [], findings: [tooDeep(text)] };
    }
    throw error;
  }
}

function tooDeep(text: string): Finding {
  return {
    start: 0,
    end: Math.min(1, text.length),
    severity: 'warning',
    code: PROJECT_CODES.tooDeep,
    href: DOCS.tokenGeneration,
    message: 'Not checked: this code nests too deeply to analyse (around a thousand levels of brackets or more); a token payload needs at most seven.',
  };
}

/**
 * The cheap text check before any parse. Every route to a payload needs the word "idenfy" in the file: the host
 * `ivs.idenfy.com` (in the URL or a base-URL constant), the marker `@idenfy-token`, or a type name (a pattern without
 * "idenfy" counts only in a file that mentions iDenfy). Then it needs "token" (the URL path, the marker) or the
 * literal parts of a type-name pattern.
 */
export function mayHoldPayload(text: string, typeNames: TypeNameMatcher): boolean {
  return /idenfy/i.test(text) && (/token/i.test(text) || typeNames.mayOccurIn(text));
}

function analyzeSourceFile(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  scriptKind: TS.ScriptKind,
  settings: IdenfySettings,
  typeNames: TypeNameMatcher,
  context: ResolutionContext | undefined,
  fileName: string,
  cache: CodeAnalysisCache | undefined,
): { analysis: CodeAnalysis; modules: readonly string[] } {
  const index = new SourceIndex(ts, sourceFile);
  const resolver = new Resolver(ts, index, context, fileUriToPath(fileName));
  const text = sourceFile.text;
  // After a keystroke, what was found in the previous version is usually still what there is to find (discovery.ts).
  const previous = cache?.previousDiscovery<Discovery>(fileName, text, settings);
  const discovery = previous && stillHolds(ts, previous.discovery, previous.edit, index, typeNames) ? previous.discovery : discover(ts, index, resolver, typeNames, context);
  cache?.rememberDiscovery(fileName, text, settings, discovery);
  const { found, requestCalls } = discovery;

  const converter = new PayloadConverter(ts, sourceFile, resolver);
  const payloads: CodePayload[] = [];
  const findings: Finding[] = [];
  for (const [object, { reason, via }] of [...found].sort(([a], [b]) => a.pos - b.pos)) {
    const later = laterWrites(index, resolver, object);
    const writes = later.writes;
    // Merged into by Object.assign: keys the other sources add are not seen, so none is claimed missing.
    const changes = MERGED_OBJECTS.has(object)
      ? { changedKeys: later.changes?.changedKeys ?? new Set<string>(), deletedKeys: later.changes?.deletedKeys ?? new Set<string>(), open: true }
      : later.changes;
    const root = converter.root(object, changes);
    if (!root) continue;
    payloads.push({ root, reason, via });
    const payloadFindings = validatePayload(root, settings);
    // Loops, not push(...): one payload can produce more findings than a call takes arguments.
    for (const write of writes) {
      for (const f of validatePayload(converter.assignedProperty(write.node, write.keyNode!, write.key!, write.value!), settings)) payloadFindings.push(f);
    }
    for (const f of whileTyping(payloadFindings, firstSyntaxError(ts, sourceFile, object, scriptKind))) findings.push(f);
  }
  // The code around the request: its success test and its error identifiers (see responseChecks.ts).
  for (const finding of successStatusFindings(ts, index, requestCalls)) findings.push(finding);
  for (const finding of identifierFindings(ts, sourceFile)) findings.push(finding);
  const modules = context ? [...new Set([...discovery.modules, ...context.read])] : [];
  return { analysis: { payloads, findings: limitFindings(findings, sourceFile.text.length) }, modules };
}

/**
 * What later writes to the variable an object literal initialises do to it: `payload.k = v` makes k's literal value
 * stale (v is checked on its own) and more keys possible; `delete payload.k` makes k possibly absent;
 * `payload.k.push(…)` changes k's value; `Object.assign(payload, …)` adds keys we cannot see.
 */
function laterWrites(index: SourceIndex, resolver: Resolver, object: TS.ObjectLiteralExpression) {
  const declaration = index.declarationOfObject(object);
  const mutations = declaration ? resolver.mutationsOf(declaration) : [];
  if (mutations.length === 0) return { changes: undefined, writes: [] };
  const changedKeys = new Set<string>();
  const deletedKeys = new Set<string>();
  let open = false;
  for (const mutation of mutations) {
    if (mutation.kind !== 'nested') open = true;
    if (mutation.key === undefined) continue;
    if (mutation.kind === 'delete') deletedKeys.add(mutation.key);
    else changedKeys.add(mutation.key);
  }
  const changes: RootChanges = { changedKeys, deletedKeys, open };
  const writes = mutations.filter((m) => m.kind === 'set' && m.key !== undefined && m.keyNode !== undefined && m.value !== undefined);
  return { changes, writes };
}

/**
 * Where the payload's own text first fails to parse, if it does. Its text alone is parsed (inside an async generator,
 * so `await` and `yield` values parse): the answer depends only on that text, never on how the file's tree was
 * reached, and TypeScript's incremental parser does not always repeat a syntax error of nodes it reuses.
 */
function firstSyntaxError(ts: typeof TS, sourceFile: TS.SourceFile, object: TS.ObjectLiteralExpression, scriptKind: TS.ScriptKind): number | undefined {
  const start = object.getStart(sourceFile);
  const text = sourceFile.text;
  // A payload node an incremental parse reused, with the same text: the same answer, without parsing it again.
  const own = text.slice(start, object.end);
  const known = SYNTAX_PROBES.get(object);
  if (known && known.text === own && known.scriptKind === scriptKind) return known.error === undefined ? undefined : start + known.error;
  const error = probeSyntax(ts, own, scriptKind);
  SYNTAX_PROBES.set(object, { text: own, scriptKind, error });
  return error === undefined ? undefined : start + error;
}

/** The last probe of each payload literal: its text, and where in it the first syntax error is. */
const SYNTAX_PROBES = new WeakMap<TS.ObjectLiteralExpression, { readonly text: string; readonly scriptKind: TS.ScriptKind; readonly error: number | undefined }>();

/** Where the first syntax error of an object literal's text is (an offset into that text), if it has one. */
function probeSyntax(ts: typeof TS, own: string, scriptKind: TS.ScriptKind): number | undefined {
  const prefix = 'async function* payload() { return (';
  const probe = ts.createSourceFile('payload', `${prefix}${own}\n); }`, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKind);
  const diagnostics = syntaxErrorsOf(probe);
  if (diagnostics.length === 0) return undefined;
  let first = Infinity;
  for (const d of diagnostics) if (d.start < first) first = d.start;
  return Math.min(own.length, Math.max(0, first - prefix.length));
}

/**
 * In a payload that does not parse yet (half-typed), what reaches the first syntax error is guesswork (an unclosed
 * string, the next lines swallowed as keys) and a missing clientId may only be not typed yet: keep what ends before.
 */
function whileTyping(findings: Finding[], firstError: number | undefined): Finding[] {
  if (firstError === undefined) return findings;
  return findings.filter((f) => !(f.code === 'MISSING_VALUE' && f.field === 'clientId') && f.end < firstError);
}

/** TS, TSX, JS or JSX, from the file's extension, else its language id; TypeScript when neither says. */
export function scriptKindOf(ts: typeof TS, fileName: string, languageId?: string): TS.ScriptKind {
  const path = fileName.replace(/[?#].*$/, '').toLowerCase();
  const extension = /\.([a-z]+)$/.exec(path)?.[1];
  switch (extension) {
    case 'ts':
    case 'mts':
    case 'cts':
      return ts.ScriptKind.TS;
    case 'tsx':
      return ts.ScriptKind.TSX;
    case 'js':
    case 'mjs':
    case 'cjs':
      return ts.ScriptKind.JS;
    case 'jsx':
      return ts.ScriptKind.JSX;
  }
  switch (languageId) {
    case 'typescriptreact':
      return ts.ScriptKind.TSX;
    case 'javascript':
      return ts.ScriptKind.JS;
    case 'javascriptreact':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.TS;
  }
}
