/** Exit codes of idenfy-token-lint. */
export const EXIT = {
  /** No error-severity finding, and warnings within --max-warnings. */
  ok: 0,
  /** At least one error, or more warnings than --max-warnings. */
  problems: 1,
  /** Bad input: usage, settings, a path or glob, an unreadable file. Never a stack trace. */
  badInput: 2,
} as const;

/** A problem with what the user gave us (arguments, settings, paths): reported as one message, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `ENOENT` → "no such file or directory", for messages about a path. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return code ? `${code}: ${message}` : message;
    }
  }
}
