/**
 * Copy as code: the generators run for real. The cURL command is run with `curl`, the TypeScript (fetch) snippet is
 * transpiled and run with node, the Python one with python3 + requests when installed, each against the emulator,
 * and each must create a token. No snippet may contain the credentials themselves.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { generateSnippet, SNIPPET_FORMATS, snippetEndpoint } from '../../core';
import { KEY, SECRET, withEmulator } from './send/helpers';

const PAYLOAD = {
  clientId: 'o\'brien-"quoted" $HOME `x` \\ ünï',
  firstName: 'Zoë',
  documents: ['ID_CARD', 'PASSPORT'],
  expiryTime: 600,
  generateDigitString: true,
  additionalSteps: {},
  callbackUrl: null,
};

function has(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function run(command: string, args: string[], env: Record<string, string>, cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { env: { ...process.env, ...env }, cwd, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const ENV = { IDENFY_API_KEY: KEY, IDENFY_API_SECRET: SECRET };

describe('copy as code', () => {
  it('never writes the credentials, only environment-variable references, in every format', () => {
    for (const { format } of SNIPPET_FORMATS) {
      const text = generateSnippet(format, { value: PAYLOAD, baseUrl: 'https://ivs.idenfy.com' });
      assert.ok(text.includes('IDENFY_API_KEY') && text.includes('IDENFY_API_SECRET'), format);
      assert.ok(text.includes('https://ivs.idenfy.com/api/v2/token'), format);
    }
    assert.equal(snippetEndpoint('http://127.0.0.1:1/'), 'http://127.0.0.1:1/api/v2/token');
    assert.equal(snippetEndpoint('https://ivs.idenfy.com/api/v2/token'), 'https://ivs.idenfy.com/api/v2/token');
    assert.equal(snippetEndpoint(), 'https://ivs.idenfy.com/api/v2/token');
  });

  it('names computed values to fill in', () => {
    for (const { format } of SNIPPET_FORMATS) assert.match(generateSnippet(format, { value: { clientId: null }, placeholders: ['clientId'] }), /fill in: clientId/, format);
  });

  it('writes Python and PHP literals', () => {
    const python = generateSnippet('python-requests', { value: { a: true, b: false, c: null, d: [], e: {} } });
    assert.match(python, /"a": True,\n {4}"b": False,\n {4}"c": None,\n {4}"d": \[\],\n {4}"e": \{\}/);
    const php = generateSnippet('php-guzzle', { value: { "it's": 'a\\b', e: {}, l: [1] } });
    assert.match(php, /'it\\'s' => 'a\\\\b'/);
    assert.match(php, /'e' => new \\stdClass\(\)/);
  });

  it('the cURL command, run with curl, creates a token', { skip: !has('curl') && 'curl is not installed' }, async () => {
    await withEmulator({}, async (emulator) => {
      const command = generateSnippet('curl', { value: PAYLOAD, baseUrl: emulator.url });
      const result = await run('sh', ['-c', command], ENV);
      assert.equal(result.code, 0, result.stderr);
      const answer = JSON.parse(result.stdout) as { authToken?: string; clientId?: string };
      assert.ok(answer.authToken, result.stdout);
      assert.equal(answer.clientId, PAYLOAD.clientId, 'the body arrived byte for byte');
      assert.equal(emulator.stats.received.at(-1)?.status, 201);
    });
  });

  it('the TypeScript (fetch) snippet, transpiled and run with node, creates a token', async () => {
    await withEmulator({}, async (emulator) => {
      const source = generateSnippet('typescript-fetch', { value: PAYLOAD, baseUrl: emulator.url });
      // The snippet type-checks as a module of its own (top-level await) with Node's types.
      const { outputText, diagnostics } = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
      assert.deepEqual(diagnostics ?? [], []);
      const dir = mkdtempSync(join(tmpdir(), 'idenfy-snippet-'));
      try {
        writeFileSync(join(dir, 'snippet.mjs'), outputText);
        const result = await run(process.execPath, ['snippet.mjs'], ENV, dir);
        assert.equal(result.code, 0, result.stderr);
        const token = result.stdout.trim();
        assert.ok(token.length > 8, result.stdout);
        assert.equal(emulator.stats.received.at(-1)?.status, 201);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  const pythonWithRequests =
    has('python3') &&
    (() => {
      try {
        execFileSync('python3', ['-c', 'import requests'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
  it('the Python (requests) snippet, run with python3, creates a token', { skip: !pythonWithRequests && 'python3 with requests is not installed' }, async () => {
    await withEmulator({}, async (emulator) => {
      const source = generateSnippet('python-requests', { value: PAYLOAD, baseUrl: emulator.url });
      const result = await run('python3', ['-c', source], ENV);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(result.stdout.trim().length > 8, result.stdout);
      assert.equal(emulator.stats.received.at(-1)?.status, 201);
    });
  });
});
