/**
 * What the extension and its language server say to each other, declared once for both sides (as vscode-eslint's
 * shared folder and yaml-language-server's requestTypes.ts do): custom requests with their parameter and result
 * types, command ids, the settings section, the diagnostic source and the server's environment variables and Node
 * options (serverEnvironment.ts). Neither side spells these strings itself.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { PayloadAtResult } from '../core';

export type { PayloadAtResult } from '../core';
export { CODE_CACHE_DIR_VARIABLE, SERVER_EXEC_ARGV } from './serverEnvironment';

/** The settings section the server pulls (`workspace/configuration`) and the client watches. */
export const SETTINGS_SECTION = 'idenfy';

/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'idenfy';

export interface PayloadAtParams {
  readonly uri: string;
  /** UTF-16 offset into the document text. */
  readonly offset: number;
}

/** The payload at an offset of an open document, ready to send (see `PayloadAtResult`). */
export const PayloadAtRequest = new RequestType<PayloadAtParams, PayloadAtResult, void>('idenfy/payloadAt');

/** Command ids contributed in package.json; a test checks the two agree. */
export const COMMANDS = {
  /** Arguments when run from a CodeLens: `(uri: string, offset: number)`. */
  sendTokenRequest: 'idenfy.sendTokenRequest',
  setCredentials: 'idenfy.setCredentials',
  clearCredentials: 'idenfy.clearCredentials',
  showOutput: 'idenfy.showOutput',
  /** Adds a file to `idenfy.payloadFiles`; argument `AddToPayloadFilesArguments` (the active editor's file without one). */
  addToPayloadFiles: 'idenfy.addToPayloadFiles',
  /** Credential profiles; `switchProfile` takes an optional profile id (the status-bar item passes none). */
  addProfile: 'idenfy.addProfile',
  switchProfile: 'idenfy.switchProfile',
  renameProfile: 'idenfy.renameProfile',
  removeProfile: 'idenfy.removeProfile',
  /** Arguments like sendTokenRequest's: `(uri?: string, offset?: number)`. */
  copyAsCode: 'idenfy.copyAsCode',
  showHistory: 'idenfy.showHistory',
  openLastResponse: 'idenfy.openLastResponse',
  /** Argument: the `idenfy-response:` document's URI (the active editor's without one). */
  revealToken: 'idenfy.revealToken',
  startEmulator: 'idenfy.startEmulator',
  stopEmulator: 'idenfy.stopEmulator',
  /** The walkthrough's first step: an unsaved example payload. */
  openExamplePayload: 'idenfy.openExamplePayload',
} as const;

export interface AddToPayloadFilesArguments {
  /** The document's URI, as the client gave it. */
  readonly uri: string;
}
