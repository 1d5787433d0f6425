/**
 * Lists from docs/reference/token-endpoint.md, written out by hand (not read from core/spec), so that the tests
 * compare the rule table with the spec rather than with itself.
 */

/** The spec's boolean fields, as listed. */
export const SPEC_BOOLEANS = [
  'showInstructions', 'generateDigitString', 'utilityBill', 'questionnaireRequired', 'reviewSuccessful', 'reviewFailed',
  'verifyEmail', 'verifyPhone', 'verifyBank', 'verifyBankAccounts', 'verifyBankBalances', 'verifyBankTransactions',
  'bankCardVerification', 'bankCardPdfUpload', 'verifyAddress', 'checkAml', 'checkCriminal', 'checkLiveness',
  'checkFaceBlacklist', 'checkDocFaceBlacklist', 'checkPersonBlacklist', 'checkDuplicateFaces', 'checkDuplicateDocFaces',
  'checkDuplicatePersonalData', 'checkDriverLicense', 'checkLid', 'checkIpProxy', 'allowBsnMasking', 'nfcRequired',
  'nfcOptional', 'autoAmlMonitoring', 'driverLicenseBack',
];

/** Every field of the spec's field table (personScanRef, the legacy alias, has its own tests in fields.test.ts). */
export const SPEC_FIELDS = [
  'clientId', 'tokenType', 'externalRef', 'firstName', 'lastName', 'dateOfBirth', 'dateOfExpiry', 'dateOfIssue', 'sex',
  'nationality', 'personalNumber', 'documentNumber', 'address', 'country', 'documents', 'locale', ...SPEC_BOOLEANS,
  'expiryTime', 'sessionLength', 'successUrl', 'errorUrl', 'unverifiedUrl', 'callbackUrl', 'additionalSteps',
  'additionalData', 'questionnaire', 'riskAssessmentProfile', 'theme', 'registryCentersCountries',
  'faceMatchingThresholdModifier', 'ageLimit', 'ageMax', 'dummyStatus', 'videoCallQuestions',
];

/** The spec's document types (current list plus INTERNATIONAL_PASSPORT from the 2022 list). */
export const SPEC_DOCUMENT_TYPES = [
  'ID_CARD', 'PASSPORT', 'RESIDENCE_PERMIT', 'DRIVER_LICENSE', 'PAN_CARD', 'AADHAAR', 'VISA', 'NATIONAL_PASSPORT',
  'PROVISIONAL_DRIVER_LICENSE', 'OLD_ID_CARD', 'MILITARY_CARD', 'ADDRESS_CARD', 'SMART_ID', 'CLEAR', 'ONE_ID', 'BANK_ID_SE',
  'BANK_ID_NO', 'BANK_ID_CZ', 'FTN', 'MIT_ID', 'VERIMI', 'LA_WALLET', 'SAMSUNG_WALLET', 'MOJE_ID_CZ', 'YOTI_ID', 'OTHER',
  'BORDER_CROSSING', 'ASYLUM', 'PHOTO_CARD', 'PROOF_OF_AGE_CARD', 'TRAVEL_CARD', 'SOCIAL_SECURITY_CARD', 'VOTER_CARD',
  'DIPLOMATIC_ID', 'WORK_PERMIT', 'INTERNATIONAL_PASSPORT',
];

export const SPEC_LOCALES = 'en lt ru pl lv ro it de fr sv es hu ja bg et cs nl pt uk vi sk id hi th da el hr no sr fi tr zh ko sl'.split(' ');
