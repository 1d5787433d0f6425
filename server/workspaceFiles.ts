import * as fs from 'node:fs';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileSystemHost, MAX_MODULE_FILE_LENGTH, uriToPath } from '../core';

/**
 * The core's view of the workspace's other files, for following a payload across modules: an open document's text
 * wins over the disk (the user's unsaved edits count), else the disk. Files over the size bound are never read.
 */
export function workspaceFileSystem(documents: TextDocuments<TextDocument>): FileSystemHost {
  const openDocument = (path: string): TextDocument | undefined => {
    const wanted = normalizePath(path);
    return documents.all().find((document) => document.uri.startsWith('file:') && normalizePath(uriToPath(document.uri)) === wanted);
  };
  return {
    readFile(path) {
      const open = openDocument(path);
      if (open) return open.getText();
      try {
        const stat = fs.statSync(path);
        if (!stat.isFile() || stat.size > MAX_MODULE_FILE_LENGTH * 4) return undefined;
        return fs.readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    stat(path) {
      const open = openDocument(path);
      if (open) return { mtimeMs: -open.version, size: open.getText().length };
      try {
        const stat = fs.statSync(path);
        return stat.isFile() ? { mtimeMs: stat.mtimeMs, size: stat.size } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** `/c:/x` and `C:\x` alike; case kept (case-sensitive file systems). */
function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\/([a-z]:)/i, '$1')
    .replace(/^([a-z]):/i, (_, d: string) => `${d.toLowerCase()}:`);
}
