/**
 * Settings normalization: what VS Code's configuration API returns, `.vscode/settings.json` with dotted keys, or a
 * mix. Wrong types are reported as problems and the default is kept; nothing throws. Defaults are the spec's and
 * package.json's (digit-code maximum 3600 s; account capabilities undeclared).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeSettings } from '../../../core/settings';
import { createLanguageService } from '../../../core/index';
import { check, expectOne, payload } from './helpers';

const DEFAULT_PAYLOAD_FILES = ['**/*.idenfy.json', '**/*.idenfy.jsonc'];

describe('defaults', () => {
  for (const input of [undefined, null, {}, 'idenfy', 42, []]) {
    it(`${JSON.stringify(input)}: defaults, no problems`, () => {
      const { settings, problems } = normalizeSettings(input);
      assert.deepEqual(problems, []);
      assert.deepEqual([...settings.payloadFiles], DEFAULT_PAYLOAD_FILES);
      assert.equal(settings.account.digitStringMaxExpiry, 3600);
      assert.equal(settings.account.allowedTokenTypes, undefined);
      assert.equal(settings.account.customCallbackUrl, undefined);
      assert.equal(settings.account.additionalSteps, undefined);
      assert.equal(settings.account.questionnaireIds, undefined);
      assert.equal(settings.account.riskAssessmentProfileIds, undefined);
      assert.deepEqual([...settings.countryBoundDocuments.SMART_ID], ['EE', 'LV', 'LT']);
    });
  }

  it('null values mean "not declared", not a problem', () => {
    const { settings, problems } = normalizeSettings({ account: { allowedTokenTypes: null, customCallbackUrl: null, additionalSteps: null, questionnaireIds: null } });
    assert.deepEqual(problems, []);
    assert.equal(settings.account.customCallbackUrl, undefined);
    assert.equal(settings.account.allowedTokenTypes, undefined);
  });
});

describe('the shapes settings arrive in', () => {
  it('nested, as VS Code\'s getConfiguration("idenfy") gives them', () => {
    const { settings, problems } = normalizeSettings({ account: { customCallbackUrl: false, digitStringMaxExpiry: 600, allowedTokenTypes: ['IDENTIFICATION'] } });
    assert.deepEqual(problems, []);
    assert.equal(settings.account.customCallbackUrl, false);
    assert.equal(settings.account.digitStringMaxExpiry, 600);
    assert.deepEqual(settings.account.allowedTokenTypes, ['IDENTIFICATION']);
  });

  it("dotted keys, as in .vscode/settings.json; other extensions' keys are ignored", () => {
    const { settings, problems } = normalizeSettings({
      'editor.fontSize': 14,
      'idenfy.account.customCallbackUrl': true,
      'idenfy.account.additionalSteps': false,
      'idenfy.account.questionnaireIds': ['kyc-basic'],
      'idenfy.payloadFiles': ['**/kyc/*.json'],
      'json.schemas': [],
    });
    assert.deepEqual(problems, []);
    assert.equal(settings.account.customCallbackUrl, true);
    assert.equal(settings.account.additionalSteps, false);
    assert.deepEqual(settings.account.questionnaireIds, ['kyc-basic']);
    assert.deepEqual(settings.payloadFiles, ['**/kyc/*.json']);
  });

  it('an "idenfy" object and a dotted "idenfy.account" object, merged', () => {
    const { settings } = normalizeSettings({ idenfy: { account: { customCallbackUrl: false } }, 'idenfy.account': { additionalSteps: true } });
    assert.equal(settings.account.customCallbackUrl, false);
    assert.equal(settings.account.additionalSteps, true);
  });

  it('dotted keys drive the rules end to end', () => {
    const checked = check(payload({ callbackUrl: 'https://example.com/cb' }), { settings: { 'idenfy.account.customCallbackUrl': false } });
    expectOne(checked, { code: 'PERMISSIONS_ERROR', severity: 'error', at: '"callbackUrl"' });
  });
});

describe('wrong types: reported, and the default is kept', () => {
  const wrong: ReadonlyArray<[string, Record<string, unknown>, string]> = [
    ['idenfy.account.customCallbackUrl', { account: { customCallbackUrl: 'yes' } }, 'true or false'],
    ['idenfy.account.additionalSteps', { 'idenfy.account.additionalSteps': 1 }, 'true or false'],
    ['idenfy.account.digitStringMaxExpiry', { account: { digitStringMaxExpiry: '600' } }, 'positive whole number'],
    ['idenfy.account.digitStringMaxExpiry', { account: { digitStringMaxExpiry: 0 } }, 'positive whole number'],
    ['idenfy.account.digitStringMaxExpiry', { account: { digitStringMaxExpiry: -5 } }, 'positive whole number'],
    ['idenfy.account.digitStringMaxExpiry', { account: { digitStringMaxExpiry: 1.5 } }, 'positive whole number'],
    ['idenfy.account.allowedTokenTypes', { account: { allowedTokenTypes: 'DOCUMENT' } }, 'array'],
    ['idenfy.account.questionnaireIds', { account: { questionnaireIds: [1, 2] } }, 'array of strings'],
    ['idenfy.account.riskAssessmentProfileIds', { account: { riskAssessmentProfileIds: {} } }, 'array of strings'],
    ['idenfy.payloadFiles', { payloadFiles: '**/*.json' }, 'array'],
    ['idenfy.typeNamePatterns', { typeNamePatterns: [1] }, 'array'],
    ['idenfy.countryBoundDocuments', { countryBoundDocuments: { VOTER_CARD: 'IN' } }, 'arrays of country codes'],
    ['idenfy.account', { account: 5 }, 'object'],
  ];
  for (const [key, input, says] of wrong) {
    it(`${key} = ${JSON.stringify(Object.values(input)[0])}`, () => {
      const { settings, problems } = normalizeSettings(input);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].key, key);
      assert.match(problems[0].message, new RegExp(says));
      assert.deepEqual([...settings.payloadFiles], DEFAULT_PAYLOAD_FILES);
      assert.equal(settings.account.digitStringMaxExpiry, 3600);
      assert.equal(settings.account.customCallbackUrl, undefined);
      assert.equal(settings.account.additionalSteps, undefined);
      assert.equal(settings.account.allowedTokenTypes, undefined);
      assert.deepEqual([...settings.countryBoundDocuments.AADHAAR], ['IN']);
      assert.equal(settings.countryBoundDocuments.VOTER_CARD, undefined);
    });
  }

  it('one bad value does not drop the good ones next to it', () => {
    const { settings, problems } = normalizeSettings({ account: { customCallbackUrl: 'no', additionalSteps: false, digitStringMaxExpiry: 900 } });
    assert.deepEqual(
      problems.map((p) => p.key),
      ['idenfy.account.customCallbackUrl'],
    );
    assert.equal(settings.account.additionalSteps, false);
    assert.equal(settings.account.digitStringMaxExpiry, 900);
  });

  it('a wrong digitStringMaxExpiry leaves the rule at 3600 s', () => {
    const settings = { account: { digitStringMaxExpiry: 'forever' } };
    expectOne(check(payload({ generateDigitString: true, expiryTime: 3601 }), { settings }), { code: 'PARTNER_CONTRACT_ERROR', severity: 'error', at: '3601' });
  });

  it('a wrong customCallbackUrl leaves the rule silent (undeclared)', () => {
    const checked = check(payload({ callbackUrl: 'https://example.com/cb' }), { settings: { account: { customCallbackUrl: 'false' } } });
    assert.deepEqual(checked.findings, []);
  });

  it('createLanguageService exposes the problems', () => {
    const service = createLanguageService({ settings: { 'idenfy.account.customCallbackUrl': 'yes' } });
    assert.deepEqual(
      service.settingsProblems.map((p) => p.key),
      ['idenfy.account.customCallbackUrl'],
    );
  });
});

