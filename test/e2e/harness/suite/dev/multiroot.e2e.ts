import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describe, diagnosticsOf, resetWorkbench, waitFor } from '../util';

/**
 * Settings per workspace folder. Needs the multi-root workspace test/fixtures/e2e-workspace/two-accounts.code-workspace
 * (the dev session opens it): the folder "bank" declares idenfy.account.customCallbackUrl: false in its own
 * .vscode/settings.json, the first folder does not.
 */
suite('two workspace folders, two accounts', () => {
  suiteSetup(async function () {
    if ((vscode.workspace.workspaceFolders?.length ?? 0) < 2) {
      console.log('skipped: the window has one folder; open test/fixtures/e2e-workspace/two-accounts.code-workspace');
      this.skip();
    }
    await activateExtension();
  });
  teardown(resetWorkbench);

  test('the same payload: PERMISSIONS_ERROR in the bank folder, nothing in the other', async () => {
    const [first, bank] = vscode.workspace.workspaceFolders!;
    assert.equal(bank.name, 'bank');
    assert.equal(vscode.workspace.getConfiguration('idenfy', bank.uri).get('account.customCallbackUrl'), false);
    const inBank = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(bank.uri, 'callback.idenfy.json'));
    const inFirst = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(first.uri, 'callback.idenfy.json'));
    await vscode.window.showTextDocument(inBank, { preview: false });
    await vscode.window.showTextDocument(inFirst, { preview: false });
    await waitFor(`PERMISSIONS_ERROR in the bank folder; have ${describe(diagnosticsOf(inBank.uri))}`, () => diagnosticsOf(inBank.uri).some((d) => codeOf(d) === 'PERMISSIONS_ERROR'));
    // The first folder's copy is analysed (it has its lens) and stays clean.
    await waitFor(
      "the first folder's payload to be analysed",
      async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', inFirst.uri)) ?? []).length > 0 || undefined,
    );
    assert.deepEqual(diagnosticsOf(inFirst.uri).map(codeOf), [], describe(diagnosticsOf(inFirst.uri)));
  });
});
