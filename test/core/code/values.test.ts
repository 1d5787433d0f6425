import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PayloadNode } from '../../../core';
import { analyze, at, located, plain } from './helpers';

/** What the payload model holds for each kind of value, and what the rules may conclude from it. */

const URL = "const TOKEN_URL = 'https://ivs.idenfy.com/api/v2/token';\n";

function payloadOf(body: string) {
  const code = `${URL}axios.post(TOKEN_URL, ${body});`;
  const result = analyze(code);
  assert.equal(result.payloads.length, 1, 'one payload');
  return { code, root: result.payloads[0].root, findings: located(code, result.findings) };
}

function property(root: PayloadNode, key: string): PayloadNode {
  const found = root.children!.find((p) => p.children![0].value === key);
  assert.ok(found, `property ${key}`);
  return found.children![1];
}

describe('computed values are unknown, never wrong', () => {
  const computed: Array<[string, string, string]> = [
    ['an identifier', 'firstName: name', 'identifier `name`'],
    ['a call', 'firstName: user.getName()', 'call `user.getName()`'],
    ['a member access', 'firstName: user.profile?.first', 'member `user.profile?.first`'],
    ['a template with a substitution', 'successUrl: `${APP_URL}/kyc/done`', 'template `` `${APP_URL}/kyc/done` ``'],
    ['a conditional', "sex: isWoman ? 'F' : 'M'", "conditional `isWoman ? 'F' : 'M'`"],
    ['a logical fallback that may send an empty string', "firstName: profile.first || ''", "expression `profile.first || ''`"],
    ['as of a computed value', 'expiryTime: config.expiry as number', 'member `config.expiry as number`'],
    ['undefined', 'lastName: undefined', 'identifier `undefined`'],
    ['a number computed at run time', 'expiryTime: Number(process.env.EXPIRY)', 'call `Number(process.env.EXPIRY)`'],
    ['an arrow function', 'locale: () => "en"', 'expression `() => "en"`'],
    ['a JSON.stringify inside the payload', 'additionalData: JSON.stringify(data)', 'call `JSON.stringify(data)`'],
    ['a BigInt', 'expiryTime: 3600n', 'expression `3600n`'],
  ];
  for (const [name, member, description] of computed) {
    test(name, () => {
      const { root, findings } = payloadOf(`{ clientId: 'c-1', ${member} }`);
      assert.deepEqual(findings, []);
      const value = root.children![1].children![1];
      assert.equal(value.type, 'unknown');
      assert.equal(value.description, description);
    });
  }

  test('a long computed value is described in short', () => {
    const { root } = payloadOf(`{ clientId: somethingVeryLongThatGoesOnAndOnForMoreThanFortyCharacters.id }`);
    assert.equal(property(root, 'clientId').description, 'member `somethingVeryLongThatGoesOnAndOnForMore…`');
  });
});

describe('literals, unwrapped', () => {
  test('as const, parentheses, satisfies and ! keep the literal and its position', () => {
    const { code, root, findings } = payloadOf("{ clientId: ('c-1'), sex: 'X' as const, locale: ('en' satisfies string), tokenType: 'VIDEO'! }");
    assert.equal(property(root, 'clientId').value, 'c-1');
    assert.deepEqual(findings, [at(code, 'BAD_VALUE', "'X'"), at(code, 'BAD_VALUE', "'VIDEO'")]);
  });

  test('negative numbers, numeric separators, hex and exponents', () => {
    const { code, root, findings } = payloadOf("{ clientId: 'c-1', sessionLength: -5, expiryTime: 2_592_001, ageLimit: 0x12, ageMax: 1e2, faceMatchingThresholdModifier: -0.5 }");
    assert.equal(property(root, 'sessionLength').value, -5);
    assert.equal(property(root, 'ageLimit').value, 18);
    assert.equal(property(root, 'ageMax').value, 100);
    assert.deepEqual(findings, [at(code, 'BAD_VALUE', '-5'), at(code, 'BAD_VALUE', '2_592_001')]);
  });

  test('strings with escapes are checked by their value', () => {
    const { root, findings } = payloadOf('{ clientId: \'c\\u002d1\', firstName: "Ona\\tB", lastName: `Šimkutė` }');
    assert.equal(property(root, 'clientId').value, 'c-1');
    assert.equal(property(root, 'firstName').value, 'Ona\tB');
    assert.equal(property(root, 'lastName').value, 'Šimkutė');
    assert.deepEqual(findings, []);
  });

  test('nested objects and arrays are checked, their spread items unknown', () => {
    const { code, findings, root } = payloadOf("{ clientId: 'c-1', documents: [...extra, 'PASPORT'], additionalSteps: { ALL: { ALL: { UTILITY_BILL: { type: 'SCAN' } } } } }");
    assert.equal(property(root, 'documents').children![0].type, 'unknown');
    assert.deepEqual(findings, [at(code, 'BAD_VALUE', "'PASPORT'"), at(code, 'BAD_VALUE', "'SCAN'")]);
  });

  test('the model keeps offsets and lengths of keys, values and properties', () => {
    const { code, root } = payloadOf("{ 'clientId': 'c-1', sex: 'F' }");
    const [first, second] = root.children!;
    assert.deepEqual(plain(first), {
      type: 'property',
      offset: code.indexOf("'clientId'"),
      length: "'clientId': 'c-1'".length,
      children: [
        { type: 'string', value: 'clientId', offset: code.indexOf("'clientId'"), length: 10 },
        { type: 'string', value: 'c-1', offset: code.indexOf("'c-1'"), length: 5 },
      ],
    });
    assert.equal(second.children![0].offset, code.indexOf('sex'));
    assert.equal(root.offset, code.indexOf('{'));
    assert.equal(root.length, code.lastIndexOf('}') + 1 - code.indexOf('{'));
    assert.equal(first.parent, root);
    assert.equal(first.children![1].parent, first);
  });
});

