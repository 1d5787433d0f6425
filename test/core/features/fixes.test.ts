import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTree, ParseError } from 'jsonc-parser';
import { analyzeJson } from '../../../core/json';
import { fixesFor, QuickFix } from '../../../core/features/fixes';
import { Finding } from '../../../core/model';
import { DEFAULT_SETTINGS, IdenfySettings, normalizeSettings } from '../../../core/settings';
import { validatePayload } from '../../../core/validate';
import { applyEdits, codePayload } from './helpers';

function analyse(text: string, settings: IdenfySettings = DEFAULT_SETTINGS): Finding[] {
  return analyzeJson({ text, allowComments: true, isPayloadFile: true }, settings).findings;
}

function findingOf(findings: readonly Finding[], code: string, field?: string): Finding {
  const finding = findings.find((f) => f.code === code && (field === undefined || f.field === field));
  assert.ok(finding, `expected a ${code} finding${field ? ` on ${field}` : ''}; got ${findings.map((f) => `${f.code}@${f.field}`).join(', ')}`);
  return finding;
}

function assertParses(text: string, allowComments = true): void {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: allowComments, disallowComments: !allowComments });
  assert.deepEqual(errors, [], `not valid JSON:\n${text}`);
}

/**
 * The end-to-end check: analyse, take the finding's fix titled `title`, apply it, analyse again. The finding is gone,
 * the JSON still parses, and the text outside the edits is what it was.
 */
function applyFix(text: string, code: string, field: string | undefined, title: string, settings = DEFAULT_SETTINGS): string {
  const finding = findingOf(analyse(text, settings), code, field);
  const fixes = fixesFor(finding, text, 'json');
  const fix = fixes.find((f) => f.title === title);
  assert.ok(fix, `no fix "${title}"; got ${fixes.map((f) => f.title).join(' | ')}`);
  const fixed = applyEdits(text, fix.edits);
  assertUntouchedOutside(text, fixed, fix);
  assertParses(fixed);
  const after = analyse(fixed, settings);
  assert.ok(!after.some((f) => f.code === code && f.field === field && f.message === finding.message), `the finding is still there after "${title}":\n${fixed}`);
  assert.ok(!after.some((f) => f.code === 'JSON_ERROR'), fixed);
  return fixed;
}

/** Everything before the first edit and after the last one is unchanged. */
function assertUntouchedOutside(before: string, after: string, fix: QuickFix): void {
  const first = Math.min(...fix.edits.map((e) => e.start));
  const last = Math.max(...fix.edits.map((e) => e.end));
  assert.equal(after.slice(0, first), before.slice(0, first));
  assert.equal(after.slice(after.length - (before.length - last)), before.slice(last));
}

