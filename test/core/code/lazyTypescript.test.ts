import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

/**
 * TypeScript is loaded only when a code document may hold a payload: importing the core, checking JSON, and
 * checking code that never names the endpoint must not load it. Each case runs in a fresh node process, so no
 * other test has loaded it before.
 */
const CORE = join(__dirname, '..', '..', '..', 'core', 'index.js');

function typescriptLoadedAfter(script: string): boolean {
  const program = `
    const core = require(${JSON.stringify(CORE)});
    ${script}
    const loaded = Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/]typescript[\\\\/]/.test(file));
    process.stdout.write(JSON.stringify(loaded));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', program], { encoding: 'utf8' })) as boolean;
}

test('importing the core does not load typescript', () => {
  assert.equal(typescriptLoadedAfter(''), false);
});

test('checking JSON documents does not load typescript', () => {
  assert.equal(
    typescriptLoadedAfter(`
    const service = core.createLanguageService({ settings: {} });
    const result = service.analyze({ uri: 'file:///w/a.idenfy.json', languageId: 'json', text: '{"clientId": 1, "sex": "X"}' });
    if (result.findings.length === 0) throw new Error('the JSON check did not run');`),
    false,
  );
});

test('code that never names the endpoint does not load typescript', () => {
  assert.equal(
    typescriptLoadedAfter(`
    const service = core.createLanguageService({ settings: {} });
    service.analyze({ uri: 'file:///w/a.ts', languageId: 'typescript', text: 'export const token = await fetch("https://api.example.com/token", { method: "POST", body: "{}" });' });`),
    false,
  );
});

test('code that names the endpoint loads it (the check above is not vacuous)', () => {
  assert.equal(
    typescriptLoadedAfter(`
    const service = core.createLanguageService({ settings: {} });
    const result = service.analyze({ uri: 'file:///w/a.ts', languageId: 'typescript', text: 'fetch("https://ivs.idenfy.com/api/v2/token", { body: JSON.stringify({ sex: "X" }) });' });
    if (result.findings.length === 0) throw new Error('the code check did not run');`),
    true,
  );
});
