import { ADDITIONAL_STEPS_SHAPE, MapShape } from './additionalSteps';
import { DocPage } from './links';

/**
 * The rule table: every documented field of POST /api/v2/token, as data. The validator, hover, completion, the
 * JSON-payload detection and the emulator all read it; nothing else lists fields.
 */
export type FieldRule =
  | { readonly kind: 'clientId'; readonly min: number; readonly max: number }
  | { readonly kind: 'string'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'personName'; readonly min: number; readonly max: number }
  | { readonly kind: 'date' }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly legacy?: readonly string[] }
  | { readonly kind: 'country'; readonly allowAll: boolean; readonly arrayWarns: boolean }
  | { readonly kind: 'documents' }
  | { readonly kind: 'locale'; readonly max: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number; readonly unit?: 'seconds' }
  | { readonly kind: 'number' }
  | { readonly kind: 'httpsUrl'; readonly min: number; readonly max: number }
  | { readonly kind: 'uuid' }
  | { readonly kind: 'questionnaire' }
  | { readonly kind: 'countryList' }
  | { readonly kind: 'stringList' }
  /** A nested object whose keys and values the shape tree (core/rules/additionalSteps.ts) describes. */
  | { readonly kind: 'additionalSteps'; readonly shape: MapShape }
  | { readonly kind: 'additionalData' };

export interface FieldSpec {
  readonly name: string;
  /** How the type reads in hovers and completion details. */
  readonly type: string;
  readonly rule: FieldRule;
  readonly description: string;
  /** The value iDenfy uses when the field is absent or null, where the docs name one. */
  readonly default?: string;
  /**
   * Only the token endpoint uses this key: a JSON object with `clientId` and one of these is a token payload even
   * outside `idenfy.payloadFiles`. Generic keys (names, dates, country) are not enough.
   */
  readonly distinctive: boolean;
  readonly doc: DocPage;
  /** A legacy key that stands for another one. */
  readonly aliasOf?: string;
  /** Accepted for compatibility; said in the hover. */
  readonly legacy?: boolean;
}

export const TOKEN_TYPES = ['IDENTIFICATION', 'DOCUMENT'] as const;
export const LEGACY_TOKEN_TYPES = ['VIDEO_CALL', 'VIDEO_CALL_PHOTOS', 'VIDEO_CALL_IDENTIFICATION'] as const;
export const DUMMY_STATUSES = ['APPROVED', 'DENIED', 'SUSPECTED', 'EXPIRED'] as const;
/** Older docs list ACTIVE too. */
export const LEGACY_DUMMY_STATUSES = ['ACTIVE'] as const;
export const SEXES = ['M', 'F'] as const;

/** Characters iDenfy rejects in first and last names (digits are rejected too). */
export const NAME_FORBIDDEN_CHARACTERS = '~!@#$%^*()_+={}[]|:;",<>/?';

const string = (min?: number, max?: number): FieldRule => ({ kind: 'string', min, max });
const seconds = (min: number, max: number): FieldRule => ({ kind: 'integer', min, max, unit: 'seconds' });
const bool: FieldRule = { kind: 'boolean' };
const url: FieldRule = { kind: 'httpsUrl', min: 5, max: 2048 };

type Row = Omit<FieldSpec, 'doc'> & { doc?: DocPage };

const booleanRows: ReadonlyArray<[string, string, boolean]> = [
  // [name, description, distinctive]
  ['showInstructions', 'Show the instruction screens before the verification starts.', true],
  ['generateDigitString', 'Also generate an 8-digit code (`digitString`) the user can type in the mobile app instead of a link. Its lifetime is capped (see `expiryTime`).', true],
  ['utilityBill', 'Ask for a utility bill (proof of address). Do not combine with `additionalSteps`: use the `UTILITY_BILL` step there instead.', true],
  ['questionnaireRequired', 'The questionnaire must be filled in.', true],
  ['reviewSuccessful', 'Send successful verifications to manual review.', true],
  ['reviewFailed', 'Send failed verifications to manual review.', true],
  ['verifyEmail', "Verify the user's e-mail address.", true],
  ['verifyPhone', "Verify the user's phone number.", true],
  ['verifyBank', 'Verify the user through their bank.', true],
  ['verifyBankAccounts', "Collect the user's bank accounts.", true],
  ['verifyBankBalances', "Collect the user's bank balances.", true],
  ['verifyBankTransactions', "Collect the user's bank transactions.", true],
  ['bankCardVerification', 'Verify a bank card.', true],
  ['bankCardPdfUpload', 'Allow a bank statement PDF upload.', true],
  ['verifyAddress', "Verify the user's address.", true],
  ['checkAml', 'Run an AML (sanctions, PEP) check.', true],
  ['checkCriminal', 'Run a criminal records check.', true],
  ['checkLiveness', 'Run the liveness check.', true],
  ['checkFaceBlacklist', 'Check the face against the face blacklist.', true],
  ['checkDocFaceBlacklist', "Check the document's face against the face blacklist.", true],
  ['checkPersonBlacklist', 'Check the person against the person blacklist.', true],
  ['checkDuplicateFaces', 'Look for the same face in earlier verifications.', true],
  ['checkDuplicateDocFaces', 'Look for the same document face in earlier verifications.', true],
  ['checkDuplicatePersonalData', 'Look for the same personal data in earlier verifications.', true],
  ['checkDriverLicense', 'Check the driver licence against a registry.', true],
  ['checkLid', 'Run a lost and invalid documents (LID) check.', true],
  ['checkIpProxy', 'Check whether the user is behind a proxy or VPN.', true],
  ['allowBsnMasking', 'Allow masking the Dutch BSN on the document.', true],
  ['nfcRequired', "The document's NFC chip must be read.", true],
  ['nfcOptional', "Offer reading the document's NFC chip.", true],
  ['autoAmlMonitoring', 'Start ongoing AML monitoring automatically.', true],
  ['driverLicenseBack', 'Ask for the back side of a driver licence.', true],
];

