/**
 * Sends POST /api/v2/token: HTTP Basic auth, the body exactly as given, bounded retries with exponential back-off and
 * jitter for 429/500/502/503/504/INTERNAL_ERROR (honouring Retry-After), a timeout per attempt and cancellation.
 * Node built-ins only. Expected failures come back as results; nothing here throws for them.
 * The messages of the results go through @vscode/l10n (no `vscode` import here: the module is unit-tested under node).
 */
import * as l10n from '@vscode/l10n';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  explainIdentifierText,
  explainStatus,
  explainStatusMessageText,
  fieldFromMessage,
  isLoopbackHost,
  isPlainObject,
  isRetryableStatus,
  tokenEndpointUrl,
  tryParseJson,
  validateBaseUrl,
  verificationLink,
} from '../../core';
import { basicAuthorization, checkCredentials } from './credentials';
import { maskSecrets, SecretToMask } from './mask';

export const DEFAULTS = {
  timeoutMs: 30_000,
  maxRetries: 3,
  initialRetryDelayMs: 1_000,
  /** No single computed back-off delay is longer. */
  maxRetryDelayMs: 30_000,
  /** A Retry-After longer than this is not waited for: the result says how long iDenfy asked to wait. */
  maxRetryAfterMs: 120_000,
  /** Answers are read up to this size; a token answer is a few kilobytes. */
  maxResponseBytes: 1024 * 1024,
} as const;

/** Statuses that are the caller's problem and are never retried, whatever the body says. */
const NEVER_RETRIED = new Set([400, 401, 402, 403]);

export interface SendTokenRequestOptions {
  /** `idenfy.baseUrl`; checked with `validateBaseUrl` (https only, except loopback). */
  readonly baseUrl: string | URL;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Sent as UTF-8, exactly as given. */
  readonly bodyText: string;
  /** Per attempt, from connecting to the last byte of the answer. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt (0–10). */
  readonly maxRetries?: number;
  /** Base of the back-off: retry n waits about initialRetryDelayMs × 2^(n-1), with jitter. */
  readonly initialRetryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  readonly maxRetryAfterMs?: number;
  readonly signal?: AbortSignal;
  readonly onAttempt?: (event: AttemptEvent) => void;
  /** Injectable only to observe the delays; the default waits on real timers. Must honour the signal. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** For the jitter; `Math.random` by default. */
  readonly random?: () => number;
  /** Clock for Retry-After given as an HTTP date; `Date.now` by default. */
  readonly now?: () => number;
  /** Host-name resolution (node's `lookup` option); lets tests produce DNS failures without leaving loopback. */
  readonly lookup?: LookupFunction;
  /** Opens the HTTP request; node's `http`/`https` by the URL's scheme by default. Injectable for other hosts and tests. */
  readonly transport?: Transport;
}

/** How a request is opened: the shape of node's `http.request(url, options)`. */
export type Transport = (url: URL, options: http.RequestOptions) => http.ClientRequest;

const nodeTransport: Transport = (url, options) => (url.protocol === 'https:' ? https : http).request(url, options);

export type AttemptEvent =
  | { readonly type: 'request'; readonly attempt: number; readonly maxAttempts: number }
  | { readonly type: 'wait'; readonly nextAttempt: number; readonly maxAttempts: number; readonly delayMs: number; readonly reason: string; readonly retryAfter?: string };

/** One attempt as it is shown in the output channel. Holds no credential; response bodies may hold the authToken. */
export interface AttemptRecord {
  readonly attempt: number;
  readonly startedAt: string;
  elapsedMs: number;
  status?: number;
  statusText?: string;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  /** The body was longer than the command reads. */
  responseTruncated?: boolean;
  error?: string;
  /** Set when a retry followed: how long it waited and why. */
  retryDelayMs?: number;
  retryReason?: string;
}

/** The whole exchange, for the output channel (render with `formatExchange`, which masks secrets). */
export interface Exchange {
  readonly method: 'POST';
  readonly url: string;
  /** The request headers as sent, with the Authorization value replaced by a placeholder. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody: string;
  readonly attempts: AttemptRecord[];
}

interface ResultBase {
  /** Requests made (0 when nothing was sent). */
  readonly attempts: number;
  readonly exchange: Exchange;
}

