import picomatch from 'picomatch';

/**
 * A test for "does this path match one of these globs", the way users expect workspace globs to behave:
 * `**\/*.idenfy.json` matches at any depth of an absolute path, Windows separators included.
 */
export function createPathMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  // Case-insensitive everywhere: `KYC.IDENFY.JSON` is as clearly meant as `kyc.idenfy.json`.
  const isMatch = picomatch([...globs], { dot: true, nocase: true });
  return (path: string) => {
    const normalized = path.replace(/\\/g, '/');
    return isMatch(normalized) || isMatch(normalized.replace(/^\/+/, '')) || isMatch(normalized.slice(normalized.lastIndexOf('/') + 1));
  };
}

/**
 * The file name at the end of a path or URI. Only a URI is percent-decoded (once): a path is a name already, and
 * `100%.json` or `100%25.json` is what the file is called. A malformed escape in a URI is kept as written.
 */
export function baseName(path: string): string {
  const isUri = /^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path);
  const normalized = isUri ? path.replace(/[?#].*$/, '') : path.replace(/\\/g, '/');
  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  if (!isUri) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** `file:///a/b%20c.json` → `/a/b c.json`; other URIs keep their path part; plain paths pass through. */
export function uriToPath(uri: string): string {
  const match = /^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?(.*)$/i.exec(uri);
  if (!match || /^[a-z]:[\\/]/i.test(uri)) return uri;
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return match[2];
  }
}
