/**
 * "Write iDenfy error handling": a token-request function in the document's language that does what the error
 * catalogue says, generated from it (so a new identifier reaches every language at once):
 * - success is 200 or 201 (the endpoint answers 201 Created);
 * - 401, 402 and 403 come without an identifier: their messages are explained, never retried;
 * - one branch per identifier, with the catalogue's advice as a comment;
 * - only TOO_MANY_REQUESTS (429) and INTERNAL_ERROR (500, and 502–504) are retried, with exponential back-off,
 *   jitter and `Retry-After`, a bounded number of times; validation and credential errors never are.
 */
import { ERROR_CATALOGUE, ErrorEntry, STATUS_MESSAGES } from '../rules/errors';

export type HandlerLanguage = 'typescript' | 'javascript' | 'python' | 'php';

export interface ErrorHandlingCode {
  /** What the inserted function is called, in the language's naming style. */
  readonly functionName: string;
  readonly text: string;
}

/** VS Code language ids → the generator's language; undefined where there is none. */
export function handlerLanguageOf(languageId: string): HandlerLanguage | undefined {
  switch (languageId) {
    case 'typescript':
    case 'typescriptreact':
      return 'typescript';
    case 'javascript':
    case 'javascriptreact':
      return 'javascript';
    case 'python':
      return 'python';
    case 'php':
      return 'php';
    default:
      return undefined;
  }
}