export interface SendSuccess extends ResultBase {
  readonly kind: 'success';
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly authToken: string;
  readonly scanRef?: string;
  readonly clientId?: string;
  readonly redirectUrl?: string;
  readonly digitString?: string;
  /** `redirectUrl` when it is a safe https link, else the documented redirect URL built from the authToken. */
  readonly verificationUrl: string;
}

interface Retried {
  /** Retryable, but no further attempt was made: retries used up, or Retry-After longer than `maxRetryAfterMs`. */
  readonly gaveUp?: 'retries-exhausted' | 'retry-after-too-long';
  /** What Retry-After asked for, in milliseconds. */
  readonly retryAfterMs?: number;
}

export interface SendApiError extends ResultBase, Retried {
  readonly kind: 'api-error';
  readonly status: number;
  readonly identifier: string;
  readonly message: string;
  /** The catalogue knows the identifier. */
  readonly known: boolean;
  /** The field the message names (`Field 'country' must be …` → country). */
  readonly field?: string;
  readonly explanation: string;
  readonly retryable: boolean;
}

export interface SendStatusError extends ResultBase, Retried {
  readonly kind: 'status-error';
  readonly status: number;
  /** The body's `message` (or `detail`), or a short plain-text body. */
  readonly message?: string;
  readonly explanation: string;
  readonly retryable: boolean;
  /** For redirects: where to. */
  readonly location?: string;
}

export interface SendInvalidResponse extends ResultBase, Retried {
  readonly kind: 'invalid-response';
  readonly status: number;
  readonly contentType?: string;
  readonly message: string;
  /** The start of the body as text (at most 200 characters). */
  readonly preview: string;
  readonly retryable: boolean;
}

export type NetworkFailure = 'connection-refused' | 'dns' | 'timeout' | 'reset' | 'tls' | 'unreachable' | 'other';

export interface SendNetworkError extends ResultBase {
  readonly kind: 'network-error';
  readonly reason: NetworkFailure;
  /** Node's error code (ECONNREFUSED, ENOTFOUND, ERR_SSL_…), when there is one. */
  readonly code?: string;
  readonly message: string;
}

export interface SendCancelled extends ResultBase {
  readonly kind: 'cancelled';
  readonly message: string;
}

/** Nothing was sent: the base URL, credentials or body cannot be used. */
export interface SendInvalidRequest extends ResultBase {
  readonly kind: 'invalid-request';
  /** What cannot be used: the base URL (idenfy.baseUrl) or the credentials. */
  readonly cause: 'base-url' | 'credentials';
  readonly message: string;
}

export type SendResult = SendSuccess | SendApiError | SendStatusError | SendInvalidResponse | SendNetworkError | SendCancelled | SendInvalidRequest;

export const USER_AGENT = 'idenfy-token-tools (VS Code extension)';
const AUTHORIZATION_PLACEHOLDER = 'Basic ••••••';

/**
 * Sends the request. Every text of the result that comes from the server (messages, previews, locations) has the
 * credentials masked in all their encodings (`maskSecrets`): a server echoing them in an error must not put them in a
 * notification. The exchange keeps the raw answers; `formatExchange` masks them (and the tokens) for the output.
 */
export async function sendTokenRequest(options: SendTokenRequestOptions): Promise<SendResult> {
  const result = await sendUnmasked(options);
  return maskResult(result, credentialSecrets(options.apiKey, options.apiSecret));
}

/** The credentials as `maskSecrets` takes them: the secret and the Basic value hidden, the key's first 4 kept. */
export function credentialSecrets(apiKey: string | undefined, apiSecret: string | undefined): SecretToMask[] {
  const secrets: SecretToMask[] = [];
  if (apiSecret) secrets.push({ value: apiSecret, keep: 0 });
  if (apiKey && apiSecret) {
    const basic = basicAuthorization(apiKey, apiSecret).slice('Basic '.length);
    secrets.push({ value: basic, keep: 0 });
    const trimmed = basicAuthorization(apiKey.trim(), apiSecret.trim()).slice('Basic '.length);
    if (trimmed !== basic) secrets.push({ value: trimmed, keep: 0 });
  }
  if (apiKey) secrets.push({ value: apiKey, keep: 4 });
  return secrets;
}

