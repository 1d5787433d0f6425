/**
 * What the send command tells the user: every message built here so it is unit-tested; the VS Code side shows it.
 * No `vscode` import: the texts go through @vscode/l10n, which activate() configures with the extension's bundle.
 */
import * as l10n from '@vscode/l10n';
import type { SendResult } from './request';
import type { UnknownValue } from '../../core';

export type ResultAction = 'openVerificationLink' | 'copyToken' | 'showOutput' | 'setCredentials' | 'openSettings';

export interface Presentation {
  readonly level: 'info' | 'warning' | 'error';
  /** One notification message. */
  readonly message: string;
  /** Buttons, in order. */
  readonly actions: readonly ResultAction[];
  /** The payload field iDenfy's message names, for a diagnostic in the editor. */
  readonly field?: string;
  /** The text of that diagnostic. */
  readonly diagnostic?: string;
}

/**
 * The button label of an action, localised. A function, not a table: the labels are read when a notification is shown,
 * after activate() has configured @vscode/l10n with the bundle VS Code loaded (a table would be filled at import time).
 */
export function actionLabel(action: ResultAction): string {
  switch (action) {
    case 'openVerificationLink':
      return l10n.t('Open Verification Link');
    case 'copyToken':
      return l10n.t('Copy Token');
    case 'showOutput':
      return l10n.t('Show Output');
    case 'setCredentials':
      return l10n.t('Set API Credentials');
    case 'openSettings':
      return l10n.t('Open Settings');
  }
}

export function presentResult(result: SendResult): Presentation {
  switch (result.kind) {
    case 'success': {
      // authToken and scanRef are the answer's field names: they stay as they are in every language.
      const details = [`authToken: ${result.authToken}`, ...(result.scanRef ? [`scanRef: ${result.scanRef}`] : []), ...(result.digitString ? [l10n.t('code: {0}', result.digitString)] : [])];
      return {
        level: 'info',
        message: l10n.t('iDenfy created the token (HTTP {0}). {1}', result.status, details.join(' · ')),
        actions: ['openVerificationLink', 'copyToken', 'showOutput'],
      };
    }
    case 'api-error': {
      // iDenfy's own message is English: it gets a full stop unless it ends with one.
      const head = result.message
        ? l10n.t('iDenfy answered {0} {1}: {2}', result.status, result.identifier, withFinalStop(result.message))
        : l10n.t('iDenfy answered {0} {1}.', result.status, result.identifier);
      return {
        level: 'error',
        message: sentences(head, result.explanation, retriedNote(result)),
        actions: credentialActions(result.status, ['showOutput']),
        ...(result.field ? { field: result.field, diagnostic: l10n.t('iDenfy answered {0}: {1}', result.identifier, result.message) } : {}),
      };
    }
    case 'status-error': {
      const { status, message, location } = result;
      const head =
        message && location
          ? l10n.t('iDenfy answered {0} "{1}" (redirect to {2}).', status, message, location)
          : message
            ? l10n.t('iDenfy answered {0} "{1}".', status, message)
            : location
              ? l10n.t('iDenfy answered {0} (redirect to {1}).', status, location)
              : l10n.t('iDenfy answered {0}.', status);
      return {
        level: 'error',
        message: sentences(head, result.explanation, retriedNote(result)),
        actions: credentialActions(result.status, result.status === 404 || (result.status >= 300 && result.status < 400) ? ['openSettings', 'showOutput'] : ['showOutput']),
      };
    }
    case 'invalid-response':
      return { level: 'error', message: sentences(result.message, retriedNote(result)), actions: ['openSettings', 'showOutput'] };
    case 'network-error':
      return {
        level: 'error',
        message: result.message,
        actions: result.reason === 'connection-refused' || result.reason === 'dns' || result.reason === 'tls' ? ['openSettings', 'showOutput'] : ['showOutput'],
      };
    case 'cancelled':
      return { level: 'warning', message: result.message, actions: ['showOutput'] };
    case 'invalid-request':
      return { level: 'error', message: result.message, actions: result.cause === 'credentials' ? ['setCredentials'] : ['openSettings'] };
  }
}

/** 401 leads to the credentials; other statuses do not. */
function credentialActions(status: number, rest: ResultAction[]): ResultAction[] {
  return status === 401 ? ['setCredentials', ...rest] : rest;
}

/** Whole sentences, each localised on its own, one space apart; empty ones left out. */
function sentences(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

function withFinalStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function retriedNote(result: { gaveUp?: string; attempts: number; retryAfterMs?: number }): string {
  if (result.gaveUp === 'retries-exhausted') return l10n.t('Still failing after {0} attempts (idenfy.request.maxRetries).', result.attempts);
  if (result.gaveUp === 'retry-after-too-long') return l10n.t('iDenfy asks to wait {0} s (Retry-After) before trying again; not retried automatically.', Math.ceil((result.retryAfterMs ?? 0) / 1000));
  return '';
}

/** The question before filling in computed values. */
export function unknownsMessage(unknowns: readonly UnknownValue[]): string {
  const names = unknowns.slice(0, 5).map((u) => {
    // The descriptions come from the core's analysis of the code (member `user.id`, a spread).
    if (u.kind === 'entries') {
      if (u.path === '') return u.description ? l10n.t('keys of the body from {0}', u.description) : l10n.t('keys of the body from code');
      return u.description ? l10n.t('keys of {0} from {1}', u.path, u.description) : l10n.t('keys of {0} from code', u.path);
    }
    const where = u.path === '' ? l10n.t('the whole body') : u.path;
    return u.description ? `${where} (${u.description})` : where;
  });
  const list = unknowns.length > 5 ? l10n.t('{0} and {1} more', names.join(', '), unknowns.length - 5) : names.join(', ');
  return unknowns.length === 1
    ? l10n.t('One value of this payload is computed at run time: {0}. Fill them in to send; nothing is sent as a guess.', list)
    : l10n.t('{0} values of this payload are computed at run time: {1}. Fill them in to send; nothing is sent as a guess.', unknowns.length, list);
}

/** The question before sending a payload with errors (one whole sentence for each singular/plural combination). */
export function errorsMessage(errorCount: number, warningCount: number): string {
  const oneError = errorCount === 1;
  if (warningCount === 0)
    return oneError
      ? l10n.t('This payload has 1 error; iDenfy will probably reject it (400). Send anyway?')
      : l10n.t('This payload has {0} errors; iDenfy will probably reject it (400). Send anyway?', errorCount);
  if (warningCount === 1)
    return oneError
      ? l10n.t('This payload has 1 error and 1 warning; iDenfy will probably reject it (400). Send anyway?')
      : l10n.t('This payload has {0} errors and 1 warning; iDenfy will probably reject it (400). Send anyway?', errorCount);
  return oneError
    ? l10n.t('This payload has 1 error and {0} warnings; iDenfy will probably reject it (400). Send anyway?', warningCount)
    : l10n.t('This payload has {0} errors and {1} warnings; iDenfy will probably reject it (400). Send anyway?', errorCount, warningCount);
}

/** Said once per successful send: a repeated token for the same clientId can cost another credit. */
export function creditNote(): string {
  return l10n.t('Each token created can cost a credit; creating another token for the same clientId before its verification has a final result can cost extra.');
}
