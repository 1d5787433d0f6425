/**
 * Opting a file in to the payload checks: the service offers it on the `clientId` of a JSON file that is almost a
 * payload (core/detect.ts), the client's command adds the file to `idenfy.payloadFiles` with these helpers.
 */

export const OPT_IN_TITLE = 'Check this file as an iDenfy token payload';

/** A path as a glob that matches only that path: picomatch's special characters escaped. */
export function globForPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/[*?[\]{}()!+@]/g, (c) => `\\${c}`);
}

/** `current` plus the file's glob, or `current` itself when it is there already. */
export function payloadFilesWith(current: readonly string[], path: string): readonly string[] {
  const glob = globForPath(path);
  return current.includes(glob) ? current : [...current, glob];
}
