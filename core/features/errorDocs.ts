import { ERROR_CATALOGUE, ErrorEntry, findStatusMessage, isErrorIdentifier, isRetryableStatus, STATUS_MESSAGES, StatusMessageEntry } from '../rules/errors';

/**
 * Markdown explanations of iDenfy's error identifiers and of the token endpoint's status messages, built from the
 * error catalogue (core/rules/errors.ts) alone. Hovers in any language, and the send command's answers, use these.
 */

const ENDPOINT = '`POST /api/v2/token`';

/** The explanation of an identifier (`BAD_VALUE`, …), or undefined when it is not one of iDenfy's. */
export function explainIdentifier(identifier: string): string | undefined {
  if (!isErrorIdentifier(identifier)) return undefined;
  return identifierMarkdown(ERROR_CATALOGUE.get(identifier)!);
}

/**
 * The explanation of a message iDenfy answered with (or that code compares against), matched against the
 * catalogue's status messages; `status` is the HTTP status received, when known. Undefined for other messages.
 */
export function explainStatusMessage(status: number | undefined, message: string): string | undefined {
  const entry = findMessageEntry(message);
  return entry ? statusMessageMarkdown(entry, status) : undefined;
}

function identifierMarkdown(entry: ErrorEntry): string {
  return [
    `**\`${entry.identifier}\`** · iDenfy error identifier · usually HTTP ${entry.status}`,
    entry.meaning,
    `**Usual cause on ${ENDPOINT}:** ${entry.causes}`,
    `**What to do:** ${entry.action}`,
    `**Retry:** ${entry.retry ? 'yes, with exponential back-off and jitter, a bounded number of times.' : 'no: the same request fails the same way.'}`,
    link(entry.href),
  ].join('\n\n');
}

function statusMessageMarkdown(entry: StatusMessageEntry, received: number | undefined): string {
  const status = received ?? entry.status;
  return [
    `**"${entry.message}"** · HTTP ${status} · iDenfy message without an identifier`,
    `**Cause on ${ENDPOINT}:** ${entry.cause}`,
    `**What to do:** ${entry.action}`,
    `**Retry:** ${isRetryableStatus(status) ? 'yes, with exponential back-off and jitter, a bounded number of times.' : `no: ${status} is never retried.`}`,
    link(entry.href),
  ].join('\n\n');
}

function link(href: string): string {
  return `[iDenfy documentation](${href})`;
}

// ---- finding a token under the cursor --------------------------------------------------------------------------

export interface ErrorTokenMatch {
  /** Character range of the identifier or message within the line. */
  readonly start: number;
  readonly end: number;
  readonly markdown: string;
}

/** Letters, digits and `_` on either side make a longer word (`BAD_VALUES`, `MY_BAD_VALUE`), not an identifier. */
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}_])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}_])';

const IDENTIFIER_PATTERN = new RegExp(`${NOT_AFTER_WORD}(?:${[...ERROR_CATALOGUE.keys()].join('|')})${NOT_BEFORE_WORD}`, 'gu');

/**
 * Each status message as it may appear in source or prose: exact case (iDenfy's wording), the variable part
 * (`{ENV}`, `{type}`) as any non-space run, and the final full stop optional, since code often drops it.
 */
const MESSAGE_PATTERNS: ReadonlyArray<{ entry: StatusMessageEntry; pattern: RegExp }> = STATUS_MESSAGES.map((entry) => {
  const body = entry.message.replace(/\.$/, '');
  const source = escapeRegExp(body).replace(/\\\{(?:ENV|type)\\\}/g, '\\S+?');
  return { entry, pattern: new RegExp(`${NOT_AFTER_WORD}${source}(?:\\.)?${NOT_BEFORE_WORD}`, 'gu') };
});

/** Long lines (minified code) are searched only near the cursor: no identifier or message is longer than this. */
const SEARCH_MARGIN = Math.max(...STATUS_MESSAGES.map((m) => m.message.length), ...[...ERROR_CATALOGUE.keys()].map((k) => k.length)) + 40;

/**
 * The error identifier or status message under `character` (0-based, within `lineText`), with its markdown.
 * Whole words only and exact case: `bad_value`, `BAD_VALUES` and `MY_BAD_VALUE` are not identifiers.
 */
export function findErrorTokenAt(lineText: string, character: number): ErrorTokenMatch | undefined {
  if (!Number.isInteger(character) || character < 0 || character > lineText.length) return undefined;
  // A match that covers the cursor lies within SEARCH_MARGIN of it; one more character each side keeps the
  // whole-word checks right at the window's edges.
  const offset = Math.max(0, character - SEARCH_MARGIN - 1);
  const window = lineText.slice(offset, character + SEARCH_MARGIN + 1);
  const cursor = character - offset;

  const identifier = matchAround(IDENTIFIER_PATTERN, window, cursor);
  if (identifier) {
    return { start: offset + identifier.index, end: offset + identifier.index + identifier[0].length, markdown: explainIdentifier(identifier[0])! };
  }
  for (const { entry, pattern } of MESSAGE_PATTERNS) {
    const message = matchAround(pattern, window, cursor);
    if (message) return { start: offset + message.index, end: offset + message.index + message[0].length, markdown: statusMessageMarkdown(entry, undefined) };
  }
  return undefined;
}

/** The match of `pattern` that covers `cursor` (its end counts: a cursor just after a word is on it). */
function matchAround(pattern: RegExp, text: string, cursor: number): RegExpExecArray | undefined {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match && match.index <= cursor; match = pattern.exec(text)) {
    if (cursor <= match.index + match[0].length) return match;
  }
  return undefined;
}

/** The catalogue entry for a message: as iDenfy words it, else as code quotes it (no final full stop). */
function findMessageEntry(message: string): StatusMessageEntry | undefined {
  const exact = findStatusMessage(message);
  if (exact) return exact;
  const text = message.trim();
  return MESSAGE_PATTERNS.find(({ pattern }) => {
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    return match !== null && match.index === 0 && match[0].length === text.length;
  })?.entry;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
