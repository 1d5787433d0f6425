import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeCode, CodeAnalysisCache, DEFAULT_SETTINGS, ModuleGraph } from '../../../core';
import { benchSource } from '../../../tools/bench/code';
import { fixturePath } from '../../fixtureFiles';
import { prng } from '../fuzzHelpers';
import { comparable, sourceFiles, TOKEN_URL } from './helpers';

/**
 * Keeping what was found across a keystroke (core/code/discovery.ts): after a word edit the analysis may keep the
 * previous version's discovery instead of running it again. What matters: the result is always exactly what a fresh
 * analysis of the same text gives; the kept discovery is really used for edits in ordinary code (else the speed-up
 * is not there); and the edits that change what is found (a name, a member, a key, the URL, a keyword) never keep it.
 */

const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/** A keystroke inside a word: a letter typed next to a letter, or a letter deleted between two. */
function wordEdit(text: string, next: () => number): string | undefined {
  for (let attempt = 0; attempt < 50; attempt++) {
    const at = 1 + Math.floor(next() * (text.length - 2));
    if (next() < 0.6) {
      if (isLetter(text[at - 1]) || isLetter(text[at])) return text.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz'[Math.floor(next() * 26)] + text.slice(at);
    } else if (isLetter(text[at]) && isLetter(text[at - 1]) && isLetter(text[at + 1])) {
      return text.slice(0, at) + text.slice(at + 1);
    }
  }
  return undefined;
}

interface Run {
  edits: number;
  kept: number;
}

/** Word edits one after another on `original` (back to it every 10), each compared with a fresh analysis. */
function typeWords(original: string, fileName: string, seed: number, edits: number, modules?: () => ModuleGraph): Run {
  const next = prng(seed);
  const cache = new CodeAnalysisCache();
  const graph = modules?.();
  let text = original;
  analyzeCode({ text, fileName }, DEFAULT_SETTINGS, cache, graph);
  const run: Run = { edits: 0, kept: 0 };
  for (let edit = 0; edit < edits; edit++) {
    if (edit % 10 === 0) text = original;
    const edited = wordEdit(text, next);
    if (edited === undefined) continue;
    text = edited;
    const kept = analyzeCode({ text, fileName }, DEFAULT_SETTINGS, cache, graph);
    const fresh = analyzeCode({ text, fileName }, DEFAULT_SETTINGS, undefined, modules?.());
    assert.deepEqual(comparable(kept), comparable(fresh), `${fileName}, edit ${edit}`);
    run.edits++;
    if (cache.keptDiscovery(fileName)) run.kept++;
  }
  return run;
}

const diskModules = () =>
  new ModuleGraph({
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  });

describe('a kept discovery gives what a fresh analysis gives', () => {
  test('the fixtures: 120 word edits each', () => {
    const dir = fixturePath('code');
    let total: Run = { edits: 0, kept: 0 };
    for (const [i, file] of readdirSync(dir)
      .filter((f) => /\.[cm]?[jt]sx?$/.test(f))
      .entries()) {
      const run = typeWords(readFileSync(join(dir, file), 'utf8'), file, 500 + i, 120);
      total = { edits: total.edits + run.edits, kept: total.kept + run.kept };
    }
    assert.ok(total.kept > 0 && total.kept < total.edits, `kept ${total.kept} of ${total.edits}`);
  });

  test('the real corpus, with each folder readable as modules: 60 word edits per file', () => {
    const corpus = fixturePath('code-corpus');
    let total: Run = { edits: 0, kept: 0 };
    for (const [i, file] of sourceFiles(corpus).entries()) {
      const run = typeWords(readFileSync(file, 'utf8'), file, 900 + i, 60, diskModules);
      total = { edits: total.edits + run.edits, kept: total.kept + run.kept };
    }
    assert.ok(total.kept > 0, `kept ${total.kept} of ${total.edits}`);
  });

  test('a 2,000-line file: word edits in ordinary code keep the discovery', () => {
    const run = typeWords(benchSource(true, 2000), 'orders.ts', 42, 150);
    // About a quarter: a return to the original every ten edits, keywords (`string`, `readonly`), and the statements
    // around requests and wrapper calls all run the discovery again.
    assert.ok(run.kept >= run.edits / 5, `kept ${run.kept} of ${run.edits}`);
  });
});

