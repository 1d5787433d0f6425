import type * as TS from 'typescript';
import { syntaxErrorsOf, TextEdit } from './cache';
import { MARKER, markedObjects } from './markers';
import { bodyObjects, RequestFinder } from './requests';
import { ResolutionContext, Resolver } from './resolve';
import { SourceIndex } from './sourceIndex';
import { TypeNameMatcher } from './typeNames';
import { wrapperCallSites, wrapperPayloads } from './wrappers';

/** Why a literal is a payload: it is sent (directly or through a wrapper), typed as the request, or marked. */
export type PayloadReason = 'call' | 'type' | 'marker';

/**
 * Which object literals of a document are token payloads, and which calls send them: the expensive half of a code
 * analysis (finding requests, following wrappers, matching type names). The other half, turning each payload into
 * findings, is redone for every version; a discovery can be kept from one version to the next (see `stillHolds`).
 */
export interface Discovery {
  /** Each payload literal once, with the first reason found: calls, then wrappers, then types, then markers. */
  readonly found: ReadonlyMap<TS.ObjectLiteralExpression, { readonly reason: PayloadReason; readonly via: string }>;
  /** The calls found to send a payload (their success tests are checked). */
  readonly requestCalls: ReadonlySet<TS.Node>;
  /** The nodes whose syntax it read: payloads, requests, the calls it looked into, the functions it followed. */
  readonly anchors: readonly TS.Node[];
  /** The words whose every occurrence it depended on: names looked up, words searched for, class members asked for. */
  readonly words: ReadonlySet<string>;
  /** Other modules it read (the document's dependencies). */
  readonly modules: readonly string[];
  /** How many syntax errors the tree had: an edit that changes them may have changed the tree's shape. */
  readonly syntaxErrors: number;
}

export function discover(ts: typeof TS, index: SourceIndex, resolver: Resolver, typeNames: TypeNameMatcher, context: ResolutionContext | undefined): Discovery {
  const { sourceFile } = index;
  const requests = new RequestFinder(ts, resolver, index);
  // Only literals of this document: a body built in another module is that module's finding.
  const found = new Map<TS.ObjectLiteralExpression, { reason: PayloadReason; via: string }>();
  const add = (object: TS.ObjectLiteralExpression, reason: PayloadReason, via: string) => {
    if (!found.has(object) && (!context || index.contains(object))) found.set(object, { reason, via });
  };
  const requestCalls = new Set<TS.Node>();
  const calls = index.candidateCalls(context && ((specifier) => context.providesValues(resolver.path, specifier)));
  for (const call of calls) {
    for (const { body, via } of requests.bodiesOf(call)) {
      if (!context || index.contains(call)) requestCalls.add(call);
      for (const object of bodyObjects(ts, resolver, body)) add(object, 'call', via);
    }
  }
  const sites = wrapperCallSites(ts, index, calls);
  for (const call of sites) {
    for (const { object, via } of wrapperPayloads(ts, resolver, resolver, call)) add(object, 'call', via);
  }
  for (const { object, typeName, reference } of index.typedLiterals(typeNames.searchWords, typeNames.matches)) {
    // A type name alone is not enough when its declaration is found and cannot be the token request (no clientId).
    if (resolver.typeLacksMember(reference, 'clientId')) continue;
    add(object, 'type', `type ${typeName}`);
  }
  if (sourceFile.text.includes(MARKER)) {
    for (const object of markedObjects(ts, sourceFile, resolver)) add(object, 'marker', `// ${MARKER}`);
  }
  const ownFunctions = [...index.readFunctions].filter((fn) => index.contains(fn));
  return {
    found,
    requestCalls,
    anchors: [...found.keys(), ...calls, ...sites, ...ownFunctions],
    words: new Set([...index.searched, ...index.memberKeys]),
    modules: context ? [...context.read] : [],
    syntaxErrors: syntaxErrorsOf(sourceFile).length,
  };
}

