/**
 * Realistic payload files: test/fixtures/json (this suite's own), test/fixtures/official (iDenfy's published
 * examples, collected with SOURCES.md) and test/fixtures/research/whitelabel-markid (copies of older iDenfy docs).
 *
 * Standard: iDenfy's own examples come out with no error and no warning, except where the spec itself decides
 * otherwise; each such exception is listed below with the spec's words.
 */
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../core/index';
import { check, Expected, expectExactly, fixTargets, listFindings, listFixtures, readFixture } from './helpers';

function checkFile(folder: string, name: string, settings?: unknown, asJson = false) {
  return check(readFixture(folder, name), { allowComments: !asJson && name.endsWith('.jsonc'), settings, path: `/workspace/${name}` });
}

/** Not an error, not a warning. */
function expectNoErrorOrWarning(folder: string, name: string): void {
  const checked = checkFile(folder, name);
  const bad = checked.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  assert.equal(bad.length, 0, `${folder}/${name}:\n${listFindings(checked)}`);
}

describe('official iDenfy examples (test/fixtures/official)', () => {
  /**
   * Official examples the spec does not let through clean. Every other official file must have no error and no
   * warning (information notes are fine).
   */
  const exceptions: Record<string, { readonly why: string; readonly expect: readonly Expected[] }> = {
    'generate-token-restricted-countries-array.json': {
      why: 'spec, country: "One docs example sends an array of codes: warn on arrays"',
      expect: [{ code: 'country-array', severity: 'warning', at: '["US", "GB", "DE"]' }],
    },
    'legacy-python-flask-numeric-clientid.json': {
      why: 'spec, clientId: "A number is accepted by the API in an old official sample: warn, don\'t fail"',
      expect: [{ code: 'numeric-client-id', severity: 'warning', at: '1' }],
    },
    'api-reference-generated-kyc-token.json': {
      // A generated sample with "<string>" placeholders, in a nested request shape that no other page, no official
      // sample and the spec do not document (see SOURCES.md and research/contradictions.md, item 1). The spec's
      // rules apply as written: locale is at most 7 characters, and keys outside the field table are warned about.
      why: 'generated placeholder sample in an undocumented nested shape; the example is wrong, not the rules',
      expect: [
        { code: 'BAD_VALUE', severity: 'error', at: '"<string>"', field: 'locale' },
        ...['lifetime', 'allowedCountries', 'allowedDocuments', 'client', 'urls', 'settings'].map((key): Expected => ({ code: 'unknown-field', severity: 'warning', at: `"${key}"` })),
      ],
    },
  };

  const files = listFixtures('official', ['.json']);

  it('the folder holds the examples', () => {
    assert.ok(files.length >= 10, `found ${files.length} official examples`);
    for (const name of Object.keys(exceptions)) assert.ok(files.includes(name), `${name} is listed as an exception but missing`);
  });

  for (const name of files) {
    const exception = exceptions[name];
    if (exception) {
      it(`${name}: only what the spec decides (${exception.why})`, () => {
        expectExactly(checkFile('official', name), exception.expect, `${name}: `);
      });
    } else {
      it(`${name}: no error and no warning`, () => expectNoErrorOrWarning('official', name));
    }
  }

  it('dummy-results-approved.json: the DEV-credentials note is the only finding', () => {
    if (!files.includes('dummy-results-approved.json')) return;
    expectExactly(checkFile('official', 'dummy-results-approved.json'), [{ code: 'dev-credentials-only', severity: 'information', at: '"dummyStatus"' }]);
  });

  it('the examples with token-only keys are found by content too (outside the file pattern)', () => {
    const service = createLanguageService({ settings: {} });
    for (const name of ['dummy-results-approved.json', 'generate-token-full-common-fields.json', 'legacy-github-full-control-2019.json'].filter((n) => files.includes(n))) {
      const result = service.analyze({ uri: `file:///p/${name}`, languageId: 'json', text: readFixture('official', name) });
      assert.equal(result.payloads[0]?.via ?? 'none', 'content', name);
    }
  });
});

