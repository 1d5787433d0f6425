/**
 * The spec's "Combination and account rules" table, the additionalSteps structure, and which identifier each rule
 * carries ("Which identifier a diagnostic carries"). Account rules stay silent until the settings declare the
 * account's capabilities.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, Checked, expectExactly, expectOne, fixTargets, lit, payload, under } from './helpers';

/** The spec's country-bound documents (inferred from what each document is). */
const COUNTRY_BOUND: ReadonlyArray<[string, string[]]> = [
  ['AADHAAR', ['IN']],
  ['PAN_CARD', ['IN']],
  ['BANK_ID_SE', ['SE']],
  ['BANK_ID_NO', ['NO']],
  ['BANK_ID_CZ', ['CZ']],
  ['MOJE_ID_CZ', ['CZ']],
  ['FTN', ['FI']],
  ['MIT_ID', ['DK']],
  ['VERIMI', ['DE']],
  ['LA_WALLET', ['US']],
  ['CLEAR', ['US']],
  ['SOCIAL_SECURITY_CARD', ['US']],
  ['SMART_ID', ['EE', 'LV', 'LT']],
];
/** A country none of the bound documents belongs to. */
const OTHER_COUNTRY = 'PL';
/** The spec's default maximum lifetime of the 8-digit code. */
const DIGIT_STRING_DEFAULT_MAX = 3600;

const UUID_A = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const UUID_B = 'dd121b5c-e3ef-4197-b036-8b7e872f6678';

function relatedTexts(checked: Checked, finding: { related?: ReadonlyArray<{ start: number; end: number }> }): string[] {
  return (finding.related ?? []).map((r) => under(checked, r));
}

describe('country and document type combination (VALIDATION_ERROR)', () => {
  for (const [documentType, countries] of COUNTRY_BOUND) {
    for (const country of countries) {
      it(`${documentType} with country ${country}: allowed`, () => {
        expectExactly(check(payload({ country, documents: [documentType] })), []);
      });
    }
    it(`${documentType} with country ${OTHER_COUNTRY}: not supported`, () => {
      const checked = check(payload({ country: OTHER_COUNTRY, documents: ['ID_CARD', documentType] }));
      const finding = expectOne(checked, {
        code: 'VALIDATION_ERROR',
        severity: 'error',
        at: lit(documentType),
        says: [documentType, OTHER_COUNTRY, ...countries, 'Country and document type combination is not supported'],
      });
      assert.deepEqual(relatedTexts(checked, finding), [lit(OTHER_COUNTRY)], 'related: the country value');
    });
  }

  it('SMART_ID with LT, LV and EE (all three allowed), and FI (not)', () => {
    for (const country of ['EE', 'LV', 'LT']) expectExactly(check(payload({ country, documents: ['SMART_ID'] })), []);
    expectOne(check(payload({ country: 'FI', documents: ['SMART_ID'] })), { code: 'VALIDATION_ERROR', severity: 'error', at: '"SMART_ID"' });
  });

  it('the country is case-insensitive here too: "in" with AADHAAR', () => {
    expectExactly(check(payload({ country: 'in', documents: ['AADHAAR'] })), []);
  });

  it('documents that are not country-bound go with any country', () => {
    expectExactly(check(payload({ country: 'JP', documents: ['ID_CARD', 'PASSPORT', 'DRIVER_LICENSE', 'RESIDENCE_PERMIT'] })), []);
  });

  it('silent without a country', () => {
    expectExactly(check(payload({ documents: ['AADHAAR', 'SMART_ID'] })), []);
  });

  it('silent when country is null', () => {
    expectExactly(check(payload({ country: null, documents: ['AADHAAR'] })), []);
  });

  it('one finding per bound document that does not fit', () => {
    const checked = check(payload({ country: 'LT', documents: ['AADHAAR', 'SMART_ID', 'BANK_ID_SE'] }));
    expectExactly(checked, [
      { code: 'VALIDATION_ERROR', severity: 'error', at: '"AADHAAR"' },
      { code: 'VALIDATION_ERROR', severity: 'error', at: '"BANK_ID_SE"' },
    ]);
  });

  it('a country not supported is only that BAD_VALUE, not a combination error too', () => {
    expectExactly(check(payload({ country: 'UK', documents: ['AADHAAR'] })), [{ code: 'BAD_VALUE', severity: 'error', at: '"UK"' }]);
  });

  describe('user-extended countryBoundDocuments setting', () => {
    const settings = { countryBoundDocuments: { VOTER_CARD: ['IN'] } };

    it('VOTER_CARD is not country-bound by default', () => {
      expectExactly(check(payload({ country: 'LT', documents: ['VOTER_CARD'] })), []);
    });

    it('with { VOTER_CARD: ["IN"] }: LT is reported, IN is fine', () => {
      const checked = check(payload({ country: 'LT', documents: ['VOTER_CARD'] }), { settings });
      expectOne(checked, { code: 'VALIDATION_ERROR', severity: 'error', at: '"VOTER_CARD"', says: ['VOTER_CARD', 'IN', 'LT'] });
      expectExactly(check(payload({ country: 'IN', documents: ['VOTER_CARD'] }), { settings }), []);
    });

    it('extending keeps the built-in entries', () => {
      expectOne(check(payload({ country: 'LT', documents: ['AADHAAR'] }), { settings }), { code: 'VALIDATION_ERROR', severity: 'error', at: '"AADHAAR"' });
    });

    it('an entry for a built-in type replaces its countries: { SMART_ID: ["EE"] }', () => {
      const replaced = { countryBoundDocuments: { SMART_ID: ['EE'] } };
      expectOne(check(payload({ country: 'LT', documents: ['SMART_ID'] }), { settings: replaced }), { code: 'VALIDATION_ERROR', severity: 'error', at: '"SMART_ID"' });
      expectExactly(check(payload({ country: 'EE', documents: ['SMART_ID'] }), { settings: replaced }), []);
    });

    it('an empty list switches a built-in entry off: { SMART_ID: [] }', () => {
      expectExactly(check(payload({ country: 'PL', documents: ['SMART_ID'] }), { settings: { countryBoundDocuments: { SMART_ID: [] } } }), []);
    });

    it('lower-case entries in the setting work', () => {
      const lower = { 'idenfy.countryBoundDocuments': { voter_card: ['in'] } };
      expectOne(check(payload({ country: 'LT', documents: ['VOTER_CARD'] }), { settings: lower }), { code: 'VALIDATION_ERROR', severity: 'error', at: '"VOTER_CARD"' });
    });
  });

  it('document names that are Object.prototype members do not crash the lookup', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const checked = check(payload({ country: 'LT', documents: [name] }));
      expectOne(checked, { code: 'BAD_VALUE', severity: 'error', at: lit(name) }, `${name}: `);
    }
  });
});

