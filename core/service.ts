/**
 * The implementation of `IdenfyLanguageService` (see types.ts): it routes a document to its analyser and every
 * feature to the module that knows it. No state but caches keyed by URI; no I/O.
 */
import { analyzeCode, CodeAnalysis, CodeAnalysisCache, ModuleGraph } from './code';
import { allowsComments, documentKind } from './documentKinds';
import { completeCode, completeJson } from './features/completion';
import { fixesFor } from './features/fixes';
import { payloadHover } from './features/hover';
import { analyzeJson } from './json';
import { Finding } from './model';
import { jsonTextToSend, materializePayload } from './payload/materialize';
import type { PayloadAtResult } from './payload/types';
import { createPathMatcher, uriToPath } from './paths';
import { DOCS } from './rules/links';
import { normalizeSettings } from './settings';
import type { CodeActionProposal, DocumentAnalysis, FoundPayload, IdenfyLanguageService, LanguageServiceOptions, TextDocumentInput } from './types';
import { PROJECT_CODES } from './validate';

const NOTHING: DocumentAnalysis = Object.freeze({ kind: 'none', payloads: Object.freeze([]), findings: Object.freeze([]) });

export function createLanguageService(options: LanguageServiceOptions = {}): IdenfyLanguageService {
  const { settings, problems } = normalizeSettings(options.settings);
  const isPayloadFile = payloadFileMatcher(settings.payloadFiles, options.workspaceRoots ?? []);
  const codeCache = new CodeAnalysisCache();
  // Cross-file resolution for code documents, only when the host gives file access.
  const modules = options.fileSystem ? new ModuleGraph(options.fileSystem) : undefined;
  // The code cache answers an unchanged document with the same analysis object: keep answering with the same wrapper.
  const codeAnalyses = new WeakMap<CodeAnalysis, DocumentAnalysis>();

  function analyzeUnguarded(document: TextDocumentInput): DocumentAnalysis {
    const kind = documentKind(document);
    if (kind === 'code') {
      const code = analyzeCode({ text: document.text, fileName: document.uri, languageId: document.languageId }, settings, codeCache, modules);
      let analysis = codeAnalyses.get(code);
      if (!analysis) {
        analysis = { kind, payloads: code.payloads.map((p) => ({ root: p.root, via: p.via ?? p.reason })), findings: code.findings };
        codeAnalyses.set(code, analysis);
      }
      return analysis;
    }
    if (kind === 'none') return NOTHING;
    const json = analyzeJson({ text: document.text, allowComments: allowsComments(document), isPayloadFile: isPayloadFile(document.uri), path: document.uri }, settings);
    if (json.payload === 'none') return { ...NOTHING, kind };
    return { kind, payloads: json.root ? [{ root: json.root, via: json.payload }] : [], findings: json.findings };
  }

  return {
    settings,
    settingsProblems: problems,
    isPayloadFile,

    analyze(document) {
      try {
        return analyzeUnguarded(document);
      } catch (error) {
        // A bug in a rule must not leave the user with silence that looks like "all clear".
        return { kind: documentKind(document), payloads: [], findings: [checksFailed(document.text.length)], failure: asError(error) };
      }
    },

    hover(_document, analysis, offset) {
      const payload = payloadAt(analysis, offset);
      return payload ? payloadHover(payload.root, offset, settings) : undefined;
    },

    complete(document, analysis, offset) {
      const payload = payloadAt(analysis, offset);
      if (!payload) return [];
      return analysis.kind === 'json' ? completeJson(document.text, offset, settings) : completeCode(payload.root, document.text, offset, settings);
    },

    codeActions(document, analysis, span) {
      const syntax = analysis.kind === 'code' ? 'code' : 'json';
      const proposals: CodeActionProposal[] = [];
      for (const finding of analysis.findings) {
        if (!finding.fixes?.length || finding.end < span.start || finding.start > span.end) continue;
        for (const fix of fixesFor(finding, document.text, syntax)) proposals.push({ ...fix, finding });
      }
      return proposals;
    },

    payloadAt(document, analysis, offset) {
      const kind = analysis.kind === 'code' ? 'code' : 'json';
      const payload = payloadAt(analysis, offset);
      if (!payload) return { found: false, languageKind: kind, unknowns: [], errorCount: 0, warningCount: 0, start: 0, end: 0 };
      const start = payload.root.offset;
      const end = start + payload.root.length;
      let errorCount = 0;
      let warningCount = 0;
      for (const f of analysis.findings) {
        if (kind === 'code' && (f.start < start || f.end > end)) continue;
        if (f.severity === 'error') errorCount++;
        else if (f.severity === 'warning') warningCount++;
      }
      const materialized = materializePayload(payload.root);
      const result: PayloadAtResult = {
        found: true,
        languageKind: kind,
        bodyText: kind === 'json' ? jsonTextToSend(document.text, allowsComments(document)) : undefined,
        value: materialized.value,
        unknowns: materialized.unknowns,
        errorCount,
        warningCount,
        start,
        end,
        fieldSpans: materialized.fieldSpans,
      };
      return result;
    },

    forget(uri) {
      codeCache.forget(uri);
      modules?.forgetDocument(uri);
    },

    fileChanged(uriOrPath) {
      if (!modules) return [];
      const dependents = modules.changed(uriOrPath);
      for (const uri of dependents) codeCache.forgetResult(uri);
      return dependents;
    },
  };
}

/** The payload whose object contains the offset (the innermost, for nested finds), or a JSON document's only one. */
export function payloadAt(analysis: DocumentAnalysis, offset: number): FoundPayload | undefined {
  let best: FoundPayload | undefined;
  for (const payload of analysis.payloads) {
    const { offset: start, length } = payload.root;
    if (offset >= start && offset <= start + length && (!best || length < best.root.length)) best = payload;
  }
  return best ?? (analysis.kind === 'json' && analysis.payloads.length === 1 ? analysis.payloads[0] : undefined);
}

function payloadFileMatcher(globs: readonly string[], workspaceRoots: readonly string[]): (uri: string) => boolean {
  const matches = createPathMatcher(globs);
  const roots = workspaceRoots.map((root) => uriToPath(root).replace(/\\/g, '/').replace(/\/+$/, '') + '/');
  const matchesPath = (uri: string) => {
    const path = uriToPath(uri).replace(/\\/g, '/');
    if (matches(path)) return true;
    const root = roots.find((r) => path.startsWith(r));
    return root !== undefined && matches(path.slice(root.length));
  };
  // Every keystroke re-analyses the same document: remember the answer per URI (a service lives as long as its
  // settings, so the memo cannot go stale), bounded for long sessions.
  const memo = new Map<string, boolean>();
  return (uri) => {
    let answer = memo.get(uri);
    if (answer === undefined) {
      if (memo.size >= 1024) memo.clear();
      memo.set(uri, (answer = matchesPath(uri)));
    }
    return answer;
  };
}

function checksFailed(length: number): Finding {
  return {
    start: 0, end: Math.min(length, 1), severity: 'information', code: PROJECT_CODES.checksFailed, href: DOCS.errors,
    message: 'iDenfy checks failed on this document (a bug in the extension, not in your payload); see the "iDenfy Language Server" output.',
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
