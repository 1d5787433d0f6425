import { UsageError } from './errors';

export type OutputFormat = 'human' | 'json' | 'sarif';

export interface CliOptions {
  readonly operands: readonly string[];
  readonly format: OutputFormat;
  readonly config?: string;
  readonly outputFile?: string;
  /** -1: no limit. */
  readonly maxWarnings: number;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** undefined: automatic (workers when there are many files). */
  readonly jobs?: number;
  readonly maxFileSizeBytes: number;
  readonly gitignore: boolean;
  readonly errorOnUnmatchedPattern: boolean;
  /** undefined: decide from the terminal and NO_COLOR / FORCE_COLOR. */
  readonly color?: boolean;
  readonly progress: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export const DEFAULT_MAX_FILE_SIZE_MB = 10;

export const HELP = `Usage: idenfy-token-lint [options] [path | glob ...]

Checks iDenfy POST /api/v2/token request payloads with the same detection, rules,
codes and settings as the iDenfy Token Request Tools extension for VS Code:
  - JSON files (.json, .jsonc) matching idenfy.payloadFiles, and other JSON files
    whose content is a token payload (package.json, tsconfig.json ... never are);
  - TypeScript/JavaScript sources (.ts .tsx .mts .cts .js .jsx .mjs .cjs): request
    bodies sent to /api/v2/token and object literals typed as a token request.
With no path, the current directory is checked. Directories are searched
recursively, skipping node_modules, .git and paths ignored by .gitignore files
(from the repository root down; outside a git repository, from the current
directory down). Paths named on the command line are checked even if ignored.
Symbolic links to files are followed, links to directories are not.
Quote globs ("src/**/*.ts") so that the shell does not expand them; an operand
starting with ! excludes what it matches.

Options:
  -f, --format <human|json|sarif>  Report format (default: human)
  -c, --config <file>        Read idenfy.* settings from this JSON file (nested
                             {"idenfy": {...}} or dotted "idenfy.account..." keys)
                             instead of .vscode/settings.json
  -o, --output-file <file>   Write the report to a file instead of standard output
      --max-warnings <n>     Exit with 1 when more than n warnings are found
                             (default: -1, no limit)
  -q, --quiet                Report errors only, in every format (warnings still
                             count for --max-warnings and in the summary)
      --verbose              Human format: also list information notes (legacy
                             values, DEV-only fields, ...) and the threads used.
                             json and sarif always include the notes (sarif
                             level "note").
  -j, --jobs <n|auto>        Threads that check files: auto (default) uses all
                             CPU cores when there are many files (400 or more)
                             and more than two cores (on two, one thread plus
                             V8's background work is faster), else one;
                             n > 1 adds n - 1 worker threads
      --max-file-size <MB>   Skip larger files with a note (default: ${DEFAULT_MAX_FILE_SIZE_MB})
      --no-gitignore         Do not read .gitignore files (node_modules and .git
                             are still skipped)
      --no-error-on-unmatched-pattern
                             A glob that matches no file is not an error
      --color, --no-color    Force colours on or off (default: on when standard
                             output is a terminal and NO_COLOR is not set)
      --no-progress          No progress line on standard error
  -h, --help                 Show this help
  -v, --version              Show the version

Settings: the idenfy.* keys of .vscode/settings.json in the current directory or
the nearest ancestor that has a .vscode folder (up to the repository root), or
of the --config file. A setting of the wrong type is an error (exit code 2).

Human format: one line per finding, "path:line:column  severity  code  message"
(line and column 1-based; columns count UTF-16 code units, as editors do), then
"N problems (E errors, W warnings)". Information notes are listed only with
--verbose. Skipped files (binary, too large) are noted on standard error.

JSON format (--format json), version 1:
  { "version": 1, "tool": {"name", "version"}, "cwd",
    "summary": {"filesChecked", "filesWithPayloads", "errors", "warnings",
                "notes", "skipped", "failures"},
    "files": [ {"path", "language": "json"|"code", "payloads",
                "findings": [ {"severity": "error"|"warning"|"information"|"hint",
                  "code", "message", "href", "field"?, "line", "column",
                  "endLine", "endColumn", "offset", "length",
                  "related": [ {"message", "line", "column", "endLine",
                                "endColumn", "offset", "length"} ] } ] } ],
    "skipped": [ {"path", "reason": "binary"|"too-large"|"unsupported"|
                  "broken-link", "message"} ],
    "failures": [ {"path", "message"} ] }
  "files" lists the files that hold a payload, sorted by path; paths are
  relative to the current directory, with "/" separators. endColumn is
  exclusive; offset and length count UTF-16 code units. "summary" counts every
  finding, also those --quiet leaves out of "files".

SARIF format (--format sarif): SARIF 2.1.0 for GitHub code scanning. One rule
per code seen; error -> "error", warning -> "warning", information -> "note".

Exit codes:
  0  no error, and no more warnings than --max-warnings
  1  at least one error, or more warnings than --max-warnings
  2  bad input: unknown option, invalid glob, a path that does not exist,
     settings of the wrong type, or a file that could not be read
`;

const FORMATS: readonly OutputFormat[] = ['human', 'json', 'sarif'];

interface Spec {
  readonly name: string;
  readonly short?: string;
  readonly value: boolean;
}

const SPECS: readonly Spec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'output-file', short: 'o', value: true },
  { name: 'max-warnings', value: true },
  { name: 'quiet', short: 'q', value: false },
  { name: 'verbose', value: false },
  { name: 'jobs', short: 'j', value: true },
  { name: 'max-file-size', value: true },
  { name: 'gitignore', value: false },
  { name: 'no-gitignore', value: false },
  { name: 'error-on-unmatched-pattern', value: false },
  { name: 'no-error-on-unmatched-pattern', value: false },
  { name: 'color', value: false },
  { name: 'no-color', value: false },
  { name: 'progress', value: false },
  { name: 'no-progress', value: false },
  { name: 'help', short: 'h', value: false },
  { name: 'version', short: 'v', value: false },
];

