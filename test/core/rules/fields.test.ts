/**
 * Every row of the spec's field table (docs/reference/token-endpoint.md, "Fields"): a valid case, an invalid
 * case and both sides of every bound. The numbers are the spec's, written here; the rule table is not read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIELDS } from '../../../core/rules/fields';
import { check, Expected, expectExactly, fixTargets, lit, payload } from './helpers';
import { SPEC_BOOLEANS, SPEC_DOCUMENT_TYPES, SPEC_FIELDS, SPEC_LOCALES } from './ruleTables';

// ---- the spec's numbers -------------------------------------------------------------------------------------------

const CLIENT_ID_MAX = 100;
const EXTERNAL_REF_MAX = 40;
const NAME_MAX = 100;
const NUMBER_MAX = 50; // personalNumber, documentNumber: 1–50
const ADDRESS_MAX = 255;
const LOCALE_MAX = 7;
const EXPIRY_MIN = 1;
const EXPIRY_MAX = 2_592_000;
const SESSION_MIN = 60;
const SESSION_MAX = 3600;
const URL_MIN = 5;
const URL_MAX = 2048;

/** The spec's forbidden name characters: `` ~!@#$%^*()_+={}[]\|:;",<>/? `` (the `\|` is a Markdown-table escape of `|`). */
const NAME_FORBIDDEN = [...'~!@#$%^*()_+={}[]|:;",<>/?'];

// ---- the table ----------------------------------------------------------------------------------------------------

interface Case {
  readonly field: string;
  readonly value: unknown;
  readonly why: string;
  /** The complete list of findings (empty: valid). */
  readonly expect: readonly Expected[];
  /** The first finding offers this replacement (or rename). */
  readonly fix?: unknown;
  /** The first finding offers no fix. */
  readonly noFix?: boolean;
  /** The whole body; default: a valid clientId plus `field: value`. */
  readonly body?: Record<string, unknown>;
}

const ok = (field: string, value: unknown, why: string): Case => ({ field, value, why, expect: [] });

/** One BAD_VALUE error on the value (or at `at`), whose message names the field and says what is allowed. */
function bad(field: string, value: unknown, says: ReadonlyArray<string | RegExp>, why: string, extra: { at?: string; fix?: unknown; noFix?: boolean } = {}): Case {
  return {
    field,
    value,
    why,
    fix: extra.fix,
    noFix: extra.noFix,
    expect: [{ code: 'BAD_VALUE', severity: 'error', at: extra.at ?? lit(value), says: [field, ...says], ...(extra.at ? {} : { field }) }],
  };
}

/** One finding that is not a BAD_VALUE (a note or a warning) on the value. */
function note(field: string, value: unknown, code: string, severity: Expected['severity'], why: string, extra: { at?: string; fix?: unknown; says?: ReadonlyArray<string | RegExp> } = {}): Case {
  return { field, value, why, fix: extra.fix, expect: [{ code, severity, at: extra.at ?? lit(value), says: extra.says }] };
}

const x = (n: number) => 'x'.repeat(n);
const emoji = (n: number) => '😀'.repeat(n); // one code point, two UTF-16 units each
const urlOfLength = (n: number) => 'https://example.com/' + 'a'.repeat(n - 'https://example.com/'.length);

const cases: Case[] = [];

// clientId: required string, 1–100 characters (code points). Its own body: no extra valid clientId.
const clientId = (value: unknown) => ({ clientId: value });
for (const c of <Case[]>[
  ok('clientId', 'user-123', 'a short id'),
  ok('clientId', 'a', 'one character: lower bound'),
  ok('clientId', x(CLIENT_ID_MAX), '100 characters: upper bound'),
  ok('clientId', emoji(CLIENT_ID_MAX), '100 emoji are 100 characters (200 UTF-16 units)'),
  bad('clientId', '', [/1–100 characters; got 0\./], 'empty: under the lower bound'),
  bad('clientId', x(CLIENT_ID_MAX + 1), [/1–100 characters; got 101\./], '101 characters: over the upper bound'),
  bad('clientId', emoji(CLIENT_ID_MAX + 1), [/got 101\./], '101 emoji: lengths count code points'),
  bad('clientId', true, [/string/], 'a boolean'),
  bad('clientId', ['user-123'], [/string/], 'an array'),
  bad('clientId', { id: 'user-123' }, [/string/], 'an object'),
  note('clientId', 12345, 'numeric-client-id', 'warning', 'a number: accepted by the API in an old official sample, so a warning', { fix: '12345', says: ['clientId', 'string'] }),
  { field: 'clientId', value: null, why: 'null: the required value is missing', expect: [{ code: 'MISSING_VALUE', severity: 'error', at: 'null', field: 'clientId', says: ['clientId', 'required'] }] },
])
  cases.push({ ...c, body: clientId(c.value) });

