import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, IdenfyLanguageService, TextDocumentInput } from '../core';
import { toDiagnostic } from './diagnostics';
import { DebouncedScheduler } from './scheduler';
import { SettingsSource } from './settingsSource';

/** Quiet time after a keystroke before the checks run; short enough to feel live. */
const TYPING_DEBOUNCE_MS = 120;

/** An open document as the features see it: the LSP document, the core's view of it, and its analysis. */
export interface CurrentDocument {
  readonly document: TextDocument;
  readonly input: TextDocumentInput;
  readonly analysis: DocumentAnalysis;
  readonly service: IdenfyLanguageService;
}

interface CachedAnalysis {
  readonly version: number;
  /** The text analysed: a client that repeats or rewinds a version number must not get a stale answer. */
  readonly text: string;
  readonly service: IdenfyLanguageService;
  readonly analysis: DocumentAnalysis;
}

/** The latest analysis of each open document, kept for hover, completion, code actions and code lenses. */
export class DocumentStore {
  private readonly analyses = new Map<string, CachedAnalysis>();
  private readonly scheduler = new DebouncedScheduler(TYPING_DEBOUNCE_MS, (uri) => void this.validate(uri));

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsSource,
  ) {}

  validateNow(uri: string): void {
    this.scheduler.cancel(uri);
    void this.validate(uri);
  }

  scheduleValidation(uri: string): void {
    this.scheduler.schedule(uri);
  }

  revalidateAll(): void {
    this.analyses.clear();
    for (const document of this.documents.all()) this.scheduleValidation(document.uri);
  }

  /**
   * A file changed (an edit of an open document, or the disk): the open documents whose payloads were resolved
   * through it are checked again.
   */
  async dependencyChanged(uri: string): Promise<void> {
    const service = await this.settings.current();
    for (const dependent of service.fileChanged(uri)) {
      if (dependent === uri || !this.documents.get(dependent)) continue;
      this.analyses.delete(dependent);
      this.scheduleValidation(dependent);
    }
  }

  forget(uri: string): void {
    this.scheduler.cancel(uri);
    this.analyses.get(uri)?.service.forget(uri); // drop its cached syntax tree
    this.analyses.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    this.scheduler.dispose();
  }

  /** The document as it is now, with its analysis (computed on demand if the debounced run has not happened yet). */
  async get(uri: string): Promise<CurrentDocument | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const service = await this.settings.current();
    const document = this.documents.get(uri);
    if (!document) return undefined;
    return this.current(document, service);
  }

  private async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const service = await this.settings.current();
    const latest = this.documents.get(uri);
    // A newer version arrived while settings were read: its own run is scheduled, this one is stale.
    if (!latest || latest.version !== document.version) return;
    // Hover or completion may have analysed this version already: publish that rather than analyse it again.
    const { analysis } = this.current(latest, service);
    const diagnostics = analysis.findings.map((finding) => toDiagnostic(latest, finding));
    await this.connection.sendDiagnostics({ uri, version: latest.version, diagnostics });
  }

  /** The cached analysis of this text with these settings, or a fresh one. */
  private current(document: TextDocument, service: IdenfyLanguageService): CurrentDocument {
    const text = document.getText();
    const input: TextDocumentInput = { uri: document.uri, languageId: document.languageId, text };
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.text === text && cached.service === service) {
      return { document, input, analysis: cached.analysis, service };
    }
    const analysis = service.analyze(input);
    if (analysis.failure) {
      // Logged without the document's content; the user sees an information diagnostic pointing here.
      this.connection.console.error(`iDenfy checks failed on ${document.uri}: ${analysis.failure.stack ?? analysis.failure.message}`);
    }
    this.analyses.set(document.uri, { version: document.version, text, service, analysis });
    return { document, input, analysis, service };
  }
}