const entries = (): ErrorEntry[] => [...ERROR_CATALOGUE.values()];
const retried = (): ErrorEntry[] => entries().filter((e) => e.retry);
/** Backticks of the catalogue's markdown are noise in a code comment. */
const plain = (markdown: string) => markdown.replace(/`/g, '');

function statusAdvice(status: number): string {
  return STATUS_MESSAGES.filter((m) => m.status === status)
    .map((m) => `"${m.message}": ${plain(m.action)}`)
    .join(' ');
}

export function errorHandlingCode(language: HandlerLanguage): ErrorHandlingCode {
  switch (language) {
    case 'typescript':
      return { functionName: 'createIdenfyToken', text: typeScript(true) };
    case 'javascript':
      return { functionName: 'createIdenfyToken', text: typeScript(false) };
    case 'python':
      return { functionName: 'create_idenfy_token', text: python() };
    case 'php':
      return { functionName: 'createIdenfyToken', text: php() };
  }
}

function typeScript(typed: boolean): string {
  const t = (annotation: string) => (typed ? annotation : '');
  const identifiers = entries().map((e) => `'${e.identifier}'`);
  const lines: string[] = [];
  lines.push('// iDenfy error handling for POST /api/v2/token, written by iDenfy Token Request Tools from its error catalogue.');
  if (typed) {
    lines.push('', '/** Every identifier iDenfy answers POST /api/v2/token errors with. */');
    lines.push(`export type IdenfyErrorIdentifier =\n  | ${identifiers.join('\n  | ')};`);
  }
  lines.push(
    '',
    "/** A failed token request: `identifier` is iDenfy's (absent for 401, 402, 403), `advice` what to do about it. */",
    'export class IdenfyTokenError extends Error {',
    ...(typed ? ['  readonly status: number;', '  readonly identifier: IdenfyErrorIdentifier | undefined;', '  readonly advice: string;', ''] : []),
    `  constructor(status${t(': number')}, identifier${t(': IdenfyErrorIdentifier | undefined')}, message${t(': string')}, advice${t(': string')}) {`,
    "    super(`iDenfy answered ${status}${identifier ? ` ${identifier}` : ''}: ${message}`);",
    '    this.status = status;',
    '    this.identifier = identifier;',
    '    this.advice = advice;',
    '  }',
    '}',
    '',
    '/**',
    ' * Creates a verification token. Success is 200 or 201 (iDenfy answers 201 Created). Only TOO_MANY_REQUESTS and',
    ' * INTERNAL_ERROR are retried, with exponential back-off, jitter and Retry-After, at most `maxRetries` times;',
    ' * any other error throws an IdenfyTokenError at once (retrying a bad value or bad credentials cannot help).',
    ' */',
    `export async function createIdenfyToken(payload${t(': Record<string, unknown>')}, options${t(': { apiKey: string; apiSecret: string; baseUrl?: string; maxRetries?: number }')})${t(': Promise<Record<string, unknown>>')} {`,
    "  const url = `${(options.baseUrl ?? 'https://ivs.idenfy.com').replace(/\\/+$/, '')}/api/v2/token`;",
    "  const authorization = 'Basic ' + Buffer.from(`${options.apiKey}:${options.apiSecret}`).toString('base64');",
    '  const maxRetries = options.maxRetries ?? 3;',
    '  for (let attempt = 0; ; attempt++) {',
    "    const response = await fetch(url, { method: 'POST', headers: { Authorization: authorization, 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });",
    `    const body${t(': { identifier?: IdenfyErrorIdentifier; message?: string } & Record<string, unknown>')} = await response.json().catch(() => ({}));`,
    '    if (response.status === 200 || response.status === 201) return body;',
    "    const message = typeof body.message === 'string' ? body.message : response.statusText;",
    '    switch (response.status) {',
    `      case 401: // ${statusAdvice(401)}`,
    `      case 402: // ${statusAdvice(402)}`,
    `      case 403: // ${statusAdvice(403)}`,
    "        if (!body.identifier) throw new IdenfyTokenError(response.status, undefined, message, 'Check the API key and secret, the account\\'s credits and its environment; retrying will not help.');",
    '    }',
    '    switch (body.identifier) {',
  );
  for (const entry of entries()) {
    lines.push(`      case '${entry.identifier}': // ${plain(entry.meaning)} ${plain(entry.action)}`);
    if (entry.retry) {
      lines.push('        if (attempt < maxRetries) {', "          await sleep(retryDelayMs(attempt, response.headers.get('Retry-After')));", '          continue;', '        }');
    }
    lines.push(`        throw new IdenfyTokenError(response.status, '${entry.identifier}', message, ${JSON.stringify(plain(entry.action))});`);
  }
  lines.push(
    '      default:',
    '        // No identifier: a gateway or proxy error. 5xx may be retried; anything else is reported as it is.',
    '        if (response.status >= 500 && attempt < maxRetries) {',
    "          await sleep(retryDelayMs(attempt, response.headers.get('Retry-After')));",
    '          continue;',
    '        }',
    "        throw new IdenfyTokenError(response.status, undefined, message, 'Unexpected answer; see the message.');",
    '    }',
    '  }',
    '}',
    '',
    '/** 1 s, 2 s, 4 s… (capped at 30 s) with ±50 % jitter, or what Retry-After asks (seconds or an HTTP date; at most 120 s). */',
    `function retryDelayMs(attempt${t(': number')}, retryAfter${t(': string | null')})${t(': number')} {`,
    '  if (retryAfter) {',
    '    const seconds = /^\\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : (Date.parse(retryAfter) - Date.now()) / 1000;',
    '    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 120) * 1000;',
    '  }',
    '  const base = Math.min(1000 * 2 ** attempt, 30_000);',
    '  return base / 2 + Math.random() * base;',
    '}',
    '',
    `function sleep(ms${t(': number')})${t(': Promise<void>')} {`,
    '  return new Promise((resolve) => setTimeout(resolve, ms));',
    '}',
  );
  return lines.join('\n') + '\n';
}

function python(): string {
  const lines: string[] = [
    '# iDenfy error handling for POST /api/v2/token, written by iDenfy Token Request Tools from its error catalogue.',
    'import email.utils',
    'import random',
    'import time',
    '',
    'import requests',
    '',
    `IDENFY_ERROR_IDENTIFIERS = (${entries()
      .map((e) => `"${e.identifier}"`)
      .join(', ')})`,
    `IDENFY_RETRIED_IDENTIFIERS = (${retried()
      .map((e) => `"${e.identifier}"`)
      .join(', ')})`,
    '',
    '',
    'class IdenfyTokenError(Exception):',
    '    """A failed token request: identifier is iDenfy\'s (None for 401, 402, 403), advice what to do about it."""',
    '',
    '    def __init__(self, status, identifier, message, advice):',
    "        super().__init__(f\"iDenfy answered {status}{' ' + identifier if identifier else ''}: {message}\")",
    '        self.status = status',
    '        self.identifier = identifier',
    '        self.advice = advice',
    '',
    '',
    'def create_idenfy_token(payload, api_key, api_secret, base_url="https://ivs.idenfy.com", max_retries=3, timeout=30):',
    '    """Creates a verification token. Success is 200 or 201 (iDenfy answers 201 Created). Only TOO_MANY_REQUESTS and',
    '    INTERNAL_ERROR are retried, with exponential back-off, jitter and Retry-After, at most max_retries times; any',
    '    other error raises IdenfyTokenError at once (retrying a bad value or bad credentials cannot help)."""',
    '    url = base_url.rstrip("/") + "/api/v2/token"',
    '    attempt = 0',
    '    while True:',
    '        response = requests.post(url, json=payload, auth=(api_key, api_secret), timeout=timeout)',
    '        try:',
    '            body = response.json()',
    '        except ValueError:',
    '            body = {}',
    '        if not isinstance(body, dict):',
    '            body = {}',
    '        if response.status_code in (200, 201):',
    '            return body',
    '        identifier = body.get("identifier")',
    '        message = body.get("message") or response.reason',
    '        if response.status_code in (401, 402, 403) and not identifier:',
    `            # 401 ${statusAdvice(401)}`,
    `            # 402 ${statusAdvice(402)}`,
    `            # 403 ${statusAdvice(403)}`,
    '            raise IdenfyTokenError(response.status_code, None, message, "Check the API key and secret, the account\'s credits and its environment; retrying will not help.")',
  ];
  let first = true;
  for (const entry of entries()) {
    lines.push(`        ${first ? 'if' : 'elif'} identifier == "${entry.identifier}":  # ${plain(entry.meaning)} ${plain(entry.action)}`);
    first = false;
    if (entry.retry) {
      lines.push(
        '            if attempt < max_retries:',
        '                time.sleep(_retry_delay(attempt, response.headers.get("Retry-After")))',
        '                attempt += 1',
        '                continue',
      );
    }
    lines.push(`            raise IdenfyTokenError(response.status_code, "${entry.identifier}", message, ${JSON.stringify(plain(entry.action))})`);
  }
  lines.push(
    '        # No identifier: a gateway or proxy error. 5xx may be retried; anything else is reported as it is.',
    '        if response.status_code >= 500 and attempt < max_retries:',
    '            time.sleep(_retry_delay(attempt, response.headers.get("Retry-After")))',
    '            attempt += 1',
    '            continue',
    '        raise IdenfyTokenError(response.status_code, identifier, message, "Unexpected answer; see the message.")',
    '',
    '',
    'def _retry_delay(attempt, retry_after):',
    '    """1 s, 2 s, 4 s... (capped at 30 s) with +-50 % jitter, or what Retry-After asks (seconds or an HTTP date; at most 120 s)."""',
    '    if retry_after:',
    '        value = retry_after.strip()',
    '        if value.isdigit():',
    '            return min(int(value), 120)',
    '        try:',
    '            return max(0.0, min(email.utils.parsedate_to_datetime(value).timestamp() - time.time(), 120))',
    '        except (TypeError, ValueError):',
    '            pass',
    '    base = min(2 ** attempt, 30)',
    '    return base / 2 + random.random() * base',
  );
  return lines.join('\n') + '\n';
}

function php(): string {
  const lines: string[] = [
    '// iDenfy error handling for POST /api/v2/token, written by iDenfy Token Request Tools from its error catalogue.',
    '',
    "/** A failed token request: $identifier is iDenfy's (null for 401, 402, 403), $advice what to do about it. */",
    'class IdenfyTokenError extends \\RuntimeException',
    '{',
    '    public function __construct(public readonly int $status, public readonly ?string $identifier, string $message, public readonly string $advice)',
    '    {',
    '        parent::__construct("iDenfy answered {$status}" . ($identifier ? " {$identifier}" : \'\') . ": {$message}");',
    '    }',
    '}',
    '',
    '/**',
    ' * Creates a verification token. Success is 200 or 201 (iDenfy answers 201 Created). Only TOO_MANY_REQUESTS and',
    ' * INTERNAL_ERROR are retried, with exponential back-off, jitter and Retry-After, at most $maxRetries times;',
    ' * any other error throws IdenfyTokenError at once (retrying a bad value or bad credentials cannot help).',
    ' */',
    "function createIdenfyToken(array $payload, string $apiKey, string $apiSecret, string $baseUrl = 'https://ivs.idenfy.com', int $maxRetries = 3): array",
    '{',
    "    $url = rtrim($baseUrl, '/') . '/api/v2/token';",
    '    for ($attempt = 0; ; $attempt++) {',
    '        $retryAfter = null;',
    '        $curl = curl_init($url);',
    '        curl_setopt_array($curl, [',
    '            CURLOPT_POST => true,',
    '            CURLOPT_RETURNTRANSFER => true,',
    "            CURLOPT_USERPWD => $apiKey . ':' . $apiSecret,",
    "            CURLOPT_HTTPHEADER => ['Content-Type: application/json'],",
    '            CURLOPT_POSTFIELDS => json_encode($payload),',
    '            CURLOPT_HEADERFUNCTION => function ($curl, $header) use (&$retryAfter) {',
    "                if (stripos($header, 'Retry-After:') === 0) {",
    '                    $retryAfter = trim(substr($header, 12));',
    '                }',
    '                return strlen($header);',
    '            },',
    '        ]);',
    '        $raw = curl_exec($curl);',
    '        $status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);',
    '        curl_close($curl);',
    '        $body = is_string($raw) ? json_decode($raw, true) : null;',
    '        $body = is_array($body) ? $body : [];',
    '        if ($status === 200 || $status === 201) {',
    '            return $body;',
    '        }',
    "        $identifier = $body['identifier'] ?? null;",
    "        $message = $body['message'] ?? ('HTTP ' . $status);",
    '        if (in_array($status, [401, 402, 403], true) && $identifier === null) {',
    `            // 401 ${statusAdvice(401)}`,
    `            // 402 ${statusAdvice(402)}`,
    `            // 403 ${statusAdvice(403)}`,
    "            throw new IdenfyTokenError($status, null, $message, 'Check the API key and secret, the account\\'s credits and its environment; retrying will not help.');",
    '        }',
    '        switch ($identifier) {',
  ];
  for (const entry of entries()) {
    lines.push(`            case '${entry.identifier}': // ${plain(entry.meaning)} ${plain(entry.action)}`);
    if (entry.retry) {
      lines.push(
        '                if ($attempt < $maxRetries) {',
        '                    usleep(idenfyRetryDelayMs($attempt, $retryAfter) * 1000);',
        '                    continue 2;',
        '                }',
      );
    }
    lines.push(`                throw new IdenfyTokenError($status, '${entry.identifier}', $message, ${phpString(plain(entry.action))});`);
  }
  lines.push(
    '            default:',
    '                // No identifier: a gateway or proxy error. 5xx may be retried; anything else is reported as it is.',
    '                if ($status >= 500 && $attempt < $maxRetries) {',
    '                    usleep(idenfyRetryDelayMs($attempt, $retryAfter) * 1000);',
    '                    continue 2;',
    '                }',
    "                throw new IdenfyTokenError($status, $identifier, $message, 'Unexpected answer; see the message.');",
    '        }',
    '    }',
    '}',
    '',
    '/** 1 s, 2 s, 4 s... (capped at 30 s) with +-50 % jitter, or what Retry-After asks (seconds or an HTTP date; at most 120 s). */',
    'function idenfyRetryDelayMs(int $attempt, ?string $retryAfter): int',
    '{',
    "    if ($retryAfter !== null && $retryAfter !== '') {",
    '        $seconds = ctype_digit($retryAfter) ? (int) $retryAfter : (strtotime($retryAfter) ?: time()) - time();',
    '        return max(0, min($seconds, 120)) * 1000;',
    '    }',
    '    $base = min(1000 * 2 ** $attempt, 30000);',
    '    return (int) ($base / 2 + mt_rand() / mt_getrandmax() * $base);',
    '}',
  );
  return lines.join('\n') + '\n';
}

function phpString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
