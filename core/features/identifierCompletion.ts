/**
 * Completion of iDenfy's error identifiers where code compares a response's `identifier` with a string:
 * `error.identifier === '|'`, `err["identifier"] == "|"`, `$body['identifier'] === '|'`, `case '|':` under
 * `switch (e.identifier)`, Python `match e["identifier"]:` / `case "|":`. The twelve come from the catalogue.
 */
import { ERROR_CATALOGUE } from '../rules/errors';
import type { CompletionSuggestion } from './completion';

/** An access to a field named identifier, then an equality operator, right before the opening quote. */
const COMPARED = /(?:\.identifier|\[\s*['"]identifier['"]\s*\])\s*(?:===?|!==?)\s*$/;
/** The same, written the other way round: `'|' === error.identifier` is completed when the access follows. */
const COMPARED_AFTER = /^\s*(?:===?|!==?)\s*[\w$.?]*(?:\.identifier|\[\s*['"]identifier['"]\s*\])/;
/** A `case` label whose switch/match header (within the previous lines) reads an identifier field. */
const CASE_LABEL = /\bcase\s+$/;
const SWITCH_ON_IDENTIFIER = /\b(?:switch\s*\(|match\s+)[^\n]*(?:\.identifier|\[\s*['"]identifier['"]\s*\])/;
/** How far back a `switch`/`match` header is looked for: a long switch still completes, a file-wide scan never runs. */
const SWITCH_LOOKBACK = 4000;

export function identifierCompletions(text: string, offset: number): CompletionSuggestion[] {
  const literal = stringAround(text, offset);
  if (!literal) return [];
  const before = text.slice(Math.max(0, literal.start - 200), literal.start);
  const after = text.slice(literal.end, literal.end + 200);
  const compared =
    COMPARED.test(before) || COMPARED_AFTER.test(after) || (CASE_LABEL.test(before) && SWITCH_ON_IDENTIFIER.test(text.slice(Math.max(0, literal.start - SWITCH_LOOKBACK), literal.start)));
  if (!compared) return [];
  return [...ERROR_CATALOGUE.values()].map((entry, index) => ({
    label: entry.identifier,
    kind: 'value',
    detail: `HTTP ${entry.status}${entry.retry ? ' · retry with back-off' : ' · do not retry'}`,
    documentation: `${entry.meaning}\n\n${entry.action}`,
    insertText: entry.identifier,
    isSnippet: false,
    replaceStart: literal.start + 1,
    replaceEnd: literal.end - (literal.closed ? 1 : 0),
    sortText: String(index).padStart(3, '0'),
  }));
}

/** The quoted string on the cursor's line that contains the cursor (possibly not closed yet), with its quotes. */
function stringAround(text: string, offset: number): { start: number; end: number; closed: boolean } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let quote: string | undefined;
  let start = -1;
  for (let i = lineStart; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
      start = i;
    }
  }
  if (!quote) return undefined;
  let end = offset;
  while (end < text.length && text[end] !== quote && text[end] !== '\n') end++;
  const closed = text[end] === quote;
  // Only an identifier-shaped word so far: the cursor is not in free text.
  if (!/^[A-Z_]*$/i.test(text.slice(start + 1, closed ? end : offset))) return undefined;
  return { start, end: closed ? end + 1 : end, closed };
}
