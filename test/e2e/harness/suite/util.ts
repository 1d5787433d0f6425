/**
 * Helpers for the end-to-end suites, running inside the extension host of a real VS Code (see ../mochaIndex.ts).
 * Only the `vscode` API and Node here: no module of the extension itself, so the same helpers serve the suites that
 * test the installed .vsix.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'idenfy-tools.idenfy-token-tools';
/** The language server's diagnostics (server/diagnostics.ts DIAGNOSTIC_SOURCE). */
export const SOURCE = 'idenfy';

/** The extension, activated. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed; installed: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
  await extension.activate();
  return extension;
}

/** A file of the opened workspace folder. */
export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/**
 * Polls `probe` until it returns something other than undefined/false (or stops throwing), and returns that.
 * On timeout, fails with `what` and the last value or error seen.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what} (last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function openFile(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(...segments));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The diagnostic's code as a string (`{ value, target }` when the server gives a documentation link). */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function diagnosticsOf(uri: vscode.Uri, source = SOURCE): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => ({ code: codeOf(d), line: d.range.start.line, character: d.range.start.character, message: d.message })));
}

/** The range of the `occurrence`-th (0-based) appearance of `text` in the document. */
export function rangeOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = document.getText().indexOf(text, index + 1);
    assert.ok(index >= 0, `"${text}" (occurrence ${occurrence}) is not in ${document.uri.path}`);
  }
  return new vscode.Range(document.positionAt(index), document.positionAt(index + text.length));
}

/** Waits until the file has an `idenfy` diagnostic with this code exactly on `range`. */
export function waitForDiagnostic(uri: vscode.Uri, code: string, range: vscode.Range, source = SOURCE, timeoutMs?: number): Promise<vscode.Diagnostic> {
  return waitFor(
    `a ${code} diagnostic (source ${source}) at ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} in ${uri.path}; have ${describe(diagnosticsOf(uri, source))}`,
    () => diagnosticsOf(uri, source).find((d) => codeOf(d) === code && d.range.isEqual(range)),
    timeoutMs,
  );
}

/** Settles every change made by a test: reverts edited documents, closes editors, clears notifications. */
export async function resetWorkbench(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.isUntitled) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('notifications.clearAll');
}

/** Updates a user setting and waits until the extension host sees it. */
export async function setUserSetting(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
  await waitFor(
    `${section}.${key} to read ${JSON.stringify(value)}`,
    () => {
      const inspected = vscode.workspace.getConfiguration(section).inspect(key);
      return JSON.stringify(inspected?.globalValue) === JSON.stringify(value) ? true : undefined;
    },
    5000,
  );
}
