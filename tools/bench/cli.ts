/**
 * CLI benchmark: `idenfy-token-lint` on a generated repository of ~5,000 source files, in one thread
 * (`--jobs 1`) and with the automatic worker pool (all cores), in files per second; then on 1,000 TypeScript files
 * that all send a token request (every file parsed: the CPU-bound case).
 *
 * The tree is what a web product's repository looks like: mostly TypeScript/JavaScript that never talks to iDenfy
 * (components, services, hooks, tests), JSON (locales, fixtures, configs, package.json files), a few services that
 * create iDenfy tokens (some with mistakes), *.idenfy.json payload files, plus what the linter must skip without
 * reading: node_modules, a .gitignore'd build folder, images and docs.
 *
 * The command measured is dist/cli.js (the shipped bundle) when it exists, else the compiled cli/main.js beside
 * this file; IDENFY_CLI=path overrides. Run alone: `node out/tools/bench/cli.js` (after a build or tsc).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { medians } from './measure';

export const BENCH_SOURCE_FILES = 5_000;

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same tree. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['order', 'customer', 'invoice', 'cart', 'product', 'account', 'session', 'payment', 'shipment', 'review', 'profile', 'report', 'team', 'billing', 'search'];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

function componentTsx(name: string, n: number): string {
  const lines = [
    "import React, { useEffect, useState } from 'react';",
    `import { use${name}Query } from '../hooks/use${name}Query';`,
    '',
    `export interface ${name}Props {`,
    '  readonly id: string;',
    '  readonly onSelect?: (id: string) => void;',
    '}',
    '',
    `export function ${name}View({ id, onSelect }: ${name}Props) {`,
    `  const { data, loading, error } = use${name}Query(id);`,
    '  const [expanded, setExpanded] = useState(false);',
    `  useEffect(() => { document.title = \`${name} \${id}\`; }, [id]);`,
    '  if (loading) return <div className="spinner" />;',
    '  if (error) return <p role="alert">{error.message}</p>;',
    '  return (',
    `    <section className="${name.toLowerCase()}">`,
  ];
  for (let i = 0; i < 20 + (n % 40); i++) {
    lines.push(`      <div key="${i}" onClick={() => onSelect?.(id)}>{data?.items[${i}]?.label ?? '—'} {expanded ? data?.items[${i}]?.details : null}</div>`);
  }
  lines.push('      <button onClick={() => setExpanded(!expanded)}>{expanded ? "Less" : "More"}</button>', '    </section>', '  );', '}', '');
  return lines.join('\n');
}

function serviceTs(name: string, n: number): string {
  const lines = [
    "import axios from 'axios';",
    "const API = process.env.API_URL ?? 'https://api.example.com/v2';",
    '',
    `export interface ${name} { id: string; createdAt: string; total: number; tags: string[] }`,
    '',
    `export class ${name}Service {`,
    '  constructor(private readonly token: string) {}',
  ];
  for (let i = 0; i < 8 + (n % 25); i++) {
    lines.push(
      '',
      `  /** Loads page ${i} of the ${name.toLowerCase()} list. */`,
      `  async list${i}(page = ${i}, filter: Partial<${name}> = {}): Promise<${name}[]> {`,
      `    const { data } = await axios.get(\`\${API}/${name.toLowerCase()}s\`, { params: { page, ...filter }, headers: { Authorization: \`Bearer \${this.token}\` } });`,
      `    return (data.items as ${name}[]).filter((item) => item.total > ${i}).sort((a, b) => a.createdAt.localeCompare(b.createdAt));`,
      '  }',
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

function utilJs(n: number): string {
  const lines = ["'use strict';", ''];
  for (let i = 0; i < 15 + (n % 30); i++) {
    lines.push(
      `function helper${i}(input, options = {}) {`,
      `  const value = typeof input === 'string' ? input.trim() : String(input ?? '');`,
      `  if (options.upper) return value.toUpperCase();`,
      `  return value.length > ${i + 3} ? value.slice(0, ${i + 3}) + '…' : value;`,
      '}',
      '',
    );
  }
  lines.push(`module.exports = { ${Array.from({ length: 15 + (n % 30) }, (_, i) => `helper${i}`).join(', ')} };`, '');
  return lines.join('\n');
}

function specTs(name: string): string {
  return [
    "import { describe, expect, it } from 'vitest';",
    `import { ${name}Service } from '../services/${name.toLowerCase()}';`,
    '',
    `describe('${name}Service', () => {`,
    ...Array.from({ length: 12 }, (_, i) => `  it('lists page ${i}', async () => { const service = new ${name}Service('t'); expect(await service.list${i % 8}(${i})).toEqual([]); });`),
    '});',
    '',
  ].join('\n');
}

/** A service that creates iDenfy tokens; every third one has a mistake for the rules to find. */
function idenfyServiceTs(n: number): string {
  const mistake = n % 3 === 0 ? '      sessionLength: 7200,\n' : n % 3 === 1 ? '      expiry_time: 600,\n' : '';
  return [
    "const IDENFY_TOKEN_URL = 'https://ivs.idenfy.com/api/v2/token';",
    '',
    'export async function createVerification(userId: string, locale: string): Promise<string> {',
    '  const response = await fetch(IDENFY_TOKEN_URL, {',
    "    method: 'POST',",
    "    headers: { 'Content-Type': 'application/json', Authorization: `Basic ${process.env.IDENFY_AUTH}` },",
    '    body: JSON.stringify({',
    '      clientId: userId,',
    '      locale,',
    "      successUrl: 'https://shop.example.com/kyc/done',",
    `${mistake}    }),`,
    '  });',
    "  if (response.status !== 201) throw new Error('iDenfy token request failed');",
    '  const { authToken } = await response.json();',
    '  return authToken;',
    '}',
    '',
  ].join('\n');
}

function localeJson(rand: () => number): string {
  const entries: Record<string, string> = {};
  for (let i = 0; i < 60; i++) entries[`${WORDS[Math.floor(rand() * WORDS.length)]}.${i}`] = `Text ${i} ${rand().toString(36).slice(2)}`;
  return JSON.stringify(entries, null, 2);
}

function fixtureJson(n: number): string {
  return JSON.stringify({ id: `fx-${n}`, items: Array.from({ length: 20 }, (_, i) => ({ sku: `SKU-${n}-${i}`, quantity: i % 5, price: i * 3.5 })) }, null, 2);
}

function payloadJson(n: number): string {
  const body: Record<string, unknown> = { clientId: `user-${n}`, locale: 'en', expiryTime: 3600, documents: ['ID_CARD', 'PASSPORT'] };
  if (n % 4 === 0) body.sessionLength = 5000;
  if (n % 5 === 0) body.clientID = 'typo';
  return JSON.stringify(body, null, 2);
}

/** Writes the tree; returns how many files the linter should check (JSON and TS/JS outside skipped places). */
export function generateTree(root: string, sourceFiles = BENCH_SOURCE_FILES): number {
  const rand = random(7);
  const write = (relative: string, content: string | Buffer) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  fs.mkdirSync(path.join(root, '.git'), { recursive: true });
  write('.gitignore', 'node_modules/\nbuild/\n*.log\ncoverage/\n');
  write('package.json', JSON.stringify({ name: 'shop', private: true, scripts: { lint: 'idenfy-token-lint' } }, null, 2));
  write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, jsx: 'react-jsx' } }, null, 2));

  let checked = 2; // package.json and tsconfig.json are read (and never payloads); .gitignore is not
  for (let n = 0; checked < sourceFiles; n++) {
    const pkg = `packages/app-${n % 12}`;
    const name = cap(WORDS[n % WORDS.length]) + (n >> 4);
    const kind = rand();
    if (kind < 0.3) write(`${pkg}/src/components/${name}View.tsx`, componentTsx(name, n));
    else if (kind < 0.52) write(`${pkg}/src/services/${name.toLowerCase()}.ts`, serviceTs(name, n));
    else if (kind < 0.62) write(`${pkg}/test/${name.toLowerCase()}.spec.ts`, specTs(name));
    else if (kind < 0.75) write(`${pkg}/lib/util-${n}.${['js', 'mjs', 'cjs'][n % 3]}`, utilJs(n));
    else if (kind < 0.84) write(`${pkg}/locales/${['en', 'de', 'lt', 'fr'][n % 4]}/${name.toLowerCase()}.json`, localeJson(rand));
    else if (kind < 0.93) write(`${pkg}/fixtures/${name.toLowerCase()}-${n}.json`, fixtureJson(n));
    else if (kind < 0.96) write(`${pkg}/config/oauth-${n}.json`, JSON.stringify({ clientId: `app-${n}`, clientSecret: 'x', redirectUri: 'https://shop.example.com/cb' }, null, 2));
    else if (kind < 0.98) write(`${pkg}/src/kyc/idenfy-${n}.ts`, idenfyServiceTs(n));
    else write(`${pkg}/requests/session-${n}.idenfy.json`, payloadJson(n));
    checked++;
    if (n < 12) {
      write(`${pkg}/package.json`, JSON.stringify({ name: `@shop/app-${n}`, version: '1.0.0' }, null, 2));
      checked++;
    }
  }
  // Never read: not a linted extension, or in a skipped place.
  for (let n = 0; n < 300; n++) write(`docs/page-${n}.md`, `# Page ${n}\n\nSee the iDenfy token docs.\n`);
  for (let n = 0; n < 100; n++) write(`assets/img-${n}.png`, Buffer.alloc(2048, n));
  for (let n = 0; n < 2_000; n++) write(`node_modules/dep-${n % 40}/lib/file-${n}.js`, utilJs(n));
  for (let n = 0; n < 500; n++) write(`packages/app-${n % 12}/build/chunk-${n}.js`, utilJs(n));
  return checked;
}