describe('keys we cannot read', () => {
  test('a spread: a missing clientId cannot be claimed, the other keys are still checked', () => {
    const { code, root, findings } = payloadOf("{ ...defaults, sex: 'X' }");
    assert.equal(root.hasSpread, true);
    assert.deepEqual(findings, [at(code, 'BAD_VALUE', "'X'")]);
  });

  test('without a spread, the missing clientId is reported on the object', () => {
    const { code, findings } = payloadOf("{ locale: 'en' }");
    assert.deepEqual(findings, [{ code: 'MISSING_VALUE', at: code.indexOf('{ locale'), text: '{' }]);
  });

  test('shorthand { clientId } counts as present, its value unknown', () => {
    const { code, root, findings } = payloadOf('{ clientId, personalNumber }');
    assert.deepEqual(findings, []);
    const value = property(root, 'clientId');
    assert.equal(value.type, 'unknown');
    assert.equal(value.offset, code.indexOf('clientId, '));
    assert.equal(value.description, 'identifier `clientId`');
  });

  test('a computed key leaves the object open; a computed key written as a string is read', () => {
    assert.deepEqual(payloadOf('{ [key]: value }').findings, []);
    const { code, findings } = payloadOf("{ ['clientId']: 'c-1', ['sex']: 'X' }");
    assert.deepEqual(findings, [at(code, 'BAD_VALUE', "'X'")]);
  });

  test('methods and setters are not sent; a getter is a key with an unknown value', () => {
    const { root, findings } = payloadOf("{ clientId: 'c-1', describe() { return 1; }, set x(v) {}, get locale() { return 'en'; } }");
    assert.deepEqual(
      root.children!.map((p) => p.children![0].value),
      ['clientId', 'locale'],
    );
    assert.equal(property(root, 'locale').type, 'unknown');
    assert.deepEqual(findings, []);
  });

  test('a toJSON member decides what is sent: the literal is not the payload', () => {
    const code = `${URL}axios.post(TOKEN_URL, { sex: 'X', toJSON() { return real; } });`;
    assert.deepEqual(analyze(code), { payloads: [], findings: [] });
  });

  test('duplicate keys are reported as in JSON', () => {
    const { code, findings } = payloadOf("{ clientId: 'a', clientId: 'b' }");
    assert.deepEqual(findings, [{ code: 'duplicate-key', at: code.indexOf('clientId'), text: 'clientId' }]);
  });
});

describe('writes after the literal', () => {
  const run = (lines: string) => {
    const code = `${URL}async function f(id) {\n${lines}\n  return axios.post(TOKEN_URL, payload);\n}`;
    return { code, findings: located(code, analyze(code).findings) };
  };

  test('payload.k = v: v is checked on its own and the base literal value of k is no longer trusted', () => {
    const { code, findings } = run(
      "  const payload = { locale: 'en', sessionLength: 4000 };\n  if (id) payload.sessionLength = 600;\n  payload.documents = [];\n  payload['sex'] = 'X';\n  payload.clientId = id;",
    );
    assert.deepEqual(findings, [at(code, 'empty-documents', '[]'), at(code, 'BAD_VALUE', "'X'")]);
  });

  test('an added key means a missing clientId cannot be claimed', () => {
    assert.deepEqual(run("  const payload = { locale: 'en' };\n  payload[field] = id;").findings, []);
    assert.deepEqual(run("  const payload = { locale: 'en' };\n  Object.assign(payload, extra);").findings, []);
  });

  test('delete payload.k: k may be absent, so no combination rule counts on it', () => {
    const { findings } = run("  const payload = { clientId: 'c', address: 'Main st. 1', additionalData: { UTILITY_BILL: {} }, additionalSteps: {} };\n  delete payload.address;");
    assert.deepEqual(
      findings.map((f) => f.code),
      [],
    );
  });

  test('payload.k.push(…) changes k: an empty array is not reported', () => {
    assert.deepEqual(run("  const payload = { clientId: 'c', documents: [] };\n  payload.documents.push('PASSPORT');").findings, []);
  });

  test('writes to another variable of the same name do not count', () => {
    const { code, findings } = run("  const payload = { clientId: 'c', documents: [] };\n  { const payload = {}; payload.documents = ['PASSPORT']; }");
    assert.deepEqual(findings, [at(code, 'empty-documents', '[]')]);
  });
});
