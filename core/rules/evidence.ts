/**
 * What makes a JSON document a `POST /api/v2/token` payload when it does not match `idenfy.payloadFiles`.
 *
 * One table, read by the decision in core/detect.ts, which the language server, the CLI and the send command all go
 * through. A `clientId` is not evidence: OAuth clients, Discord bots, kiosks and CRMs all have one, together with
 * `tokenType`, `expiryTime`, `sessionLength`, `locale`, `country`, `documents`, redirect URLs or a `theme`. A document
 * is a payload by content only when its top level has a `clientId` (or the legacy `personScanRef`) AND one piece of
 * evidence below that no other common API has.
 */
import { DOCUMENT_TYPES } from './documents';
import { DUMMY_STATUSES, LEGACY_DUMMY_STATUSES, LEGACY_TOKEN_TYPES, TOKEN_TYPES } from './fields';

/**
 * What a key's value must be to count: `"utilityBill": "https://…/bill.pdf"` is another API's field. `uuid`: a UUID
 * string; `dummyStatus`: one of iDenfy's dummy statuses; `additionalSteps`: iDenfy's nesting, a non-empty object keyed
 * by `ALL` or country codes whose values are objects (LLM and workflow configs use `additionalSteps` too).
 */
export type EvidenceValue = 'boolean' | 'string' | 'array' | 'number' | 'uuid' | 'dummyStatus' | 'additionalSteps';

/** Keys that name the user in a payload; a document without one at the top level is not a payload by content. */
export const CLIENT_ID_KEYS: readonly string[] = ['clientId', 'personScanRef'];

export const EVIDENCE = {
  /**
   * Top-level keys only iDenfy's token endpoint uses, with the value they have there (researched with the look-alike
   * corpus, test/fixtures/json/lookalikes/SOURCES.md). Left out on purpose, because other APIs use the same names:
   * `questionnaire` (FHIR), `showInstructions`, `verifyEmail`, `verifyPhone`,
   * `verifyAddress`, `checkAml`, `checkLiveness`, `checkCriminal`, `nfcRequired`, `externalRef`, `additionalData`,
   * `callbackUrl`, `successUrl`, `errorUrl`, `bankCardVerification`, and every key the generic list below names.
   */
  keys: new Map<string, EvidenceValue>([
    ['generateDigitString', 'boolean'],
    ['additionalSteps', 'additionalSteps'],
    ['utilityBill', 'boolean'],
    ['dummyStatus', 'dummyStatus'],
    ['unverifiedUrl', 'string'],
    ['riskAssessmentProfile', 'uuid'],
    ['questionnaireRequired', 'boolean'],
    ['reviewSuccessful', 'boolean'],
    ['reviewFailed', 'boolean'],
    ['verifyBank', 'boolean'],
    ['verifyBankAccounts', 'boolean'],
    ['verifyBankBalances', 'boolean'],
    ['verifyBankTransactions', 'boolean'],
    ['bankCardPdfUpload', 'boolean'],
    ['checkFaceBlacklist', 'boolean'],
    ['checkDocFaceBlacklist', 'boolean'],
    ['checkPersonBlacklist', 'boolean'],
    ['checkDuplicateFaces', 'boolean'],
    ['checkDuplicateDocFaces', 'boolean'],
    ['checkDuplicatePersonalData', 'boolean'],
    ['checkLid', 'boolean'],
    ['allowBsnMasking', 'boolean'],
    ['autoAmlMonitoring', 'boolean'],
    ['registryCentersCountries', 'array'],
    ['faceMatchingThresholdModifier', 'number'],
    ['videoCallQuestions', 'array'],
  ]),

  /** `dummyStatus` values that count (`"dummyStatus": "burned"` is a game's). */
  dummyStatuses: new Set<string>([...DUMMY_STATUSES, ...LEGACY_DUMMY_STATUSES]),

  /** `tokenType` with one of iDenfy's values (exact spelling): OAuth's `"Bearer"` is not evidence. */
  tokenTypes: new Set<string>([...TOKEN_TYPES, ...LEGACY_TOKEN_TYPES]),

  /**
   * `documents` is evidence when it is a non-empty array of iDenfy document types (exact spelling) with at least one
   * that is not a plain word other systems use too (`["invoice", "receipt"]` or `["OTHER"]` are not evidence).
   */
  documentTypes: new Set<string>(DOCUMENT_TYPES),
  weakDocumentTypes: new Set<string>(['OTHER', 'CLEAR', 'VISA', 'ASYLUM', 'FTN']),

  /** A path that names iDenfy: an `idenfy` folder (`…/idenfy/request.json`) or `idenfy` in the file name. */
  pathFolder: /(^|[/\\])idenfy[/\\]/i,
  pathFileName: /idenfy/i,

  /**
   * A top-level `$schema` naming the project's schema makes the document a payload whatever it holds, like a file
   * matching `idenfy.payloadFiles` (`idenfy-token-request.schema.json` contains the first marker too).
   */
  schemaMarkers: ['idenfy-token', 'idenfy-token-request.schema.json'],
} as const;

/**
 * Keys of the token endpoint that other APIs share: never evidence on their own. With `clientId` and no evidence,
 * one of them makes the document "almost a payload" (the editor may offer to opt the file in, nothing more).
 */
export const GENERIC_PAYLOAD_KEYS: ReadonlySet<string> = new Set([
  'tokenType',
  'expiryTime',
  'sessionLength',
  'locale',
  'country',
  'documents',
  'successUrl',
  'errorUrl',
  'callbackUrl',
  'theme',
  'externalRef',
  'firstName',
  'lastName',
  'dateOfBirth',
  'nationality',
  'showInstructions',
  'questionnaire',
  'additionalData',
]);

/**
 * Top-level keys of OAuth/OIDC client configurations and of iDenfy's own answers and webhooks (`scanRef`,
 * `authToken`): a document with one of them is not a request payload unless the user said so (`idenfy.payloadFiles`
 * or the `$schema`).
 */
export const NOT_PAYLOAD_KEYS: ReadonlySet<string> = new Set([
  'clientSecret',
  'client_secret',
  'redirectUri',
  'redirect_uri',
  'redirectUris',
  'redirect_uris',
  'grantType',
  'grant_type',
  'scope',
  'scopes',
  'tenantId',
  'authority',
  'issuer',
  'tokenEndpoint',
  'token_endpoint',
  'scanRef',
  'authToken',
]);

/** Files that are JSON configuration of well-known tools and never a token payload by content. */
export const NEVER_PAYLOAD_FILES =
  /^(package(-lock)?\.json|composer\.json|[jt]sconfig(\..*)?\.json|\.eslintrc(\.json)?|launch\.json|tasks\.json|settings\.json|extensions\.json|manifest\.json|app\.json|angular\.json|vercel\.json|firebase\.json|renovate\.json|lerna\.json|nx\.json|turbo\.json)$/i;
