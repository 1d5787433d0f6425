import {
  CodeAction,
  CodeActionKind,
  CodeLens,
  CompletionItem,
  CompletionItemKind,
  Connection,
  InsertTextFormat,
  MarkupKind,
  ServerCapabilities,
} from 'vscode-languageserver/node';
import { allowsComments, TokenService } from '../core';
import { payloadAt } from '../core/document';
import { completeCode, completeJson, CompletionKind } from '../core/features/completion';
import { fixesFor } from '../core/features/fixes';
import { payloadHover } from '../core/features/hover';
import { jsonTextToSend, materializePayload, PayloadAtResult } from '../client/send';
import { DIAGNOSTIC_SOURCE, rangeOf } from './diagnostics';
import { DocumentStore } from './documentStore';

/** The command the client registers; a CodeLens passes it the document and the payload's offset. */
export const SEND_COMMAND = 'idenfy.sendTokenRequest';
/** Custom request: the payload at an offset, ready to send (see core/send/types.ts). */
export const PAYLOAD_AT_REQUEST = 'idenfy/payloadAt';

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
};

/**
 * Registers the request handlers, each a delegation to the core, and returns the capabilities they add.
 */
export function registerFeatures(connection: Connection, store: DocumentStore, currentService: () => Promise<TokenService>): ServerCapabilities {
  connection.onHover(async ({ textDocument, position }) => {
    const analysed = await store.get(textDocument.uri);
    if (!analysed) return null;
    const offset = analysed.document.offsetAt(position);
    const payload = payloadAt(analysed.analysis, offset);
    if (!payload) return null;
    const hover = payloadHover(payload.root, offset, (await currentService()).settings);
    if (!hover) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: rangeOf(analysed.document, hover) };
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const analysed = await store.get(textDocument.uri);
    if (!analysed) return null;
    const { document, analysis } = analysed;
    const offset = document.offsetAt(position);
    const payload = payloadAt(analysis, offset);
    if (!payload) return null;
    const current = (await currentService()).settings;
    const suggestions = analysis.syntax === 'json'
      ? completeJson(document.getText(), offset, current)
      : completeCode(payload.root, document.getText(), offset, current);
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

  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const analysed = await store.get(textDocument.uri);
    if (!analysed) return [];
    const { document, analysis } = analysed;
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const text = document.getText();
    const actions: CodeAction[] = [];
    for (const finding of analysis.findings) {
      if (!finding.fixes?.length || finding.end < start || finding.start > end) continue;
      const findingRange = rangeOf(document, finding);
      const diagnostic = context.diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && d.code === finding.code && sameRange(d.range, findingRange));
      for (const fix of fixesFor(finding, text, analysis.syntax)) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.isPreferred,
          diagnostics: diagnostic ? [diagnostic] : undefined,
          edit: { changes: { [textDocument.uri]: fix.edits.map((e) => ({ range: rangeOf(document, e), newText: e.newText })) } },
        });
      }
    }
    return actions;
  });

  connection.onCodeLens(async ({ textDocument }) => {
    const analysed = await store.get(textDocument.uri);
    if (!analysed) return [];
    return analysed.analysis.payloads.map((payload): CodeLens => {
      const start = payload.root.offset;
      return {
        range: rangeOf(analysed.document, { start, end: start + 1 }),
        command: { title: 'Send to iDenfy', command: SEND_COMMAND, arguments: [textDocument.uri, start] },
      };
    });
  });

  connection.onRequest(PAYLOAD_AT_REQUEST, async (params: { uri: string; offset: number }): Promise<PayloadAtResult> => {
    const analysed = await store.get(params.uri);
    const notFound: PayloadAtResult = { found: false, languageKind: 'json', unknowns: [], errorCount: 0, warningCount: 0, start: 0, end: 0 };
    if (!analysed) return notFound;
    const { document, analysis } = analysed;
    const payload = payloadAt(analysis, params.offset);
    if (!payload) return { ...notFound, languageKind: analysis.syntax };
    const start = payload.root.offset;
    const end = start + payload.root.length;
    const inPayload = analysis.findings.filter((f) => analysis.syntax === 'json' || (f.start >= start && f.end <= end));
    const materialized = materializePayload(payload.root);
    return {
      found: true,
      languageKind: analysis.syntax,
      bodyText: analysis.syntax === 'json' ? jsonTextToSend(document.getText(), allowsComments(document)) : undefined,
      value: materialized.value,
      unknowns: materialized.unknowns,
      errorCount: inPayload.filter((f) => f.severity === 'error').length,
      warningCount: inPayload.filter((f) => f.severity === 'warning').length,
      start,
      end,
      fieldSpans: materialized.fieldSpans,
    };
  });

  return {
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['"', "'", ':', ' ', ','], resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    codeLensProvider: { resolveProvider: false },
  };
}

function sameRange(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