/** Words that decide what is found wherever they are: the host, the path, the marker, module imports. */
const DECISIVE = /idenfy|token|import|require/i;
const ASCII_WORD = /^[A-Za-z0-9_$]*$/;
const IDENTIFIER = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu;

/**
 * Whether a discovery made for the previous version still holds after `edit`, on the updated tree, without running it
 * again. Only the commonest keystroke qualifies: characters typed or deleted inside one word (a name, or a word in a
 * string or comment) that stays a word and never becomes or stops being a keyword, so the tree keeps its shape. Then
 * the innermost statement (or class member) around the word must be one the discovery never read: none of its
 * anchors overlaps it (every anchor is still a node of the updated tree), no word of it (before or after the edit) is
 * one the discovery looked up or searched for, it names neither the host, the path, the marker nor an import, and no
 * type name of the settings may occur in it. Anything else runs the discovery again.
 */
export function stillHolds(ts: typeof TS, previous: Discovery, edit: TextEdit, index: SourceIndex, typeNames: TypeNameMatcher): boolean {
  const { sourceFile } = index;
  const text = sourceFile.text;
  const editEnd = edit.start + edit.newLength;
  if (!ASCII_WORD.test(edit.oldText) || !ASCII_WORD.test(text.slice(edit.start, editEnd))) return false;
  if (syntaxErrorsOf(sourceFile).length !== previous.syntaxErrors) return false;

  let left = edit.start;
  while (left > 0 && isWordCharacter(text.charCodeAt(left - 1))) left--;
  let right = editEnd;
  while (right < text.length && isWordCharacter(text.charCodeAt(right))) right++;
  // A word running on into other letters (`Žemaitis`, `naïve`) is not measured here: leave it to a full run.
  if ((left > 0 && text.charCodeAt(left - 1) > 127) || (right < text.length && text.charCodeAt(right) > 127)) return false;
  const newWord = text.slice(left, right);
  const oldWord = text.slice(left, edit.start) + edit.oldText + text.slice(editEnd, right);
  for (const word of [oldWord, newWord]) {
    if (word === '' || !/^[A-Za-z_$]/.test(word) || isKeyword(ts, word)) return false;
    if (previous.words.has(word) || DECISIVE.test(word)) return false;
  }

  const statement = enclosingStatement(ts, index.pathAt(left));
  if (!statement || statement.pos > left || statement.end < right) return false;
  for (const anchor of previous.anchors) {
    if (anchor.pos < statement.end && statement.pos < anchor.end) return false;
    if (!index.contains(anchor)) return false;
  }
  const after = text.slice(statement.pos, statement.end);
  const before = text.slice(statement.pos, left) + oldWord + text.slice(right, statement.end);
  if (DECISIVE.test(after) || typeNames.mayOccurIn(after) || typeNames.mayOccurIn(before)) return false;
  for (const match of after.matchAll(IDENTIFIER)) if (previous.words.has(match[0])) return false;
  return true;
}

/** The innermost statement or class member on a path from the root (not the source file itself). */
function enclosingStatement(ts: typeof TS, path: readonly TS.Node[]): TS.Node | undefined {
  const K = ts.SyntaxKind;
  for (let at = path.length - 1; at > 0; at--) {
    const container = path[at - 1].kind;
    if (
      container === K.SourceFile ||
      container === K.Block ||
      container === K.ModuleBlock ||
      container === K.CaseClause ||
      container === K.DefaultClause ||
      ((container === K.ClassDeclaration || container === K.ClassExpression) && ts.isClassElement(path[at]))
    ) {
      return path[at];
    }
  }
  return undefined;
}

/** A keyword, contextual ones (`of`, `type`, `async`) included: the scanner reads the word as something else than a name. */
function isKeyword(ts: typeof TS, word: string): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, word);
  return scanner.scan() !== ts.SyntaxKind.Identifier || scanner.getTokenEnd() !== word.length;
}

function isWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}
