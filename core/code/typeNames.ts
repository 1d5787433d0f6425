/**
 * `idenfy.typeNamePatterns`: type names that mark an object literal as a token request (`*` = any characters).
 *
 * Two guards keep the defaults from claiming objects that are not requests:
 * - a wildcard pattern does not match a name made of a response/other-endpoint word (`IdenfyTokenResponse`,
 *   `IdenfyStatusRequest`, `IdenfyWebhookPayload`…): `*Idenfy*Token*` is meant for the request, and those
 *   types describe something else. A pattern without wildcards is the user's exact word and always matches.
 * - a pattern that does not itself say "idenfy" (`TokenRequest`, a common OAuth name) only counts in a file that
 *   mentions iDenfy somewhere: the text pre-check (`mayHoldPayload` in index.ts) never lets another file through.
 */
export interface TypeNameMatcher {
  /** Whether a type name (`IdenfyTokenRequest`, `Api.IdenfyTokenRequest`) marks a token request. */
  matches(name: string): boolean;
  /**
   * Cheap text test: the file may hold a matching type name (every literal part of some pattern occurs in it).
   * False means no type name in the file can match, so no parse is needed for this route.
   */
  mayOccurIn(text: string): boolean;
  /** Words to search the text for: the longest literal part of each pattern. */
  readonly searchWords: readonly string[];
}

/** Name words that say the type is not the token request: answers, callbacks, other endpoints, set-up. */
const NOT_A_REQUEST_WORDS = new Set([
  'Response',
  'Responses',
  'Result',
  'Results',
  'Reply',
  'Webhook',
  'Callback',
  'Notification',
  'Event',
  'Error',
  'Status',
  'Delete',
  'Deletion',
  'Redirect',
  'Config',
  'Options',
  'Settings',
  'Client',
  'Service',
]);
/** Words that say "not the request" only when no request word is there (`IdenfyTokenData` vs `IdenfyTokenRequestData`). */
const WEAK_NOT_A_REQUEST_WORDS = new Set(['Data', 'Info', 'Details']);
const REQUEST_WORDS = new Set(['Request', 'Payload', 'Body', 'Params', 'Input']);

interface CompiledPattern {
  readonly regex: RegExp;
  readonly wildcard: boolean;
  readonly literalParts: readonly string[];
}

const cache = new WeakMap<readonly string[], TypeNameMatcher>();

export function typeNameMatcher(patterns: readonly string[]): TypeNameMatcher {
  let matcher = cache.get(patterns);
  if (!matcher) {
    matcher = compile(patterns);
    cache.set(patterns, matcher);
  }
  return matcher;
}

function compile(patterns: readonly string[]): TypeNameMatcher {
  const compiled: CompiledPattern[] = patterns
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern.replace(/\*/g, '') !== '') // a bare `*` would claim every typed object
    .map((pattern) => ({
      regex: new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`),
      wildcard: pattern.includes('*'),
      literalParts: pattern.split('*').filter(Boolean),
    }));
  return {
    matches(name) {
      const simpleName = name.slice(name.lastIndexOf('.') + 1);
      return compiled.some((pattern) => (pattern.regex.test(name) || pattern.regex.test(simpleName)) && (!pattern.wildcard || !saysNotARequest(simpleName)));
    },
    mayOccurIn(text) {
      return compiled.some((pattern) => pattern.literalParts.every((part) => text.includes(part)));
    },
    searchWords: [...new Set(compiled.map((pattern) => pattern.literalParts.reduce((a, b) => (b.length > a.length ? b : a))))],
  };
}

function saysNotARequest(name: string): boolean {
  const nameWords = words(name);
  if (nameWords.some((word) => NOT_A_REQUEST_WORDS.has(word))) return true;
  return nameWords.some((word) => WEAK_NOT_A_REQUEST_WORDS.has(word)) && !nameWords.some((word) => REQUEST_WORDS.has(word));
}

/** `IdenfyTokenResponseDTO` → Idenfy, Token, Response, DTO. */
function words(name: string): string[] {
  return name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