const rows: readonly Row[] = [
  { name: 'clientId', type: 'string', rule: { kind: 'clientId', min: 1, max: 100 }, distinctive: false, description: 'Your unique identifier of the user being verified. The only required field.' },
  { name: 'personScanRef', type: 'string', rule: { kind: 'clientId', min: 1, max: 100 }, distinctive: false, aliasOf: 'clientId', legacy: true, description: 'Legacy alias of `clientId`.' },
  {
    name: 'tokenType',
    type: 'enum',
    rule: { kind: 'enum', values: TOKEN_TYPES, legacy: LEGACY_TOKEN_TYPES },
    distinctive: true,
    default: 'IDENTIFICATION',
    description: 'What the session verifies: `IDENTIFICATION` (document and face) or `DOCUMENT` (document only).',
  },
  { name: 'externalRef', type: 'string', rule: string(undefined, 40), distinctive: true, description: 'Your own reference for this verification (at most 40 characters).' },
  {
    name: 'firstName',
    type: 'string',
    rule: { kind: 'personName', min: 1, max: 100 },
    distinctive: false,
    description: 'First name to compare with the document. Any script; no digits or special characters; iDenfy upper-cases it.',
  },
  {
    name: 'lastName',
    type: 'string',
    rule: { kind: 'personName', min: 1, max: 100 },
    distinctive: false,
    description: 'Last name to compare with the document. Any script; no digits or special characters; iDenfy upper-cases it.',
  },
  { name: 'dateOfBirth', type: 'string (YYYY-MM-DD)', rule: { kind: 'date' }, distinctive: false, description: 'Date of birth to compare with the document.' },
  { name: 'dateOfExpiry', type: 'string (YYYY-MM-DD)', rule: { kind: 'date' }, distinctive: false, description: 'Document expiry date to compare with the document.' },
  { name: 'dateOfIssue', type: 'string (YYYY-MM-DD)', rule: { kind: 'date' }, distinctive: false, description: 'Document issue date to compare with the document.' },
  { name: 'sex', type: 'enum', rule: { kind: 'enum', values: SEXES }, distinctive: false, description: 'Sex to compare with the document: `M` or `F`.' },
  {
    name: 'nationality',
    type: 'string (ISO 3166-1 alpha-2)',
    rule: { kind: 'country', allowAll: true, arrayWarns: false },
    distinctive: false,
    description: 'Nationality to compare with the document, as an ISO 3166-1 alpha-2 code (case-insensitive); `ALL` clears it.',
  },
  { name: 'personalNumber', type: 'string', rule: string(1, 50), distinctive: false, description: 'Personal number to compare with the document.' },
  { name: 'documentNumber', type: 'string', rule: string(1, 50), distinctive: false, description: 'Document number to compare with the document.' },
  {
    name: 'address',
    type: 'string',
    rule: string(undefined, 255),
    distinctive: false,
    description: 'Address to compare with the proof of address (at most 255 characters). Not together with `additionalData`.',
  },
  {
    name: 'country',
    type: 'string (ISO 3166-1 alpha-2)',
    rule: { kind: 'country', allowAll: false, arrayWarns: true },
    distinctive: false,
    description: 'The country whose documents the user may choose, as an ISO 3166-1 alpha-2 code (case-insensitive).',
  },
  { name: 'documents', type: 'array of document types', rule: { kind: 'documents' }, distinctive: true, description: 'The document types the user may choose from.' },
  {
    name: 'locale',
    type: 'string',
    rule: { kind: 'locale', max: 7 },
    distinctive: false,
    description: 'Language of the verification screens (at most 7 characters); an unknown code falls back to English.',
  },
  ...booleanRows.map(([name, description, distinctive]): Row => ({ name, type: 'boolean', rule: bool, distinctive, description })),
  { name: 'expiryTime', type: 'integer (seconds)', rule: seconds(1, 2_592_000), distinctive: true, description: 'Seconds the token stays valid before the session starts: 1 to 2,592,000 (30 days).' },
  { name: 'sessionLength', type: 'integer (seconds)', rule: seconds(60, 3600), distinctive: true, description: 'Seconds the user has once the session is open: 60 to 3,600.' },
  {
    name: 'successUrl',
    doc: 'redirectAndIframe',
    type: 'string (https URL)',
    rule: url,
    distinctive: true,
    description: 'Where the user is redirected after a successful verification. Redirect URLs do not work with the iframe integration.',
  },
  {
    name: 'errorUrl',
    doc: 'redirectAndIframe',
    type: 'string (https URL)',
    rule: url,
    distinctive: true,
    description: 'Where the user is redirected after a failed verification. Redirect URLs do not work with the iframe integration.',
  },
  {
    name: 'unverifiedUrl',
    doc: 'redirectAndIframe',
    type: 'string (https URL)',
    rule: url,
    distinctive: true,
    description: 'Where the user is redirected when the verification could not be finished. Redirect URLs do not work with the iframe integration.',
  },
  {
    name: 'callbackUrl',
    doc: 'webhooks',
    type: 'string (https URL)',
    rule: url,
    distinctive: true,
    description: "Your webhook for this verification's result. Needs the custom-callback permission on the account.",
  },
  {
    name: 'additionalSteps',
    type: 'object',
    rule: { kind: 'additionalSteps', shape: ADDITIONAL_STEPS_SHAPE },
    distinctive: true,
    doc: 'additionalSteps',
    description:
      'Extra steps per country and document type: `{ "<alpha-2 or ALL>": { "<document type or ALL>": { "<STEP_NAME>": { type, fields, texts, settings } } } }`. `UTILITY_BILL` shows the utility-bill screen.',
  },
  {
    name: 'additionalData',
    type: 'object',
    rule: { kind: 'additionalData' },
    distinctive: true,
    doc: 'additionalSteps',
    description: 'Data for COMPARE/EXTRACT additional steps: `{ "<STEP_NAME>": { "<field>": value } }`. Goes with `additionalSteps`.',
  },
  { name: 'questionnaire', type: 'string', rule: { kind: 'questionnaire' }, distinctive: true, description: 'Key of a questionnaire to show; `null` disables it.' },
  { name: 'riskAssessmentProfile', type: 'string (UUID)', rule: { kind: 'uuid' }, distinctive: true, description: 'UUID of a risk assessment profile.' },
  { name: 'theme', type: 'string (UUID)', rule: { kind: 'uuid' }, distinctive: false, description: 'UUID of a UI theme.' },
  { name: 'registryCentersCountries', type: 'array of ISO 3166-1 alpha-2 codes', rule: { kind: 'countryList' }, distinctive: true, description: 'Countries whose registry centres to check.' },
  { name: 'faceMatchingThresholdModifier', type: 'number', rule: { kind: 'number' }, distinctive: true, description: 'Adjusts the face-matching threshold.' },
  { name: 'ageLimit', type: 'integer', rule: { kind: 'integer' }, distinctive: false, description: 'Minimum age of the user; at most `ageMax`.' },
  { name: 'ageMax', type: 'integer', rule: { kind: 'integer' }, distinctive: false, description: 'Maximum age of the user; at least `ageLimit`.' },
  {
    name: 'dummyStatus',
    doc: 'dummyResults',
    type: 'enum',
    rule: { kind: 'enum', values: DUMMY_STATUSES, legacy: LEGACY_DUMMY_STATUSES },
    distinctive: true,
    description: 'Finish the verification with this status without a real user, for testing. Works only with DEV credentials.',
  },
  { name: 'videoCallQuestions', type: 'array of string', rule: { kind: 'stringList' }, distinctive: true, legacy: true, description: 'Legacy: questions for a video-call verification.' },
];

export const FIELDS: ReadonlyMap<string, FieldSpec> = new Map(rows.map((row) => [row.name, { doc: 'tokenGeneration', ...row } as FieldSpec]));

export const FIELD_NAMES: readonly string[] = [...FIELDS.keys()];
