import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, FileSystemHost, Finding, IdenfyLanguageService, isTreeSitterKind, MAX_CODE_LENGTH, MAX_MODULE_FILE_LENGTH, Severity, TextDocumentInput } from '../core';
import { describeFsError } from './errors';
import { FileFailure, FileLanguage, languageIdOf, languageOf, SkipNote, toPosix } from './files';
import { LineIndex } from './lines';
import { loadWasmBesideBundle } from './wasm';

/** A span in 1-based lines and columns (UTF-16 code units; endColumn exclusive) and 0-based offset/length. */
export interface ReportedSpan {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly offset: number;
  readonly length: number;
}

export interface ReportedFinding extends ReportedSpan {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly href: string;
  readonly field?: string;
  readonly related: ReadonlyArray<ReportedSpan & { readonly message: string }>;
}

export interface FileResult {
  /** Absolute path. */
  readonly path: string;
  readonly language: FileLanguage;
  /** Payloads found in the file (a JSON payload file counts as one). */
  readonly payloads: number;
  readonly findings: ReportedFinding[];
}

/** What checking one file gave: a result only for a file that holds a payload or has findings. */
export interface FileOutcome {
  readonly result?: FileResult;
  readonly skipped?: SkipNote;
  readonly failure?: FileFailure;
}

export interface AnalyzerOptions {
  /** The `idenfy.*` settings as written; each worker builds its own service from them. */
  readonly rawSettings: Record<string, unknown>;
  /** idenfy.payloadFiles globs are matched against paths relative to this folder. */
  readonly workspaceRoot: string;
  readonly maxFileSizeBytes: number;
}

export interface Analyzer {
  (file: string): FileOutcome;
  /** Loads the grammars the Python and PHP files among `files` need (once; nothing for JSON and TS/JS). */
  prepare(files: readonly string[]): Promise<void>;
}

export function createAnalyzer(options: AnalyzerOptions): Analyzer {
  const service = createLanguageService({ settings: options.rawSettings, loadGrammar: loadWasmBesideBundle, fileSystem: diskFileSystem(options.workspaceRoot) });
  const grammarErrors = new Map<string, string>();
  const analyzer = (file: string) => analyzeFile(file, service, options, grammarErrors);
  analyzer.prepare = async (files: readonly string[]) => {
    const languages = new Set(files.map((f) => languageOf(f)).filter((l) => l !== undefined && isTreeSitterKind(l)));
    for (const language of languages) {
      try {
        await service.prepare({ uri: `file.${language === 'python' ? 'py' : 'php'}`, languageId: language! });
      } catch (error) {
        grammarErrors.set(language!, error instanceof Error ? error.message : String(error));
      }
    }
  };
  return analyzer;
}

function analyzeFile(file: string, service: IdenfyLanguageService, options: AnalyzerOptions, grammarErrors: ReadonlyMap<string, string>): FileOutcome {
  const language = languageOf(file);
  if (!language) return { skipped: { path: file, reason: 'unsupported', message: 'not a JSON, TypeScript, JavaScript, Python or PHP file' } };
  const grammarError = grammarErrors.get(language);
  if (grammarError !== undefined) return { failure: { path: file, message: `the ${language} grammar failed to load: ${grammarError}` } };

  const read = readText(file, options.maxFileSizeBytes);
  if ('skipped' in read || 'failure' in read) return read;

  if (language === 'code' && read.text.length > MAX_CODE_LENGTH) {
    return {
      skipped: {
        path: file,
        reason: 'too-large',
        message: `${formatBytes(read.text.length)} of code, over the ${formatBytes(MAX_CODE_LENGTH)} the code analysis reads (a bundle or generated file?): not checked`,
      },
    };
  }
  const document: TextDocumentInput = { uri: documentPath(file, options.workspaceRoot), languageId: languageIdOf(file), text: read.text };
  const analysis = service.analyze(document);
  // Each file is read once: keep nothing for incremental re-parsing.
  service.forget(document.uri);
  if (analysis.failure) {
    // A bug in the checker must not hide the other files' results, nor print a stack trace.
    return { failure: { path: file, message: `internal error while checking this file (please report it): ${analysis.failure.message}` } };
  }
  const payloads = analysis.payloads.length;
  const findings = analysis.findings;
  if (payloads === 0 && findings.length === 0) return {};
  return { result: { path: file, language, payloads, findings: report(findings, read.text) } };
}

