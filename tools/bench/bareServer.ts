/**
 * The protocol benchmark's baseline server: a bare `vscode-languageserver` server that does nothing but keep the
 * open documents and publish empty diagnostics for each version, started exactly like ours (`node <bundle> --stdio`,
 * bundled by esbuild with the same options; tools/bench/protocol.ts builds it). Whatever our server costs above it is
 * our own work.
 *
 * With `BARE_TYPESCRIPT=<path of dist/typescript.js>` it also loads TypeScript on the first TS/JS document and parses
 * every version once with `ts.createSourceFile` before publishing: the floor of any TypeScript-based checker.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const typescriptPath = process.env.BARE_TYPESCRIPT;

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
  serverInfo: { name: 'bare-language-server' },
}));

function publish(document: TextDocument): void {
  if (typescriptPath && /^(typescript|javascript)/.test(document.languageId)) {
    const ts = require(typescriptPath) as typeof import('typescript');
    ts.createSourceFile(document.uri, document.getText(), ts.ScriptTarget.Latest);
  }
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
}

// `TextDocuments` fires onDidChangeContent for an open as well.
documents.onDidChangeContent((event) => publish(event.document));
documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
documents.listen(connection);
connection.listen();