describe('additionalSteps country/document keys (same combination table)', () => {
  const step = { UTILITY_BILL: { type: 'UPLOAD' } };

  it('LT → AADHAAR is not supported: error on the document key, related country key', () => {
    const checked = check(payload({ additionalSteps: { LT: { AADHAAR: step } } }));
    const finding = expectOne(checked, { code: 'VALIDATION_ERROR', severity: 'error', at: '"AADHAAR"', says: ['AADHAAR', 'IN', 'LT'] });
    assert.deepEqual(relatedTexts(checked, finding), ['"LT"']);
  });

  it('IN → AADHAAR, lt → SMART_ID, ALL → AADHAAR, LT → ALL: allowed', () => {
    expectExactly(check(payload({ additionalSteps: { IN: { AADHAAR: step }, lt: { SMART_ID: step }, ALL: { AADHAAR: step }, LT: { ALL: step } } })), []);
  });

  it('the user-extended setting applies to additionalSteps too', () => {
    const checked = check(payload({ additionalSteps: { LT: { VOTER_CARD: step } } }), { settings: { countryBoundDocuments: { VOTER_CARD: ['IN'] } } });
    expectOne(checked, { code: 'VALIDATION_ERROR', severity: 'error', at: '"VOTER_CARD"' });
  });

  it('a country key that is not a code: BAD_VALUE on the key, with a rename fix UK → GB', () => {
    const checked = check(payload({ additionalSteps: { UK: { ID_CARD: step } } }));
    const finding = expectOne(checked, { code: 'BAD_VALUE', severity: 'error', at: '"UK"', says: [/alpha-2/, 'ALL'] });
    assert.deepEqual(fixTargets(finding), ['GB']);
  });

  it('a document key that is not a type: BAD_VALUE on the key, with a rename fix PASPORT → PASSPORT', () => {
    const checked = check(payload({ additionalSteps: { ALL: { PASPORT: step } } }));
    const finding = expectOne(checked, { code: 'BAD_VALUE', severity: 'error', at: '"PASPORT"', says: ['document types', 'ALL'] });
    assert.deepEqual(fixTargets(finding), ['PASSPORT']);
  });
});

