/**
 * The iDenfy language server: a thin LSP adapter around the pure core in ../core.
 * It keeps the latest analysis per document, publishes diagnostics, and delegates every feature to the core.
 * Start it with `node dist/server.js --stdio` (any LSP client) or over IPC (the VS Code extension).
 */
import {
  CodeLensRefreshRequest,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { SETTINGS_SECTION } from '../protocol';
import { DocumentStore } from './documentStore';
import { registerFeatures } from './features';
import { SettingsSource } from './settingsSource';
import { createTextDocuments } from './textDocuments';
import { workspaceFileSystem } from './workspaceFiles';

const connection = createConnection(ProposedFeatures.all);
const documents = createTextDocuments();
const settings = new SettingsSource(connection, workspaceFileSystem(documents));
const store = new DocumentStore(connection, documents, settings);
let clientCapabilities: InitializeParams['capabilities'] = {};

connection.onInitialize((params: InitializeParams): InitializeResult => {
  settings.initialize(params);
  clientCapabilities = params.capabilities;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...registerFeatures(connection, store),
    },
    serverInfo: { name: 'idenfy-token-language-server' },
  };
});

connection.onInitialized(() => {
  if (settings.canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  }
  if (clientCapabilities.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      settings.foldersChanged(added, removed);
      store.revalidateAll();
    });
  }
  // Modules a payload's URL or wrapper lives in: a change on disk re-checks the open documents that read them.
  if (clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}' }, { globPattern: '**/{tsconfig,jsconfig,package}.json' }],
    });
  }
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  store.revalidateAll();
  // idenfy.codeLens.enabled may have changed: ask the editor to ask again.
  if (clientCapabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
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
