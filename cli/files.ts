import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { Ignore } from 'ignore';
import picomatch from 'picomatch';
import { documentKind, DocumentKind, languageIdForPath } from '../core';
import { readBoundedText } from './boundedRead';
import { findRepoRoot } from './config';
import { describeFsError, UsageError } from './errors';

export type FileLanguage = Exclude<DocumentKind, 'none'>;

/** Never entered while walking (unless named on the command line). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface SkipNote {
  readonly path: string;
  readonly reason: 'binary' | 'too-large' | 'unsupported' | 'broken-link';
  readonly message: string;
}

export interface FileFailure {
  readonly path: string;
  readonly message: string;
}

export interface Discovery {
  /** Absolute paths, without duplicates, in walk order (each also given to onFile). */
  readonly files: string[];
  readonly skipped: SkipNote[];
  readonly failures: FileFailure[];
}

export interface DiscoveryOptions {
  readonly cwd: string;
  readonly gitignore: boolean;
  readonly errorOnUnmatchedPattern: boolean;
  /** Called with each file to check as soon as it is found (checking can start while the walk goes on). */
  readonly onFile?: (file: string) => void;
}

/** json, code, or undefined for a file the linter does not read (the core decides, as in the editor). */
export function languageOf(file: string): FileLanguage | undefined {
  const languageId = languageIdForPath(file);
  if (languageId === undefined) return undefined;
  const kind = documentKind({ languageId, uri: file });
  return kind === 'none' ? undefined : kind;
}

/** VS Code's language id for a file the linter reads. */
export function languageIdOf(file: string): string {
  return languageIdForPath(file) ?? 'typescript';
}

/**
 * Operands (paths, globs, `!exclusions`) → the files to check. Throws a UsageError for a path that does not
 * exist, an invalid glob, or (unless disabled) a glob matching no file. Unreadable directories and files found
 * while walking become failures (exit code 2 at the end), not exceptions.
 */
export function discoverFiles(operands: readonly string[], options: DiscoveryOptions): Discovery {
  const { cwd } = options;
  const includes = operands.filter((op) => !op.startsWith('!'));
  const excludes = operands
    .filter((op) => op.startsWith('!'))
    .map((op) => {
      const glob = op.slice(1);
      if (!glob) throw new UsageError('"!" needs a path or glob after it');
      validateGlob(glob);
      const match = picomatch([glob, `${glob.replace(/\/+$/, '')}/**`], { dot: true });
      const absolute = path.isAbsolute(glob);
      return (file: string) => match(toPosix(absolute ? file : path.relative(cwd, file)));
    });
  if (includes.length === 0) includes.push('.');
  const walker = new Walker(options, (file) => !excludes.some((exclude) => exclude(file)));

  for (const operand of includes) {
    const literal = path.resolve(cwd, operand);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(literal);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') {
        walker.skipped.push(linkLoop(literal));
        continue;
      }
      if (code === 'ENOENT' && isUnreadableName(literal)) {
        walker.skipped.push(unreadableName(literal));
        continue;
      }
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError(`${operand}: ${describeFsError(error)}`);
    }
    if (stat) {
      if (stat.isDirectory()) walker.walkRoot(literal, () => true);
      else if (stat.isFile()) walker.addExplicitFile(literal);
      else throw new UsageError(`${operand}: not a regular file or directory`);
      continue;
    }
    const scan = picomatch.scan(operand);
    if (!scan.isGlob) {
      const syntax = globSyntaxProblem(operand);
      if (syntax) throw new UsageError(`invalid glob "${operand}": ${syntax}`);
      throw new UsageError(`${operand}: no such file or directory`);
    }
    validateGlob(operand);
    const base = path.resolve(cwd, scan.base || '.');
    const baseStat = statOrUndefined(base);
    const before = walker.matched;
    if (baseStat?.isDirectory()) {
      const absolute = path.isAbsolute(operand);
      const match = picomatch(operand, { dot: true });
      walker.walkRoot(base, (file) => match(toPosix(absolute ? file : path.relative(cwd, file))), /node_modules/.test(operand));
    }
    if (walker.matched === before && options.errorOnUnmatchedPattern) {
      throw new UsageError(`no files match the glob "${operand}"`, 'quote the glob, check it, or pass --no-error-on-unmatched-pattern');
    }
  }

  return { files: walker.accepted, skipped: walker.skipped, failures: walker.failures };
}