describe('fixesFor: hints from the validator, end to end on JSON', () => {
  it('renames a mistyped key, keeping the JSON quotes', () => {
    const text = '{\n  "clientId": "a",\n  "expiry_time": 600\n}';
    const fixed = applyFix(text, 'unknown-field', 'expiry_time', "Rename 'expiry_time' to 'expiryTime'");
    assert.equal(fixed, '{\n  "clientId": "a",\n  "expiryTime": 600\n}');
  });

  it('replaces a near-miss document type and country alias', () => {
    const text = '{ "clientId": "a", "documents": ["ID_CARD", "PASPORT"], "country": "UK" }';
    const fixed = applyFix(text, 'BAD_VALUE', 'documents[1]', 'Replace "PASPORT" with "PASSPORT"');
    assert.equal(fixed, '{ "clientId": "a", "documents": ["ID_CARD", "PASSPORT"], "country": "UK" }');
    applyFix(text, 'BAD_VALUE', 'country', 'Replace "UK" with "GB"');
  });

  it('changes http:// to https://', () => {
    const text = '{ "clientId": "a", "callbackUrl": "http://hooks.example.com/idenfy?x=1" }';
    const fixed = applyFix(text, 'BAD_VALUE', 'callbackUrl', 'Change http:// to https://');
    assert.ok(fixed.includes('"https://hooks.example.com/idenfy?x=1"'));
  });

  it('rewrites an unambiguous date as YYYY-MM-DD, and offers nothing for an ambiguous one', () => {
    applyFix('{ "clientId": "a", "dateOfBirth": "17.05.1990" }', 'BAD_VALUE', 'dateOfBirth', 'Replace "17.05.1990" with "1990-05-17"');
    const ambiguous = findingOf(analyse('{ "clientId": "a", "dateOfBirth": "05/06/1990" }'), 'BAD_VALUE', 'dateOfBirth');
    assert.deepEqual(fixesFor(ambiguous, '{ "clientId": "a", "dateOfBirth": "05/06/1990" }', 'json'), []);
  });

  it('moves an out-of-range number to the nearest bound', () => {
    assert.match(applyFix('{ "clientId": "a", "sessionLength": 4000 }', 'BAD_VALUE', 'sessionLength', 'Replace 4000 with 3600'), /"sessionLength": 3600 }/);
    assert.match(applyFix('{ "clientId": "a", "sessionLength": 10 }', 'BAD_VALUE', 'sessionLength', 'Replace 10 with 60'), /"sessionLength": 60 }/);
  });

  it('turns a string "true" into the boolean and a numeric clientId into a string', () => {
    assert.match(applyFix('{ "clientId": "a", "checkAml": "true" }', 'BAD_VALUE', 'checkAml', 'Replace "true" with true'), /"checkAml": true }/);
    assert.match(applyFix('{ "clientId": 12345, "checkAml": true }', 'numeric-client-id', 'clientId', 'Replace 12345 with "12345"'), /"clientId": "12345"/);
  });

  it('offers removing either of two conflicting fields, each leaving valid JSON', () => {
    const text = '{\n  "clientId": "a",\n  "utilityBill": true,\n  "additionalSteps": { "ALL": { "ALL": { "UTILITY_BILL": {} } } }\n}';
    const finding = findingOf(analyse(text), 'VALIDATION_ERROR', 'utilityBill');
    const titles = fixesFor(finding, text, 'json').map((f) => [f.title, f.isPreferred ?? false]);
    assert.deepEqual(titles, [
      ["Remove 'utilityBill'", false],
      ["Remove 'additionalSteps'", false],
    ]);
    assert.equal(applyFix(text, 'VALIDATION_ERROR', 'utilityBill', "Remove 'utilityBill'"), '{\n  "clientId": "a",\n  "additionalSteps": { "ALL": { "ALL": { "UTILITY_BILL": {} } } }\n}');
    assert.equal(applyFix(text, 'VALIDATION_ERROR', 'utilityBill', "Remove 'additionalSteps'"), '{\n  "clientId": "a",\n  "utilityBill": true\n}');
  });

  it('removes the earlier of duplicate keys', () => {
    const text = '{ "clientId": "a", "locale": "en", "locale": "lt" }';
    const fixed = applyFix(text, 'duplicate-key', 'locale', "Remove the earlier 'locale'");
    assert.equal(fixed, '{ "clientId": "a", "locale": "lt" }');
  });

  it('adds a missing clientId as the first property, indented like the file', () => {
    assert.equal(
      applyFix('{\n    "tokenType": "DOCUMENT",\n    "locale": "lt"\n}', 'MISSING_VALUE', 'clientId', "Add missing 'clientId'"),
      '{\n    "clientId": "",\n    "tokenType": "DOCUMENT",\n    "locale": "lt"\n}',
    );
    assert.equal(applyFix('{\n\t"tokenType": "DOCUMENT"\n}', 'MISSING_VALUE', 'clientId', "Add missing 'clientId'"), '{\n\t"clientId": "",\n\t"tokenType": "DOCUMENT"\n}');
    assert.equal(applyFix('{ "tokenType": "DOCUMENT" }', 'MISSING_VALUE', 'clientId', "Add missing 'clientId'"), '{ "clientId": "", "tokenType": "DOCUMENT" }');
    assert.equal(applyFix('{}', 'MISSING_VALUE', 'clientId', "Add missing 'clientId'"), '{"clientId": ""}');
    assert.equal(applyFix('{ }', 'MISSING_VALUE', 'clientId', "Add missing 'clientId'"), '{ "clientId": "" }');
    assert.equal(applyFix('{\n}', 'MISSING_VALUE', 'clientId', "Add missing 'clientId'"), '{\n  "clientId": ""\n}');
    // A comment on the brace's line stays there; the new line goes below it.
    assert.equal(
      applyFix('{ // test payload\r\n  "tokenType": "DOCUMENT"\r\n}', 'MISSING_VALUE', 'clientId', "Add missing 'clientId'"),
      '{ // test payload\r\n  "clientId": "",\r\n  "tokenType": "DOCUMENT"\r\n}',
    );
  });

  it('marks a single obvious fix preferred, not a choice or a removal', () => {
    const text = '{ "clientID": "a", "checkAml": "true" }';
    const findings = analyse(text);
    assert.equal(fixesFor(findingOf(findings, 'unknown-field', 'clientID'), text, 'json')[0].isPreferred, true);
    assert.equal(fixesFor(findingOf(findings, 'BAD_VALUE', 'checkAml'), text, 'json')[0].isPreferred, true);
    const settings = normalizeSettings({ account: { customCallbackUrl: false } }).settings;
    const withCallback = '{ "clientId": "a", "callbackUrl": "https://x.example.com/hook" }';
    const permission = findingOf(analyse(withCallback, settings), 'PERMISSIONS_ERROR', 'callbackUrl');
    const [remove] = fixesFor(permission, withCallback, 'json');
    assert.equal(remove.title, "Remove 'callbackUrl'");
    assert.equal(remove.isPreferred, undefined);
    assert.equal(applyEdits(withCallback, remove.edits), '{ "clientId": "a" }');
  });
});

