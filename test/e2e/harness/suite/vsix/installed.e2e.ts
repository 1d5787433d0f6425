/**
 * The packaged extension, installed from the .vsix with `code-server --install-extension` (tools/e2e.mjs): what
 * users get. Only the `vscode` API here; nothing of the extension's source is loaded.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describe, diagnosticsOf, EXTENSION_ID, openFile, rangeOf, resetWorkbench, waitFor, waitForDiagnostic } from '../util';

suite('installed .vsix', () => {
  teardown(resetWorkbench);

  // First in this window: the installed package declares onLanguage:python, and a Python file opened before any other
  // gets the hover. (code-server may already have activated it before the first test, with no document open: then
  // the declared event is what this test can prove, and it says so.)
  test('a Python file opened first shows the error-identifier hover; the package activates on onLanguage:python', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    assert.ok((extension.packageJSON.activationEvents as string[]).includes('onLanguage:python'), 'onLanguage:python declared');
    const open = vscode.workspace.textDocuments.map((d) => `${d.uri.toString()} (${d.languageId})`);
    if (extension.isActive) console.log(`note: already active before handler.py was opened (documents: ${open.join(', ') || 'none'})`);
    const { document } = await openFile('handler.py');
    assert.equal(document.languageId, 'python');
    await waitFor('activation by onLanguage:python', () => extension.isActive);
    const position = rangeOf(document, 'MISSING_VALUE').start.translate(0, 3);
    const text = await waitFor('the MISSING_VALUE hover in handler.py', async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /\*\*`MISSING_VALUE`\*\* · iDenfy error identifier/.test(all) ? all : undefined;
    });
    assert.match(text, /\*\*What to do:\*\*/);
  });

  test('is the installed package (not a development folder)', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    // An installed extension lives in the extensions folder, under publisher.name-version.
    assert.match(path.basename(extension.extensionPath), /^idenfy-tools\.idenfy-token-tools-\d+\.\d+\.\d+/);

    await openFile('diagnostics.idenfy.json');
    await waitFor('the extension to be active', () => extension.isActive);

    // The package holds the bundles, not the sources.
    const files = fs.readdirSync(extension.extensionPath);
    assert.ok(!files.includes('node_modules') && !files.includes('core') && !files.includes('test'), `shipped: ${files.join(', ')}`);
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', 'server.js')));
    assert.ok(!fs.existsSync(path.join(extension.extensionPath, 'dist', 'server.js.map')), 'source maps shipped');
  });

  test('reports a diagnostic from its language server', async () => {
    await activateExtension();
    const { document } = await openFile('diagnostics.idenfy.json');
    const diagnostic = await waitForDiagnostic(document.uri, 'BAD_VALUE', rangeOf(document, '7200'), undefined, 30_000);
    assert.match(diagnostic.message, /sessionLength/);
    assert.ok(
      diagnosticsOf(document.uri).some((d) => codeOf(d) === 'BAD_VALUE' && /country/.test(d.message)),
      describe(diagnosticsOf(document.uri)),
    );
  });

  test('checks Python with the tree-sitter runtime and grammar it ships (loaded from its own files on the first Python document)', async () => {
    const extension = await activateExtension();
    for (const file of ['web-tree-sitter.js', 'web-tree-sitter.wasm', 'tree-sitter-python.wasm', 'tree-sitter-php.wasm', 'typescript.js']) {
      assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', file)), `dist/${file} not shipped`);
    }
    const { document } = await openFile('token_request.py');
    const diagnostic = await waitForDiagnostic(document.uri, 'BAD_VALUE', rangeOf(document, '7200'), undefined, 30_000);
    assert.match(diagnostic.message, /sessionLength/);
  });

  test("keeps the language server's compiled code in its global storage, so the next start skips compiling", async () => {
    // The server writes the cache 10 s after its start (or at exit): by now it has checked JSON and Python documents.
    const userDataDir = process.env.E2E_USER_DATA_DIR;
    assert.ok(userDataDir, 'tools/e2e.mjs names the profile folder');
    const extension = await activateExtension();
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', 'server-main.js')), 'dist/server-main.js not shipped');
    await openFile('diagnostics.idenfy.json');
    const cacheDir = path.join(userDataDir, 'User', 'globalStorage', EXTENSION_ID.toLowerCase(), 'code-cache');
    const files = await waitFor(
      `a code cache of the server in ${cacheDir}`,
      () => {
        const names = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : [];
        return names.some((name) => /^server-main\.js\.[0-9a-f]{16}\.v8cache$/.test(name)) ? names : undefined;
      },
      30_000,
    );
    assert.ok(
      files.every((name) => name.endsWith('.v8cache')),
      `only cache files: ${files.join(', ')}`,
    );
  });

  test('contributes its commands', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['idenfy.sendTokenRequest', 'idenfy.setCredentials', 'idenfy.clearCredentials', 'idenfy.showOutput']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });

  test('explains an error identifier in code (the hover registered by the client bundle)', async () => {
    await activateExtension();
    const { document } = await openFile('handler.ts');
    const position = rangeOf(document, 'BAD_VALUE').start.translate(0, 3);
    const text = await waitFor('the BAD_VALUE hover', async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /iDenfy error identifier/.test(all) ? all : undefined;
    });
    assert.match(text, /\*\*`BAD_VALUE`\*\*/);
  });
});
