/**
 * The "Write iDenfy error handling" generators: each language's code follows the catalogue, and the TypeScript and
 * Python code, compiled or run for real against the emulator, behaves as its comments say (201; 400 BAD_VALUE not
 * retried; 429 then 201 and 500 then 201 retried).
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { ERROR_CATALOGUE } from '../../../core';
import { errorHandlingCode, handlerLanguageOf } from '../../../core/features/errorHandling';
import { KEY, SECRET, withEmulator } from '../../client/send/helpers';

const IDENTIFIERS = [...ERROR_CATALOGUE.keys()];
const RETRIED = IDENTIFIERS.filter((id) => ERROR_CATALOGUE.get(id)!.retry);

describe('error handling generators', () => {
  it('cover every identifier of the catalogue, with its advice, in every language', () => {
    for (const language of ['typescript', 'javascript', 'python', 'php'] as const) {
      const { text } = errorHandlingCode(language);
      for (const id of IDENTIFIERS) {
        assert.ok(text.includes(`'${id}'`) || text.includes(`"${id}"`), `${language}: ${id}`);
        const advice = ERROR_CATALOGUE.get(id)!.action.replace(/`/g, '');
        assert.ok(text.includes(advice), `${language}: advice for ${id}`);
      }
      assert.match(text, /200/);
      assert.match(text, /201/);
      assert.match(text, /Retry-After/);
    }
    assert.deepEqual(RETRIED.sort(), ['INTERNAL_ERROR', 'TOO_MANY_REQUESTS']);
  });

  it('TypeScript declares the identifiers as a union type; the other languages need none', () => {
    const union = /export type IdenfyErrorIdentifier =([^;]*);/.exec(errorHandlingCode('typescript').text)![1];
    assert.deepEqual(
      union
        .match(/'[A-Z_]+'/g)!
        .map((s) => s.slice(1, -1))
        .sort(),
      [...IDENTIFIERS].sort(),
    );
    assert.doesNotMatch(errorHandlingCode('javascript').text, /IdenfyErrorIdentifier/);
  });

  it('maps VS Code language ids to generators', () => {
    assert.equal(handlerLanguageOf('typescriptreact'), 'typescript');
    assert.equal(handlerLanguageOf('javascriptreact'), 'javascript');
    assert.equal(handlerLanguageOf('python'), 'python');
    assert.equal(handlerLanguageOf('json'), undefined);
  });

  it('the TypeScript code type-checks under strict mode with the DOM-free Node types', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idenfy-handler-'));
    try {
      const file = join(dir, 'handler.ts');
      writeFileSync(file, errorHandlingCode('typescript').text);
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.Node16,
        moduleResolution: ts.ModuleResolutionKind.Node16,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        types: ['node'],
        typeRoots: [join(__dirname, '../../../../node_modules/@types')],
        noUnusedLocals: true,
        noImplicitReturns: true,
        noFallthroughCasesInSwitch: true,
      });
      const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      assert.deepEqual(problems, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the TypeScript code, compiled and run against the emulator, does what its comments say', async () => {
    const js = ts.transpileModule(errorHandlingCode('typescript').text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const dir = mkdtempSync(join(tmpdir(), 'idenfy-handler-'));
    const handler = join(dir, 'handler.js');
    writeFileSync(handler, js);
    const run = (baseUrl: string, payload: object) =>
      new Promise<{ ok: boolean; status?: number; identifier?: string; token?: string }>((resolve, reject) => {
        const script = `const h = require(${JSON.stringify(handler)});
        h.createIdenfyToken(${JSON.stringify(payload)}, { apiKey: ${JSON.stringify(KEY)}, apiSecret: ${JSON.stringify(SECRET)}, baseUrl: ${JSON.stringify(baseUrl)} })
          .then((body) => console.log(JSON.stringify({ ok: true, token: body.authToken })),
                (e) => console.log(JSON.stringify({ ok: false, status: e.status, identifier: e.identifier, isTokenError: e instanceof h.IdenfyTokenError })));`;
        execFile(process.execPath, ['-e', script], { timeout: 30_000 }, (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))));
      });
    try {
      await withEmulator({}, async (emulator) => {
        const created = await run(emulator.url, { clientId: 'handler-201' });
        assert.equal(created.ok, true);
        assert.ok(created.token);

        let before = emulator.stats.requests;
        const bad = await run(emulator.url, { clientId: 'handler-400', sex: 'X' });
        assert.deepEqual({ ok: bad.ok, status: bad.status, identifier: bad.identifier }, { ok: false, status: 400, identifier: 'BAD_VALUE' });
        assert.equal(emulator.stats.requests - before, 1, 'a bad value is not retried');

        before = emulator.stats.requests;
        emulator.failNext(1, { status: 429, retryAfter: '1' });
        assert.equal((await run(emulator.url, { clientId: 'handler-429' })).ok, true);
        assert.equal(emulator.stats.requests - before, 2, '429 once, then the retry succeeds');

        before = emulator.stats.requests;
        emulator.failNext(1);
        assert.equal((await run(emulator.url, { clientId: 'handler-500' })).ok, true);
        assert.equal(emulator.stats.requests - before, 2, '500 once, then the retry succeeds');
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const python = pythonWithRequests();
  it('the Python code, run against the emulator, does what its comments say', { skip: python ? false : 'python3 with requests is not installed' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idenfy-handler-py-'));
    writeFileSync(join(dir, 'idenfy_handler.py'), errorHandlingCode('python').text);
    const run = (baseUrl: string, payload: object) =>
      new Promise<{ ok: boolean; status?: number; identifier?: string }>((resolve, reject) => {
        const script = `import json, sys
sys.path.insert(0, ${JSON.stringify(dir)})
from idenfy_handler import create_idenfy_token, IdenfyTokenError
try:
    body = create_idenfy_token(json.loads(${JSON.stringify(JSON.stringify(payload))}), ${JSON.stringify(KEY)}, ${JSON.stringify(SECRET)}, base_url=${JSON.stringify(baseUrl)})
    print(json.dumps({"ok": True, "token": body.get("authToken")}))
except IdenfyTokenError as e:
    print(json.dumps({"ok": False, "status": e.status, "identifier": e.identifier}))`;
        execFile(python!, ['-c', script], { timeout: 30_000 }, (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))));
      });
    try {
      await withEmulator({}, async (emulator) => {
        assert.equal((await run(emulator.url, { clientId: 'py-201' })).ok, true);
        let before = emulator.stats.requests;
        assert.deepEqual(await run(emulator.url, { clientId: 'py-400', sex: 'X' }), { ok: false, status: 400, identifier: 'BAD_VALUE' });
        assert.equal(emulator.stats.requests - before, 1, 'a bad value is not retried');
        before = emulator.stats.requests;
        emulator.failNext(1, { status: 429, retryAfter: '1' });
        assert.equal((await run(emulator.url, { clientId: 'py-429' })).ok, true);
        assert.equal(emulator.stats.requests - before, 2);
        before = emulator.stats.requests;
        emulator.failNext(1);
        assert.equal((await run(emulator.url, { clientId: 'py-500' })).ok, true);
        assert.equal(emulator.stats.requests - before, 2);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function pythonWithRequests(): string | undefined {
  for (const candidate of ['python3', 'python']) {
    try {
      execFileSync(candidate, ['-c', 'import requests'], { stdio: 'ignore', timeout: 10_000 });
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}
