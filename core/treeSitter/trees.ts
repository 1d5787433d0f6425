import type * as WTS from 'web-tree-sitter';
import { GrammarName, loadedGrammar, treeSitter } from './runtime';

interface Entry {
  readonly grammar: GrammarName;
  readonly text: string;
  readonly tree: WTS.Tree;
}

/** Trees live in WebAssembly memory: at most this many documents keep one (the least recently used goes). */
const MAX_TREES = 32;

/**
 * The last syntax tree of each document, re-parsed incrementally: the edit between the old and the new text (their
 * common prefix and suffix) is applied to the old tree, so a keystroke re-parses only what it touched.
 */
export class TreeCache {
  private readonly entries = new Map<string, Entry>();

  /** The tree of `text`; undefined when the grammar is not loaded yet. */
  tree(uri: string, grammar: GrammarName, text: string): WTS.Tree | undefined {
    const loaded = loadedGrammar(grammar);
    if (!loaded) return undefined;
    const old = this.entries.get(uri);
    if (old && old.grammar === grammar && old.text === text) {
      this.entries.delete(uri);
      this.entries.set(uri, old);
      return old.tree;
    }
    let tree: WTS.Tree | null;
    if (old && old.grammar === grammar) {
      old.tree.edit(editBetween(old.text, text));
      tree = loaded.parser.parse(text, old.tree);
    } else {
      tree = loaded.parser.parse(text);
    }
    if (old) {
      old.tree.delete();
      this.entries.delete(uri);
    }
    if (!tree) return undefined;
    this.entries.set(uri, { grammar, text, tree });
    if (this.entries.size > MAX_TREES) this.forget(this.entries.keys().next().value!);
    return tree;
  }

  forget(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.tree.delete();
    this.entries.delete(uri);
  }
}

/** The single edit that turns `before` into `after` (offsets and positions in UTF-16 code units, as tree-sitter's). */
export function editBetween(before: string, after: string): WTS.Edit {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < max - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  const startPosition = positionAt(before, start);
  return new (treeSitter().Edit)({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition,
    oldEndPosition: positionAt(before, oldEnd, start, startPosition),
    newEndPosition: positionAt(after, newEnd, start, startPosition),
  });
}

function positionAt(text: string, offset: number, from = 0, at = { row: 0, column: 0 }): { row: number; column: number } {
  let { row } = at;
  let lineStart = from - at.column;
  for (let i = text.indexOf('\n', from); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}