describe('additionalSteps structure (spec: { "<alpha-2 or ALL>": { "<document type or ALL>": { "<STEP_NAME>": {…} } } })', () => {
  const steps = (stepBody: unknown) => payload({ additionalSteps: { ALL: { ALL: { ADDITIONAL_PHOTO: stepBody } } } });

  it('a full step: type, fields, texts, settings', () => {
    expectExactly(
      check(
        steps({
          type: 'EXTRACT',
          fields: ['ssn', 'address'],
          texts: { en: { name: 'Proof of address', description: 'Upload a utility bill.' }, lt: { name: 'Adresas', description: 'Įkelkite sąskaitą.' } },
          settings: { canUpload: true, canCapture: false, canUploadPDF: true },
        }),
      ),
      [],
    );
  });

  for (const type of ['UPLOAD', 'EXTRACT', 'COMPARE']) {
    it(`type ${type}`, () => {
      expectExactly(check(steps({ type })), []);
    });
  }

  it('an empty step (every key is optional)', () => {
    expectExactly(check(steps({})), []);
  });

  it('type outside UPLOAD, EXTRACT, COMPARE', () => {
    expectOne(check(steps({ type: 'DOWNLOAD' })), { code: 'BAD_VALUE', severity: 'error', at: '"DOWNLOAD"', says: ['UPLOAD, EXTRACT, COMPARE'] });
  });

  it('fields not an array / an item not a string', () => {
    expectOne(check(steps({ fields: 'ssn' })), { code: 'BAD_VALUE', severity: 'error', at: '"ssn"', says: ['fields', 'array'] });
    expectOne(check(steps({ fields: ['ssn', 7] })), { code: 'BAD_VALUE', severity: 'error', at: '7', says: ['fields', 'strings'] });
  });

  it('texts: not an object, name not a string, an unknown key', () => {
    expectOne(check(steps({ texts: 'Upload' })), { code: 'BAD_VALUE', severity: 'error', at: '"Upload"', says: ['texts'] });
    expectOne(check(steps({ texts: { en: { name: 1, description: 'x' } } })), { code: 'BAD_VALUE', severity: 'error', at: '1', says: ['name', 'string'] });
    expectOne(check(steps({ texts: { en: { name: 'x', title: 'y' } } })), { code: 'unknown-field', severity: 'warning', at: '"title"' });
  });

  it('settings: a string "true" and an unknown key', () => {
    const [finding] = expectExactly(check(steps({ settings: { canUpload: 'true' } })), [{ code: 'BAD_VALUE', severity: 'error', at: '"true"', says: ['canUpload', 'true or false'] }]);
    assert.deepEqual(fixTargets(finding), [true]);
    expectOne(check(steps({ settings: { canDownload: true } })), { code: 'unknown-field', severity: 'warning', at: '"canDownload"' });
  });

  it('an unknown key in a step, with a suggestion', () => {
    const [finding] = expectExactly(check(steps({ typ: 'UPLOAD' })), [{ code: 'unknown-field', severity: 'warning', at: '"typ"', says: ['type'] }]);
    assert.deepEqual(fixTargets(finding), ['type']);
  });

  it('levels that are not objects', () => {
    expectOne(check(payload({ additionalSteps: { ALL: 'x' } })), { code: 'BAD_VALUE', severity: 'error', at: '"x"' });
    expectOne(check(payload({ additionalSteps: { ALL: { ALL: [] } } })), { code: 'BAD_VALUE', severity: 'error', at: '[]' });
    expectOne(check(steps(true)), { code: 'BAD_VALUE', severity: 'error', at: 'true' });
  });
});

describe('allowed token types (PARTNER_CONTRACT_ERROR, only where declared)', () => {
  it('undeclared: DOCUMENT is not checked', () => {
    expectExactly(check(payload({ tokenType: 'DOCUMENT' })), []);
  });

  it('declared ["IDENTIFICATION"]: DOCUMENT is reported on the value, IDENTIFICATION is fine', () => {
    const settings = { account: { allowedTokenTypes: ['IDENTIFICATION'] } };
    expectOne(check(payload({ tokenType: 'DOCUMENT' }), { settings }), {
      code: 'PARTNER_CONTRACT_ERROR',
      severity: 'error',
      at: '"DOCUMENT"',
      field: 'tokenType',
      says: ['DOCUMENT', 'IDENTIFICATION', 'token type'],
    });
    expectExactly(check(payload({ tokenType: 'IDENTIFICATION' }), { settings }), []);
  });

  it('declared: a payload without tokenType is not checked (the spec has no rule on the default)', () => {
    expectExactly(check(payload({}), { settings: { account: { allowedTokenTypes: ['DOCUMENT'] } } }), []);
  });

  it('declared with a legacy type allowed: VIDEO_CALL is only the legacy note', () => {
    expectOne(check(payload({ tokenType: 'VIDEO_CALL' }), { settings: { account: { allowedTokenTypes: ['VIDEO_CALL'] } } }), { code: 'legacy-value', severity: 'information' });
  });
});

