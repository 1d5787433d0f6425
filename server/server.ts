/**
 * The iDenfy language server: a thin LSP adapter around the pure core in ../core.
 * It keeps the latest analysis per document, publishes diagnostics, and delegates every feature to the core.
 * Start it with `node dist/server.js --stdio` (any LSP client) or over IPC (the VS Code extension).
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SETTINGS_SECTION } from '../protocol';
import { DocumentStore } from './documentStore';
import { registerFeatures } from './features';
import { SettingsSource } from './settingsSource';
import { workspaceFileSystem } from './workspaceFiles';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsSource(connection, workspaceFileSystem(documents));
let canWatchFiles = false;
const store = new DocumentStore(connection, documents, settings);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  settings.initialize(params);
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...registerFeatures(connection, store),
    },
    serverInfo: { name: 'idenfy-token-language-server' },
  };
});

connection.onInitialized(() => {
  if (settings.canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  }
  // Modules a payload's URL or wrapper lives in: a change on disk re-checks the open documents that read them.
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}' }, { globPattern: '**/{tsconfig,jsconfig,package}.json' }],
    });
  }
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  store.revalidateAll();
});

documents.onDidOpen((event) => store.validateNow(event.document.uri));
documents.onDidChangeContent((event) => {
  store.scheduleValidation(event.document.uri);
  void store.dependencyChanged(event.document.uri);
});
connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) void store.dependencyChanged(change.uri);
});
documents.onDidClose((event) => {
  store.forget(event.document.uri);
  void store.dependencyChanged(event.document.uri); // the disk's text replaces the editor's
});

connection.onShutdown(() => store.dispose());

documents.listen(connection);
connection.listen();
