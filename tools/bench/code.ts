/**
 * Code benchmark: diagnostics for token payloads in a 10,000-line TypeScript file, against one
 * `ts.createSourceFile` of the same text (the floor any TypeScript-based checker pays), measured in the same run:
 * - open: a fresh analysis (parse included), target ≤ 1.5× one parse;
 * - keystroke: the same file after a one-character edit, with the cache of the previous version, target ≤ 1.0×;
 * - no endpoint: a 10,000-line file that never names the endpoint, target ≤ 0.2× (a text check, no parse).
 * Across files (issue 11): the 10,000-line file imports its iDenfy base URL and a wrapper from a 2,000-line module,
 * against one `ts.createSourceFile` of the two texts together: open (cold module cache) ≤ 1.5×, keystroke ≤ 0.5×;
 * a file that never names iDenfy reads no module; the module cache's size is reported.
 * Run alone: `node out/tools/bench/code.js`.
 */
import * as ts from 'typescript';
import { analyzeCode, CodeAnalysisCache, DEFAULT_SETTINGS, FileSystemHost, ModuleGraph } from '../../core';
import { keystrokeVersions } from './keystrokes';
import { Contender, medians, ratio } from './measure';

export const BENCH_LINES = 10_000;

/**
 * A realistic 10,000-line TypeScript module: services with JSDoc, interfaces, classes, HTTP calls to other APIs,
 * templates, switches and arrow functions. With `withEndpoint`, it also sends a few iDenfy token requests (with
 * mistakes for the rules to find) and calls other iDenfy endpoints.
 */