/**
 * The disk, for following a TS/JS payload across modules (imports are read only when a checked file names them;
 * each is parsed once per worker). Relative paths are the workspace-relative document paths.
 */
function diskFileSystem(workspaceRoot: string): FileSystemHost {
  const absolute = (file: string) => path.resolve(workspaceRoot, file);
  return {
    readFile(file) {
      const read = readText(absolute(file), MAX_MODULE_FILE_LENGTH);
      return 'text' in read ? read.text : undefined;
    },
    stat(file) {
      try {
        const stat = fs.statSync(absolute(file));
        return stat.isFile() ? { mtimeMs: stat.mtimeMs, size: stat.size } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** The path the core matches idenfy.payloadFiles against: workspace-relative when inside the workspace. */
function documentPath(file: string, workspaceRoot: string): string {
  const relative = path.relative(workspaceRoot, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? toPosix(relative) : toPosix(file);
}

type ReadResult = { text: string } | { skipped: SkipNote } | { failure: FileFailure };

/** Opening a FIFO must not block: the walk only yields regular files, but one may be swapped in meanwhile. */
const OPEN_FLAGS = fs.constants.O_NONBLOCK !== undefined ? fs.constants.O_RDONLY | fs.constants.O_NONBLOCK : 'r';
/** One read buffer per thread, grown on demand: a small file costs open, read and close, no fstat. */
let shared = Buffer.allocUnsafe(256 * 1024);

/** Reads a file as the editor would: BOM stripped, UTF-16 with a BOM decoded; binary and huge files skipped. */
export function readText(file: string, maxBytes: number): ReadResult {
  let buffer: Buffer;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
    let length = 0;
    for (;;) {
      if (length === shared.length) {
        if (length > maxBytes) {
          const size = fs.fstatSync(fd).size;
          return { skipped: { path: file, reason: 'too-large', message: `${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (--max-file-size)` } };
        }
        const bigger = Buffer.allocUnsafe(Math.min(shared.length * 2, maxBytes + 1));
        shared.copy(bigger, 0, 0, length);
        shared = bigger;
      }
      const wanted = Math.min(shared.length, maxBytes + 1) - length;
      const read = fs.readSync(fd, shared, length, wanted, null);
      length += read;
      if (length > maxBytes) {
        const size = fs.fstatSync(fd).size;
        return { skipped: { path: file, reason: 'too-large', message: `${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (--max-file-size)` } };
      }
      // A regular file gives all that was asked for until its end: a shorter read is the end.
      if (read < wanted) break;
      // A big binary file is not read to its end: its first chunk already tells.
      if (length === read && isBinary(shared.subarray(0, length))) return binary(file);
    }
    buffer = shared.subarray(0, length);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return { failure: { path: file, message: 'cannot read: not a regular file' } };
    return { failure: { path: file, message: `cannot read: ${describeFsError(error)}` } };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }

  // `buffer` is the shared one: decode (which copies) before the next read.
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { text: buffer.toString('utf8', 3) };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: buffer.toString('utf16le', 2) };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2, 2 + ((buffer.length - 2) & ~1)));
    return { text: swapped.swap16().toString('utf16le') };
  }
  if (isBinary(buffer)) return binary(file);
  return { text: buffer.toString('utf8') };
}

/** NUL bytes and no UTF-16 byte order mark. */
function isBinary(buffer: Buffer): boolean {
  const utf16 = (buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff);
  return !utf16 && buffer.indexOf(0) !== -1;
}

function binary(file: string): ReadResult {
  return { skipped: { path: file, reason: 'binary', message: 'binary content (NUL bytes): not checked' } };
}

function report(findings: readonly Finding[], text: string): ReportedFinding[] {
  if (findings.length === 0) return [];
  const lines = new LineIndex(text);
  const span = (start: number, end: number): ReportedSpan => {
    const from = Math.max(0, Math.min(start, text.length));
    const to = Math.max(from, Math.min(end, text.length));
    const a = lines.position(from);
    const b = lines.position(to);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset: from, length: to - from };
  };
  return [...findings]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((f) => ({
      ...span(f.start, f.end),
      severity: f.severity,
      code: f.code,
      message: f.message,
      href: f.href,
      ...(f.field !== undefined ? { field: f.field } : {}),
      related: (f.related ?? []).map((r) => ({ ...span(r.start, r.end), message: r.message })),
    }));
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}
