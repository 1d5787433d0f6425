/**
 * Plain-text explanations of iDenfy's answers, built from the error catalogue (core/rules/errors.ts), which holds
 * every fact; nothing here restates one.
 */
import { ERROR_CATALOGUE, ErrorIdentifier, findStatusMessage, STATUS_MESSAGES } from '../rules/errors';

/** Catalogue text is Markdown (`code`); notifications and the output channel are plain text. */
export function plainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1');
}

/**
 * The field an error message names: `Field 'country' must be …` → `country`, also with double quotes or backticks
 * and for paths (`Field 'documents[0]' …`, `Field 'additionalSteps.LT' …`).
 */
export function fieldFromMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const match = /\bfield\s+(['"`])([A-Za-z_$][\w$]*(?:\.[\w$-]+|\[\d+\])*)\1/i.exec(message);
  return match?.[2];
}

/** Meaning and what to do for an identifier; undefined for one the catalogue does not know. */
export function explainIdentifierText(identifier: string): string | undefined {
  const entry = ERROR_CATALOGUE.get(identifier as ErrorIdentifier);
  return entry ? plainText(`${entry.meaning} ${entry.action}`) : undefined;
}

/** Cause and what to do for a message the catalogue lists ("Partner inactive", …). */
export function explainStatusMessageText(message: string | undefined): string | undefined {
  const entry = message ? findStatusMessage(message) : undefined;
  return entry ? plainText(`${entry.cause} ${entry.action}`) : undefined;
}

/**
 * An explanation for a status that came without a (known) identifier: the catalogue entry matching the message,
 * else the catalogue's entries for the status, else a generic word on the status class.
 */
export function explainStatus(status: number, message: string | undefined, endpoint?: string): string {
  const byMessage = explainStatusMessageText(message);
  if (byMessage) return byMessage;
  const byStatus = STATUS_MESSAGES.filter((entry) => entry.status === status && status !== 400);
  if (byStatus.length === 1) return plainText(`${byStatus[0].cause} ${byStatus[0].action}`);
  if (byStatus.length > 1) return byStatus.map((entry) => plainText(`"${entry.message}": ${entry.cause} ${entry.action}`)).join(' Or ');
  const identifier = [...ERROR_CATALOGUE.values()].find((entry) => entry.status === status && status !== 400);
  if (identifier) return plainText(`${identifier.meaning} ${identifier.action}`);
  if (status === 404) return `Nothing answers at ${endpoint ?? 'this URL'}: check idenfy.baseUrl (it should be the API host, e.g. https://ivs.idenfy.com; the command adds /api/v2/token).`;
  if (status >= 300 && status < 400) return 'The server answered with a redirect, which the command does not follow (credentials are never sent to another URL): check idenfy.baseUrl.';
  if (status === 400) return 'iDenfy rejected the request. Read the message; fix the payload rather than retrying unchanged.';
  if (status >= 500) return 'A failure on the server side. Try again later; contact iDenfy support if it persists.';
  return `An unexpected HTTP status ${status} for POST /api/v2/token.`;
}