export function benchSource(withEndpoint: boolean, lines = BENCH_LINES): string {
  const out: string[] = ["import axios from 'axios';", "import { createHash } from 'node:crypto';", '', "const API_BASE = 'https://api.example.com/v1';"];
  if (withEndpoint) {
    out.push("const IDENFY_BASE = 'https://ivs.idenfy.com/api/v2';", 'const IDENFY_TOKEN_URL = `${IDENFY_BASE}/token`;');
  }
  for (let block = 0; out.length < lines; block++) {
    out.push(
      '',
      `/** Order ${block}: what the shop knows about it. */`,
      `export interface Order${block} {`,
      '  readonly id: string;',
      '  readonly customerId: string;',
      '  readonly total: number;',
      "  readonly status: 'new' | 'paid' | 'shipped';",
      '  readonly lines: ReadonlyArray<{ sku: string; quantity: number; price: number }>;',
      '}',
      '',
      `export class OrderService${block} {`,
      '  private readonly cache = new Map<string, number>();',
      '',
      '  constructor(private readonly token: string) {}',
      '',
      '  /**',
      `   * Loads order ${block} and sums its lines.`,
      '   * @param id the order id',
      '   */',
      `  async load(id: string): Promise<Order${block}> {`,
      `    const { data } = await axios.get<Order${block}>(\`\${API_BASE}/orders/\${id}\`, { headers: { Authorization: \`Bearer \${this.token}\` } });`,
      '    const total = data.lines.reduce((sum, line) => sum + line.quantity * line.price, 0);',
      '    this.cache.set(id, total);',
      `    return { ...data, total: Math.round(total * 100) / 100 };`,
      '  }',
      '',
      '  describe(order: { status: string; total: number }): string {',
      '    switch (order.status) {',
      "      case 'new': return `New order, ${order.total.toFixed(2)} EUR`;",
      "      case 'paid': return `Paid, ${order.total.toFixed(2)} EUR`;",
      '      default: return `Shipped (${order.total})`;',
      '    }',
      '  }',
      '',
      '  async notify(customerId: string, text: string): Promise<void> {',
      "    const body = { customerId, text, channel: 'email', priority: text.length > 80 ? 'high' : 'normal' };",
      `    await fetch(\`\${API_BASE}/notifications\`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });`,
      '  }',
      '}',
      '',
      `export const hash${block} = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, ${8 + (block % 8)});`,
    );
    if (withEndpoint && block % 40 === 7) {
      out.push(
        '',
        `export async function startVerification${block}(customerId: string, basic: string) {`,
        '  const payload = {',
        '    clientId: customerId,',
        "    firstName: 'Jonas',",
        "    lastName: 'Žemaitis',",
        "    dateOfBirth: '1990-02-30',",
        "    country: 'lt',",
        "    documents: ['ID_CARD', 'PASSPORT'],",
        `    expiryTime: ${3600 + block},`,
        '    sessionLength: 900,',
        "    successUrl: 'https://shop.example.com/kyc/done',",
        '  };',
        "  const response = await fetch(IDENFY_TOKEN_URL, { method: 'POST', headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });",
        '  await axios.post(`${IDENFY_BASE}/status`, { scanRef: customerId });',
        '  return response.json();',
        '}',
      );
    }
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** Where the bench's keystrokes land in benchSource(): inside a payload, and in ordinary code. */
export const KEYSTROKE_ANCHORS = ["    lastName: 'Ž", '    const total = data', '  describe(order', '      default: return `Shipped'] as const;

/** The two-file case: the open document (10,000 lines) and the module it imports the URL and a wrapper from. */
export function crossFileSources(): { main: string; module: string } {
  const module = [
    "const IDENFY_ROOT = process.env.IDENFY_URL ?? 'https://ivs.idenfy.com';",
    'export const IDENFY_BASE = `${IDENFY_ROOT}/api/v2`;',
    'export async function postToIdenfy(path: string, data: unknown) {',
    "  return fetch(`${IDENFY_BASE}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });",
    '}',
    benchSource(false, 2_000),
  ].join('\n');
  const lines = benchSource(false).split('\n');
  lines.splice(2, 0, "import { IDENFY_BASE, postToIdenfy } from './idenfy-client';");
  for (let near = 1_000; near < lines.length; near += 3_000) {
    // Between two blocks, so the file stays valid TypeScript.
    const at = lines.findIndex((line, i) => i >= near && line.startsWith('/** Order'));
    if (at === -1) break;
    lines.splice(
      at,
      0,
      `export async function verify${at}(customerId: string) {`,
      `  await postToIdenfy('/token', { clientId: customerId, locale: 'xx', expiryTime: ${at} }); // iDenfy token request`,
      `  return fetch(\`\${IDENFY_BASE}/token\`, { method: 'POST', body: JSON.stringify({ clientId: customerId, documents: [] }) });`,
      '}',
    );
  }
  return { main: lines.join('\n'), module };
}

export async function runCodeBench(log: (line: string) => void = console.log): Promise<Record<string, number>> {
  const settings = DEFAULT_SETTINGS;
  const fileName = '/bench/orders.ts';
  const text = benchSource(true);
  const plain = benchSource(false);

  // Sanity: the file with the endpoint has payloads and findings (the bench measures real work, not an early exit),
  // and the plain file has none.
  const sanity = analyzeCode({ text, fileName }, settings);
  if (sanity.payloads.length === 0 || sanity.findings.length === 0) throw new Error('code bench: no payload found in the benchmark file');
  if (analyzeCode({ text: plain, fileName }, settings).payloads.length !== 0) throw new Error('code bench: payloads found in the plain file');

  const cache = new CodeAnalysisCache();
  analyzeCode({ text, fileName }, settings, cache);
  const versions = keystrokeVersions(text, KEYSTROKE_ANCHORS);
  let next = 0;

  const contenders: Contender[] = [
    { name: 'parse', run: () => ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest) },
    // For transparency: the analysis parses without JSDoc (it never reads it), which is cheaper than the baseline.
    { name: 'parseNoJsDoc', run: () => ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }) },
    { name: 'open', run: () => analyzeCode({ text, fileName }, settings, new CodeAnalysisCache()) },
    { name: 'keystroke', run: () => analyzeCode({ text: versions[next++ % versions.length], fileName }, settings, cache) },
    { name: 'noEndpoint', run: () => analyzeCode({ text: plain, fileName }, settings) },
  ];
  // Across files: a host that serves the module from memory (the server serves open documents the same way).
  const { main, module } = crossFileSources();
  const mainName = '/bench/orders-kyc.ts';
  const files: Record<string, string> = { '/bench/idenfy-client.ts': module };
  let reads = 0;
  const host: FileSystemHost = { readFile: (path) => (reads++, files[path]) };
  const crossSanity = analyzeCode({ text: main, fileName: mainName }, settings, undefined, new ModuleGraph(host));
  if (crossSanity.payloads.length < 6) throw new Error(`code bench: ${crossSanity.payloads.length} cross-file payloads found`);
  const warmGraph = new ModuleGraph(host);
  const crossCache = new CodeAnalysisCache();
  analyzeCode({ text: main, fileName: mainName }, settings, crossCache, warmGraph);
  const crossVersions = keystrokeVersions(main.replace('describe(order', 'describe(order'), KEYSTROKE_ANCHORS);
  let crossNext = 0;
  reads = 0;
  analyzeCode({ text: plain, fileName }, settings, undefined, new ModuleGraph(host));
  if (reads !== 0) throw new Error('code bench: a file without iDenfy read modules');
  contenders.push(
    {
      name: 'parseTwo',
      run: () => {
        ts.createSourceFile(mainName, main, ts.ScriptTarget.Latest);
        ts.createSourceFile('/bench/idenfy-client.ts', module, ts.ScriptTarget.Latest);
      },
    },
    { name: 'crossOpen', run: () => analyzeCode({ text: main, fileName: mainName }, settings, new CodeAnalysisCache(), new ModuleGraph(host)) },
    { name: 'crossKeystroke', run: () => analyzeCode({ text: crossVersions[crossNext++ % crossVersions.length], fileName: mainName }, settings, crossCache, warmGraph) },
    { name: 'noEndpointWithFiles', run: () => analyzeCode({ text: plain, fileName }, settings, undefined, warmGraph) },
  );

  const times = await medians(contenders, 40);

  log(`Code: ${BENCH_LINES.toLocaleString('en')}-line TypeScript file (${(text.length / 1024).toFixed(0)} KB), ${sanity.payloads.length} payloads, ${sanity.findings.length} findings`);
  log(`  one ts.createSourceFile         ${times.parse.toFixed(2)} ms (the baseline)`);
  log(`  the same without JSDoc          ${times.parseNoJsDoc.toFixed(2)} ms  ${ratio(times.parseNoJsDoc, times.parse)} (what the analysis parses)`);
  log(`  open → diagnostics              ${times.open.toFixed(2)} ms  ${ratio(times.open, times.parse)} (target ≤ 1.5×)`);
  log(`  keystroke → diagnostics         ${times.keystroke.toFixed(2)} ms  ${ratio(times.keystroke, times.parse)} (target ≤ 1.0×)`);
  log(`  file without the endpoint       ${times.noEndpoint.toFixed(3)} ms  ${ratio(times.noEndpoint, times.parse)} (target ≤ 0.2×)`);
  const memory = warmGraph.stats();
  log(`Code across files: ${crossSanity.payloads.length} payloads through an imported URL and wrapper (module: ${(module.length / 1024).toFixed(0)} KB)`);
  log(`  ts.createSourceFile of both     ${times.parseTwo.toFixed(2)} ms (the baseline)`);
  log(`  open → diagnostics (cold)       ${times.crossOpen.toFixed(2)} ms  ${ratio(times.crossOpen, times.parseTwo)} (target ≤ 1.5×)`);
  log(`  keystroke → diagnostics         ${times.crossKeystroke.toFixed(2)} ms  ${ratio(times.crossKeystroke, times.parseTwo)} (target ≤ 0.5×)`);
  log(`  file without iDenfy, with files ${times.noEndpointWithFiles.toFixed(3)} ms  ${ratio(times.noEndpointWithFiles, times.parse)} (no module read)`);
  log(
    `  module cache                    ${memory.files} file(s), ${(memory.characters / 1024).toFixed(0)} K characters (bounded: ${warmGraph.maxFiles} files × ${warmGraph.maxFileLength / 1024 / 1024} MB)`,
  );
  return {
    'code.crossParseTwoMs': times.parseTwo,
    'code.crossOpenMs': times.crossOpen,
    'code.crossKeystrokeMs': times.crossKeystroke,
    'code.crossOpenRatio': times.crossOpen / times.parseTwo,
    'code.crossKeystrokeRatio': times.crossKeystroke / times.parseTwo,
    'code.crossModuleCacheFiles': memory.files,
    'code.parseMs': times.parse,
    'code.parseNoJsDocMs': times.parseNoJsDoc,
    'code.openMs': times.open,
    'code.keystrokeMs': times.keystroke,
    'code.noEndpointMs': times.noEndpoint,
    'code.openRatio': times.open / times.parse,
    'code.keystrokeRatio': times.keystroke / times.parse,
    'code.noEndpointRatio': times.noEndpoint / times.parse,
  };
}

if (require.main === module) {
  runCodeBench().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