describe('custom callback URL (PERMISSIONS_ERROR)', () => {
  const body = payload({ callbackUrl: 'https://example.com/idenfy/webhook' });

  it('customCallbackUrl false: reported on the callbackUrl key, with a remove fix', () => {
    const checked = check(body, { settings: { account: { customCallbackUrl: false } } });
    const finding = expectOne(checked, { code: 'PERMISSIONS_ERROR', severity: 'error', at: '"callbackUrl"', field: 'callbackUrl', says: ['Custom callback URL is not enabled'] });
    assert.deepEqual(
      finding.fixes?.map((f) => f.kind),
      ['removeProperty'],
    );
  });

  it('customCallbackUrl true: fine', () => {
    expectExactly(check(body, { settings: { account: { customCallbackUrl: true } } }), []);
  });

  it('undeclared: silent', () => {
    expectExactly(check(body), []);
  });

  it('false, but callbackUrl is null: nothing is set', () => {
    expectExactly(check(payload({ callbackUrl: null }), { settings: { account: { customCallbackUrl: false } } }), []);
  });
});

describe('additionalSteps enabled for the account (PERMISSIONS_ERROR)', () => {
  const body = payload({ additionalSteps: { ALL: { ALL: { UTILITY_BILL: {} } } } });

  it('additionalSteps false: reported on the additionalSteps key', () => {
    expectOne(check(body, { settings: { account: { additionalSteps: false } } }), {
      code: 'PERMISSIONS_ERROR',
      severity: 'error',
      at: '"additionalSteps"',
      field: 'additionalSteps',
      says: ['additionalSteps is not enabled'],
    });
  });

  it('true or undeclared: silent', () => {
    expectExactly(check(body, { settings: { account: { additionalSteps: true } } }), []);
    expectExactly(check(body), []);
  });

  it('false, but additionalSteps is null', () => {
    expectExactly(check(payload({ additionalSteps: null }), { settings: { account: { additionalSteps: false } } }), []);
  });
});

describe('utilityBill and additionalSteps used together (VALIDATION_ERROR, always)', () => {
  const steps = { ALL: { ALL: { UTILITY_BILL: {} } } };

  it('utilityBill true with additionalSteps: error on utilityBill, related additionalSteps', () => {
    const checked = check(payload({ utilityBill: true, additionalSteps: steps }));
    const finding = expectOne(checked, { code: 'VALIDATION_ERROR', severity: 'error', at: '"utilityBill"', says: ['utilityBill', 'additionalSteps'] });
    assert.deepEqual(relatedTexts(checked, finding), ['"additionalSteps"']);
  });

  it('utilityBill false is not a use of it', () => {
    expectExactly(check(payload({ utilityBill: false, additionalSteps: steps })), []);
  });

  it('additionalSteps null is not a use of it', () => {
    expectExactly(check(payload({ utilityBill: true, additionalSteps: null })), []);
  });

  it('utilityBill alone is fine', () => {
    expectExactly(check(payload({ utilityBill: true })), []);
  });
});

describe('address and additionalData used together (VALIDATION_ERROR, always)', () => {
  const steps = { ALL: { ALL: { UTILITY_BILL: { type: 'COMPARE', fields: ['address'] } } } };

  it('both set: error on address, related additionalData', () => {
    const checked = check(payload({ address: 'Gedimino pr. 1', additionalSteps: steps, additionalData: { UTILITY_BILL: { address: 'Gedimino pr. 1' } } }));
    const finding = expectOne(checked, { code: 'VALIDATION_ERROR', severity: 'error', at: '"address"', says: ['address', 'additionalData'] });
    assert.deepEqual(relatedTexts(checked, finding), ['"additionalData"']);
  });

  it('address null or additionalData null: not together', () => {
    expectExactly(check(payload({ address: null, additionalSteps: steps, additionalData: { UTILITY_BILL: { address: 'x' } } })), []);
    expectExactly(check(payload({ address: 'Gedimino pr. 1', additionalData: null })), []);
  });
});

