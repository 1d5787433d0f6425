import { Connection, InitializeParams } from 'vscode-languageserver/node';
import { createLanguageService, FileSystemHost, IdenfyLanguageService } from '../core';
import { SETTINGS_SECTION } from '../protocol';

/** A client that declares `workspace/configuration` but never answers must not stall diagnostics. */
const CONFIGURATION_TIMEOUT_MS = 2000;

/**
 * Where the server's `idenfy.*` settings come from, for any LSP client:
 * pulled with `workspace/configuration` when the client supports it, else pushed in
 * `initializationOptions.settings` or `didChangeConfiguration`, else the defaults.
 */
export class SettingsSource {
  canPullConfiguration = false;
  private pushed: unknown;
  private service: IdenfyLanguageService = createLanguageService();
  private pending: Promise<IdenfyLanguageService> | undefined;
  private workspaceRoots: string[] = [];

  /** @param fileSystem the workspace's other files, for payloads that cross modules (see workspaceFiles.ts) */
  constructor(private readonly connection: Connection, private readonly fileSystem?: FileSystemHost) {}

  initialize(params: InitializeParams): void {
    this.canPullConfiguration = params.capabilities.workspace?.configuration === true;
    this.workspaceRoots = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (this.workspaceRoots.length === 0 && params.rootUri) this.workspaceRoots = [params.rootUri];
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    this.pushed = sectionOf(options?.settings);
    this.service = this.create(this.pushed);
  }

  /** Settings changed: the next `current()` reads them again. */
  changed(pushedSettings: unknown): void {
    const section = sectionOf(pushedSettings);
    if (section !== undefined) this.pushed = section;
    this.pending = undefined;
    if (!this.canPullConfiguration) this.service = this.create(this.pushed);
  }

  /** The service for the current settings (one per settings version, shared by all documents). */
  current(): Promise<IdenfyLanguageService> {
    if (!this.canPullConfiguration) return Promise.resolve(this.service);
    this.pending ??= this.pull();
    return this.pending;
  }

  private create(rawSettings: unknown): IdenfyLanguageService {
    return createLanguageService({ settings: rawSettings, workspaceRoots: this.workspaceRoots, fileSystem: this.fileSystem });
  }

  private async pull(): Promise<IdenfyLanguageService> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), CONFIGURATION_TIMEOUT_MS)));
    try {
      const pulled = await Promise.race([this.connection.workspace.getConfiguration(SETTINGS_SECTION), timeout]);
      this.service = this.create(pulled ?? this.pushed);
      for (const problem of this.service.settingsProblems) {
        this.connection.console.warn(`Setting ${problem.key} ${problem.message}; using the default.`);
      }
    } catch (error) {
      this.connection.console.warn(`Could not read the idenfy settings (${(error as Error).message}); using the defaults.`);
    } finally {
      clearTimeout(timer);
    }
    return this.service;
  }
}

/** Accepts `{ idenfy: {...} }` (VS Code's push form), dotted keys, or the section itself. */
function sectionOf(settings: unknown): unknown {
  if (typeof settings !== 'object' || settings === null) return undefined;
  const record = settings as Record<string, unknown>;
  return SETTINGS_SECTION in record ? record[SETTINGS_SECTION] : record;
}
