/**
 * Keys: unknown keys (spec: "warn … and suggest the nearest documented name when it looks like a typo"), duplicate
 * keys (a JSON parser keeps the last one), and the legacy tokenType values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, expectExactly, expectOne, fixTargets, payload } from './helpers';

describe('unknown keys (warning, project code unknown-field)', () => {
  const typos: ReadonlyArray<[string, string]> = [
    ['clientID', 'clientId'], // the spec's example
    ['expiry_time', 'expiryTime'], // the spec's example
    ['client_id', 'clientId'],
    ['session_length', 'sessionLength'],
    ['sessionLenght', 'sessionLength'],
    ['successURL', 'successUrl'],
    ['callbackURL', 'callbackUrl'],
    ['first_name', 'firstName'],
    ['document', 'documents'],
    ['utility_bill', 'utilityBill'],
    ['additionalStep', 'additionalSteps'],
  ];
  for (const [typo, meant] of typos) {
    it(`${typo} → did you mean ${meant}?`, () => {
      const body = typo === 'clientID' || typo === 'client_id' ? { [typo]: 'user-123' } : payload({ [typo]: 'x' });
      const checked = check(body);
      const unknown = checked.findings.filter((f) => f.code === 'unknown-field');
      assert.equal(unknown.length, 1);
      const finding = expectExactly({ ...checked, findings: unknown }, [{ code: 'unknown-field', severity: 'warning', at: JSON.stringify(typo), field: typo, says: [typo, meant] }])[0];
      assert.deepEqual(fixTargets(finding), [meant]);
      assert.deepEqual(
        finding.fixes?.map((f) => f.kind),
        ['renameKey'],
      );
    });
  }

  it('clientID without clientId: the missing clientId is still reported', () => {
    expectExactly(check({ clientID: 'user-123' }), [
      { code: 'MISSING_VALUE', severity: 'error', at: '{' },
      { code: 'unknown-field', severity: 'warning', at: '"clientID"' },
    ]);
  });

  for (const key of ['foo', 'email', 'phone', 'metadata', 'lifetime', 'allowedCountries', 'webhookUrl', 'userId', 'x']) {
    it(`${key}: unrelated, so a warning without a suggestion`, () => {
      const finding = expectOne(check(payload({ [key]: 'x' })), { code: 'unknown-field', severity: 'warning', at: JSON.stringify(key), says: [key, /not a documented field/] });
      assert.doesNotMatch(finding.message, /did you mean/);
      assert.equal(finding.fixes, undefined);
    });
  }

  it('the value of an unknown key is not checked', () => {
    expectOne(check(payload({ custom: { sessionLength: 7200, documents: 'x' } })), { code: 'unknown-field', severity: 'warning', at: '"custom"' });
  });

  it('a key that is an Object.prototype member is just unknown', () => {
    for (const key of ['constructor', 'toString', '__proto__']) {
      expectOne(check(`{"clientId":"user-123","${key}":1}`), { code: 'unknown-field', severity: 'warning', at: `"${key}"` }, `${key}: `);
    }
  });
});

describe('duplicate keys (warning; the last value counts)', () => {
  it('the earlier key is flagged, related to the one that counts; only the last value is checked', () => {
    const text = '{"clientId":"user-123","sessionLength":7200,"sessionLength":600}';
    const checked = check(text);
    const [finding] = expectExactly(checked, [{ code: 'duplicate-key', severity: 'warning', says: ['sessionLength', 'last'] }]);
    assert.equal(finding.start, text.indexOf('"sessionLength"'));
    assert.equal(checked.text.slice(finding.start, finding.end), '"sessionLength"');
    assert.equal(finding.related?.[0].start, text.lastIndexOf('"sessionLength"'));
    assert.deepEqual(
      finding.fixes?.map((f) => f.kind),
      ['removeProperty'],
    );
  });

  it('a bad last value is reported as well', () => {
    const text = '{"clientId":"user-123","sessionLength":600,"sessionLength":7200}';
    expectExactly(check(text), [
      { code: 'duplicate-key', severity: 'warning', at: '"sessionLength"' },
      { code: 'BAD_VALUE', severity: 'error', at: '7200' },
    ]);
  });

  it('combination rules use the last value: utilityBill true then false', () => {
    const text = '{"clientId":"user-123","utilityBill":true,"additionalSteps":{"ALL":{"ALL":{"UTILITY_BILL":{}}}},"utilityBill":false}';
    expectExactly(check(text), [{ code: 'duplicate-key', severity: 'warning', at: '"utilityBill"' }]);
  });

  it('a duplicate clientId whose last value is null is missing', () => {
    const text = '{"clientId":"user-123","clientId":null}';
    expectExactly(check(text), [
      { code: 'duplicate-key', severity: 'warning', at: '"clientId"' },
      { code: 'MISSING_VALUE', severity: 'error', at: 'null' },
    ]);
  });

  it('three copies: two warnings', () => {
    const text = '{"clientId":"a","locale":"en","locale":"lt","locale":"de"}';
    const checked = check(text);
    expectExactly(checked, [
      { code: 'duplicate-key', severity: 'warning' },
      { code: 'duplicate-key', severity: 'warning' },
    ]);
  });
});
