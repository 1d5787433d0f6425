import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { editDistance, nestingExceeds, normalizeSettings } from '../core';
import { BoundedReadError, readBoundedText } from './boundedRead';
import { describeFsError, UsageError } from './errors';
import { LineIndex } from './lines';
import { packageInfo } from './packageInfo';

export interface LoadedSettings {
  /** The `idenfy` / `idenfy.*` keys of the settings file, as they were written (nested or dotted). */
  readonly raw: Record<string, unknown>;
  /** The file read, or undefined when none was found (defaults apply). */
  readonly source?: string;
  /** Where workspace-relative globs (idenfy.payloadFiles) are resolved from: the folder holding .vscode, or cwd. */
  readonly workspaceRoot: string;
  /** Not fatal: keys that are no setting of the extension. */
  readonly warnings: readonly string[];
}

/** A settings file bigger than this is refused (VS Code settings are a few KB). */
export const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;
/** Settings nest three or four levels; deeper is refused before parsing. */
export const MAX_SETTINGS_DEPTH = 64;

/**
 * Settings for a run: `--config FILE`, else `.vscode/settings.json` of the current directory or the nearest
 * ancestor that has a `.vscode` folder (not above the repository root). Throws a UsageError (exit 2) for a file
 * that cannot be read or parsed and for settings of the wrong type.
 */
export function loadSettings(configOption: string | undefined, cwd: string): LoadedSettings {
  if (configOption !== undefined) {
    const file = path.resolve(cwd, configOption);
    return { ...readSettingsFile(file, 'config file', cwd), source: file, workspaceRoot: cwd };
  }
  const vscodeDir = findVscodeFolder(cwd);
  if (!vscodeDir) return { raw: {}, workspaceRoot: cwd, warnings: [] };
  const file = path.join(vscodeDir, 'settings.json');
  const workspaceRoot = path.dirname(vscodeDir);
  if (!isFile(file)) return { raw: {}, workspaceRoot, warnings: [] };
  return { ...readSettingsFile(file, 'settings file', cwd), source: file, workspaceRoot };
}

/** The nearest ancestor (or cwd itself) containing a directory named .git, or undefined. */
export function findRepoRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (exists(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function findVscodeFolder(cwd: string): string | undefined {
  const stopAt = findRepoRoot(cwd);
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, '.vscode');
    if (isDirectory(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (dir === stopAt || parent === dir) return undefined;
    dir = parent;
  }
}

function readSettingsFile(absolute: string, what: string, cwd: string): { raw: Record<string, unknown>; warnings: string[] } {
  const file = shownPath(absolute, cwd);
  let text: string;
  try {
    text = readBoundedText(absolute, MAX_SETTINGS_BYTES);
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${error instanceof BoundedReadError ? error.message : describeFsError(error)}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // jsonc-parser recurses once per level: check the depth first, without recursion.
  if (nestingExceeds(text, MAX_SETTINGS_DEPTH, true)) {
    throw new UsageError(`${what} ${file} nests deeper than ${MAX_SETTINGS_DEPTH} levels; settings need a few`);
  }
  const errors: ParseError[] = [];
  // VS Code's settings.json is JSON with comments and trailing commas; so may be a --config file.
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length) {
    const { line, column } = new LineIndex(text).position(errors[0].offset);
    throw new UsageError(`${what} ${file}:${line}:${column}: invalid JSON (${describeParseError(printParseErrorCode(errors[0].error))})`);
  }
  if (value === undefined) return { raw: {}, warnings: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${what} ${file} must hold a JSON object with idenfy.* keys`);
  }

  const raw: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'idenfy' || key.startsWith('idenfy.')) raw[key] = entry;
  }
  if ('idenfy' in raw && (typeof raw.idenfy !== 'object' || raw.idenfy === null || Array.isArray(raw.idenfy))) {
    throw new UsageError(`invalid settings in ${file}:\n  idenfy must be an object of settings`);
  }
  const warnings: string[] = [];
  if (Object.keys(raw).length === 0 && what === 'config file' && Object.keys(value).length > 0) {
    warnings.push(`${file}: no idenfy.* settings in this file; the defaults apply`);
  }
  const known = packageInfo().settingKeys;
  for (const key of known ? unknownKeys(raw, known) : []) {
    const suggestion = nearestKey(key, known!);
    warnings.push(`${file}: ${key} is not a setting of the iDenfy extension (ignored)${suggestion ? `; did you mean ${suggestion}?` : ''}`);
  }

  const { problems } = normalizeSettings(raw);
  if (problems.length) {
    const lines = [...problems.map((p) => `  ${p.key} ${p.message}`), ...warnings.map((w) => `  (also: ${w.slice(file.length + 2)})`)];
    throw new UsageError(`invalid settings in ${file}:\n${lines.join('\n')}`);
  }
  return { raw, warnings };
}

/** Dotted keys under idenfy that the extension does not contribute (typos such as idenfy.acount.x). */
function unknownKeys(raw: Record<string, unknown>, known: ReadonlySet<string>): string[] {
  const unknown: string[] = [];
  const visit = (key: string, value: unknown) => {
    if (known.has(key)) return;
    const prefix = key + '.';
    const isPrefix = [...known].some((k) => k.startsWith(prefix));
    if (isPrefix && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [child, childValue] of Object.entries(value)) visit(prefix + child, childValue);
    } else {
      unknown.push(key);
    }
  };
  for (const [key, value] of Object.entries(raw)) visit(key, value);
  return unknown;
}

function nearestKey(key: string, known: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Relative to the current directory when that is shorter, for messages. */
function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !path.isAbsolute(relative) && relative.length < file.length ? relative : file;
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function exists(file: string): boolean {
  try {
    fs.statSync(file);
    return true;
  } catch {
    return false;
  }
}
function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
