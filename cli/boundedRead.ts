import * as fs from 'node:fs';
import { describeFsError } from './errors';

/** Why a file could not be read: a sentence to show after its name. */
export class BoundedReadError extends Error {}

/** Opening a FIFO must not block (there may be no writer): non-blocking open, then fstat says what it is. */
const OPEN_FLAGS = fs.constants.O_NONBLOCK !== undefined ? fs.constants.O_RDONLY | fs.constants.O_NONBLOCK : 'r';

/**
 * Reads a regular file as UTF-8, at most `maxBytes` of it: a device (/dev/zero), a FIFO or a directory is refused
 * with "not a regular file", a bigger file with "larger than …". Throws a BoundedReadError with a short reason.
 */
export function readBoundedText(file: string, maxBytes: number): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new BoundedReadError('is a directory');
    if (!stat.isFile()) throw new BoundedReadError('not a regular file (a device, FIFO or socket is not read)');
    if (stat.size > maxBytes) throw new BoundedReadError(`larger than ${describeSize(maxBytes)} (${describeSize(stat.size)})`);
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stat.size + 1, 4096)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    // The file grew since fstat: still never more than the limit.
    if (length > maxBytes) throw new BoundedReadError(`larger than ${describeSize(maxBytes)}`);
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof BoundedReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') throw new BoundedReadError('not a regular file');
    throw new BoundedReadError(describeFsError(error));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}
