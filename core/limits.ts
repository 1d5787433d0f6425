/**
 * Bounds on what one document's analysis reports, shared by every adapter (server, CLI): a hostile payload
 * (130,000 unknown keys, a 1 MB string value) must give a readable, bounded answer, not 130,000 diagnostics or a
 * megabyte-long message.
 */
import { Finding } from './model';
import { DOCS } from './rules/links';
import { PROJECT_CODES } from './rules/codes';

/** Findings reported per document; past it, one information finding says how many more there are. */
export const MAX_FINDINGS = 1000;
/** The code of that information finding. */
export const TOO_MANY_FINDINGS = PROJECT_CODES.tooManyFindings;
/**
 * A quoted value in a message longer than this many characters is cut to its first QUOTED_PREFIX_LENGTH and an
 * ellipsis (the messages' own quotations, iDenfy's answers, are shorter).
 */
export const MAX_QUOTED_LENGTH = 100;
export const QUOTED_PREFIX_LENGTH = 40;
/** An unquoted word (a key name, a path) in a message longer than this is cut the same way. */
export const MAX_WORD_LENGTH = 120;
/** A whole message is cut past this many characters (an unterminated quote must not make it unbounded). */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * The first MAX_FINDINGS findings (in document order), then "and N more"; every message shortened; every span (and
 * related span) kept inside `textLength` (jsonc-parser's error recovery can give a node that ends past the text).
 * Returns the array given when nothing changes. Loops only: no spread of an unbounded array into a call.
 */
export function limitFindings(findings: Finding[], textLength: number): Finding[] {
  let kept = findings;
  if (findings.length > MAX_FINDINGS) {
    // Stable sort by position; ties keep the order the rules produced them in.
    const order = findings.map((f, i) => ({ f, i })).sort((a, b) => a.f.start - b.f.start || a.i - b.i);
    kept = [];
    for (let i = 0; i < MAX_FINDINGS; i++) kept.push(order[i].f);
    const more = findings.length - MAX_FINDINGS;
    const next = order[MAX_FINDINGS].f;
    kept.push({
      start: next.start,
      end: next.end,
      severity: 'information',
      code: TOO_MANY_FINDINGS,
      href: DOCS.tokenGeneration,
      message: `…and ${more} more finding${more === 1 ? '' : 's'} not listed (${findings.length} in all; only the first ${MAX_FINDINGS} are reported).`,
    });
  }
  const inside = (span: { start: number; end: number }) => span.start >= 0 && span.start <= span.end && span.end <= textLength;
  const clamp = <T extends { start: number; end: number }>(span: T): T => {
    if (inside(span)) return span;
    const start = Math.max(0, Math.min(span.start, textLength));
    return { ...span, start, end: Math.max(start, Math.min(span.end, textLength)) };
  };
  for (let i = 0; i < kept.length; i++) {
    const f = kept[i];
    const message = shortenMessage(f.message);
    const related = f.related?.some((r) => shortenMessage(r.message) !== r.message || !inside(r)) ? f.related.map((r) => clamp({ ...r, message: shortenMessage(r.message) })) : f.related;
    if (message !== f.message || related !== f.related || !inside(f)) {
      if (kept === findings) kept = findings.slice();
      kept[i] = clamp({ ...f, message, ...(related ? { related } : {}) });
    }
  }
  return kept;
}

const QUOTED = /"((?:[^"\\]|\\.)*)"/g;
const LONG_WORD = new RegExp(`[^\\s"]{${MAX_WORD_LENGTH + 1},}`, 'g');

/** Quoted values over MAX_QUOTED_LENGTH characters and words over MAX_WORD_LENGTH cut to a prefix and `…`. */
export function shortenMessage(message: string): string {
  if (message.length <= MAX_QUOTED_LENGTH) return message;
  // Most messages quote nothing long and have no long word: one scan, no regex, no copy. (Without a backslash the
  // quoted parts QUOTED finds are exactly the text between consecutive quotes.)
  if (message.length <= MAX_MESSAGE_LENGTH && !message.includes('\\') && !hasLongQuote(message) && !hasLongWord(message)) return message;
  let out = message.replace(QUOTED, (whole, inner: string) => (inner.length > MAX_QUOTED_LENGTH ? `"${prefix(inner, QUOTED_PREFIX_LENGTH)}…"` : whole));
  if (out.length > MAX_WORD_LENGTH && hasLongWord(out)) out = out.replace(LONG_WORD, (word) => `${prefix(word, MAX_WORD_LENGTH)}…`);
  if (out.length > MAX_MESSAGE_LENGTH) out = `${prefix(out, MAX_MESSAGE_LENGTH)}…`;
  return out;
}

/** Whether some `"…"` in the message may hold more than MAX_QUOTED_LENGTH characters (a cheap upper bound: the distance between quotes). */
function hasLongQuote(text: string): boolean {
  let open = -1;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) {
    if (open === -1) open = at;
    else {
      if (at - open - 1 > MAX_QUOTED_LENGTH) return true;
      open = -1;
    }
  }
  return open !== -1 && text.length - open - 1 > MAX_QUOTED_LENGTH;
}

/** One pass over the message: the LONG_WORD regex restarts at every position, which costs more than the rules on a small payload. */
function hasLongWord(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Exactly what `[^\s"]` excludes: JavaScript's white space and line terminators, and the quote.
    if (
      (c >= 0x09 && c <= 0x0d) ||
      c === 0x20 ||
      c === 0x22 ||
      c === 0xa0 ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0xfeff ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x3000 ||
      c === 0x1680 ||
      c === 0x202f ||
      c === 0x205f
    )
      run = 0;
    else if (++run > MAX_WORD_LENGTH) return true;
  }
  return false;
}

/** The first `length` UTF-16 code units, not splitting a surrogate pair (nor an escape such as `\"`). */
export function prefix(text: string, length: number): string {
  let end = length;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  let backslashes = 0;
  while (end - 1 - backslashes >= 0 && text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
  if (backslashes % 2 === 1) end--;
  return text.slice(0, end);
}