describe('fixesFor: removing a property keeps the object valid', () => {
  const settings = normalizeSettings({ account: { customCallbackUrl: false } }).settings;
  const remove = (text: string) => applyFix(text, 'PERMISSIONS_ERROR', 'callbackUrl', "Remove 'callbackUrl'", settings);
  const url = '"callbackUrl": "https://x.example.com/hook"';

  it('first, middle, last and only property, on lines of their own', () => {
    assert.equal(remove(`{\n  ${url},\n  "clientId": "a",\n  "locale": "lt"\n}`), '{\n  "clientId": "a",\n  "locale": "lt"\n}');
    assert.equal(remove(`{\n  "clientId": "a",\n  ${url},\n  "locale": "lt"\n}`), '{\n  "clientId": "a",\n  "locale": "lt"\n}');
    assert.equal(remove(`{\n  "clientId": "a",\n  "locale": "lt",\n  ${url}\n}`), '{\n  "clientId": "a",\n  "locale": "lt"\n}');
    const only = `{\n  ${url}\n}`;
    const finding = findingOf(analyse(only, settings), 'PERMISSIONS_ERROR', 'callbackUrl');
    assert.equal(applyEdits(only, fixesFor(finding, only, 'json')[0].edits), '{\n}');
  });

  it('first, middle and last property on one line', () => {
    assert.equal(remove(`{${url}, "clientId": "a", "locale": "lt"}`), '{"clientId": "a", "locale": "lt"}');
    assert.equal(remove(`{ "clientId": "a", ${url}, "locale": "lt" }`), '{ "clientId": "a", "locale": "lt" }');
    assert.equal(remove(`{ "clientId": "a", "locale": "lt", ${url} }`), '{ "clientId": "a", "locale": "lt" }');
  });

  it('with CRLF line ends', () => {
    assert.equal(remove(`{\r\n  "clientId": "a",\r\n  ${url},\r\n  "locale": "lt"\r\n}`), '{\r\n  "clientId": "a",\r\n  "locale": "lt"\r\n}');
    assert.equal(remove(`{\r\n  "clientId": "a",\r\n  ${url}\r\n}`), '{\r\n  "clientId": "a"\r\n}');
  });

  it('with JSONC comments and a trailing comma, leaving the comments in place', () => {
    assert.equal(remove(`{\n  "clientId": "a", // who\n  /* hook */ ${url},\n  "locale": "lt"\n}`), '{\n  "clientId": "a", // who\n  /* hook */\n  "locale": "lt"\n}');
    assert.equal(remove(`{\n  "clientId": "a", // the user, "quoted"\n  // the hook\n  ${url}\n}`), '{\n  "clientId": "a" // the user, "quoted"\n  // the hook\n}');
    assert.equal(remove(`{\n  "clientId": "a",\n  ${url},\n}`), '{\n  "clientId": "a",\n}');
    assert.equal(remove(`{\n  "clientId": "a",\n  ${url} // remove me too? no: only the property\n}`), '{\n  "clientId": "a" // remove me too? no: only the property\n}');
  });
});