/** The result's texts with the secrets masked; the success's token fields (the user asked for them) as they are. */
function maskResult(result: SendResult, secrets: readonly SecretToMask[]): SendResult {
  if (secrets.length === 0) return result;
  const keep = new Set(['kind', 'authToken', 'digitString', 'redirectUrl', 'verificationUrl']);
  let changed = false;
  const copy: Record<string, unknown> = { ...result };
  for (const [key, value] of Object.entries(result)) {
    if (typeof value !== 'string' || keep.has(key)) continue;
    const masked = maskSecrets(value, secrets);
    if (masked !== value) {
      copy[key] = masked;
      changed = true;
    }
  }
  return changed ? (copy as unknown as SendResult) : result;
}

async function sendUnmasked(options: SendTokenRequestOptions): Promise<SendResult> {
  const maxRetries = clampInt(options.maxRetries, 0, 10, DEFAULTS.maxRetries);
  const maxAttempts = maxRetries + 1;
  const timeoutMs = clampInt(options.timeoutMs, 1, 10 * 60_000, DEFAULTS.timeoutMs);
  const initialDelay = clampInt(options.initialRetryDelayMs, 0, 10 * 60_000, DEFAULTS.initialRetryDelayMs);
  const maxDelay = clampInt(options.maxRetryDelayMs, 0, 60 * 60_000, DEFAULTS.maxRetryDelayMs);
  const maxRetryAfter = clampInt(options.maxRetryAfterMs, 0, 24 * 60 * 60_000, DEFAULTS.maxRetryAfterMs);
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const signal = options.signal;

  const base = options.baseUrl instanceof URL ? validateBaseUrl(options.baseUrl.href) : validateBaseUrl(options.baseUrl);
  const endpoint = base.ok ? tokenEndpointUrl(base.url) : undefined;
  const bodyText = typeof options.bodyText === 'string' ? options.bodyText : '';
  const body = Buffer.from(bodyText, 'utf8');
  const headers: Record<string, string> = {
    Authorization: base.ok ? basicAuthorization(options.apiKey ?? '', options.apiSecret ?? '') : '',
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Content-Length': String(body.length),
    'User-Agent': USER_AGENT,
  };
  const exchange: Exchange = {
    method: 'POST',
    url: endpoint?.href ?? String(options.baseUrl),
    requestHeaders: { ...headers, Authorization: AUTHORIZATION_PLACEHOLDER },
    requestBody: bodyText,
    attempts: [],
  };

  if (!base.ok) return { kind: 'invalid-request', cause: 'base-url', attempts: 0, exchange, message: base.message };
  const credentialErrors = checkCredentials(options.apiKey, options.apiSecret).filter((p) => p.severity === 'error');
  if (credentialErrors.length) {
    const problems = credentialErrors.map((p) => p.message).join(' ');
    return { kind: 'invalid-request', cause: 'credentials', attempts: 0, exchange, message: l10n.t('{0} Run "iDenfy: Set API Credentials".', problems) };
  }

  const cancelled = (): SendCancelled => ({ kind: 'cancelled', attempts: exchange.attempts.length, exchange, message: l10n.t('Cancelled: no further request was sent.') });

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (signal?.aborted) return cancelled();
    options.onAttempt?.({ type: 'request', attempt, maxAttempts });
    const record: AttemptRecord = { attempt, startedAt: new Date(now()).toISOString(), elapsedMs: 0 };
    exchange.attempts.push(record);
    const outcome = await performAttempt(endpoint!, headers, body, timeoutMs, signal, options.lookup, options.transport ?? nodeTransport);
    record.elapsedMs = outcome.elapsedMs;

    if (outcome.kind === 'error') {
      record.error = outcome.aborted ? 'cancelled' : `${outcome.error.code ?? 'ERROR'}: ${outcome.error.message}`;
      if (outcome.aborted) return cancelled();
      // Network failures are not retried: after a timeout or a reset the token may have been created, and a second
      // token for the same clientId can cost another credit.
      return { kind: 'network-error', attempts: attempt, exchange, ...describeNetworkError(outcome.error, endpoint!, timeoutMs, outcome.timedOut) };
    }

    record.status = outcome.status;
    record.statusText = outcome.statusText;
    record.responseHeaders = outcome.headers;
    record.responseBody = outcome.bodyText;
    if (outcome.truncated) record.responseTruncated = true;

    const result = classifyResponse(outcome, endpoint!, attempt, exchange);
    if (result.kind === 'success') return result;
    const retryable = result.retryable;
    if (!retryable) return result;

    const retryAfterHeader = outcome.headers['retry-after'];
    const retryAfterMs = retryAfterHeader !== undefined ? parseRetryAfter(retryAfterHeader, now()) : undefined;
    if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfter) return { ...result, gaveUp: 'retry-after-too-long', retryAfterMs };
    if (attempt >= maxAttempts) return { ...result, gaveUp: 'retries-exhausted', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };

    const delayMs = retryDelay(attempt, { initialDelayMs: initialDelay, maxDelayMs: maxDelay, random, retryAfterMs });
    const reason = result.kind === 'api-error' ? `${result.status} ${result.identifier}` : `${result.status}${outcome.statusText ? ` ${outcome.statusText}` : ''}`;
    record.retryDelayMs = delayMs;
    record.retryReason = reason;
    options.onAttempt?.({ type: 'wait', nextAttempt: attempt + 1, maxAttempts, delayMs, reason, ...(retryAfterHeader !== undefined ? { retryAfter: retryAfterHeader } : {}) });
    try {
      await abortable(sleep(delayMs, signal), signal);
    } catch {
      return cancelled();
    }
  }
  // Unreachable: the loop returns on its last attempt.
  return cancelled();
}

