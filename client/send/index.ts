/**
 * Sending POST /api/v2/token from the editor, without `vscode`: the HTTP client with its retries (request.ts), the
 * credential checks, masking of secrets in what is shown, and the texts of the result notification. commands.ts is
 * the VS Code part. The pure steps before a send (the payload as JSON, computed values filled in) are the core's.
 */
export { checkCredentials, pickCredentials, basicAuthorization } from './credentials';
export type { CredentialProblem, CredentialPair, CredentialSource } from './credentials';
export type { Transport } from './request';
export { sendTokenRequest, retryDelay, parseRetryAfter, describeNetworkError, DEFAULTS as SEND_DEFAULTS, USER_AGENT } from './request';
export type {
  SendTokenRequestOptions,
  AttemptEvent,
  AttemptRecord,
  Exchange,
  SendResult,
  SendSuccess,
  SendApiError,
  SendStatusError,
  SendInvalidResponse,
  SendNetworkError,
  SendCancelled,
  SendInvalidRequest,
  NetworkFailure,
} from './request';
export { maskSecrets, maskValue, formatExchange, tokensIn } from './mask';
export type { SecretToMask, FormatOptions } from './mask';
export { presentResult, unknownsMessage, errorsMessage, actionLabel, creditNote } from './present';
export type { Presentation, ResultAction } from './present';
