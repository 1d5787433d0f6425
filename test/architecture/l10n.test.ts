import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';

/**
 * Localisation: every user-facing string of the manifest is a %key% of package.nls.json, every `l10n.t` string of the
 * client (`vscode.l10n.t`, or @vscode/l10n's in the modules without `vscode`) is in l10n/bundle.l10n.json (generated
 * from the sources by `npm run generate:l10n`), messages, pick lists and prompts are not plain string literals, and
 * the generated pseudo-locale (qps-ploc) covers every key, so a translation can be dropped in beside them.
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

/** [path relative to the root, text] of every TypeScript file of client/. */
function clientFiles(dir = join(ROOT, 'client')): Array<[string, string]> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): Array<[string, string]> =>
    entry.isDirectory()
      ? clientFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [[relative(ROOT, join(dir, entry.name)).split(sep).join('/'), readFileSync(join(dir, entry.name), 'utf8')]]
        : [],
  );
}
const clientSources = () => clientFiles().map(([, text]) => text);

/** A quoted TypeScript string's value (the escapes the sources use). */
const unquote = (literal: string) => literal.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

/** The 1-based line of an offset, for messages. */
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** Files of client/ that import the VS Code API. */
const importsVscode = (text: string) => /^import .* from 'vscode';$/m.test(text);

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

  it('every l10n.t string of the client is in l10n/bundle.l10n.json, and the manifest points there', () => {
    assert.equal(manifest.l10n, './l10n');
    const used = clientSources().flatMap((source) => [...source.matchAll(/l10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g)].map((m) => unquote(m[1])));
    assert.ok(used.length >= 150, `found ${used.length}`);
    for (const message of used) assert.ok(message in bundle, `missing from bundle.l10n.json: ${message}`);
    // Generated from the sources: nothing in it that no call uses.
    const unused = Object.keys(bundle).filter((key) => !used.includes(key));
    assert.deepEqual(unused, [], 'unused bundle entries: run npm run generate:l10n');
  });

  it('every l10n.t call of the client has its message as a string literal, so the bundle generator sees it', () => {
    const problems: string[] = [];
    for (const [file, text] of clientFiles()) {
      for (const m of text.matchAll(/\bl10n\.t\(\s*(.)/g)) if (m[1] !== "'" && m[1] !== '"') problems.push(`${file}:${lineOf(text, m.index)}`);
    }
    assert.deepEqual(problems, []);
  });

  it('no notification, pick list, input box or status-bar text of the client is a plain string literal', () => {
    // A literal (or a template) where VS Code shows text to the user: it has to go through l10n.t. Labels made of a
    // codicon and data (`$(check) ${profile.name}`) start with `$` and are not matched.
    const patterns: Array<[string, RegExp]> = [
      ['message', /\bshow(?:Information|Warning|Error)Message\(\s*['"`]/g],
      ['pick list', /\bshowQuickPick\(\s*\[\s*['"`]/g],
      ['option or item', /\b(?:title|prompt|placeHolder|placeholder|label|description|detail|tooltip|validationMessage):\s*['"`][A-Za-z]/g],
      ['validation', /\bvalidateInput:[^\n]*\?\s*['"`][A-Za-z]/g],
      ['status bar or output channel', /\.(?:text|name|tooltip)\s*=\s*['"`][A-Za-z]|\bcreateOutputChannel\(\s*['"`]/g],
      ['progress', /\bprogress\.report\(\{\s*message:\s*['"`]/g],
    ];
    const problems: string[] = [];
    for (const [file, text] of clientFiles()) {
      for (const [what, pattern] of patterns) for (const m of text.matchAll(pattern)) problems.push(`${file}:${lineOf(text, m.index)} ${what}: ${m[0]}`);
    }
    assert.deepEqual(problems, []);
  });

  it('the modules without vscode use @vscode/l10n, configured by activate() from the bundle VS Code loaded', () => {
    const files = new Map(clientFiles());
    // Their texts are shown by the VS Code side; they are unit-tested under plain node.
    for (const file of ['client/send/present.ts', 'client/send/request.ts', 'client/send/credentials.ts', 'client/history.ts', 'client/profiles.ts', 'client/emulatorProcess.ts']) {
      const text = files.get(file)!;
      assert.ok(text, file);
      assert.ok(!importsVscode(text), `${file} imports vscode`);
      assert.match(text, /^import \* as l10n from '@vscode\/l10n';$/m, `${file} does not import @vscode/l10n`);
      assert.match(text, /\bl10n\.t\(/, `${file} has no l10n.t call`);
    }
    // The modules with vscode use vscode.l10n.t; only extension.ts touches @vscode/l10n, to configure it.
    for (const [file, text] of files) if (importsVscode(text) && file !== 'client/extension.ts') assert.doesNotMatch(text, /@vscode\/l10n/, file);
    assert.match(files.get('client/extension.ts')!, /if \(vscode\.l10n\.bundle\) l10n\.config\(\{ contents: vscode\.l10n\.bundle \}\);/);
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