// tokenType: IDENTIFICATION, DOCUMENT; legacy VIDEO_CALL* with an information note.
cases.push(
  ok('tokenType', 'IDENTIFICATION', 'the default'),
  ok('tokenType', 'DOCUMENT', 'the other current value'),
  ...['VIDEO_CALL', 'VIDEO_CALL_PHOTOS', 'VIDEO_CALL_IDENTIFICATION'].map((v) =>
    note('tokenType', v, 'legacy-value', 'information', 'legacy value: accepted, with a note', { says: [v, 'IDENTIFICATION', 'DOCUMENT'] }),
  ),
  bad('tokenType', 'identification', ['IDENTIFICATION', 'DOCUMENT'], 'enum values are upper case', { fix: 'IDENTIFICATION' }),
  bad('tokenType', 'SELFIE', ['IDENTIFICATION, DOCUMENT'], 'not a token type'),
  bad('tokenType', 1, ['IDENTIFICATION'], 'a number'),
);

// externalRef: ≤ 40 characters.
cases.push(
  ok('externalRef', 'order-2024-0001', 'a reference'),
  ok('externalRef', '', 'no minimum is documented'),
  ok('externalRef', x(EXTERNAL_REF_MAX), '40 characters: upper bound'),
  ok('externalRef', emoji(EXTERNAL_REF_MAX), '40 emoji are 40 characters'),
  bad('externalRef', x(EXTERNAL_REF_MAX + 1), [/at most 40 characters; got 41\./], '41 characters'),
  bad('externalRef', emoji(EXTERNAL_REF_MAX + 1), [/got 41\./], '41 emoji'),
  bad('externalRef', 123, [/string/], 'a number'),
);

// firstName, lastName: 1–100 characters; no digits; none of the forbidden characters; any script.
for (const name of ['firstName', 'lastName']) {
  cases.push(
    ok(name, 'John', 'a plain name'),
    ok(name, 'John Tom', 'a space'),
    ok(name, "O'Brien", 'an apostrophe is not forbidden'),
    ok(name, 'Anne-Marie', 'a hyphen is not forbidden'),
    ok(name, 'J. R. R.', 'a full stop is not forbidden'),
    ok(name, 'Smith ', 'a trailing space, as in an official example'),
    ok(name, 'Łukasz', 'Latin with diacritics'),
    ok(name, 'Иван', 'Cyrillic'),
    ok(name, '李小龍', 'Han'),
    ok(name, 'محمد', 'Arabic'),
    ok(name, 'Nguyễn', 'Vietnamese'),
    ok(name, 'Tom & Jerry', '& is not in the forbidden list'),
    // The spec's list is written inside a Markdown table, where `\|` stands for `|`: a backslash is not forbidden.
    ok(name, 'A\\B', 'a backslash is not in the forbidden list'),
    ok(name, 'a', 'one character: lower bound'),
    ok(name, x(NAME_MAX), '100 characters: upper bound'),
    bad(name, '', [/1–100 characters; got 0\./], 'empty'),
    bad(name, x(NAME_MAX + 1), [/1–100 characters; got 101\./], '101 characters'),
    bad(name, 'John2', [/digits/, '"2"'], 'an ASCII digit'),
    bad(name, 'Jo٣n', [/digits/, '"٣"'], 'an Arabic-Indic digit is a digit too'),
    ...NAME_FORBIDDEN.map((c) => bad(name, `Jo${c}hn`, [`"${c}"`, /must not contain/], `the forbidden character ${c}`)),
    bad(name, 42, [/string/], 'a number'),
  );
}

