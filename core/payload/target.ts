/** Where the send command may send to, and which links it may open. */

/** The token endpoint's path below the base URL. */
export const TOKEN_PATH = '/api/v2/token';

/** The documented hosted-flow link for a token (spec, Transport), used when an answer carries no `redirectUrl`. */
export const DOCUMENTED_REDIRECT_URL = 'https://ivs.idenfy.com/api/v2/redirect';

/** `localhost`, 127.0.0.0/8 and ::1, as the WHATWG URL parser normalizes them (`127.1` → `127.0.0.1`). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') return true;
  if (host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Checks `idenfy.baseUrl`: `https://` only, except loopback addresses (the local emulator); no credentials, query or
 * fragment in it. A trailing `/api/v2/token` is accepted and dropped (the endpoint path is added when sending).
 */
export function validateBaseUrl(text: string): { ok: true; url: URL } | { ok: false; message: string } {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { ok: false, message: "idenfy.baseUrl is empty. Set it to https://ivs.idenfy.com (or the local emulator's http://127.0.0.1:PORT)." };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: `idenfy.baseUrl "${trimmed}" is not a valid URL. Write it with its scheme, e.g. https://ivs.idenfy.com.` };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'idenfy.baseUrl must not contain a user name or password: use "iDenfy: Set API Credentials", which keeps them in VS Code\'s secret storage.' };
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      return {
        ok: false,
        message: `idenfy.baseUrl must use https:// (got ${url.origin}). Plain http:// is allowed only for loopback addresses (localhost, 127.0.0.1, [::1]), e.g. the local emulator.`,
      };
    }
  } else if (url.protocol !== 'https:') {
    return { ok: false, message: `idenfy.baseUrl must be an https:// URL; "${url.protocol}" is not supported.` };
  }
  if (url.search || url.hash) return { ok: false, message: 'idenfy.baseUrl must not have a query (?…) or fragment (#…): give the host, e.g. https://ivs.idenfy.com.' };
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.toLowerCase().endsWith(TOKEN_PATH) ? path.slice(0, -TOKEN_PATH.length) || '/' : path || '/';
  return { ok: true, url };
}

/** `{base}/api/v2/token`, keeping a path prefix of the base URL. */
export function tokenEndpointUrl(base: URL): URL {
  const url = new URL(base.href);
  url.pathname = url.pathname.replace(/\/+$/, '') + TOKEN_PATH;
  return url;
}

/** The documented redirect link for an authToken. */
export function documentedRedirectUrl(authToken: string): string {
  return `${DOCUMENTED_REDIRECT_URL}?authToken=${encodeURIComponent(authToken)}`;
}

/**
 * The verification link to open: the answer's `redirectUrl` when it is a link a browser may safely open (https, or
 * http on loopback), otherwise the documented redirect link built from the authToken.
 */
export function verificationLink(redirectUrl: unknown, authToken: string): string {
  return typeof redirectUrl === 'string' && isSafeBrowserLink(redirectUrl) ? redirectUrl : documentedRedirectUrl(authToken);
}

/** Only https (or http on loopback) links are handed to the browser: never `command:`, `file:` or `javascript:`. */
export function isSafeBrowserLink(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  } catch {
    return false;
  }
}
