/** Small helpers the language modules share: climbing the tree, finding names by text, unescaping. */
import type { SyntaxNode } from './literal';

/** The nearest ancestor (or the node itself) of one of the types. */
export function ancestor(node: SyntaxNode | null, types: readonly string[]): SyntaxNode | undefined {
  for (let n = node; n; n = n.parent) if (types.includes(n.type)) return n;
  return undefined;
}

/** Offsets in `text[from, to)` where the word `name` occurs (whole word), found by text then checked on the tree. */
export function wordOffsets(text: string, name: string, from = 0, to = text.length): number[] {
  const offsets: number[] = [];
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\w$])${escaped}(?![\\w])`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) offsets.push(m.index);
  return offsets;
}

/** The named node that starts exactly at `offset` and is of `type` (or one of its ancestors starting there). */
export function nodeAt(root: SyntaxNode, offset: number, type: string): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = root.descendantForIndex(offset, offset + 1); n && n.startIndex === offset; n = n.parent) {
    if (n.type === type) return n;
  }
  return undefined;
}

/** Backslash escapes shared by Python strings and PHP double-quoted strings. */
export function unescapeCommon(body: string, extra: Record<string, string> = {}): string {
  const result = body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|[\s\S])/g, (all, e: string) => {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '0': '\0', ...extra };
    if (e in simple) return simple[e];
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'u' && e[1] === '{') return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    if (e === '\n') return '';
    return all; // an unknown escape stays as written, as in Python and PHP
  });
  return result;
}