/**
 * The delay before retry number `retry` (1 = the first retry): initialDelayMs × 2^(retry-1), capped at maxDelayMs,
 * with "equal jitter" (a random point in the upper half, so retries of many clients spread out); never shorter than
 * Retry-After when one was given.
 */
export function retryDelay(retry: number, options: { initialDelayMs: number; maxDelayMs: number; random: () => number; retryAfterMs?: number }): number {
  const exponential = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.max(0, retry - 1));
  const r = Math.min(1, Math.max(0, options.random()));
  const jittered = Math.round(exponential / 2 + (exponential / 2) * r);
  return Math.max(jittered, options.retryAfterMs ?? 0);
}

/** Retry-After as seconds (`120`) or an HTTP date; milliseconds from `nowMs`, or undefined when unreadable. */
export function parseRetryAfter(value: string, nowMs: number): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

// ---- one attempt ---------------------------------------------------------------------------------------------

type AttemptOutcome =
  | { kind: 'response'; status: number; statusText: string; headers: Record<string, string>; body: Buffer; bodyText: string; truncated: boolean; elapsedMs: number }
  | { kind: 'error'; error: NodeJS.ErrnoException; timedOut: boolean; aborted: boolean; elapsedMs: number };

function performAttempt(
  url: URL,
  headers: Record<string, string>,
  body: Buffer,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  lookup: LookupFunction | undefined,
  transport: Transport,
): Promise<AttemptOutcome> {
  const started = Date.now();
  return new Promise<AttemptOutcome>((resolve) => {
    let settled = false;
    let timedOut = false;
    let aborted = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const fail = (error: NodeJS.ErrnoException) => finish({ kind: 'error', error, timedOut, aborted, elapsedMs: Date.now() - started });

    let request: http.ClientRequest;
    try {
      request = transport(url, { method: 'POST', headers, ...(lookup ? { lookup } : {}) });
    } catch (error) {
      fail(error as NodeJS.ErrnoException);
      return;
    }
    timer = setTimeout(() => {
      timedOut = true;
      request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    function onAbort() {
      aborted = true;
      request.destroy(Object.assign(new Error('cancelled'), { code: 'ABORT_ERR' }));
    }
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });

    request.on('error', fail);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const done = () => {
        const buffer = Buffer.concat(chunks);
        finish({
          kind: 'response',
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers: flattenHeaders(response.headers),
          body: buffer,
          bodyText: new TextDecoder('utf-8').decode(buffer),
          truncated,
          elapsedMs: Date.now() - started,
        });
      };
      response.on('data', (chunk: Buffer) => {
        if (truncated) return;
        if (size + chunk.length > DEFAULTS.maxResponseBytes) {
          chunks.push(chunk.subarray(0, DEFAULTS.maxResponseBytes - size));
          size = DEFAULTS.maxResponseBytes;
          truncated = true;
          done();
          response.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      response.on('end', done);
      response.on('error', (error: NodeJS.ErrnoException) => fail(error));
      response.on('aborted', () => fail(Object.assign(new Error('the connection closed before the whole answer arrived'), { code: 'ECONNRESET' })));
      response.on('close', () => {
        if (!response.complete && !truncated) fail(Object.assign(new Error('the connection closed before the whole answer arrived'), { code: 'ECONNRESET' }));
      });
    });
    request.end(body);
  });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

// ---- reading the answer --------------------------------------------------------------------------------------

type ResponseOutcome = Extract<AttemptOutcome, { kind: 'response' }>;

function classifyResponse(outcome: ResponseOutcome, endpoint: URL, attempt: number, exchange: Exchange): SendSuccess | SendApiError | SendStatusError | SendInvalidResponse {
  const { status } = outcome;
  const base = { attempts: attempt, exchange };
  const contentType = outcome.headers['content-type'];
  const parsed = outcome.truncated ? undefined : tryParseJson(outcome.bodyText);
  /** An answer that is not what iDenfy sends; by default the message says it is not the JSON expected. */
  const invalid = (retryable: boolean, message = notJsonMessage(status, contentType, outcome.bodyText)): SendInvalidResponse => ({
    kind: 'invalid-response',
    ...base,
    status,
    contentType,
    retryable,
    preview: preview(outcome.bodyText),
    message,
  });

  if (outcome.truncated) {
    return invalid(false, l10n.t('The answer (HTTP {0}) is larger than {1} MB, far more than a token answer; is idenfy.baseUrl the iDenfy API?', status, DEFAULTS.maxResponseBytes / 1024 / 1024));
  }

  if (status === 200 || status === 201) {
    const body = parsed?.ok && isPlainObject(parsed.value) ? parsed.value : undefined;
    if (!body) return invalid(false);
    const authToken = body.authToken;
    if (typeof authToken !== 'string' || authToken === '') return invalid(false, l10n.t('The answer is HTTP {0} but has no authToken; is idenfy.baseUrl the iDenfy API?', status));
    return {
      kind: 'success',
      ...base,
      status,
      body,
      authToken,
      ...stringField(body, 'scanRef'),
      ...stringField(body, 'clientId'),
      ...stringField(body, 'redirectUrl'),
      ...stringField(body, 'digitString'),
      verificationUrl: verificationLink(body.redirectUrl, authToken),
    };
  }

  const retryable = isRetryableStatus(status);
  if (parsed?.ok && isPlainObject(parsed.value)) {
    const body = parsed.value;
    const message = typeof body.message === 'string' ? body.message : typeof body.detail === 'string' ? body.detail : undefined;
    if (typeof body.identifier === 'string' && body.identifier !== '') {
      const identifier = body.identifier;
      const byIdentifier = explainIdentifierText(identifier);
      const byMessage = explainStatusMessageText(message);
      const explanation = [byMessage, byIdentifier].filter(Boolean).join(' ') || explainStatus(status, message, endpoint.href);
      return {
        kind: 'api-error',
        ...base,
        status,
        identifier,
        message: message ?? '',
        known: byIdentifier !== undefined,
        ...(fieldFromMessage(message) ? { field: fieldFromMessage(message) } : {}),
        explanation,
        retryable: retryable || (identifier === 'INTERNAL_ERROR' && !NEVER_RETRIED.has(status)),
      };
    }
    return { kind: 'status-error', ...base, status, ...(message !== undefined ? { message } : {}), explanation: explainStatus(status, message, endpoint.href), retryable, ...location(outcome) };
  }
  if (outcome.bodyText.trim() === '') {
    return { kind: 'status-error', ...base, status, explanation: explainStatus(status, undefined, endpoint.href), retryable, ...location(outcome) };
  }
  // A plain-text body that is one of the catalogue's messages ("Invalid authorization credentials").
  const text = outcome.bodyText.trim();
  if (text.length <= 300 && explainStatusMessageText(text)) {
    return { kind: 'status-error', ...base, status, message: text, explanation: explainStatus(status, text, endpoint.href), retryable };
  }
  return invalid(retryable);
}

function notJsonMessage(status: number, contentType: string | undefined, text: string): string {
  const html = /html/i.test(contentType ?? '') || /^\s*</.test(text);
  const what =
    text.trim() === ''
      ? l10n.t("The answer (HTTP {0}) is an empty body, not iDenfy's JSON.", status)
      : html
        ? l10n.t("The answer (HTTP {0}) is an HTML page, not iDenfy's JSON.", status)
        : contentType
          ? l10n.t("The answer (HTTP {0}) is a body that is not JSON ({1}), not iDenfy's JSON.", status, contentType)
          : l10n.t("The answer (HTTP {0}) is a body that is not JSON, not iDenfy's JSON.", status);
  const hint = html ? l10n.t('A proxy, a firewall page or an idenfy.baseUrl that is not the iDenfy API?') : l10n.t('Is idenfy.baseUrl the iDenfy API?');
  return `${what} ${hint}`;
}

function location(outcome: ResponseOutcome): { location?: string } {
  const value = outcome.headers.location;
  return outcome.status >= 300 && outcome.status < 400 && value ? { location: value } : {};
}

function stringField<K extends string>(body: Record<string, unknown>, key: K): Partial<Record<K, string>> {
  const value = body[key];
  return typeof value === 'string' ? ({ [key]: value } as Partial<Record<K, string>>) : {};
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

// ---- network failures ----------------------------------------------------------------------------------------

/** A clear message for a failure below HTTP. */
export function describeNetworkError(error: NodeJS.ErrnoException, endpoint: URL, timeoutMs: number, timedOut = false): { reason: NetworkFailure; code?: string; message: string } {
  const code = error.code;
  const where = endpoint.host;
  const loopback = isLoopbackHost(endpoint.hostname);
  const mayExist = l10n.t('The token may or may not have been created: check the iDenfy dashboard before sending again (each token can cost a credit).');
  if (timedOut) {
    return { reason: 'timeout', code: 'ETIMEDOUT', message: `${l10n.t('No answer from {0} within {1} s (idenfy.request.timeoutSeconds).', where, formatSeconds(timeoutMs))} ${mayExist}` };
  }
  switch (code) {
    case 'ECONNREFUSED': {
      const refused = l10n.t('Connection refused by {0}: nothing listens there.', where);
      const check = l10n.t('Check idenfy.baseUrl.');
      return { reason: 'connection-refused', code, message: loopback ? `${refused} ${l10n.t('Is the emulator running (npm run emulator)?')} ${check}` : `${refused} ${check}` };
    }
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
      return { reason: 'dns', code, message: l10n.t('The host name {0} could not be resolved ({1}). Check idenfy.baseUrl, your network connection and proxy settings.', endpoint.hostname, code) };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return { reason: 'reset', code, message: `${l10n.t('The connection to {0} was closed before the answer arrived ({1}).', where, code)} ${mayExist}` };
    case 'ETIMEDOUT':
      return { reason: 'timeout', code, message: l10n.t('Connecting to {0} timed out (ETIMEDOUT). Check your network connection and proxy settings.', where) };
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
      return { reason: 'unreachable', code, message: l10n.t('{0} cannot be reached ({1}): check your network connection.', where, code) };
  }
  if (isTlsError(error)) {
    return {
      reason: 'tls',
      ...(code ? { code } : {}),
      message: l10n.t(
        'The secure (TLS) connection to {0} failed: {1}. A proxy or antivirus that intercepts HTTPS, a wrong system clock, or an http:// server at an https:// URL?',
        where,
        error.message,
      ),
    };
  }
  return {
    reason: 'other',
    ...(code ? { code } : {}),
    message: code ? l10n.t('The request to {0} failed ({1}): {2}', where, code, error.message) : l10n.t('The request to {0} failed: {1}', where, error.message),
  };
}

function isTlsError(error: NodeJS.ErrnoException): boolean {
  const code = error.code ?? '';
  return /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|EPROTO$|ERR_OSSL_)/.test(code) || /\b(SSL|TLS|certificate)\b/i.test(error.message);
}

/** Seconds, with one decimal when not whole (the unit is in the message). */
function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}` : (ms / 1000).toFixed(1);
}

// ---- small helpers -------------------------------------------------------------------------------------------

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('cancelled'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Rejects as soon as the signal aborts, even when an injected sleep ignores it. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new Error('cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}
