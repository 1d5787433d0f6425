import { Finding, PayloadNode } from './model';
import type { TokenService, TextDocumentInput } from './index';

/** Language ids whose documents may hold a token payload. */
export const JSON_LANGUAGES: readonly string[] = ['json', 'jsonc'];
export const CODE_LANGUAGES: readonly string[] = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

export interface FoundPayload {
  readonly root: PayloadNode;
  /** How it was found: `file-pattern` / `content` for JSON; `fetch`, `axios.post`, `// @idenfy-token`… for code. */
  readonly via: string;
}

/** Everything the adapters need about one document: the payloads in it and what is wrong with them. */
export interface DocumentAnalysis {
  readonly syntax: 'json' | 'code';
  readonly payloads: readonly FoundPayload[];
  readonly findings: readonly Finding[];
}

const NOTHING_JSON: DocumentAnalysis = { syntax: 'json', payloads: [], findings: [] };

/** Analyses a JSON or code document with the service's settings; other languages have no payloads. */
export function analyzeDocument(service: TokenService, document: TextDocumentInput): DocumentAnalysis {
  if (CODE_LANGUAGES.includes(document.languageId) || /\.(m|c)?[jt]sx?$/i.test(document.uri) && !JSON_LANGUAGES.includes(document.languageId)) {
    const code = service.analyzeCodeDocument?.(document);
    return { syntax: 'code', payloads: code?.payloads.map((p) => ({ root: p.root, via: p.via ?? p.reason })) ?? [], findings: code?.findings ?? [] };
  }
  if (!JSON_LANGUAGES.includes(document.languageId) && !/\.jsonc?$/i.test(document.uri)) return NOTHING_JSON;
  const json = service.analyzeJsonDocument(document);
  if (json.payload === 'none') return NOTHING_JSON;
  return { syntax: 'json', payloads: json.root ? [{ root: json.root, via: json.payload }] : [], findings: json.findings };
}

/** The payload whose object contains the offset (the innermost, for nested finds), or the only one. */
export function payloadAt(analysis: DocumentAnalysis, offset: number): FoundPayload | undefined {
  let best: FoundPayload | undefined;
  for (const payload of analysis.payloads) {
    const { offset: start, length } = payload.root;
    if (offset >= start && offset <= start + length && (!best || length < best.root.length)) best = payload;
  }
  return best ?? (analysis.syntax === 'json' && analysis.payloads.length === 1 ? analysis.payloads[0] : undefined);
}
