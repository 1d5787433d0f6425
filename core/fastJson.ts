import { PayloadNode } from './model';

/**
 * A fast, non-recursive JSON parser for well-formed documents, building the same node tree as jsonc-parser's
 * `parseTree` (type, offset, length, value, children, parent, colonOffset).
 *
 * Why not only `parseTree`: it recurses once per nesting level (thousands of levels overflow the stack) and its
 * token-by-token visitor costs as much as all the rules together on a typical payload. This parser reads character
 * codes in one loop with an explicit stack. It gives up (returns FAILED) at the first syntax error: the caller then
 * runs `parseTree` for its error recovery and messages, which only half-typed documents need.
 *
 * Large documents (`lazyFromLevel`): an object or array nested that deep is checked by `skimContainer` (the same
 * grammar, nothing allocated) and becomes a node whose children are built the first time they are read. The rules
 * read what they check (every additional step); a 40,000-field `additionalData` block they only check is an object,
 * so its nodes are never built. Most of a large parse's time was the garbage collector copying those nodes.
 */
export const FAILED = Symbol('invalid JSON');

export interface FastParse {
  /** Undefined for a document with no content. */
  readonly root: PayloadNode | undefined;
  /** How deeply objects and arrays nest (1 for a flat object). */
  readonly maxDepth: number;
}

interface MutableNode {
  type: PayloadNode['type'];
  offset: number;
  length: number;
  parent: MutableNode | undefined;
  children: MutableNode[] | undefined;
  value: unknown;
  colonOffset: number | undefined;
}

/** An object or array whose text is known to be well-formed; its nodes are built when `children` is first read. */
class LazyContainer implements MutableNode {
  value: unknown = undefined;
  colonOffset: number | undefined = undefined;
  #children: MutableNode[] | undefined;
  readonly #text: string;
  readonly #allowComments: boolean;

  constructor(
    public type: 'object' | 'array',
    public offset: number,
    public length: number,
    public parent: MutableNode | undefined,
    text: string,
    allowComments: boolean,
  ) {
    this.#text = text;
    this.#allowComments = allowComments;
  }

