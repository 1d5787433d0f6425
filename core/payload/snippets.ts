/**
 * "Copy as code": the token request of a payload as a cURL command or a snippet in TypeScript (fetch), JavaScript
 * (axios), Python (requests) or PHP (Guzzle). Credentials are always environment-variable references
 * (IDENFY_API_KEY / IDENFY_API_SECRET), never values: a snippet can be pasted into a chat or a commit safely.
 */
import { TOKEN_PATH } from './target';

export type SnippetFormat = 'curl' | 'typescript-fetch' | 'javascript-axios' | 'python-requests' | 'php-guzzle';

export const SNIPPET_FORMATS: ReadonlyArray<{ readonly format: SnippetFormat; readonly label: string; readonly language: string }> = [
  { format: 'curl', label: 'cURL', language: 'shellscript' },
  { format: 'typescript-fetch', label: 'TypeScript (fetch)', language: 'typescript' },
  { format: 'javascript-axios', label: 'JavaScript (axios)', language: 'javascript' },
  { format: 'python-requests', label: 'Python (requests)', language: 'python' },
  { format: 'php-guzzle', label: 'PHP (Guzzle)', language: 'php' },
];

export interface SnippetInput {
  /** The payload as a JSON value (computed values as `null` placeholders). */
  readonly value: unknown;
  /** Base URL without the endpoint path; default https://ivs.idenfy.com. */
  readonly baseUrl?: string;
  /** Paths of values computed at run time, named in a comment so the user fills them in. */
  readonly placeholders?: readonly string[];
}

export const API_KEY_VARIABLE = 'IDENFY_API_KEY';
export const API_SECRET_VARIABLE = 'IDENFY_API_SECRET';

/** The endpoint URL for a base URL (a trailing slash or an already present endpoint path is handled). */
export function snippetEndpoint(baseUrl = 'https://ivs.idenfy.com'): string {
  const base = baseUrl.trim().replace(/\/+$/, '');
  return base.toLowerCase().endsWith(TOKEN_PATH) ? base : base + TOKEN_PATH;
}

export function generateSnippet(format: SnippetFormat, input: SnippetInput): string {
  const url = snippetEndpoint(input.baseUrl);
  const note = input.placeholders?.length ? `computed at run time, fill in: ${input.placeholders.join(', ')}` : undefined;
  switch (format) {
    case 'curl':
      return curl(url, input.value, note);
    case 'typescript-fetch':
      return typescriptFetch(url, input.value, note);
    case 'javascript-axios':
      return javascriptAxios(url, input.value, note);
    case 'python-requests':
      return pythonRequests(url, input.value, note);
    case 'php-guzzle':
      return phpGuzzle(url, input.value, note);
  }
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function curl(url: string, value: unknown, note: string | undefined): string {
  return [
    ...(note ? [`# ${note}`] : []),
    `curl -sS -X POST ${shellQuote(url)} \\`,
    `  -u "$${API_KEY_VARIABLE}:$${API_SECRET_VARIABLE}" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data-raw ${shellQuote(JSON.stringify(value ?? {}, null, 2))}`,
    '',
  ].join('\n');
}

function jsLiteral(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 2);
}

function typescriptFetch(url: string, value: unknown, note: string | undefined): string {
  return [
    `// POST ${url}: credentials from the environment (${API_KEY_VARIABLE}, ${API_SECRET_VARIABLE}).`,
    ...(note ? [`// ${note}`] : []),
    `const payload = ${jsLiteral(value)};`,
    '',
    `const auth = Buffer.from(\`\${process.env.${API_KEY_VARIABLE}}:\${process.env.${API_SECRET_VARIABLE}}\`).toString('base64');`,
    `const response = await fetch(${JSON.stringify(url)}, {`,
    `  method: 'POST',`,
    `  headers: { Authorization: \`Basic \${auth}\`, 'Content-Type': 'application/json' },`,
    `  body: JSON.stringify(payload),`,
    `});`,
    `if (response.status !== 201) throw new Error(\`iDenfy answered \${response.status}: \${await response.text()}\`);`,
    `const { authToken } = (await response.json()) as { authToken: string; scanRef: string };`,
    `console.log(authToken);`,
    '',
  ].join('\n');
}

function javascriptAxios(url: string, value: unknown, note: string | undefined): string {
  return [
    `// POST ${url}: credentials from the environment (${API_KEY_VARIABLE}, ${API_SECRET_VARIABLE}).`,
    ...(note ? [`// ${note}`] : []),
    `const axios = require('axios');`,
    '',
    `const payload = ${jsLiteral(value)};`,
    '',
    `axios`,
    `  .post(${JSON.stringify(url)}, payload, {`,
    `    auth: { username: process.env.${API_KEY_VARIABLE}, password: process.env.${API_SECRET_VARIABLE} },`,
    `  })`,
    `  .then((response) => console.log(response.data.authToken))`,
    `  .catch((error) => console.error(error.response ? error.response.data : error.message));`,
    '',
  ].join('\n');
}

function pyLiteral(value: unknown, indent = ''): string {
  const inner = indent + '    ';
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + pyLiteral(v, inner)).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pyLiteral(v, inner)}`).join(',\n')},\n${indent}}`;
}

function pythonRequests(url: string, value: unknown, note: string | undefined): string {
  return [
    `# POST ${url}: credentials from the environment (${API_KEY_VARIABLE}, ${API_SECRET_VARIABLE}).`,
    ...(note ? [`# ${note}`] : []),
    'import os',
    '',
    'import requests',
    '',
    `payload = ${pyLiteral(value ?? {})}`,
    '',
    'response = requests.post(',
    `    ${JSON.stringify(url)},`,
    '    json=payload,',
    `    auth=(os.environ["${API_KEY_VARIABLE}"], os.environ["${API_SECRET_VARIABLE}"]),`,
    '    timeout=30,',
    ')',
    'if response.status_code != 201:',
    '    raise RuntimeError(f"iDenfy answered {response.status_code}: {response.text}")',
    'print(response.json()["authToken"])',
    '',
  ].join('\n');
}

function phpString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function phpLiteral(value: unknown, indent = ''): string {
  const inner = indent + '    ';
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'string') return phpString(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + phpLiteral(v, inner)).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return 'new \\stdClass()';
  return `[\n${entries.map(([k, v]) => `${inner}${phpString(k)} => ${phpLiteral(v, inner)}`).join(',\n')},\n${indent}]`;
}

function phpGuzzle(url: string, value: unknown, note: string | undefined): string {
  return [
    '<?php',
    `// POST ${url}: credentials from the environment (${API_KEY_VARIABLE}, ${API_SECRET_VARIABLE}).`,
    ...(note ? [`// ${note}`] : []),
    "require 'vendor/autoload.php';",
    '',
    `$payload = ${phpLiteral(value ?? {})};`,
    '',
    '$client = new \\GuzzleHttp\\Client();',
    `$response = $client->post(${phpString(url)}, [`,
    `    'auth' => [getenv('${API_KEY_VARIABLE}'), getenv('${API_SECRET_VARIABLE}')],`,
    "    'json' => $payload,",
    ']);',
    '$answer = json_decode((string) $response->getBody(), true);',
    "echo $answer['authToken'], PHP_EOL;",
    '',
  ].join('\n');
}
