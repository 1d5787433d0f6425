/**
 * A minimal LSP client for the protocol tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC over its
 * standard streams, the way any editor would.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');
export const ROOT = path.resolve(__dirname, '../../..');

export interface ClientOptions {
  /** Declare `workspace/configuration` and answer it with this `idenfy` section (or never answer: 'silent'). */
  configuration?: Record<string, unknown> | 'silent' | ((scopeUri: string | undefined) => Record<string, unknown>);
  initializationOptions?: unknown;
  workspaceFolders?: Array<{ uri: string; name: string }>;
  /** Added to the server's environment (e.g. the code-cache folder the extension names). */
  env?: Record<string, string>;
}

export class LspTestClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: Array<() => void> = [];
  readonly configurationRequests: unknown[] = [];
  stderr = '';
  private versions = new Map<string, number>();

  constructor(private readonly options: ClientOptions = {}) {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...options.env } });
    this.process.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      this.configurationRequests.push(params);
      if (options.configuration === 'silent') return new Promise(() => undefined);
      const configuration = options.configuration;
      return (params.items as Array<{ scopeUri?: string }>).map((item) => (typeof configuration === 'function' ? configuration(item.scopeUri) : (configuration ?? null)));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(): Promise<any> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: this.options.workspaceFolders ?? null,
      capabilities: {
        workspace: { configuration: this.options.configuration !== undefined, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } },
      },
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** A full-text change; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental change replacing a range. */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Waits for the next diagnostics for `uri` that satisfy `accept` (by default: any). */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.published.findIndex((p) => p.uri === uri && accept(p));
      if (index >= 0) return this.published.splice(0, index + 1).pop()!.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Every diagnostics notification received so far (not consumed by `diagnostics`). */
  get pending(): readonly PublishDiagnosticsParams[] {
    return this.published;
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await Promise.race([
      exited,
      new Promise<null>((r) =>
        setTimeout(() => {
          this.process.kill();
          r(null);
        }, 5000),
      ),
    ]);
    this.connection.dispose();
    return code;
  }
}

/** The text a diagnostic's range covers. */
export function textAt(text: string, diagnostic: Diagnostic): string {
  const lines = text.split(/\r?\n/);
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l, i) => n + l.length + (text.split('\n')[i].endsWith('\r') ? 2 : 1), 0) + p.character;
  return text.slice(offset(diagnostic.range.start), offset(diagnostic.range.end));
}
