import { ParseError, ParseErrorCode, parseTree } from 'jsonc-parser';
import { FAILED, parseJsonFast } from './fastJson';
import { detectPayload, looksLikePayloadText, mayBePayloadText, PayloadReason } from './detect';
import { limitFindings } from './limits';
import { Finding, PayloadNode } from './model';
import { IdenfySettings } from './settings';
import { DOCS } from './rules/links';
import { PROJECT_CODES } from './rules/codes';
import { validateBody } from './validate';

export interface JsonDocument {
  readonly text: string;
  /** `jsonc` allows comments and trailing commas (the send command strips them); `json` is sent as it is. */
  readonly allowComments: boolean;
  /** The document matches `idenfy.payloadFiles`: it is a payload whatever it holds. */
  readonly isPayloadFile: boolean;
  /** Path or URI, for the never-a-payload list (package.json, tsconfig.json, …). */
  readonly path?: string;
}

export interface JsonAnalysis {
  /** Why the document counts as a payload (core/detect.ts), or `none` (then `findings` is empty). */
  readonly payload: PayloadReason | 'none';
  readonly findings: Finding[];
  readonly root?: PayloadNode;
}

export { isPayloadContent } from './detect';

/**
 * Deeper than this the document is reported as too deeply nested instead of parsed. A token payload needs about
 * seven levels (additionalSteps.<country>.<document>.<step>.texts.<locale>); jsonc-parser recurses once per level,
 * and where it runs out of stack depends on the engine, so the limit is checked without recursion: the fast parser
 * counts the depth, and a broken document is scanned (`nestingExceeds`) before jsonc-parser sees it.
 */
export const MAX_NESTING_DEPTH = 1000;

/**
 * From this size on, objects and arrays nested three levels deep (`additionalSteps.<country>`,
 * `additionalData.<step>`) are checked without being built, and built when first read (core/fastJson.ts): the rules
 * read every additional step but only the type of an `additionalData` block, whose fields are most of a large payload.
 */
const LAZY_FROM_LENGTH = 256 * 1024;
const LAZY_FROM_LEVEL = 3;

/** Past this size a document is not checked (a 20 MB payload still is). */
export const MAX_CHECKED_LENGTH = 64 * 1024 * 1024;
const MAX_SYNTAX_FINDINGS = 20;

const none: JsonAnalysis = { payload: 'none', findings: [] };

export function analyzeJson(document: JsonDocument, settings: IdenfySettings): JsonAnalysis {
  const { isPayloadFile } = document;
  // A byte order mark is not content (editors and the CLI drop it): read it as a space, so every offset stays right.
  const text = document.text.charCodeAt(0) === 0xfeff ? ' ' + document.text.slice(1) : document.text;
  // Cheap text check before any parse: most JSON in a workspace never names a clientId.
  if (!mayBePayloadText(text, document)) return none;
  if (text.length > MAX_CHECKED_LENGTH) {
    return isPayloadFile ? { payload: 'file-pattern', findings: [tooLarge(text.length)] } : none;
  }

  const errors: ParseError[] = [];
  let root: PayloadNode | undefined;
  const fast = parseJsonFast(text, document.allowComments, text.length >= LAZY_FROM_LENGTH ? LAZY_FROM_LEVEL : Infinity);
  const tooDeepResult = (): JsonAnalysis => {
    const payload = isPayloadFile ? 'file-pattern' : looksLikePayloadText(text, document.path);
    return payload ? { payload, findings: [tooDeep(text)] } : none;
  };
  if (fast !== FAILED) {
    // Well-formed (the usual case): one fast pass, no error recovery needed.
    if (fast.maxDepth > MAX_NESTING_DEPTH) return tooDeepResult();
    root = fast.root;
  } else if (text.length > 2 * MAX_NESTING_DEPTH && nestingExceeds(text, MAX_NESTING_DEPTH, document.allowComments)) {
    return tooDeepResult();
  } else
    try {
      root = parseTree(text, errors, { allowTrailingComma: document.allowComments, disallowComments: !document.allowComments, allowEmptyContent: true });
    } catch (error) {
      // jsonc-parser recurses once per nesting level; thousands of levels exhaust the stack.
      if (error instanceof RangeError) return tooDeepResult();
      throw error;
    }

  const payload = detectPayload(root, document);
  if (payload === 'none') return none;

  const findings: Finding[] = syntaxFindings(errors, text);
  const empty = root === undefined && errors.length === 0;
  if (root || empty) {
    const bodyFindings = validateBody(root, settings, { start: 0, end: Math.min(text.length, 1) });
    // While the JSON is broken (half-typed), a "clientId is missing" may only be not typed yet: the syntax error says enough.
    // A loop, not push(...): a payload can produce more findings than a call takes arguments.
    for (const f of bodyFindings) if (!(errors.length && f.code === 'MISSING_VALUE' && f.field === 'clientId')) findings.push(f);
  }
  return { payload, findings: limitFindings(findings, text.length), root };
}

