/**
 * Python and PHP benchmark (issue 12): diagnostics for token payloads in a 5,000-line Python file and a 5,000-line
 * PHP file, against tree-sitter's own full parse of the same text (web-tree-sitter, same grammar), measured in the
 * same run:
 * - open: a fresh analysis (full parse included), target ≤ 1.5× one parse;
 * - keystroke: the same file after a one-character edit (incremental re-parse), target ≤ 0.5×;
 * - no iDenfy: a 5,000-line file that never names iDenfy, target ≤ 0.1× (a text check, no parse).
 * Run alone: `node out/tools/bench/treeSitter.js`.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createLanguageService, DEFAULT_SETTINGS, LoadWasm, WASM_FILES } from '../../core';
import { keystrokeVersions } from './keystrokes';
import { Contender, medians, ratio } from './measure';

export const TREE_SITTER_BENCH_LINES = 5_000;

export const loadWasm: LoadWasm = (name) => {
  const dir = name === 'runtime' ? dirname(require.resolve('web-tree-sitter')) : dirname(require.resolve('@vscode/tree-sitter-wasm'));
  return readFile(join(dir, WASM_FILES[name]));
};

/** A realistic Python module: services, dataclasses, requests to other APIs; with `withIdenfy`, token requests too. */
export function pythonSource(withIdenfy: boolean, lines = TREE_SITTER_BENCH_LINES): string {
  const out = ['import json', 'import os', 'import requests', '', 'API_BASE = "https://api.example.com/v1"'];
  if (withIdenfy) out.push('IDENFY_BASE = os.environ.get("IDENFY_BASE", "https://ivs.idenfy.com")', 'TOKEN_URL = f"{IDENFY_BASE}/api/v2/token"');
  for (let block = 0; out.length < lines; block++) {
    out.push(
      '',
      '',
      `class OrderService${block}:`,
      `    """Loads order ${block} and sums its lines."""`,
      '',
      '    def __init__(self, token):',
      '        self.token = token',
      '        self.cache = {}',
      '',
      '    def load(self, order_id):',
      '        response = requests.get(f"{API_BASE}/orders/{order_id}", headers={"Authorization": f"Bearer {self.token}"})',
      '        data = response.json()',
      '        total = sum(line["quantity"] * line["price"] for line in data["lines"])',
      '        self.cache[order_id] = total',
      '        return {**data, "total": round(total, 2)}',
      '',
      '    def notify(self, customer_id, text):',
      '        body = {"customerId": customer_id, "text": text, "channel": "email", "priority": "high" if len(text) > 80 else "normal"}',
      '        return requests.post(API_BASE + "/notifications", json=body, timeout=10)',
    );
    if (withIdenfy && block % 40 === 7) {
      out.push(
        '',
        '',
        `def start_verification${block}(customer_id):`,
        '    payload = {',
        '        "clientId": customer_id,',
        '        "firstName": "Jonas",',
        '        "dateOfBirth": "1990-02-30",',
        '        "country": "lt",',
        '        "documents": ["ID_CARD", "PASSPORT"],',
        `        "expiryTime": ${3600 + block},`,
        '        "sessionLength": 59,',
        '        "generateDigitString": True,',
        '    }',
        '    response = requests.post(TOKEN_URL, json=payload, auth=(os.environ["KEY"], os.environ["SECRET"]))',
        '    return response.json()',
      );
    }
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** A realistic PHP file: classes with Guzzle calls to other APIs; with `withIdenfy`, token requests too. */
export function phpSource(withIdenfy: boolean, lines = TREE_SITTER_BENCH_LINES): string {
  const out = ['<?php', 'namespace App\\Services;', '', 'use GuzzleHttp\\Client;', '', "const API_BASE = 'https://api.example.com/v1';"];
  if (withIdenfy) out.push("define('IDENFY_TOKEN_URL', 'https://ivs.idenfy.com/api/v2/token');");
  for (let block = 0; out.length < lines; block++) {
    out.push(
      '',
      `/** Order ${block}: loads it and sums its lines. */`,
      `class OrderService${block}`,
      '{',
      '    private array $cache = [];',
      '',
      '    public function __construct(private Client $http, private string $token) {}',
      '',
      '    public function load(string $id): array',
      '    {',
      '        $response = $this->http->get(API_BASE . "/orders/{$id}", [\'headers\' => [\'Authorization\' => "Bearer {$this->token}"]]);',
      '        $data = json_decode((string) $response->getBody(), true);',
      "        $total = array_sum(array_map(fn ($l) => $l['quantity'] * $l['price'], $data['lines']));",
      '        $this->cache[$id] = $total;',
      "        return array_merge($data, ['total' => round($total, 2)]);",
      '    }',
      '',
      '    public function notify(string $customerId, string $text): void',
      '    {',
      "        $this->http->post(API_BASE . '/notifications', ['json' => ['customerId' => $customerId, 'text' => $text, 'channel' => 'email']]);",
      '    }',
      '}',
    );
    if (withIdenfy && block % 40 === 7) {
      out.push(
        '',
        `function startVerification${block}(Client $client, string $customerId)`,
        '{',
        '    $payload = [',
        "        'clientId' => $customerId,",
        "        'firstName' => 'Jonas',",
        "        'dateOfBirth' => '1990-02-30',",
        "        'country' => 'lt',",
        "        'documents' => ['ID_CARD', 'PASSPORT'],",
        `        'expiryTime' => ${3600 + block},`,
        "        'sessionLength' => 59,",
        "        'generateDigitString' => true,",
        '    ];',
        "    return $client->post(IDENFY_TOKEN_URL, ['json' => $payload, 'auth' => ['KEY', 'SECRET']]);",
        '}',
      );
    }
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** The two languages' bench files and where their keystrokes land (a payload, ordinary code, a signature). */
export const TREE_SITTER_BENCH_LANGUAGES = [
  { id: 'python', ext: 'py', source: pythonSource, anchors: ['        "firstName": "Jo', '        total = sum', '    def notify(self, cust'] },
  { id: 'php', ext: 'php', source: phpSource, anchors: ["        'firstName' => 'Jo", '        $total = array_sum', '    public function notify(string $cust'] },
] as const;

export async function runTreeSitterBench(log: (line: string) => void = console.log): Promise<Record<string, number>> {
  const service = createLanguageService({ settings: DEFAULT_SETTINGS, loadGrammar: loadWasm });
  const figures: Record<string, number> = {};
  for (const { source, ...rest } of TREE_SITTER_BENCH_LANGUAGES) {
    const language = { ...rest, text: source(true), plain: source(false) };
    await service.prepare({ uri: `x.${language.ext}`, languageId: language.id });
    const { Parser, Language } = require('web-tree-sitter') as typeof import('web-tree-sitter');
    const parser = new Parser();
    parser.setLanguage(await Language.load(await loadWasm(language.id)));
    const doc = (uri: string, text: string) => ({ uri, languageId: language.id, text });

    const sanity = service.analyze(doc(`/bench/sanity.${language.ext}`, language.text));
    if (sanity.payloads.length === 0 || sanity.findings.length === 0) throw new Error(`${language.id} bench: no payload found`);
    if (service.analyze(doc(`/bench/plain.${language.ext}`, language.plain)).payloads.length !== 0) throw new Error(`${language.id} bench: payloads in the plain file`);

    const versions = keystrokeVersions(language.text, language.anchors);
    const editedUri = `/bench/edited.${language.ext}`;
    service.analyze(doc(editedUri, language.text));
    let next = 0;
    let opened = 0;
    const contenders: Contender[] = [
      { name: 'parse', run: () => parser.parse(language.text)!.delete() },
      {
        name: 'open',
        run: () => {
          const uri = `/bench/open-${opened++}.${language.ext}`;
          service.analyze(doc(uri, language.text));
          service.forget(uri);
        },
      },
      { name: 'keystroke', run: () => service.analyze(doc(editedUri, versions[next++ % versions.length])) },
      { name: 'noIdenfy', run: () => service.analyze(doc(`/bench/plain.${language.ext}`, language.plain)) },
    ];
    const times = await medians(contenders, 30);
    parser.delete();
    log(
      `${language.id}: ${TREE_SITTER_BENCH_LINES.toLocaleString('en')}-line file (${(language.text.length / 1024).toFixed(0)} KB), ${sanity.payloads.length} payloads, ${sanity.findings.length} findings`,
    );
    log(`  one tree-sitter parse           ${times.parse.toFixed(2)} ms (the baseline)`);
    log(`  open → diagnostics              ${times.open.toFixed(2)} ms  ${ratio(times.open, times.parse)} (target ≤ 1.5×)`);
    log(`  keystroke → diagnostics         ${times.keystroke.toFixed(2)} ms  ${ratio(times.keystroke, times.parse)} (target ≤ 0.5×)`);
    log(`  file that never names iDenfy    ${times.noIdenfy.toFixed(3)} ms  ${ratio(times.noIdenfy, times.parse)} (target ≤ 0.1×)`);
    figures[`${language.id}.parseMs`] = times.parse;
    figures[`${language.id}.openRatio`] = times.open / times.parse;
    figures[`${language.id}.keystrokeRatio`] = times.keystroke / times.parse;
    figures[`${language.id}.noIdenfyRatio`] = times.noIdenfy / times.parse;
  }
  return figures;
}

if (require.main === module) {
  runTreeSitterBench().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
