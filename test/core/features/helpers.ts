import * as ts from 'typescript';
import { PayloadNode } from '../../../core/model';

/**
 * Test support: the cursor marker, applying edits, and payload trees of TypeScript object literals built with the
 * TypeScript parser, in the model the code extractor produces (offsets into the source, identifier keys as
 * strings, computed values `unknown`, parents set).
 */

export const CURSOR = '|';

/** `text` without its one `|`, and the offset where it stood. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0 || marked.indexOf(CURSOR, offset + 1) >= 0) throw new Error(`expected exactly one ${CURSOR} in ${marked}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Applies non-overlapping edits (checked) to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].end > sorted[i - 1].start) throw new Error('overlapping edits');
  }
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** The outermost object literal of a TypeScript source, as a payload tree. */
export function codePayload(text: string): PayloadNode {
  const file = ts.createSourceFile('payload.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isObjectLiteralExpression(node)) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  if (!found) throw new Error('no object literal in the test source');
  return convert(found, file, undefined);
}

type Mutable = { -readonly [K in keyof PayloadNode]: PayloadNode[K] } & { children?: Mutable[]; parent?: Mutable };

function make(type: PayloadNode['type'], start: number, end: number, parent: Mutable | undefined, value?: unknown): Mutable {
  return { type, offset: start, length: end - start, parent, value };
}

function convert(node: ts.Expression, file: ts.SourceFile, parent: Mutable | undefined): Mutable {
  const start = node.getStart(file);
  if (ts.isObjectLiteralExpression(node)) {
    const object = make('object', start, node.end, parent);
    object.children = [];
    for (const member of node.properties) {
      if (ts.isSpreadAssignment(member)) {
        object.hasSpread = true;
        continue;
      }
      if (!ts.isPropertyAssignment(member) && !ts.isShorthandPropertyAssignment(member)) continue;
      const name = member.name;
      const keyStart = name.getStart(file);
      const valueNode = ts.isPropertyAssignment(member) ? member.initializer : undefined;
      const property = make('property', keyStart, valueNode ? valueNode.end : name.end, object);
      const key = ts.isIdentifier(name) || ts.isStringLiteral(name) ? make('string', keyStart, name.end, property, name.text) : make('unknown', keyStart, name.end, property);
      const value = valueNode ? convert(valueNode, file, property) : make('unknown', keyStart, name.end, property);
      property.children = [key, value];
      object.children.push(property);
    }
    return object;
  }
  if (ts.isArrayLiteralExpression(node)) {
    const array = make('array', start, node.end, parent);
    array.children = node.elements.map((element) => convert(element, file, array));
    return array;
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return make('string', start, node.end, parent, node.text);
  if (ts.isNumericLiteral(node)) return make('number', start, node.end, parent, Number(node.text));
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return make('number', start, node.end, parent, -Number(node.operand.text));
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return make('boolean', start, node.end, parent, true);
  if (node.kind === ts.SyntaxKind.FalseKeyword) return make('boolean', start, node.end, parent, false);
  if (node.kind === ts.SyntaxKind.NullKeyword) return make('null', start, node.end, parent, null);
  return { ...make('unknown', start, node.end, parent), description: node.getText(file) };
}
