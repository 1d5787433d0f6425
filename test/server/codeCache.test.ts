/**
 * The server's start-up through V8's code cache (server/codeCache.ts, server/boot.ts): a later process uses what an
 * earlier one kept, a changed or damaged cache is never run, and a cache that cannot be kept changes nothing else.
 * Each start is a separate Node process, as each start of the server is.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { CODE_CACHE_DIR_VARIABLE } from '../../protocol';
import { LspTestClient } from './lspClient';

const LOADER = path.resolve(__dirname, '../../server/codeCache.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'idenfy-code-cache-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Start {
  readonly outcomes: string[];
  readonly answer: number;
  readonly sibling: string;
}

/** A bundle that requires a sibling bundle and a Node module, as dist/server-main.js requires typescript.js and fs. */
function writeBundles(folder: string): string {
  writeFileSync(path.join(folder, 'sibling.js'), "exports.name = 'sibling ' + require('node:path').basename(__filename);\n");
  return writeMain(folder, 2);
}

function writeMain(folder: string, factor: number): string {
  writeFileSync(path.join(folder, 'main.js'), `const sibling = require('./sibling.js');\nexports.answer = (x) => x * ${factor};\nexports.sibling = sibling.name;\n`);
  return path.join(folder, 'main.js');
}

/** Loads `main` in a new process, which then exits as the server does (the cache is written at exit). */
function start(main: string, cacheDir: string | undefined): Start {
  const script = `
    const { CodeCache } = require(${JSON.stringify(LOADER)});
    const cache = new CodeCache(${JSON.stringify(cacheDir)});
    const bundle = cache.load(${JSON.stringify(main)});
    console.log(JSON.stringify({ outcomes: [...cache.outcomes.values()], answer: bundle.answer(21), sibling: bundle.sibling }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as Start;
}

const cacheFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.v8cache'))
    .sort();

describe('code cache', () => {
  test('the first start keeps the compiled code of the bundle and of the sibling it requires; the next start uses both', () => {
    const folder = mkdtempSync(path.join(scratch, 'bundles-'));
    const cacheDir = path.join(scratch, 'kept');
    const main = writeBundles(folder);
    assert.deepEqual(start(main, cacheDir), { outcomes: ['absent', 'absent'], answer: 42, sibling: 'sibling sibling.js' });
    assert.deepEqual(
      cacheFiles(cacheDir).map((name) => name.replace(/\.[0-9a-f]{16}\./, '.<key>.')),
      ['main.js.<key>.v8cache', 'sibling.js.<key>.v8cache'],
    );
    assert.deepEqual(start(main, cacheDir), { outcomes: ['used', 'used'], answer: 42, sibling: 'sibling sibling.js' });
  });

  test('a rebuilt bundle of the same size never meets the old cache, which is then removed', () => {
    const folder = mkdtempSync(path.join(scratch, 'bundles-'));
    const cacheDir = path.join(scratch, 'rebuilt');
    const main = writeBundles(folder);
    start(main, cacheDir);
    const before = cacheFiles(cacheDir);
    writeMain(folder, 3); // same length, other code
    utimesSync(main, new Date(), new Date(Date.now() + 5000));
    assert.deepEqual(start(main, cacheDir), { outcomes: ['absent', 'used'], answer: 63, sibling: 'sibling sibling.js' });
    const afterRebuild = cacheFiles(cacheDir);
    assert.equal(afterRebuild.length, 2, 'one cache per bundle');
    assert.notDeepEqual(afterRebuild, before);
    assert.deepEqual(start(main, cacheDir).outcomes, ['used', 'used']);
  });

  test('the first start that requires the sibling keeps the main bundle again, with what that start ran', () => {
    const folder = mkdtempSync(path.join(scratch, 'bundles-'));
    const cacheDir = path.join(scratch, 'refreshed');
    writeBundles(folder);
    // As the server requires TypeScript: only when a code document comes.
    const main = path.join(folder, 'lazy.js');
    writeFileSync(main, "exports.answer = (x) => x * 2;\nexports.later = () => require('./sibling.js').name;\n");
    const run = (requireSibling: boolean) => {
      const script = `
        const { CodeCache } = require(${JSON.stringify(LOADER)});
        const cache = new CodeCache(${JSON.stringify(cacheDir)});
        const bundle = cache.load(${JSON.stringify(main)});
        const sibling = ${requireSibling} ? bundle.later() : undefined;
        console.log(JSON.stringify({ outcomes: [...cache.outcomes.values()], sibling }));`;
      return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { outcomes: string[]; sibling?: string };
    };
    const mainCache = () =>
      readFileSync(
        path.join(
          cacheDir,
          cacheFiles(cacheDir).find((name) => name.startsWith('lazy.js.'))!,
        ),
      );
    assert.deepEqual(run(false), { outcomes: ['absent'] });
    const before = mainCache();
    assert.deepEqual(run(true), { outcomes: ['used', 'absent'], sibling: 'sibling sibling.js' });
    assert.notDeepEqual(mainCache(), before, 'rewritten with the function that required the sibling compiled');
    assert.deepEqual(run(true).outcomes, ['used', 'used']);
  });

  test('a damaged cache is refused by V8: the bundle is compiled as usual and the cache rewritten', () => {
    const folder = mkdtempSync(path.join(scratch, 'bundles-'));
    const cacheDir = path.join(scratch, 'damaged');
    const main = writeBundles(folder);
    start(main, cacheDir);
    for (const name of cacheFiles(cacheDir)) writeFileSync(path.join(cacheDir, name), Buffer.alloc(4096, 7));
    assert.deepEqual(start(main, cacheDir), { outcomes: ['rejected', 'rejected'], answer: 42, sibling: 'sibling sibling.js' });
    assert.deepEqual(start(main, cacheDir).outcomes, ['used', 'used']);
  });

  test('a folder that cannot be written (a file stands there) or no folder: the bundle runs the same, nothing is thrown', () => {
    const folder = mkdtempSync(path.join(scratch, 'bundles-'));
    const main = writeBundles(folder);
    const blocked = path.join(scratch, 'a-file');
    writeFileSync(blocked, 'not a folder');
    assert.deepEqual(start(main, blocked), { outcomes: ['absent', 'absent'], answer: 42, sibling: 'sibling sibling.js' });
    assert.equal(readFileSync(blocked, 'utf8'), 'not a folder');
    assert.deepEqual(start(main, undefined), { outcomes: ['absent', 'absent'], answer: 42, sibling: 'sibling sibling.js' });
  });
});

describe('the built server with a code-cache folder', () => {
  const payload = JSON.stringify({ clientId: 'customer-1', tokenType: 'DOCUMENT', locale: 'xx' });
  const code = "await fetch('https://ivs.idenfy.com/api/v2/token', { method: 'POST', body: JSON.stringify({ clientId: 'c-1', locale: 'xx' }) });\n";

  async function diagnosticsOfAStart(cacheDir: string): Promise<string[]> {
    const client = new LspTestClient({ env: { [CODE_CACHE_DIR_VARIABLE]: cacheDir } });
    await client.initialize();
    client.open('file:///work/request.idenfy.json', 'json', payload);
    const json = await client.diagnostics('file:///work/request.idenfy.json');
    client.open('file:///work/send.ts', 'typescript', code);
    const ts = await client.diagnostics('file:///work/send.ts');
    assert.equal(await client.stop(), 0, client.stderr);
    return [...json, ...ts].map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);
  }

  test('keeps the server and TypeScript at shutdown, and a second start from them publishes the same diagnostics', async () => {
    const cacheDir = path.join(scratch, 'server');
    const first = await diagnosticsOfAStart(cacheDir);
    assert.ok(first.length >= 2, `a finding in each document: ${first.join(', ')}`);
    assert.deepEqual(
      cacheFiles(cacheDir).map((name) => name.split('.')[0]),
      ['server-main', 'typescript'],
    );
    const sizes = cacheFiles(cacheDir).map((name) => readFileSync(path.join(cacheDir, name)).length);
    assert.deepEqual(await diagnosticsOfAStart(cacheDir), first);
    assert.deepEqual(
      cacheFiles(cacheDir).map((name) => readFileSync(path.join(cacheDir, name)).length),
      sizes,
      'a used cache is not rewritten',
    );
  });
});