/**
 * The other extreme: every file sends a token request, so every file is parsed with TypeScript (CPU-bound, where
 * threads help most). Returns the number of files.
 */
export function generateCodeHeavyTree(root: string, files = 1_000): number {
  fs.mkdirSync(path.join(root, '.git'), { recursive: true });
  for (let n = 0; n < files; n++) {
    const file = path.join(root, `src/kyc-${n % 20}/service-${n}.ts`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, serviceTs(cap(WORDS[n % WORDS.length]) + n, n) + idenfyServiceTs(n));
  }
  return files;
}

function cliPath(): string {
  if (process.env.IDENFY_CLI) return path.resolve(process.env.IDENFY_CLI);
  const bundled = path.resolve(__dirname, '../../../dist/cli.js');
  if (fs.existsSync(bundled)) return bundled;
  return path.resolve(__dirname, '../../cli/main.js');
}

function lint(cli: string, cwd: string, jobs: string): { filesChecked: number; errors: number; warnings: number } {
  const result = spawnSync(process.execPath, [cli, '--format', 'json', '--jobs', jobs], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`idenfy-token-lint exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout).summary;
}

export async function runCliBench(log: (line: string) => void = console.log): Promise<Record<string, number>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-cli-bench-'));
  try {
    const expected = generateTree(root);
    const cli = cliPath();
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    const first = lint(cli, root, '1');
    if (first.filesChecked !== expected) throw new Error(`checked ${first.filesChecked} files, expected ${expected}`);
    const pooled = lint(cli, root, String(cores));
    if (pooled.errors !== first.errors || pooled.warnings !== first.warnings) throw new Error('the worker pool found other problems than one thread');

    const ms = await medians(
      [
        { name: 'single', run: () => lint(cli, root, '1') },
        { name: 'pool', run: () => lint(cli, root, String(cores)) },
      ],
      3,
      1,
      1,
    );
    const heavyRoot = path.join(root, 'code-heavy');
    const heavyFiles = generateCodeHeavyTree(heavyRoot);
    const heavy = await medians(
      [
        { name: 'single', run: () => lint(cli, heavyRoot, '1') },
        { name: 'pool', run: () => lint(cli, heavyRoot, String(cores)) },
      ],
      3,
      1,
      1,
    );
    const results = {
      'cli.files': first.filesChecked,
      'cli.errors': first.errors,
      'cli.warnings': first.warnings,
      'cli.pool.threads': cores,
      'cli.single.ms': Math.round(ms.single),
      'cli.pool.ms': Math.round(ms.pool),
      'cli.single.filesPerSecond': Math.round(first.filesChecked / (ms.single / 1000)),
      'cli.pool.filesPerSecond': Math.round(first.filesChecked / (ms.pool / 1000)),
      'cli.codeHeavy.files': heavyFiles,
      'cli.codeHeavy.single.filesPerSecond': Math.round(heavyFiles / (heavy.single / 1000)),
      'cli.codeHeavy.pool.filesPerSecond': Math.round(heavyFiles / (heavy.pool / 1000)),
    };
    log(`idenfy-token-lint on ${results['cli.files']} files (${results['cli.errors']} errors, ${results['cli.warnings']} warnings found), ${cli}:`);
    log(`  one thread:  ${results['cli.single.ms']} ms, ${results['cli.single.filesPerSecond']} files/s`);
    log(
      `  worker pool: ${results['cli.pool.ms']} ms, ${results['cli.pool.filesPerSecond']} files/s (${results['cli.pool.threads']} threads; pool / one thread = ${(ms.single / ms.pool).toFixed(2)}× the speed)`,
    );
    log(`${results['cli.codeHeavy.files']} TS files that all send a token request (every one parsed):`);
    log(`  one thread:  ${results['cli.codeHeavy.single.filesPerSecond']} files/s`);
    log(`  worker pool: ${results['cli.codeHeavy.pool.filesPerSecond']} files/s (pool / one thread = ${(heavy.single / heavy.pool).toFixed(2)}× the speed)`);
    return results;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runCliBench().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
