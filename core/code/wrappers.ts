import type * as TS from 'typescript';
import { bodyObjects, describeCallee, RequestFinder } from './requests';
import { FunctionTarget, Resolver } from './resolve';
import { callableNames, isFunctionLike, SourceIndex, unwrapExpression } from './sourceIndex';

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
 * The calls of a file that may go through a wrapper, found backwards from the candidate calls (the calls an iDenfy
 * URL reaches, `SourceIndex.candidateCalls`) instead of by a walk over every node: a wrapper's request is a candidate
 * (its URL holds an iDenfy string, here or imported), or the site itself is one (it passes the URL). The functions
 * around a candidate are wrappers; the calls naming them (`f(…)`, `x.f(…)`) are sites, and the functions around
 * those are wrappers of the next level, as deep as `wrapperPayloads` follows. Only calls that can be sites are kept:
 * an argument is (or names) an object literal, and the callee is a name or a member.
 */
export function wrapperCallSites(ts: typeof TS, index: SourceIndex, candidates: ReadonlyArray<TS.CallExpression | TS.NewExpression>): TS.CallExpression[] {
  const K = ts.SyntaxKind;
  const sites = new Set<TS.CallExpression>();
  const seenCalls = new Set<TS.Node>();
  const seenFunctions = new Set<TS.Node>();
  let level: ReadonlyArray<TS.CallExpression | TS.NewExpression> = candidates;
  for (let depth = 0; level.length > 0; depth++) {
    const next: TS.CallExpression[] = [];
    for (const call of level) {
      if (seenCalls.has(call)) continue;
      seenCalls.add(call);
      if (isSite(ts, call)) sites.add(call as TS.CallExpression);
      if (depth === MAX_WRAPPER_DEPTH) continue;
      const path = index.ancestorsOf(call);
      if (!path) continue;
      // `callsIn` reads nested functions too (`.then(() => fetch(…))`) but not a class declared inside.
      for (let at = path.length - 2; at > 0 && path[at].kind !== K.ClassDeclaration; at--) {
        const fn = path[at];
        if (!isFunctionLike(ts, fn) || !(fn as TS.FunctionLikeDeclaration).body || seenFunctions.has(fn)) continue;
        seenFunctions.add(fn);
        for (const { name, member } of callableNames(ts, path, at)) for (const caller of index.callsNaming(name, member)) next.push(caller);
      }
    }
    level = next;
  }
  return [...sites].sort((a, b) => a.pos - b.pos);
}

function isSite(ts: typeof TS, call: TS.CallExpression | TS.NewExpression): boolean {
  if (call.kind !== ts.SyntaxKind.CallExpression) return false;
  const callee = unwrapExpression(ts, call.expression);
  return (callee.kind === ts.SyntaxKind.Identifier || callee.kind === ts.SyntaxKind.PropertyAccessExpression) && call.arguments.some((a) => isObjectArgument(ts, a));
}

function isObjectArgument(ts: typeof TS, argument: TS.Expression): boolean {
  const e = unwrapExpression(ts, argument);
  return e.kind === ts.SyntaxKind.ObjectLiteralExpression || e.kind === ts.SyntaxKind.Identifier;
}
