/**
 * Issue 18: opting a file in to the payload checks, shared by server/optInAction.ts (which offers it) and
 * client/optIn.ts (which edits the setting); no LSP or VS Code import, so each bundle takes only this.
 */

/** The client command that adds a file to `idenfy.payloadFiles`; its one argument is `OptInArguments`. */
export const ADD_TO_PAYLOAD_FILES_COMMAND = 'idenfy.addToPayloadFiles';
export const OPT_IN_TITLE = 'Check this file as an iDenfy token payload';

export interface OptInArguments {
  /** The document's URI, as the client gave it. */
  readonly uri: string;
}

/** A path as a glob that matches only that path: picomatch's special characters escaped. */
export function globForPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/[*?[\]{}()!+@]/g, (c) => `\\${c}`);
}

/** `current` plus the file's glob, or `current` itself when it is there already. */
export function payloadFilesWith(current: readonly string[], path: string): readonly string[] {
  const glob = globForPath(path);
  return current.includes(glob) ? current : [...current, glob];
}