describe('fixesFor: code payloads', () => {
  function codeFix(source: string, code: string, field: string, title: string, settings = DEFAULT_SETTINGS): string {
    const root = codePayload(source);
    const finding = findingOf(validatePayload(root, settings), code, field);
    const fix = fixesFor(finding, source, 'code').find((f) => f.title === title);
    assert.ok(
      fix,
      `no fix "${title}"; got ${fixesFor(finding, source, 'code')
        .map((f) => f.title)
        .join(' | ')}`,
    );
    const fixed = applyEdits(source, fix.edits);
    const after = validatePayload(codePayload(fixed), settings);
    assert.ok(!after.some((f) => f.code === code && f.field === field && f.message === finding.message), fixed);
    return fixed;
  }

  it('keeps a bare key bare and a quoted key in its quotes', () => {
    assert.equal(codeFix('const p = { clientId: id, expiry_time: 600 };', 'unknown-field', 'expiry_time', "Rename 'expiry_time' to 'expiryTime'"), 'const p = { clientId: id, expiryTime: 600 };');
    assert.equal(codeFix("const p = { clientId: id, 'expiry_time': 600 };", 'unknown-field', 'expiry_time', "Rename 'expiry_time' to 'expiryTime'"), "const p = { clientId: id, 'expiryTime': 600 };");
  });

  it('keeps the quote style of the string it replaces', () => {
    assert.equal(
      codeFix("const p = { clientId: id, documents: ['PASPORT'] };", 'BAD_VALUE', 'documents[0]', 'Replace "PASPORT" with "PASSPORT"'),
      "const p = { clientId: id, documents: ['PASSPORT'] };",
    );
    assert.equal(codeFix('const p = { clientId: id, country: "UK" };', 'BAD_VALUE', 'country', 'Replace "UK" with "GB"'), 'const p = { clientId: id, country: "GB" };');
    assert.equal(
      codeFix('const p = { clientId: id, successUrl: `http://shop.example.com/ok` };', 'BAD_VALUE', 'successUrl', 'Change http:// to https://'),
      'const p = { clientId: id, successUrl: `https://shop.example.com/ok` };',
    );
  });

  it("writes booleans and numbers as literals, and a number turned string in the file's quotes", () => {
    assert.equal(
      codeFix("const p = { clientId: 'a', showInstructions: 'true' };", 'BAD_VALUE', 'showInstructions', 'Replace "true" with true'),
      "const p = { clientId: 'a', showInstructions: true };",
    );
    assert.equal(codeFix("const p = { clientId: 'a', sessionLength: 4000 };", 'BAD_VALUE', 'sessionLength', 'Replace 4000 with 3600'), "const p = { clientId: 'a', sessionLength: 3600 };");
    assert.equal(codeFix('const p = { clientId: 42, locale: "lt" };', 'numeric-client-id', 'clientId', 'Replace 42 with "42"'), 'const p = { clientId: "42", locale: "lt" };');
  });

  it('removing the last property keeps a spread before it', () => {
    const settings = normalizeSettings({ account: { customCallbackUrl: false } }).settings;
    assert.equal(
      codeFix("const p = { clientId: id, ...defaults, callbackUrl: 'https://x.example.com/h' };", 'PERMISSIONS_ERROR', 'callbackUrl', "Remove 'callbackUrl'", settings),
      'const p = { clientId: id, ...defaults };',
    );
  });

  it('adds clientId with a bare key, and removes a property with its comma', () => {
    assert.equal(
      codeFix("const body = JSON.stringify({\n    tokenType: 'DOCUMENT',\n  });", 'MISSING_VALUE', 'clientId', "Add missing 'clientId'"),
      "const body = JSON.stringify({\n    clientId: '',\n    tokenType: 'DOCUMENT',\n  });",
    );
    assert.equal(
      codeFix('const body = JSON.stringify({ tokenType: "DOCUMENT" });', 'MISSING_VALUE', 'clientId', "Add missing 'clientId'"),
      'const body = JSON.stringify({ clientId: "", tokenType: "DOCUMENT" });',
    );
    const settings = normalizeSettings({ account: { customCallbackUrl: false } }).settings;
    assert.equal(
      codeFix("const p = {\n  clientId: user.id,\n  callbackUrl: 'https://x.example.com/h',\n};", 'PERMISSIONS_ERROR', 'callbackUrl', "Remove 'callbackUrl'", settings),
      'const p = {\n  clientId: user.id,\n};',
    );
  });
});

describe('fixesFor: robustness', () => {
  it('finds the comma before the last property past comments holding commas and quotes, without parent links', () => {
    const settings = normalizeSettings({ account: { customCallbackUrl: false } }).settings;
    const text = '{\n  "clientId": "a", // see http://x.example.com, "quoted"\n  /* note, */\n  "callbackUrl": "https://x.example.com/h"\n}';
    const finding = findingOf(analyse(text, settings), 'PERMISSIONS_ERROR', 'callbackUrl');
    const orphan = { ...finding, fixes: finding.fixes!.map((hint) => (hint.kind === 'removeProperty' ? { ...hint, property: { ...hint.property, parent: undefined } } : hint)) };
    const [fix] = fixesFor(orphan, text, 'json');
    assert.equal(applyEdits(text, fix.edits), '{\n  "clientId": "a" // see http://x.example.com, "quoted"\n  /* note, */\n}');
  });

  it('offers nothing when the nodes no longer fit the text', () => {
    const text = '{ "clientID": "a" }';
    const finding = findingOf(analyse(text), 'unknown-field', 'clientID');
    assert.deepEqual(fixesFor(finding, '{}', 'json'), []);
  });

  it('offers nothing for a finding without hints', () => {
    const text = '{ "clientId": "a", "firstName": "J0hn" }';
    assert.deepEqual(fixesFor(findingOf(analyse(text), 'BAD_VALUE', 'firstName'), text, 'json'), []);
  });
});
