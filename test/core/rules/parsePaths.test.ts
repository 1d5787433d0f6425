/**
 * analyzeJson reads well-formed documents with a fast parser and falls back to jsonc-parser (with its error
 * recovery) otherwise. Whatever the path, a well-formed document must get exactly the findings jsonc-parser's tree
 * gets: same spans, codes, messages, related spans and fixes. This compares the two on the fixtures, on tricky
 * literals, and on a few thousand generated payloads (seeded, so a failure reproduces).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTree, ParseError } from 'jsonc-parser';
import { Finding, PayloadNode } from '../../../core/model';
import { normalizeSettings } from '../../../core/settings';
import { validateBody } from '../../../core/validate';
import { check, listFixtures, readFixture } from './helpers';
import { SPEC_FIELDS } from './ruleTables';

const ACCOUNT = { account: { allowedTokenTypes: ['IDENTIFICATION'], customCallbackUrl: false, additionalSteps: false, questionnaireIds: ['q-1'], riskAssessmentProfileIds: [] } };

/** The findings of jsonc-parser's tree, or undefined when jsonc-parser reports a syntax error. */
function reference(text: string, allowComments: boolean, rawSettings: unknown): Finding[] | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: allowComments, disallowComments: !allowComments, allowEmptyContent: true }) as PayloadNode | undefined;
  if (errors.length) return undefined;
  return validateBody(root, normalizeSettings(rawSettings).settings, { start: 0, end: Math.min(text.length, 1) });
}

/** What a finding says, without node objects (fixes hold nodes; compare their spans instead). */
function project(findings: readonly Finding[]): unknown[] {
  return findings.map((f) => ({
    start: f.start,
    end: f.end,
    severity: f.severity,
    code: f.code,
    message: f.message,
    field: f.field,
    href: f.href,
    related: f.related?.map((r) => ({ start: r.start, end: r.end, message: r.message })),
    fixes: f.fixes?.map((x) => {
      if (x.kind === 'replaceText') return { kind: x.kind, at: [x.start, x.end - x.start], to: x.text, key: undefined };
      const target = x.kind === 'replaceValue' ? x.node : x.kind === 'addProperty' ? x.object : x.property;
      return { kind: x.kind, at: [target.offset, target.length], to: 'to' in x ? x.to : undefined, key: x.kind === 'addProperty' ? x.key : undefined };
    }),
  }));
}

function sameTree(a: PayloadNode | undefined, b: PayloadNode | undefined, path = '$'): void {
  if (!a || !b) {
    assert.equal(a, b, `${path}: one tree is missing`);
    return;
  }
  assert.equal(a.type, b.type, `${path}: type`);
  assert.equal(a.offset, b.offset, `${path}: offset`);
  assert.equal(a.length, b.length, `${path}: length`);
  if (a.type !== 'object' && a.type !== 'array' && a.type !== 'property') assert.equal(a.value, b.value, `${path}: value`);
  assert.equal(a.children?.length ?? 0, b.children?.length ?? 0, `${path}: children`);
  (a.children ?? []).forEach((child, i) => sameTree(child, b.children![i], `${path}/${i}`));
}

function expectSame(text: string, allowComments = false, settings: unknown = {}): void {
  const expected = reference(text, allowComments, settings);
  if (expected === undefined) return; // not well-formed: both paths are jsonc-parser's
  const checked = check(text, { allowComments, settings });
  assert.deepEqual(project(checked.findings), project(expected), `findings differ for ${JSON.stringify(text.slice(0, 200))}`);
  const errors: ParseError[] = [];
  sameTree(checked.analysis.root, parseTree(text, errors, { allowTrailingComma: allowComments, disallowComments: !allowComments, allowEmptyContent: true }) as PayloadNode | undefined);
}

