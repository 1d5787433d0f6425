/** API credentials: checks that catch the usual causes of a 401 before sending, and where credentials come from. */
import * as l10n from '@vscode/l10n';

export interface CredentialProblem {
  readonly credential: 'apiKey' | 'apiSecret';
  /** `error`: cannot be sent; `warning`: can be, but iDenfy will probably answer 401. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/**
 * The texts of the problems, one whole sentence per credential (a translation may need another word order or
 * agreement for "key" and "secret"); read when checked, after activate() configured @vscode/l10n.
 */
function problemTexts(credential: 'apiKey' | 'apiSecret') {
  return credential === 'apiKey'
    ? {
        empty: () => l10n.t('The API key is empty.'),
        blank: () => l10n.t('The API key is only whitespace.'),
        leading: () => l10n.t('The API key has leading whitespace, a common cause of 401 "Invalid authorization credentials" (often copied along with the value).'),
        trailing: () => l10n.t('The API key has trailing whitespace, a common cause of 401 "Invalid authorization credentials" (often copied along with the value).'),
        both: () => l10n.t('The API key has leading and trailing whitespace, a common cause of 401 "Invalid authorization credentials" (often copied along with the value).'),
        control: () => l10n.t('The API key contains a control character (a line break or tab inside it?); iDenfy will probably answer 401.'),
      }
    : {
        empty: () => l10n.t('The API secret is empty.'),
        blank: () => l10n.t('The API secret is only whitespace.'),
        leading: () => l10n.t('The API secret has leading whitespace, a common cause of 401 "Invalid authorization credentials" (often copied along with the value).'),
        trailing: () => l10n.t('The API secret has trailing whitespace, a common cause of 401 "Invalid authorization credentials" (often copied along with the value).'),
        both: () => l10n.t('The API secret has leading and trailing whitespace, a common cause of 401 "Invalid authorization credentials" (often copied along with the value).'),
        control: () => l10n.t('The API secret contains a control character (a line break or tab inside it?); iDenfy will probably answer 401.'),
      };
}

/**
 * Problems of an API key/secret pair. Messages never contain the values themselves.
 * Leading/trailing whitespace is a warning: the spec names it as a cause of 401.
 */
export function checkCredentials(apiKey: string | undefined, apiSecret: string | undefined): CredentialProblem[] {
  const problems: CredentialProblem[] = [];
  const check = (credential: 'apiKey' | 'apiSecret', value: string | undefined) => {
    const text = problemTexts(credential);
    if (value === undefined || value === '') {
      problems.push({ credential, severity: 'error', message: text.empty() });
      return;
    }
    if (value.trim() === '') {
      problems.push({ credential, severity: 'error', message: text.blank() });
      return;
    }
    const leading = /^\s/.test(value);
    const trailing = /\s$/.test(value);
    if (leading || trailing) {
      problems.push({ credential, severity: 'warning', message: leading && trailing ? text.both() : leading ? text.leading() : text.trailing() });
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value.trim())) {
      problems.push({ credential, severity: 'warning', message: text.control() });
    }
    if (credential === 'apiKey' && value.includes(':')) {
      problems.push({ credential, severity: 'warning', message: l10n.t('The API key contains ":"; HTTP Basic auth splits key and secret at the first ":", so iDenfy will read a different key.') });
    }
  };
  check('apiKey', apiKey);
  check('apiSecret', apiSecret);
  return problems;
}

export interface CredentialPair {
  readonly apiKey: string;
  readonly apiSecret: string;
}

export type CredentialSource = 'secret-storage' | 'environment';

/**
 * Where the send command takes credentials from: a complete pair in VS Code's secret storage, else a complete pair
 * from IDENFY_API_KEY / IDENFY_API_SECRET, else none (the command asks).
 */
export function pickCredentials(stored: { apiKey?: string; apiSecret?: string }, env: Readonly<Record<string, string | undefined>>): (CredentialPair & { source: CredentialSource }) | undefined {
  if (stored.apiKey && stored.apiSecret) return { apiKey: stored.apiKey, apiSecret: stored.apiSecret, source: 'secret-storage' };
  const apiKey = env.IDENFY_API_KEY;
  const apiSecret = env.IDENFY_API_SECRET;
  if (apiKey && apiSecret) return { apiKey, apiSecret, source: 'environment' };
  return undefined;
}

/** `Basic base64(key:secret)`, UTF-8 encoded. */
export function basicAuthorization(apiKey: string, apiSecret: string): string {
  return 'Basic ' + Buffer.from(`${apiKey}:${apiSecret}`, 'utf8').toString('base64');
}
