import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeCode, DEFAULT_SETTINGS } from '../../../core';
import { analyze, at, lineColumn, located, TOKEN_URL } from './helpers';

/** Findings sit on the property in the code, whatever the line ends and characters before it. */

const source = (eol: string) =>
  [
    '// Žemaitė, 東京, emoji 👩‍💻 and a BOM-free file: every one of these shifts byte offsets, none may shift ours.',
    "const greeting = 'Labas 🌍';",
    `const TOKEN_URL = '${TOKEN_URL}';`,
    'export async function start(user: { id: string }) {',
    "  const title = '«Vérification» 🔐';",
    '  return fetch(TOKEN_URL, {',
    "    method: 'POST',",
    '    body: JSON.stringify({',
    '      clientId: user.id,',
    "      firstName: 'Šarūnas',",
    "      lastName: 'Ąžuolas9',",
    "      country: 'ŁT',",
    '    }),',
    '  });',
    '}',
  ].join(eol);

describe('positions', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    test(`${name} line ends and non-ASCII text`, () => {
      const text = source(eol);
      const findings = analyze(text).findings;
      assert.deepEqual(located(text, findings), [at(text, 'BAD_VALUE', "'Ąžuolas9'"), at(text, 'BAD_VALUE', "'ŁT'")]);
      // The same line and column as an editor shows, whatever the line ends.
      assert.deepEqual(
        findings.map((f) => lineColumn(text, f.start)),
        [
          { line: 11, column: 17 },
          { line: 12, column: 16 },
        ],
      );
      assert.deepEqual(
        findings.map((f) => lineColumn(text, f.end)),
        [
          { line: 11, column: 27 },
          { line: 12, column: 20 },
        ],
      );
    });
  }

  test('a byte-order mark at the start of the file', () => {
    const text = `\uFEFF${source('\n')}`;
    assert.deepEqual(located(text, analyze(text).findings), [at(text, 'BAD_VALUE', "'Ąžuolas9'"), at(text, 'BAD_VALUE', "'ŁT'")]);
  });
});

describe('file kinds', () => {
  const payload = `fetch('${TOKEN_URL}', { method: 'POST', body: JSON.stringify({ clientId: 'c', sex: 'X' }) })`;
  const kinds: Array<[fileName: string, code: string, languageId?: string]> = [
    ['a.ts', `const n = <number>value;\nexport const go = async <T,>(x: T): Promise<void> => { await ${payload}; };`],
    ['a.mts', `export const go = async (): Promise<void> => { await ${payload}; };`],
    ['a.cts', `const go = async (): Promise<void> => { await ${payload}; };\nexport = go;`],
    ['a.tsx', `export const Button = () => <button onClick={() => ${payload}}>Go</button>;`],
    ['a.js', `// JSX in a .js file, as React projects write it\nexport const Button = () => <button onClick={() => ${payload}}>Go</button>;`],
    ['a.jsx', `export function Button() { return <button onClick={() => ${payload}}>{'Go'}</button>; }`],
    ['a.mjs', `import x from 'y';\nexport default async () => { await ${payload}; };`],
    ['a.cjs', `const y = require('y');\nmodule.exports = async () => { await ${payload}; };`],
    ['untitled:Untitled-1', `const go = async (): Promise<void> => { await ${payload}; };`, 'typescript'],
    ['untitled:Untitled-2', `const Button = () => <b onClick={() => ${payload}} />;`, 'typescriptreact'],
    ['untitled:Untitled-3', `const Button = () => <b onClick={() => ${payload}} />;`, 'javascriptreact'],
    ['file:///w/src/a.tsx?version=2', `export const Button = () => <button onClick={() => ${payload}}>Go</button>;`],
  ];
  for (const [fileName, code, languageId] of kinds) {
    test(`${fileName}${languageId ? ` (${languageId})` : ''}`, () => {
      const result = analyzeCode({ text: code, fileName, languageId }, DEFAULT_SETTINGS);
      assert.deepEqual(located(code, result.findings), [at(code, 'BAD_VALUE', "'X'")]);
    });
  }

  test('a generic arrow in a .ts file and a type assertion are not read as JSX', () => {
    const code = `const f = <T>(x: T) => x;\nconst body = <Record<string, unknown>>{ clientId: 'c', sex: 'X' };\naxios.post('${TOKEN_URL}', body);`;
    assert.deepEqual(located(code, analyze(code, 'a.ts').findings), [at(code, 'BAD_VALUE', "'X'")]);
  });
});
