import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService, findSuppressions, normalizeSettings } from '../../../core';

const jsonc = (text: string) => ({ uri: 'file:///w/request.idenfy.jsonc', languageId: 'jsonc', text });
const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code).sort();

describe('inline suppression (idenfy-ignore-next-line)', () => {
  const text = ['{', '  "clientId": "a",', '  "tokenType": "BAD",', '  "locale": "xx"', '}'].join('\n');

  it('without a comment both findings are reported', () => {
    assert.deepEqual(codes(createLanguageService().analyze(jsonc(text)).findings), ['BAD_VALUE', 'unknown-locale']);
  });

  it('a JSONC comment with a code hides that code on the next line only', () => {
    const suppressed = text.replace('  "tokenType"', '  // idenfy-ignore-next-line BAD_VALUE\n  "tokenType"');
    assert.deepEqual(codes(createLanguageService().analyze(jsonc(suppressed)).findings), ['unknown-locale']);
    // Another code on that line is not hidden.
    const other = text.replace('  "tokenType"', '  // idenfy-ignore-next-line unknown-locale\n  "tokenType"');
    assert.deepEqual(codes(createLanguageService().analyze(jsonc(other)).findings), ['BAD_VALUE', 'unknown-locale']);
  });

  it('without codes it hides everything on the next line; block comments, commas and a " -- reason" work', () => {
    const all = text.replace('  "locale"', '  /* idenfy-ignore-next-line */\n  "locale"');
    assert.deepEqual(codes(createLanguageService().analyze(jsonc(all)).findings), ['BAD_VALUE']);
    const list = text.replace('  "tokenType"', '  // idenfy-ignore-next-line unknown-locale, BAD_VALUE -- the sandbox accepts it\n  "tokenType"');
    assert.deepEqual(codes(createLanguageService().analyze(jsonc(list)).findings), ['unknown-locale']);
  });

  it('works in TypeScript with // and in Python/PHP style with #', () => {
    const ts = ['const body: IdenfyTokenRequest = {', "  clientId: 'a',", '  // idenfy-ignore-next-line BAD_VALUE', "  tokenType: 'BAD',", '};'].join('\n');
    const service = createLanguageService();
    const unsuppressed = service.analyze({ uri: 'file:///w/a.ts', languageId: 'typescript', text: ts.replace('// idenfy-ignore-next-line BAD_VALUE', '') });
    assert.ok(unsuppressed.findings.some((f) => f.code === 'BAD_VALUE'));
    assert.ok(!service.analyze({ uri: 'file:///w/b.ts', languageId: 'typescript', text: ts }).findings.some((f) => f.code === 'BAD_VALUE'));
    assert.deepEqual(findSuppressions('x = 1\n    # idenfy-ignore-next-line MISSING_VALUE\n    y'), [{ line: 2, codes: ['MISSING_VALUE'] }]);
    assert.deepEqual(findSuppressions('<?php\n// idenfy-ignore-next-line\n$a = 1;'), [{ line: 2, codes: [] }]);
  });

  it('answers an unchanged document with the same analysis object', () => {
    const service = createLanguageService();
    const ts = "const body: IdenfyTokenRequest = {\n  // idenfy-ignore-next-line\n  tokenType: 'BAD',\n};";
    const document = { uri: 'file:///w/c.ts', languageId: 'typescript', text: ts };
    assert.equal(service.analyze(document), service.analyze(document));
  });
});

describe('per-code severity (idenfy.severity)', () => {
  const text = '{"clientId":"a","tokenType":"BAD","locale":"xx"}';

  it('changes the severity of a code and drops a code set to "off"', () => {
    const service = createLanguageService({ settings: { severity: { BAD_VALUE: 'warning', 'unknown-locale': 'off' } } });
    const findings = service.analyze(jsonc(text)).findings;
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity]),
      [['BAD_VALUE', 'warning']],
    );
    assert.equal(service.payloadAt(jsonc(text), service.analyze(jsonc(text)), 1).errorCount, 0);
  });

  it('reads dotted keys and reports invalid levels', () => {
    assert.deepEqual({ ...normalizeSettings({ 'idenfy.severity': { BAD_VALUE: 'hint' } }).settings.severity }, { BAD_VALUE: 'hint' });
    const { settings, problems } = normalizeSettings({ severity: { BAD_VALUE: 'fatal' } });
    assert.deepEqual({ ...settings.severity }, {});
    assert.equal(problems[0].key, 'idenfy.severity');
  });

  it('idenfy.codeLens.enabled defaults to true', () => {
    assert.equal(normalizeSettings({}).settings.codeLens.enabled, true);
    assert.equal(normalizeSettings({ 'idenfy.codeLens.enabled': false }).settings.codeLens.enabled, false);
  });
});
