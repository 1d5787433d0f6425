import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeCode, CodeAnalysisCache, createLanguageService, DEFAULT_SETTINGS, normalizeSettings } from '../../../core';
import { benchSource } from '../../../tools/bench/code';
import { prng } from '../fuzzHelpers';
import { comparable, TOKEN_URL } from './helpers';
import { fixturePath } from '../../fixtureFiles';

/** The incremental path (cached SourceFile + ts.updateSourceFile) must give exactly what a fresh parse gives. */

const FIXTURES = fixturePath('code');

const SNIPPETS = [
  'a',
  'Z',
  '0',
  ' ',
  '\n',
  '\r\n',
  "'",
  '"',
  '`',
  '${',
  '}',
  '{',
  '(',
  ')',
  '[',
  ']',
  ',',
  ':',
  ';',
  '/*',
  '*/',
  '//',
  'ž',
  '🌍',
  '\\',
  "clientId: 'x', ",
  "sex: 'X', ",
  'sessionLength: 4000, ',
  '...rest, ',
  '// @idenfy-token\n',
  'idenfy',
  '/api/v2/token',
  'const ',
  ' = ',
  `fetch('${TOKEN_URL}', { body: JSON.stringify({ clientId: 1 }) });\n`,
  'payload.locale = 12;\n',
  'as const',
  ' satisfies IdenfyTokenRequest',
];

describe('incremental analysis equals a fresh parse', () => {
  const files = readdirSync(FIXTURES).filter((f) => /\.[cm]?[jt]sx?$/.test(f));
  for (const [index, file] of files.entries()) {
    test(`${file}: 250 random edits`, () => {
      const next = prng(1000 + index);
      const cache = new CodeAnalysisCache();
      const original = readFileSync(join(FIXTURES, file), 'utf8');
      let text = original;
      let nonEmpty = 0;
      for (let edit = 0; edit < 250; edit++) {
        // Back to the original now and then (a big change for the cache too), so edits keep hitting real payloads.
        if (edit % 25 === 0) text = original;
        const at = Math.floor(next() * (text.length + 1));
        const removed = next() < 0.5 ? Math.floor(next() * 12) : 0;
        const inserted = next() < 0.7 ? SNIPPETS[Math.floor(next() * SNIPPETS.length)] : '';
        text = text.slice(0, at) + inserted + text.slice(at + removed);
        const incremental = analyzeCode({ text, fileName: file }, DEFAULT_SETTINGS, cache);
        const fresh = analyzeCode({ text, fileName: file }, DEFAULT_SETTINGS);
        assert.deepEqual(comparable(incremental), comparable(fresh), `after edit ${edit}: ${JSON.stringify({ at, removed, inserted })}`);
        if (fresh.findings.length > 0) nonEmpty++;
      }
      if (file !== 'other-endpoints-and-hosts.ts') assert.ok(nonEmpty >= 20, `the edits kept payloads with findings around (${nonEmpty})`);
    });
  }

  test('a 1,500-line file: 60 random edits reuse most of the tree and still agree', () => {
    const next = prng(7);
    const cache = new CodeAnalysisCache();
    let text = benchSource(true, 1500);
    for (let edit = 0; edit < 60; edit++) {
      const at = Math.floor(next() * text.length);
      text = text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at + Math.floor(next() * 4));
      assert.deepEqual(comparable(analyzeCode({ text, fileName: 'big.ts' }, DEFAULT_SETTINGS, cache)), comparable(analyzeCode({ text, fileName: 'big.ts' }, DEFAULT_SETTINGS)), `after edit ${edit}`);
    }
  });

  test('typing a payload character by character, as an editor sends it', () => {
    const final = `const TOKEN_URL = '${TOKEN_URL}';\r\nexport const go = () => fetch(TOKEN_URL, {\r\n  method: 'POST',\r\n  body: JSON.stringify({ clientId: 'Ž-1', sex: 'X', sessionLength: 30 }),\r\n});\r\n`;
    const cache = new CodeAnalysisCache();
    for (let length = 0; length <= final.length; length++) {
      const text = final.slice(0, length);
      assert.deepEqual(
        comparable(analyzeCode({ text, fileName: 'typing.ts' }, DEFAULT_SETTINGS, cache)),
        comparable(analyzeCode({ text, fileName: 'typing.ts' }, DEFAULT_SETTINGS)),
        `at length ${length}`,
      );
    }
    assert.deepEqual(
      analyzeCode({ text: final, fileName: 'typing.ts' }, DEFAULT_SETTINGS, cache).findings.map((f) => f.code),
      ['BAD_VALUE', 'BAD_VALUE'],
    );
  });
});

describe('the cache', () => {
  const text = `fetch('${TOKEN_URL}', { method: 'POST', body: JSON.stringify({ clientId: 'c', sex: 'X' }) });`;

  test('the same text and settings give the remembered analysis; other settings a new one', () => {
    const cache = new CodeAnalysisCache();
    const first = analyzeCode({ text, fileName: 'a.ts' }, DEFAULT_SETTINGS, cache);
    assert.equal(analyzeCode({ text, fileName: 'a.ts' }, DEFAULT_SETTINGS, cache), first);
    const strict = normalizeSettings({ 'idenfy.account.allowedTokenTypes': ['DOCUMENT'] }).settings;
    const other = analyzeCode({ text, fileName: 'a.ts' }, strict, cache);
    assert.notEqual(other, first);
    assert.deepEqual(comparable(other), comparable(first));
  });

  test('it keeps at most maxFiles files, the most recently used', () => {
    const cache = new CodeAnalysisCache(2);
    for (const name of ['a.ts', 'b.ts', 'c.ts']) analyzeCode({ text, fileName: name }, DEFAULT_SETTINGS, cache);
    assert.equal(cache.size, 2);
    cache.forget('c.ts');
    assert.equal(cache.size, 1);
    cache.clear();
    assert.equal(cache.size, 0);
  });

  test('a file that stops naming the endpoint is dropped; a language change parses afresh', () => {
    const cache = new CodeAnalysisCache();
    analyzeCode({ text, fileName: 'untitled:1', languageId: 'typescript' }, DEFAULT_SETTINGS, cache);
    assert.equal(analyzeCode({ text: 'const x = 1;', fileName: 'untitled:1', languageId: 'typescript' }, DEFAULT_SETTINGS, cache).payloads.length, 0);
    assert.equal(cache.size, 0);
    const jsx = `${text}\nconst el = <div>{1}</div>;`;
    analyzeCode({ text: jsx, fileName: 'untitled:1', languageId: 'typescript' }, DEFAULT_SETTINGS, cache);
    const asReact = analyzeCode({ text: jsx, fileName: 'untitled:1', languageId: 'typescriptreact' }, DEFAULT_SETTINGS, cache);
    assert.deepEqual(comparable(asReact), comparable(analyzeCode({ text: jsx, fileName: 'untitled:1', languageId: 'typescriptreact' }, DEFAULT_SETTINGS)));
  });

  test('the token service keeps one cache for its documents', () => {
    const service = createLanguageService({ settings: {} });
    const document = { uri: 'file:///w/kyc.ts', languageId: 'typescript', text };
    const first = service.analyze(document);
    assert.deepEqual(
      first.findings.map((f) => f.code),
      ['BAD_VALUE'],
    );
    assert.equal(service.analyze(document), first);
    service.forget(document.uri);
    assert.notEqual(service.analyze(document), first);
  });
});