const SYNTAX_MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Invalid symbol',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number format',
  [ParseErrorCode.PropertyNameExpected]: 'Property name expected',
  [ParseErrorCode.ValueExpected]: 'Value expected',
  [ParseErrorCode.ColonExpected]: 'Colon expected',
  [ParseErrorCode.CommaExpected]: 'Comma expected',
  [ParseErrorCode.CloseBraceExpected]: 'Closing brace expected',
  [ParseErrorCode.CloseBracketExpected]: 'Closing bracket expected',
  [ParseErrorCode.EndOfFileExpected]: 'End of file expected',
  [ParseErrorCode.InvalidCommentToken]: 'Comments are not allowed in a JSON body (name the file .idenfy.jsonc to keep comments; the send command strips them)',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unexpected end of number',
  [ParseErrorCode.InvalidUnicode]: 'Invalid Unicode escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in string',
};

/** One finding per offset (a trailing comma makes jsonc-parser report two errors at the same place), at most 20. */
function syntaxFindings(errors: readonly ParseError[], text: string): Finding[] {
  const findings: Finding[] = [];
  let lastOffset = -1;
  for (const error of errors) {
    if (error.offset === lastOffset) continue;
    lastOffset = error.offset;
    findings.push(syntaxFinding(error, text));
    if (findings.length === MAX_SYNTAX_FINDINGS) break;
  }
  return findings;
}

/**
 * `,` then only whitespace (or comments) before the `}` or `]` at `offset`. It only chooses the message's wording, so
 * a heuristic for comments is enough: a `//` earlier on the same line starts one (a URL in a string may fool it).
 */
function isTrailingComma(text: string, offset: number): boolean {
  if (text[offset] !== '}' && text[offset] !== ']') return false;
  let i = offset - 1;
  for (let guard = 0; guard < 100; guard++) {
    while (i >= 0 && /\s/.test(text[i])) i--;
    if (i < 0) return false;
    if (text[i] === ',') return true;
    if (text[i] === '/' && text[i - 1] === '*') {
      const open = text.lastIndexOf('/*', i - 2);
      if (open < 0) return false;
      i = open - 1;
      continue;
    }
    const lineStart = text.lastIndexOf('\n', i) + 1;
    const comment = text.indexOf('//', lineStart);
    if (comment < 0 || comment > i) return false;
    i = comment - 1;
  }
  return false;
}

function syntaxFinding(error: ParseError, text: string): Finding {
  const trailingComma = (error.error === ParseErrorCode.PropertyNameExpected || error.error === ParseErrorCode.ValueExpected) && isTrailingComma(text, error.offset);
  const what = trailingComma
    ? 'Trailing comma: JSON allows none before a closing bracket or brace (name the file .idenfy.jsonc to keep it; the send command strips it)'
    : (SYNTAX_MESSAGES[error.error] ?? 'Invalid JSON');
  const start = Math.min(error.offset, text.length);
  return {
    start,
    end: Math.min(text.length, start + Math.max(error.length, 1)),
    severity: 'error',
    code: 'JSON_ERROR',
    href: DOCS.errors,
    message: `${what}: iDenfy answers 400 JSON_ERROR for a body that is not valid JSON.`,
  };
}

/**
 * Whether brackets nest deeper than `limit`, skipping strings (and comments when allowed). One linear pass that
 * jumps over string contents with indexOf, a small fraction of parsing.
 */
export function nestingExceeds(text: string, limit: number, allowComments: boolean): boolean {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (depth > 0) depth--;
    } else if (c === 0x22 /* " */) {
      let j = i + 1;
      for (;;) {
        j = text.indexOf('"', j);
        if (j < 0) return false; // unterminated string: nothing after it is structure
        let backslashes = 0;
        while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
        j++;
      }
      i = j;
    } else if (c === 0x2f /* / */ && allowComments) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) {
        const end = text.indexOf('\n', i + 2);
        if (end < 0) return false;
        i = end;
      } else if (next === 0x2a) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) return false;
        i = end + 1;
      }
    }
  }
  return false;
}

function tooDeep(text: string): Finding {
  return {
    start: 0,
    end: Math.min(1, text.length),
    severity: 'warning',
    code: PROJECT_CODES.tooDeep,
    href: DOCS.tokenGeneration,
    message: `Not checked: this JSON nests too deeply to analyse (over ${MAX_NESTING_DEPTH} levels); a token payload needs at most seven.`,
  };
}

function tooLarge(length: number): Finding {
  return {
    start: 0,
    end: 1,
    severity: 'warning',
    code: PROJECT_CODES.tooLarge,
    href: DOCS.tokenGeneration,
    message: `Not checked: the document is ${(length / 1024 / 1024).toFixed(0)} MB, over the ${MAX_CHECKED_LENGTH / 1024 / 1024} MB the checker reads.`,
  };
}
