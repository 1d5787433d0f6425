/**
 * The last step of every analysis, shared by the editor and the CLI: inline suppression comments and per-code
 * severity (`idenfy.severity`). Text in, findings out; it knows no language beyond "a comment starts with `//`, `#`
 * or `/*`", which covers JSONC, TypeScript/JavaScript, Python and PHP.
 */
import type { Finding, Severity } from './model';

/** A severity for a code, or `off` to drop its findings. */
export type SeverityOverride = Severity | 'off';

/** The comment that hides findings on the next line: `// idenfy-ignore-next-line [CODE…]`. */
export const SUPPRESSION_DIRECTIVE = 'idenfy-ignore-next-line';

/**
 * `//`, `#` or `/*` (optionally `<!--`), then the directive, then optional codes separated by spaces or commas, up to
 * the end of the comment. Without codes every finding on the next line is hidden.
 */
const DIRECTIVE = /(?:\/\/|#|\/\*+|<!--)[ \t]*idenfy-ignore-next-line\b([^\r\n]*)/g;

export interface Suppression {
  /** 0-based line whose findings are hidden. */
  readonly line: number;
  /** Codes to hide; empty: all of them. */
  readonly codes: readonly string[];
}

/** The suppression comments of a text, one per comment. */
export function findSuppressions(text: string): Suppression[] {
  if (!text.includes(SUPPRESSION_DIRECTIVE)) return [];
  const lineStarts = lineStartsOf(text);
  const found: Suppression[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const rest = match[1].replace(/\*\/.*$|-->.*$/, '');
    // A description after " -- " is for the reader, as in ESLint's directives.
    const list = rest.split(/\s--\s/)[0];
    const codes = list.split(/[\s,]+/).filter((code) => /^[A-Za-z][\w-]*$/.test(code));
    found.push({ line: lineOf(lineStarts, match.index!) + 1, codes });
  }
  return found;
}

/**
 * Drops the findings hidden by a suppression comment or switched `off`, and applies the severity set for a code.
 * Returns the same array when nothing changes (the common case), so callers' identity caches stay valid.
 */
export function applySuppressionsAndSeverity(findings: readonly Finding[], text: string, severity: Readonly<Record<string, SeverityOverride>>): readonly Finding[] {
  if (findings.length === 0) return findings;
  const suppressions = findSuppressions(text);
  const hasSeverity = Object.keys(severity).length > 0;
  if (suppressions.length === 0 && !hasSeverity) return findings;

  const byLine = new Map<number, Set<string> | 'all'>();
  for (const { line, codes } of suppressions) {
    const existing = byLine.get(line);
    if (codes.length === 0 || existing === 'all') byLine.set(line, 'all');
    else byLine.set(line, new Set([...(existing ?? []), ...codes]));
  }
  const lineStarts = byLine.size ? lineStartsOf(text) : [];

  let changed = false;
  const out: Finding[] = [];
  for (const finding of findings) {
    if (byLine.size) {
      const hidden = byLine.get(lineOf(lineStarts, finding.start));
      if (hidden === 'all' || hidden?.has(finding.code)) {
        changed = true;
        continue;
      }
    }
    const override = hasSeverity && Object.prototype.hasOwnProperty.call(severity, finding.code) ? severity[finding.code] : undefined;
    if (override === 'off') {
      changed = true;
      continue;
    }
    if (override && override !== finding.severity) {
      changed = true;
      out.push({ ...finding, severity: override });
      continue;
    }
    out.push(finding);
  }
  return changed ? out : findings;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** 0-based line of an offset (binary search over line starts). */
function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
