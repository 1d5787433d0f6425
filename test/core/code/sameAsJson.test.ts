import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeJson, Finding, IdenfySettings, normalizeSettings } from '../../../core';
import { analyze, toJson, TOKEN_URL } from './helpers';
import { fixturePath } from '../../fixtureFiles';

/**
 * One rule core serves JSON and code: a payload written into code gives the findings its JSON gives, with the same
 * codes, messages, severities, fields, related spans and fixes, at the same places (shifted by where it sits).
 * JSON is a JavaScript expression, so each JSON payload is embedded verbatim and both sides are compared exactly.
 */
const ROOT = fixturePath();

/** A payload with a mistake for most rules. */
const MISTAKES = JSON.stringify(
  {
    clientID: 'typo',
    tokenType: 'VIDEO_CALL',
    externalRef: 'x'.repeat(41),
    firstName: 'J0hn',
    lastName: '',
    dateOfBirth: '1990-02-30',
    dateOfExpiry: '31/12/2030',
    sex: 'X',
    nationality: 'XX',
    country: 'UK',
    documents: ['PASSPORT', 'AADHAAR', 'DRIVERS_LICENSE'],
    locale: 'english',
    showInstructions: 'true',
    generateDigitString: true,
    expiryTime: 7200,
    sessionLength: 30,
    successUrl: 'http://shop.example.com/ok',
    errorUrl: 'not a url',
    callbackUrl: 'https://shop.example.com/cb',
    utilityBill: true,
    additionalSteps: { UK: { ID_CARD: { UTILITY_BILL: { type: 'SCAN', fields: [1] } } } },
    additionalData: { UTILITY_BILL: 'x' },
    address: 'Main st. 1',
    questionnaire: '',
    riskAssessmentProfile: 'nope',
    ageLimit: 30,
    ageMax: 18,
    dummyStatus: 'APPROVED',
    registryCentersCountries: 'LT',
    faceMatchingThresholdModifier: 'high',
    personScanRef: null,
    clientId: 42,
  },
  null,
  2,
);

function payloads(): Array<[string, string]> {
  const list: Array<[string, string]> = [['mistakes', MISTAKES]];
  for (const folder of ['official', join('research', 'whitelabel-markid')]) {
    const files = readdirSync(join(ROOT, folder)).filter((f) => f.endsWith('.json'));
    for (const file of files) list.push([`${folder}/${file}`, readFileSync(join(ROOT, folder, file), 'utf8').trim()]);
  }
  return list.filter(([, json]) => json.startsWith('{'));
}

const settingsVariants: Array<[string, IdenfySettings]> = [
  ['default settings', normalizeSettings({}).settings],
  [
    'account capabilities declared',
    normalizeSettings({
      'idenfy.account.allowedTokenTypes': ['IDENTIFICATION'],
      'idenfy.account.customCallbackUrl': false,
      'idenfy.account.additionalSteps': false,
      'idenfy.account.questionnaireIds': ['onboarding'],
      'idenfy.account.riskAssessmentProfileIds': [],
      'idenfy.account.digitStringMaxExpiry': 600,
    }).settings,
  ],
];

/** A finding with every offset moved by `shift`: what the JSON finding becomes once the JSON sits in code. */
function shifted(finding: Finding, shift: number): unknown {
  return {
    ...finding,
    start: finding.start + shift,
    end: finding.end + shift,
    related: finding.related?.map((r) => ({ ...r, start: r.start + shift, end: r.end + shift })),
    fixes: finding.fixes?.map((fix) => fix.kind),
  };
}

describe('code findings equal JSON findings', () => {
  for (const [settingsName, settings] of settingsVariants) {
    for (const [name, json] of payloads()) {
      test(`${name}, ${settingsName}`, () => {
        const prefix = `const TOKEN_URL = '${TOKEN_URL}';\nexport const send = () => fetch(TOKEN_URL, {\n  method: 'POST',\n  body: JSON.stringify(`;
        const code = `${prefix}${json}),\n});\n`;
        const fromJson = analyzeJson({ text: json, allowComments: false, isPayloadFile: true }, settings).findings;
        const fromCode = analyze(code, 'same.ts', settings);
        assert.equal(fromCode.payloads.length, 1);
        assert.deepEqual(toJson(fromCode.payloads[0].root), JSON.parse(json), 'the model holds the same values');
        assert.deepEqual(
          fromCode.findings.map((f) => shifted(f, 0)),
          fromJson.map((f) => shifted(f, prefix.length)),
        );
        if (name === 'mistakes') assert.ok(fromJson.length >= 25, `the mistakes payload exercises many rules (${fromJson.length})`);
      });
    }
  }
});
