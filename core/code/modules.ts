import type * as TS from 'typescript';
import { parseSource } from './cache';
import { SourceIndex } from './sourceIndex';

/**
 * Files other than the open document, for following a payload's URL, base URL, wrapper or defaults across modules.
 *
 * The core reads no files: the host injects `FileSystemHost` (the language server prefers open documents' text over
 * the disk; the CLI reads the disk). Nothing is read eagerly: a file is read only when an expression of the open
 * document names something it exports, and each file is parsed once per version (its text), kept in a bounded
 * least-recently-used cache. Which open documents read which files is recorded, so a change to a file re-checks
 * the documents that depend on it.
 */
export interface FileSystemHost {
  /** The file's text, or undefined when it does not exist or cannot be read. Paths use `/` or the OS separator. */
  readFile(path: string): string | undefined;
  /** Cheap change check (optional): when given, a cached file is re-read only when its stamp changes. */
  stat?(path: string): { readonly mtimeMs: number; readonly size: number } | undefined;
}

/** A file past this size is never read for resolution (generated code, bundles). */
export const MAX_MODULE_FILE_LENGTH = 1024 * 1024;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
const INDEX_FILES = SOURCE_EXTENSIONS.filter((e) => e !== '.d.ts').map((e) => `/index${e}`);

export interface ModuleFile {
  readonly path: string;
  readonly text: string;
  readonly sourceFile: TS.SourceFile;
  readonly index: SourceIndex;
  /** @internal The export table, built on first use. */
  exports?: ExportTable;
}

/** What a module exports, by name. */
export interface ExportTable {
  /** `export const x`, `export { a as x }`, `export function x`, `exports.x = …`: the local name or expression. */
  readonly named: Map<string, ExportEntry>;
  /** `export * from './x'`. */
  readonly stars: string[];
  /** `module.exports = expr` / `export = expr`. */
  commonJs?: TS.Expression;
}

export type ExportEntry =
  | { readonly kind: 'local'; readonly name: string }
  | { readonly kind: 'expression'; readonly expression: TS.Expression }
  | { readonly kind: 'reexport'; readonly specifier: string; readonly name: string };

interface CachedFile {
  readonly file: ModuleFile | undefined;
  readonly stamp?: string;
}

export interface ModuleGraphOptions {
  /** Parsed files kept (least recently used dropped). */
  readonly maxFiles?: number;
  readonly maxFileLength?: number;
}

export class ModuleGraph {
  private readonly files = new Map<string, CachedFile>();
  private readonly configs = new Map<string, PathConfig | null>();
  /** Specifier resolutions by importing folder (a created or deleted file may change them: cleared on every change). */
  private readonly resolutions = new Map<string, string | null>();
  /** document → the files its last analysis read; file → the documents that read it. */
  private readonly dependencies = new Map<string, Set<string>>();
  private readonly dependents = new Map<string, Set<string>>();
  readonly maxFiles: number;
  readonly maxFileLength: number;

  constructor(
    readonly host: FileSystemHost,
    options: ModuleGraphOptions = {},
  ) {
    this.maxFiles = options.maxFiles ?? 256;
    this.maxFileLength = options.maxFileLength ?? MAX_MODULE_FILE_LENGTH;
  }

  /** Memory report: files cached and the characters of source they hold. */
  stats(): { files: number; characters: number } {
    let characters = 0;
    for (const { file } of this.files.values()) characters += file?.text.length ?? 0;
    return { files: this.files.size, characters };
  }

  /** The parsed file at `path` (read through the host; cached per text), or undefined (missing, too large). */
  file(ts: typeof TS, path: string): ModuleFile | undefined {
    const cached = this.files.get(path);
    const stamp = this.stampOf(path);
    if (cached && stamp !== undefined && cached.stamp === stamp) return this.touch(path, cached).file;
    const text = this.read(path);
    if (cached && stamp === undefined && (cached.file?.text ?? undefined) === text) return this.touch(path, cached).file;
    let file: ModuleFile | undefined;
    if (text !== undefined) {
      try {
        const sourceFile = parseSource(ts, path, text, scriptKindOfPath(ts, path), true);
        file = { path, text, sourceFile, index: new SourceIndex(ts, sourceFile) };
      } catch {
        file = undefined; // pathological nesting: treated as unreadable
      }
    }
    this.files.delete(path);
    this.files.set(path, { file, stamp });
    while (this.files.size > this.maxFiles) this.files.delete(this.files.keys().next().value!);
    return file;
  }