function validateGlob(glob: string): void {
  const syntax = globSyntaxProblem(glob);
  if (syntax) throw new UsageError(`invalid glob "${glob}": ${syntax}`);
  let regex: RegExp;
  try {
    regex = picomatch.makeRe(glob, { dot: true });
  } catch (error) {
    throw new UsageError(`invalid glob "${glob}": ${error instanceof Error ? error.message : String(error)}`);
  }
  // picomatch turns a pattern it cannot read into a regex that never matches.
  if (regex.source === '$^') throw new UsageError(`invalid glob "${glob}"`);
}

/** Unbalanced brackets, braces and parentheses (outside escapes and bracket expressions). */
function globSyntaxProblem(glob: string): string | undefined {
  const stack: string[] = [];
  const closers: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // a bracket expression runs to the next ] (a ] right after [ or [! is literal)
      let j = i + 1;
      if (glob[j] === '!' || glob[j] === '^') j++;
      if (glob[j] === ']') j++;
      while (j < glob.length && glob[j] !== ']') j += glob[j] === '\\' ? 2 : 1;
      if (j >= glob.length) return 'unclosed "["';
      i = j;
      continue;
    }
    if (c === '{' || c === '(') stack.push(c);
    else if (c === '}' || c === ')') {
      const open = stack.pop();
      if (!open || closers[open] !== c) return `unexpected "${c}"`;
    }
  }
  if (stack.length) return `unclosed "${stack[stack.length - 1]}"`;
  if (glob.trim() === '') return 'empty pattern';
  return undefined;
}

interface IgnoreContext {
  readonly dir: string;
  readonly rules: Ignore;
}

class Walker {
  /** Every file matched, excluded or not: for no duplicates. */
  private readonly files = new Set<string>();
  /** How many times a file matched (an operand matching only files of earlier operands still matched). */
  matched = 0;
  /** The files to check: matched and not excluded by a "!" operand. */
  readonly accepted: string[] = [];
  readonly skipped: SkipNote[] = [];
  readonly failures: FileFailure[] = [];
  private readonly rulesCache = new Map<string, Ignore | null>();

  constructor(
    private readonly options: DiscoveryOptions,
    private readonly included: (file: string) => boolean,
  ) {}

  private add(file: string): void {
    this.matched++;
    if (this.files.has(file)) return;
    this.files.add(file);
    if (!this.included(file)) return;
    this.accepted.push(file);
    this.options.onFile?.(file);
  }

  addExplicitFile(file: string): void {
    if (languageOf(file)) this.add(file);
    else this.skipped.push({ path: file, reason: 'unsupported', message: 'not a JSON, TypeScript, JavaScript, Python or PHP file' });
  }

  /**
   * Walks a directory named on the command line (or the fixed part of a glob). The directory itself is checked
   * even when .gitignore'd: then only the .gitignore files inside it apply.
   */
  walkRoot(root: string, accept: (file: string) => boolean, enterNodeModules = false): void {
    let contexts = this.ancestorContexts(root);
    if (
      contexts.length &&
      this.isIgnored(
        root,
        true,
        contexts.filter((c) => c.dir !== root),
      )
    ) {
      contexts = contexts.filter((c) => c.dir === root);
    }
    this.walk(root, contexts, accept, enterNodeModules);
  }

