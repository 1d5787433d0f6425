import { keyOf, PayloadNode, valueOf } from '../model';

/** A step from a payload's root down to a node: a property name, or an array index. */
export type PathSegment = string | number;

export interface PayloadPosition {
  /** Path of the key or value: `['documents', 0]`, `['additionalSteps', 'LT']`. */
  readonly path: readonly PathSegment[];
  readonly node: PayloadNode;
  /** The node is a property's key (its path names the property). */
  readonly isKey: boolean;
}

/** Inclusive of the end: a cursor right after a word is on that word. */
export function covers(node: PayloadNode, offset: number): boolean {
  return offset >= node.offset && offset <= node.offset + node.length;
}

/**
 * The innermost key or value at `offset`, with its path from `root`; undefined outside the payload, on a key the
 * code computes, or between tokens (a colon, a comma, white space) when not inside an object or array.
 */
export function positionAt(root: PayloadNode, offset: number): PayloadPosition | undefined {
  if (!covers(root, offset)) return undefined;
  let node = root;
  const path: PathSegment[] = [];
  for (;;) {
    let next: PayloadNode | undefined;
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        if (!covers(property, offset)) continue;
        const key = keyOf(property);
        const name = typeof key.value === 'string' && key.type === 'string' ? key.value : undefined;
        if (covers(key, offset)) return name === undefined ? undefined : { path: [...path, name], node: key, isKey: true };
        const value = valueOf(property);
        if (name !== undefined && value && covers(value, offset)) {
          path.push(name);
          next = value;
        }
        break;
      }
    } else if (node.type === 'array') {
      const items = node.children ?? [];
      const index = items.findIndex((item) => covers(item, offset));
      if (index >= 0) {
        path.push(index);
        next = items[index];
      }
    }
    if (!next) return { path, node, isKey: false };
    node = next;
  }
}

/** The value node at a path of property names below `root`, if the tree has it. */
export function nodeAtPath(root: PayloadNode | undefined, path: readonly PathSegment[]): PayloadNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.children?.[segment] : undefined;
    } else if (node.type === 'object') {
      const property = [...(node.children ?? [])].reverse().find((p) => keyOf(p).type === 'string' && keyOf(p).value === segment);
      node = property ? valueOf(property) : undefined;
    } else {
      return undefined;
    }
  }
  return node;
}

/** Names of the keys an object node already has (keys the code computes are left out). */
export function presentKeys(object: PayloadNode | undefined): Set<string> {
  const keys = new Set<string>();
  if (object?.type !== 'object') return keys;
  for (const property of object.children ?? []) {
    const key = keyOf(property);
    if (key.type === 'string' && typeof key.value === 'string') keys.add(key.value);
  }
  return keys;
}

/** The quote that opens a string literal at `offset` in source text, if one does. */
export function quoteAt(text: string, offset: number): '"' | "'" | '`' | undefined {
  const c = text[offset];
  return c === '"' || c === "'" || c === '`' ? c : undefined;
}

/** The quote a code payload writes its strings with (the first one in the whole payload), `'` when it has none. */
export function preferredQuote(text: string, within: PayloadNode | undefined): '"' | "'" {
  let scope = within;
  while (scope?.parent) scope = scope.parent;
  const end = scope ? Math.min(text.length, scope.offset + scope.length) : text.length;
  for (let i = scope?.offset ?? 0; i < end; i++) {
    if (text[i] === '"' || text[i] === "'") return text[i] as '"' | "'";
  }
  return "'";
}

/** A string as a literal of the given syntax: JSON, or JS/TS with the given quote. */
export function stringLiteral(value: string, quote: '"' | "'" | '`'): string {
  if (quote === '"') return JSON.stringify(value);
  let escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  escaped = quote === '`' ? escaped.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') : escaped.replace(/'/g, "\\'");
  return quote + escaped + quote;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The syntax edits are written in: JSON, JS/TS, or a language read with tree-sitter (Python dicts, PHP arrays). */
export type SyntaxFlavour = 'json' | 'code' | 'python' | 'php';

/** A property key as source: bare where JS allows it, else a string literal (always one in Python and PHP). */
export function keyLiteral(name: string, syntax: SyntaxFlavour, quote: '"' | "'"): string {
  if (syntax === 'json') return JSON.stringify(name);
  return syntax === 'code' && IDENTIFIER.test(name) ? name : stringLiteral(name, quote);
}

/** A boolean, null or number as source: `True`/`None` in Python, JSON's spelling elsewhere. */
export function scalarLiteral(value: number | boolean | null, syntax: SyntaxFlavour): string {
  if (syntax === 'python') return value === null ? 'None' : value === true ? 'True' : value === false ? 'False' : String(value);
  return JSON.stringify(value);
}

/** Between a key and its value: `=>` in PHP arrays, `:` elsewhere. */
export function keyValueSeparator(syntax: SyntaxFlavour): string {
  return syntax === 'php' ? ' => ' : ': ';
}

/** Where a `//` comment starts on the line from `start` to `end`, reading strings so that `"http://x"` is not one. */
export function lineCommentStart(text: string, start: number, end: number): number | undefined {
  let quote: string | undefined;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '/' && text[i + 1] === '/') return i;
  }
  return undefined;
}

/** Back from `offset` over white space and comments (`//` and block), stopping at `limit`. */
export function skipTriviaBackward(text: string, offset: number, limit = 0): number {
  let i = offset;
  for (;;) {
    while (i > limit && /\s/.test(text[i - 1])) i--;
    if (i - 2 >= limit && text[i - 1] === '/' && text[i - 2] === '*') {
      const open = text.lastIndexOf('/*', i - 3);
      if (open < limit) return i;
      i = open;
      continue;
    }
    const lineStart = Math.max(limit, text.lastIndexOf('\n', i - 1) + 1);
    const comment = lineCommentStart(text, lineStart, i);
    if (comment === undefined) return i;
    i = comment;
  }
}

/** Offset of the first character at or after `offset` that is neither white space nor in a comment; -1 if none. */
export function nextSignificant(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    if (/\s/.test(text[i])) i++;
    else if (text.startsWith('//', i)) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) < 0 ? text.length : text.indexOf('*/', i + 2) + 2;
    else return i;
  }
  return -1;
}
