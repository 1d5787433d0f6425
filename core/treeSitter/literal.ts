/**
 * The shared "literal → payload tree" model: a language module says what a syntax node is as a literal (a map of
 * entries, a list, a scalar, or something computed); this module builds the payload tree the rules read from it.
 * Adding a language (Go, Java, C#, Ruby) is one `LiteralReader` plus where its requests carry a body.
 */
import type * as WTS from 'web-tree-sitter';
import { PayloadNode } from '../model';

export type SyntaxNode = WTS.Node;

export interface LiteralEntry {
  /** The whole entry (`"k": v`, `k=v`, `'k' => v`): what a fix removes. */
  readonly node: SyntaxNode;
  readonly key: SyntaxNode;
  /** The key's text when it is a literal string; undefined for a computed key. */
  readonly keyValue: string | undefined;
  readonly value: SyntaxNode;
}

export type Literal =
  | { readonly kind: 'map'; readonly entries: readonly LiteralEntry[]; /** splats (`**x`, `...$x`): keys we cannot see */ readonly open?: boolean }
  | { readonly kind: 'list'; readonly items: readonly SyntaxNode[] }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'unknown'; readonly what: string };

export interface LiteralReader {
  /** What `node` is as a JSON value, looking through parentheses; computed values are `unknown`, never guessed. */
  literal(node: SyntaxNode): Literal;
}

/** How later writes change the root map (`payload["k"] = v`, `$payload['k'] = v`). */
export interface RootChanges {
  /** Keys written later: their literal value is not what is sent. */
  readonly changedKeys: ReadonlySet<string>;
  /** Keys may be added or removed later: absence proves nothing. */
  readonly open: boolean;
}

const MAX_DEPTH = 64;

type Mutable = { -readonly [K in keyof PayloadNode]: PayloadNode[K] };

export function payloadTree(root: SyntaxNode, reader: LiteralReader, changes?: RootChanges): PayloadNode | undefined {
  const node = convert(root, reader, undefined, 0, changes);
  return node.type === 'object' ? node : undefined;
}

function convert(syntax: SyntaxNode, reader: LiteralReader, parent: PayloadNode | undefined, depth: number, changes?: RootChanges): PayloadNode {
  const span = { offset: syntax.startIndex, length: syntax.endIndex - syntax.startIndex };
  const literal = depth >= MAX_DEPTH ? { kind: 'unknown' as const, what: 'expression' } : reader.literal(syntax);
  switch (literal.kind) {
    case 'map': {
      const object: Mutable = { ...span, type: 'object', parent, children: [] };
      if (literal.open || changes?.open) object.hasSpread = true;
      for (const entry of literal.entries) {
        const property: Mutable = { offset: entry.node.startIndex, length: entry.node.endIndex - entry.node.startIndex, type: 'property', parent: object, children: [] };
        const keySpan = { offset: entry.key.startIndex, length: entry.key.endIndex - entry.key.startIndex };
        const key: PayloadNode =
          entry.keyValue === undefined
            ? { ...keySpan, type: 'unknown', description: describe('computed key', entry.key), parent: property }
            : { ...keySpan, type: 'string', value: entry.keyValue, parent: property };
        const value =
          entry.keyValue !== undefined && changes?.changedKeys.has(entry.keyValue)
            ? { offset: entry.value.startIndex, length: entry.value.endIndex - entry.value.startIndex, type: 'unknown' as const, description: describe('changed later', entry.value), parent: property }
            : convert(entry.value, reader, property, depth + 1);
        property.children!.push(key, value);
        object.children!.push(property);
      }
      return object;
    }
    case 'list': {
      const array: Mutable = { ...span, type: 'array', parent, children: [] };
      for (const item of literal.items) array.children!.push(convert(item, reader, array, depth + 1));
      return array;
    }
    case 'string':
    case 'number':
    case 'boolean':
      return { ...span, type: literal.kind, value: literal.value, parent };
    case 'null':
      return { ...span, type: 'null', value: null, parent };
    case 'unknown':
      return { ...span, type: 'unknown', description: describe(literal.what, syntax), parent };
  }
}

/** "identifier `email`": what a computed value is, for hovers (a Markdown code span). */
function describe(what: string, node: SyntaxNode): string {
  const full = node.text.replace(/\s+/g, ' ');
  const text = full.length > 40 ? `${full.slice(0, 39)}…` : full;
  return text.includes('`') ? `${what} \`\` ${text} \`\`` : `${what} \`${text}\``;
}
