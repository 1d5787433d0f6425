/**
 * The layers of ARCHITECTURE.md, checked on the sources: the core is pure and has one front door; the adapters meet
 * only through it and the shared protocol module. (ESLint says the same while you type; this test makes it a CI
 * failure whatever the editor.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../protocol';
import { LANGUAGE_IDS } from '../../core';

const ROOT = resolve(__dirname, '..', '..', '..');

function sourcesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ts$/.test(name)) out.push(path);
    }
  };
  walk(join(ROOT, folder));
  return out;
}

/** Every module specifier a file imports or re-exports (static, dynamic and require). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)) specifiers.push(match[1]);
  return specifiers;
}

const IMPURE = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc.*|(node:)?(http|https|net|tls|dgram|child_process|fs|worker_threads))$/;

describe('layers', () => {
  it('the core imports no editor, protocol, network or file-system module, and nothing outside core/', () => {
    const problems: string[] = [];
    for (const file of sourcesUnder('core')) {
      for (const specifier of importsOf(file)) {
        const where = relative(ROOT, file);
        if (IMPURE.test(specifier)) problems.push(`${where} imports ${specifier}`);
        if (specifier.startsWith('.') && !resolve(dirname(file), specifier).startsWith(join(ROOT, 'core'))) problems.push(`${where} imports ${specifier}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('adapters reach the core only through its front door (core/index.ts)', () => {
    const problems: string[] = [];
    for (const folder of ['server', 'client', 'cli', 'emulator', 'protocol']) {
      for (const file of sourcesUnder(folder)) {
        for (const specifier of importsOf(file)) {
          if (!specifier.startsWith('.')) continue;
          const target = relative(ROOT, resolve(dirname(file), specifier))
            .split(sep)
            .join('/');
          if (target.startsWith('core/') && target !== 'core/index') problems.push(`${relative(ROOT, file)} imports ${specifier}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('the server never imports the VS Code API and the client never the server library', () => {
    const problems: string[] = [];
    for (const file of sourcesUnder('server')) for (const s of importsOf(file)) if (s === 'vscode' || s.startsWith('vscode-languageclient')) problems.push(`${file}: ${s}`);
    for (const file of sourcesUnder('client')) for (const s of importsOf(file)) if (s.startsWith('vscode-languageserver/') || s === 'vscode-languageserver') problems.push(`${file}: ${s}`);
    for (const folder of ['cli', 'emulator'])
      for (const file of sourcesUnder(folder)) for (const s of importsOf(file)) if (s === 'vscode' || s.startsWith('vscode-language')) problems.push(`${file}: ${s}`);
    assert.deepEqual(problems, []);
  });
});

describe('one fact, one place', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('package.json contributes exactly the commands the protocol module declares', () => {
    const contributed = (manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
  });

  it('the extension activates for every language the core analyses', () => {
    const events = new Set(manifest.activationEvents as string[]);
    for (const languageId of [...LANGUAGE_IDS.json, ...LANGUAGE_IDS.code]) assert.ok(events.has(`onLanguage:${languageId}`), languageId);
  });
});
