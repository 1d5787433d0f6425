import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describe, diagnosticsOf, rangeOf, resetWorkbench, waitForDiagnostic } from '../util';

/** A minimal in-memory file system, as a virtual workspace (vscode-vfs, GitHub in the browser) provides one. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const data = this.files.get(uri.path);
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: data.length };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((p) => [p.slice(1), vscode.FileType.File]);
  }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const data = this.files.get(uri.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.files.set(uri.path, content);
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }
  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }
  rename(): void {}
}

suite('virtual file systems', () => {
  let registration: vscode.Disposable | undefined;
  suiteSetup(async () => {
    await activateExtension();
    registration = vscode.workspace.registerFileSystemProvider('idenfy-memfs', new MemoryFileSystem(), { isCaseSensitive: true });
  });
  suiteTeardown(() => registration?.dispose());
  teardown(resetWorkbench);

  test('a payload on an in-memory file system gets diagnostics', async () => {
    const uri = vscode.Uri.parse('idenfy-memfs:/request.idenfy.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('{\n  "clientId": "virtual",\n  "sessionLength": 7200\n}\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.uri.scheme, 'idenfy-memfs');
    const found = await waitForDiagnostic(uri, 'BAD_VALUE', rangeOf(document, '7200'));
    assert.match(found.message, /sessionLength/);
    assert.deepEqual(diagnosticsOf(uri).map(codeOf), ['BAD_VALUE'], describe(diagnosticsOf(uri)));
  });
});