  private walk(dir: string, contexts: readonly IgnoreContext[], accept: (file: string) => boolean, enterNodeModules: boolean): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.failures.push({ path: dir, message: `cannot read directory: ${describeFsError(error)}` });
      return;
    }
    // Most folders have no .gitignore: look in the listing instead of failing to open one.
    const own = entries.some((e) => e.name === '.gitignore') ? this.rulesOf(dir) : null;
    const here = own && !contexts.some((c) => c.dir === dir) ? [...contexts, { dir, rules: own }] : contexts;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Links to files are followed; links to directories are not (no cycles, no walking out of the tree).
        if (!languageOf(entry.name)) continue;
        try {
          const target = fs.statSync(full);
          isDirectory = false;
          isFile = target.isFile();
        } catch (error) {
          if (this.isIgnored(full, false, here) || !accept(full)) continue;
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' && isUnreadableName(full)) {
            this.skipped.push(unreadableName(full));
          } else if (code === 'ENOENT') {
            this.skipped.push({ path: full, reason: 'broken-link', message: 'symbolic link to a file that does not exist' });
          } else if (code === 'ELOOP') {
            this.skipped.push(linkLoop(full));
          } else {
            this.failures.push({ path: full, message: `cannot read: ${describeFsError(error)}` });
          }
          continue;
        }
      }
      if (isDirectory) {
        if (SKIPPED_DIRECTORIES.has(entry.name) && !(enterNodeModules && entry.name === 'node_modules')) continue;
        if (this.isIgnored(full, true, here)) continue;
        if (isUnreadableName(full)) {
          this.skipped.push(unreadableName(full));
          continue;
        }
        this.walk(full, here, accept, enterNodeModules);
      } else if (isFile) {
        if (!languageOf(entry.name)) continue;
        if (this.isIgnored(full, false, here) || !accept(full)) continue;
        if (isUnreadableName(full)) {
          this.skipped.push(unreadableName(full));
          continue;
        }
        this.add(full);
      }
    }
  }

  private isIgnored(file: string, isDirectory: boolean, contexts: readonly IgnoreContext[]): boolean {
    let ignored = false;
    for (const context of contexts) {
      // Both paths are absolute and normalized: the relative path is the tail (path.relative is much slower).
      const prefix = context.dir.endsWith(path.sep) ? context.dir : context.dir + path.sep;
      if (!file.startsWith(prefix)) continue;
      const relative = toPosix(file.slice(prefix.length));
      if (!relative) continue;
      const result = context.rules.test(isDirectory ? `${relative}/` : relative);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /** .gitignore rules of the directories from the repository root (or cwd) down to `dir`. */
  private ancestorContexts(dir: string): IgnoreContext[] {
    if (!this.options.gitignore) return [];
    const cwd = this.options.cwd;
    const top = findRepoRoot(dir) ?? (isInside(dir, cwd) ? cwd : dir);
    const chain: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      chain.unshift(d);
      if (d === top || path.dirname(d) === d) break;
    }
    const contexts: IgnoreContext[] = [];
    for (const d of chain) {
      const rules = this.rulesOf(d);
      if (rules) contexts.push({ dir: d, rules });
    }
    return contexts;
  }

  private rulesOf(dir: string): Ignore | null {
    if (!this.options.gitignore) return null;
    let rules = this.rulesCache.get(dir);
    if (rules === undefined) {
      rules = null;
      try {
        // Bounded, and a FIFO named .gitignore must not block the walk.
        const text = readBoundedText(path.join(dir, '.gitignore'), 4 * 1024 * 1024);
        rules = ignore().add(text);
      } catch {
        // no .gitignore here (or unreadable: git would not use it either)
      }
      this.rulesCache.set(dir, rules);
    }
    return rules;
  }
}

/**
 * A name that is not valid UTF-8 reaches us with U+FFFD in place of its bad bytes, and no file has that name: it
 * cannot be opened by it. Such a file is skipped with a note rather than reported as missing.
 */
function isUnreadableName(file: string): boolean {
  if (!file.includes('\uFFFD')) return false;
  try {
    fs.lstatSync(file);
    return false; // a real U+FFFD in a valid UTF-8 name
  } catch {
    return true;
  }
}

function unreadableName(file: string): SkipNote {
  return { path: file, reason: 'unsupported', message: 'the file name is not valid UTF-8 (shown with \uFFFD), so it cannot be opened by name: not checked' };
}

function linkLoop(file: string): SkipNote {
  return { path: file, reason: 'broken-link', message: 'symbolic link loop (too many levels of symbolic links): not checked' };
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function toPosix(file: string): string {
  return path.sep === '/' ? file : file.split(path.sep).join('/');
}
