/**
 * Token payloads in languages read with tree-sitter (Python, PHP): the language module finds the literals sent to
 * the token endpoint, the shared model turns each into a payload tree, and the same rule core as JSON and TS/JS
 * checks it (same codes, same messages), with offsets into the source.
 */
import type * as WTS from 'web-tree-sitter';
import { limitFindings } from '../limits';
import { Finding, PayloadNode } from '../model';
import { IdenfySettings } from '../settings';
import { validatePayload } from '../validate';
import { LiteralReader, payloadTree, RootChanges, SyntaxNode } from './literal';
import { GrammarName } from './runtime';
import { identifierFindings, successStatusFindings } from './responseChecks';
import { TreeCache } from './trees';

export interface FoundLiteral {
  /** The dict / array literal that is the request's JSON body. */
  readonly node: SyntaxNode;
  /** How it was sent, in the library's own words: `requests.post`, `GuzzleHttp\Client::post`, `curl`. */
  readonly via: string;
  readonly changes?: RootChanges;
}

/** One language: its grammar, how to read its literals, and where its HTTP clients carry a JSON body. */
export interface LanguageModule {
  readonly grammar: GrammarName;
  readonly reader: LiteralReader;
  /** The literals sent to the token endpoint (the URL decides; unknown URLs are not claimed). */
  payloads(tree: WTS.Tree, text: string): FoundLiteral[];
}

export interface TreeSitterPayload {
  readonly root: PayloadNode;
  readonly via: string;
}

export interface TreeSitterAnalysis {
  readonly payloads: readonly TreeSitterPayload[];
  readonly findings: readonly Finding[];
}

const NOTHING: TreeSitterAnalysis = Object.freeze({ payloads: Object.freeze([]), findings: Object.freeze([]) });

/** Past this size a file is not analysed (generated code): the same limit as for TS/JS. */
export const MAX_TREE_SITTER_LENGTH = 8 * 1024 * 1024;

/**
 * The cheap text check before any parse: the host `ivs.idenfy.com` (or another `*.idenfy.com`) must be named
 * somewhere, and the path's "token". A file that never names iDenfy is never parsed.
 */
export function mayHoldPayload(text: string): boolean {
  return /idenfy/i.test(text) && /token/i.test(text);
}

export function analyzeTreeSitter(document: { uri: string; text: string }, language: LanguageModule, settings: IdenfySettings, cache: TreeCache): TreeSitterAnalysis {
  const { uri, text } = document;
  if (text.length > MAX_TREE_SITTER_LENGTH || !mayHoldPayload(text)) {
    cache.forget(uri);
    return NOTHING;
  }
  const tree = cache.tree(uri, language.grammar, text);
  if (!tree) return NOTHING; // grammar not loaded yet: nothing, never a guess
  const payloads: TreeSitterPayload[] = [];
  const findings: Finding[] = [];
  const seen = new Set<number>();
  const sent: SyntaxNode[] = [];
  for (const found of language.payloads(tree, text).sort((a, b) => a.node.startIndex - b.node.startIndex)) {
    if (seen.has(found.node.startIndex)) continue;
    seen.add(found.node.startIndex);
    const root = payloadTree(found.node, language.reader, found.changes);
    if (!root) continue;
    payloads.push({ root, via: found.via });
    sent.push(found.node);
    // A loop, not push(...): one payload can produce more findings than a call takes arguments.
    for (const finding of whileTyping(validatePayload(root, settings), firstError(found.node))) findings.push(finding);
  }
  // The code around the request: its success test and its error identifiers (see responseChecks.ts).
  for (const finding of successStatusFindings(language.grammar, sent)) findings.push(finding);
  for (const finding of identifierFindings(language.grammar, tree.rootNode, text)) findings.push(finding);
  return { payloads, findings: limitFindings(findings, text.length) };
}

/** Where the literal's text first fails to parse (an ERROR or a missing node), if it does. */
function firstError(node: SyntaxNode): number | undefined {
  if (!node.hasError) return undefined;
  let current: SyntaxNode = node;
  for (;;) {
    if (current.type === 'ERROR' || current.isMissing) return current.startIndex;
    const next = current.children.find((c) => c && (c.hasError || c.isMissing || c.type === 'ERROR'));
    if (!next) return current.startIndex;
    current = next;
  }
}

/** A half-typed payload: keep only what ends before the first syntax error, and no "clientId is missing" yet. */
function whileTyping(findings: Finding[], error: number | undefined): Finding[] {
  if (error === undefined) return findings;
  return findings.filter((f) => !(f.code === 'MISSING_VALUE' && f.field === 'clientId') && f.end < error);
}
