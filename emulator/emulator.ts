/**
 * A local emulator of iDenfy's POST /api/v2/token, as the spec (docs/reference/token-endpoint.md) describes it. It checks
 * bodies through the same core as the editor (`analyzeJson` with the same settings), so what the extension reports
 * and what the emulator answers cannot drift apart. Loopback only; never crashes on bad input.
 */
import { randomBytes, randomInt, randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { analyzeJson, DOCUMENT_TYPES, ERROR_CATALOGUE, FIELDS, Finding, isLoopbackHost, MAX_NESTING_DEPTH, nestingExceeds, normalizeSettings, STATUS_MESSAGES, TOKEN_PATH } from '../core';

export type Environment = 'DEV' | 'TEST' | 'PROD' | 'DEMO';

export interface EmulatorCredential {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** The key decides the environment (spec, Transport). Default DEV. */
  readonly environment?: Environment;
  /** false: 403 "Partner inactive". Default true. */
  readonly active?: boolean;
}

/** A canned answer, served before normal handling (one per request, in order). */
export interface ScriptedResponse {
  readonly status: number;
  /** An object is sent as JSON; a string as is. Default: the catalogue's body for the status. */
  readonly body?: string | object;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering. */
  readonly delayMs?: number;
  /** Close the connection without an answer (a reset). */
  readonly destroy?: boolean;
}

export interface EmulatorOptions {
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. Anything else is refused. */
  readonly host?: string;
  /** 0 (default): any free port. */
  readonly port?: number;
  /** Accepted credentials; default `DEMO_CREDENTIALS`. */
  readonly credentials?: readonly EmulatorCredential[];
  /** Environments this endpoint serves; a key of another gets 403 "… not available for {ENV} partners.". Default all. */
  readonly environments?: readonly Environment[];
  /** Tokens the account can still buy; at 0 every request gets 402. Default unlimited. */
  readonly credits?: number;
  /** 429 TOO_MANY_REQUESTS once more than `limit` requests arrived within the window. */
  readonly rateLimit?: {
    readonly limit: number;
    /** Default 3600 (the spec's "per hour"). */
    readonly windowSeconds?: number;
    /** How Retry-After is written: seconds (default), an HTTP date, or not at all. */
    readonly retryAfter?: 'seconds' | 'http-date' | 'none';
  };
  /** The next N requests get 500 INTERNAL_ERROR. */
  readonly internalErrors?: number;
  /** Every answer waits this long (for timeout tests). */
  readonly delayMs?: number;
  /** Largest body read (default 10 MiB); larger gets 413. */
  readonly maxBodyBytes?: number;
  /** Bytes of request bodies `stats.received` keeps in all (default 16 MiB); the oldest go first, a bigger body is cut. */
  readonly maxReceivedBytes?: number;
  /** `idenfy.*` settings (account capabilities) for the rules, in any form `normalizeSettings` reads. */
  readonly settings?: unknown;
  /** One line per request (method, path, status); never credentials. */
  readonly log?: (line: string) => void;
}

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  /** The body, cut to the `maxReceivedBytes` budget when it was bigger (then `bodyTruncated`). */
  readonly body: Buffer;
  readonly bodyTruncated?: boolean;
  status?: number;
}

export interface EmulatorStats {
  /** Requests received (any method, any path). */
  requests: number;
  /** Answers by status. */
  readonly byStatus: Record<number, number>;
  tokensIssued: number;
  /** Credits left, when `credits` was set. */
  creditsLeft?: number;
  /** The last 100 requests, oldest first, their bodies within `maxReceivedBytes` in all. */
  readonly received: ReceivedRequest[];
}

