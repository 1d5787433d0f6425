import { Finding, FixHint, keyOf, PayloadNode } from '../model';
import { PROJECT_CODES } from '../rules/codes';
import { keyLiteral, keyValueSeparator, preferredQuote, quoteAt, scalarLiteral, skipTriviaBackward, stringLiteral, SyntaxFlavour } from './tree';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  /** Non-overlapping edits of the document the finding is in. */
  readonly edits: TextEdit[];
  /** The one obvious fix (the editor's auto-fix may apply it). */
  readonly isPreferred?: boolean;
}

type Syntax = SyntaxFlavour;

/**
 * The finding's fix hints as text edits on `text`, each the smallest change that does what the title says and
 * leaves the rest of the document as it was. A hint whose nodes no longer match the text gives no fix.
 */
export function fixesFor(finding: Finding, text: string, syntax: Syntax): QuickFix[] {
  const hints = finding.fixes ?? [];
  const fixes: QuickFix[] = [];
  for (const hint of hints) {
    const fix = fixFor(hint, finding, text, syntax);
    if (!fix) continue;
    const preferred = hints.length === 1 && (hint.kind !== 'removeProperty' || finding.code === PROJECT_CODES.duplicateKey);
    fixes.push(preferred ? { ...fix, isPreferred: true } : fix);
  }
  return fixes;
}

function fixFor(hint: FixHint, finding: Finding, text: string, syntax: Syntax): QuickFix | undefined {
  switch (hint.kind) {
    case 'renameKey':
      return renameKey(hint.property, hint.to, text, syntax);
    case 'replaceValue':
      return replaceValue(hint.node, hint.to, text, syntax);
    case 'removeProperty': {
      const edits = removeProperty(hint.property, text);
      const name = keyName(hint.property, text);
      if (!edits || name === undefined) return undefined;
      return { title: finding.code === PROJECT_CODES.duplicateKey ? `Remove the earlier '${name}'` : `Remove '${name}'`, edits };
    }
    case 'addProperty': {
      const edits = addProperty(hint.object, hint.key, hint.value, text, syntax);
      return edits ? { title: `Add missing '${hint.key}'`, edits } : undefined;
    }
    case 'replaceText':
      return hint.end <= text.length ? { title: hint.title, edits: [{ start: hint.start, end: hint.end, newText: hint.text }] } : undefined;
  }
}

// ---- rename and replace ---------------------------------------------------------------------------------------

function renameKey(property: PayloadNode, to: string, text: string, syntax: Syntax): QuickFix | undefined {
  const key = keyOf(property);
  const name = keyName(property, text);
  if (name === undefined || !inText(key, text)) return undefined;
  const quote = quoteAt(text, key.offset);
  let newText: string;
  if (syntax === 'json') newText = JSON.stringify(to);
  // A quoted key keeps its quotes; a bare one stays bare when the new name is an identifier.
  else newText = quote ? stringLiteral(to, quote) : syntax === 'python' && /^[A-Za-z_]\w*$/.test(to) ? to : keyLiteral(to, syntax, preferredQuote(text, property.parent));
  return { title: `Rename '${name}' to '${to}'`, edits: [{ start: key.offset, end: key.offset + key.length, newText }] };
}