describe('well-formed documents: the same findings and tree as jsonc-parser', () => {
  it('every fixture file, with and without declared account settings', () => {
    const folders = ['official', 'research/whitelabel-markid', 'json', 'json/not-payloads'];
    let count = 0;
    for (const folder of folders) {
      for (const name of listFixtures(folder, ['.json', '.jsonc'])) {
        const text = readFixture(folder, name);
        expectSame(text, name.endsWith('.jsonc'));
        expectSame(text, name.endsWith('.jsonc'), ACCOUNT);
        count++;
      }
    }
    assert.ok(count >= 20, `${count} fixtures`);
  });

  const literals: ReadonlyArray<[string, string]> = [
    ['escapes', '{"clientId":"a\\u00e9\\ud83d\\ude00\\\\\\"\\/\\b\\f\\n\\r\\t","firstName":"J\\u0030hn"}'],
    ['a lone surrogate escape', '{"clientId":"\\ud800","lastName":"\\udfff"}'],
    ['raw non-BMP characters', '{"clientId":"😀😀","firstName":"李小龍","externalRef":"' + '😀'.repeat(41) + '"}'],
    ['numbers', '{"clientId":"a","expiryTime":1e3,"sessionLength":6E1,"ageLimit":-0,"ageMax":12345678901234567890,"faceMatchingThresholdModifier":-1.5e-3}'],
    ['huge numbers', '{"clientId":"a","expiryTime":1e400,"sessionLength":-1e400,"ageLimit":1.0}'],
    ['whitespace of every kind', '\r\n\t{ \r\n"clientId" :\t"a" ,\r\n "locale"\n:\n"en"\n}\r\n'],
    ['an empty key and a duplicate', '{"":1,"clientId":"a","clientId":"b","":2}'],
    ['empty containers', '{"clientId":"a","documents":[],"additionalSteps":{},"additionalData":{"X":{}},"videoCallQuestions":[[],{}]}'],
    ['a byte-order mark is not JSON', '\ufeff{"clientId":"a"}'],
    ['scalars as bodies', '  42  '],
    ['null body', 'null'],
    ['empty', ''],
  ];
  for (const [why, text] of literals) {
    it(why, () => {
      expectSame(text);
      expectSame(text, true);
    });
  }

  it('JSONC: comments and trailing commas in every position', () => {
    expectSame('/*a*/{/*b*/"clientId"/*c*/:/*d*/"a"/*e*/,//f\n"documents":[/*g*/"ID_CARD"/*h*/,/*i*/],/*j*/}/*k*/', true);
    expectSame('{"clientId":"a",}', true);
    expectSame('// only a comment', true);
  });

  it('3,000 generated payloads', () => {
    let seed = 20241126;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const keys = [...SPEC_FIELDS, 'personScanRef', 'clientID', 'expiry_time', 'foo', 'ALL', 'LT', 'UTILITY_BILL', 'type', 'fields', 'texts', 'en', 'name', 'settings', 'canUpload'];
    const strings = [
      '',
      'x',
      'LT',
      'lt',
      'UK',
      'ALL',
      'ID_CARD',
      'PASPORT',
      'AADHAAR',
      'SMART_ID',
      'IDENTIFICATION',
      'VIDEO_CALL',
      'APPROVED',
      'M',
      'en',
      'xx',
      'true',
      '600',
      '1990-02-29',
      '2024-02-29',
      'https://example.com/a',
      'http://example.com',
      'John2',
      "O'Brien",
      '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      'q-1',
      'UPLOAD',
      '😀'.repeat(41),
    ];
    const value = (depth: number): unknown => {
      const r = random();
      if (r < 0.3) return pick(strings);
      if (r < 0.45) return pick([0, 1, 59, 60, 3600, 3601, 2592000, 2592001, 1.5, -1, 18, 30]);
      if (r < 0.55) return random() < 0.5;
      if (r < 0.62) return null;
      if (depth > 4) return pick(strings);
      if (r < 0.8) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return object(depth + 1);
    };
    const object = (depth: number): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      const n = Math.floor(random() * (depth === 0 ? 12 : 4));
      for (let i = 0; i < n; i++) out[pick(keys)] = value(depth);
      return out;
    };
    for (let i = 0; i < 3000; i++) {
      const body = object(0);
      if (random() < 0.8) body.clientId = pick(['user-1', '', 1, null, 'x'.repeat(101)]);
      const text = random() < 0.5 ? JSON.stringify(body) : JSON.stringify(body, null, random() < 0.5 ? 2 : '\t');
      const settings = random() < 0.5 ? {} : ACCOUNT;
      expectSame(text, false, settings);
      // Every span underlines one whole JSON token: a key, a value, or the object's opening brace (missing clientId).
      const checked = check(text, { settings });
      for (const f of checked.findings) {
        const token = checked.text.slice(f.start, f.end);
        if (token === '{' && f.code === 'MISSING_VALUE') continue;
        assert.doesNotThrow(() => JSON.parse(token), `${f.code} underlines ${JSON.stringify(token)}, not a whole key or value`);
      }
    }
  });
});