describe("generateDigitString with an expiryTime over the code's maximum (PARTNER_CONTRACT_ERROR)", () => {
  it(`over the default ${DIGIT_STRING_DEFAULT_MAX}: error on expiryTime, related generateDigitString, fix to the maximum`, () => {
    const checked = check(payload({ generateDigitString: true, expiryTime: DIGIT_STRING_DEFAULT_MAX + 1 }));
    const finding = expectOne(checked, {
      code: 'PARTNER_CONTRACT_ERROR',
      severity: 'error',
      at: String(DIGIT_STRING_DEFAULT_MAX + 1),
      field: 'expiryTime',
      says: ['generateDigitString', String(DIGIT_STRING_DEFAULT_MAX), String(DIGIT_STRING_DEFAULT_MAX + 1)],
    });
    assert.deepEqual(relatedTexts(checked, finding), ['"generateDigitString"']);
    assert.deepEqual(fixTargets(finding), [DIGIT_STRING_DEFAULT_MAX]);
  });

  it(`at the default ${DIGIT_STRING_DEFAULT_MAX}: fine`, () => {
    expectExactly(check(payload({ generateDigitString: true, expiryTime: DIGIT_STRING_DEFAULT_MAX })), []);
  });

  it('a custom maximum of 600 s: 601 is reported, 600 is fine', () => {
    const settings = { account: { digitStringMaxExpiry: 600 } };
    expectOne(check(payload({ generateDigitString: true, expiryTime: 601 }), { settings }), { code: 'PARTNER_CONTRACT_ERROR', severity: 'error', at: '601', says: ['600'] });
    expectExactly(check(payload({ generateDigitString: true, expiryTime: 600 }), { settings }), []);
  });

  it('a custom maximum of 86400 s (dotted key): 86400 is fine', () => {
    expectExactly(check(payload({ generateDigitString: true, expiryTime: 86400 }), { settings: { 'idenfy.account.digitStringMaxExpiry': 86400 } }), []);
  });

  it('silent when generateDigitString is false or absent', () => {
    expectExactly(check(payload({ generateDigitString: false, expiryTime: 86400 })), []);
    expectExactly(check(payload({ expiryTime: 86400 })), []);
  });

  it('silent when expiryTime is absent or null', () => {
    expectExactly(check(payload({ generateDigitString: true })), []);
    expectExactly(check(payload({ generateDigitString: true, expiryTime: null })), []);
  });

  it('an expiryTime over 2592000 is only its own BAD_VALUE', () => {
    expectExactly(check(payload({ generateDigitString: true, expiryTime: 2_592_001 })), [{ code: 'BAD_VALUE', severity: 'error', at: '2592001' }]);
  });
});

describe('questionnaire and risk assessment profile IDs', () => {
  it('questionnaire "" is a BAD_VALUE; null disables', () => {
    expectOne(check(payload({ questionnaire: '' })), { code: 'BAD_VALUE', severity: 'error', at: '""', says: ['questionnaire', 'null'] });
    expectExactly(check(payload({ questionnaire: null })), []);
  });

  it('riskAssessmentProfile not a UUID', () => {
    expectOne(check(payload({ riskAssessmentProfile: 'high-risk' })), { code: 'BAD_VALUE', severity: 'error', at: '"high-risk"', says: ['riskAssessmentProfile', 'UUID'] });
  });

  it('undeclared lists: any key and any UUID pass', () => {
    expectExactly(check(payload({ questionnaire: 'anything', riskAssessmentProfile: UUID_B })), []);
  });

  it('declared questionnaireIds: another key is a VALIDATION_ERROR with a suggestion', () => {
    const settings = { account: { questionnaireIds: ['kyc-basic', 'kyc-enhanced'] } };
    const finding = expectOne(check(payload({ questionnaire: 'kyc-basik' }), { settings }), {
      code: 'VALIDATION_ERROR',
      severity: 'error',
      at: '"kyc-basik"',
      field: 'questionnaire',
      says: ['kyc-basik', 'questionnaire'],
    });
    assert.deepEqual(fixTargets(finding), ['kyc-basic']);
    expectExactly(check(payload({ questionnaire: 'kyc-enhanced' }), { settings }), []);
  });

  it('declared riskAssessmentProfileIds: another UUID is a VALIDATION_ERROR', () => {
    const settings = { account: { riskAssessmentProfileIds: [UUID_A] } };
    expectOne(check(payload({ riskAssessmentProfile: UUID_B }), { settings }), { code: 'VALIDATION_ERROR', severity: 'error', at: lit(UUID_B), says: ['risk assessment profile'] });
    expectExactly(check(payload({ riskAssessmentProfile: UUID_A }), { settings }), []);
  });

  it('declared lists: an empty questionnaire is only the BAD_VALUE', () => {
    expectOne(check(payload({ questionnaire: '' }), { settings: { account: { questionnaireIds: ['kyc-basic'] } } }), { code: 'BAD_VALUE', severity: 'error' });
  });
});

