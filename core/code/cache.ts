import type * as TS from 'typescript';
import { IdenfySettings } from '../settings';

/** One edit between two versions of a text: `oldText` at `start` became `newLength` characters. */
export interface TextEdit {
  readonly start: number;
  readonly oldText: string;
  readonly newLength: number;
}

interface Remembered {
  readonly settings: IdenfySettings;
  readonly value: unknown;
}

/** What a cache entry remembers of one file. */
interface Entry {
  text: string;
  scriptKind: TS.ScriptKind;
  sourceFile: TS.SourceFile;
  /** The last analysis, valid for this text and these settings. */
  result?: Remembered;
  /** How the payloads of this text were found (discovery.ts), for the next version. */
  discovery?: Remembered;
  /** This tree is an incremental update of the previous text: that text's discovery, and the edit since. */
  previous?: { readonly discovery: Remembered; readonly edit: TextEdit };
}

/**
 * Keeps the last parsed SourceFile of each file, so the next version of the text is parsed incrementally
 * (`ts.updateSourceFile` with the changed range found by common prefix and suffix) instead of from scratch.
 * Bounded: the least recently used files are dropped past `maxFiles`. Not shared between threads.
 */
export class CodeAnalysisCache {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly maxFiles = 8) {}

  get size(): number {
    return this.entries.size;
  }

  /** Drop a file (closed, deleted). */
  forget(fileName: string): void {
    this.entries.delete(fileName);
  }

  /** Drop a file's remembered analysis, keeping its syntax tree (a module it reads changed). */
  forgetResult(fileName: string): void {
    const entry = this.entries.get(fileName);
    if (entry) {
      entry.result = undefined;
      entry.discovery = undefined;
      entry.previous = undefined;
    }
  }

  clear(): void {
    this.entries.clear();
  }

  /** @internal The source file for this text: the cached one, an incremental update of it, or a fresh parse. */
  sourceFile(ts: typeof TS, fileName: string, text: string, scriptKind: TS.ScriptKind): TS.SourceFile {
    const entry = this.entries.get(fileName);
    const same = entry !== undefined && entry.scriptKind === scriptKind;
    if (same && entry.text === text) {
      this.touch(fileName, entry);
      return entry.sourceFile;
    }
    let sourceFile: TS.SourceFile | undefined;
    let previous: Entry['previous'];
    if (same) {
      const range = changeRange(ts, entry.text, text);
      try {
        sourceFile = ts.updateSourceFile(entry.sourceFile, text, range);
        const edit = { start: range.span.start, oldText: entry.text.slice(range.span.start, range.span.start + range.span.length), newLength: range.newLength };
        previous = entry.discovery && { discovery: entry.discovery, edit };
      } catch {
        sourceFile = undefined; // the incremental parser rejected the old tree (its debug checks): parse afresh
      }
    }
    sourceFile ??= parseSource(ts, fileName, text, scriptKind);
    this.touch(fileName, { text, scriptKind, sourceFile, previous });
    return sourceFile;
  }

  private touch(fileName: string, entry: Entry): void {
    this.entries.delete(fileName); // re-insert: the Map's order is the recency order
    this.entries.set(fileName, entry);
    while (this.entries.size > this.maxFiles) this.entries.delete(this.entries.keys().next().value!);
  }

  /** @internal The previous version's discovery, and the edit since, when this text's tree was updated from it. */
  previousDiscovery<T>(fileName: string, text: string, settings: IdenfySettings): { discovery: T; edit: TextEdit } | undefined {
    const entry = this.entries.get(fileName);
    const previous = entry?.text === text ? entry.previous : undefined;
    return previous && previous.discovery.settings === settings ? { discovery: previous.discovery.value as T, edit: previous.edit } : undefined;
  }

  /** @internal Whether the analysis of this file's current text kept the previous version's discovery. */
  keptDiscovery(fileName: string): boolean {
    const entry = this.entries.get(fileName);
    return entry?.discovery !== undefined && entry.discovery.value === entry.previous?.discovery.value;
  }

  /** @internal */
  rememberDiscovery(fileName: string, text: string, settings: IdenfySettings, value: unknown): void {
    const entry = this.entries.get(fileName);
    if (entry && entry.text === text) entry.discovery = { settings, value };
  }

  /** @internal The analysis remembered for exactly this text and settings object. */
  result<T>(fileName: string, text: string, scriptKind: TS.ScriptKind, settings: IdenfySettings): T | undefined {
    const entry = this.entries.get(fileName);
    return entry && entry.text === text && entry.scriptKind === scriptKind && entry.result?.settings === settings ? (entry.result.value as T) : undefined;
  }

  /** @internal */
  remember(fileName: string, text: string, settings: IdenfySettings, value: unknown): void {
    const entry = this.entries.get(fileName);
    if (entry && entry.text === text) entry.result = { settings, value };
  }
}

/**
 * @param withParents set parent pointers. Not for the open document: they cost a quarter of a parse (SourceIndex climbs
 * them where an incremental parse has set them, and descends otherwise). Other modules are parsed with them, once per
 * version: a node without a parent then always belongs to the open document's own fresh tree (`SourceIndex.contains`).
 */
export function parseSource(ts: typeof TS, fileName: string, text: string, scriptKind: TS.ScriptKind, withParents = false): TS.SourceFile {
  // JSDoc is never read here: skipping it makes the parse cheaper than the editor's own.
  return ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, withParents, scriptKind);
}

/** Whether a tree came from a fresh parse here (no parent pointers anywhere) rather than from an incremental one. */
export function parsedAfresh(sourceFile: TS.SourceFile): boolean {
  return sourceFile.statements[0]?.parent === undefined;
}

/** The syntax errors TypeScript's parser recorded for a tree (an internal field: the compiler API reads it the same way). */
export function syntaxErrorsOf(sourceFile: TS.SourceFile): readonly TS.DiagnosticWithLocation[] {
  return (sourceFile as TS.SourceFile & { parseDiagnostics?: readonly TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

/** The edit between two texts as one range: the common prefix and suffix are unchanged. */
export function changeRange(ts: typeof TS, before: string, after: string): TS.TextChangeRange {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return ts.createTextChangeRange(ts.createTextSpan(prefix, before.length - prefix - suffix), after.length - prefix - suffix);
}