describe('countryBoundDocuments merging', () => {
  it('user entries extend the defaults and are upper-cased', () => {
    const { settings } = normalizeSettings({ countryBoundDocuments: { voter_card: ['in'] } });
    assert.deepEqual([...settings.countryBoundDocuments.VOTER_CARD], ['IN']);
    assert.deepEqual([...settings.countryBoundDocuments.AADHAAR], ['IN']);
  });

  it('an entry for a built-in document replaces its countries', () => {
    const { settings } = normalizeSettings({ 'idenfy.countryBoundDocuments': { SMART_ID: ['EE'] } });
    assert.deepEqual([...settings.countryBoundDocuments.SMART_ID], ['EE']);
  });
});

describe('settings from an untrusted workspace cannot pollute Object.prototype', () => {
  it('"__proto__" in dotted keys, nested objects and countryBoundDocuments', () => {
    const input = JSON.parse(
      '{"idenfy.__proto__.polluted": "yes", "idenfy": {"__proto__": {"polluted2": "yes"}}, "idenfy.account": {"__proto__": {"polluted3": "yes"}}, "idenfy.countryBoundDocuments": {"__proto__": ["XX"]}}',
    );
    const { settings } = normalizeSettings(input);
    const probe: Record<string, unknown> = {};
    assert.equal(probe.polluted, undefined);
    assert.equal(probe.polluted2, undefined);
    assert.equal(probe.polluted3, undefined);
    assert.equal(settings.account.digitStringMaxExpiry, 3600);
  });
});
