import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describe, diagnosticsOf, openFile, rangeOf, resetWorkbench, waitFor, waitForDiagnostic } from '../util';

suite('diagnostics', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(resetWorkbench);

  test('a JSON payload file gets BAD_VALUE errors on the wrong values, and nothing else', async () => {
    const { document } = await openFile('diagnostics.idenfy.json');
    const country = await waitForDiagnostic(document.uri, 'BAD_VALUE', rangeOf(document, '"UK"'));
    const sessionLength = await waitForDiagnostic(document.uri, 'BAD_VALUE', rangeOf(document, '7200'));

    assert.equal(country.severity, vscode.DiagnosticSeverity.Error);
    assert.match(country.message, /country/);
    assert.match(sessionLength.message, /sessionLength must be an integer from 60 to 3600/);
    // The code links to iDenfy's documentation.
    assert.equal(typeof country.code === 'object' && country.code.target.scheme, 'https');
    assert.equal(diagnosticsOf(document.uri).length, 2, describe(diagnosticsOf(document.uri)));
  });

  test('typing a mistake into a payload reports it, and fixing it clears it', async () => {
    const editor = await openFile('send.idenfy.json');
    const { document } = editor;
    const locale = rangeOf(document, '"en"');
    await editor.edit((edit) => edit.replace(locale, '"english-uk"'));
    const found = await waitForDiagnostic(document.uri, 'BAD_VALUE', rangeOf(document, '"english-uk"'));
    assert.match(found.message, /locale/);

    await editor.edit((edit) => edit.replace(rangeOf(document, '"english-uk"'), '"en"'));
    await waitFor('the locale diagnostic to clear', () => diagnosticsOf(document.uri).length === 0);
  });

  test('a TypeScript request body sent to /api/v2/token gets the same checks', async () => {
    const { document } = await openFile('request.ts');
    const diagnostic = await waitForDiagnostic(document.uri, 'BAD_VALUE', rangeOf(document, '7200'), undefined, 30_000);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /sessionLength/);
    // The rest of the object is fine: one finding only, and none from a string elsewhere in the file.
    assert.deepEqual(diagnosticsOf(document.uri).map(codeOf), ['BAD_VALUE'], describe(diagnosticsOf(document.uri)));
  });

  test('a Python payload sent with requests gets the same checks (tree-sitter grammar loaded on open)', async () => {
    const { document } = await openFile('token_request.py');
    assert.equal(document.languageId, 'python');
    const diagnostic = await waitForDiagnostic(document.uri, 'BAD_VALUE', rangeOf(document, '7200'), undefined, 30_000);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /sessionLength/);
    assert.deepEqual(diagnosticsOf(document.uri).map(codeOf), ['BAD_VALUE'], describe(diagnosticsOf(document.uri)));
  });
});
