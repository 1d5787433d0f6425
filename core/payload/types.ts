/**
 * Types shared by the send command, the language server's `idenfy/payloadAt` request and the emulator.
 * Plain TypeScript: no `vscode`, no `vscode-languageserver*`.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * A value of the payload that is not known before run time, which the user must fill in before sending.
 * - `value`: one computed value (`clientId: user.id`); the answer replaces it.
 * - `entries`: keys that cannot be read (a spread `...defaults`, a computed key `[k]: v`); the answer is a JSON object
 *   whose keys are added to the object at `path`. Keys written explicitly in the literal win over the answer's.
 */
export interface UnknownValue extends Span {
  /** Dotted path as findings write it: `clientId`, `documents[1]`, `additionalSteps.LT`; `''` is the whole body. */
  readonly path: string;
  /** The same path as segments (object keys and array indexes), unambiguous when a key contains a dot. */
  readonly segments: ReadonlyArray<string | number>;
  readonly kind: 'value' | 'entries';
  /** What the code computes it from ("identifier `email`"), when known. */
  readonly description?: string;
}

/**
 * The answer of the language server's custom request `idenfy/payloadAt`, params `{ uri: string; offset: number }`.
 * Offsets are UTF-16 offsets into the document text.
 */
export interface PayloadAtResult {
  /** A token payload contains the offset (or, for payload files, the document is one). */
  readonly found: boolean;
  readonly languageKind: 'json' | 'code';
  /** JSON documents: the exact text to send (jsonc: comments and trailing commas stripped, see `jsonTextToSend`). */
  readonly bodyText?: string;
  /** The payload as a JSON value; computed values are `null` placeholders listed in `unknowns`. */
  readonly value?: unknown;
  readonly unknowns: readonly UnknownValue[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** The payload's span in the document. */
  readonly start: number;
  readonly end: number;
  /**
   * Where each field's value is in the document, keyed by path (`country`, `documents[0]`), from
   * `materializePayload(...).fieldSpans`. The send command puts a diagnostic there when iDenfy's answer names a field.
   */
  readonly fieldSpans?: Readonly<Record<string, Span>>;
}
