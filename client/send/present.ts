/** What the send command tells the user: every message built here so it is unit-tested; the VS Code side shows it. */
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

export const ACTION_LABELS: Record<ResultAction, string> = {
  openVerificationLink: 'Open Verification Link',
  copyToken: 'Copy Token',
  showOutput: 'Show Output',
  setCredentials: 'Set API Credentials',
  openSettings: 'Open Settings',
};

export function presentResult(result: SendResult): Presentation {
  switch (result.kind) {
    case 'success':
      return {
        level: 'info',
        message: `iDenfy created the token (HTTP ${result.status}). authToken: ${result.authToken}${result.scanRef ? ` · scanRef: ${result.scanRef}` : ''}${result.digitString ? ` · code: ${result.digitString}` : ''}`,
        actions: ['openVerificationLink', 'copyToken', 'showOutput'],
      };
    case 'api-error': {
      const head = `iDenfy answered ${result.status} ${result.identifier}${result.message ? `: ${result.message}` : ''}`;
      const retried = retriedNote(result);
      return {
        level: 'error',
        message: `${head}${/[.!?]$/.test(head) ? '' : '.'} ${result.explanation}${retried}`,
        actions: credentialActions(result.status, ['showOutput']),
        ...(result.field ? { field: result.field, diagnostic: `iDenfy answered ${result.identifier}: ${result.message}` } : {}),
      };
    }
    case 'status-error': {
      const head = `iDenfy answered ${result.status}${result.message ? ` "${result.message}"` : ''}`;
      const location = result.location ? ` (redirect to ${result.location})` : '';
      return {
        level: 'error',
        message: `${head}${location}. ${result.explanation}${retriedNote(result)}`,
        actions: credentialActions(result.status, result.status === 404 || (result.status >= 300 && result.status < 400) ? ['openSettings', 'showOutput'] : ['showOutput']),
      };
    }
    case 'invalid-response':
      return { level: 'error', message: `${result.message}${retriedNote(result)}`, actions: ['openSettings', 'showOutput'] };
    case 'network-error':
      return {
        level: 'error',
        message: result.message,
        actions: result.reason === 'connection-refused' || result.reason === 'dns' || result.reason === 'tls' ? ['openSettings', 'showOutput'] : ['showOutput'],
      };
    case 'cancelled':
      return { level: 'warning', message: result.message, actions: ['showOutput'] };
    case 'invalid-request':
      return { level: 'error', message: result.message, actions: /credential|API key|API secret/i.test(result.message) ? ['setCredentials'] : ['openSettings'] };
  }
}

/** 401 leads to the credentials; other statuses do not. */
function credentialActions(status: number, rest: ResultAction[]): ResultAction[] {
  return status === 401 ? ['setCredentials', ...rest] : rest;
}

function retriedNote(result: { gaveUp?: string; attempts: number; retryAfterMs?: number }): string {
  if (result.gaveUp === 'retries-exhausted') return ` Still failing after ${result.attempts} attempts (idenfy.request.maxRetries).`;
  if (result.gaveUp === 'retry-after-too-long') return ` iDenfy asks to wait ${Math.ceil((result.retryAfterMs ?? 0) / 1000)} s (Retry-After) before trying again; not retried automatically.`;
  return '';
}

/** The question before filling in computed values. */
export function unknownsMessage(unknowns: readonly UnknownValue[]): string {
  const names = unknowns.slice(0, 5).map((u) => {
    const where = u.path === '' ? 'the whole body' : u.path;
    return u.kind === 'entries' ? `keys of ${u.path === '' ? 'the body' : u.path} from ${u.description ?? 'code'}` : `${where}${u.description ? ` (${u.description})` : ''}`;
  });
  const more = unknowns.length > 5 ? ` and ${unknowns.length - 5} more` : '';
  const count = unknowns.length === 1 ? 'One value of this payload is' : `${unknowns.length} values of this payload are`;
  return `${count} computed at run time: ${names.join(', ')}${more}. Fill them in to send; nothing is sent as a guess.`;
}

/** The question before sending a payload with errors. */
export function errorsMessage(errorCount: number, warningCount: number): string {
  const errors = `${errorCount} error${errorCount === 1 ? '' : 's'}`;
  const warnings = warningCount ? ` and ${warningCount} warning${warningCount === 1 ? '' : 's'}` : '';
  return `This payload has ${errors}${warnings}; iDenfy will probably reject it (400). Send anyway?`;
}

/** Said once per successful send: a repeated token for the same clientId can cost another credit. */
export const CREDIT_NOTE = 'Each token created can cost a credit; creating another token for the same clientId before its verification has a final result can cost extra.';
