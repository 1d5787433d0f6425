/**
 * SourceIndex's word search (core/code/sourceIndex.ts): after a number of searches it indexes every word of the
 * text in one pass, and from then on answers from the index. Both ways must find exactly the same places.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as ts from 'typescript';
import { SourceIndex } from '../../../core/code/sourceIndex';

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