// dateOfBirth, dateOfExpiry, dateOfIssue: YYYY-MM-DD and a real calendar date.
for (const name of ['dateOfBirth', 'dateOfExpiry', 'dateOfIssue']) {
  cases.push(
    ok(name, '1990-05-15', 'a date'),
    ok(name, '2024-02-29', 'Feb 29 in a leap year'),
    ok(name, '2000-02-29', 'Feb 29 in a year divisible by 400'),
    ok(name, '1990-12-31', 'the last day of the year'),
    ok(name, '1990-04-30', 'the last day of a 30-day month'),
    bad(name, '2023-02-29', [/real calendar date/, '2023-02-29'], 'Feb 29 in a non-leap year'),
    bad(name, '1900-02-29', [/real calendar date/], 'Feb 29 in a year divisible by 100 but not 400'),
    bad(name, '2023-02-30', [/real calendar date/], 'Feb 30 never exists'),
    bad(name, '1990-04-31', [/real calendar date/], 'Apr 31 never exists'),
    bad(name, '1990-01-32', [/real calendar date/], 'day 32'),
    bad(name, '1990-01-00', [/real calendar date/], 'day 0'),
    bad(name, '1990-13-01', [/real calendar date/], 'month 13'),
    bad(name, '1990-00-10', [/real calendar date/], 'month 0'),
    bad(name, '1990-5-15', [/YYYY-MM-DD/], 'one-digit month', { fix: '1990-05-15' }),
    bad(name, '15.05.1990', [/YYYY-MM-DD/], 'day first, unambiguous', { fix: '1990-05-15' }),
    bad(name, '05/06/1990', [/YYYY-MM-DD/], 'day or month first: no guess', { noFix: true }),
    bad(name, '1990-05-15T00:00:00Z', [/YYYY-MM-DD/], 'a timestamp'),
    bad(name, '', [/YYYY-MM-DD/], 'empty'),
    bad(name, 19900515, [/string/], 'a number'),
  );
}

// sex: M, F.
cases.push(
  ok('sex', 'M', 'M'),
  ok('sex', 'F', 'F'),
  bad('sex', 'MALE', ['M, F'], 'a word'),
  bad('sex', 'X', ['M, F'], 'not in the enum'),
  bad('sex', 'm', ['M, F'], 'the enum is upper case', { fix: 'M' }),
  bad('sex', 1, ['M, F'], 'a number'),
);

// nationality: alpha-2 of a supported country, case-insensitive; ALL clears it.
cases.push(
  ok('nationality', 'LT', 'an alpha-2 code'),
  ok('nationality', 'lt', 'lower case, as official examples send it'),
  ok('nationality', 'XK', 'Kosovo is supported'),
  ok('nationality', 'ALL', 'ALL clears it'),
  ok('nationality', 'all', 'ALL, case-insensitive'),
  bad('nationality', 'UK', [/ISO 3166-1 alpha-2/, 'ALL'], 'UK is not ISO 3166-1: GB', { fix: 'GB' }),
  bad('nationality', 'LTU', [/alpha-2/], 'an alpha-3 code'),
  bad('nationality', 'Lithuania', [/alpha-2/], 'a country name', { fix: 'LT' }),
  bad('nationality', 'ZZ', [/alpha-2/], 'not an assigned code'),
  bad('nationality', '', [/alpha-2/], 'empty'),
  bad('nationality', 440, [/alpha-2/], 'a number'),
  bad('nationality', ['LT'], [/alpha-2/], 'an array: only country is documented with one'),
);

// personalNumber, documentNumber: 1–50 characters.
for (const name of ['personalNumber', 'documentNumber']) {
  cases.push(
    ok(name, '39001010000', 'a number as a string'),
    ok(name, '1', 'one character: lower bound'),
    ok(name, x(NUMBER_MAX), '50 characters: upper bound'),
    bad(name, '', [/1–50 characters; got 0\./], 'empty'),
    bad(name, x(NUMBER_MAX + 1), [/1–50 characters; got 51\./], '51 characters'),
    bad(name, 123456, [/string/], 'a JSON number'),
  );
}

