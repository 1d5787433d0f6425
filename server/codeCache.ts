/**
 * Loads the server's CommonJS bundles (dist/server-main.js, then dist/typescript.js on the first code document)
 * through V8's code cache, as VS Code loads its own code: the compiled code of one start is kept in a folder the
 * client names (the extension's global storage), and the next start deserialises it instead of compiling again.
 *
 * Measured on the production build: compiling typescript.js takes about 165 ms and server-main.js about 27 ms; from
 * the cache, about 35 ms and 4 ms (README → Speed).
 *
 * Safety: a cache file is named after the bundle's path, size and modification time and the V8 version, so a rebuilt
 * or updated bundle never meets an old cache; V8 itself rejects data made by another version or with other flags
 * (then the bundle is compiled as usual and the cache rewritten). The cache is an optimisation only: any failure to
 * read or write it leaves the server starting as it would without one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { isAscii } from 'node:buffer';
import { Script } from 'node:vm';

/** What happened with one bundle's cache: none kept (`absent`), kept and used, or kept but refused by V8. */
export type CacheOutcome = 'absent' | 'used' | 'rejected';

/** When a start with no usable cache writes one: late enough that start-up and a first analysis are compiled into it. */
const WRITE_AFTER_MS = 10_000;

const WRAPPER_PARAMETERS = '(function (exports, require, module, __filename, __dirname) { ';

interface Pending {
  readonly script: Script;
  readonly file: string;
  readonly cacheFile: string;
}

export class CodeCache {
  /** Per loaded bundle, what its cache did (for tests and the bench). */
  readonly outcomes = new Map<string, CacheOutcome>();
  private readonly loaded = new Map<string, unknown>();
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;

  /** `dir` undefined: load the same way, keep nothing (the CLI's tests, a client that names no folder). */
  constructor(private readonly dir: string | undefined) {}

  /**
   * Runs the CommonJS module `file` and returns its exports. Its `require` of a sibling bundle (`./typescript.js`)
   * goes through the cache as well; every other module is Node's.
   */
  load(file: string): unknown {
    const path = resolve(file);
    if (this.loaded.has(path)) return this.loaded.get(path);
    const bytes = readFileSync(path);
    // esbuild writes ASCII (non-ASCII is escaped): latin1 decodes it as utf8 would, without the utf8 decoder.
    const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    const cacheFile = this.dir === undefined ? undefined : join(this.dir, `${basename(path)}.${cacheKey(path)}.v8cache`);
    const cachedData = cacheFile === undefined ? undefined : readIfPresent(cacheFile);
    const script = new Script(WRAPPER_PARAMETERS + source + '\n})', { filename: path, cachedData });
    const outcome: CacheOutcome = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
    this.outcomes.set(path, outcome);
    if (cacheFile !== undefined && outcome !== 'used') this.writeLater({ script, file: path, cacheFile });

    const module = { exports: {} as unknown, id: path, filename: path, loaded: false };
    this.loaded.set(path, module.exports);
    const nodeRequire = createRequire(path);
    const requireSibling = (id: string) => {
      const sibling = join(dirname(path), id);
      const first = !this.outcomes.has(sibling);
      const exports = this.load(sibling);
      // The first start that needs TypeScript has run the server's code analysis too: keep that in the server's cache
      // as well (a cache made by a start that only saw JSON lacks it).
      if (first && this.outcomes.get(sibling) !== 'used' && cacheFile !== undefined && !this.pending.some((p) => p.file === path)) {
        this.writeLater({ script, file: path, cacheFile });
      }
      return exports;
    };
    const moduleRequire = Object.assign((id: string) => (isSiblingBundle(id) ? requireSibling(id) : nodeRequire(id)), {
      resolve: nodeRequire.resolve,
      cache: nodeRequire.cache,
      main: undefined,
    });
    try {
      const run = script.runInThisContext() as (...args: unknown[]) => void;
      run.call(module.exports, module.exports, moduleRequire, module, path, dirname(path));
    } catch (error) {
      this.loaded.delete(path);
      throw error;
    }
    module.loaded = true;
    this.loaded.set(path, module.exports);
    return module.exports;
  }

  /** Writes what is pending now (also called at exit). Errors are swallowed: a cache that cannot be kept is no cache. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = [];
    for (const { script, file, cacheFile } of pending) {
      try {
        // After running: the functions compiled so far (start-up, a first analysis) are in the data too.
        const data = script.createCachedData();
        const dir = dirname(cacheFile);
        mkdirSync(dir, { recursive: true });
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, data);
        renameSync(temporary, cacheFile); // atomic: two servers starting at once never read half a file
        removeOtherVersions(dir, basename(file), basename(cacheFile));
      } catch {
        // Read-only or full disk: the next start compiles as this one did.
      }
    }
  }

  private writeLater(pending: Pending): void {
    this.pending.push(pending);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), WRITE_AFTER_MS);
    this.timer.unref();
    process.once('exit', () => this.flush());
  }
}

/** `./typescript.js`, `./web-tree-sitter.js`: the bundles tools/build.mjs writes beside the server. */
function isSiblingBundle(id: string): boolean {
  return id.startsWith('./') && id.endsWith('.js') && !id.includes('/', 2);
}

function cacheKey(path: string): string {
  const { size, mtimeMs } = statSync(path);
  return createHash('sha256').update([path, size, mtimeMs, process.versions.v8, process.arch].join('\0')).digest('hex').slice(0, 16);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Drops the caches of earlier builds of the same bundle (an update leaves the old one behind otherwise). */
function removeOtherVersions(dir: string, bundle: string, keep: string): void {
  for (const name of readdirSync(dir)) {
    if (name !== keep && name.startsWith(`${bundle}.`) && name.endsWith('.v8cache')) rmSync(join(dir, name), { force: true });
  }
}
