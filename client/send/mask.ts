/** Rendering the exchange for the output channel with every credential and token masked. */
import type { Exchange, SendResult } from './request';

export interface SecretToMask {
  readonly value: string;
  /** Characters shown before the ellipsis (0: none). Values shorter than 3× this are hidden entirely. */
  readonly keep?: number;
}

const HIDDEN = '••••••';

/** `abcdefghijklmnop` → `abcd…`; short values (or keep 0) → `••••••`. */
export function maskValue(value: string, keep = 4): string {
  return keep > 0 && value.length >= keep * 3 ? `${value.slice(0, keep)}…` : HIDDEN;
}

/**
 * Replaces every occurrence of each secret in `text` with its mask, in every encoding a server may write it in: as
 * is or trimmed, JSON- or JavaScript-escaped (`\"`, `\/`, `\n`, `\u00XX` for any character, as PHP's json_encode
 * and others write), PHP/shell-escaped (`\'`) and URL-encoded, each character independently. Plain strings are masked
 * as `maskValue(s)` (first 4 characters); `{ value, keep: 0 }` hides a value entirely. Empty values are ignored.
 */
export function maskSecrets(text: string, secrets: ReadonlyArray<string | SecretToMask | undefined | null>): string {
  const forms: Array<{ value: string; mask: string }> = [];
  for (const secret of secrets) {
    if (secret === undefined || secret === null) continue;
    const { value, keep = 4 } = typeof secret === 'string' ? { value: secret } : secret;
    if (typeof value !== 'string') continue;
    const mask = maskValue(value.trim(), keep);
    for (const variant of new Set([value, value.trim()])) if (variant !== '') forms.push({ value: variant, mask });
  }
  // Longest first, so a secret containing another is masked whole.
  forms.sort((a, b) => b.value.length - a.value.length);
  let out = text;
  for (const { value, mask } of forms) {
    if (!mayOccur(out, value)) continue;
    out = out.replace(secretPattern(value), () => mask);
  }
  return out;
}

/** A cheap test before the pattern: an encoded form needs a `\\`, a `%` or (for a space) a `+`. */
function mayOccur(text: string, value: string): boolean {
  return text.includes(value) || text.includes('\\') || text.includes('%') || (value.includes(' ') && text.includes('+'));
}

const patternCache = new Map<string, RegExp>();