  /** Whether a file exists (for module resolution), without parsing it. */
  exists(path: string): boolean {
    const cached = this.files.get(path);
    if (cached?.file) return true;
    if (this.host.stat) return this.host.stat(path) !== undefined;
    return this.read(path) !== undefined;
  }

  /** The file a specifier names from `fromPath`: relative paths, tsconfig/jsconfig `baseUrl` and `paths`, workspace packages. */
  resolve(fromPath: string, specifier: string): string | undefined {
    const directory = dirname(normalize(fromPath));
    const key = `${directory}\0${specifier}`;
    const known = this.resolutions.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = this.resolveUncached(directory, specifier);
    if (this.resolutions.size >= 4096) this.resolutions.clear();
    this.resolutions.set(key, found ?? null);
    return found;
  }

  private resolveUncached(directory: string, specifier: string): string | undefined {
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      return this.resolveFile(join(directory, specifier));
    }
    if (specifier.startsWith('/')) return this.resolveFile(normalize(specifier));
    if (/^[a-z]+:/i.test(specifier)) return undefined; // node:fs, https://…
    const config = this.pathConfig(directory);
    if (config) {
      for (const [pattern, targets] of config.paths) {
        const star = pattern.indexOf('*');
        let rest: string | undefined;
        if (star === -1) rest = pattern === specifier ? '' : undefined;
        else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) && specifier.length >= pattern.length - 1) {
          rest = specifier.slice(star, specifier.length - (pattern.length - star - 1));
        }
        if (rest === undefined) continue;
        for (const target of targets) {
          const found = this.resolveFile(join(config.pathsBase, target.replace('*', rest)));
          if (found) return found;
        }
      }
      if (config.baseUrl !== undefined) {
        const found = this.resolveFile(join(config.baseUrl, specifier));
        if (found) return found;
      }
    }
    return this.resolvePackage(directory, specifier);
  }

  /** Records what an analysis of `document` read (replacing its previous record). */
  recordDependencies(document: string, files: Iterable<string>): void {
    for (const file of this.dependencies.get(document) ?? []) this.dependents.get(file)?.delete(document);
    const set = new Set(files);
    if (set.size === 0) this.dependencies.delete(document);
    else this.dependencies.set(document, set);
    for (const file of set) {
      let documents = this.dependents.get(file);
      if (!documents) this.dependents.set(file, (documents = new Set()));
      documents.add(document);
    }
  }

  /** A file changed (or was created or deleted): drops its parse and answers the documents that read it. */
  changed(uriOrPath: string): string[] {
    const key = fileUriToPath(uriOrPath);
    this.files.delete(key);
    this.resolutions.clear();
    if (key.endsWith('.json')) this.configs.clear();
    return [...(this.dependents.get(key) ?? [])];
  }

  /** A document closed: forget what it read. */
  forgetDocument(document: string): void {
    this.recordDependencies(document, []);
  }

  private touch(path: string, cached: CachedFile): CachedFile {
    this.files.delete(path);
    this.files.set(path, cached);
    return cached;
  }

  private stampOf(path: string): string | undefined {
    if (!this.host.stat) return undefined;
    try {
      const stat = this.host.stat(path);
      return stat ? `${stat.mtimeMs}:${stat.size}` : 'missing';
    } catch {
      return undefined;
    }
  }

  private read(path: string): string | undefined {
    try {
      const stat = this.host.stat?.(path);
      if (stat && stat.size > this.maxFileLength * 4) return undefined;
      const text = this.host.readFile(path);
      return text === undefined || text.length > this.maxFileLength ? undefined : text;
    } catch {
      return undefined;
    }
  }

  private resolveFile(base: string): string | undefined {
    const candidates: string[] = [];
    // `./x.js` in TypeScript sources names `./x.ts` (node16/bundler resolution).
    const js = /\.(m|c)?jsx?$/.exec(base);
    if (js) {
      const stem = base.slice(0, -js[0].length);
      const flavour = js[1] ?? '';
      candidates.push(`${stem}.${flavour}ts`, `${stem}.tsx`, base);
    } else if (/\.(m|c)?tsx?$/.test(base)) {
      candidates.push(base);
    } else {
      candidates.push(...SOURCE_EXTENSIONS.map((e) => base + e), ...INDEX_FILES.map((e) => base + e));
    }
    return candidates.find((candidate) => this.exists(candidate));
  }

  /** A workspace package: `node_modules/<name>`, or a monorepo's `packages/*` folder whose package.json has the name. */
  private resolvePackage(directory: string, specifier: string): string | undefined {
    const parts = specifier.split('/');
    const nameLength = specifier.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, nameLength).join('/');
    const subpath = parts.slice(nameLength).join('/');
    for (let at = directory, guard = 0; guard < 32; guard++) {
      const folders = [join(at, `node_modules/${name}`), join(at, `packages/${parts[nameLength - 1]}`)];
      for (const folder of folders) {
        const manifest = this.read(join(folder, 'package.json'));
        if (manifest === undefined) continue;
        const json = parseLooseJson(manifest) as { name?: string; exports?: unknown; types?: string; main?: string } | undefined;
        if (!json || json.name !== name) continue;
        const target = exportTarget(json.exports, subpath ? `./${subpath}` : '.') ?? (subpath ? subpath : (json.types ?? json.main ?? 'index'));
        const found = this.resolveFile(join(folder, target));
        if (found) return found;
      }
      const up = dirname(at);
      if (up === at) break;
      at = up;
    }
    return undefined;
  }

  /** The nearest tsconfig.json / jsconfig.json above a folder: its `baseUrl` and `paths` (no `extends`). */
  private pathConfig(directory: string): PathConfig | undefined {
    const cached = this.configs.get(directory);
    if (cached !== undefined) return cached ?? undefined;
    let found: PathConfig | undefined;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const text = this.read(join(directory, name));
      if (text === undefined) continue;
      const json = parseLooseJson(text) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined;
      const options = json?.compilerOptions;
      const baseUrl = typeof options?.baseUrl === 'string' ? join(directory, options.baseUrl) : undefined;
      const paths = new Map<string, string[]>();
      for (const [pattern, targets] of Object.entries(options?.paths ?? {}))
        if (Array.isArray(targets))
          paths.set(
            pattern,
            targets.filter((t) => typeof t === 'string'),
          );
      found = { baseUrl, paths, pathsBase: baseUrl ?? directory };
      break;
    }
    if (!found) {
      const up = dirname(directory);
      found = up === directory ? undefined : this.pathConfig(up);
    }
    if (this.configs.size > 512) this.configs.clear();
    this.configs.set(directory, found ?? null);
    return found;
  }
}

