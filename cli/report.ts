import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkId, describeCheck, Severity } from '../core';
import { FileResult, ReportedFinding, ReportedSpan } from './analyze';
import { FileFailure, SkipNote, toPosix } from './files';
import { TOOL_NAME } from './packageInfo';

export interface RunReport {
  readonly cwd: string;
  readonly version: string;
  readonly repositoryUrl?: string;
  /** Files that hold a payload (or have findings). */
  readonly results: readonly FileResult[];
  readonly skipped: readonly SkipNote[];
  readonly failures: readonly FileFailure[];
  readonly filesChecked: number;
  /** 1: checked in the main thread; more: worker threads. */
  readonly threads: number;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly maxWarnings: number;
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  /** information and hint */
  readonly notes: number;
}

export function countFindings(results: readonly FileResult[]): Counts {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const result of results) {
    for (const finding of result.findings) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
      else notes++;
    }
  }
  return { errors, warnings, notes };
}

/** The path shown for a file: relative to the current directory (../ included), with "/" separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  // Absolute only where no relative path exists (another drive on Windows).
  return path.isAbsolute(relative) ? toPosix(file) : toPosix(relative) || '.';
}

function listed(report: RunReport, finding: ReportedFinding, human: boolean): boolean {
  if (report.quiet) return finding.severity === 'error';
  if (human && !report.verbose) return finding.severity === 'error' || finding.severity === 'warning';
  return true;
}

// ---- human -----------------------------------------------------------------------------------------------------

export interface Style {
  readonly enabled: boolean;
}

const ansi = (open: number, close: number) => (style: Style, text: string) => (style.enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
const red = ansi(31, 39);
const yellow = ansi(33, 39);
const cyan = ansi(36, 39);
const green = ansi(32, 39);
const dim = ansi(2, 22);
const bold = ansi(1, 22);

const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function formatHuman(report: RunReport, style: Style): string {
  const out: string[] = [];
  for (const result of report.results) {
    const file = displayPath(result.path, report.cwd);
    for (const finding of result.findings) {
      if (!listed(report, finding, true)) continue;
      const severity = SEVERITY_WORD[finding.severity];
      const coloured = finding.severity === 'error' ? red(style, severity) : finding.severity === 'warning' ? yellow(style, severity) : cyan(style, severity);
      out.push(`${escapeControls(file)}:${finding.line}:${finding.column}  ${coloured}  ${dim(style, finding.code)}  ${oneLine(finding.message)}`);
      for (const related of finding.related) {
        out.push(dim(style, `    related: ${escapeControls(file)}:${related.line}:${related.column}  ${oneLine(related.message)}`));
      }
    }
  }
  const counts = countFindings(report.results);
  const problems = counts.errors + counts.warnings;
  let summary = `${problems} ${plural(problems, 'problem')} (${counts.errors} ${plural(counts.errors, 'error')}, ${counts.warnings} ${plural(counts.warnings, 'warning')})`;
  if (counts.notes > 0) {
    summary += ` and ${counts.notes} ${plural(counts.notes, 'note')}${report.verbose || report.quiet ? '' : ' (--verbose lists them)'}`;
  }
  if (report.quiet && counts.warnings + counts.notes > 0) summary += '; only errors listed (--quiet)';
  const colour = counts.errors > 0 ? red : counts.warnings > 0 ? yellow : green;
  if (out.length) out.push('');
  out.push(bold(style, colour(style, summary)));
  const payloadFiles = report.results.filter((r) => r.payloads > 0).length;
  const threads = report.threads > 1 ? `${report.threads} threads` : 'one thread';
  out.push(dim(style, `${report.filesChecked} ${plural(report.filesChecked, 'file')} checked, ${payloadFiles} with token payloads${report.verbose ? ` (${threads})` : ''}`));
  if (report.maxWarnings >= 0 && counts.warnings > report.maxWarnings) {
    out.push(bold(style, red(style, `Too many warnings: ${counts.warnings}, more than --max-warnings ${report.maxWarnings}.`)));
  }
  return out.join('\n') + '\n';
}

/** Notes and failures for standard error, in the human format. */
export function formatDiagnosticsForStderr(report: RunReport, style: Style): string {
  const out: string[] = [];
  for (const note of report.skipped) {
    out.push(`${cyan(style, 'note')}: ${escapeControls(displayPath(note.path, report.cwd))}: skipped: ${note.message}`);
  }
  for (const failure of report.failures) {
    out.push(`${red(style, 'error')}: ${escapeControls(displayPath(failure.path, report.cwd))}: ${failure.message}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/**
 * A file name on one line of the human output: line breaks, other control characters (escape sequences included)
 * and Unicode line separators written as `\n`, `\t`, `\x1b`, `\u2028`, so one finding stays one line.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

// ---- json ------------------------------------------------------------------------------------------------------

/** `--format json`, version 1: documented in --help; keep it stable (add fields, never rename). */
export function formatJson(report: RunReport): string {
  const counts = countFindings(report.results);
  const span = (s: ReportedSpan) => ({ line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn, offset: s.offset, length: s.length });
  const document = {
    version: 1,
    tool: { name: TOOL_NAME, version: report.version },
    cwd: toPosix(report.cwd),
    summary: {
      filesChecked: report.filesChecked,
      filesWithPayloads: report.results.filter((r) => r.payloads > 0).length,
      errors: counts.errors,
      warnings: counts.warnings,
      notes: counts.notes,
      skipped: report.skipped.length,
      failures: report.failures.length,
    },
    files: report.results.map((result) => ({
      path: displayPath(result.path, report.cwd),
      language: result.language,
      payloads: result.payloads,
      findings: result.findings
        .filter((f) => listed(report, f, false))
        .map((f) => ({
          severity: f.severity,
          code: f.code,
          message: f.message,
          href: f.href,
          ...(f.field !== undefined ? { field: f.field } : {}),
          ...span(f),
          related: f.related.map((r) => ({ message: r.message, ...span(r) })),
        })),
    })),
    skipped: report.skipped.map((s) => ({ path: displayPath(s.path, report.cwd), reason: s.reason, message: s.message })),
    failures: report.failures.map((f) => ({ path: displayPath(f.path, report.cwd), message: f.message })),
  };
  return JSON.stringify(document, null, 2) + '\n';
}

// ---- sarif -----------------------------------------------------------------------------------------------------

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const LEVEL_RANK = { note: 0, warning: 1, error: 2 } as const;

function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: toPosix(relative).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(file).href };
}

function region(span: ReportedSpan) {
  return {
    startLine: span.line,
    startColumn: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
    charOffset: span.offset,
    charLength: span.length,
  };
}

/** SARIF 2.1.0, as GitHub code scanning reads it. */
export function formatSarif(report: RunReport): string {
  const findings = report.results.flatMap((result) => result.findings.filter((f) => listed(report, f, false)).map((finding) => ({ result, finding })));

  // One rule per check: the finding's code about one top-level field (`BAD_VALUE/tokenType`), a hierarchical id.
  const rules = new Map<string, { code: string; field?: string; href: string; level: 'error' | 'warning' | 'note' }>();
  for (const { finding } of findings) {
    const level = SARIF_LEVEL[finding.severity];
    const id = checkId(finding.code, finding.field);
    const rule = rules.get(id);
    if (!rule) rules.set(id, { code: finding.code, field: finding.field, href: finding.href, level });
    else if (LEVEL_RANK[level] > LEVEL_RANK[rule.level]) rule.level = level;
  }
  const ruleIds = [...rules.keys()].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));

  const notifications = [
    ...report.skipped.map((note) => ({
      level: 'note' as const,
      message: { text: `Skipped: ${note.message}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(note.path, report.cwd) } }],
    })),
    ...report.failures.map((failure) => ({
      level: 'error' as const,
      message: { text: failure.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(failure.path, report.cwd) } }],
    })),
  ];

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: report.version,
            semanticVersion: report.version,
            ...(report.repositoryUrl ? { informationUri: report.repositoryUrl } : {}),
            rules: ruleIds.map((id) => {
              const rule = rules.get(id)!;
              const check = describeCheck(rule.code, rule.field, rule.href);
              return {
                id,
                name: check.name,
                shortDescription: { text: check.shortDescription },
                fullDescription: { text: check.fullDescription },
                helpUri: check.helpUri,
                help: { text: check.helpText, markdown: check.helpMarkdown },
                defaultConfiguration: { level: rule.level },
                properties: { tags: ['idenfy', 'kyc', 'api-request', rule.code], code: rule.code, ...(check.field ? { field: check.field } : {}) },
              };
            }),
          },
        },
        invocations: [
          {
            executionSuccessful: report.failures.length === 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: {
          '%SRCROOT%': { uri: pathToFileURL(report.cwd).href.replace(/\/?$/, '/') },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map(({ result, finding }) => {
          const location = artifactLocation(result.path, report.cwd);
          const id = checkId(finding.code, finding.field);
          return {
            ruleId: id,
            ruleIndex: ruleIndex.get(id)!,
            level: SARIF_LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [{ physicalLocation: { artifactLocation: location, region: region(finding) } }],
            ...(finding.related.length
              ? {
                  relatedLocations: finding.related.map((related, id) => ({
                    id,
                    message: { text: related.message },
                    physicalLocation: { artifactLocation: location, region: region(related) },
                  })),
                }
              : {}),
            properties: {
              code: finding.code,
              ...(finding.field !== undefined ? { field: finding.field } : {}),
              helpUri: finding.href,
            },
          };
        }),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