/** Every character of `value` as itself or any of its escapes (see maskSecrets). */
function secretPattern(value: string): RegExp {
  let pattern = patternCache.get(value);
  if (!pattern) {
    let source = '';
    for (const ch of value) source += characterPattern(ch);
    pattern = new RegExp(source, 'g');
    if (patternCache.size > 64) patternCache.clear();
    patternCache.set(value, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

const SHORT_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', "'": "'", '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't' };

function characterPattern(ch: string): string {
  const alternatives = new Set<string>([escapeRegExp(ch)]);
  let unicode = '';
  for (let i = 0; i < ch.length; i++) unicode += '\\\\u' + hexPattern(ch.charCodeAt(i).toString(16).padStart(4, '0'));
  alternatives.add(unicode);
  if (ch in SHORT_ESCAPES) alternatives.add('\\\\' + escapeRegExp(SHORT_ESCAPES[ch]));
  let percent = '';
  for (const byte of Buffer.from(ch, 'utf8')) percent += '%' + hexPattern(byte.toString(16).padStart(2, '0'));
  alternatives.add(percent);
  if (ch === ' ') alternatives.add('\\+');
  return `(?:${[...alternatives].join('|')})`;
}

function hexPattern(hex: string): string {
  let out = '';
  for (const digit of hex) out += /[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit;
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export interface FormatOptions {
  readonly apiKey?: string;
  readonly apiSecret?: string;
  /** Longest body shown per message; the rest is summarized (default 64 KiB). */
  readonly maxBodyChars?: number;
}

/** The values an exchange's answers carry that must not be shown: authToken and digitString. */
export function tokensIn(exchange: Exchange): string[] {
  const found: string[] = [];
  for (const attempt of exchange.attempts) {
    if (!attempt.responseBody) continue;
    try {
      const body = JSON.parse(attempt.responseBody) as Record<string, unknown>;
      for (const key of ['authToken', 'digitString']) {
        const value = body?.[key];
        if (typeof value === 'string' && value !== '') found.push(value);
      }
    } catch {
      // not JSON: nothing to collect
    }
  }
  return found;
}

/**
 * The whole exchange as text for the output channel: the request (Authorization replaced), every attempt's answer,
 * waits between retries, and the outcome. The API key shows its first 4 characters, the secret nothing, and
 * authToken and digitString are masked wherever they appear (redirectUrl included).
 */
export function formatExchange(exchange: Exchange, options: FormatOptions = {}, result?: SendResult): string {
  const maxBody = options.maxBodyChars ?? 64 * 1024;
  const secrets: SecretToMask[] = [
    ...(options.apiSecret ? [{ value: options.apiSecret, keep: 0 }] : []),
    ...(options.apiKey && options.apiSecret ? [{ value: Buffer.from(`${options.apiKey}:${options.apiSecret}`, 'utf8').toString('base64'), keep: 0 }] : []),
    ...(options.apiKey ? [{ value: options.apiKey, keep: 4 }] : []),
    ...tokensIn(exchange).map((value) => ({ value, keep: 4 })),
  ];
  // Masked before it is cut: a secret across the cut must not show its first part.
  const masked = (text: string) => maskSecrets(text, secrets);
  const lines: string[] = [];
  lines.push(`${exchange.method} ${exchange.url}`);
  for (const [name, value] of Object.entries(exchange.requestHeaders)) {
    lines.push(`${name}: ${name.toLowerCase() === 'authorization' ? `Basic •••••• (API key ${options.apiKey ? maskValue(options.apiKey.trim()) : 'not shown'})` : value}`);
  }
  lines.push('', clip(masked(exchange.requestBody), maxBody), '');
  if (exchange.attempts.length === 0) lines.push('(not sent)');
  for (const attempt of exchange.attempts) {
    const head = `── attempt ${attempt.attempt} · ${attempt.startedAt} · ${attempt.elapsedMs} ms`;
    lines.push(head);
    if (attempt.error) {
      lines.push(`   failed: ${attempt.error}`);
    } else {
      lines.push(`HTTP ${attempt.status}${attempt.statusText ? ` ${attempt.statusText}` : ''}`);
      for (const [name, value] of Object.entries(attempt.responseHeaders ?? {})) lines.push(`${name}: ${value}`);
      lines.push('', clip(masked(prettyJson(attempt.responseBody ?? '')), maxBody));
      if (attempt.responseTruncated) lines.push('(answer cut off: larger than the command reads)');
    }
    if (attempt.retryDelayMs !== undefined) lines.push(`   retrying after ${attempt.retryDelayMs} ms (${attempt.retryReason ?? 'retryable answer'})`);
    lines.push('');
  }
  if (result) lines.push(`Result: ${summarize(result)}`);
  return maskSecrets(lines.join('\n'), secrets);
}

function summarize(result: SendResult): string {
  switch (result.kind) {
    case 'success':
      return `token created (HTTP ${result.status}) after ${result.attempts} attempt${result.attempts === 1 ? '' : 's'}`;
    case 'api-error':
      return `HTTP ${result.status} ${result.identifier}: ${result.message}${gaveUp(result)}`;
    case 'status-error':
      return `HTTP ${result.status}${result.message ? `: ${result.message}` : ''}${gaveUp(result)}`;
    case 'invalid-response':
      return `${result.message}${gaveUp(result)}`;
    default:
      return result.message;
  }
}

function gaveUp(result: { gaveUp?: string; attempts: number; retryAfterMs?: number }): string {
  if (result.gaveUp === 'retries-exhausted') return ` (still failing after ${result.attempts} attempts)`;
  if (result.gaveUp === 'retry-after-too-long') return ` (Retry-After asks for ${Math.ceil((result.retryAfterMs ?? 0) / 1000)} s; not retried automatically)`;
  return '';
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters not shown)` : text;
}
