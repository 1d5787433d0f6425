import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TokenService } from '../core';
import { analyzeDocument, DocumentAnalysis } from '../core/document';
import { toDiagnostic } from './diagnostics';
import { DebouncedScheduler } from './scheduler';
import { SettingsSource } from './settingsSource';

/** Quiet time after a keystroke before the checks run; short enough to feel live. */
const TYPING_DEBOUNCE_MS = 120;

export interface AnalysedDocument {
  readonly document: TextDocument;
  readonly analysis: DocumentAnalysis;
}

/** The latest analysis of each open document, kept for hover, completion, code actions and code lenses. */
export class DocumentStore {
  private readonly analyses = new Map<string, { version: number; service: TokenService; analysis: DocumentAnalysis }>();
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

  forget(uri: string): void {
    this.scheduler.cancel(uri);
    this.analyses.get(uri)?.service.forgetCodeDocument(uri); // drop its cached syntax tree
    this.analyses.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    this.scheduler.dispose();
  }

  /** The analysis of the document as it is now (computed on demand if the debounced run has not happened yet). */
  async get(uri: string): Promise<AnalysedDocument | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const service = await this.settings.current();
    const current = this.documents.get(uri);
    if (!current) return undefined;
    return { document: current, analysis: this.analysisOf(current, service) };
  }

  private async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const service = await this.settings.current();
    const latest = this.documents.get(uri);
    // A newer version arrived while settings were read: its own run is scheduled, this one is stale.
    if (!latest || latest.version !== document.version) return;
    // Hover or completion may have analysed this version already: publish that rather than analyse it again.
    const analysis = this.analysisOf(latest, service);
    const diagnostics = analysis.findings.map((finding) => toDiagnostic(latest, finding));
    await this.connection.sendDiagnostics({ uri, version: latest.version, diagnostics });
  }

  /** The cached analysis of this version with these settings, or a fresh one. */
  private analysisOf(document: TextDocument, service: TokenService): DocumentAnalysis {
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.service === service) return cached.analysis;
    return this.analyse(document, service);
  }

  private analyse(document: TextDocument, service: TokenService): DocumentAnalysis {
    let analysis: DocumentAnalysis;
    try {
      analysis = analyzeDocument(service, { uri: document.uri, languageId: document.languageId, text: document.getText() });
    } catch (error) {
      // A bug in a rule must not take the server down; report it without the document's content.
      this.connection.console.error(`iDenfy checks failed on ${document.uri}: ${(error as Error).stack ?? error}`);
      analysis = { syntax: 'json', payloads: [], findings: [] };
    }
    this.analyses.set(document.uri, { version: document.version, service, analysis });
    return analysis;
  }
}