interface PathConfig {
  readonly baseUrl?: string;
  readonly paths: Map<string, string[]>;
  readonly pathsBase: string;
}

/** package.json `exports`: a string, a subpath map, condition objects (types, import, default, require). */
function exportTarget(exports: unknown, subpath: string, depth = 0): string | undefined {
  if (depth > 8 || exports === undefined || exports === null) return undefined;
  if (typeof exports === 'string') return subpath === '.' ? exports : undefined;
  if (typeof exports !== 'object' || Array.isArray(exports)) return undefined;
  const map = exports as Record<string, unknown>;
  const keys = Object.keys(map);
  if (keys.some((k) => k.startsWith('.'))) {
    const value = map[subpath];
    return value === undefined ? undefined : conditionTarget(value, depth + 1);
  }
  return subpath === '.' ? conditionTarget(map, depth + 1) : undefined;
}

function conditionTarget(value: unknown, depth: number): string | undefined {
  if (depth > 8) return undefined;
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  for (const condition of ['types', 'source', 'import', 'require', 'node', 'default']) {
    const target = conditionTarget((value as Record<string, unknown>)[condition], depth + 1);
    if (target) return target;
  }
  return undefined;
}

/** JSON with comments and trailing commas (tsconfig.json, and package.json files carrying a comment). */
function parseLooseJson(text: string): unknown {
  const stripped = text.replace(/("(?:[^"\\\n]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string: string | undefined) => string ?? '').replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(stripped);
  } catch {
    return undefined;
  }
}