// address: ≤ 255 characters.
cases.push(
  ok('address', 'Gedimino pr. 1, Vilnius', 'an address'),
  ok('address', x(ADDRESS_MAX), '255 characters: upper bound'),
  bad('address', x(ADDRESS_MAX + 1), [/at most 255 characters; got 256\./], '256 characters'),
  bad('address', 5, [/string/], 'a number'),
);

// country: alpha-2 of a supported country, case-insensitive; an array warns.
cases.push(
  ok('country', 'LT', 'an alpha-2 code'),
  ok('country', 'lt', 'lower case, as official examples send it'),
  ok('country', 'us', 'lower case'),
  ok('country', 'XK', 'Kosovo is supported'),
  bad('country', 'UK', [/ISO 3166-1 alpha-2/], 'UK is not ISO 3166-1: GB', { fix: 'GB' }),
  bad('country', 'Lithuania', [/alpha-2/], 'a country name', { fix: 'LT' }),
  bad('country', 'ALL', [/alpha-2/], 'ALL is documented for nationality, not country'),
  bad('country', 'LTU', [/alpha-2/], 'an alpha-3 code'),
  bad('country', 440, [/alpha-2/, /number/], 'a number is an error, not the array warning'),
  bad('country', true, [/alpha-2/], 'a boolean'),
  note('country', ['US', 'GB', 'DE'], 'country-array', 'warning', 'an array of codes, as one docs example sends: a warning', { says: ['country', /array/] }),
  note('country', [], 'country-array', 'warning', 'an empty array is still an array'),
);

// documents: array of document types; not an array → error; empty → warning; unknown item → error with suggestion.
cases.push(
  ok('documents', ['ID_CARD', 'PASSPORT'], 'two types'),
  ok('documents', ['INTERNATIONAL_PASSPORT'], 'from the 2022 list'),
  bad('documents', 'PASSPORT', [/array of document types/], 'a string, not an array'),
  bad('documents', { PASSPORT: true }, [/array of document types/], 'an object'),
  note('documents', [], 'empty-documents', 'warning', 'an empty array: a warning', { says: ['documents', /empty/] }),
  bad('documents', ['PASPORT'], ['PASPORT', 'PASSPORT'], 'a typo gets a suggestion', { at: '"PASPORT"', fix: 'PASSPORT' }),
  bad('documents', ['ID_CARD', 'passport'], ['passport'], 'document types are upper case', { at: '"passport"', fix: 'PASSPORT' }),
  bad('documents', ['SELFIE'], ['SELFIE'], 'not a document type', { at: '"SELFIE"' }),
  bad('documents', ['ALL'], ['ALL'], 'ALL is an additionalSteps key, not a document type', { at: '"ALL"' }),
  bad('documents', [1], [/number/], 'a number item', { at: '1' }),
);

// locale: ≤ 7 characters; unknown → information.
cases.push(
  ok('locale', 'en', 'English'),
  ok('locale', 'lt', 'Lithuanian'),
  note('locale', 'xx', 'unknown-locale', 'information', 'not in the known list: falls back to English', { says: ['xx', /English/] }),
  note('locale', x(LOCALE_MAX), 'unknown-locale', 'information', '7 characters: at the bound, only unknown'),
  bad('locale', x(LOCALE_MAX + 1), [/at most 7 characters; got 8\./], '8 characters: over the bound'),
  bad('locale', 7, [/string/], 'a number'),
);

// Booleans: true/false; the string "true" is a BAD_VALUE with a fix.
for (const name of SPEC_BOOLEANS) {
  cases.push(
    ok(name, true, 'true'),
    ok(name, false, 'false'),
    bad(name, 'true', [/true or false/, '"true"'], 'the string "true"', { fix: true }),
    bad(name, 'false', [/true or false/], 'the string "false"', { fix: false }),
    bad(name, 1, [/true or false/], 'a number'),
    bad(name, 'yes', [/true or false/], 'another string', { noFix: true }),
  );
}

