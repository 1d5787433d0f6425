import { Connection, InitializeParams } from 'vscode-languageserver/node';
import { createLanguageService, FileSystemHost, IdenfyLanguageService } from '../core';
import { loadWasmBesideBundle } from './wasm';
import { SETTINGS_SECTION } from '../protocol';

/** A client that declares `workspace/configuration` but never answers must not stall diagnostics. */
const CONFIGURATION_TIMEOUT_MS = 2000;

/**
 * Where the server's `idenfy.*` settings come from, for any LSP client:
 * pulled with `workspace/configuration` per workspace folder (`scopeUri`) when the client supports it, so two
 * folders of a multi-root workspace can declare two accounts; else pushed in `initializationOptions.settings` or
 * `didChangeConfiguration`, else the defaults.
 */
export class SettingsSource {
  canPullConfiguration = false;
  private pushed: unknown;
  private service: IdenfyLanguageService = createLanguageService({ loadGrammar: loadWasmBesideBundle });
  /** One service per workspace folder (key: the folder URI, '' outside every folder), per settings version. */
  private readonly pending = new Map<string, Promise<IdenfyLanguageService>>();
  private workspaceRoots: string[] = [];

  /** @param fileSystem the workspace's other files, for payloads that cross modules (see workspaceFiles.ts) */
  constructor(
    private readonly connection: Connection,
    private readonly fileSystem?: FileSystemHost,
  ) {}

  initialize(params: InitializeParams): void {
    this.canPullConfiguration = params.capabilities.workspace?.configuration === true;
    this.workspaceRoots = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (this.workspaceRoots.length === 0 && params.rootUri) this.workspaceRoots = [params.rootUri];
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    this.pushed = sectionOf(options?.settings);
    this.service = this.create(this.pushed);
  }

  /** Workspace folders were added or removed (`workspace/didChangeWorkspaceFolders`). */
  foldersChanged(added: readonly { uri: string }[], removed: readonly { uri: string }[]): void {
    const gone = new Set(removed.map((f) => f.uri));
    this.workspaceRoots = [...this.workspaceRoots.filter((uri) => !gone.has(uri)), ...added.map((f) => f.uri)];
    this.changed(undefined);
  }

  /** Settings changed: the next `forDocument()` reads them again. */
  changed(pushedSettings: unknown): void {
    const section = sectionOf(pushedSettings);
    if (section !== undefined) this.pushed = section;
    this.pending.clear();
    if (!this.canPullConfiguration) this.service = this.create(this.pushed);
  }

  /** The service for the settings that apply to a document: its workspace folder's (one per folder and version). */
  forDocument(uri: string): Promise<IdenfyLanguageService> {
    if (!this.canPullConfiguration) return Promise.resolve(this.service);
    const folder = this.folderOf(uri) ?? '';
    let pending = this.pending.get(folder);
    if (!pending) {
      pending = this.pull(folder || undefined);
      this.pending.set(folder, pending);
    }
    return pending;
  }

  /** The innermost workspace folder holding the URI (URIs compared as strings, so any scheme works). */
  private folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const root of this.workspaceRoots) {
      const prefix = root.endsWith('/') ? root : root + '/';
      if ((uri.startsWith(prefix) || uri === root) && (!best || root.length > best.length)) best = root;
    }
    return best;
  }

  private create(rawSettings: unknown, folder?: string): IdenfyLanguageService {
    // payloadFiles globs are relative to the document's own folder first, then to any folder.
    const roots = folder ? [folder, ...this.workspaceRoots.filter((r) => r !== folder)] : this.workspaceRoots;
    return createLanguageService({ settings: rawSettings, workspaceRoots: roots, loadGrammar: loadWasmBesideBundle, fileSystem: this.fileSystem });
  }

  private async pull(folder: string | undefined): Promise<IdenfyLanguageService> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), CONFIGURATION_TIMEOUT_MS)));
    let service = this.service;
    try {
      const request = folder ? this.connection.workspace.getConfiguration({ scopeUri: folder, section: SETTINGS_SECTION }) : this.connection.workspace.getConfiguration(SETTINGS_SECTION);
      const pulled = await Promise.race([request, timeout]);
      service = this.create(pulled ?? this.pushed, folder);
      if (!folder) this.service = service;
      for (const problem of service.settingsProblems) {
        this.connection.console.warn(`Setting ${problem.key}${folder ? ` (folder ${folder})` : ''} ${problem.message}; using the default.`);
      }
    } catch (error) {
      this.connection.console.warn(`Could not read the idenfy settings (${(error as Error).message}); using the defaults.`);
    } finally {
      clearTimeout(timer);
    }
    return service;
  }
}

/** Accepts `{ idenfy: {...} }` (VS Code's push form), dotted keys, or the section itself. */
function sectionOf(settings: unknown): unknown {
  if (typeof settings !== 'object' || settings === null) return undefined;
  const record = settings as Record<string, unknown>;
  return SETTINGS_SECTION in record ? record[SETTINGS_SECTION] : record;
}
