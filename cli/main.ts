/**
 * idenfy-token-lint: the extension's payload checks as a command for CI. See `--help` (cli/args.ts) for usage.
 * The shipped binary is an esbuild bundle of this file (dist/cli.js, with a `#!/usr/bin/env node` banner); the
 * same file is the script of its worker threads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileResult } from './analyze';
import { CliOptions, HELP, parseArgs } from './args';
import { loadSettings } from './config';
import { EXIT, UsageError, describeFsError } from './errors';
import { Discovery, discoverFiles, FileFailure, SkipNote } from './files';
import { packageInfo, TOOL_NAME } from './packageInfo';
import { Checker, isCliWorker, runWorker } from './pool';
import { Progress } from './progress';
import { countFindings, displayPath, formatDiagnosticsForStderr, formatHuman, formatJson, formatSarif, RunReport } from './report';

export async function run(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  const options = parseArgs(argv);
  if (options.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const info = packageInfo();
  if (options.version) {
    process.stdout.write(`${info.version}\n`);
    return EXIT.ok;
  }

  const stderrStyle = { enabled: useColour(options, process.stderr) };
  const settings = loadSettings(options.config, cwd);
  for (const warning of settings.warnings) process.stderr.write(`${TOOL_NAME}: warning: ${warning}\n`);

  const progress = new Progress(options.progress && process.stderr.isTTY === true && !process.env.CI, process.stderr);
  const checker = new Checker({
    rawSettings: settings.raw,
    workspaceRoot: settings.workspaceRoot,
    maxFileSizeBytes: options.maxFileSizeBytes,
    jobs: options.jobs,
    workerScript: workerScript(),
    onProgress: (done, found) => progress.update(`checking files... ${done}/${found}`),
  });
  let discovery: Discovery;
  let found = 0;
  try {
    discovery = discoverFiles(options.operands, {
      cwd,
      gitignore: options.gitignore,
      errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
      onFile: (file) => {
        checker.add(file);
        progress.update(`finding files... ${++found}`);
      },
    });
  } catch (error) {
    checker.abort();
    progress.clear();
    throw error;
  }
  const { outcomes, threads } = await checker.finish().finally(() => progress.clear());

  const results: FileResult[] = [];
  const skipped: SkipNote[] = [...discovery.skipped];
  const failures: FileFailure[] = [...discovery.failures];
  let notRead = 0;
  for (const outcome of outcomes) {
    if (outcome.result) results.push(outcome.result);
    if (outcome.skipped) skipped.push(outcome.skipped);
    if (outcome.failure) failures.push(outcome.failure);
    if (outcome.skipped || outcome.failure) notRead++;
  }
  const byPath = <T extends { path: string }>(a: T, b: T) => compare(displayPath(a.path, cwd), displayPath(b.path, cwd));
  results.sort(byPath);
  skipped.sort(byPath);
  failures.sort(byPath);

  const report: RunReport = {
    cwd,
    version: info.version,
    repositoryUrl: info.repositoryUrl,
    results,
    skipped,
    failures,
    filesChecked: discovery.files.length - notRead,
    threads,
    quiet: options.quiet,
    verbose: options.verbose,
    maxWarnings: options.maxWarnings,
  };

  const toFile = options.outputFile !== undefined;
  const output =
    options.format === 'json'
      ? formatJson(report)
      : options.format === 'sarif'
        ? formatSarif(report)
        : formatHuman(report, { enabled: toFile ? options.color === true : useColour(options, process.stdout) });
  if (toFile) {
    const file = path.resolve(cwd, options.outputFile!);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, output);
    } catch (error) {
      throw new UsageError(`cannot write ${options.outputFile}: ${describeFsError(error)}`);
    }
  } else {
    process.stdout.write(output);
  }
  // Skips and failures on stderr: all of them for the human format (json and sarif carry them too, so only
  // the failures that make the exit code 2 are repeated there).
  process.stderr.write(formatDiagnosticsForStderr(options.format === 'human' ? report : { ...report, skipped: [] }, stderrStyle));

  if (failures.length > 0) return EXIT.badInput;
  const counts = countFindings(results);
  if (counts.errors > 0) return EXIT.problems;
  if (options.maxWarnings >= 0 && counts.warnings > options.maxWarnings) return EXIT.problems;
  return EXIT.ok;
}

/**
 * The worker threads' script: the bundled dist/cli-worker.js or the compiled worker.js beside this file, else this
 * file itself (it turns into a worker when started as one).
 */
function workerScript(): string {
  for (const name of ['cli-worker.js', 'worker.js']) {
    const candidate = path.join(__dirname, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return __filename;
}

/** Colours: --color/--no-color, else NO_COLOR (any non-empty value) turns them off, FORCE_COLOR on, else a TTY. */
function useColour(options: CliOptions, stream: NodeJS.WriteStream): boolean {
  if (options.color !== undefined) return options.color;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function reportFatal(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${TOOL_NAME}: ${error.message}\n`);
    if (error.hint) process.stderr.write(`${TOOL_NAME}: ${error.hint}\n`);
    return EXIT.badInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${TOOL_NAME}: internal error: ${message}\n`);
  if (process.env.IDENFY_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write(`${TOOL_NAME}: set IDENFY_DEBUG=1 for details, and please report it\n`);
  return EXIT.badInput;
}

if (isCliWorker()) {
  runWorker();
} else if (require.main === module) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // `idenfy-token-lint | head`: the reader left; nothing more to say.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  });
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.exitCode = reportFatal(error);
    },
  );
}