// expiryTime: integer seconds, 1 … 2,592,000.
cases.push(
  bad('expiryTime', EXPIRY_MIN - 1, ['from 1 to 2592000 seconds; got 0.'], '0: under the lower bound', { fix: EXPIRY_MIN }),
  ok('expiryTime', EXPIRY_MIN, '1: lower bound'),
  ok('expiryTime', 600, 'ten minutes'),
  ok('expiryTime', EXPIRY_MAX, '2592000 (30 days): upper bound'),
  bad('expiryTime', EXPIRY_MAX + 1, ['from 1 to 2592000 seconds; got 2592001.'], '2592001: over the upper bound', { fix: EXPIRY_MAX }),
  bad('expiryTime', -1, [/from 1 to 2592000/], 'negative'),
  bad('expiryTime', 1.5, [/integer/, /got 1\.5/], 'not whole'),
  bad('expiryTime', '600', [/integer/, 'not the string "600"'], 'an integer written as a string', { fix: 600 }),
  bad('expiryTime', 'soon', [/integer/], 'a word', { noFix: true }),
  bad('expiryTime', true, [/integer/], 'a boolean'),
);

// sessionLength: integer seconds, 60 … 3,600 inclusive.
cases.push(
  bad('sessionLength', SESSION_MIN - 1, ['sessionLength must be an integer from 60 to 3600 seconds; got 59.'], '59: under the lower bound', { fix: SESSION_MIN }),
  ok('sessionLength', SESSION_MIN, '60: lower bound'),
  ok('sessionLength', 600, 'ten minutes'),
  ok('sessionLength', SESSION_MAX, '3600: upper bound'),
  bad('sessionLength', SESSION_MAX + 1, ['sessionLength must be an integer from 60 to 3600 seconds; got 3601.'], '3601: over the upper bound', { fix: SESSION_MAX }),
  bad('sessionLength', 7200, ['sessionLength must be an integer from 60 to 3600 seconds; got 7200.'], "the reference's example message"),
  bad('sessionLength', '600', [/integer/, '"600"'], 'an integer written as a string', { fix: 600 }),
  bad('sessionLength', 600.5, [/integer/], 'not whole'),
);

