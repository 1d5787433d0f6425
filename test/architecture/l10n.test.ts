import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/**
 * Localisation: every user-facing string of the manifest is a %key% of package.nls.json, every `vscode.l10n.t`
 * string of the client is in l10n/bundle.l10n.json, and the generated pseudo-locale (qps-ploc) covers every key,
 * so a translation can be dropped in beside them.
 */
const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json'));
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const pseudoNls = JSON.parse(read('package.nls.qps-ploc.json')) as Record<string, string>;
const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>;
const pseudoBundle = JSON.parse(read('l10n/bundle.l10n.qps-ploc.json')) as Record<string, string>;

const USER_FACING = new Set(['displayName', 'description', 'markdownDescription', 'title', 'category', 'enumDescriptions', 'markdownEnumDescriptions']);

/** [path, value] of every user-facing string of the manifest's contributions and capabilities. */
function userFacing(value: unknown, path: string[] = [], out: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(value)) value.forEach((item, i) => userFacing(item, [...path, String(i)], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (USER_FACING.has(key) && typeof child === 'string') out.push([[...path, key].join('.'), child]);
      else if (key === 'enumDescriptions' && Array.isArray(child)) child.forEach((c, i) => out.push([[...path, key, String(i)].join('.'), c]));
      else userFacing(child, [...path, key], out);
    }
  }
  return out;
}

function clientSources(dir = join(ROOT, 'client')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? clientSources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [readFileSync(join(dir, entry.name), 'utf8')] : [],
  );
}

describe('localisation', () => {
  it('every user-facing manifest string is a %key% with an English entry in package.nls.json', () => {
    // The top-level description stays literal: npm shows it as is (the same package.json is the CLI's npm package).
    const strings = userFacing({ displayName: manifest.displayName, contributes: manifest.contributes, capabilities: manifest.capabilities });
    assert.ok(strings.length > 30, 'found the settings and commands');
    for (const [path, value] of strings) {
      const match = /^%([^%]+)%$/.exec(value);
      assert.ok(match, `${path} is not localised: ${value}`);
      assert.equal(typeof nls[match[1]], 'string', `${path}: ${match[1]} missing from package.nls.json`);
    }
  });

  it('package.nls.json has no unused keys', () => {
    const text = read('package.json');
    for (const key of Object.keys(nls)) assert.ok(text.includes(`"%${key}%"`), `unused: ${key}`);
  });

  it('every vscode.l10n.t string of the client is in l10n/bundle.l10n.json, and the manifest points there', () => {
    assert.equal(manifest.l10n, './l10n');
    const used = clientSources().flatMap((source) => [...source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'")));
    assert.ok(used.length >= 2);
    for (const message of used) assert.ok(message in bundle, `missing from bundle.l10n.json: ${message}`);
  });

  it('the pseudo-locale (qps-ploc) covers every key and is up to date', () => {
    assert.deepEqual(Object.keys(pseudoNls).sort(), Object.keys(nls).sort());
    assert.deepEqual(Object.keys(pseudoBundle).sort(), Object.keys(bundle).sort());
    for (const [key, value] of Object.entries(pseudoNls)) assert.notEqual(value, nls[key], key);
    // Code spans and placeholders stay as they are, so a pseudo-translated setting still names the right key.
    assert.match(pseudoNls['config.severity'], /`\{ "unknown-locale": "off", "BAD_VALUE": "warning" \}`/);
    execFileSync(process.execPath, [join(ROOT, 'tools/generatePseudoLocale.mjs'), '--check'], { stdio: 'pipe' });
  });
});
