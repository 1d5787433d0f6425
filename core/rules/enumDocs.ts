import { ADDITIONAL_STEP_KEYS, ADDITIONAL_STEP_SETTINGS, ADDITIONAL_STEP_TYPES } from './documents';
import type { DUMMY_STATUSES, LEGACY_DUMMY_STATUSES, LEGACY_TOKEN_TYPES, SEXES, TOKEN_TYPES } from './fields';

/**
 * What each enum value of a token payload means, for hovers and completion. The lists of allowed values stay in
 * fields.ts and documents.ts; this file only explains them (a unit test checks both cover the same values).
 */

type Docs<T extends string> = Readonly<Record<T, string>>;

const TOKEN_TYPE_DOCS: Docs<(typeof TOKEN_TYPES)[number] | (typeof LEGACY_TOKEN_TYPES)[number]> = {
  IDENTIFICATION: 'Identity verification: the user shows a document and takes a selfie, and the face is matched with the document.',
  DOCUMENT: 'Document verification only: the document is checked, with no face match.',
  VIDEO_CALL: 'Legacy token type of a verification by video call.',
  VIDEO_CALL_PHOTOS: 'Legacy token type of a verification by video call, with photos.',
  VIDEO_CALL_IDENTIFICATION: 'Legacy token type of an identification followed by a video call.',
};

const DUMMY_STATUS_DOCS: Docs<(typeof DUMMY_STATUSES)[number] | (typeof LEGACY_DUMMY_STATUSES)[number]> = {
  APPROVED: 'The test verification ends approved, as if every check had passed.',
  DENIED: 'The test verification ends denied, as if a check had failed.',
  SUSPECTED: 'The test verification ends suspected: checks passed, but discrepancies were flagged (fraud or mismatch tags) for you to decide on.',
  EXPIRED: 'The test verification ends expired, as if the token had never been used.',
  ACTIVE: 'Listed by older docs: the token stays active, created but not yet used.',
};

const SEX_DOCS: Docs<(typeof SEXES)[number]> = {
  M: 'Male.',
  F: 'Female.',
};

/** Explanations of the values of each enum field, keyed by field name. */
export const ENUM_VALUE_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  tokenType: TOKEN_TYPE_DOCS,
  dummyStatus: DUMMY_STATUS_DOCS,
  sex: SEX_DOCS,
};

/** What each document type is. */
export const DOCUMENT_TYPE_DOCS: Readonly<Record<string, string>> = {
  ID_CARD: 'National identity card.',
  PASSPORT: 'Passport.',
  RESIDENCE_PERMIT: 'Residence permit.',
  DRIVER_LICENSE: 'Driver licence.',
  PAN_CARD: 'Indian PAN (Permanent Account Number) card.',
  AADHAAR: 'Indian Aadhaar card.',
  VISA: 'Visa.',
  NATIONAL_PASSPORT: 'National (internal) passport.',
  PROVISIONAL_DRIVER_LICENSE: 'Provisional driver licence.',
  OLD_ID_CARD: 'Identity card of an older design.',
  MILITARY_CARD: 'Military identity card.',
  ADDRESS_CARD: 'Address registration card.',
  SMART_ID: 'Smart-ID, the Baltic electronic identity.',
  CLEAR: 'CLEAR digital identity (United States).',
  ONE_ID: 'OneID digital identity.',
  BANK_ID_SE: 'Swedish BankID.',
  BANK_ID_NO: 'Norwegian BankID.',
  BANK_ID_CZ: 'Czech Bank iD.',
  FTN: 'Finnish Trust Network bank identification.',
  MIT_ID: 'Danish MitID.',
  VERIMI: 'Verimi digital identity (Germany).',
  LA_WALLET: 'LA Wallet digital driver licence (Louisiana).',
  SAMSUNG_WALLET: 'Digital identity in Samsung Wallet.',
  MOJE_ID_CZ: 'Czech MojeID.',
  YOTI_ID: 'Yoti digital identity.',
  OTHER: 'Another identity document.',
  BORDER_CROSSING: 'Border crossing card.',
  ASYLUM: 'Asylum seeker document.',
  PHOTO_CARD: 'Photo identity card.',
  PROOF_OF_AGE_CARD: 'Proof-of-age card.',
  TRAVEL_CARD: 'Travel document.',
  SOCIAL_SECURITY_CARD: 'Social security card (United States).',
  VOTER_CARD: 'Voter identity card.',
  DIPLOMATIC_ID: 'Diplomatic identity card.',
  WORK_PERMIT: 'Work permit.',
  INTERNATIONAL_PASSPORT: 'International passport (from the 2022 list).',
};

/** How an additional step's document is processed (its `type`). */
export const ADDITIONAL_STEP_TYPE_DOCS: Docs<string> = {
  UPLOAD: 'The document is stored with the verification; nothing is extracted or checked.',
  EXTRACT: "Data is extracted from the document (the step's `fields`) and returned with the result.",
  COMPARE: 'Data is extracted from the document and compared with the values sent in `additionalData`.',
};

/** The keys of one additional step, `{ "<STEP_NAME>": { type, fields, texts, settings } }`. */
export const ADDITIONAL_STEP_PROPERTY_DOCS: Docs<(typeof ADDITIONAL_STEP_KEYS)[number]> = {
  type: `How the document is processed: ${ADDITIONAL_STEP_TYPES.join(', ')}.`,
  fields: 'Names of the document fields to extract or compare.',
  texts: 'The step\'s name and description per locale: `{ "<locale>": { "name": …, "description": … } }`.',
  settings: `How the user may hand in the document: ${ADDITIONAL_STEP_SETTINGS.join(', ')}.`,
};

/** The keys of an additional step's `settings`. */
export const ADDITIONAL_STEP_SETTING_DOCS: Docs<string> = {
  canUpload: 'The user may upload an image file.',
  canCapture: 'The user may take a photo with the camera.',
  canUploadPDF: 'The user may upload a PDF.',
};

/** The keys of one locale in an additional step's `texts`. */
export const ADDITIONAL_STEP_TEXT_DOCS: Docs<'name' | 'description'> = {
  name: 'Title of the step on the screen.',
  description: 'Explanation shown under the title.',
};
