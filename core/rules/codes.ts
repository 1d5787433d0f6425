/**
 * The project's own finding codes: findings that carry no identifier of the API (unknown keys and notes). A finding's
 * code is one of these or an identifier of the error catalogue (core/rules/errors.ts): `FindingCode` in core/model.ts.
 */
export const PROJECT_CODES = {
  unknownField: 'unknown-field',
  duplicateKey: 'duplicate-key',
  numericClientId: 'numeric-client-id',
  legacyField: 'legacy-field',
  legacyValue: 'legacy-value',
  countryArray: 'country-array',
  emptyDocuments: 'empty-documents',
  unknownLocale: 'unknown-locale',
  additionalDataWithoutSteps: 'additional-data-without-steps',
  devOnly: 'dev-credentials-only',
  tooDeep: 'too-deeply-nested',
  tooLarge: 'too-large',
  checksFailed: 'checks-failed',
  successStatus: 'success-status',
  unknownIdentifier: 'unknown-identifier',
  tooManyFindings: 'too-many-findings',
} as const;

export type ProjectCode = (typeof PROJECT_CODES)[keyof typeof PROJECT_CODES];

/** What each project code means (the rules reference, docs/rules.md). */
export const PROJECT_CODE_DOCS: Readonly<Record<ProjectCode, string>> = {
  'unknown-field':
    "A key that is not part of the documented POST /api/v2/token request (or of an additional step); iDenfy's handling of unknown keys is undocumented. Suggests the nearest documented name.",
  'duplicate-key': 'A key that appears more than once; iDenfy keeps only the last value.',
  'numeric-client-id': '`clientId` sent as a number instead of a string: accepted by the API (an old official sample sends one), but documented as a string.',
  'legacy-field': 'A legacy field name that iDenfy still accepts (`personScanRef` for `clientId`).',
  'legacy-value': 'A legacy enum value that iDenfy still accepts (`VIDEO_CALL` token types, `ACTIVE` dummy status).',
  'country-array': '`country` sent as an array of codes, as one iDenfy example does; may not be honoured.',
  'empty-documents': "`documents` is an empty array; leave it out or send null for the account's default document types.",
  'unknown-locale': 'A locale outside the known list; iDenfy falls back to English.',
  'additional-data-without-steps': '`additionalData` without `additionalSteps`: the data is meant for COMPARE/EXTRACT steps.',
  'dev-credentials-only': 'A field that works only with DEV credentials (`dummyStatus`).',
  'too-deeply-nested': 'JSON nested too deeply to check.',
  'too-large': 'A document too large to check.',
  'checks-failed': 'The checks themselves failed on this document (a bug of the extension, not of the payload); the details are in the output.',
  'success-status': 'Code around a token request treats only 200 as success; iDenfy answers 201 Created, so every new token would take the error path.',
  'too-many-findings': 'More findings than a document shows (1,000): the first are shown, and one note says how many more there are.',
  'unknown-identifier': 'Code compares an error `identifier` with a string iDenfy never sends (`BAD_VALUES`, `RATE_LIMIT`); suggests the nearest of the twelve.',
};
