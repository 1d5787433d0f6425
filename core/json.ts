import { ParseError, ParseErrorCode, parseTree } from 'jsonc-parser';
import { Finding, keyOf, PayloadNode } from './model';
import { baseName } from './paths';
import { IdenfySettings } from './settings';
import { FIELDS } from './spec/fields';
import { DOCS } from './spec/links';
import { PROJECT_CODES, validateBody } from './validate';

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
  /** Why the document counts as a payload, or `none` (then `findings` is empty). */
  readonly payload: 'file-pattern' | 'content' | 'none';
  readonly findings: Finding[];
  readonly root?: PayloadNode;
}

/** Files that are JSON configuration of well-known tools and never a token payload. */
const NEVER_PAYLOADS = /^(package(-lock)?\.json|composer\.json|[jt]sconfig(\..*)?\.json|\.eslintrc(\.json)?|launch\.json|tasks\.json|settings\.json|extensions\.json|manifest\.json|app\.json|angular\.json|vercel\.json|firebase\.json|renovate\.json|lerna\.json|nx\.json|turbo\.json)$/i;

/** Keys that name the user in a payload; a document without one is not worth parsing for content detection. */
const CLIENT_ID_KEYS = ['clientId', 'personScanRef'];

/** Past this size a document is not checked (a 20 MB payload still is). */
export const MAX_CHECKED_LENGTH = 64 * 1024 * 1024;
const MAX_SYNTAX_FINDINGS = 20;

const none: JsonAnalysis = { payload: 'none', findings: [] };

export function analyzeJson(document: JsonDocument, settings: IdenfySettings): JsonAnalysis {
  const { text, isPayloadFile } = document;
  if (!isPayloadFile) {
    if (document.path && NEVER_PAYLOADS.test(baseName(document.path))) return none;
    // Cheap text check before any parse: most JSON in a workspace never names a clientId.
    if (!CLIENT_ID_KEYS.some((key) => text.includes(key))) return none;
  }
  if (text.length > MAX_CHECKED_LENGTH) {
    return isPayloadFile ? { payload: 'file-pattern', findings: [tooLarge(text.length)] } : none;
  }

  const errors: ParseError[] = [];
  let root: PayloadNode | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: document.allowComments, disallowComments: !document.allowComments, allowEmptyContent: true });
  } catch (error) {
    // jsonc-parser recurses once per nesting level; thousands of levels exhaust the stack.
    if (error instanceof RangeError) return isPayloadFile || looksLikePayloadText(text) ? { payload: isPayloadFile ? 'file-pattern' : 'content', findings: [tooDeep(text)] } : none;
    throw error;
  }

  const payload = isPayloadFile ? 'file-pattern' : isPayloadContent(root) ? 'content' : 'none';
  if (payload === 'none') return none;

  const findings: Finding[] = errors.slice(0, MAX_SYNTAX_FINDINGS).map((e) => syntaxFinding(e, text));
  const empty = root === undefined && errors.length === 0;
  if (root || empty) {
    const bodyFindings = validateBody(root, settings, { start: 0, end: Math.min(text.length, 1) });
    // While the JSON is broken (half-typed), a "clientId is missing" may only be not typed yet: the syntax error says enough.
    findings.push(...(errors.length ? bodyFindings.filter((f) => !(f.code === 'MISSING_VALUE' && f.field === 'clientId')) : bodyFindings));
  }
  return { payload, findings, root };
}

/** A top-level object with a clientId and at least one key only the token endpoint uses. */
export function isPayloadContent(root: PayloadNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  let hasClientId = false;
  let hasDistinctive = false;
  for (const property of root.children ?? []) {
    const key = keyOf(property).value;
    if (typeof key !== 'string') continue;
    if (CLIENT_ID_KEYS.includes(key)) hasClientId = true;
    else if (FIELDS.get(key)?.distinctive) hasDistinctive = true;
  }
  return hasClientId && hasDistinctive;
}

function looksLikePayloadText(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  return CLIENT_ID_KEYS.some((key) => head.includes(`"${key}"`)) && [...FIELDS.values()].some((f) => f.distinctive && head.includes(`"${f.name}"`));
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

function syntaxFinding(error: ParseError, text: string): Finding {
  const what = SYNTAX_MESSAGES[error.error] ?? 'Invalid JSON';
  const start = Math.min(error.offset, text.length);
  return {
    start, end: Math.min(text.length, start + Math.max(error.length, 1)), severity: 'error', code: 'JSON_ERROR', href: DOCS.errors,
    message: `${what}: iDenfy answers 400 JSON_ERROR for a body that is not valid JSON.`,
  };
}

function tooDeep(text: string): Finding {
  return {
    start: 0, end: Math.min(1, text.length), severity: 'warning', code: PROJECT_CODES.tooDeep, href: DOCS.tokenGeneration,
    message: 'Not checked: this JSON nests too deeply to analyse (thousands of levels). No token payload field needs more than five.',
  };
}

function tooLarge(length: number): Finding {
  return {
    start: 0, end: 1, severity: 'warning', code: PROJECT_CODES.tooLarge, href: DOCS.tokenGeneration,
    message: `Not checked: the document is ${(length / 1024 / 1024).toFixed(0)} MB, over the ${MAX_CHECKED_LENGTH / 1024 / 1024} MB the checker reads.`,
  };
}