function replaceValue(node: PayloadNode, to: string | number | boolean | null, text: string, syntax: Syntax): QuickFix | undefined {
  if (!inText(node, text) || node.type === 'object' || node.type === 'array' || node.type === 'unknown') return undefined;
  let newText: string;
  if (typeof to !== 'string') newText = scalarLiteral(to, syntax);
  else if (syntax === 'json') newText = JSON.stringify(to);
  else newText = stringLiteral(to, quoteAt(text, node.offset) ?? preferredQuote(text, node));
  const from = node.value;
  const title =
    typeof from === 'string' && typeof to === 'string' && /^http:\/\//i.test(from) && to === `https://${from.slice('http://'.length)}`
      ? 'Change http:// to https://'
      : `Replace ${shown(from)} with ${shown(to)}`;
  return { title, edits: [{ start: node.offset, end: node.offset + node.length, newText }] };
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function keyName(property: PayloadNode, text: string): string | undefined {
  const key = property.children?.[0];
  if (!key || !inText(property, text)) return undefined;
  return typeof key.value === 'string' ? key.value : undefined;
}

function inText(node: PayloadNode, text: string): boolean {
  return node.offset >= 0 && node.length >= 0 && node.offset + node.length <= text.length;
}

// ---- remove a property ----------------------------------------------------------------------------------------

/**
 * Edits that take a property out of its object with its comma, and its line when it had one to itself, so the
 * object stays valid: the next comma goes with it; for the last property, the comma before it.
 */
function removeProperty(property: PayloadNode, text: string): TextEdit[] | undefined {
  if (!inText(property, text)) return undefined;
  const start = property.offset;
  const end = property.offset + property.length;
  const ownLine = isBlank(text, lineStart(text, start), start);

  const following = gapForward(text, end);
  if (following.comma !== undefined) {
    const afterComma = following.comma + 1;
    if (ownLine && isBlank(text, afterComma, lineContentEnd(text, afterComma))) {
      return [{ start: lineStart(text, start), end: nextLineStart(text, afterComma), newText: '' }];
    }
    // After a comment that shares the property's line, the line's rest goes: no trailing blanks are left.
    if (isBlank(text, afterComma, lineContentEnd(text, afterComma))) return [{ start: skipHorizontalSpaceBackward(text, start), end: lineContentEnd(text, afterComma), newText: '' }];
    return [{ start, end: skipHorizontalSpace(text, afterComma), newText: '' }];
  }
  if (following.next !== '}') return undefined; // not the end of an object literal: leave the text alone

  const previousComma = commaBefore(property, text);
  if (previousComma === null) return undefined;
  const wholeLine = ownLine && isBlank(text, end, lineContentEnd(text, end));
  if (previousComma === undefined) {
    // The only property: the braces stay, empty.
    return [wholeLine ? { start: lineStart(text, start), end: nextLineStart(text, end), newText: '' } : { start, end: skipHorizontalSpace(text, end), newText: '' }];
  }
  if (wholeLine) {
    return [
      { start: previousComma, end: previousComma + 1, newText: '' },
      { start: lineStart(text, start), end: nextLineStart(text, end), newText: '' },
    ];
  }
  return [{ start: previousComma, end, newText: '' }];
}

/** After a value: skips white space and comments; the comma, if one comes before anything else, and that next character. */
function gapForward(text: string, from: number): { comma?: number; next?: string } {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (c === '/' && text[i + 1] === '/') i = lineContentEnd(text, i);
    else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return {};
      i = close + 2;
    } else if (c === ',') return { comma: i, next: ',' };
    else return { next: c };
  }
  return {};
}

/**
 * Offset of the comma before a property; undefined when it is the first of its object; null when that cannot be
 * told. Read backwards over white space and comments from the property, not from the previous sibling: in code a
 * spread (`...defaults`) may stand between them and is no node of the tree.
 */
function commaBefore(property: PayloadNode, text: string): number | undefined | null {
  const before = skipTriviaBackward(text, property.offset);
  if (text[before - 1] === ',') return before - 1;
  return text[before - 1] === '{' ? undefined : null;
}

// ---- add a property -------------------------------------------------------------------------------------------

/** Inserts `key: value` as the object's first property, on a line of its own when the object spans lines. */
function addProperty(object: PayloadNode, key: string, value: string | number | boolean | null, text: string, syntax: Syntax): TextEdit[] | undefined {
  if (object.type !== 'object' || !inText(object, text) || text[object.offset] !== '{') return undefined;
  const quote = syntax === 'json' ? '"' : preferredQuote(text, object);
  const valueText = typeof value === 'string' ? stringLiteral(value, quote) : scalarLiteral(value, syntax);
  const entry = `${keyLiteral(key, syntax, quote)}${keyValueSeparator(syntax)}${valueText}`;
  const open = object.offset;
  const close = object.offset + object.length - 1;
  const first = object.children?.[0];
  const firstOnBraceLine = first !== undefined && lineStart(text, first.offset) === lineStart(text, open);

  if (first && (firstOnBraceLine || !text.slice(open, close).includes('\n'))) {
    return [{ start: first.offset, end: first.offset, newText: `${entry}, ` }];
  }
  if (!first && !text.slice(open, close).includes('\n')) {
    const inner = text.slice(open + 1, close);
    return [{ start: open + 1, end: open + 1, newText: /^\s+$/.test(inner) ? ` ${entry}` : entry }];
  }
  // After the `{` line (and any comment on it), so that comments keep their place above the properties they describe.
  const insertAt = lineContentEnd(text, open + 1);
  const indent = first ? indentationOf(text, first.offset) : indentationOf(text, open) + indentUnit(text);
  return [{ start: insertAt, end: insertAt, newText: `${eol(text)}${indent}${entry}${first ? ',' : ''}` }];
}

function indentationOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** The file's indentation step: the first indented line's, else two spaces. */
function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  return match ? match[1] : '  ';
}

// ---- lines ----------------------------------------------------------------------------------------------------

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** End of the line's content: before its `\r\n` or `\n`. */
function lineContentEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** Start of the next line (past its line break), or the end of the text. */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

function isBlank(text: string, start: number, end: number): boolean {
  return /^[ \t\r]*$/.test(text.slice(start, end));
}

function skipHorizontalSpaceBackward(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i;
}

function skipHorizontalSpace(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
