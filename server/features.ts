/**
 * The request handlers: each finds the document's current analysis, asks the core's service, and converts the answer
 * to LSP shapes. No rule, path or text decision is made here.
 */
import {
  CodeAction,
  CodeActionKind,
  CodeLens,
  CompletionItem,
  CompletionItemKind,
  Connection,
  Diagnostic,
  InsertTextFormat,
  MarkupKind,
  ResponseError,
  ErrorCodes,
  ServerCapabilities,
} from 'vscode-languageserver/node';
import type { CompletionKind, Finding } from '../core';
import { AddToPayloadFilesArguments, COMMANDS, DIAGNOSTIC_SOURCE, PayloadAtRequest } from '../protocol';
import { rangeOf } from './diagnostics';
import { DocumentStore } from './documentStore';

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
};

/** Registers the request handlers, each a delegation to the core, and returns the capabilities they add. */
export function registerFeatures(connection: Connection, store: DocumentStore): ServerCapabilities {
  connection.onHover(async ({ textDocument, position }, token) => {
    if (!isPosition(position)) return invalidParams('textDocument/hover needs a position');
    const current = await store.get(textDocument.uri);
    if (!current || token.isCancellationRequested) return null;
    const hover = current.service.hover(current.input, current.analysis, current.document.offsetAt(position));
    if (!hover) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: rangeOf(current.document, hover) };
  });

  connection.onCompletion(async ({ textDocument, position }, token) => {
    if (!isPosition(position)) return invalidParams('textDocument/completion needs a position');
    const current = await store.get(textDocument.uri);
    if (!current || token.isCancellationRequested) return null;
    const { document } = current;
    const suggestions = current.service.complete(current.input, current.analysis, document.offsetAt(position));
    return suggestions.map((s, index): CompletionItem => ({
      label: s.label,
      kind: COMPLETION_KINDS[s.kind],
      detail: s.detail,
      documentation: s.documentation ? { kind: MarkupKind.Markdown, value: s.documentation } : undefined,
      filterText: s.filterText,
      sortText: s.sortText ?? String(index).padStart(5, '0'),
      // After a key that has values of its own (tokenType), open the value list right away.
      command: s.retrigger ? { title: 'Suggest values', command: 'editor.action.triggerSuggest' } : undefined,
      insertTextFormat: s.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      ...(s.replaceStart !== undefined && s.replaceEnd !== undefined
        ? { textEdit: { range: rangeOf(document, { start: s.replaceStart, end: s.replaceEnd }), newText: s.insertText } }
        : { insertText: s.insertText }),
    }));
  });

  connection.onCodeAction(async ({ textDocument, range, context }, token) => {
    if (!isPosition(range?.start) || !isPosition(range.end)) return invalidParams('textDocument/codeAction needs a range');
    const current = await store.get(textDocument.uri);
    if (!current || token.isCancellationRequested) return [];
    const { document } = current;
    const proposals = current.service.codeActions(current.input, current.analysis, { start: document.offsetAt(range.start), end: document.offsetAt(range.end) });
    // One pass over the editor's diagnostics, so a select-all with thousands of findings stays linear.
    const published = new Map<string, Diagnostic>();
    for (const d of context?.diagnostics ?? []) if (d.source === DIAGNOSTIC_SOURCE) published.set(diagnosticKey(String(d.code), document.offsetAt(d.range.start), document.offsetAt(d.range.end)), d);
    const only = context?.only;
    return proposals
      .map((proposal): CodeAction => {
        const diagnostic = proposal.finding && published.get(findingKey(proposal.finding));
        const command =
          proposal.command === 'addToPayloadFiles'
            ? { title: proposal.title, command: COMMANDS.addToPayloadFiles, arguments: [{ uri: textDocument.uri } satisfies AddToPayloadFilesArguments] }
            : undefined;
        return {
          title: proposal.title,
          kind: proposal.kind === 'quickfix' ? CodeActionKind.QuickFix : proposal.command ? CodeActionKind.Refactor : CodeActionKind.RefactorRewrite,
          isPreferred: proposal.isPreferred,
          diagnostics: diagnostic ? [diagnostic] : undefined,
          edit: proposal.edits.length ? { changes: { [textDocument.uri]: proposal.edits.map((e) => ({ range: rangeOf(document, e), newText: e.newText })) } } : undefined,
          command,
        };
      })
      .filter((action) => !only || only.some((kind) => action.kind === kind || action.kind!.startsWith(`${kind}.`)));
  });

  connection.onCodeLens(async ({ textDocument }, token) => {
    const current = await store.get(textDocument.uri);
    if (!current || token.isCancellationRequested || !current.service.settings.codeLens.enabled) return [];
    return current.analysis.payloads.map((payload): CodeLens => {
      const start = payload.root.offset;
      return {
        range: rangeOf(current.document, { start, end: start + 1 }),
        command: { title: 'Send to iDenfy', command: COMMANDS.sendTokenRequest, arguments: [textDocument.uri, start] },
      };
    });
  });

  connection.onRequest(PayloadAtRequest, async (params) => {
    if (typeof params?.uri !== 'string' || typeof params.offset !== 'number') {
      return invalidParams('idenfy/payloadAt needs { uri: string, offset: number }');
    }
    const current = await store.get(params.uri);
    if (!current) return { found: false, languageKind: 'json', unknowns: [], errorCount: 0, warningCount: 0, start: 0, end: 0 };
    return current.service.payloadAt(current.input, current.analysis, params.offset);
  });

  return {
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['"', "'", ':', ' ', ','], resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.RefactorRewrite] },
    codeLensProvider: { resolveProvider: false },
  };
}

/** A malformed request is the client's error (-32602), not the server's (-32603). */
function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function isPosition(value: unknown): value is { line: number; character: number } {
  const p = value as { line?: unknown; character?: unknown } | null | undefined;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character) && (p.line as number) >= 0 && (p.character as number) >= 0;
}

function findingKey(finding: Finding): string {
  return diagnosticKey(finding.code, finding.start, finding.end);
}

function diagnosticKey(code: string, start: number, end: number): string {
  return `${code}@${start}:${end}`;
}
