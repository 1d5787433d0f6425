import { CodeLens, Connection, ServerCapabilities } from 'vscode-languageserver/node';
import { DocumentStore } from './documentStore';
import { rangeOf } from './diagnostics';

/** The command the client registers; a CodeLens passes it the document and the payload's offset. */
export const SEND_COMMAND = 'idenfy.sendTokenRequest';

/**
 * Registers the request handlers, each a delegation to the core, and returns the capabilities they add.
 */
export function registerFeatures(connection: Connection, store: DocumentStore): ServerCapabilities {
  connection.onCodeLens(async ({ textDocument }) => {
    const analysed = await store.get(textDocument.uri);
    if (!analysed) return [];
    return analysed.analysis.payloads.map((payload): CodeLens => {
      const start = payload.root.offset;
      return {
        range: rangeOf(analysed.document, { start, end: start + 1 }),
        command: { title: 'Send to iDenfy', command: SEND_COMMAND, arguments: [textDocument.uri, start] },
      };
    });
  });

  return {
    codeLensProvider: { resolveProvider: false },
  };
}
