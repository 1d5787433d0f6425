import type * as TS from 'typescript';
import { parsedAfresh } from './cache';
import { bodyObjects, describeCallee, RequestFinder } from './requests';
import { FunctionTarget, Resolver } from './resolve';
import { unwrapExpression } from './sourceIndex';

/** Wrappers are followed this many levels deep (`a()` calls `b()` calls `fetch`), and no further. */
const MAX_WRAPPER_DEPTH = 3;
/** Calls looked at inside one wrapper body: a huge function is not a wrapper worth a keystroke. */
const MAX_CALLS_PER_WRAPPER = 400;

export interface WrapperPayload {
  readonly object: TS.ObjectLiteralExpression;
  /** `wrapper this.makeApiRequest → fetch`. */
  readonly via: string;
}

/**
 * Payloads passed through a wrapper: a function or method (here or imported) whose parameters flow into the URL
 * and the body of a recognised HTTP call. The wrapper is evaluated with its parameters bound to this call's
 * arguments, so `makeApiRequest('/token', 'POST', data)` joins '/token' to the wrapper's base URL; the URL still
 * decides. Only object literals of the open document (`home`) are payloads: the finding sits on the call site.
 */
export function wrapperPayloads(ts: typeof TS, resolver: Resolver, home: Resolver, call: TS.CallExpression, depth = 0): WrapperPayload[] {
  if (depth >= MAX_WRAPPER_DEPTH || call.arguments.length === 0) return [];
  const target = resolver.functionOf(call.expression);
  if (!target || !target.fn.body) return [];
  const bound = bindArguments(ts, target, resolver, call);
  const finder = new RequestFinder(ts, bound, target.resolver.index);
  const name = describeCallee(ts, call.expression);
  const found: WrapperPayload[] = [];
  for (const inner of callsIn(ts, target.fn.body)) {
    if (inner === call) continue;
    for (const { body, via } of finder.bodiesOf(inner)) {
      for (const object of bodyObjects(ts, bound, body)) if (home.index.contains(object)) found.push({ object, via: `wrapper ${name} → ${via}` });
    }
    if (inner.kind === ts.SyntaxKind.CallExpression) {
      for (const nested of wrapperPayloads(ts, bound, home, inner as TS.CallExpression, depth + 1))
        found.push({ object: nested.object, via: `wrapper ${name} → ${nested.via.slice('wrapper '.length)}` });
    }
  }
  return found;
}

function bindArguments(ts: typeof TS, target: FunctionTarget, caller: Resolver, call: TS.CallExpression): Resolver {
  const bindings = new Map<TS.Node, TS.Expression | undefined>();
  target.fn.parameters.forEach((parameter, at) => {
    if (parameter.dotDotDotToken || !ts.isIdentifier(parameter.name)) return;
    const argument = call.arguments[at];
    bindings.set(parameter, argument && argument.kind !== ts.SyntaxKind.SpreadElement ? argument : undefined);
  });
  return target.resolver.bind(bindings, caller);
}

/** The calls in a function body (arrow callbacks included: `.then(() => fetch(…))`), in source order, bounded. */
function callsIn(ts: typeof TS, body: TS.Node): Array<TS.CallExpression | TS.NewExpression> {
  const calls: Array<TS.CallExpression | TS.NewExpression> = [];
  const visit = (node: TS.Node): boolean | undefined => {
    if (calls.length >= MAX_CALLS_PER_WRAPPER) return true;
    if (node.kind === ts.SyntaxKind.CallExpression || node.kind === ts.SyntaxKind.NewExpression) calls.push(node as TS.CallExpression);
    if (node.kind === ts.SyntaxKind.ClassDeclaration) return undefined;
    return ts.forEachChild(node, visit);
  };
  // The body itself too: an arrow function's expression body may be the call (`(b) => axios.post(URL, b)`).
  visit(body);
  return calls;
}

/**
 * The sites found under a subtree of an incrementally parsed tree (at least MEMO_MIN_LENGTH characters long). Which
 * calls are sites depends only on the subtree's own syntax, and an incremental parse reuses the node objects of every
 * subtree a keystroke did not touch: after a keystroke only the changed path is walked again, and its untouched
 * siblings answer from here. A fresh parse (an open) is walked without it: remembering costs a third of the walk, and
 * an opened file may never be edited.
 */
const SITES_UNDER = new WeakMap<TS.Node, readonly TS.CallExpression[]>();
const MEMO_MIN_LENGTH = 256;
const NO_SITES: readonly TS.CallExpression[] = Object.freeze([]);

/**
 * The calls of a file that may go through a wrapper: an argument is (or names) an object literal, and the callee is
 * a name or a member (`wrapperPayloads` then resolves it to a function it can read, or gives up). Types are skipped:
 * nothing in them runs.
 */
export function wrapperCallSites(ts: typeof TS, sourceFile: TS.SourceFile): TS.CallExpression[] {
  const K = ts.SyntaxKind;
  const sites: TS.CallExpression[] = [];
  const visitSite = (node: TS.Node): boolean => {
    const kind = node.kind;
    if ((kind >= K.FirstTypeNode && kind <= K.LastTypeNode) || kind === K.InterfaceDeclaration || kind === K.TypeAliasDeclaration) return false;
    if (kind === K.CallExpression) {
      const call = node as TS.CallExpression;
      const callee = unwrapExpression(ts, call.expression);
      if ((callee.kind === K.Identifier || callee.kind === K.PropertyAccessExpression) && call.arguments.some((a) => isObjectArgument(ts, a))) sites.push(call);
    }
    return true;
  };
  if (parsedAfresh(sourceFile)) {
    const visit = (node: TS.Node): undefined => {
      if (visitSite(node)) ts.forEachChild(node, visit);
      return undefined;
    };
    visit(sourceFile);
    return sites;
  }
  const visitRemembering = (node: TS.Node): undefined => {
    const remember = node.end - node.pos >= MEMO_MIN_LENGTH;
    if (remember) {
      const known = SITES_UNDER.get(node);
      if (known) {
        for (const site of known) sites.push(site);
        return undefined;
      }
    }
    const first = sites.length;
    if (visitSite(node)) ts.forEachChild(node, visitRemembering);
    if (remember) SITES_UNDER.set(node, sites.length === first ? NO_SITES : sites.slice(first));
    return undefined;
  };
  visitRemembering(sourceFile);
  return sites;
}

function isObjectArgument(ts: typeof TS, argument: TS.Expression): boolean {
  const e = unwrapExpression(ts, argument);
  return e.kind === ts.SyntaxKind.ObjectLiteralExpression || e.kind === ts.SyntaxKind.Identifier;
}
