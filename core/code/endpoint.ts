/**
 * Which URLs are POST /api/v2/token.
 *
 * Host decision: iDenfy documents one host for this endpoint, `ivs.idenfy.com`. Any other host under `idenfy.com`
 * (or `idenfy.com` itself) counts too, because the path `/api/v2/token` on iDenfy's own domain can only mean this
 * endpoint (a regional or future host would serve the same API). Look-alike domains (`idenfy.com.example.net`,
 * `notidenfy.com`) and every other host never count. `http:` counts (the request is still aimed at the endpoint);
 * credentials in the URL, a port, a trailing slash, a query or a fragment do not change the answer. The host is
 * case-insensitive; the path is not, as the server's routes are not.
 */
const ABSOLUTE_URL = /^(?:https?:)?\/\/([^/?#]*)(.*)$/i;
const TOKEN_PATH = /^\/+api\/+v2\/+token\/?(?:[?#].*)?$/;

export function isTokenEndpointUrl(url: string): boolean {
  const match = ABSOLUTE_URL.exec(url.trim());
  if (!match) return false;
  const host = match[1]
    .slice(match[1].lastIndexOf('@') + 1)
    .replace(/:\d*$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return (host === 'idenfy.com' || (host.endsWith('.idenfy.com') && /^[a-z0-9.-]+$/.test(host))) && TOKEN_PATH.test(match[2]);
}

/** `https://ivs.idenfy.com`, `//x.idenfy.com/`: a URL with a scheme, or a protocol-relative one. */
export function isAbsoluteUrl(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url.trim());
}

/**
 * Joins a client's base URL and a request path the way axios (`baseURL`), got and ky (`prefixUrl`) and ofetch
 * (`baseURL`) do: one slash between them, the base's own path kept. An absolute path wins over the base.
 */
export function joinUrl(base: string, path: string): string {
  if (isAbsoluteUrl(path)) return path;
  return `${base.trim().replace(/\/+$/, '')}/${path.trim().replace(/^\/+/, '')}`;
}