export interface Emulator {
  /** `http://127.0.0.1:PORT`: the value for `idenfy.baseUrl`. */
  readonly url: string;
  readonly port: number;
  readonly stats: EmulatorStats;
  /** The next `count` requests get `status` (500 INTERNAL_ERROR by default; 429 with Retry-After when given). */
  failNext(count: number, failure?: { status?: number; retryAfter?: string; body?: string | object }): void;
  /** Canned answers for the next requests, in order. */
  script(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

export const DEMO_CREDENTIALS: readonly EmulatorCredential[] = [{ apiKey: 'emulator-api-key', apiSecret: 'emulator-api-secret', environment: 'DEV' }];

const MAX_RECEIVED = 100;
const MAX_RECEIVED_BYTES = 16 * 1024 * 1024;
/** Deeper bodies get 400: echoing them back (JSON.stringify recurses) would overflow the stack. */
const MAX_BODY_DEPTH = MAX_NESTING_DEPTH;
const MAX_ISSUED = 1000;
/** An emulator-chosen default: iDenfy's real one is per account. */
const DEFAULT_SESSION_LENGTH = 600;
/** An emulator-chosen set of an account's default document types. */
const DEFAULT_DOCUMENTS = DOCUMENT_TYPES.slice(0, 4);

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host)) {
    throw new Error(`The emulator listens on loopback addresses only (127.0.0.1, ::1, localhost); got "${host}".`);
  }
  const { settings } = normalizeSettings(options.settings);
  const credentials = options.credentials ?? DEMO_CREDENTIALS;
  const environments = new Set(options.environments ?? ['DEV', 'TEST', 'PROD', 'DEMO']);
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const maxReceivedBytes = options.maxReceivedBytes ?? MAX_RECEIVED_BYTES;
  let receivedBytes = 0;
  const log = options.log ?? (() => undefined);

  const stats: EmulatorStats = { requests: 0, byStatus: {}, tokensIssued: 0, received: [], ...(options.credits !== undefined ? { creditsLeft: options.credits } : {}) };
  const queue: ScriptedResponse[] = [];
  const issued = new Map<string, { clientId: unknown; scanRef: string }>();
  const timers = new Set<NodeJS.Timeout>();
  let windowStart = Date.now();
  let windowCount = 0;
  let origin = '';

  const failNext: Emulator['failNext'] = (count, failure = {}) => {
    const status = failure.status ?? 500;
    for (let i = 0; i < Math.min(count, 10_000); i++) {
      queue.push({ status, body: failure.body, headers: failure.retryAfter !== undefined ? { 'Retry-After': failure.retryAfter } : undefined });
    }
  };
  if (options.internalErrors) failNext(options.internalErrors);

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The emulator's own bug: answer like iDenfy's unexpected failure rather than crash.
      log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, identifierBody('INTERNAL_ERROR', 'Internal server error.'));
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    stats.requests++;
    res.on('error', () => undefined);
    const path = safePath(req.url);
    const { body, tooLarge } = await readBody(req, maxBody);
    const kept = body.length > maxReceivedBytes ? Buffer.from(body.subarray(0, maxReceivedBytes)) : body;
    const record: ReceivedRequest = { method: req.method ?? '', path, headers: req.headers, body: kept, ...(kept !== body ? { bodyTruncated: true } : {}) };
    stats.received.push(record);
    receivedBytes += kept.length;
    // Bounded by count and by bytes: the oldest go first.
    while (stats.received.length > MAX_RECEIVED || (receivedBytes > maxReceivedBytes && stats.received.length > 1)) {
      receivedBytes -= stats.received.shift()!.body.length;
    }

    const answer = await decide(req, path, body, tooLarge);
    record.status = answer.status;
    stats.byStatus[answer.status] = (stats.byStatus[answer.status] ?? 0) + 1;
    log(`${req.method} ${path} → ${answer.destroy ? 'connection reset' : answer.status}`);

    const delay = answer.delayMs ?? options.delayMs ?? 0;
    if (delay > 0) await wait(delay);
    if (res.destroyed || req.socket.destroyed) return;
    if (answer.destroy) {
      req.socket.destroy();
      return;
    }
    // After a body too large to read whole, the connection cannot be reused.
    const headers: Record<string, string> = { ...(answer.headers ?? {}), ...(tooLarge ? { Connection: 'close' } : {}) };
    if (typeof answer.body === 'string') {
      res.writeHead(answer.status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(answer.body);
    } else {
      sendJson(res, answer.status, answer.body ?? {}, headers);
    }
  }

  async function decide(req: http.IncomingMessage, path: string, body: Buffer, tooLarge: boolean): Promise<ScriptedResponse> {
    const scripted = queue.shift();
    if (scripted) return { ...scripted, body: scripted.body ?? defaultBody(scripted.status) };

    if (req.method === 'GET' && path === '/api/v2/redirect') return redirectPage(req);
    if (path.replace(/\/+$/, '') !== TOKEN_PATH) return { status: 404, body: { detail: 'Not found.' } };
    if (req.method !== 'POST') {
      return { status: 405, headers: { Allow: 'POST' }, body: identifierBody('METHOD_NOT_ALLOWED', `Method "${req.method}" not allowed.`) };
    }

    const credential = authenticate(req.headers.authorization);
    if (!credential) return { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="api"' }, body: { message: statusMessage(401, 'Invalid') } };
    if (credential.active === false) return { status: 403, body: { message: statusMessage(403, 'Partner') } };
    const environment = credential.environment ?? 'DEV';
    if (!environments.has(environment)) return { status: 403, body: { message: statusMessage(403, 'This endpoint', { ENV: environment }) } };
    if (stats.creditsLeft !== undefined && stats.creditsLeft <= 0) return { status: 402, body: { message: statusMessage(402, 'Action') } };

    const limited = rateLimit();
    if (limited) return limited;

    if (tooLarge) return { status: 413, body: { message: `Request body is larger than ${maxBody} bytes.` } };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return { status: 400, body: identifierBody('ENCODING_ERROR', 'The request body is not valid UTF-8.') };
    }

    const rejection = validate(text);
    if (rejection) return rejection;
    // Checked without recursion before any token is created: a body the answer cannot echo is refused.
    if (nestingExceeds(text, MAX_BODY_DEPTH, false)) {
      return { status: 400, body: identifierBody('JSON_ERROR', `JSON parse error: the body nests deeper than ${MAX_BODY_DEPTH} levels.`) };
    }
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return { status: 400, body: identifierBody('JSON_ERROR', 'JSON parse error.') };
    }
    return created(value);
  }

  function authenticate(header: string | undefined): EmulatorCredential | undefined {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
    if (!match) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const key = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    return credentials.find((c) => sameText(c.apiKey, key) && sameText(c.apiSecret, secret));
  }

  function rateLimit(): ScriptedResponse | undefined {
    const limit = options.rateLimit;
    if (!limit) return undefined;
    const windowMs = (limit.windowSeconds ?? 3600) * 1000;
    const now = Date.now();
    if (now - windowStart >= windowMs) {
      windowStart = now;
      windowCount = 0;
    }
    windowCount++;
    if (windowCount <= limit.limit) return undefined;
    const resetAt = windowStart + windowMs;
    const headers: Record<string, string> = {};
    if (limit.retryAfter === 'http-date') headers['Retry-After'] = new Date(resetAt).toUTCString();
    else if (limit.retryAfter !== 'none') headers['Retry-After'] = String(Math.max(1, Math.ceil((resetAt - now) / 1000)));
    return { status: 429, headers, body: defaultBody(429) };
  }

  /** The body checks of the extension itself; the first error becomes iDenfy's answer. */
  function validate(text: string): ScriptedResponse | undefined {
    if (text.trim() === '') return { status: 400, body: identifierBody('JSON_ERROR', statusMessage(400, 'An error')) };
    const analysis = analyzeJson({ text, allowComments: false, isPayloadFile: true }, settings);
    const root = analysis.root;
    if (root?.type === 'null') return { status: 400, body: identifierBody('MISSING_VALUE', statusMessage(400, 'Some')) };
    if (root && root.type !== 'object' && !analysis.findings.some((f) => f.code === 'JSON_ERROR')) {
      const type = /got (\w+)\./.exec(analysis.findings[0]?.message ?? '')?.[1] ?? 'list';
      return { status: 400, body: identifierBody('BAD_VALUE', statusMessage(400, 'Invalid data', { type })) };
    }
    const error = analysis.findings.find((f) => f.severity === 'error');
    if (!error) return undefined;
    if (error.code === 'JSON_ERROR') return { status: 400, body: identifierBody('JSON_ERROR', `JSON parse error: ${error.message.replace(/:.*$/, '')} at offset ${error.start}.`) };
    return { status: 400, body: identifierBody(error.code, apiMessage(error)) };
  }

  function created(request: Record<string, unknown>): ScriptedResponse {
    const authToken = randomToken(40);
    const scanRef = randomUUID();
    const clientId = request.clientId ?? request.personScanRef;
    issued.set(authToken, { clientId, scanRef });
    if (issued.size > MAX_ISSUED) issued.delete(issued.keys().next().value as string);
    stats.tokensIssued++;
    if (stats.creditsLeft !== undefined) stats.creditsLeft--;

    const echo: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(request)) if (FIELDS.has(key)) echo[key] = value;
    const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : (v ?? null));
    const generateDigitString = request.generateDigitString === true;
    const body = {
      ...echo,
      message: 'Token created successfully',
      authToken,
      scanRef,
      clientId,
      firstName: upper(request.firstName),
      lastName: upper(request.lastName),
      tokenType: request.tokenType ?? FIELDS.get('tokenType')?.default ?? 'IDENTIFICATION',
      locale: request.locale ?? 'en',
      country: request.country ?? null,
      documents: request.documents ?? null,
      generateDigitString,
      digitString: generateDigitString ? String(randomInt(0, 100_000_000)).padStart(8, '0') : null,
      expiryTime: request.expiryTime ?? settings.account.digitStringMaxExpiry,
      sessionLength: request.sessionLength ?? DEFAULT_SESSION_LENGTH,
      redirectUrl: `${origin}/api/v2/redirect?authToken=${authToken}`,
      allowedDocuments: allowedDocuments(request.country, request.documents),
    };
    return { status: 201, body };
  }

  function redirectPage(req: http.IncomingMessage): ScriptedResponse {
    const token = new URL(req.url ?? '/', 'http://emulator').searchParams.get('authToken') ?? '';
    const session = issued.get(token);
    const text = session
      ? `iDenfy emulator: this is where the verification session for clientId ${JSON.stringify(session.clientId)} (scanRef ${session.scanRef}) would start. Nothing is verified here.`
      : 'iDenfy emulator: unknown or expired authToken.';
    return { status: session ? 200 : 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host.replace(/^\[|\]$/g, ''), () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log(`server error: ${error.message}`));
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    url: origin,
    port: address.port,
    stats,
    failNext,
    script: (...responses) => {
      for (const response of responses) queue.push(response);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---- helpers -------------------------------------------------------------------------------------------------

/** The catalogue's message text (`STATUS_MESSAGES`), found by status and start, with `{ENV}`/`{type}` filled in. */
function statusMessage(status: number, startsWith: string, values: Record<string, string> = {}): string {
  const entry = STATUS_MESSAGES.find((e) => e.status === status && e.message.startsWith(startsWith));
  if (!entry) throw new Error(`no catalogue message for ${status} "${startsWith}"`);
  return entry.message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function identifierBody(identifier: string, message: string): { identifier: string; message: string } {
  return { identifier, message };
}

/** The body iDenfy sends with a status when nothing more specific applies. */
function defaultBody(status: number): object | string {
  if (status === 429) return identifierBody('TOO_MANY_REQUESTS', 'Request was throttled.');
  if (status === 500) return identifierBody('INTERNAL_ERROR', 'Internal server error.');
  if (status === 502 || status === 503 || status === 504) return `<html><body><h1>${status}</h1>Gateway error</body></html>`;
  const byMessage = STATUS_MESSAGES.find((e) => e.status === status && !e.message.includes('{'));
  if (byMessage) return { message: byMessage.message };
  const entry = [...ERROR_CATALOGUE.values()].find((e) => e.status === status);
  return entry ? identifierBody(entry.identifier, entry.meaning) : { detail: http.STATUS_CODES[status] ?? 'Error' };
}

/**
 * A finding's message in iDenfy's style: "Field 'country' must be …" when the finding names a field
 * ("country must be …" → "Field 'country' must be …").
 */
export function apiMessage(finding: Pick<Finding, 'message' | 'field'>): string {
  const { message, field } = finding;
  if (!field) return message;
  const subject = /^[^\s:;,]+/.exec(message)?.[0] ?? '';
  const top = field.split(/[.[]/)[0];
  const rest = message.slice(subject.length);
  if ((subject === field || subject === top) && /^\s+(must|is|are|should|has|contains|cannot)\b/.test(rest)) return `Field '${field}'${rest}`;
  return `Field '${field}': ${message}`;
}

function allowedDocuments(country: unknown, documents: unknown): Record<string, string[]> {
  const types = Array.isArray(documents) && documents.length && documents.every((d) => typeof d === 'string') ? (documents as string[]) : DEFAULT_DOCUMENTS;
  const countries = typeof country === 'string' ? [country] : Array.isArray(country) ? country.filter((c): c is string => typeof c === 'string') : [];
  if (countries.length === 0) return { ALL: [...types] };
  return Object.fromEntries(countries.map((c) => [c.toUpperCase(), [...types]]));
}

function sendJson(res: http.ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Reads at most `max` bytes; past that keeps draining (bounded) so the client can read the 413. */
function readBody(req: http.IncomingMessage, max: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let drained = 0;
    let tooLarge = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve({ body: Buffer.concat(chunks), tooLarge });
    };
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) {
        drained += chunk.length;
        if (drained > 4 * max) {
          req.pause();
          finish();
        }
        return;
      }
      if (size + chunk.length > max) {
        tooLarge = true;
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', finish);
    req.on('error', finish);
    req.on('close', finish);
  });
}

function safePath(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://emulator').pathname;
  } catch {
    return '/';
  }
}

function sameText(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}

function randomToken(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}
