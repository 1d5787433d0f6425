import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, IdenfyLanguageService, TextDocumentInput } from '../core';
import { toDiagnostic } from './diagnostics';
import { IdleCollector } from './memory';
import { DebouncedScheduler } from './scheduler';
import { SettingsSource } from './settingsSource';

/**
 * Quiet time after a keystroke before the checks run; short enough to feel live. The environment variable
 * IDENFY_SERVER_DEBOUNCE_MS overrides it for benchmarks only (tools/bench/protocol.ts sets 0 to time the server's own
 * work per keystroke); it is not a setting.
 */
const TYPING_DEBOUNCE_MS = debounceMs(process.env.IDENFY_SERVER_DEBOUNCE_MS, 120);

/** An open document as the features see it: the LSP document, the core's view of it, and its analysis. */
export interface CurrentDocument {
  readonly document: TextDocument;
  readonly input: TextDocumentInput;
  readonly analysis: DocumentAnalysis;
  readonly service: IdenfyLanguageService;
}

/** A document untouched this long gives up its syntax tree (the next edit parses it afresh); its analysis stays. */
const LONG_IDLE_MS = 60_000;

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
  /**
   * The analysis last published per document. `TextDocuments` fires onDidChangeContent for an open as well as
   * onDidOpen, so every opened document was checked once and then published a second time by the debounced run.
   */
  private readonly published = new Map<string, CachedAnalysis>();
  /** When each document was last checked, for dropping the syntax trees of long-idle ones at a quiet moment. */
  private readonly touched = new Map<string, number>();
  private readonly idle = new IdleCollector(() => this.dropIdleTrees());

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
    // Every service that analysed an open document (one per workspace folder and settings version) knows its imports.
    const services = new Set([...this.analyses.values()].map((cached) => cached.service));
    for (const service of services) {
      for (const dependent of service.fileChanged(uri)) {
        if (dependent === uri || !this.documents.get(dependent)) continue;
        this.analyses.delete(dependent);
        this.scheduleValidation(dependent);
      }
    }
  }

  forget(uri: string): void {
    this.scheduler.cancel(uri);
    this.analyses.get(uri)?.service.forget(uri); // drop its cached syntax tree
    this.analyses.delete(uri);
    this.published.delete(uri);
    this.touched.delete(uri);
    this.idle.activity();
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    this.scheduler.dispose();
    this.idle.dispose();
  }

  /** The document as it is now, with its analysis (computed on demand if the debounced run has not happened yet). */
  async get(uri: string): Promise<CurrentDocument | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const service = await this.settings.forDocument(uri);
    const document = this.documents.get(uri);
    if (!document) return undefined;
    await this.prepare(service, document);
    return this.current(document, service);
  }

  private async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const service = await this.settings.forDocument(uri);
    await this.prepare(service, document);
    const latest = this.documents.get(uri);
    // A newer version arrived while settings were read: its own run is scheduled, this one is stale.
    if (!latest || latest.version !== document.version) return;
    // Hover or completion may have analysed this version already: publish that rather than analyse it again.
    this.current(latest, service);
    const cached = this.analyses.get(uri)!;
    this.touched.set(uri, Date.now());
    this.idle.activity();
    if (this.published.get(uri) === cached) return; // this very analysis is what the client shows
    this.published.set(uri, cached);
    const diagnostics = cached.analysis.findings.map((finding) => toDiagnostic(latest, finding));
    await this.connection.sendDiagnostics({ uri, version: latest.version, diagnostics });
  }

  /** Loads the grammar a Python or PHP document needs (once); a failed load is logged, and that document gets nothing. */
  private async prepare(service: IdenfyLanguageService, document: TextDocument): Promise<void> {
    try {
      await service.prepare({ uri: document.uri, languageId: document.languageId });
    } catch (error) {
      if (!this.grammarFailureLogged) this.connection.console.error(`iDenfy: the ${document.languageId} grammar failed to load: ${(error as Error)?.stack ?? String(error)}`);
      this.grammarFailureLogged = true;
    }
  }

  private grammarFailureLogged = false;

  /** Syntax trees are for incremental reparsing while a document is edited; a long-idle document drops its tree. */
  private dropIdleTrees(): void {
    const before = Date.now() - LONG_IDLE_MS;
    for (const [uri, at] of this.touched) {
      if (at > before) continue;
      this.analyses.get(uri)?.service.forget(uri);
      this.touched.delete(uri);
    }
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

function debounceMs(value: string | undefined, fallback: number): number {
  const ms = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(ms) && ms >= 0 ? ms : fallback;
}