  get children(): MutableNode[] {
    if (this.#children === undefined) {
      // skimContainer accepted this text, so the parse cannot fail.
      const built = parseRange(this.#text, this.offset, this.offset + this.length, this.#allowComments, Infinity, 0) as FastParse;
      const children = (built.root as MutableNode).children!;
      for (const child of children) child.parent = this;
      this.#children = children;
    }
    return this.#children;
  }

  set children(children: MutableNode[] | undefined) {
    this.#children = children;
  }
}

const enum Expect {
  Value,
  FirstKeyOrClose,
  Key,
  FirstValueOrClose,
  CommaOrClose,
}

const enum Char {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Plus = 0x2b,
  Comma = 0x2c,
  Minus = 0x2d,
  Dot = 0x2e,
  Slash = 0x2f,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a,
  Star = 0x2a,
  UpperE = 0x45,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  LowerE = 0x65,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

function node(type: PayloadNode['type'], offset: number, parent: MutableNode | undefined): MutableNode {
  return { type, offset, length: 0, parent, children: undefined, value: undefined, colonOffset: undefined };
}

/**
 * Parses `text`; returns the root node (undefined for a document with no content) and its depth, or FAILED on any syntax error.
 * With `allowComments`, `//` and `/* *\/` comments and trailing commas are accepted (JSONC).
 * Objects and arrays nested `lazyFromLevel` deep or deeper (the root is level 1) are built when first read.
 */
export function parseJsonFast(text: string, allowComments: boolean, lazyFromLevel = Infinity): FastParse | typeof FAILED {
  return parseRange(text, 0, text.length, allowComments, lazyFromLevel, 0);
}

/** Parses the one value in text[start, end), `level` containers deep. */
function parseRange(text: string, start: number, end: number, allowComments: boolean, lazyFromLevel: number, level: number): FastParse | typeof FAILED {
  let pos = start;
  let root: MutableNode | undefined;
  /** The innermost open object or array. */
  let container: MutableNode | undefined;
  /** In an object, the property whose value comes next. */
  let property: MutableNode | undefined;
  let expect = Expect.Value;
  let depth = level;
  let maxDepth = level;

  for (;;) {
    pos = skipTrivia(text, pos, end, allowComments);
    if (pos < 0) return FAILED;
    if (pos >= end) {
      // Only a complete top-level value (or nothing at all) may end the text.
      return container === undefined && (root !== undefined || expect === Expect.Value) ? { root, maxDepth } : FAILED;
    }
    if (root !== undefined && container === undefined) return FAILED; // content after the top-level value
    const c = text.charCodeAt(pos);

    switch (expect) {
      case Expect.FirstKeyOrClose:
      case Expect.Key: {
        if (c === Char.CloseBrace && (expect === Expect.FirstKeyOrClose || allowComments)) {
          pos++;
          depth--;
          ({ container, property } = close(container!, pos));
          expect = Expect.CommaOrClose;
          continue;
        }
        if (c !== Char.Quote) return FAILED;
        const prop = node('property', pos, container);
        const key = node('string', pos, prop);
        const after = readString(text, pos, key);
        if (after < 0) return FAILED;
        prop.children = [key];
        (container!.children ??= []).push(prop);
        pos = after;
        while (pos < end && isWhiteSpace(text.charCodeAt(pos))) pos++;
        if (allowComments && text.charCodeAt(pos) === Char.Slash) {
          // A comment between key and colon is rare; let the tolerant parser handle it.
          return FAILED;
        }
        if (text.charCodeAt(pos) !== Char.Colon) return FAILED;
        prop.colonOffset = pos;
        pos++;
        property = prop;
        expect = Expect.Value;
        continue;
      }
      case Expect.FirstValueOrClose:
        if (c === Char.CloseBracket) {
          pos++;
          depth--;
          ({ container, property } = close(container!, pos));
          expect = Expect.CommaOrClose;
          continue;
        }
        expect = Expect.Value; // an array item: read on the next turn
        continue;
      case Expect.Value: {
        const parent = property ?? container;
        let value: MutableNode;
        if ((c === Char.OpenBrace || c === Char.OpenBracket) && depth + 1 >= lazyFromLevel && root !== undefined) {
          const after = skimContainer(text, pos, end, allowComments);
          if (after < 0) return FAILED;
          if (depth + skimmedDepth > maxDepth) maxDepth = depth + skimmedDepth;
          value = new LazyContainer(c === Char.OpenBrace ? 'object' : 'array', pos, after - pos, parent, text, allowComments);
          pos = after;
          attach(value, property, container);
          property = undefined;
          expect = Expect.CommaOrClose;
          continue;
        }
        if (c === Char.OpenBrace || c === Char.OpenBracket) {
          value = node(c === Char.OpenBrace ? 'object' : 'array', pos, parent);
          value.children = [];
          pos++;
          attach(value, property, container);
          if (++depth > maxDepth) maxDepth = depth;
          container = value;
          property = undefined;
          expect = c === Char.OpenBrace ? Expect.FirstKeyOrClose : Expect.FirstValueOrClose;
          if (root === undefined) root = value;
          continue;
        }
        if (c === Char.Quote) {
          value = node('string', pos, parent);
          const after = readString(text, pos, value);
          if (after < 0) return FAILED;
          pos = after;
        } else if (c === Char.Minus || (c >= Char.Zero && c <= Char.Nine)) {
          value = node('number', pos, parent);
          const after = readNumber(text, pos);
          if (after < 0) return FAILED;
          value.value = Number(text.slice(pos, after));
          value.length = after - pos;
          pos = after;
        } else if (text.startsWith('true', pos)) {
          value = literal('boolean', true, pos, 4, parent);
          pos += 4;
        } else if (text.startsWith('false', pos)) {
          value = literal('boolean', false, pos, 5, parent);
          pos += 5;
        } else if (text.startsWith('null', pos)) {
          value = literal('null', null, pos, 4, parent);
          pos += 4;
        } else {
          return FAILED;
        }
        if (pos < end && isIdentifierPart(text.charCodeAt(pos))) return FAILED; // e.g. `truex`, `12abc`
        attach(value, property, container);
        property = undefined;
        if (root === undefined) root = value;
        expect = Expect.CommaOrClose;
        continue;
      }
      case Expect.CommaOrClose: {
        const open = container!;
        if (c === Char.Comma) {
          pos++;
          expect = open.type === 'object' ? Expect.Key : allowComments ? Expect.FirstValueOrClose : Expect.Value;
          continue;
        }
        if ((c === Char.CloseBrace && open.type === 'object') || (c === Char.CloseBracket && open.type === 'array')) {
          pos++;
          depth--;
          ({ container, property } = close(open, pos));
          expect = Expect.CommaOrClose;
          continue;
        }
        return FAILED;
      }
    }
  }
}

/** How deeply the last container `skimContainer` accepted nests (1 for a flat one). */
let skimmedDepth = 0;

const OBJECT = 1;
const ARRAY = 2;

/**
 * Checks the object or array at `start` with the grammar of `parseRange`, building nothing; returns the offset after
 * it, or -1 where `parseRange` would fail. (The differential fuzz test holds the two to the same verdicts.)
 */
function skimContainer(text: string, start: number, end: number, allowComments: boolean): number {
  const open: number[] = [];
  let pos = start;
  let expect = Expect.Value;
  skimmedDepth = 0;
  for (;;) {
    pos = skipTrivia(text, pos, end, allowComments);
    if (pos < 0 || pos >= end) return -1; // a broken comment, or not closed
    const c = text.charCodeAt(pos);

    switch (expect) {
      case Expect.FirstKeyOrClose:
      case Expect.Key: {
        if (c === Char.CloseBrace && (expect === Expect.FirstKeyOrClose || allowComments)) {
          pos++;
          open.pop();
          if (open.length === 0) return pos;
          expect = Expect.CommaOrClose;
          continue;
        }
        if (c !== Char.Quote) return -1;
        pos = skipString(text, pos);
        if (pos < 0) return -1;
        while (pos < end && isWhiteSpace(text.charCodeAt(pos))) pos++;
        if (text.charCodeAt(pos) !== Char.Colon) return -1; // a comment here fails in parseRange too
        pos++;
        expect = Expect.Value;
        continue;
      }
      case Expect.FirstValueOrClose:
        if (c === Char.CloseBracket) {
          pos++;
          open.pop();
          if (open.length === 0) return pos;
          expect = Expect.CommaOrClose;
          continue;
        }
        expect = Expect.Value;
        continue;
      case Expect.Value: {
        if (c === Char.OpenBrace || c === Char.OpenBracket) {
          open.push(c === Char.OpenBrace ? OBJECT : ARRAY);
          if (open.length > skimmedDepth) skimmedDepth = open.length;
          pos++;
          expect = c === Char.OpenBrace ? Expect.FirstKeyOrClose : Expect.FirstValueOrClose;
          continue;
        }
        if (c === Char.Quote) pos = skipString(text, pos);
        else if (c === Char.Minus || (c >= Char.Zero && c <= Char.Nine)) pos = readNumber(text, pos);
        else if (text.startsWith('true', pos) || text.startsWith('null', pos)) pos += 4;
        else if (text.startsWith('false', pos)) pos += 5;
        else return -1;
        if (pos < 0 || (pos < end && isIdentifierPart(text.charCodeAt(pos)))) return -1;
        expect = Expect.CommaOrClose;
        continue;
      }
      case Expect.CommaOrClose: {
        const kind = open[open.length - 1];
        if (c === Char.Comma) {
          pos++;
          expect = kind === OBJECT ? Expect.Key : allowComments ? Expect.FirstValueOrClose : Expect.Value;
          continue;
        }
        if ((c === Char.CloseBrace && kind === OBJECT) || (c === Char.CloseBracket && kind === ARRAY)) {
          pos++;
          open.pop();
          if (open.length === 0) return pos;
          continue;
        }
        return -1;
      }
    }
  }
}

/** The string at `start` (its opening quote) as `readString` reads it, without building it: the offset after it, or -1. */
function skipString(text: string, start: number): number {
  const close = closingQuote(text, start);
  return close < 0 || (closedStringHasEscape && !escapesValid(text, start + 1, close)) ? -1 : close + 1;
}

/** Whether every escape in text[from, to) is one `decodeEscapes` accepts. */
function escapesValid(text: string, from: number, to: number): boolean {
  for (let i = text.indexOf('\\', from); i !== -1 && i < to; i = text.indexOf('\\', i + 2)) {
    const e = text[i + 1];
    if (e === 'u') {
      if (i + 6 > to || !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
      i += 4;
    } else if (!(e in ESCAPES)) {
      return false;
    }
  }
  return true;
}

/** Puts a value under the pending property (object) or at the end of the array. */
function attach(value: MutableNode, property: MutableNode | undefined, container: MutableNode | undefined): void {
  if (property) {
    property.children!.push(value);
    property.length = value.offset + value.length - property.offset;
  } else if (container) {
    container.children!.push(value);
  }
}

/** Closes a container at `end` and returns the new innermost container (and property, always none after a value). */
function close(closed: MutableNode, end: number): { container: MutableNode | undefined; property: undefined } {
  closed.length = end - closed.offset;
  const parent = closed.parent;
  if (parent?.type === 'property') {
    parent.length = end - parent.offset;
    return { container: parent.parent, property: undefined };
  }
  return { container: parent, property: undefined };
}

function literal(type: PayloadNode['type'], value: unknown, offset: number, length: number, parent: MutableNode | undefined): MutableNode {
  const n = node(type, offset, parent);
  n.value = value;
  n.length = length;
  return n;
}

/** Reads a string starting at its opening quote into `target`; returns the offset after the closing quote, or -1. */
function readString(text: string, start: number, target: MutableNode): number {
  const close = closingQuote(text, start);
  if (close < 0) return -1;
  const raw = text.slice(start + 1, close);
  if (closedStringHasEscape) {
    const decoded = decodeEscapes(raw);
    if (decoded === undefined) return -1;
    target.value = decoded;
  } else {
    target.value = raw;
  }
  target.length = close + 1 - start;
  return close + 1;
}

/** Whether the last string `closingQuote` closed holds a backslash (then its escapes are checked or decoded). */
let closedStringHasEscape = false;

/** The offset of the quote that closes the string opened at `start` (an escaped quote does not), or -1. */
function closingQuote(text: string, start: number): number {
  const end = text.length;
  closedStringHasEscape = false;
  for (let pos = start + 1; ;) {
    if (pos >= end) return -1;
    const c = text.charCodeAt(pos);
    if (c === Char.Quote) return pos;
    if (c < 0x20) return -1; // control characters must be escaped in JSON
    if (c === Char.Backslash) {
      closedStringHasEscape = true;
      pos += 2;
    } else {
      pos++;
    }
  }
}

/**
 * The offset of the first character after white space and (in JSONC) comments from `pos`, `end` if there is none, or
 * -1 for an unclosed block comment or a slash that starts no comment.
 */
function skipTrivia(text: string, pos: number, end: number, allowComments: boolean): number {
  while (pos < end) {
    let c = text.charCodeAt(pos);
    if (c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab) {
      pos++;
    } else if (c === Char.Slash && allowComments) {
      const next = text.charCodeAt(pos + 1);
      if (next === Char.Slash) {
        pos += 2;
        while (pos < end && (c = text.charCodeAt(pos)) !== Char.LineFeed && c !== Char.CarriageReturn) pos++;
      } else if (next === Char.Star) {
        const close = text.indexOf('*/', pos + 2);
        if (close < 0) return -1;
        pos = close + 2;
      } else {
        return -1;
      }
    } else {
      break;
    }
  }
  return pos;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function decodeEscapes(raw: string): string | undefined {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = raw[++i];
    if (e === 'u') {
      const hex = raw.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else if (e in ESCAPES) {
      out += ESCAPES[e];
    } else {
      return undefined;
    }
  }
  return out;
}

/** JSON number grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?; returns the offset after it, or -1. */
function readNumber(text: string, start: number): number {
  let pos = start;
  if (text.charCodeAt(pos) === Char.Minus) pos++;
  const first = text.charCodeAt(pos);
  if (first === Char.Zero) pos++;
  else if (first > Char.Zero && first <= Char.Nine) while (isDigit(text.charCodeAt(pos))) pos++;
  else return -1;
  if (text.charCodeAt(pos) === Char.Dot) {
    pos++;
    if (!isDigit(text.charCodeAt(pos))) return -1;
    while (isDigit(text.charCodeAt(pos))) pos++;
  }
  const e = text.charCodeAt(pos);
  if (e === Char.LowerE || e === Char.UpperE) {
    pos++;
    const sign = text.charCodeAt(pos);
    if (sign === Char.Plus || sign === Char.Minus) pos++;
    if (!isDigit(text.charCodeAt(pos))) return -1;
    while (isDigit(text.charCodeAt(pos))) pos++;
  }
  return pos;
}

function isDigit(c: number): boolean {
  return c >= Char.Zero && c <= Char.Nine;
}

function isWhiteSpace(c: number): boolean {
  return c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab;
}

function isIdentifierPart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e;
}
