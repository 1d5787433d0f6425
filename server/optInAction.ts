/**
 * Issue 18: a JSON file that is almost a token payload (a top-level `clientId` with generic keys only: `tokenType`,
 * `expiryTime`, `sessionLength`, `documents`, redirect URLs…) gets no diagnostic. On its `clientId` the editor may
 * offer one unobtrusive code action that adds the file to `idenfy.payloadFiles`; the client command
 * `idenfy.addToPayloadFiles` (client/optIn.ts) edits the setting.
 *
 * Not wired yet: server.ts/features.ts call `optInCodeAction` from their onCodeAction handler (and list
 * `OPT_IN_ACTION_KIND` in the server's codeActionKinds); client/extension.ts calls `registerOptInCommand`.
 */
import { CodeAction, CodeActionKind, Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { almostPayloadText } from '../core/detect';
import { JSON_LANGUAGES } from '../core/document';
import { ADD_TO_PAYLOAD_FILES_COMMAND, OPT_IN_TITLE, OptInArguments } from '../core/optIn';

export { ADD_TO_PAYLOAD_FILES_COMMAND, OPT_IN_TITLE } from '../core/optIn';
export type { OptInArguments } from '../core/optIn';

/** A refactoring, not a quick fix: there is no problem to fix, only a choice to offer. */
export const OPT_IN_ACTION_KIND = CodeActionKind.Refactor;

export interface OptInContext {
  /** The document matches `idenfy.payloadFiles` already (TokenService.isPayloadFile). */
  readonly isPayloadFile: boolean;
  /** The kinds the client asked for (`CodeActionContext.only`), if it restricted them. */
  readonly only?: readonly string[];
}

/**
 * The opt-in action when `range` touches the `clientId` key of a document that is almost a payload, else undefined.
 * Cheap for any other JSON: a substring search, then one parse only when a clientId is there.
 */
export function optInCodeAction(document: TextDocument, range: Range, context: OptInContext): CodeAction | undefined {
  if (context.only && !context.only.some((kind) => OPT_IN_ACTION_KIND === kind || OPT_IN_ACTION_KIND.startsWith(`${kind}.`))) return undefined;
  if (!JSON_LANGUAGES.includes(document.languageId) && !/\.jsonc?$/i.test(document.uri)) return undefined;
  const allowComments = document.languageId === 'jsonc' || /\.jsonc$/i.test(document.uri);
  const span = almostPayloadText(document.getText(), { isPayloadFile: context.isPayloadFile, path: document.uri, allowComments });
  if (!span) return undefined;
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  if (end < span.start || start > span.end) return undefined;
  const args: OptInArguments = { uri: document.uri };
  return {
    title: OPT_IN_TITLE,
    kind: OPT_IN_ACTION_KIND,
    command: { title: OPT_IN_TITLE, command: ADD_TO_PAYLOAD_FILES_COMMAND, arguments: [args] },
  };
}
