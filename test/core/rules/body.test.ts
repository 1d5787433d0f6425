/**
 * Body-level rules (spec: "Request-parsing failures"): empty body, array/string/number/null body, invalid JSON,
 * comments and trailing commas in .json vs .jsonc.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, expectExactly, expectOne } from './helpers';

describe('body that is not a JSON object', () => {
  it('empty body: JSON_ERROR ("An error occurred while parsing/constructing JSON")', () => {
    expectOne(check(''), { code: 'JSON_ERROR', severity: 'error', says: ['parsing/constructing JSON'] });
  });

  it('whitespace only is empty too', () => {
    expectOne(check('  \n\t '), { code: 'JSON_ERROR', severity: 'error', says: [/empty/] });
  });

  const notObjects: ReadonlyArray<[string, string, string]> = [
    ['[]', 'list', 'an empty array'],
    ['[{"clientId":"user-123"}]', 'list', 'a payload wrapped in an array'],
    ['"user-123"', 'str', 'a string'],
    ['42', 'int', 'an integer'],
    ['4.2', 'float', 'a fraction'],
    ['true', 'bool', 'a boolean'],
  ];
  for (const [text, pythonType, why] of notObjects) {
    it(`${why} (${text}): BAD_VALUE "Expected a dictionary, but got ${pythonType}"`, () => {
      expectOne(check(text), { code: 'BAD_VALUE', severity: 'error', at: text, says: [`Expected a dictionary, but got ${pythonType}.`, /JSON object/] });
    });
  }

  it('null body: MISSING_VALUE ("Some of required values are missing")', () => {
    expectOne(check('null'), { code: 'MISSING_VALUE', severity: 'error', at: 'null', says: ['Some of required values are missing'] });
  });

  it('surrounding whitespace does not move the span', () => {
    expectOne(check('\n  [1]\n'), { code: 'BAD_VALUE', severity: 'error', at: '[1]' });
  });
});

describe('invalid JSON (JSON_ERROR)', () => {
  const broken: ReadonlyArray<[string, string]> = [
    ['{', 'an opening brace only'],
    ['{"clientId": "user-123"', 'no closing brace'],
    ['{"clientId" "user-123"}', 'no colon'],
    ['{"clientId": "user-123" "locale": "en"}', 'no comma'],
    ["{'clientId': 'user-123'}", 'single quotes'],
    ['{clientId: "user-123"}', 'an unquoted key'],
    ['{"clientId": "user-123", "expiryTime": 0x10}', 'a hex number'],
    ['{"clientId": "user-123"} {}', 'two values'],
    ['{"clientId": "user-123\n"}', 'a raw newline in a string'],
  ];
  for (const [text, why] of broken) {
    it(`${why}: JSON_ERROR, and no missing-clientId claim`, () => {
      const checked = check(text);
      const json = checked.findings.filter((f) => f.code === 'JSON_ERROR');
      assert.ok(json.length >= 1, `a JSON_ERROR for ${JSON.stringify(text)}`);
      for (const f of json) {
        assert.equal(f.severity, 'error');
        assert.match(f.message, /JSON/);
        assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, 'the span lies inside the text');
      }
      assert.ok(!checked.findings.some((f) => f.code === 'MISSING_VALUE'), 'no MISSING_VALUE while the JSON is broken');
    });
  }

  it('the span of a syntax error points at the offending token', () => {
    const text = '{"clientId": "user-123", "locale": en}';
    const checked = check(text);
    const finding = checked.findings.find((f) => f.code === 'JSON_ERROR');
    assert.ok(finding);
    assert.equal(text.slice(finding.start, finding.end), 'en');
  });

  it('field rules still run on the part that parsed', () => {
    const checked = check('{"clientId": "user-123", "sessionLength": 7200, "locale": }');
    assert.ok(checked.findings.some((f) => f.code === 'JSON_ERROR'));
    assert.ok(checked.findings.some((f) => f.code === 'BAD_VALUE' && f.field === 'sessionLength'));
  });
});

describe('comments and trailing commas: .json vs .jsonc', () => {
  const withComments = '{\n  // the user\n  "clientId": "user-123", /* ours */\n  "locale": "en"\n}';
  const withTrailingComma = '{\n  "clientId": "user-123",\n  "documents": ["ID_CARD", "PASSPORT",],\n}';

  it('a comment in .json is a JSON_ERROR that says why and how to keep it', () => {
    const checked = check(withComments, { allowComments: false });
    const comments = checked.findings.filter((f) => f.code === 'JSON_ERROR');
    assert.equal(comments.length, 2);
    assert.equal(checked.text.slice(comments[0].start, comments[0].end), '// the user');
    assert.equal(checked.text.slice(comments[1].start, comments[1].end), '/* ours */');
    for (const f of comments) assert.match(f.message, /Comments are not allowed.*\.jsonc/);
    assert.equal(checked.findings.length, 2, 'nothing else');
  });

  it('the same text in .jsonc is clean', () => {
    expectExactly(check(withComments, { allowComments: true }), []);
  });

  it('trailing commas in .json: one JSON_ERROR per comma, saying "trailing comma"', () => {
    const checked = check(withTrailingComma, { allowComments: false });
    const errors = checked.findings.filter((f) => f.code === 'JSON_ERROR');
    assert.equal(errors.length, 2);
    for (const f of errors) assert.match(f.message, /Trailing comma/);
    assert.deepEqual(
      errors.map((f) => checked.text.slice(f.start, f.end)),
      [']', '}'],
    );
    assert.ok(!checked.findings.some((f) => f.code === 'MISSING_VALUE'));
  });

  it('a trailing comma followed by comments is still called a trailing comma', () => {
    const checked = check('{"clientId": "user-123", /* note */ // more\n}');
    const last = checked.findings[checked.findings.length - 1];
    assert.equal(checked.text.slice(last.start, last.end), '}');
    assert.match(last.message, /Trailing comma/);
  });

  it('a missing value before a closing bracket is not called a trailing comma', () => {
    const checked = check('{"clientId": "user-123", "documents": [ }');
    assert.ok(checked.findings.some((f) => f.code === 'JSON_ERROR'));
    assert.ok(!checked.findings.some((f) => /Trailing comma/.test(f.message)));
  });

  it('trailing commas in .jsonc are clean', () => {
    expectExactly(check(withTrailingComma, { allowComments: true }), []);
  });

  it('rules still apply in .jsonc', () => {
    expectOne(check('{\n  // c\n  "clientId": "user-123",\n  "sessionLength": 59,\n}', { allowComments: true }), { code: 'BAD_VALUE', severity: 'error', at: '59' });
  });
});