/** `file:///a/b.ts` → `/a/b.ts`; a path stays a path. */
export function fileUriToPath(fileName: string): string {
  if (!/^file:\/\//i.test(fileName)) return normalize(fileName);
  try {
    const path = decodeURIComponent(fileName.replace(/^file:\/\//i, '').replace(/[?#].*$/, ''));
    return normalize(/^\/[a-z]:/i.test(path) ? path.slice(1) : path);
  } catch {
    return normalize(fileName);
  }
}

export function normalize(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const absolute = slashed.startsWith('/');
  const drive = /^[a-z]:/i.exec(slashed)?.[0] ?? '';
  const out: string[] = [];
  for (const part of slashed.slice(drive.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute && !drive) out.push('..');
    } else {
      out.push(part);
    }
  }
  return `${drive}${absolute || drive ? '/' : ''}${out.join('/')}`;
}

export function dirname(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? (at === 0 ? '/' : '.') : path.slice(0, at);
}

function join(base: string, relative: string): string {
  return normalize(`${base}/${relative}`);
}

function scriptKindOfPath(ts: typeof TS, path: string): TS.ScriptKind {
  if (/\.tsx$/i.test(path)) return ts.ScriptKind.TSX;
  if (/\.jsx$/i.test(path)) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/i.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** The export table of a module: ES exports and CommonJS `module.exports` / `exports.x`. */
export function exportTable(ts: typeof TS, file: ModuleFile): ExportTable {
  if (file.exports) return file.exports;
  const K = ts.SyntaxKind;
  const table: ExportTable = { named: new Map(), stars: [] };
  const exported = (node: TS.Node) => (ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined)?.some((m) => m.kind === K.ExportKeyword) ?? false;
  const isDefault = (node: TS.Node) => (ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined)?.some((m) => m.kind === K.DefaultKeyword) ?? false;
  for (const statement of file.sourceFile.statements) {
    switch (statement.kind) {
      case K.VariableStatement:
        if (!exported(statement)) break;
        for (const declaration of (statement as TS.VariableStatement).declarationList.declarations) {
          if (declaration.name.kind === K.Identifier) table.named.set(declaration.name.text, { kind: 'local', name: declaration.name.text });
        }
        break;
      case K.FunctionDeclaration:
      case K.ClassDeclaration:
      case K.EnumDeclaration:
      case K.InterfaceDeclaration:
      case K.TypeAliasDeclaration: {
        const name = (statement as TS.FunctionDeclaration).name;
        if (!exported(statement) || !name) break;
        table.named.set(isDefault(statement) ? 'default' : name.text, { kind: 'local', name: name.text });
        break;
      }
      case K.ExportAssignment: {
        const assignment = statement as TS.ExportAssignment;
        if (assignment.isExportEquals) table.commonJs = assignment.expression;
        else table.named.set('default', { kind: 'expression', expression: assignment.expression });
        break;
      }
      case K.ExportDeclaration: {
        const declaration = statement as TS.ExportDeclaration;
        const specifier = declaration.moduleSpecifier && ts.isStringLiteral(declaration.moduleSpecifier) ? declaration.moduleSpecifier.text : undefined;
        const clause = declaration.exportClause;
        if (!clause) {
          if (specifier) table.stars.push(specifier);
        } else if (clause.kind === K.NamedExports) {
          for (const element of clause.elements) {
            const local = (element.propertyName ?? element.name).text;
            table.named.set(element.name.text, specifier ? { kind: 'reexport', specifier, name: local } : { kind: 'local', name: local });
          }
        } else if (specifier) {
          table.named.set(clause.name.text, { kind: 'reexport', specifier, name: '*' });
        }
        break;
      }
      case K.ExpressionStatement: {
        // module.exports = …, module.exports.x = …, exports.x = …
        const expression = (statement as TS.ExpressionStatement).expression;
        if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== K.EqualsToken) break;
        const target = expression.left;
        if (isModuleExports(ts, target)) table.commonJs = expression.right;
        else if (ts.isPropertyAccessExpression(target) && (isModuleExports(ts, target.expression) || (ts.isIdentifier(target.expression) && target.expression.text === 'exports'))) {
          table.named.set(target.name.text, { kind: 'expression', expression: expression.right });
        }
        break;
      }
    }
  }
  file.exports = table;
  return table;
}

function isModuleExports(ts: typeof TS, node: TS.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'exports' && ts.isIdentifier(node.expression) && node.expression.text === 'module';
}
