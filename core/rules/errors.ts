import { DOCS } from './links';

/**
 * The error catalogue: every identifier iDenfy answers with, and the endpoint's failures that come without one.
 * Hovers, the send command's explanations, the emulator and diagnostics all read this one table.
 */
export type ErrorIdentifier =
  | 'INTERNAL_ERROR'
  | 'BAD_VALUE'
  | 'MISSING_VALUE'
  | 'UNAUTHORIZED'
  | 'ENCODING_ERROR'
  | 'JSON_ERROR'
  | 'TOKEN_NOT_VALID'
  | 'PARTNER_CONTRACT_ERROR'
  | 'METHOD_NOT_ALLOWED'
  | 'PERMISSIONS_ERROR'
  | 'TOO_MANY_REQUESTS'
  | 'VALIDATION_ERROR';

export interface ErrorEntry {
  readonly identifier: ErrorIdentifier;
  /** HTTP status iDenfy usually sends it with. */
  readonly status: number;
  readonly meaning: string;
  /** What usually causes it on POST /api/v2/token. */
  readonly causes: string;
  readonly action: string;
  /** Whether the send command retries it with back-off. */
  readonly retry: boolean;
  readonly href: string;
}

const entries: readonly ErrorEntry[] = [
  {
    identifier: 'INTERNAL_ERROR',
    status: 500,
    meaning: "An unexpected failure on iDenfy's side.",
    causes: 'Nothing in the request: a temporary problem of the service.',
    action: 'Retry with exponential back-off; contact iDenfy support if it persists.',
    retry: true,
    href: DOCS.errors,
  },
  {
    identifier: 'BAD_VALUE',
    status: 400,
    meaning: 'A parameter has an invalid value.',
    causes: 'A field of the wrong type, format, range or enum value, e.g. `country` not an ISO 3166-1 alpha-2 code, `sessionLength` over 3600, `"true"` as a string where a boolean is expected.',
    action: 'Read `message`: it names the field. Fix the value; do not retry unchanged.',
    retry: false,
    href: DOCS.errors,
  },
  {
    identifier: 'MISSING_VALUE',
    status: 400,
    meaning: 'A required parameter is missing.',
    causes: '`clientId` absent or `null`, or a `null` request body.',
    action: 'Add the missing parameter (`clientId` is the only required one).',
    retry: false,
    href: DOCS.errors,
  },
  {
    identifier: 'UNAUTHORIZED',
    status: 401,
    meaning: 'API credentials are missing or invalid.',
    causes: 'No Basic auth header, a wrong or rotated API key/secret, trailing whitespace in a credential, or a header that is not Basic base64 `key:secret`.',
    action: 'Check the API key and secret in the iDenfy dashboard and how the Authorization header is built.',
    retry: false,
    href: DOCS.errors,
  },
  {
    identifier: 'ENCODING_ERROR',
    status: 400,
    meaning: 'The request body could not be decoded.',
    causes: 'A body that is not UTF-8 (e.g. Latin-1 names sent as raw bytes).',
    action: 'Send the body as UTF-8 with `Content-Type: application/json`.',
    retry: false,
    href: DOCS.errors,
  },
  {
    identifier: 'JSON_ERROR',
    status: 400,
    meaning: 'The request body is not valid JSON.',
    causes: 'An empty body, a syntax error, comments or trailing commas, or an object sent without `JSON.stringify`.',
    action: 'Send a valid JSON object.',
    retry: false,
    href: DOCS.errors,
  },
  {
    identifier: 'TOKEN_NOT_VALID',
    status: 400,
    meaning: 'The verification token has expired, was already used, or is unknown.',
    causes: 'Reusing an `authToken` after its `expiryTime`, after the session finished, or from another environment.',
    action: 'Create a new token with POST /api/v2/token.',
    retry: false,
    href: DOCS.errors,
  },
  {
    identifier: 'PARTNER_CONTRACT_ERROR',
    status: 400,
    meaning: "The account's contract does not permit the operation.",
    causes: "A `tokenType` the account may not generate, or `generateDigitString` with an `expiryTime` over the 8-digit code's maximum.",
    action: 'Ask your iDenfy account manager to change the contract, or stay within what it allows.',
    retry: false,
    href: DOCS.errors,
  },
  {
    identifier: 'METHOD_NOT_ALLOWED',
    status: 405,
    meaning: 'The wrong HTTP method was used.',
    causes: 'GET (or anything other than POST) on /api/v2/token.',
    action: 'Use POST.',
    retry: false,
    href: DOCS.errors,
  },
  {
    identifier: 'PERMISSIONS_ERROR',
    status: 403,
    meaning: 'The account lacks permission for the resource or action.',
    causes: 'A custom `callbackUrl` or `additionalSteps` the account is not enabled for, or "Partner reached token limit."',
    action: 'Ask iDenfy to enable the feature, or buy more credits.',
    retry: false,
    href: DOCS.errors,
  },
  {
    identifier: 'TOO_MANY_REQUESTS',
    status: 429,
    meaning: 'The rate limit was exceeded (by default 10,000 requests per hour).',
    causes: 'Too many requests in the hour, often a retry loop without back-off.',
    action: 'Back off exponentially with jitter and retry; honour `Retry-After` if present.',
    retry: true,
    href: DOCS.errors,
  },
  {
    identifier: 'VALIDATION_ERROR',
    status: 400,
    meaning: 'One or more fields failed validation.',
    causes: 'A combination of fields the endpoint rejects: `utilityBill` with `additionalSteps`, `address` with `additionalData`, a document type tied to another country, `ageLimit` above `ageMax`.',
    action: 'Read `message` and change the combination.',
    retry: false,
    href: DOCS.errors,
  },
];

