import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describe, diagnosticsOf, openFile, rangeOf, resetWorkbench, waitFor, waitForDiagnostic } from '../util';

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'edit' in a || 'kind' in a);
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `applying "${action.title}" failed`);
}

suite('quick fixes', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(resetWorkbench);

  test('"Change http:// to https://" fixes successUrl and its diagnostic clears', async () => {
    const { document } = await openFile('quickfix.idenfy.json');
    const url = rangeOf(document, '"http://shop.example.com/kyc/success"');
    const diagnostic = await waitForDiagnostic(document.uri, 'BAD_VALUE', url);
    assert.match(diagnostic.message, /https:\/\//);

    const fixes = await quickFixes(document.uri, url);
    const fix = fixes.find((f) => f.title === 'Change http:// to https://');
    assert.ok(fix, `offered: ${JSON.stringify(fixes.map((f) => f.title))}`);
    assert.equal(fix.isPreferred, true);
    await apply(fix);

    assert.match(document.getText(), /"successUrl": "https:\/\/shop\.example\.com\/kyc\/success"/);
    await waitFor('the successUrl diagnostic to clear', () => !diagnosticsOf(document.uri).some((d) => /successUrl/.test(d.message)));
    // Only that one: the other mistakes are still reported.
    const left = diagnosticsOf(document.uri);
    assert.ok(
      left.some((d) => /PASPORT/.test(d.message)),
      describe(left),
    );
  });

  test('renaming the typo "clientID" to "clientId" clears both the unknown key and the missing clientId', async () => {
    const { document } = await openFile('quickfix.idenfy.json');
    const key = rangeOf(document, '"clientID"');
    await waitForDiagnostic(document.uri, 'unknown-field', key);
    assert.ok(
      diagnosticsOf(document.uri).some((d) => codeOf(d) === 'MISSING_VALUE'),
      describe(diagnosticsOf(document.uri)),
    );

    const fix = (await quickFixes(document.uri, key)).find((f) => f.title === "Rename 'clientID' to 'clientId'");
    assert.ok(fix, 'no rename fix offered');
    await apply(fix);

    assert.match(document.getText(), /"clientId": "e2e-quickfix"/);
    await waitFor('unknown-field and MISSING_VALUE to clear', () => !diagnosticsOf(document.uri).some((d) => codeOf(d) === 'unknown-field' || codeOf(d) === 'MISSING_VALUE'));
  });
});
