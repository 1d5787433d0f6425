/**
 * Sending POST /api/v2/token from the editor: the pure part (no `vscode`). The VS Code adapter is client/send; the
 * language server answers `idenfy/payloadAt` with `materializePayload`; the emulator lives in emulator/.
 */
export * from '../../core/payload/types';
export { materializePayload, fillUnknowns, parseAnswer, answerKind, answerPrompt, spanForField, jsonTextToSend, pathOf } from '../../core/payload/materialize';
export type { MaterializedPayload, MaterializeOptions, UnknownAnswer, AnswerKind } from '../../core/payload/materialize';
export { validateBaseUrl, isLoopbackHost, tokenEndpointUrl, verificationLink, documentedRedirectUrl, isSafeBrowserLink, TOKEN_PATH, DOCUMENTED_REDIRECT_URL } from '../../core/payload/target';
export { checkCredentials, pickCredentials, basicAuthorization } from './credentials';
export type { CredentialProblem, CredentialPair, CredentialSource } from './credentials';
export { sendTokenRequest, retryDelay, parseRetryAfter, describeNetworkError, DEFAULTS as SEND_DEFAULTS, USER_AGENT } from './request';
export type {
  SendTokenRequestOptions, AttemptEvent, AttemptRecord, Exchange, SendResult, SendSuccess, SendApiError, SendStatusError,
  SendInvalidResponse, SendNetworkError, SendCancelled, SendInvalidRequest, NetworkFailure,
} from './request';
export { maskSecrets, maskValue, formatExchange, tokensIn } from './mask';
export type { SecretToMask, FormatOptions } from './mask';
export { fieldFromMessage, explainIdentifierText, explainStatusMessageText, explainStatus, plainText } from '../../core/payload/explain';
export { countProblems } from '../../core/payload/check';
export { presentResult, unknownsMessage, errorsMessage, ACTION_LABELS, CREDIT_NOTE } from './present';
export type { Presentation, ResultAction } from './present';