export const ERROR_CATALOGUE: ReadonlyMap<ErrorIdentifier, ErrorEntry> = new Map(entries.map((e) => [e.identifier, e]));

export function isErrorIdentifier(text: string): text is ErrorIdentifier {
  return ERROR_CATALOGUE.has(text as ErrorIdentifier);
}

/** Failures that come without an identifier: before any processing, or while the body is parsed. */
export interface StatusMessageEntry {
  readonly status: number;
  /** The message as iDenfy sends it; `{ENV}` / `{type}` stand for the variable part. */
  readonly message: string;
  readonly cause: string;
  readonly action: string;
  readonly href: string;
}

export const STATUS_MESSAGES: readonly StatusMessageEntry[] = [
  {
    status: 401,
    message: 'Invalid authorization credentials',
    cause: 'The API key or secret is missing or wrong.',
    action: 'Check for a rotated key, trailing whitespace, or an Authorization header that is not Basic base64 `key:secret`.',
    href: DOCS.errors,
  },
  {
    status: 403,
    message: 'Partner inactive',
    cause: 'The partner account is disabled.',
    action: 'Contact your iDenfy account manager.',
    href: DOCS.errors,
  },
  {
    status: 403,
    message: 'This endpoint is not available for {ENV} partners.',
    cause: 'Credentials of another environment (DEV, TEST, PROD, DEMO) than the endpoint accepts.',
    action: 'Use the API key of the environment you mean; the key decides the environment.',
    href: DOCS.errors,
  },
  {
    status: 402,
    message: 'Action not allowed due to lack of funds or exceeded limit.',
    cause: 'The account is out of credits or over its expense limit. This is not a rate limit.',
    action: 'Buy credits or raise the expense limit; retrying will not help.',
    href: DOCS.errors,
  },
  {
    status: 400,
    message: 'An error occurred while parsing/constructing JSON',
    cause: 'An empty request body.',
    action: 'Send a JSON object with at least `clientId`.',
    href: DOCS.errors,
  },
  {
    status: 400,
    message: 'Invalid data. Expected a dictionary, but got {type}.',
    cause: 'The body is JSON but not an object (an array, a string, a number).',
    action: 'Send a JSON object.',
    href: DOCS.errors,
  },
  {
    status: 400,
    message: 'Some of required values are missing',
    cause: 'A `null` body, or a required value missing.',
    action: 'Send a JSON object with `clientId`.',
    href: DOCS.errors,
  },
];

/** The catalogue entry for a message as received ("This endpoint is not available for TEST partners."). */
export function findStatusMessage(message: string): StatusMessageEntry | undefined {
  const text = message.trim();
  return STATUS_MESSAGES.find((entry) => {
    const pattern = new RegExp('^' + entry.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{(ENV|type)\\\}/g, '\\S+') + '$', 'i');
    return pattern.test(text);
  });
}

/** Statuses the send command retries with back-off; 400, 401, 402 and 403 never are. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}