export function parseArgs(argv: readonly string[]): CliOptions {
  const operands: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  let color: boolean | undefined;
  let gitignore = true;
  let errorOnUnmatchedPattern = true;
  let progress = true;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      for (let j = i + 1; j < argv.length; j++) operands.push(argv[j]);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (arg === '-') throw new UsageError('reading from standard input is not supported: name files, directories or globs');
      operands.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    let spec: Spec | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      spec = SPECS.find((s) => s.name === name);
    } else {
      // -f json, -fjson, -q
      const short = arg[1];
      spec = SPECS.find((s) => s.short === short);
      name = spec?.name ?? arg;
      if (arg.length > 2) inline = arg.slice(2);
    }
    if (!spec) throw new UsageError(`unknown option ${arg.split('=')[0]}`, 'run idenfy-token-lint --help for the options');
    if (!spec.value) {
      if (inline !== undefined) {
        if (arg.startsWith('--')) throw new UsageError(`option --${spec.name} takes no value`);
        // -qv style bundles are not supported: keep errors explicit
        throw new UsageError(`unknown option ${arg}`, 'run idenfy-token-lint --help for the options');
      }
      switch (spec.name) {
        case 'color':
          color = true;
          break;
        case 'no-color':
          color = false;
          break;
        case 'gitignore':
          gitignore = true;
          break;
        case 'no-gitignore':
          gitignore = false;
          break;
        case 'error-on-unmatched-pattern':
          errorOnUnmatchedPattern = true;
          break;
        case 'no-error-on-unmatched-pattern':
          errorOnUnmatchedPattern = false;
          break;
        case 'progress':
          progress = true;
          break;
        case 'no-progress':
          progress = false;
          break;
        default:
          flags.add(spec.name);
      }
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`option --${spec.name} needs a value`);
      value = argv[++i];
    }
    values.set(spec.name, value);
  }

  const format = values.get('format') ?? 'human';
  if (!FORMATS.includes(format as OutputFormat)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${format}"`);
  }

  return {
    operands,
    format: format as OutputFormat,
    config: values.get('config'),
    outputFile: values.get('output-file'),
    maxWarnings: parseMaxWarnings(values.get('max-warnings')),
    quiet: flags.has('quiet'),
    verbose: flags.has('verbose'),
    jobs: parseJobs(values.get('jobs')),
    maxFileSizeBytes: parseMaxFileSize(values.get('max-file-size')),
    gitignore,
    errorOnUnmatchedPattern,
    color,
    progress,
    help: flags.has('help'),
    version: flags.has('version'),
  };
}

function parseMaxWarnings(text: string | undefined): number {
  if (text === undefined) return -1;
  if (!/^-?\d+$/.test(text.trim()) || Number(text) < -1) {
    throw new UsageError(`--max-warnings must be a whole number, 0 or more (or -1 for no limit); got "${text}"`);
  }
  return Number(text);
}

function parseJobs(text: string | undefined): number | undefined {
  if (text === undefined || text === 'auto') return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > 256) {
    throw new UsageError(`--jobs must be "auto" or a whole number from 1 to 256; got "${text}"`);
  }
  return Number(text);
}

function parseMaxFileSize(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_FILE_SIZE_MB * 1024 * 1024;
  const mb = Number(text);
  if (text.trim() === '' || !Number.isFinite(mb) || mb <= 0) {
    throw new UsageError(`--max-file-size must be a number of megabytes greater than 0; got "${text}"`);
  }
  return Math.round(mb * 1024 * 1024);
}
