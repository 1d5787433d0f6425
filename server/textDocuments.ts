import { TextDocuments, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/**
 * `TextDocument` with one edge of its incremental update fixed: an edit that joins a lone CR and a lone LF into one
 * CRLF (insert "\n" right after a "\r", or "\r" right before a "\n", or delete what stood between them) leaves
 * `vscode-languageserver-textdocument`'s line table counting two line breaks where there is now one, so every
 * position after it is off by a line. Such edits are rare; for them the document is rebuilt from its text, which
 * recomputes the table.
 */
const configuration: TextDocumentsConfiguration<TextDocument> = {
  create: TextDocument.create,
  update(document, changes, version) {
    const joinsLineBreaks = changes.some((change) => joinsCrLf(document, change));
    const updated = TextDocument.update(document, changes, version);
    return joinsLineBreaks ? TextDocument.create(updated.uri, updated.languageId, version, updated.getText()) : updated;
  },
};

export function createTextDocuments(): TextDocuments<TextDocument> {
  return new TextDocuments(configuration);
}

/** Whether applying `change` to `document` may put a "\r" that was or is a line end right before a "\n". */
function joinsCrLf(document: TextDocument, change: TextDocumentContentChangeEvent): boolean {
  if (!('range' in change) || !change.range) return false; // full-text changes rebuild the table anyway
  const text = document.getText();
  const start = document.offsetAt(change.range.start);
  const end = document.offsetAt(change.range.end);
  const before = start > 0 ? text[start - 1] : '';
  const after = text[end] ?? '';
  const first = change.text[0] ?? after;
  const last = change.text[change.text.length - 1] ?? before;
  return (before === '\r' && first === '\n') || (last === '\r' && after === '\n');
}