describe('the edits that change what is found run the discovery again', () => {
  /** `before` → `after` (one word edit): the cached analysis equals a fresh one, differs from before's, and was rerun. */
  function rerun(before: string, after: string, fileName = 'kyc.ts') {
    const cache = new CodeAnalysisCache();
    const first = analyzeCode({ text: before, fileName }, DEFAULT_SETTINGS, cache);
    const second = analyzeCode({ text: after, fileName }, DEFAULT_SETTINGS, cache);
    assert.deepEqual(comparable(second), comparable(analyzeCode({ text: after, fileName }, DEFAULT_SETTINGS)));
    assert.notDeepEqual(
      second.payloads.map((p) => p.via),
      first.payloads.map((p) => p.via),
      'the edit changes what is found',
    );
    assert.equal(cache.keptDiscovery(fileName), false);
  }
  const send = `function send(body) {\n  return fetch('${TOKEN_URL}', { method: 'POST', body: JSON.stringify(body) });\n}\n`;

  test('a function renamed to the name a call uses', () => {
    rerun(`${send.replace('send(', 'sen(')}send({ clientId: 'c', locale: 'xx' });\n`, `${send}send({ clientId: 'c', locale: 'xx' });\n`);
  });

  test('a class method renamed to the name `this.x(…)` calls', () => {
    const code = (name: string) =>
      `class Kyc {\n  ${name}(body) {\n    return fetch('${TOKEN_URL}', { method: 'POST', body: JSON.stringify(body) });\n  }\n  start() {\n    return this.createToken({ clientId: 'c', locale: 'xx' });\n  }\n}\n`;
    rerun(code('createTokn'), code('createToken'));
  });

  test('a variable renamed to the name the body uses', () => {
    rerun(`${send}const payloa = { clientId: 'c', locale: 'xx' };\nsend(payload);\n`, `${send}const payload = { clientId: 'c', locale: 'xx' };\nsend(payload);\n`);
  });

  test('an options key renamed to `body`', () => {
    const code = (key: string) => `const init = { method: 'POST', ${key}: JSON.stringify({ clientId: 'c', locale: 'xx' }) };\nfetch('${TOKEN_URL}', init);\n`;
    rerun(code('bod'), code('body'));
  });

  test('the URL path typed to the end', () => {
    const code = (path: string) => `fetch('https://ivs.idenfy.com/api/v2/${path}', { method: 'POST', body: JSON.stringify({ clientId: 'c', locale: 'xx' }) });\n`;
    rerun(code('toke'), code('token'));
  });

  test('a keyword typed to the end', () => {
    const tail = ` payload = { clientId: 'c', locale: 'xx' };\nfetch('${TOKEN_URL}', { method: 'POST', body: JSON.stringify(payload) });\n`;
    rerun(`let x = 1;\ncons${tail}`, `let x = 1;\nconst${tail}`);
  });
});

test('a word edit in code the discovery never read keeps it', () => {
  const text = `${`function send(body) {\n  return fetch('${TOKEN_URL}', { method: 'POST', body: JSON.stringify(body) });\n}\n`}send({ clientId: 'c', locale: 'xx' });\nfunction total(lines) {\n  const sum = lines.length;\n  return sum;\n}\n`;
  const cache = new CodeAnalysisCache();
  analyzeCode({ text, fileName: 'kyc.ts' }, DEFAULT_SETTINGS, cache);
  const after = text.replace('const sum', 'const summ').replace('return sum', 'return sum');
  const kept = analyzeCode({ text: after, fileName: 'kyc.ts' }, DEFAULT_SETTINGS, cache);
  assert.equal(cache.keptDiscovery('kyc.ts'), true);
  assert.deepEqual(comparable(kept), comparable(analyzeCode({ text: after, fileName: 'kyc.ts' }, DEFAULT_SETTINGS)));
  assert.deepEqual(
    kept.findings.map((f) => f.code),
    ['unknown-locale'],
  );
});