// Redirect and callback URLs: a valid https:// URL, 5–2,048 characters.
for (const name of ['successUrl', 'errorUrl', 'unverifiedUrl', 'callbackUrl']) {
  cases.push(
    ok(name, 'https://www.my-company.com/idenfy/success', 'an https URL'),
    ok(name, 'https://example.com/cb?session=1#top', 'query and fragment'),
    ok(name, 'HTTPS://EXAMPLE.COM', 'the scheme is case-insensitive'),
    ok(name, urlOfLength(URL_MAX), '2048 characters: upper bound'),
    bad(name, urlOfLength(URL_MAX + 1), [/5–2048 characters; got 2049\./], '2049 characters: over the upper bound'),
    bad(name, x(URL_MIN - 1), [/5–2048 characters; got 4\./], '4 characters: under the lower bound'),
    bad(name, 'http://example.com/done', [/https:\/\//], 'http', { fix: 'https://example.com/done' }),
    bad(name, 'example.com/done', [/https:\/\//], 'no scheme'),
    bad(name, 'https://', [/https:\/\//], 'no host'),
    bad(name, 'https:example.com', [/https:\/\//], 'no slashes'),
    bad(name, 'ftp://example.com', [/https:\/\//], 'another scheme'),
    bad(name, 'not a url', [/https:\/\//], 'words'),
    bad(name, 42, [/string/], 'a number'),
  );
}

// additionalSteps: the nested object (details in combinations.test.ts and below).
cases.push(
  ok('additionalSteps', { ALL: { ALL: { UTILITY_BILL: {} } } }, 'the utility-bill step for every country and document'),
  bad('additionalSteps', 'UTILITY_BILL', [/object/], 'a string'),
  bad('additionalSteps', [], [/object/], 'an array'),
);

// additionalData: { "<STEP_NAME>": { "<field>": value } }, with additionalSteps.
const withSteps = { additionalSteps: { ALL: { ALL: { UTILITY_BILL: { type: 'EXTRACT', fields: ['address'] } } } } };
cases.push(
  { ...ok('additionalData', { UTILITY_BILL: { address: 'Gedimino pr. 1' } }, 'data for a step'), body: payload({ ...withSteps, additionalData: { UTILITY_BILL: { address: 'Gedimino pr. 1' } } }) },
  { ...bad('additionalData', 'address', [/object/], 'a string'), body: payload({ ...withSteps, additionalData: 'address' }) },
  { ...bad('additionalData', { UTILITY_BILL: 'x' }, [/object/], 'a step that is not an object', { at: '"x"' }), body: payload({ ...withSteps, additionalData: { UTILITY_BILL: 'x' } }) },
);

// questionnaire: a key; null disables (null is covered by the null test below).
cases.push(ok('questionnaire', 'kyc-questionnaire', 'a key'), bad('questionnaire', '', [/null/], 'an empty string: use null'), bad('questionnaire', 42, [/string/], 'a number'));

// riskAssessmentProfile, theme: a UUID.
for (const name of ['riskAssessmentProfile', 'theme']) {
  cases.push(
    ok(name, '3c90c3cc-0d44-4b50-8888-8dd25736052a', 'a canonical UUID'),
    ok(name, '3C90C3CC-0D44-4B50-8888-8DD25736052A', 'upper-case hex'),
    ok(name, '3c90c3cc0d444b5088888dd25736052a', '32 hex digits without hyphens (a UUID parser accepts it)'),
    ok(name, '{3c90c3cc-0d44-4b50-8888-8dd25736052a}', 'in braces'),
    ok(name, 'urn:uuid:3c90c3cc-0d44-4b50-8888-8dd25736052a', 'URN form'),
    bad(name, '3c90c3cc-0d44-4b50-8888-8dd25736052', [/UUID/], '31 hex digits'),
    bad(name, '3c90c3cc-0d44-4b50-8888-8dd25736052ab', [/UUID/], '33 hex digits'),
    bad(name, '3c90c3cc-0d44-4b50-8888-8dd25736052g', [/UUID/], 'a letter that is not hex'),
    bad(name, 'default', [/UUID/], 'a name'),
    bad(name, 12345, [/string/], 'a number'),
  );
}

// registryCentersCountries: array of alpha-2 codes.
cases.push(
  ok('registryCentersCountries', ['LT', 'lv'], 'codes, any case'),
  ok('registryCentersCountries', [], 'empty'),
  bad('registryCentersCountries', 'LT', [/array/], 'a string'),
  bad('registryCentersCountries', ['LT', 'UK'], [/alpha-2/], 'an item that is not a code', { at: '"UK"', fix: 'GB' }),
  bad('registryCentersCountries', [1], [/alpha-2/], 'a number item', { at: '1' }),
);

// faceMatchingThresholdModifier: a number.
cases.push(
  ok('faceMatchingThresholdModifier', 0.5, 'a fraction'),
  ok('faceMatchingThresholdModifier', 1, 'a whole number is a number'),
  ok('faceMatchingThresholdModifier', -0.2, 'negative: no bound is documented'),
  bad('faceMatchingThresholdModifier', '0.5', [/number/], 'a string'),
  bad('faceMatchingThresholdModifier', true, [/number/], 'a boolean'),
);

// ageLimit, ageMax: integers (their order is a combination rule).
for (const name of ['ageLimit', 'ageMax']) {
  cases.push(
    ok(name, 18, 'an age'),
    ok(name, 0, 'zero: no bound is documented'),
    bad(name, 18.5, [/integer/], 'not whole'),
    bad(name, '18', [/integer/], 'a string', { fix: 18 }),
    bad(name, true, [/integer/], 'a boolean'),
  );
}

// dummyStatus: APPROVED, DENIED, SUSPECTED, EXPIRED (ACTIVE from older docs); always an information note (DEV only).
const devOnly: Expected = { code: 'dev-credentials-only', severity: 'information', at: '"dummyStatus"', says: ['dummyStatus', /DEV/] };
for (const status of ['APPROVED', 'DENIED', 'SUSPECTED', 'EXPIRED']) {
  cases.push({ field: 'dummyStatus', value: status, why: `${status}: only the DEV-credentials note`, expect: [devOnly] });
}
cases.push(
  { field: 'dummyStatus', value: 'ACTIVE', why: 'ACTIVE, from older docs: a legacy note', expect: [devOnly, { code: 'legacy-value', severity: 'information', at: '"ACTIVE"' }] },
  {
    field: 'dummyStatus',
    value: 'approved',
    why: 'the enum is upper case',
    fix: 'APPROVED',
    expect: [{ code: 'BAD_VALUE', severity: 'error', at: '"approved"', says: ['dummyStatus', 'APPROVED, DENIED, SUSPECTED, EXPIRED'] }, devOnly],
  },
  { field: 'dummyStatus', value: 'PENDING', why: 'not a status', expect: [{ code: 'BAD_VALUE', severity: 'error', at: '"PENDING"', says: ['dummyStatus', 'APPROVED'] }, devOnly] },
  { field: 'dummyStatus', value: 1, why: 'a number', expect: [{ code: 'BAD_VALUE', severity: 'error', at: '1', says: ['dummyStatus'] }] },
);

// videoCallQuestions: legacy array of strings; accepted.
cases.push(
  ok('videoCallQuestions', ['Question 1', 'Question 2'], 'legacy, accepted'),
  ok('videoCallQuestions', [], 'empty'),
  bad('videoCallQuestions', 'Question 1', [/array of strings/], 'a string'),
  bad('videoCallQuestions', ['Question 1', 2], [/strings/], 'a number item', { at: '2' }),
);

// ---- the tests ----------------------------------------------------------------------------------------------------

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 24)}…(${text.length} chars)` : text;
};

describe('field rules (spec: Fields)', () => {
  const byField = new Map<string, Case[]>();
  for (const c of cases) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);

  for (const [field, fieldCases] of byField) {
    describe(field, () => {
      for (const c of fieldCases) {
        it(`${short(c.value)}: ${c.why}`, () => {
          const checked = check(c.body ?? payload({ [c.field]: c.value }));
          const found = expectExactly(checked, c.expect);
          if (c.fix !== undefined)
            assert.ok(
              fixTargets(found[0]).some((t) => t === c.fix),
              `expected a fix to ${JSON.stringify(c.fix)}; got ${JSON.stringify(fixTargets(found[0]))}`,
            );
          if (c.noFix) assert.deepEqual(fixTargets(found[0]), [], 'no fix where the intended value is unknown');
        });
      }
    });
  }

  it('covers every field of the spec table with a valid and an invalid case', () => {
    for (const field of SPEC_FIELDS) {
      const fieldCases = byField.get(field) ?? [];
      assert.ok(
        fieldCases.some((c) => c.expect.length === 0 || c.expect.every((e) => e.severity === 'information')),
        `${field}: no valid case`,
      );
      assert.ok(
        fieldCases.some((c) => c.expect.some((e) => e.severity === 'error' || e.severity === 'warning')),
        `${field}: no invalid case`,
      );
    }
  });

  it("the rule table has exactly the spec's fields (plus the personScanRef alias)", () => {
    assert.deepEqual([...FIELDS.keys()].sort(), [...SPEC_FIELDS, 'personScanRef'].sort());
  });
});

describe('null is allowed for every optional field (spec: "may be null")', () => {
  for (const field of SPEC_FIELDS.filter((f) => f !== 'clientId')) {
    it(`${field}: null`, () => {
      expectExactly(check(payload({ [field]: null })), []);
    });
  }
});

describe('every document type of the spec is accepted in documents', () => {
  for (const type of SPEC_DOCUMENT_TYPES) {
    it(type, () => {
      expectExactly(check(payload({ documents: [type] })), []);
    });
  }
});

describe('every locale of the spec is known (no note)', () => {
  for (const locale of SPEC_LOCALES) {
    it(locale, () => {
      expectExactly(check(payload({ locale })), []);
    });
  }
});

describe('country as an array (spec: warn on arrays, error on anything else that is not a supported code)', () => {
  it('warns on the array and reports a bad item inside it', () => {
    const checked = check(payload({ country: ['US', 'UK'] }));
    const [, item] = expectExactly(checked, [
      { code: 'country-array', severity: 'warning', at: '["US","UK"]' },
      { code: 'BAD_VALUE', severity: 'error', at: '"UK"', says: ['country'] },
    ]);
    assert.deepEqual(fixTargets(item), ['GB']);
  });
});

describe('URL length bound 4 vs 5 characters', () => {
  // No 5-character text is a valid https:// URL, so at 5 the length rule passes and the URL rule decides.
  it('5 characters pass the length rule; the URL rule still reports them', () => {
    const [finding] = expectExactly(check(payload({ successUrl: 'a.com' })), [{ code: 'BAD_VALUE', severity: 'error', at: '"a.com"' }]);
    assert.doesNotMatch(finding.message, /characters/);
    assert.match(finding.message, /https:\/\//);
  });
});

describe('personScanRef, the legacy alias of clientId', () => {
  it('stands for clientId: no missing-clientId error, an information note with a rename fix', () => {
    const checked = check({ personScanRef: 'user-123' });
    const [finding] = expectExactly(checked, [{ code: 'legacy-field', severity: 'information', at: '"personScanRef"', says: ['personScanRef', 'clientId'] }]);
    assert.deepEqual(fixTargets(finding), ['clientId']);
  });

  it("follows clientId's rules: 101 characters is a BAD_VALUE", () => {
    expectExactly(check({ personScanRef: x(101) }), [
      { code: 'legacy-field', severity: 'information', at: '"personScanRef"' },
      { code: 'BAD_VALUE', severity: 'error', at: lit(x(101)), says: ['personScanRef', /1–100/] },
    ]);
  });

  it('null with no clientId leaves the required value missing', () => {
    expectExactly(check({ personScanRef: null }), [
      { code: 'legacy-field', severity: 'information', at: '"personScanRef"' },
      { code: 'MISSING_VALUE', severity: 'error', at: 'null', says: ['clientId'] },
    ]);
  });

  it('null next to a valid clientId is only the null of an optional duplicate', () => {
    const checked = check({ clientId: 'user-123', personScanRef: null });
    assert.ok(!checked.findings.some((f) => f.severity === 'error'), 'no error');
  });

  it('no rename fix when clientId is also there', () => {
    const checked = check({ clientId: 'user-123', personScanRef: 'user-123' });
    const [finding] = expectExactly(checked, [{ code: 'legacy-field', severity: 'information', at: '"personScanRef"' }]);
    assert.deepEqual(fixTargets(finding), []);
  });
});

describe('a missing clientId (spec: required; MISSING_VALUE)', () => {
  it('{} reports MISSING_VALUE at the opening brace with an add fix', () => {
    const checked = check('{}');
    const [finding] = expectExactly(checked, [{ code: 'MISSING_VALUE', severity: 'error', at: '{', says: ['clientId', /1–100/] }]);
    assert.deepEqual(
      finding.fixes?.map((f) => f.kind),
      ['addProperty'],
    );
  });

  it('other fields without clientId', () => {
    expectExactly(check({ firstName: 'John', sessionLength: 600 }), [{ code: 'MISSING_VALUE', severity: 'error', at: '{', field: 'clientId' }]);
  });
});

describe('findings link to iDenfy documentation', () => {
  it('every finding of a bad payload has an https documentation link', () => {
    const checked = check(payload({ sessionLength: 1, country: 'UK', documents: [], locale: 'xx', foo: 1, dummyStatus: 'APPROVED' }));
    assert.ok(checked.findings.length >= 6);
    for (const f of checked.findings) assert.match(f.href, /^https:\/\/(documentation\.idenfy\.com|github\.com\/idenfy)\//, f.message);
  });
});
