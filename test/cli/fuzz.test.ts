/**
 * Property test of the command line (issue 13): seeded mutations of the fixtures and random bytes, written as files
 * and checked in one run. Every file gets a result, a skip note or nothing; never an internal error or a stack trace,
 * and every reported span is inside its file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CODE_FIXTURES, JSON_FIXTURES, mutate, prng, randomText } from '../core/fuzzHelpers';
import { assertNoStackTrace, removeTree, runCli, write } from './helpers';

const SEED = Number(process.env.IDENFY_FUZZ_SEED ?? 4);

describe('idenfy-token-lint: fuzzed files', () => {
  let dir: string;
  const texts = new Map<string, string>();
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-cli-fuzz-'));
    const random = prng(SEED);
    for (let i = 0; i < 60; i++) {
      const code = i % 3 === 2;
      const bases = code ? CODE_FIXTURES.map((f) => f.text) : JSON_FIXTURES;
      let text = i % 10 === 9 ? randomText(random) : bases[Math.floor(random() * bases.length)];
      for (let r = 0; r < 1 + Math.floor(random() * 3); r++) text = mutate(text, random);
      const name = `f${i}${code ? '.ts' : i % 2 ? '.idenfy.jsonc' : '.idenfy.json'}`;
      write(dir, name, text);
      texts.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
    }
  });
  after(() => removeTree(dir));

  it(`no internal error, sane spans (seed ${SEED})`, () => {
    const run = runCli(['--format', 'json', '.'], dir);
    assertNoStackTrace(run.stderr);
    assert.doesNotMatch(run.stderr, /internal error/, `replay with IDENFY_FUZZ_SEED=${SEED}`);
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.failures, []);
    for (const file of report.files) {
      const text = texts.get(file.path)!.replace(/^\uFEFF/, '');
      for (const f of file.findings) {
        assert.ok(f.offset >= 0 && f.length >= 0 && f.offset + f.length <= text.length, `${file.path}: ${f.code} ${f.offset}+${f.length} inside ${text.length}`);
        assert.ok(f.line >= 1 && f.column >= 1 && (f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column)), `${file.path}: ordered positions`);
      }
    }
  });
});