describe('white-label copies of older iDenfy docs (test/fixtures/research/whitelabel-markid)', () => {
  const files = listFixtures('research/whitelabel-markid', ['.json']);
  for (const name of files) {
    it(`${name}: no error and no warning`, () => expectNoErrorOrWarning('research/whitelabel-markid', name));
  }

  it('markid-full-control.json: utilityBill false next to additionalSteps null, address next to additionalData null: no combination error', () => {
    if (!files.includes('markid-full-control.json')) return;
    const checked = checkFile('research/whitelabel-markid', 'markid-full-control.json');
    assert.deepEqual(checked.findings, []);
  });
});

describe("this suite's payload fixtures (test/fixtures/json)", () => {
  const folder = 'json';
  const expectations: Record<string, () => void> = {
    'kyc-full-valid.idenfy.json': () => {
      expectExactly(checkFile(folder, 'kyc-full-valid.idenfy.json'), []);
    },
    'kyc-additional-steps.idenfy.json': () => {
      expectExactly(checkFile(folder, 'kyc-additional-steps.idenfy.json'), []);
      // The same payload on an account without additional steps.
      expectExactly(checkFile(folder, 'kyc-additional-steps.idenfy.json', { account: { additionalSteps: false } }), [{ code: 'PERMISSIONS_ERROR', severity: 'error', at: '"additionalSteps"' }]);
    },
    'kyc-with-comments.idenfy.jsonc': () => {
      expectExactly(checkFile(folder, 'kyc-with-comments.idenfy.jsonc'), []);
      // The same text checked as .json: three comments and two trailing commas, nothing else.
      const asJson = checkFile(folder, 'kyc-with-comments.idenfy.jsonc', undefined, true);
      assert.deepEqual(
        asJson.findings.map((f) => f.code),
        Array(5).fill('JSON_ERROR'),
        listFindings(asJson),
      );
      assert.equal(asJson.findings.filter((f) => /Comments are not allowed/.test(f.message)).length, 3);
      // The trailing commas: one before `]` (with a comment in between) and one before `}`.
      const rest = asJson.findings.filter((f) => !/Comments are not allowed/.test(f.message));
      assert.deepEqual(
        rest.map((f) => asJson.text.slice(f.start, f.end)),
        [']', '}'],
      );
      for (const f of rest) assert.match(f.message, /Trailing comma/);
    },
    'kyc-common-mistakes.idenfy.json': () => {
      const checked = checkFile(folder, 'kyc-common-mistakes.idenfy.json');
      const found = expectExactly(checked, [
        { code: 'MISSING_VALUE', severity: 'error', at: '{', field: 'clientId' },
        { code: 'unknown-field', severity: 'warning', at: '"clientID"', says: ['clientId'] },
        { code: 'BAD_VALUE', severity: 'error', at: '"John2"', field: 'firstName' },
        { code: 'BAD_VALUE', severity: 'error', at: '"1990-02-30"', field: 'dateOfBirth' },
        { code: 'BAD_VALUE', severity: 'error', at: '"UK"', field: 'country' },
        { code: 'BAD_VALUE', severity: 'error', at: '"PASPORT"' },
        { code: 'unknown-locale', severity: 'information', at: '"english"' },
        { code: 'BAD_VALUE', severity: 'error', at: '"true"', field: 'showInstructions' },
        { code: 'BAD_VALUE', severity: 'error', at: '"86400"', field: 'expiryTime' },
        { code: 'BAD_VALUE', severity: 'error', at: '7200', field: 'sessionLength', says: ['sessionLength must be an integer from 60 to 3600 seconds; got 7200.'] },
        { code: 'BAD_VALUE', severity: 'error', at: '"http://shop.example.com/kyc/done"', field: 'successUrl' },
        { code: 'BAD_VALUE', severity: 'error', at: '"shop.example.com/kyc/error"', field: 'errorUrl' },
        { code: 'unknown-field', severity: 'warning', at: '"expiry_time"', says: ['expiryTime'] },
        { code: 'BAD_VALUE', severity: 'error', at: '"male"', field: 'sex' },
        { code: 'BAD_VALUE', severity: 'error', at: '"high-risk"', field: 'riskAssessmentProfile' },
      ]);
      const fixes = Object.fromEntries(found.map((f) => [checked.text.slice(f.start, f.end), fixTargets(f)]));
      assert.deepEqual(fixes['"clientID"'], ['clientId']);
      assert.deepEqual(fixes['"UK"'], ['GB']);
      assert.deepEqual(fixes['"PASPORT"'], ['PASSPORT']);
      assert.deepEqual(fixes['"true"'], [true]);
      assert.deepEqual(fixes['"86400"'], [86400]);
      assert.deepEqual(fixes['"http://shop.example.com/kyc/done"'], ['https://shop.example.com/kyc/done']);
      assert.deepEqual(fixes['7200'], [3600]);
    },
    'kyc-combination-mistakes.idenfy.json': () => {
      expectExactly(checkFile(folder, 'kyc-combination-mistakes.idenfy.json'), [
        { code: 'VALIDATION_ERROR', severity: 'error', at: '"AADHAAR"' },
        { code: 'VALIDATION_ERROR', severity: 'error', at: '"BANK_ID_SE"' },
        { code: 'VALIDATION_ERROR', severity: 'error', at: '"utilityBill"' },
        { code: 'VALIDATION_ERROR', severity: 'error', at: '"address"' },
        { code: 'PARTNER_CONTRACT_ERROR', severity: 'error', at: '86400' },
        { code: 'VALIDATION_ERROR', severity: 'error', at: '21', field: 'ageLimit' },
      ]);
      // A longer-lived digit code declared for the account removes that one.
      const settings = { 'idenfy.account.digitStringMaxExpiry': 86400 };
      assert.ok(!checkFile(folder, 'kyc-combination-mistakes.idenfy.json', settings).findings.some((f) => f.code === 'PARTNER_CONTRACT_ERROR'));
    },
    'kyc-dev-dummy.idenfy.json': () => {
      const checked = checkFile(folder, 'kyc-dev-dummy.idenfy.json');
      expectExactly(checked, [
        { code: 'dev-credentials-only', severity: 'information', at: '"dummyStatus"' },
        { code: 'legacy-value', severity: 'information', at: '"VIDEO_CALL"' },
        { code: 'legacy-field', severity: 'information', at: '"personScanRef"' },
      ]);
    },
    'kyc-half-typed.idenfy.json': () => {
      const checked = checkFile(folder, 'kyc-half-typed.idenfy.json');
      assert.ok(
        checked.findings.some((f) => f.code === 'JSON_ERROR'),
        listFindings(checked),
      );
      assert.ok(
        checked.findings.some((f) => f.code === 'BAD_VALUE' && f.field === 'sessionLength'),
        listFindings(checked),
      );
      assert.ok(!checked.findings.some((f) => f.code === 'MISSING_VALUE'));
    },
  };

  const files = listFixtures(folder, ['.json', '.jsonc']);
  it('every fixture has an expectation here', () => {
    assert.deepEqual(files, Object.keys(expectations).sort());
  });
  for (const name of files) it(name, () => expectations[name]?.());

  describe('not-payloads: JSON with a clientId that is not a token request', () => {
    const service = createLanguageService({ settings: {} });
    const notPayloads = listFixtures('json/not-payloads', ['.json']);
    it('the folder holds them', () => assert.ok(notPayloads.length >= 3));
    for (const name of notPayloads) {
      it(`${name}: no diagnostics`, () => {
        const result = service.analyze({ uri: `file:///workspace/config/${basename(name)}`, languageId: 'json', text: readFixture('json', 'not-payloads', name) });
        assert.equal(result.payloads[0]?.via ?? 'none', 'none');
        assert.deepEqual(result.findings, []);
      });
    }
  });
});
