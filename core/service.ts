/**
 * The implementation of `IdenfyLanguageService` (see types.ts): it routes a document to its analyser and every
 * feature to the module that knows it. No state but caches keyed by URI; no I/O.
 */
import { analyzeCode, CodeAnalysis, CodeAnalysisCache, ModuleGraph } from './code';
import { allowsComments, documentKind, isTreeSitterKind } from './documentKinds';
import { analyzeWithGrammar, loadGrammar, TreeCache, TreeSitterAnalysis } from './treeSitter';
import { completeCode, completeJson } from './features/completion';
import { errorHandlingCode, handlerLanguageOf } from './features/errorHandling';
import { fixesFor } from './features/fixes';
import { identifierCompletions } from './features/identifierCompletion';
import { payloadHover } from './features/hover';
import { analyzeJson } from './json';
import { almostPayloadText } from './detect';
import { Finding, TextSpan } from './model';
import { OPT_IN_TITLE } from './optIn';
import { jsonTextToSend, materializePayload } from './payload/materialize';
import type { PayloadAtResult } from './payload/types';
import { createPathMatcher, uriToPath } from './paths';
import { DOCS } from './rules/links';
import { normalizeSettings } from './settings';
import { applySuppressionsAndSeverity } from './suppress';
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
  const trees = new TreeCache();
  const treeSitterAnalyses = new WeakMap<TreeSitterAnalysis, DocumentAnalysis>();
  // The same for the last step (suppression comments, idenfy.severity): same analysis and text, same answer.
  const finished = new WeakMap<DocumentAnalysis, { text: string; analysis: DocumentAnalysis }>();

  /** Inline `idenfy-ignore-next-line` comments and `idenfy.severity`, shared by the editor and the CLI. */
  function finish(analysis: DocumentAnalysis, text: string): DocumentAnalysis {
    const findings = applySuppressionsAndSeverity(analysis.findings, text, settings.severity);
    return findings === analysis.findings ? analysis : { ...analysis, findings };
  }

  /**
   * `finish`, remembered for an analysis a cache hands out again (code, tree-sitter). Only for those: a WeakMap entry
   * keeps its value alive through young-generation collections, so memoizing every fresh JSON analysis made each
   * payload tree survive into the old generation and V8 then pretenured the parser's allocations (5× slower).
   */
  function finishCached(analysis: DocumentAnalysis, text: string): DocumentAnalysis {
    const memo = finished.get(analysis);
    if (memo && memo.text === text) return memo.analysis;
    const result = finish(analysis, text);
    finished.set(analysis, { text, analysis: result });
    return result;
  }

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
    if (isTreeSitterKind(kind)) {
      const found = analyzeWithGrammar(kind, document, settings, trees);
      let analysis = treeSitterAnalyses.get(found);
      if (!analysis) {
        analysis = { kind, payloads: found.payloads, findings: found.findings };
        treeSitterAnalyses.set(found, analysis);
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

    prepare(document) {
      const kind = documentKind(document);
      if (!isTreeSitterKind(kind) || !options.loadGrammar) return Promise.resolve();
      return loadGrammar(kind, options.loadGrammar);
    },

    analyze(document) {
      try {
        const analysis = analyzeUnguarded(document);
        return analysis.kind === 'json' || analysis.kind === 'none' ? finish(analysis, document.text) : finishCached(analysis, document.text);
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
      // Outside a payload, in code that names iDenfy: the error identifiers where a response's `identifier` is compared.
      if (!payload) return analysis.kind === 'json' || analysis.kind === 'none' || !/idenfy/i.test(document.text) ? [] : identifierCompletions(document.text, offset);
      if (analysis.kind === 'json') return completeJson(document.text, offset, settings);
      return completeCode(payload.root, document.text, offset, settings, analysis.kind === 'python' || analysis.kind === 'php' ? analysis.kind : 'code');
    },

    codeActions(document, analysis, span) {
      const syntax = analysis.kind === 'json' || analysis.kind === 'none' ? 'json' : analysis.kind;
      const proposals: CodeActionProposal[] = [];
      for (const finding of analysis.findings) {
        if (!finding.fixes?.length || finding.end < span.start || finding.start > span.end) continue;
        for (const fix of fixesFor(finding, document.text, syntax)) proposals.push({ ...fix, kind: 'quickfix', finding });
      }
      const handler = errorHandlingAction(document, analysis, span);
      if (handler) proposals.push(handler);
      const optIn = analysis.kind === 'json' && analysis.payloads.length === 0 && analysis.findings.length === 0 ? optInAction(document, span) : undefined;
      if (optIn) proposals.push(optIn);
      return proposals;
    },

    payloadAt(document, analysis, offset) {
      const kind = analysis.kind === 'json' || analysis.kind === 'none' ? 'json' : 'code';
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
      trees.forget(uri);
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

/**
 * "Write iDenfy error handling" on a token request in code: appends a function that sends it the way the error
 * catalogue says (success on 200/201, no retry of bad values or credentials, back-off on 429/500), unless the
 * document already has one.
 */
function errorHandlingAction(document: TextDocumentInput, analysis: DocumentAnalysis, span: TextSpan): CodeActionProposal | undefined {
  const language = handlerLanguageOf(document.languageId);
  if (!language || (analysis.kind !== 'code' && analysis.kind !== 'python' && analysis.kind !== 'php')) return undefined;
  const touched = analysis.payloads.some((p) => !p.via.includes('@idenfy-token') && p.root.offset <= span.end && p.root.offset + p.root.length >= span.start);
  if (!touched) return undefined;
  const code = errorHandlingCode(language);
  if (new RegExp(`\\b${code.functionName}\\s*\\(`).test(document.text)) return undefined;
  const end = document.text.length;
  const separator = document.text.endsWith('\n\n') ? '' : document.text.endsWith('\n') ? '\n' : '\n\n';
  return {
    kind: 'refactor',
    title: `Write iDenfy error handling (${code.functionName}: 201 as success, back-off on 429/500, no retry of bad values)`,
    edits: [{ start: end, end, newText: separator + code.text }],
  };
}

/** On the `clientId` of JSON that is almost a payload (generic keys only): offer to check it as one. Nothing else is intrusive. */
function optInAction(document: TextDocumentInput, span: TextSpan): CodeActionProposal | undefined {
  const clientId = almostPayloadText(document.text, { isPayloadFile: false, path: document.uri, allowComments: allowsComments(document) });
  if (!clientId || clientId.end < span.start || clientId.start > span.end) return undefined;
  return { kind: 'refactor', title: OPT_IN_TITLE, edits: [], command: 'addToPayloadFiles' };
}

function checksFailed(length: number): Finding {
  return {
    start: 0,
    end: Math.min(length, 1),
    severity: 'information',
    code: PROJECT_CODES.checksFailed,
    href: DOCS.errors,
    message: 'iDenfy checks failed on this document (a bug in the extension, not in your payload); see the "iDenfy Language Server" output.',
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
