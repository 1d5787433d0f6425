/** Document types iDenfy accepts in `documents` and as `additionalSteps` keys (current list plus the 2022 one). */
export const DOCUMENT_TYPES: readonly string[] = [
  'ID_CARD',
  'PASSPORT',
  'RESIDENCE_PERMIT',
  'DRIVER_LICENSE',
  'PAN_CARD',
  'AADHAAR',
  'VISA',
  'NATIONAL_PASSPORT',
  'PROVISIONAL_DRIVER_LICENSE',
  'OLD_ID_CARD',
  'MILITARY_CARD',
  'ADDRESS_CARD',
  'SMART_ID',
  'CLEAR',
  'ONE_ID',
  'BANK_ID_SE',
  'BANK_ID_NO',
  'BANK_ID_CZ',
  'FTN',
  'MIT_ID',
  'VERIMI',
  'LA_WALLET',
  'SAMSUNG_WALLET',
  'MOJE_ID_CZ',
  'YOTI_ID',
  'OTHER',
  'BORDER_CROSSING',
  'ASYLUM',
  'PHOTO_CARD',
  'PROOF_OF_AGE_CARD',
  'TRAVEL_CARD',
  'SOCIAL_SECURITY_CARD',
  'VOTER_CARD',
  'DIPLOMATIC_ID',
  'WORK_PERMIT',
  // From the 2022 list, still accepted.
  'INTERNATIONAL_PASSPORT',
];

export const DOCUMENT_TYPE_SET: ReadonlySet<string> = new Set(DOCUMENT_TYPES);

/**
 * Document types that only exist for some countries. The spec infers this table from what each document is, so it
 * is data that users extend (or override per document) with the `idenfy.countryBoundDocuments` setting.
 */
export const DEFAULT_COUNTRY_BOUND_DOCUMENTS: Readonly<Record<string, readonly string[]>> = {
  AADHAAR: ['IN'],
  PAN_CARD: ['IN'],
  BANK_ID_SE: ['SE'],
  BANK_ID_NO: ['NO'],
  BANK_ID_CZ: ['CZ'],
  MOJE_ID_CZ: ['CZ'],
  FTN: ['FI'],
  MIT_ID: ['DK'],
  VERIMI: ['DE'],
  LA_WALLET: ['US'],
  CLEAR: ['US'],
  SOCIAL_SECURITY_CARD: ['US'],
  SMART_ID: ['EE', 'LV', 'LT'],
};

/** Step types of an additional step. */
export const ADDITIONAL_STEP_TYPES: readonly string[] = ['UPLOAD', 'EXTRACT', 'COMPARE'];
/** Keys of one additional step: `{ "<STEP_NAME>": { type, fields, texts, settings } }`. */
export const ADDITIONAL_STEP_KEYS = ['type', 'fields', 'texts', 'settings'] as const;
/** Keys of one locale's entry in a step's `texts`. */
export const ADDITIONAL_STEP_TEXT_KEYS = ['name', 'description'] as const;
/** Keys of an additional step's `settings`. */
export const ADDITIONAL_STEP_SETTINGS: readonly string[] = ['canUpload', 'canCapture', 'canUploadPDF'];
/** The step name that shows the utility-bill screen. */
export const UTILITY_BILL_STEP = 'UTILITY_BILL';