describe('additionalData without additionalSteps (warning)', () => {
  it('warns on the additionalData key', () => {
    expectOne(check(payload({ additionalData: { UTILITY_BILL: { ssn: '123' } } })), {
      code: 'additional-data-without-steps',
      severity: 'warning',
      at: '"additionalData"',
      says: ['additionalData', 'additionalSteps'],
    });
  });

  it('silent with additionalSteps', () => {
    expectExactly(check(payload({ additionalData: { UTILITY_BILL: { ssn: '123' } }, additionalSteps: { ALL: { ALL: { UTILITY_BILL: { type: 'COMPARE', fields: ['ssn'] } } } } })), []);
  });

  it('silent when additionalData is null; still warns when additionalSteps is null', () => {
    expectExactly(check(payload({ additionalData: null })), []);
    expectOne(check(payload({ additionalData: { UTILITY_BILL: {} }, additionalSteps: null })), { code: 'additional-data-without-steps', severity: 'warning' });
  });
});

describe('dummyStatus (information: DEV credentials only)', () => {
  it('an information note on the key, nothing else', () => {
    expectOne(check(payload({ dummyStatus: 'APPROVED' })), { code: 'dev-credentials-only', severity: 'information', at: '"dummyStatus"', says: ['DEV', 'APPROVED'] });
  });
  it('no note for null', () => {
    expectExactly(check(payload({ dummyStatus: null })), []);
  });
});

describe('ageLimit ≤ ageMax (VALIDATION_ERROR)', () => {
  it('ageLimit > ageMax: error on ageLimit, related ageMax', () => {
    const checked = check(payload({ ageLimit: 30, ageMax: 20 }));
    const finding = expectOne(checked, { code: 'VALIDATION_ERROR', severity: 'error', at: '30', field: 'ageLimit', says: ['ageLimit', 'ageMax', '30', '20'] });
    assert.deepEqual(relatedTexts(checked, finding), ['20']);
  });

  it('equal or lower: fine', () => {
    expectExactly(check(payload({ ageLimit: 20, ageMax: 20 })), []);
    expectExactly(check(payload({ ageLimit: 18, ageMax: 65 })), []);
  });

  it('one of them absent or not an integer: no order check', () => {
    expectExactly(check(payload({ ageLimit: 30 })), []);
    expectOne(check(payload({ ageLimit: 30, ageMax: '20' })), { code: 'BAD_VALUE', severity: 'error', at: '"20"' });
  });
});

describe('the identifier each kind of rule carries (spec: last section)', () => {
  it('a payload breaking one rule of each kind', () => {
    const settings = { account: { allowedTokenTypes: ['IDENTIFICATION'], customCallbackUrl: false, additionalSteps: false } };
    const checked = check(
      payload({
        tokenType: 'DOCUMENT',
        callbackUrl: 'https://example.com/cb',
        sessionLength: 7200,
        country: 'LT',
        documents: ['AADHAAR'],
        utilityBill: true,
        additionalSteps: { ALL: { ALL: { UTILITY_BILL: {} } } },
        generateDigitString: true,
        expiryTime: 7200,
      }),
      { settings },
    );
    expectExactly(checked, [
      { code: 'PARTNER_CONTRACT_ERROR', severity: 'error', at: '"DOCUMENT"' },
      { code: 'PERMISSIONS_ERROR', severity: 'error', at: '"callbackUrl"' },
      { code: 'BAD_VALUE', severity: 'error', at: '7200', field: 'sessionLength' },
      { code: 'VALIDATION_ERROR', severity: 'error', at: '"AADHAAR"' },
      { code: 'VALIDATION_ERROR', severity: 'error', at: '"utilityBill"' },
      { code: 'PERMISSIONS_ERROR', severity: 'error', at: '"additionalSteps"' },
      { code: 'PARTNER_CONTRACT_ERROR', severity: 'error', at: '7200', field: 'expiryTime' },
    ]);
  });
});
