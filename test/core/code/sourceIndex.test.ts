/**
 * SourceIndex's shortcuts (core/code/sourceIndex.ts) give what the long way gives: the word search, which after a
 * number of searches indexes every word of the text in one pass, and `declarationsOf`, which skips occurrences that
 * cannot declare a name.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as ts from 'typescript';
import { SourceIndex } from '../../../core/code/sourceIndex';
import { sourceFiles } from './helpers';

const TEXT = [
  "import { send as $send } from './send';",
  'const send = 1, send2 = 2, _send = 3, $send_ = 4, sendŽ = 5, Žsend = 6, ŻsendŻ = 7;',
  '// send in a comment, "send" in a string, `${send}` in a template, send.send(send)',
  'class K { #send() { return this.#send(); } send = () => send; }',
  'const 😀send = 0; const x = "😀send"; send\u200csend; send\u200dx; café; cafe\u0301;',
  '0send; send0; a.send; send?.(send);',
].join('\n');

const WORDS = ['send', 'send2', '_send', '$send', '$send_', 'sendŽ', 'Žsend', 'Ż', 'K', 'this', 'x', 'café', 'cafe', 'send0', 'a', 'import', 'from'];

function searchedOneByOne(word: string): readonly number[] {
  const index = new SourceIndex(ts, ts.createSourceFile('t.ts', TEXT, ts.ScriptTarget.Latest));
  return [...index.occurrences(word)];
}

test('words found by one search each and from the word index are the same', () => {
  const index = new SourceIndex(ts, ts.createSourceFile('t.ts', TEXT, ts.ScriptTarget.Latest));
  // Enough searches for the index to be built, then every word again from it.
  for (let i = 0; i < 40; i++) index.occurrences(`filler${i}`);
  for (const word of [...WORDS, '#send', 'send\u200csend']) {
    assert.deepEqual([...index.occurrences(word)], searchedOneByOne(word), word);
  }
  // Standing alone: not in send2, $send, sendŽ, Žsend, 0send, nor beside a zero-width joiner or non-joiner; after 😀, #, / or a dot it is.
  assert.equal(searchedOneByOne('send').length, 18);
  assert.deepEqual(searchedOneByOne('filler3'), []);
});

/** Every identifier-shaped word of a text, once. */
function wordsOf(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? [])];
}

const EDGES = [
  'namespace A.B.C { export const x = 1; } module M.N {} declare module Q.R { }',
  'function f() {} function* g() {} function *h() {} async function i() {} function /* why */ j() {} function k<T>() {}',
  'const fetch = (u) => u; fetch(1); fetch.call(null); x.fetch(2); x?.fetch; ...fetch; [...fetch]; function m(...rest) { rest.length; }',
  'class C { fetch() {} static s = 1; } enum E { A } import { a as b } from "m"; import * as ns from "n"; try {} catch (err) { err.message; }',
  'for (const z of zs) z.y(); let { p, q: { r } } = o; const [s1, , s2] = arr; type T = typeof T; interface I {}',
];

test('declarationsOf finds what name(…).declarations finds, for every word of the fixtures and of edge cases', () => {
  const root = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures');
  const texts = [...EDGES, ...sourceFiles(join(root, 'code')).map((f) => readFileSync(f, 'utf8')), ...sourceFiles(join(root, 'code-corpus')).map((f) => readFileSync(f, 'utf8'))];
  let compared = 0;
  for (const text of texts) {
    const sourceFile = ts.createSourceFile('t.tsx', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
    const quick = new SourceIndex(ts, sourceFile);
    const full = new SourceIndex(ts, sourceFile);
    for (const word of wordsOf(text)) {
      const shape = (list: readonly { node: ts.Node; kind: string; scope: ts.Node }[]) => list.map((d) => `${d.kind}@${d.node.pos}/${d.scope.pos}`);
      const declarations = quick.declarationsOf(word);
      assert.deepEqual(shape(declarations), shape(full.name(word).declarations), word);
      // Asked for in full afterwards, the same objects (resolution keys memos by them).
      assert.equal(quick.name(word).declarations, declarations);
      compared++;
    }
  }
  assert.ok(compared > 2000, `${compared} words`);
});
