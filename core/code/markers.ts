import type * as TS from 'typescript';
import { Resolver } from './resolve';
import { bodyObjects } from './requests';
import { isNamed, unwrapExpression } from './sourceIndex';

/** The opt-in comment: `// @idenfy-token` (or `/* @idenfy-token *\/`) right before the payload or its statement. */
export const MARKER = '@idenfy-token';

/**
 * The object literals marked with the comment. The marker belongs to what follows it:
 * - an object literal: that object (`JSON.stringify(/* @idenfy-token *\/ { … })`);
 * - a variable, property, `return`, `export default` or assignment: the object its value is (through
 *   `JSON.stringify`, parentheses, `as`/`satisfies`, or a variable holding the object);
 * - any other statement: the object of the first `JSON.stringify(…)` in it.
 * A marker inside a string, or followed by nothing, marks nothing.
 */
export function markedObjects(ts: typeof TS, sourceFile: TS.SourceFile, resolver: Resolver): TS.ObjectLiteralExpression[] {
  const text = sourceFile.text;
  const found: TS.ObjectLiteralExpression[] = [];
  for (let at = text.indexOf(MARKER); at !== -1; at = text.indexOf(MARKER, at + MARKER.length)) {
    if (/[\w-]/.test(text.charAt(at + MARKER.length))) continue; // `@idenfy-tokens`, `@idenfy-token-x`: another word
    const marked = nodeAfterComment(ts, sourceFile, at);
    if (marked) for (const object of objectsOf(ts, resolver, marked)) found.push(object);
  }
  return found;
}

/** The outermost node whose leading comments hold `position`; undefined when `position` is not in such a comment. */
function nodeAfterComment(ts: typeof TS, sourceFile: TS.SourceFile, position: number): TS.Node | undefined {
  let node: TS.Node = sourceFile;
  for (let guard = 0; guard < 10_000; guard++) {
    let next: TS.Node | undefined;
    ts.forEachChild(node, (child) => {
      if (child.pos <= position && position < child.end) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) return undefined;
    if (position < next.getStart(sourceFile)) {
      // A comment on the line of the previous token counts as that token's trailing comment: look at both kinds.
      const comments = [...(ts.getLeadingCommentRanges(sourceFile.text, next.pos) ?? []), ...(ts.getTrailingCommentRanges(sourceFile.text, next.pos) ?? [])];
      return comments.some((c) => c.pos <= position && position < c.end) && next.kind !== ts.SyntaxKind.EndOfFileToken ? next : undefined;
    }
    node = next;
  }
  return undefined;
}

function objectsOf(ts: typeof TS, resolver: Resolver, marked: TS.Node): TS.ObjectLiteralExpression[] {
  const K = ts.SyntaxKind;
  let value: TS.Expression | undefined;
  switch (marked.kind) {
    case K.VariableStatement:
      value = (marked as TS.VariableStatement).declarationList.declarations[0]?.initializer;
      break;
    case K.VariableDeclaration:
    case K.PropertyDeclaration:
    case K.PropertyAssignment:
      value = (marked as TS.VariableDeclaration).initializer;
      break;
    case K.ReturnStatement:
    case K.ExportAssignment:
    case K.ExpressionStatement:
      value = (marked as TS.ExpressionStatement).expression;
      break;
    default:
      if (ts.isExpression(marked)) value = marked;
  }
  if (value) {
    let e = unwrapExpression(ts, value);
    if (e.kind === K.AwaitExpression) e = unwrapExpression(ts, (e as TS.AwaitExpression).expression);
    if (e.kind === K.BinaryExpression && (e as TS.BinaryExpression).operatorToken.kind === K.EqualsToken) e = (e as TS.BinaryExpression).right;
    const objects = bodyObjects(ts, resolver, e);
    if (objects.length > 0) return objects;
  }
  const stringified = firstStringifyArgument(ts, marked);
  return stringified ? bodyObjects(ts, resolver, stringified) : [];
}

function firstStringifyArgument(ts: typeof TS, root: TS.Node): TS.Expression | undefined {
  let found: TS.Expression | undefined;
  const visit = (node: TS.Node): boolean | undefined => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = unwrapExpression(ts, node.expression);
      if (ts.isPropertyAccessExpression(callee) && isNamed(ts, callee, 'JSON', 'stringify')) {
        found = node.arguments[0];
        return true;
      }
    }
    return ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}
